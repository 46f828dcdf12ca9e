// Fast export through the chat and the render request, over the real engine (loopback, the
// real planner, store and render queue): "fast export please" keeps m.export.fast with the
// draft and says so (and 快速导出 in Chinese); an export then keeps a small HEVC clip HEVC
// (hvc1) with no output.fast in the request; output.fast=false outranks the chat's choice
// (H.264); a bad output.fast is refused with a clear message and starts nothing.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace cw;

namespace {

// Submits a render with `output` and waits; the output's "codec,tag" or the error.
QString renderCodec(test::EngineClient& c, const QString& sid, const QJsonObject& output)
{
    const test::HttpReply submit =
        c.postJson("/api/render/proxy/lambda", QJsonObject{{"sessionId", sid}, {"output", output}});
    const QString id = submit.data().value("id").toString();
    if (id.isEmpty())
        return QStringLiteral("refused: ") + QString::fromUtf8(submit.body.left(300));
    for (int i = 0; i < 1200; ++i) {
        const test::HttpReply st = c.get("/api/render/proxy/lambda/" + id);
        const QString status = st.data().value("status").toString();
        if (status == QLatin1String("failed"))
            return QStringLiteral("failed: ") + QString::fromUtf8(st.body.left(300));
        if (status == QLatin1String("completed")) {
            QProcess p;
            p.start("ffprobe", {"-v", "error", "-select_streams", "v:0", "-show_entries",
                                "stream=codec_name,codec_tag_string", "-of", "csv=p=0",
                                st.data().value("output").toObject().value("path").toString()});
            p.waitForFinished(60000);
            return QString::fromUtf8(p.readAllStandardOutput().trimmed());
        }
        QThread::msleep(100);
    }
    return QStringLiteral("timed out");
}

} // namespace

class TstFastChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void chat();
};

void TstFastChat::chat()
{
    QString error;
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY2(test::runFfmpeg({"-f",           "lavfi",
                              "-i",           "testsrc2=s=1280x720:r=30:d=4",
                              "-f",           "lavfi",
                              "-i",           "sine=d=4:sample_rate=48000",
                              "-c:v",         "libx265",
                              "-preset",      "ultrafast",
                              "-x265-params", "log-level=error:keyint=30:min-keyint=30:open-gop=0",
                              "-pix_fmt",     "yuv420p",
                              "-tag:v",       "hvc1",
                              "-c:a",         "aac",
                              "-shortest",    clip},
                             &error),
             qPrintable(error));
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_PROXIES", "0");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(c.upload(sid, {{f.readAll(), "clip.mp4"}}).code(), 0);
    const auto exportSettings = [&] {
        return test::stateOf(c, sid).draft.m.value("export").toObject();
    };

    test::Turn t = test::runTurn(c, sid, "fast export please");
    QCOMPARE(t.calls, QStringList{"export_settings"});
    QVERIFY2(t.text.contains("source's codec is kept"), qPrintable(t.text));
    QCOMPARE(exportSettings().value("fast").toBool(), true);
    t = test::runTurn(c, sid, QStringLiteral("快速导出，保留原编码"));
    QVERIFY2(t.text.contains(QStringLiteral("保留原视频编码")), qPrintable(t.text));

    // The 720p preset is the clip's own size, so its GOPs can be copied.
    const QJsonObject asDraft{{"format", "mp4"}, {"quality", "high"}, {"preset", "720p"}};
    QCOMPARE(renderCodec(c, sid, asDraft), QStringLiteral("hevc,hvc1"));
    QJsonObject notFast = asDraft;
    notFast.insert("fast", false);
    QCOMPARE(renderCodec(c, sid, notFast), QStringLiteral("h264,avc1"));
    QJsonObject bad = asDraft;
    bad.insert("fast", "yes");
    const QString refused = renderCodec(c, sid, bad);
    QVERIFY2(refused.startsWith("refused") && refused.contains("output.fast must be true or false"),
             qPrintable(refused));
}

QTEST_GUILESS_MAIN(TstFastChat)
#include "tst_fastchat.moc"
