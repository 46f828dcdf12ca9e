// The real clipwright-engine process over loopback HTTP: auth, sessions, uploads (a
// generated speech clip with three known pauses, plus bad and hostile files), the file
// routes with Range, the waveform, and body limits. The agent stream: tst_engineagent;
// renders: tst_enginerender.
#include "EngineClient.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw::test;

class TstEngineServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void health();
    void unauthorized_data();
    void unauthorized();
    void credits();
    void uploadSpeechClip();
    void mediaFileWithRange();
    void uploadRejected_data();
    void uploadRejected();
    void uploadUnknownSessionOrNoFiles();
    void hostileFileNames();
    void uploadAudioAndImage();
    void projectRateFollowsFirstVideo();
    void animatedWebpKeepsItsAnimation();
    void oversizedJsonBody();
    void unknownFilesAndRoutes();
    void waveform();
    void exitsWithParent();

private:
    QByteArray animatedWebp();
    EngineClient client() { return EngineClient(m_engine.baseUrl(), m_engine.token()); }
    QJsonObject draftOf(const QString& sid)
    {
        return stateData(sid).value("state").toObject().value("draft").toObject();
    }
    QJsonObject stateData(const QString& sid) { return client().state(sid).data(); }
    static QJsonArray segments(const QJsonObject& draft, int track = 0)
    {
        return draft.value("t").toArray().at(track).toObject().value("sg").toArray();
    }
    int mediaFileCount() const
    {
        return QDir(m_engine.dataDir() + "/media").entryList(QDir::Files).size();
    }

    TestEngine m_engine;
    QTemporaryDir m_tmp;
    QString m_clip;
    QByteArray m_clipBytes;
    double m_clipSeconds = 0;
    QString m_sid;
    QString m_mediaId;
    qint64 m_originalMs = 0;
};

void TstEngineServer::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_clip = m_tmp.filePath("clip.mp4");
    QString error;
    const QJsonObject clip = makeSpeechClip(m_clip, 1.5, 3, 1280, 720, &error);
    QVERIFY2(!clip.isEmpty(), qPrintable(error));
    m_clipSeconds = clip.value("duration").toDouble();
    QFile f(m_clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_clipBytes = f.readAll();
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    m_sid = client().createSession();
    QVERIFY(!m_sid.isEmpty());
}

void TstEngineServer::cleanupTestCase()
{
    QVERIFY(m_engine.stop()); // SIGTERM -> clean exit 0
    QCOMPARE(m_engine.exitCode(), 0);
}

void TstEngineServer::health()
{
    EngineClient c(m_engine.baseUrl(), QString()); // no token needed
    const HttpReply r = c.get("/health");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.code(), 0);
    QCOMPARE(r.data().value("version").toString(), QStringLiteral(CLIPWRIGHT_VERSION));
}

void TstEngineServer::unauthorized_data()
{
    QTest::addColumn<QString>("authorization"); // empty: no header
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("post");
    const QString t = m_engine.token();
    QTest::newRow("none credits") << QString() << QStringLiteral("/api/credits/balance/simple")
                                  << false;
    QTest::newRow("none session") << QString()
                                  << QStringLiteral("/api/tasks/me/with-session/nemo_agent")
                                  << true;
    QTest::newRow("wrong token") << QStringLiteral("Bearer wrong")
                                 << QStringLiteral("/api/credits/balance/simple") << false;
    QTest::newRow("prefix of token") << QString("Bearer " + t.left(t.size() - 1))
                                     << QStringLiteral("/api/credits/balance/simple") << false;
    QTest::newRow("token plus one")
        << QString("Bearer " + t + "x") << QStringLiteral("/api/credits/balance/simple") << false;
    QTest::newRow("basic scheme") << QString("Basic " + t)
                                  << QStringLiteral("/api/credits/balance/simple") << false;
    QTest::newRow("no scheme") << t << QStringLiteral("/api/credits/balance/simple") << false;
    QTest::newRow("state") << QStringLiteral("Bearer nope")
                           << QString("/api/state/nemo_agent/me/" + m_sid + "/latest") << false;
    QTest::newRow("run_sse") << QStringLiteral("Bearer nope") << QStringLiteral("/run_sse") << true;
    QTest::newRow("files") << QString() << QStringLiteral("/files/media/abc") << false;
    QTest::newRow("unknown route") << QString() << QStringLiteral("/api/nothing") << false;
}

