// The response shapes PROTOCOL.md allows, decoded from tables: render status in every form
// (envelope data or top level, four places for the URL), media items in upload and state
// forms, and session state including hostile values.
#include "MediaItem.h"
#include "SessionState.h"

#include <QJsonDocument>
#include <QTest>

using namespace cw;

namespace {
QJsonValue json(const char* text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text));
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue();
}
} // namespace

class TestSessionState : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void renderStatus_data();
    void renderStatus();
    void renderStatusPath();
    void mediaItem_data();
    void mediaItem();
    void sessionState_data();
    void sessionState();
};

void TestSessionState::renderStatus_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("progress");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("done");
    QTest::addColumn<bool>("failedFlag");

    QTest::newRow("engine pending") << R"({"id":"render_1","status":"pending","progress":0})"
                                    << "render_1"
                                    << "pending" << 0 << "" << false << false;
    QTest::newRow("output.url")
        << R"({"id":"r","status":"completed","progress":100,"output":{"url":"http://h/a.mp4"}})"
        << "r"
        << "completed" << 100 << "http://h/a.mp4" << true << false;
    QTest::newRow("outputUrl") << R"({"id":"r","status":"completed","outputUrl":"http://h/b.mp4"})"
                               << "r"
                               << "completed" << 100 << "http://h/b.mp4" << true << false;
    QTest::newRow("data.output.url")
        << R"({"success":true,"data":{"id":"r","status":"completed","output":{"url":"http://h/c.mp4"}}})"
        << "r"
        << "completed" << 100 << "http://h/c.mp4" << true << false;
    QTest::newRow("data.outputUrl")
        << R"({"data":{"id":"r","status":"completed","outputUrl":"http://h/d.mp4"}})"
        << "r"
        << "completed" << 100 << "http://h/d.mp4" << true << false;
    QTest::newRow("first present wins")
        << R"({"id":"r","status":"completed","output":{"url":"http://h/1"},"outputUrl":"http://h/2"})"
        << "r"
        << "completed" << 100 << "http://h/1" << true << false;
    QTest::newRow("processing string progress")
        << R"({"id":"r","status":"Processing","progress":"42.6"})"
        << "r"
        << "processing" << 43 << "" << false << false;
    QTest::newRow("failed with error")
        << R"({"id":"r","status":"failed","progress":12,"error":"ffmpeg exited"})"
        << "r"
        << "failed" << 12 << "" << true << true;
    QTest::newRow("cancelled") << R"({"id":"r","status":"cancelled"})"
                               << "r"
                               << "cancelled" << 0 << "" << true << true;
    QTest::newRow("hostile progress") << R"({"id":"r","status":"processing","progress":1e300})"
                                      << "r"
                                      << "processing" << 100 << "" << false << false;
    QTest::newRow("negative progress") << R"({"id":"r","status":"processing","progress":-5})"
                                       << "r"
                                       << "processing" << 0 << "" << false << false;
    QTest::newRow("url wrong type") << R"({"id":"r","status":"completed","outputUrl":42})"
                                    << "r"
                                    << "completed" << 100 << "" << true << false;
    QTest::newRow("empty") << "{}"
                           << ""
                           << "" << 0 << "" << false << false;
}

void TestSessionState::renderStatus()
{
    QFETCH(QString, body);
    QFETCH(QString, id);
    QFETCH(QString, status);
    QFETCH(int, progress);
    QFETCH(QString, url);
    QFETCH(bool, done);
    QFETCH(bool, failedFlag);
    const RenderStatus r = RenderStatus::fromJson(json(body.toUtf8().constData()));
    QCOMPARE(r.id, id);
    QCOMPARE(r.status, status);
    QCOMPARE(r.progress, progress);
    QCOMPARE(r.outputUrl, url);
    QCOMPARE(r.isDone(), done);
    QCOMPARE(r.isFailed(), failedFlag);
}

