// Renders through the real engine process: submit, poll to completion, download with Range,
// check the file with ffprobe; request validation; cancelling a running render; and an
// engine killed mid-render that, restarted on the same data dir, reports the job as failed
// with a reason instead of leaving it "processing" forever. Encoder speed: ultrafast.
#include "EngineClient.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>

using namespace cw::test;

namespace {

QJsonObject renderBody(const QString& id, const QString& sid, const QString& preset)
{
    QJsonObject o{
        {"sessionId", sid},
        {"output", QJsonObject{{"format", "mp4"}, {"quality", "high"}, {"preset", preset}}}};
    if (!id.isNull())
        o.insert("id", id);
    return o;
}

QString uniqueId(const char* prefix)
{
    static int n = 0;
    return QStringLiteral("%1_%2_%3")
        .arg(QLatin1String(prefix))
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(++n);
}

// Polls until the job leaves pending/processing (or `until` says stop); returns its data.
QJsonObject pollJob(EngineClient& c, const QString& id, int timeoutMs,
                    const std::function<bool(const QJsonObject&)>& until = nullptr)
{
    QElapsedTimer t;
    t.start();
    QJsonObject d;
    while (t.elapsed() < timeoutMs) {
        d = c.get("/api/render/proxy/lambda/" + id).data();
        const QString status = d.value("status").toString();
        if (until ? until(d) : (status != "pending" && status != "processing"))
            return d;
        QThread::msleep(100);
    }
    return d;
}

// Direct children of `pid` (Linux /proc).
// A zombie (state Z, not yet reaped by init) counts as dead.
bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const int paren = line.lastIndexOf(')');
    return paren > 0 && paren + 2 < line.size() && line.at(paren + 2) != 'Z';
}

QList<qint64> childPids(qint64 pid)
{
    QList<qint64> pids;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + "/children"));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& part : f.readAll().split(' '))
            if (part.trimmed().toLongLong() > 0)
                pids << part.trimmed().toLongLong();
    }
    return pids;
}

} // namespace

class TstEngineRender : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void renderAndDownload();
    void renderErrors_data();
    void renderErrors();
    void cancelRunningRender();
    void killDuringRenderThenRestart();

private:
    EngineClient client() { return EngineClient(m_engine.baseUrl(), m_engine.token()); }
    QString uploadClip(EngineClient& c, QString* mediaId = nullptr);

    TestEngine m_engine;
    QTemporaryDir m_tmp;
    QByteArray m_clipBytes;
    QString m_sid;
    qint64 m_draftMs = 0;
};

QString TstEngineRender::uploadClip(EngineClient& c, QString* mediaId)
{
    const QString sid = c.createSession();
    const HttpReply r = c.upload(sid, {{m_clipBytes, "talk.mp4"}});
    if (mediaId)
        *mediaId = r.data().value("files").toArray().at(0).toObject().value("media_id").toString();
    return r.status == 200 ? sid : QString();
}

void TstEngineRender::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QString error;
    const QString clip = m_tmp.filePath("talk.mp4");
    QVERIFY2(!makeSpeechClip(clip, 1.5, 3, 1280, 720, &error).isEmpty(), qPrintable(error));
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_clipBytes = f.readAll();
    m_engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    EngineClient c = client();
    m_sid = uploadClip(c);
    QVERIFY(!m_sid.isEmpty());
    QList<cw::AgentEvent> events;
    c.runSse(m_sid, "cut the pauses", &events);
    QCOMPARE(events.size(), 3);
    const QJsonObject draft =
        c.state(m_sid).data().value("state").toObject().value("draft").toObject();
    QCOMPARE(draft.value("t").toArray().at(0).toObject().value("sg").toArray().size(), 4);
    m_draftMs = draft.value("d").toInteger();
}

void TstEngineRender::cleanupTestCase()
{
    QVERIFY(m_engine.stop());
}

