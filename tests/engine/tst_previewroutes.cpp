// The media-visual routes of the real engine process: GET .../thumbnail answers a JPEG (magic
// bytes, the requested width clamped to 32..640, the clip's aspect, frames that differ along
// the clip, a cache that gives the same bytes again) and clear envelopes for unknown
// sessions and media, audio-only media (4001), another session's media and a missing token.
// The "preview" render preset renders a 640x360 file of the draft's length; a draft of
// another shape keeps its aspect with 640 pixels on its long side.
#include "EngineClient.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace cw::test;

namespace {

// Width and height from a baseline or progressive JPEG's SOF marker; {0,0} if none.
QSize jpegSize(const QByteArray& jpeg)
{
    int i = 2;
    while (i + 9 < jpeg.size()) {
        if (uchar(jpeg[i]) != 0xFF)
            return {};
        const uchar marker = uchar(jpeg[i + 1]);
        const int length = (uchar(jpeg[i + 2]) << 8) | uchar(jpeg[i + 3]);
        if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
            const int h = (uchar(jpeg[i + 5]) << 8) | uchar(jpeg[i + 6]);
            const int w = (uchar(jpeg[i + 7]) << 8) | uchar(jpeg[i + 8]);
            return {w, h};
        }
        i += 2 + length;
    }
    return {};
}

bool isJpeg(const QByteArray& b)
{
    return b.size() > 100 && b.startsWith("\xFF\xD8\xFF") && b.endsWith("\xFF\xD9");
}

} // namespace

class TstPreviewRoutes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thumbnail_data();
    void thumbnail();
    void framesDifferAlongTheClip();
    void cachedOnDisk();
    void errors_data();
    void errors();
    void previewPreset_data();
    void previewPreset();
    void oldPreviewsAreRemoved();

private:
    // Submits a render of the session's draft (or `draft`) and waits for it to end.
    QJsonObject render(const QString& sid, const QString& id, const QString& preset,
                       const QJsonObject& draft = {})
    {
        QJsonObject body{{"id", id},
                         {"sessionId", sid},
                         {"output", QJsonObject{{"format", "mp4"}, {"preset", preset}}}};
        if (!draft.isEmpty())
            body.insert("draft", draft);
        if (m_client->postJson(QStringLiteral("/api/render/proxy/lambda"), body).code() != 0)
            return {};
        QElapsedTimer t;
        t.start();
        QJsonObject d;
        while (t.elapsed() < 60000) {
            d = m_client->get(QStringLiteral("/api/render/proxy/lambda/") + id).data();
            if (d.value("status") == "completed" || d.value("status") == "failed")
                break;
            QThread::msleep(100);
        }
        return d;
    }

    QString thumbPath(const QString& media, const QString& query) const
    {
        return QStringLiteral("/api/media/%1/%2/thumbnail%3").arg(m_sid, media, query);
    }
    QTemporaryDir m_dir;
    TestEngine m_engine;
    std::unique_ptr<EngineClient> m_client;
    QString m_sid;
    QString m_otherSid;
    QString m_video;
    QString m_audio;
    QString m_otherVideo;
};

void TstPreviewRoutes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), QStringLiteral("ultrafast"));
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    m_client = std::make_unique<EngineClient>(m_engine.baseUrl(), m_engine.token());
    m_sid = m_client->createSession();
    m_otherSid = m_client->createSession();
    QVERIFY(!m_sid.isEmpty() && !m_otherSid.isEmpty());

    const QString video = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY2(
        runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=3", "-f", "lavfi",
                   "-i", "sine=frequency=440:duration=3", "-c:v", "libx264", "-preset", "ultrafast",
                   "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", video},
                  &error),
        qPrintable(error));
    const QString audio = m_dir.filePath(QStringLiteral("tone.wav"));
    QVERIFY2(runFfmpeg({"-f", "lavfi", "-i", "sine=frequency=330:duration=2", audio}, &error),
             qPrintable(error));
    auto upload = [this](const QString& sid, const QString& path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return QString();
        const HttpReply r = m_client->upload(sid, {{f.readAll(), QFileInfo(path).fileName()}});
        return r.data()
            .value(QStringLiteral("files"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("media_id"))
            .toString();
    };
    m_video = upload(m_sid, video);
    m_audio = upload(m_sid, audio);
    m_otherVideo = upload(m_otherSid, video);
    QVERIFY(!m_video.isEmpty() && !m_audio.isEmpty() && !m_otherVideo.isEmpty());
}

