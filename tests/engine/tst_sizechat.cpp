// Compress to a size through the chat, over the real engine (loopback, the real planner and
// store): the size said is kept with the draft's export settings and the reply says the trade
// (bitrates, picture size); a named limit (WhatsApp) the same; a size too small for the video
// says the smallest that works and changes nothing; compressing with no size stays declined.
// The export itself is tst_sizetarget's.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;

class TstSizeChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void chat();
};

void TstSizeChat::chat()
{
    QString error;
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=6", "-f", "lavfi",
                              "-i", "sine=d=6:sample_rate=48000", "-c:v", "libx264", "-pix_fmt",
                              "yuv420p", "-c:a", "aac", "-shortest", clip},
                             &error),
             qPrintable(error));
    test::TestEngine engine;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(c.upload(sid, {{f.readAll(), "clip.mp4"}}).code(), 0);
    const auto exportSettings = [&] {
        return test::stateOf(c, sid).draft.m.value("export").toObject();
    };

    test::Turn t = test::runTurn(c, sid, "compress it to under 2MB");
    QCOMPARE(t.calls, QStringList{"export_settings"});
    QVERIFY2(t.text.contains("under 2.0 MB") && t.text.contains("kb/s"), qPrintable(t.text));
    QCOMPARE(exportSettings().value("max_bytes").toInteger(), 2000000);

    t = test::runTurn(c, sid, "make it small enough for WhatsApp");
    QVERIFY2(t.text.contains("under 16.0 MB"), qPrintable(t.text));
    QCOMPARE(exportSettings().value("max_bytes").toInteger(), 16000000);

    // Too small for six seconds: the smallest that works, nothing changed.
    const int version = test::stateOf(c, sid).version;
    t = test::runTurn(c, sid, "压缩到0.01MB以内");
    QVERIFY2(t.text.contains("至少需要"), qPrintable(t.text));
    QCOMPARE(test::stateOf(c, sid).version, version);
    QCOMPARE(exportSettings().value("max_bytes").toInteger(), 16000000);

    t = test::runTurn(c, sid, "compress the video");
    QVERIFY(t.calls.isEmpty());
    QVERIFY2(t.text.contains("compressing with no size to aim for"), qPrintable(t.text));
}

QTEST_GUILESS_MAIN(TstSizeChat)
#include "tst_sizechat.moc"
