// Hostile input against the real engine over loopback, one table row per case: titles that
// break naive drawtext escaping (each rendered by the real ffmpeg), upload names with NUL,
// line breaks and extreme lengths, corrupt media, an upload past 500 MiB, malformed and
// oversized JSON bodies and mangled Authorization headers. Each must get a clear error code
// (or a correct result) and leave nothing behind in the data dir. Cases already covered
// elsewhere: text renamed .mp4, empty, noise and truncated uploads, ../ and control-character
// names (tst_engineserver uploadRejected / hostileFileNames), plain 401s and an 8 MiB+ body
// (tst_engineserver unauthorized / oversizedJsonBody), URL uploads (tst_urlfetch).
#include "EngineClient.h"
#include "FaultSupport.h"
#include "TestEngine.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::test;

class TstHostile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void hostileTitlesRender_data();
    void hostileTitlesRender();
    void hostileUploadNames_data();
    void hostileUploadNames();
    void corruptMedia();
    void uploadPast500MiB();
    void badJsonBodies_data();
    void badJsonBodies();
    void badAuthorization_data();
    void badAuthorization();

private:
    EngineClient client() { return EngineClient(m_engine.baseUrl(), m_engine.token()); }
    QJsonObject waitForJob(const QString& id);

    QTemporaryDir m_tmp;
    TestEngine m_engine;
    QByteArray m_clip;
    QString m_sid;
    QString m_mediaId;
    int m_renderNo = 0;
};

void TstHostile::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QString error;
    QVERIFY2(makeToneClip(m_tmp.filePath("clip.mp4"), 2, &error), qPrintable(error));
    QFile f(m_tmp.filePath("clip.mp4"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_clip = f.readAll();
    m_engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    EngineClient c = client();
    m_sid = c.createSession();
    const HttpReply r = c.upload(m_sid, {{m_clip, "clip.mp4"}});
    QCOMPARE(r.status, 200);
    m_mediaId = r.data().value("files").toArray().at(0).toObject().value("media_id").toString();
    QVERIFY(!m_mediaId.isEmpty());
}

void TstHostile::cleanupTestCase()
{
    QVERIFY(m_engine.stop());
}

QJsonObject TstHostile::waitForJob(const QString& id)
{
    EngineClient c = client();
    QJsonObject job;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 120000) {
        job = c.get("/api/render/proxy/lambda/" + id).data();
        const QString s = job.value("status").toString();
        if (s == "completed" || s == "failed")
            break;
        QTest::qWait(200);
    }
    return job;
}

void TstHostile::hostileTitlesRender_data()
{
    QTest::addColumn<QString>("title");
    QTest::newRow("double quotes") << QStringLiteral("say \"cheese\"");
    QTest::newRow("single quotes") << QStringLiteral("it's Bob's 'day'");
    QTest::newRow("colons") << QStringLiteral("a:b: c::d");
    QTest::newRow("backslashes") << QStringLiteral("C:\\path\\to\\ \\\\ end\\");
    QTest::newRow("expansion %{pts}") << QStringLiteral("%{pts} %{localtime} %{eif:1/0:d}");
    QTest::newRow("lone percent") << QStringLiteral("100% sure %");
    QTest::newRow("newlines") << QStringLiteral("line one\nline two\r\nthree");
    QTest::newRow("filtergraph syntax") << QStringLiteral("a,b;[in]c=d[out]'];drawbox");
    QTest::newRow("literal \\n") << QStringLiteral("not a \\n newline");
    QTest::newRow("unicode") << QString::fromUtf8("中文标题 😀 \u202eRTL");
    QTest::newRow("very long") << QString(3000, QLatin1Char('W'));
    QTest::newRow("everything") << QStringLiteral("'\":\\%{n}\n;,[]=");
}