void TstEngineRender::renderAndDownload()
{
    EngineClient c = client();
    const QString id = uniqueId("render");
    const HttpReply submit = c.postJson("/api/render/proxy/lambda", renderBody(id, m_sid, "1080p"));
    QCOMPARE(submit.status, 200);
    QCOMPARE(submit.data().value("id").toString(), id);
    QCOMPARE(submit.data().value("status").toString(), QStringLiteral("pending"));
    QCOMPARE(submit.data().value("progress").toInt(), 0);

    int lastProgress = 0;
    const QJsonObject done = pollJob(c, id, 110000, [&](const QJsonObject& d) {
        const int p = d.value("progress").toInt();
        if (p < lastProgress)
            qWarning("progress went backwards: %d -> %d", lastProgress, p);
        lastProgress = std::max(lastProgress, p);
        const QString s = d.value("status").toString();
        return s == "completed" || s == "failed";
    });
    QCOMPARE(done.value("status").toString(), QStringLiteral("completed"));
    QCOMPARE(done.value("progress").toInt(), 100);
    const QString url = m_engine.baseUrl().toString() + "/files/renders/" + id + ".mp4";
    QCOMPARE(done.value("output").toObject().value("url").toString(), url);
    QCOMPARE(done.value("outputUrl").toString(), url);
    QVERIFY(!done.contains("error"));

    const HttpReply whole = c.get("/files/renders/" + id + ".mp4");
    QCOMPARE(whole.status, 200);
    QVERIFY(whole.body.size() > 100000);
    const HttpReply part = c.get("/files/renders/" + id + ".mp4", {{"Range", "bytes=4096-8191"}});
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, whole.body.mid(4096, 4096));
    QCOMPARE(part.header("Content-Range"),
             QStringLiteral("bytes 4096-8191/%1").arg(whole.body.size()));

    const QString out = m_tmp.filePath(id + ".mp4");
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(whole.body);
    f.close();
    const QJsonObject info = probe(out);
    bool video = false;
    bool audio = false;
    for (const QJsonValue& v : info.value("streams").toArray()) {
        const QJsonObject s = v.toObject();
        if (s.value("codec_type") == "video") {
            video = true;
            QCOMPARE(s.value("codec_name").toString(), QStringLiteral("h264"));
            QCOMPARE(s.value("width").toInt(), 1920);
            QCOMPARE(s.value("height").toInt(), 1080);
        } else if (s.value("codec_type") == "audio") {
            audio = true;
            QCOMPARE(s.value("codec_name").toString(), QStringLiteral("aac"));
        }
    }
    QVERIFY(video && audio);
    const double seconds = info.value("format").toObject().value("duration").toString().toDouble();
    QVERIFY2(qAbs(seconds * 1000 - m_draftMs) < 500, qPrintable(QString::number(seconds)));
    QVERIFY(QDir(m_engine.dataDir() + "/renders").entryList({"*.part"}, QDir::Files).isEmpty());
}

void TstEngineRender::renderErrors_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    EngineClient c = client();
    const QString empty = c.createSession();
    QString otherMedia;
    const QString other = uploadClip(c, &otherMedia);
    QVERIFY(!other.isEmpty());

    QTest::newRow("no session id") << QJsonObject{{"id", "r1"}} << 400 << 4000;
    QTest::newRow("unknown session") << renderBody("r2", "ses_nope", "1080p") << 404 << 1002;
    QTest::newRow("empty timeline") << renderBody("r3", empty, "1080p") << 409 << 4009;
    QTest::newRow("unknown preset") << renderBody("r4", m_sid, "8k-imax") << 400 << 4000;
    QTest::newRow("bad id") << renderBody("../../etc/x", m_sid, "1080p") << 400 << 4000;
    QTest::newRow("id too long") << renderBody(QString(65, 'a'), m_sid, "1080p") << 400 << 4000;
    // gif, webm, mov, mp3, m4a and wav are rendered too (tst_exportformats); avi is not.
    QJsonObject avi = renderBody("r5", m_sid, "1080p");
    avi.insert("output", QJsonObject{{"format", "avi"}});
    QTest::newRow("format avi") << avi << 400 << 4000;
    auto withDraft = [&](const char* id, const QJsonValue& draft) {
        QJsonObject o = renderBody(id, m_sid, "1080p");
        o.insert("draft", draft);
        return o;
    };
    const QJsonObject foreign{
        {"v", 1},
        {"t",
         QJsonArray{QJsonObject{
             {"id", "v1"},
             {"tt", 0},
             {"sg", QJsonArray{QJsonObject{
                        {"id", "s1"}, {"src", otherMedia}, {"st", 0}, {"in", 0}, {"d", 1000}}}}}}}};
    QTest::newRow("media of another session") << withDraft("r6", foreign) << 404 << 4004;
    QJsonObject negative = foreign;
    negative["t"] = QJsonArray{QJsonObject{
        {"id", "v1"},
        {"tt", 0},
        {"sg", QJsonArray{QJsonObject{{"id", "s1"}, {"src", "m"}, {"st", 0}, {"d", -5}}}}}};
    QTest::newRow("invalid draft") << withDraft("r7", negative) << 400 << 4000;
    QTest::newRow("draft wrong type") << withDraft("r8", QJsonValue(42)) << 400 << 4000;
    QTest::newRow("draft string that is not JSON")
        << withDraft("r11", QJsonValue("{not json")) << 400 << 4000;
    QTest::newRow("draft string holding an array")
        << withDraft("r12", QJsonValue("[1, 2]")) << 400 << 4000;
    QTest::newRow("draft not decodable")
        << withDraft("r9", QJsonObject{{"t", "not an array"}}) << 400 << 4000;
    QTest::newRow("empty explicit draft")
        << withDraft("r10", QJsonObject{{"v", 1}, {"t", QJsonArray()}}) << 409 << 4009;
}

