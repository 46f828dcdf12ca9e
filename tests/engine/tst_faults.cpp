// Crash and resource faults against the real engine process: kill -9 during an agent edit
// and during an upload, then a restart on the same data dir must find every stored draft
// version byte-identical (the edit in flight either fully applied or absent) and no partial
// file or half media row; a disk that fills up during a render fails the job with a message
// that says so and leaves no partial output. (Kill during a render: tst_enginerender.)
#include "EngineClient.h"
#include "FaultSupport.h"
#include "TestEngine.h"

#include "Draft.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::test;

namespace {

QString renderId(const char* tag)
{
    return QStringLiteral("render_%1_%2")
        .arg(QLatin1String(tag))
        .arg(QDateTime::currentMSecsSinceEpoch());
}

QByteArray runSseBody(const QString& sid, const QString& text)
{
    return QJsonDocument(
               QJsonObject{{"app_name", "nemo_agent"},
                           {"user_id", "me"},
                           {"session_id", sid},
                           {"new_message",
                            QJsonObject{{"parts", QJsonArray{QJsonObject{{"text", text}}}}}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TstFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killDuringEdit_data();
    void killDuringEdit();
    void killDuringUpload_data();
    void killDuringUpload();
    void diskFullDuringRender();

private:
    QTemporaryDir m_tmp;
    QByteArray m_clip;
};

void TstFaults::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString clip = m_tmp.filePath("clip.mp4");
    QString error;
    QVERIFY2(makeToneClip(clip, 4, &error), qPrintable(error));
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_clip = f.readAll();
}

void TstFaults::killDuringEdit_data()
{
    QTest::addColumn<QString>("instruction");
    QTest::addColumn<int>("killAfterCall"); // kill once this many functionCall events arrived
    QTest::newRow("only operation running") << QStringLiteral("add a title 'Killed'") << 1;
    QTest::newRow("second of two running")
        << QStringLiteral("split at 2s and add a title 'Half'") << 2;
}

// The operation sleeps CLIPWRIGHT_AGENT_DELAY_MS before it runs, so a kill right after its
// functionCall event lands while it is in flight; earlier operations are already stored.
void TstFaults::killDuringEdit()
{
    QFETCH(QString, instruction);
    QFETCH(int, killAfterCall);
    TestEngine engine;
    engine.setEnv("CLIPWRIGHT_AGENT_DELAY_MS", "2500");
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    QString sid;
    {
        EngineClient c(engine.baseUrl(), engine.token());
        sid = c.createSession();
        QCOMPARE(c.upload(sid, {{m_clip, "clip.mp4"}}).status, 200);
    }
    const EngineSnapshot before = snapshotEngine(engine.dataDir());
    QVERIFY(before.ok);
    QCOMPARE(before.drafts.size(), 2);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(engine.port()));
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray body = runSseBody(sid, instruction);
    socket.write(rawPostHead("/run_sse", engine.token(), "application/json", body.size()) + body);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (received.count("\"functionCall\"") < killAfterCall && timer.elapsed() < 30000) {
        socket.waitForReadyRead(200);
        received += socket.readAll();
    }
    QVERIFY2(received.count("\"functionCall\"") >= killAfterCall, received.constData());
    engine.kill();

    const EngineSnapshot killed = snapshotEngine(engine.dataDir());
    QVERIFY2(engine.start(&error), qPrintable(error));
    const EngineSnapshot after = snapshotEngine(engine.dataDir());
    // Operations before the one in flight are stored; the one in flight is absent.
    QCOMPARE(after.drafts.size(), before.drafts.size() + killAfterCall - 1);
    QCOMPARE(after.drafts.mid(0, before.drafts.size()), before.drafts);
    QCOMPARE(after.drafts, killed.drafts);
    QCOMPARE(after.media, before.media);
    QCOMPARE(after.files, before.files);
    QVERIFY2(partialFiles(after).isEmpty(), qPrintable(partialFiles(after).join(", ")));

    EngineClient c(engine.baseUrl(), engine.token());
    const HttpReply state = c.state(sid);
    QCOMPARE(state.status, 200);
    QCOMPARE(state.data().value("version").toInt(), 1 + killAfterCall);
    const QByteArray draftJson =
        QJsonDocument(state.data().value("state").toObject().value("draft").toObject())
            .toJson(QJsonDocument::Compact);
    QString decodeError;
    const std::optional<Draft> draft = Draft::fromBytes(draftJson, &decodeError);
    QVERIFY2(draft, qPrintable(decodeError));
    QVERIFY2(draft->validate().isEmpty(), qPrintable(draft->validate().join(' ')));
    // The engine still edits the session after the restart.
    QList<AgentEvent> events;
    QCOMPARE(c.runSse(sid, "add a title 'Again'", &events).status, 200);
    QCOMPARE(c.state(sid).data().value("version").toInt(), 2 + killAfterCall);
    QVERIFY(engine.stop());
}

void TstFaults::killDuringUpload_data()
{
    QTest::addColumn<qint64>("killAfterBytes");
    QTest::newRow("early") << qint64(256 * 1024);
    QTest::newRow("most of 48 MiB") << qint64(40 * 1024 * 1024);
}

// A 48 MiB multipart upload streamed in pieces; the engine dies part-way. After the restart
// the session has its old versions and media, and the data dir no partial file.
void TstFaults::killDuringUpload()
{
    QFETCH(qint64, killAfterBytes);
    TestEngine engine;
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    QString sid;
    {
        EngineClient c(engine.baseUrl(), engine.token());
        sid = c.createSession();
        QCOMPARE(c.upload(sid, {{m_clip, "first.mp4"}}).status, 200);
    }
    const EngineSnapshot before = snapshotEngine(engine.dataDir());
    QVERIFY(before.ok);

    const qint64 payload = 48LL * 1024 * 1024;
    const QByteArray partHead = "--BOUNDARY\r\nContent-Disposition: form-data; name=\"files\"; "
                                "filename=\"big.mp4\"\r\nContent-Type: video/mp4\r\n\r\n";
    const QByteArray partTail = "\r\n--BOUNDARY--\r\n";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(engine.port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write(rawPostHead("/api/upload-video/nemo_agent/me/" + sid, engine.token(),
                             "multipart/form-data; boundary=BOUNDARY",
                             partHead.size() + payload + partTail.size()) +
                 partHead + m_clip);
    const QByteArray chunk(128 * 1024, 'x');
    qint64 sent = m_clip.size();
    while (sent < killAfterBytes) {
        socket.write(chunk);
        QVERIFY(socket.waitForBytesWritten(10000));
        sent += chunk.size();
    }
    // Let the engine take in what was sent, so the kill finds the temp file being written.
    QTest::qWait(300);
    engine.kill();
    socket.abort();

    QVERIFY2(engine.start(&error), qPrintable(error));
    const EngineSnapshot after = snapshotEngine(engine.dataDir());
    QCOMPARE(after.sessions, before.sessions);
    QCOMPARE(after.drafts, before.drafts);
    QCOMPARE(after.media, before.media);
    QCOMPARE(after.files, before.files);
    QVERIFY2(partialFiles(after).isEmpty(), qPrintable(partialFiles(after).join(", ")));
    EngineClient c(engine.baseUrl(), engine.token());
    QCOMPARE(c.state(sid).data().value("version").toInt(), 2);
    QVERIFY(engine.stop());
}

// The engine runs in its own user + mount namespace with its data dir on a small tmpfs,
// which a filler file makes nearly full before the render. Skipped where unprivileged user
// namespaces are not allowed.
void TstFaults::diskFullDuringRender()
{
    QProcess probe;
    probe.start("unshare", {"-rm", "sh", "-c", "mount -t tmpfs -o size=1m none /mnt"});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
        QSKIP("unprivileged user/mount namespaces are not available here");

    const QString dataDir = m_tmp.filePath("full");
    QVERIFY(QDir().mkpath(dataDir));
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    QProcess engine;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CLIPWRIGHT_ENGINE_TOKEN", token);
    env.insert("CLIPWRIGHT_X264_PRESET", "ultrafast");
    engine.setProcessEnvironment(env);
    engine.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    engine.start("unshare",
                 {"-rm", "sh", "-c",
                  "mount -t tmpfs -o size=12m none \"$0\" && exec \"$1\" --listen 127.0.0.1:0 "
                  "--data-dir \"$0\" --exit-with-parent",
                  dataDir, QStringLiteral(CLIPWRIGHT_BIN_DIR "/clipwright-engine")});
    QVERIFY(engine.waitForStarted(10000));
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains('\n') && timer.elapsed() < 15000 && engine.state() == QProcess::Running) {
        engine.waitForReadyRead(100);
        out += engine.readAllStandardOutput();
    }
    QVERIFY2(out.startsWith("listening "), out.constData());
    const QUrl base(QString::fromUtf8(out.mid(10).trimmed()));
    // The tmpfs is visible from here only through the engine's own root.
    const QString inside = QStringLiteral("/proc/%1/root%2").arg(engine.processId()).arg(dataDir);
    QVERIFY2(QFile::exists(inside + "/engine.db"), qPrintable(inside));

    EngineClient c(base, token);
    const QString sid = c.createSession();
    QCOMPARE(c.upload(sid, {{m_clip, "clip.mp4"}}).status, 200);
    {
        // Leave about 200 KiB free: the render's output will not fit.
        QFile filler(inside + "/filler");
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(64 * 1024, 'f');
        while (filler.write(block) == block.size()) {
        }
        filler.close();
        QVERIFY(filler.resize(qMax<qint64>(0, filler.size() - 200 * 1024)));
    }
    const QString id = renderId("full");
    const HttpReply submit =
        c.postJson("/api/render/proxy/lambda",
                   QJsonObject{{"id", id},
                               {"sessionId", sid},
                               {"output", QJsonObject{{"format", "mp4"}, {"preset", "4k"}}}});
    QCOMPARE(submit.status, 200);
    QJsonObject job;
    QTRY_VERIFY_WITH_TIMEOUT((job = c.get("/api/render/proxy/lambda/" + id).data(),
                              job.value("status").toString() == "failed" ||
                                  job.value("status").toString() == "completed"),
                             120000);
    QCOMPARE(job.value("status").toString(), QStringLiteral("failed"));
    const QString message = job.value("error").toString();
    QVERIFY(!message.isEmpty());
    // ffmpeg's "No space left on device" line is not among the last lines FfmpegRunner keeps
    // for the message; the render runner must name the cause (see the issue 7 report).
    QVERIFY2(message.contains("No space left on device", Qt::CaseInsensitive) ||
                 message.contains("disk is full", Qt::CaseInsensitive),
             qPrintable(message));
    QVERIFY2(QDir(inside + "/renders").entryList(QDir::Files).isEmpty(),
             qPrintable(QDir(inside + "/renders").entryList(QDir::Files).join(", ")));
    // With space again, the same engine renders.
    QVERIFY(QFile::remove(inside + "/filler"));
    const QString id2 = renderId("after");
    QCOMPARE(c.postJson("/api/render/proxy/lambda",
                        QJsonObject{{"id", id2},
                                    {"sessionId", sid},
                                    {"output", QJsonObject{{"preset", "720p"}}}})
                 .status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT((job = c.get("/api/render/proxy/lambda/" + id2).data(),
                              job.value("status").toString() == "failed" ||
                                  job.value("status").toString() == "completed"),
                             120000);
    QCOMPARE(job.value("status").toString(), QStringLiteral("completed"));
    engine.terminate();
    QVERIFY(engine.waitForFinished(15000));
}

QTEST_GUILESS_MAIN(TstFaults)
#include "tst_faults.moc"