void TstEngineServer::unauthorized()
{
    QFETCH(QString, authorization);
    QFETCH(QString, path);
    QFETCH(bool, post);
    EngineClient c(m_engine.baseUrl(), QString());
    httplib::Headers h;
    if (!authorization.isEmpty())
        h.emplace("Authorization", authorization.toStdString());
    const HttpReply r = post ? c.post(path, "{}", h) : c.get(path, h);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.code(), 1001);
    QVERIFY(!r.body.contains(m_engine.token().toUtf8())); // never echoes the token
}

void TstEngineServer::credits()
{
    const HttpReply r = client().get("/api/credits/balance/simple");
    QCOMPARE(r.status, 200);
    const QJsonObject d = r.data();
    QCOMPARE(d.value("unlimited").toBool(), true);
    QCOMPARE(d.value("total").toInteger(),
             d.value("available").toInteger() + d.value("frozen").toInteger());
    QVERIFY(d.value("available").toInteger() > 0);
}

void TstEngineServer::uploadSpeechClip()
{
    const HttpReply r = client().upload(m_sid, {{m_clipBytes, "clip.mp4"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.code(), 0);
    QCOMPARE(r.data().value("session_state_applied").toBool(), true);
    const QJsonArray files = r.data().value("files").toArray();
    QCOMPARE(files.size(), 1);
    const QJsonObject f = files.at(0).toObject();
    m_mediaId = f.value("media_id").toString();
    QVERIFY(!m_mediaId.isEmpty());
    QCOMPARE(f.value("filename").toString(), QStringLiteral("clip.mp4"));
    QCOMPARE(f.value("file_type").toString(), QStringLiteral("video"));
    QCOMPARE(f.value("cdn_url").toString(),
             m_engine.baseUrl().toString() + "/files/media/" + m_mediaId);
    QVERIFY2(qAbs(f.value("duration").toDouble() - m_clipSeconds) < 0.3,
             qPrintable(QString::number(f.value("duration").toDouble())));
    QCOMPARE(f.value("duration_ms").toInteger(), qRound64(f.value("duration").toDouble() * 1000));
    QCOMPARE(f.value("width").toInt(), 1280);
    QCOMPARE(f.value("height").toInt(), 720);
    QCOMPARE(qRound(f.value("fps").toDouble()), 30);
    QCOMPARE(f.value("hash").toString(),
             QString::fromLatin1(
                 QCryptographicHash::hash(m_clipBytes, QCryptographicHash::Sha256).toHex()));

    const QJsonObject state = stateData(m_sid);
    QCOMPARE(state.value("session_id").toString(), m_sid);
    QVERIFY(!state.value("task_id").toString().isEmpty());
    QCOMPARE(state.value("version").toInt(), 2);
    const QJsonObject st = state.value("state").toObject();
    QCOMPARE(st.value("video_infos").toArray().size(), 1);
    QCOMPARE(st.value("video_infos").toArray().at(0).toObject(), f);
    QCOMPARE(st.value("canvas_config").toObject().value("width").toInt(), 1920);
    const QJsonObject draft = st.value("draft").toObject();
    const QJsonArray tracks = draft.value("t").toArray();
    QCOMPARE(tracks.size(), 1);
    QCOMPARE(tracks.at(0).toObject().value("id").toString(), QStringLiteral("v1"));
    QCOMPARE(tracks.at(0).toObject().value("tt").toInt(), 0);
    const QJsonArray sg = segments(draft);
    QCOMPARE(sg.size(), 1);
    QCOMPARE(sg.at(0).toObject().value("src").toString(), m_mediaId);
    QCOMPARE(sg.at(0).toObject().value("st").toInteger(), 0);
    QCOMPARE(sg.at(0).toObject().value("d").toInteger(), f.value("duration_ms").toInteger());
    m_originalMs = sg.at(0).toObject().value("d").toInteger();
}

void TstEngineServer::mediaFileWithRange()
{
    QVERIFY(!m_mediaId.isEmpty());
    EngineClient c = client();
    const HttpReply whole = c.get("/files/media/" + m_mediaId);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.body, m_clipBytes);
    QCOMPARE(whole.header("Content-Type"), QStringLiteral("video/mp4"));
    const HttpReply part = c.get("/files/media/" + m_mediaId, {{"Range", "bytes=1000-1999"}});
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, m_clipBytes.mid(1000, 1000));
    QCOMPARE(part.header("Content-Range"),
             QStringLiteral("bytes 1000-1999/%1").arg(m_clipBytes.size()));
    const HttpReply tail = c.get("/files/media/" + m_mediaId, {{"Range", "bytes=-10"}});
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body, m_clipBytes.right(10));
}