void TstPreviewRoutes::thumbnail_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("width"); // expected; the height keeps 16:9 (rounded to even)
    QTest::newRow("defaults") << QString() << 160;
    QTest::newRow("at and width") << QStringLiteral("?at=500&w=96") << 96;
    QTest::newRow("representative") << QStringLiteral("?at=-1&w=200") << 200;
    QTest::newRow("tiny width clamped") << QStringLiteral("?w=4") << 32;
    QTest::newRow("huge width clamped") << QStringLiteral("?at=100&w=50000") << 640;
    QTest::newRow("negative width clamped") << QStringLiteral("?w=-300") << 32;
    QTest::newRow("odd width made even") << QStringLiteral("?w=101") << 100;
    QTest::newRow("past the end") << QStringLiteral("?at=99999999&w=64") << 64;
    QTest::newRow("garbage values") << QStringLiteral("?at=soon&w=wide") << 160;
}

void TstPreviewRoutes::thumbnail()
{
    QFETCH(QString, query);
    QFETCH(int, width);
    const HttpReply r = m_client->get(thumbPath(m_video, query));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith(QStringLiteral("image/jpeg")));
    QVERIFY2(isJpeg(r.body), r.body.left(200).constData());
    const QSize size = jpegSize(r.body);
    QCOMPARE(size.width(), width);
    QVERIFY2(qAbs(size.height() - width * 9 / 16) <= 2, qPrintable(QString::number(size.height())));
}

void TstPreviewRoutes::framesDifferAlongTheClip()
{
    const HttpReply early = m_client->get(thumbPath(m_video, QStringLiteral("?at=200&w=160")));
    const HttpReply late = m_client->get(thumbPath(m_video, QStringLiteral("?at=2600&w=160")));
    QVERIFY(isJpeg(early.body) && isJpeg(late.body));
    QVERIFY(early.body != late.body);
}

void TstPreviewRoutes::cachedOnDisk()
{
    const QString query = QStringLiteral("?at=1234&w=120");
    const HttpReply first = m_client->get(thumbPath(m_video, query));
    QVERIFY(isJpeg(first.body));
    const QString cached =
        QDir(m_engine.dataDir()).filePath(QStringLiteral("thumbs/%1-1234-120.jpg").arg(m_video));
    QVERIFY2(QFileInfo::exists(cached), qPrintable(cached));
    QElapsedTimer t;
    t.start();
    const HttpReply second = m_client->get(thumbPath(m_video, query));
    QCOMPARE(second.body, first.body);
    QVERIFY2(t.elapsed() < 2000, "a cached frame is served without decoding");
}

void TstPreviewRoutes::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("authorized");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("code");
    const QString t = QStringLiteral("/api/media/%1/%2/thumbnail");
    QTest::newRow("unknown media") << t.arg(m_sid, QStringLiteral("m_nope")) << true << 404 << 4004;
    QTest::newRow("path-like id") << t.arg(m_sid, QStringLiteral("..")) << true << 404 << 4004;
    QTest::newRow("another session's media") << t.arg(m_sid, m_otherVideo) << true << 404 << 4004;
    QTest::newRow("unknown session")
        << t.arg(QStringLiteral("s_nope"), m_video) << true << 404 << 1002;
    QTest::newRow("audio only") << t.arg(m_sid, m_audio) << true << 415 << 4001;
    QTest::newRow("no token") << t.arg(m_sid, m_video) << false << 401 << 1001;
}

void TstPreviewRoutes::errors()
{
    QFETCH(QString, path);
    QFETCH(bool, authorized);
    QFETCH(int, httpStatus);
    QFETCH(int, code);
    EngineClient client(m_engine.baseUrl(), authorized ? m_engine.token() : QString());
    const HttpReply r = client.get(path);
    QCOMPARE(r.code(), code);
    QCOMPARE(r.status, httpStatus);
    QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(!r.body.startsWith("\xFF\xD8"));
}