// The title goes through the draft of a render request, so the engine's own escaping
// (drawtext textfile, font path) is what is tested, with the real ffmpeg.
void TstHostile::hostileTitlesRender()
{
    QFETCH(QString, title);
    const QJsonObject draft{
        {"v", 1},
        {"m", QJsonObject{{"width", 1280}, {"height", 720}, {"fps", 25}}},
        {"t",
         QJsonArray{
             QJsonObject{
                 {"id", "v1"},
                 {"tt", 0},
                 {"sg", QJsonArray{QJsonObject{
                            {"id", "s1"}, {"src", m_mediaId}, {"st", 0}, {"in", 0}, {"d", 1000}}}}},
             QJsonObject{{"id", "x1"},
                         {"tt", 7},
                         {"sg", QJsonArray{QJsonObject{
                                    {"id", "t1"},
                                    {"st", 0},
                                    {"d", 1000},
                                    {"m", QJsonObject{{"text", title}, {"style", "title"}}}}}}}}}};
    const QString id = QStringLiteral("render_hostile_%1_%2")
                           .arg(++m_renderNo)
                           .arg(QDateTime::currentMSecsSinceEpoch());
    EngineClient c = client();
    const HttpReply r = c.postJson("/api/render/proxy/lambda",
                                   QJsonObject{{"id", id},
                                               {"sessionId", m_sid},
                                               {"draft", draft},
                                               {"output", QJsonObject{{"preset", "720p"}}}});
    QCOMPARE(r.status, 200);
    const QJsonObject job = waitForJob(id);
    QVERIFY2(job.value("status").toString() == "completed",
             qPrintable(job.value("error").toString()));
    const QString out = m_engine.dataDir() + "/renders/" + id + ".mp4";
    const QJsonObject info = probe(out);
    QVERIFY(info.value("format").toObject().value("duration").toString().toDouble() > 0.5);
    QVERIFY(QFile::remove(out));
    QVERIFY(partialFiles(snapshotEngine(m_engine.dataDir())).isEmpty());
}

void TstHostile::hostileUploadNames_data()
{
    QTest::addColumn<QByteArray>("rawName"); // bytes of the multipart filename parameter
    QTest::addColumn<QString>("expected");   // the stored display name; empty: not checked
    QTest::newRow("NUL inside") << QByteArray("evil\0.sh.mp4", 12) << QString();
    QTest::newRow("NUL then ../") << QByteArray("a.mp4\0/../../x", 14) << QString();
    QTest::newRow("percent-encoded NUL") << QByteArray("b%00.mp4") << QString();
    QTest::newRow("only dots and slashes") << QByteArray("../../..") << QString();
    QTest::newRow("absolute path") << QByteArray("/etc/cron.d/x.mp4") << QStringLiteral("x.mp4");
    QTest::newRow("5000 chars") << QByteArray(5000, 'n') + ".mp4" << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

// Raw multipart (cpp-httplib's client would refuse some of these names). The name is
// sanitised or the upload refused with 4000; either way nothing lands outside media/.
void TstHostile::hostileUploadNames()
{
    QFETCH(QByteArray, rawName);
    QFETCH(QString, expected);
    EngineClient c = client();
    const QString sid = c.createSession();
    const EngineSnapshot before = snapshotEngine(m_engine.dataDir());
    const QByteArray body = "--B0\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" +
                            rawName + "\"\r\nContent-Type: video/mp4\r\n\r\n" + m_clip +
                            "\r\n--B0--\r\n";
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, quint16(m_engine.port()));
    QVERIFY(s.waitForConnected(5000));
    s.write(rawPostHead("/api/upload-video/nemo_agent/me/" + sid, m_engine.token(),
                        "multipart/form-data; boundary=B0", body.size()) +
            body);
    QByteArray reply;
    while (s.waitForReadyRead(20000))
        reply += s.readAll();
    const int status = reply.mid(9, 3).toInt();
    const QJsonObject json =
        QJsonDocument::fromJson(reply.mid(reply.indexOf("\r\n\r\n") + 4)).object();
    const EngineSnapshot after = snapshotEngine(m_engine.dataDir());
    QVERIFY2(partialFiles(after).isEmpty(), qPrintable(partialFiles(after).join(", ")));
    if (status != 200) {
        QCOMPARE(status, 400);
        QCOMPARE(json.value("code").toInt(), 4000);
        QCOMPARE(after.files, before.files);
        QCOMPARE(after.media, before.media);
        return;
    }
    const QJsonObject file =
        json.value("data").toObject().value("files").toArray().at(0).toObject();
    const QString name = file.value("filename").toString();
    QVERIFY(!name.isEmpty());
    QVERIFY(name.size() <= 200);
    for (const QChar ch : name)
        QVERIFY2(ch.unicode() >= 0x20 && ch != '/' && ch != '\\', qPrintable(name));
    QVERIFY(!name.contains(".."));
    if (!expected.isEmpty())
        QCOMPARE(name, expected);
    // Exactly one new file, inside media/, named after the media id.
    QCOMPARE(after.media.size(), before.media.size() + 1);
    QCOMPARE(after.files.size(), before.files.size() + 1);
    const QString id = file.value("media_id").toString();
    bool found = false;
    for (const QString& f : after.files)
        found = found || f.startsWith("media/" + id);
    QVERIFY(found);
}