// 2 s of testsrc2 at 10 fps, 320x240, as an animated WebP (libwebp_anim).
QByteArray TstEngineServer::animatedWebp()
{
    const QString path = m_tmp.filePath("sticker.webp");
    if (!QFile::exists(path)) {
        QString error;
        if (!runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10", "-t", "2", "-c:v",
                        "libwebp_anim", "-loop", "0", path},
                       &error))
            qWarning("%s", qPrintable(error));
    }
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TstEngineServer::uploadRejected_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("text named mp4")
        << QByteArray("just some text, not a video\n").repeated(50) << QStringLiteral("clip.mp4");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty.mp4");
    QByteArray noise(64 * 1024, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 251);
    QTest::newRow("noise named mov") << noise << QStringLiteral("noise.mov");
    QTest::newRow("truncated mp4") << m_clipBytes.left(2000) << QStringLiteral("cut.mp4");
    QTest::newRow("truncated animated webp")
        << animatedWebp().left(3000) << QStringLiteral("sticker.webp");
}

void TstEngineServer::uploadRejected()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, fileName);
    const QString sid = client().createSession();
    const int before = mediaFileCount();
    const HttpReply r = client().upload(sid, {{content, fileName}});
    QCOMPARE(r.status, 415);
    QCOMPARE(r.code(), 4001);
    QVERIFY(r.json.value("message").toString().contains(fileName));
    QCOMPARE(mediaFileCount(), before);
    QVERIFY(QDir(m_engine.dataDir() + "/tmp").entryList(QDir::Files).isEmpty());
    const QJsonObject state = stateData(sid);
    QCOMPARE(state.value("version").toInt(), 1);
    QVERIFY(state.value("state").toObject().value("video_infos").toArray().isEmpty());
}