// The local engine also names its file: an app on the same machine links it instead of
// downloading; the cloud's answers have no path.
void TestSessionState::renderStatusPath()
{
    const RenderStatus local = RenderStatus::fromJson(json(
        R"({"id":"r","status":"completed","output":{"url":"http://h/a.mp4","path":"/d/r.mp4"}})"));
    QCOMPARE(local.outputPath, QStringLiteral("/d/r.mp4"));
    QCOMPARE(local.outputUrl, QStringLiteral("http://h/a.mp4"));
    QVERIFY(RenderStatus::fromJson(json(R"({"id":"r","status":"completed","output":{"path":7}})"))
                .outputPath.isEmpty());

    // A preview's window while the whole is drawn; a range that is not one is no window.
    const RenderStatus window = RenderStatus::fromJson(json(
        R"({"data":{"id":"p","status":"processing","progress":12,
            "window":{"path":"/d/p-window.mov","from_ms":25000,"to_ms":35000}}})"));
    QCOMPARE(window.windowPath, QStringLiteral("/d/p-window.mov"));
    QCOMPARE(window.windowFromMs, 25000);
    QCOMPARE(window.windowToMs, 35000);
    for (const char* bad :
         {R"({"status":"processing","window":{"path":"/w","from_ms":5000,"to_ms":5000}})",
          R"({"status":"processing","window":{"path":"/w","from_ms":-1,"to_ms":5000}})",
          R"({"status":"processing","window":{"path":"/w","from_ms":"0","to_ms":5000}})",
          R"({"status":"processing","window":"/w"})"})
        QVERIFY2(RenderStatus::fromJson(json(bad)).windowPath.isEmpty(), bad);
}

void TestSessionState::mediaItem_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("url");
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<int>("width");

    QTest::newRow("upload form")
        << R"({"media_id":"m1","filename":"a.mp4","file_type":"video","cdn_url":"http://127.0.0.1:5/files/media/m1","duration":17.52,"duration_ms":17520,"width":1280,"height":720,"fps":30,"hash":"ab"})"
        << "m1"
        << "a.mp4"
        << "video"
        << "http://127.0.0.1:5/files/media/m1" << qint64(17520) << 1280;
    QTest::newRow("seconds only")
        << R"({"media_id":"m2","filename":"b.wav","file_type":"audio","duration":2.5})"
        << "m2"
        << "b.wav"
        << "audio"
        << "" << qint64(2500) << 0;
    QTest::newRow("state form")
        << R"({"id":"m3","name":"c.png","type":"Image","url":"http://x/c.png"})"
        << "m3"
        << "c.png"
        << "image"
        << "http://x/c.png" << qint64(0) << 0;
    QTest::newRow("kind from name") << R"({"filename":"d.mov"})"
                                    << ""
                                    << "d.mov"
                                    << "video"
                                    << "" << qint64(0) << 0;
    QTest::newRow("hostile numbers")
        << R"({"media_id":"m4","duration":"nan","width":1e20,"height":-3,"fps":"x"})"
        << "m4"
        << ""
        << ""
        << "" << qint64(0) << 0;
    QTest::newRow("string duration") << R"({"media_id":"m5","duration":"3.25"})"
                                     << "m5"
                                     << ""
                                     << ""
                                     << "" << qint64(3250) << 0;
    QTest::newRow("empty") << "{}"
                           << ""
                           << ""
                           << ""
                           << "" << qint64(0) << 0;
}

void TestSessionState::mediaItem()
{
    QFETCH(QString, body);
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QString, url);
    QFETCH(qint64, durationMs);
    QFETCH(int, width);
    const MediaItem m = MediaItem::fromJson(json(body.toUtf8().constData()).toObject());
    QCOMPARE(m.id, id);
    QCOMPARE(m.fileName, name);
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.url.toString(), url);
    QCOMPARE(m.durationMs, durationMs);
    QCOMPARE(m.width, width);
    QVERIFY(m.height >= 0);
}

void TestSessionState::sessionState_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("tracks");
    QTest::addColumn<int>("media");

    QTest::newRow("engine")
        << R"({"session_id":"s","task_id":"t","version":3,"state":{"draft":{"v":1,"d":4000,"t":[{"id":"v1","tt":0,"n":"Video","sg":[{"id":"s1","src":"m1","st":0,"in":0,"d":4000}]}]},"video_infos":[{"media_id":"m1","filename":"a.mp4"}],"generated_media":[{"media_id":"g1","filename":"music.wav"}],"canvas_config":{"width":1920,"height":1080,"fps":30}}})"
        << true << 3 << 1 << 2;
    QTest::newRow("no draft yet") << R"({"session_id":"s","state":{"video_infos":[]}})" << true
                                  << -1 << 0 << 0;
    QTest::newRow("draft as string")
        << R"({"state":{"draft":"{\"t\":[{\"id\":\"a1\",\"tt\":1,\"sg\":[]}]}"}})" << true << -1
        << 1 << 0;
    QTest::newRow("fields at top level")
        << R"({"draft":{"t":[]},"video_infos":[{"id":"m"}]})" << true << -1 << 0 << 1;
    QTest::newRow("broken draft string")
        << R"({"state":{"draft":"{not json"}})" << false << -1 << 0 << 0;
    QTest::newRow("not an object") << "" << false << -1 << 0 << 0;
    QTest::newRow("media entries of wrong type")
        << R"({"state":{"video_infos":[1,"x",null]}})" << true << -1 << 0 << 0;
}

void TestSessionState::sessionState()
{
    QFETCH(QString, body);
    QFETCH(bool, ok);
    QFETCH(int, version);
    QFETCH(int, tracks);
    QFETCH(int, media);
    QString error;
    const auto s = SessionState::fromJson(json(body.toUtf8().constData()), &error);
    QCOMPARE(bool(s), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(s->version, version);
    QCOMPARE(s->draft.t.size(), tracks);
    QCOMPARE(s->media.size(), media);
}

QTEST_GUILESS_MAIN(TestSessionState)
#include "tst_sessionstate.moc"