// A clip whose header is intact but whose middle is overwritten: the upload either probes
// fine or is refused with 4001; a render of it completes or fails with a message, and no
// partial file stays behind in either case.
void TstHostile::corruptMedia()
{
    QByteArray corrupt = m_clip;
    for (qsizetype i = corrupt.size() / 3; i < corrupt.size() * 2 / 3; ++i)
        corrupt[i] = char((i * 131) & 0xff);
    EngineClient c = client();
    const QString sid = c.createSession();
    const HttpReply up = c.upload(sid, {{corrupt, "corrupt.mp4"}});
    if (up.status != 200) {
        QCOMPARE(up.code(), 4001);
        return;
    }
    const QString id = QStringLiteral("render_corrupt_%1").arg(QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(c.postJson("/api/render/proxy/lambda",
                        QJsonObject{{"id", id},
                                    {"sessionId", sid},
                                    {"output", QJsonObject{{"preset", "720p"}}}})
                 .status,
             200);
    const QJsonObject job = waitForJob(id);
    const QString status = job.value("status").toString();
    QVERIFY2(status == "completed" || status == "failed", qPrintable(status));
    if (status == "failed")
        QVERIFY(!job.value("error").toString().isEmpty());
    QVERIFY(partialFiles(snapshotEngine(m_engine.dataDir())).isEmpty());
}

// 500 MiB + 1 MiB of zeros streamed as one part: refused with 4002 once the limit passes,
// nothing stored, the temp file gone, the session unchanged.
void TstHostile::uploadPast500MiB()
{
    EngineClient c = client();
    const QString sid = c.createSession();
    const EngineSnapshot before = snapshotEngine(m_engine.dataDir());
    const QByteArray head = "--B1\r\nContent-Disposition: form-data; name=\"files\"; "
                            "filename=\"huge.mp4\"\r\n\r\n";
    const QByteArray tail = "\r\n--B1--\r\n";
    const qint64 payload = 501LL * 1024 * 1024;
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, quint16(m_engine.port()));
    QVERIFY(s.waitForConnected(5000));
    s.write(rawPostHead("/api/upload-video/nemo_agent/me/" + sid, m_engine.token(),
                        "multipart/form-data; boundary=B1", head.size() + payload + tail.size()) +
            head);
    const QByteArray chunk(1024 * 1024, '\0');
    QByteArray reply;
    for (qint64 sent = 0; sent < payload && s.state() == QAbstractSocket::ConnectedState;
         sent += chunk.size()) {
        s.write(chunk);
        while (s.bytesToWrite() > 4 * chunk.size() && s.state() == QAbstractSocket::ConnectedState)
            s.waitForBytesWritten(1000);
        reply += s.readAll();
        if (reply.contains("\r\n\r\n"))
            break;
    }
    if (s.state() == QAbstractSocket::ConnectedState) {
        s.write(tail);
        while (!reply.contains("}") && s.waitForReadyRead(30000))
            reply += s.readAll();
    }
    reply += s.readAll();
    QVERIFY2(reply.startsWith("HTTP/1.1 413"), reply.left(200).constData());
    const QJsonObject json =
        QJsonDocument::fromJson(reply.mid(reply.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(json.value("code").toInt(), 4002);
    QTRY_VERIFY_WITH_TIMEOUT(partialFiles(snapshotEngine(m_engine.dataDir())).isEmpty(), 5000);
    const EngineSnapshot after = snapshotEngine(m_engine.dataDir());
    QCOMPARE(after.media, before.media);
    QCOMPARE(after.files, before.files);
    QCOMPARE(after.drafts, before.drafts);
}

void TstHostile::badJsonBodies_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("httpStatus");
    const QString render = QStringLiteral("/api/render/proxy/lambda");
    const QString sse = QStringLiteral("/run_sse");
    const QString create = QStringLiteral("/api/tasks/me/with-session/nemo_agent");
    QTest::newRow("sse nested 100k") << sse << QByteArray(100000, '[') << 400;
    QTest::newRow("render nested objects")
        << render << QByteArray("{\"a\":").repeated(20000) + "1" + QByteArray(20000, '}') << 400;
    QTest::newRow("sse invalid utf-8")
        << sse << QByteArray("{\"app_name\":\"\xff\xfe\",\"session_id\":\"\xc0\x80\"}") << 400;
    QTest::newRow("sse NUL in body") << sse << QByteArray("{\"app_name\":\"a\0b\"}", 18) << 400;
    QTest::newRow("render 9 MiB string")
        << render << "{\"sessionId\":\"" + QByteArray(9 * 1024 * 1024, 'x') + "\"}" << 413;
    QTest::newRow("create 9 MiB") << create << QByteArray(9 * 1024 * 1024, ' ') + "{}" << 413;
    QTest::newRow("render draft not object")
        << render << QByteArray("{\"sessionId\":\"@SID@\",\"draft\":[1,2]}") << 400;
    QTest::newRow("render draft huge numbers")
        << render
        << QByteArray("{\"sessionId\":\"@SID@\",\"draft\":{\"t\":[{\"id\":\"v\",\"tt\":0,\"sg\":[{"
                      "\"id\":\"s\",\"src\":\"@MID@\",\"st\":1e308,\"in\":-1e308,\"d\":1e308}]}]}}")
        << 400;
    QTest::newRow("render draft string garbage")
        << render << QByteArray("{\"sessionId\":\"@SID@\",\"draft\":\"{{{{\"}") << 400;
    QTest::newRow("sse parts not array")
        << sse
        << QByteArray("{\"app_name\":\"x\",\"session_id\":\"@SID@\",\"new_message\":{\"parts\":7}}")
        << 400;
    QTest::newRow("create language object") << create << QByteArray("{\"language\":{}}") << 400;
}

void TstHostile::badJsonBodies()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, httpStatus);
    body.replace("@SID@", m_sid.toUtf8()).replace("@MID@", m_mediaId.toUtf8());
    const EngineSnapshot before = snapshotEngine(m_engine.dataDir());
    const HttpReply r = client().post(path, body);
    QCOMPARE(r.status, httpStatus);
    const int code = r.code();
    QVERIFY2(code == 4000 || code == 4009, qPrintable(QString::number(code)));
    QVERIFY(!r.json.value("message").toString().isEmpty());
    const EngineSnapshot after = snapshotEngine(m_engine.dataDir());
    QCOMPARE(after.sessions, before.sessions);
    QCOMPARE(after.drafts, before.drafts);
    QCOMPARE(after.jobs, before.jobs);
    QCOMPARE(after.files, before.files);
    QCOMPARE(client().get("/health").status, 200);
}