void TstEngineServer::uploadUnknownSessionOrNoFiles()
{
    HttpReply r = client().upload("ses_unknown", {{m_clipBytes.left(100), "a.mp4"}});
    QCOMPARE(r.status, 404);
    QCOMPARE(r.code(), 1002);
    const QString sid = client().createSession();
    r = client().upload(sid, {{QByteArray("x"), "a.mp4", "other"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), 4000);
    r = client().post("/api/upload-video/nemo_agent/me/" + sid,
                      R"({"urls":["file:///etc/passwd"],"source_type":"url"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), 4000);
}

void TstEngineServer::hostileFileNames()
{
    const QString sid = client().createSession();
    const QString longName = QString(300, QLatin1Char('a')) + ".mp4";
    const QString ctrl = QStringLiteral("bad\u0001name\u202e\tx.mp4");
    const HttpReply r = client().upload(sid, {{m_clipBytes, "../../etc/passwd.mp4"},
                                              {m_clipBytes, longName},
                                              {m_clipBytes, ctrl},
                                              {m_clipBytes, "..\\..\\win.mp4"},
                                              {m_clipBytes, "..."}});
    QCOMPARE(r.status, 200);
    const QJsonArray files = r.data().value("files").toArray();
    QCOMPARE(files.size(), 5);
    QStringList names;
    for (const QJsonValue& v : files) {
        const QString name = v.toObject().value("filename").toString();
        names << name;
        QVERIFY2(!name.contains('/') && !name.contains('\\') && !name.contains(".."),
                 qPrintable(name));
        QVERIFY(name.size() <= 200);
        for (const QChar c : name)
            QVERIFY(c.unicode() >= 0x20 && c.unicode() != 0x202e);
        const QString id = v.toObject().value("media_id").toString();
        QVERIFY(QFile::exists(m_engine.dataDir() + "/media/" + id + ".mp4") ||
                QFile::exists(m_engine.dataDir() + "/media/" + id));
    }
    QCOMPARE(names.at(0), QStringLiteral("passwd.mp4"));
    QVERIFY(names.at(1).endsWith(".mp4"));
    QCOMPARE(names.at(2), QStringLiteral("badnamex.mp4"));
    QCOMPARE(names.at(3), QStringLiteral("win.mp4"));
    QVERIFY(!names.at(4).isEmpty());
    QVERIFY(!QFile::exists(m_engine.dataDir() + "/../etc/passwd.mp4"));
    QVERIFY(!QFile::exists(m_engine.dataDir() + "/etc/passwd.mp4"));
    QVERIFY(!QFile::exists(QDir(m_engine.dataDir()).absoluteFilePath("../../etc/passwd.mp4")));
    // Five segments back to back on one video track, one version for the whole request.
    const QJsonObject state = stateData(sid);
    QCOMPARE(state.value("version").toInt(), 2);
    QCOMPARE(segments(state.value("state").toObject().value("draft").toObject()).size(), 5);
}

void TstEngineServer::uploadAudioAndImage()
{
    const QString wav = m_tmp.filePath("tone.wav");
    const QString png = m_tmp.filePath("red.png");
    QString error;
    QVERIFY2(
        runFfmpeg({"-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "pcm_s16le", wav},
                  &error),
        qPrintable(error));
    QVERIFY2(
        runFfmpeg({"-f", "lavfi", "-i", "color=c=red:size=640x480", "-frames:v", "1", png}, &error),
        qPrintable(error));
    auto bytes = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QString sid = client().createSession();
    const HttpReply r = client().upload(sid, {{bytes(wav), "tone.wav"}, {bytes(png), "red.png"}});
    QCOMPARE(r.status, 200);
    const QJsonArray files = r.data().value("files").toArray();
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0).toObject().value("file_type").toString(), QStringLiteral("audio"));
    QVERIFY(qAbs(files.at(0).toObject().value("duration_ms").toInteger() - 3000) < 100);
    QCOMPARE(files.at(1).toObject().value("file_type").toString(), QStringLiteral("image"));
    QCOMPARE(files.at(1).toObject().value("width").toInt(), 640);
    const QJsonArray tracks = draftOf(sid).value("t").toArray();
    QCOMPARE(tracks.size(), 2);
    QCOMPARE(tracks.at(0).toObject().value("tt").toInt(), 0); // the video track leads
    QCOMPARE(tracks.at(1).toObject().value("tt").toInt(), 1);
    QCOMPARE(segments(draftOf(sid), 1).at(0).toObject().value("src").toString(),
             files.at(0).toObject().value("media_id").toString());
    QVERIFY(segments(draftOf(sid), 0).at(0).toObject().value("d").toInteger() > 0);
}

// FFmpeg 5.1 reads only still WebP; an animated one becomes a clip of its frames at their
// times (media/AnimatedWebp.h): 2 s long, moving, its own size.
void TstEngineServer::animatedWebpKeepsItsAnimation()
{
    const QByteArray webp = animatedWebp();
    QVERIFY(webp.startsWith("RIFF"));
    const QString sid = client().createSession();
    const HttpReply r = client().upload(sid, {{webp, "sticker.webp"}});
    QCOMPARE(r.code(), 0);
    const QJsonObject f = r.data().value("files").toArray().first().toObject();
    QCOMPARE(f.value("file_type").toString(), QStringLiteral("video"));
    QVERIFY2(std::abs(f.value("duration_ms").toInteger() - 2000) <= 40,
             qPrintable(QString::number(f.value("duration_ms").toInteger())));
    QCOMPARE(f.value("width").toInt(), 320);
    QCOMPARE(f.value("height").toInt(), 240);
    const QString stored = m_engine.dataDir() + "/media/" + f.value("media_id").toString() + ".mp4";
    QVERIFY(QFile::exists(stored));
    auto frameAt = [&stored](const char* at) {
        QProcess p;
        p.start("ffmpeg", {"-v", "error", "-ss", at, "-i", stored, "-frames:v", "1", "-vf",
                           "scale=32:24,format=gray", "-f", "rawvideo", "-"});
        p.waitForFinished(30000);
        return p.readAllStandardOutput();
    };
    const QByteArray early = frameAt("0.2");
    const QByteArray late = frameAt("1.5");
    QCOMPARE(early.size(), 32 * 24);
    int differ = 0;
    for (int i = 0; i < early.size(); ++i)
        differ += std::abs(int(uchar(early[i])) - int(uchar(late[i]))) > 24;
    QVERIFY2(differ > 20, qPrintable(QString::number(differ))); // it moves
}

// A photo first does not set the rate; the first video does (an NTSC rate kept exactly, 59.94
// halved to it); a later clip of another rate is named in the upload's notes.
void TstEngineServer::projectRateFollowsFirstVideo()
{
    auto clip = [this](const QString& rate, const QString& name) {
        const QString path = m_tmp.filePath(name);
        QString error;
        if (!runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=320x180:rate=" + rate, "-t", "1",
                        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path},
                       &error))
            qWarning("%s", qPrintable(error));
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QString error;
    const QString png = m_tmp.filePath("still.png");
    QVERIFY2(runFfmpeg({"-f", "lavfi", "-i", "color=c=blue:size=640x480", "-frames:v", "1", png},
                       &error),
             qPrintable(error));
    QFile still(png);
    QVERIFY(still.open(QIODevice::ReadOnly));
    const QString sid = client().createSession();
    HttpReply r = client().upload(sid, {{still.readAll(), "still.png"}});
    QCOMPARE(r.code(), 0);
    QCOMPARE(draftOf(sid).value("m").toObject().value("fps").toDouble(), 30.0);

    r = client().upload(sid, {{clip("60000/1001", "ntsc5994.mp4"), "ntsc5994.mp4"}});
    QCOMPARE(r.code(), 0);
    QCOMPARE(draftOf(sid).value("m").toObject().value("fps").toDouble(), 29.97);
    QCOMPARE(r.data().value("notes").toArray().first().toString(),
             QStringLiteral("The project runs at 29.97 fps to match ntsc5994.mp4."));

    r = client().upload(sid, {{clip("25", "pal.mp4"), "pal.mp4"}});
    QCOMPARE(r.code(), 0);
    QCOMPARE(draftOf(sid).value("m").toObject().value("fps").toDouble(), 29.97);
    QCOMPARE(r.data().value("notes").toArray().first().toString(),
             QStringLiteral("pal.mp4 runs at 25 fps; the project stays at 29.97 fps."));
}