void TstEngineRender::renderErrors()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(int, code);
    EngineClient c = client();
    const HttpReply r = c.postJson("/api/render/proxy/lambda", body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.code(), code);
    const QString id = body.value("id").toString();
    if (!id.isEmpty() && id.size() <= 64 && !id.contains('/')) {
        const HttpReply g = c.get("/api/render/proxy/lambda/" + id);
        QCOMPARE(g.status, 404);
        QCOMPARE(g.code(), 4004);
    }
}

void TstEngineRender::cancelRunningRender()
{
    EngineClient c = client();
    const QString id = uniqueId("cancel");
    QCOMPARE(c.postJson("/api/render/proxy/lambda", renderBody(id, m_sid, "4k")).status, 200);
    // A second submit with the same id is refused.
    const HttpReply dup = c.postJson("/api/render/proxy/lambda", renderBody(id, m_sid, "4k"));
    QCOMPARE(dup.status, 409);
    QCOMPARE(dup.code(), 4009);
    const QJsonObject running = pollJob(c, id, 60000, [](const QJsonObject& d) {
        return d.value("status").toString() != "pending";
    });
    QCOMPARE(running.value("status").toString(), QStringLiteral("processing"));
    const HttpReply cancel = c.post("/api/render/proxy/lambda/" + id + "/cancel", "{}");
    QCOMPARE(cancel.status, 200);
    QCOMPARE(cancel.data().value("id").toString(), id);
    QCOMPARE(cancel.data().value("status").toString(), QStringLiteral("cancelled"));
    const QJsonObject after = pollJob(c, id, 20000);
    QCOMPARE(after.value("status").toString(), QStringLiteral("failed"));
    QCOMPARE(after.value("cancelled").toBool(), true);
    QVERIFY(after.value("error").toString().contains("cancelled"));
    QVERIFY(!after.contains("outputUrl"));
    QVERIFY(!QFile::exists(m_engine.dataDir() + "/renders/" + id + ".mp4"));
    QTRY_VERIFY_WITH_TIMEOUT(
        QDir(m_engine.dataDir() + "/renders").entryList({"*.part"}, QDir::Files).isEmpty(), 5000);
    QCOMPARE(c.get("/files/renders/" + id + ".mp4").status, 404);
    const HttpReply unknown = c.post("/api/render/proxy/lambda/nope_123/cancel", "{}");
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.code(), 4004);
}

void TstEngineRender::killDuringRenderThenRestart()
{
    TestEngine engine;
    engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    QString sid;
    const QString id = uniqueId("killed");
    {
        EngineClient c(engine.baseUrl(), engine.token());
        sid = uploadClip(c);
        QVERIFY(!sid.isEmpty());
        QCOMPARE(c.postJson("/api/render/proxy/lambda", renderBody(id, sid, "4k")).status, 200);
        const QJsonObject d = pollJob(c, id, 60000, [](const QJsonObject& d) {
            return d.value("status").toString() != "pending";
        });
        QCOMPARE(d.value("status").toString(), QStringLiteral("processing"));
    }
    // The engine's ffmpeg child must die with it (PR_SET_PDEATHSIG), or it would go on and
    // write its .part again after the restart.
    QList<qint64> children;
    QTRY_VERIFY_WITH_TIMEOUT(!(children = childPids(engine.pid())).isEmpty(), 10000);
    engine.kill();
    for (qint64 child : children)
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
    QVERIFY2(engine.start(&error), qPrintable(error)); // same data dir and token
    EngineClient c(engine.baseUrl(), engine.token());
    const HttpReply r = c.get("/api/render/proxy/lambda/" + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().value("status").toString(), QStringLiteral("failed"));
    QCOMPARE(r.data().value("error").toString(),
             QStringLiteral("The engine stopped during the render; start the export again."));
    QVERIFY(QDir(engine.dataDir() + "/renders").entryList({"*.part"}, QDir::Files).isEmpty());
    const QJsonObject state = c.state(sid).data();
    QCOMPARE(state.value("state").toObject().value("video_infos").toArray().size(), 1);
    QVERIFY(engine.stop());
}

QTEST_GUILESS_MAIN(TstEngineRender)
#include "tst_enginerender.moc"