void TstHostile::badAuthorization_data()
{
    QTest::addColumn<QByteArray>("header"); // the raw Authorization header line, or empty
    const QByteArray t = m_engine.token().toUtf8();
    QTest::newRow("lowercase scheme") << "Authorization: bearer " + t;
    QTest::newRow("two spaces") << "Authorization: Bearer  " + t;
    QTest::newRow("NUL inside token")
        << "Authorization: Bearer " + t.left(5) + QByteArray(1, '\0') + t.mid(5);
    QTest::newRow("NUL replaces last char")
        << "Authorization: Bearer " + t.left(t.size() - 1) + QByteArray(1, '\0');
    QTest::newRow("64 KiB token") << "Authorization: Bearer " + QByteArray(64 * 1024, 'a');
    QTest::newRow("empty bearer") << QByteArray("Authorization: Bearer ");
    QTest::newRow("other header") << "X-Authorization: Bearer " + t;
}

// Mangled Authorization headers never reach a handler: 401 with code 1001 (or the
// connection is refused for an oversized header) and nothing is created.
void TstHostile::badAuthorization()
{
    QFETCH(QByteArray, header);
    const EngineSnapshot before = snapshotEngine(m_engine.dataDir());
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, quint16(m_engine.port()));
    QVERIFY(s.waitForConnected(5000));
    const QByteArray body = "{\"task_name\":\"x\"}";
    s.write("POST /api/tasks/me/with-session/nemo_agent HTTP/1.1\r\nHost: x\r\n" + header +
            "\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    QByteArray reply;
    while (s.waitForReadyRead(10000))
        reply += s.readAll();
    if (!reply.isEmpty()) {
        const int status = reply.mid(9, 3).toInt();
        QVERIFY2(status == 401 || status == 400 || status == 431 || status == 413,
                 reply.left(200).constData());
        if (status == 401) {
            const QJsonObject json =
                QJsonDocument::fromJson(reply.mid(reply.indexOf("\r\n\r\n") + 4)).object();
            QCOMPARE(json.value("code").toInt(), 1001);
        }
    }
    const EngineSnapshot after = snapshotEngine(m_engine.dataDir());
    QCOMPARE(after.sessions, before.sessions);
}

QTEST_GUILESS_MAIN(TstHostile)
#include "tst_hostile.moc"