void TstEngineServer::oversizedJsonBody()
{
    const QByteArray big =
        R"({"app_name":"nemo_agent","pad":")" + QByteArray(9 * 1024 * 1024, 'x') + R"("})";
    HttpReply r = client().post("/run_sse", big);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.code(), 4000);
    r = client().post("/api/render/proxy/lambda", big);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.code(), 4000);
    QCOMPARE(client().get("/health").status, 200); // still serving
}

void TstEngineServer::unknownFilesAndRoutes()
{
    EngineClient c = client();
    for (const char* path :
         {"/files/media/med_nope", "/files/renders/nope.mp4", "/files/media/..%2Fengine.db",
          "/files/media/../engine.db", "/files/renders/../engine.db", "/api/nothing"}) {
        const HttpReply r = c.get(QString::fromLatin1(path));
        QVERIFY2(r.status == 404 || r.status == 400, path);
        QVERIFY2(r.code() == 4004 || r.code() == 4000, path);
        QVERIFY(!r.body.startsWith("SQLite"));
    }
    const HttpReply r = c.get("/api/state/nemo_agent/me/ses_nope/latest");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.code(), 1002);
}

void TstEngineServer::waveform()
{
    QVERIFY(!m_mediaId.isEmpty());
    const HttpReply r =
        client().get(QStringLiteral("/api/media/%1/%2/waveform").arg(m_sid, m_mediaId));
    QCOMPARE(r.status, 200);
    const int pps = r.data().value("peaks_per_second").toInt();
    QVERIFY(pps > 0);
    const QJsonArray peaks = r.data().value("peaks").toArray();
    QVERIFY2(qAbs(peaks.size() - m_clipSeconds * pps) <= pps,
             qPrintable(QString::number(peaks.size())));
    double max = 0;
    for (const QJsonValue& v : peaks) {
        QVERIFY(v.toDouble() >= 0 && v.toDouble() <= 1);
        max = std::max(max, v.toDouble());
    }
    QVERIFY(max > 0.1);
    const HttpReply other = client().get(
        QStringLiteral("/api/media/%1/%2/waveform").arg(client().createSession(), m_mediaId));
    QCOMPARE(other.status, 404);
    QCOMPARE(other.code(), 4004);
}

void TstEngineServer::exitsWithParent()
{
    // A shell starts the engine with --exit-with-parent, prints its pid and exits after a
    // moment: the engine must stop on its own instead of lingering as an orphan.
    QTemporaryDir dir;
    QProcess shell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CLIPWRIGHT_ENGINE_TOKEN", "t");
    shell.setProcessEnvironment(env);
    shell.start("sh", {"-c",
                       "\"$0\" --listen 127.0.0.1:0 --data-dir \"$1\" --exit-with-parent "
                       ">/dev/null & echo $!; sleep 1",
                       binDir() + "/clipwright-engine", dir.path()});
    QVERIFY(shell.waitForFinished(10000));
    const qint64 pid = shell.readAllStandardOutput().trimmed().toLongLong();
    QVERIFY(pid > 0);
    auto alive = [pid] {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray s = stat.readAll();
        return !s.contains(") Z ") && !s.contains(") X ");
    };
    QTRY_VERIFY_WITH_TIMEOUT(!alive(), 10000);
}

QTEST_GUILESS_MAIN(TstEngineServer)
#include "tst_engineserver.moc"