void TstPreviewRoutes::previewPreset_data()
{
    QTest::addColumn<int>("draftWidth"); // m.width/m.height of the draft; 0: as uploaded
    QTest::addColumn<int>("draftHeight");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("16:9") << 0 << 0 << QSize(640, 360);
    QTest::newRow("vertical") << 1080 << 1920 << QSize(360, 640);
    QTest::newRow("square") << 1080 << 1080 << QSize(640, 640);
}

void TstPreviewRoutes::previewPreset()
{
    QFETCH(int, draftWidth);
    QFETCH(int, draftHeight);
    QFETCH(QSize, expected);
    const QString id = QStringLiteral("preview_%1_%2")
                           .arg(QDateTime::currentMSecsSinceEpoch())
                           .arg(QTest::currentDataTag())
                           .replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), "_");
    QJsonObject draft;
    if (draftWidth > 0) {
        draft = m_client->state(m_sid).data().value("state").toObject().value("draft").toObject();
        QJsonObject meta = draft.value("m").toObject();
        meta.insert("width", draftWidth);
        meta.insert("height", draftHeight);
        draft.insert("m", meta);
    }
    const QJsonObject d = render(m_sid, id, QStringLiteral("preview"), draft);
    QCOMPARE(d.value("status").toString(), QStringLiteral("completed"));
    const HttpReply file = m_client->get(QStringLiteral("/files/renders/%1.mp4").arg(id));
    QCOMPARE(file.status, 200);
    const QString out = m_dir.filePath(QStringLiteral("preview.mp4"));
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(file.body);
    f.close();
    const QJsonObject info = probe(out);
    int width = 0, height = 0;
    for (const QJsonValue& s : info.value("streams").toArray()) {
        if (s.toObject().value("codec_type") == "video") {
            width = s.toObject().value("width").toInt();
            height = s.toObject().value("height").toInt();
        }
    }
    QCOMPARE(QSize(width, height), expected);
    const double seconds = info.value("format").toObject().value("duration").toString().toDouble();
    QVERIFY2(qAbs(seconds - 3.0) < 0.15, qPrintable(QString::number(seconds)));
}

// The engine keeps the newest three previews of a session: older ones lose their file and
// report why; exports and other sessions' previews are never touched.
void TstPreviewRoutes::oldPreviewsAreRemoved()
{
    const QString stamp = QString::number(QDateTime::currentMSecsSinceEpoch());
    const QString exportId = "export_" + stamp;
    QCOMPARE(render(m_otherSid, exportId, "720p").value("status").toString(), "completed");
    const QString otherPreview = "other_" + stamp;
    QCOMPARE(render(m_sid, otherPreview, "preview").value("status").toString(), "completed");
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << QStringLiteral("prev%1_%2").arg(i).arg(stamp);
        QCOMPARE(render(m_otherSid, ids.last(), "preview").value("status").toString(), "completed");
    }
    for (int i = 0; i < ids.size(); ++i) {
        const QJsonObject d = m_client->get("/api/render/proxy/lambda/" + ids[i]).data();
        const int fileStatus = m_client->get("/files/renders/" + ids[i] + ".mp4").status;
        const bool kept = i >= ids.size() - 3;
        QCOMPARE(d.value("status").toString(), kept ? "completed" : "failed");
        QCOMPARE(fileStatus, kept ? 200 : 404);
        QCOMPARE(QFile::exists(m_engine.dataDir() + "/renders/" + ids[i] + ".mp4"), kept);
        if (!kept)
            QVERIFY2(d.value("error").toString().contains("newer preview"),
                     qPrintable(QJsonDocument(d).toJson()));
    }
    QCOMPARE(m_client->get("/files/renders/" + exportId + ".mp4").status, 200);
    QCOMPARE(m_client->get("/files/renders/" + otherPreview + ".mp4").status, 200);
}

QTEST_GUILESS_MAIN(TstPreviewRoutes)
#include "tst_previewroutes.moc"
