// Scene changes through the chat over the real engine (loopback, the real store and planner):
// "split it at every scene change" on the 8-shot clip (SceneShots.h) puts a clip boundary within
// a frame of each cut, undo takes it back, "remove the scene at 0:12" removes the third shot
// with the analysis read back from the store, and the export's length (ffprobe) is the draft's;
// the same in Chinese. Sound only, a still picture and a single shot change nothing and say why.
// A long first analysis streams progress events, and a client that leaves stops it at once:
// no scdet pass is left running and nothing is cached, so the next request analyses again.
#include "AgentTurn.h"
#include "SceneShots.h"
#include "TestEngine.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace cw;
using namespace cw::test::scenes;

namespace {

test::HttpReply upload(test::EngineClient& c, const QString& sid, const QString& file,
                       const char* name)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? c.upload(sid, {{f.readAll(), name}}) : test::HttpReply{};
}

// The exported file's length in ms (-1 when the export failed).
qint64 exportedMs(test::EngineClient& c, const QString& sid, const QTemporaryDir& dir)
{
    const QString file = test::exportSession(c, sid, dir.path());
    if (file.isEmpty())
        return -1;
    const QJsonObject info = test::probe(file);
    return qint64(info.value("format").toObject().value("duration").toString().toDouble() * 1000);
}

// The engine's child processes whose command line contains `needle`.
int childrenRunning(qint64 pid, const QByteArray& needle)
{
    return int(childrenOf(pid, needle).size());
}

} // namespace

class TstSceneChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_shots;

private Q_SLOTS:
    void initTestCase();
    void chat();
    void progressAndStop();
    void badInput();
};

void TstSceneChat::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_shots = m_dir.filePath(QStringLiteral("shots.mp4"));
    QString error;
    QVERIFY2(makeShots(m_shots, &error), qPrintable(error));
}

void TstSceneChat::chat()
{
    QString error;
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QCOMPARE(upload(c, sid, m_shots, "shots.mp4").code(), 0);
    const test::State before = test::stateOf(c, sid);
    test::Turn t = test::runTurn(c, sid, "split it at every scene change");
    QCOMPARE(t.calls, QStringList{"split_scenes"});
    QVERIFY2(t.text.contains("Split at 7 scene changes (0:03.3, 0:07.2, 0:10.0"),
             qPrintable(t.text));
    test::State s = test::stateOf(c, sid);
    QCOMPARE(s.version, before.version + 1);
    QCOMPARE(s.draft.t[0].sg.size(), 8);
    const QList<qint64> want = expectedCuts();
    for (int i = 0; i < want.size(); ++i)
        QVERIFY2(
            std::abs(s.draft.t[0].sg[i + 1].st - want[i]) <= 1000 / kFps,
            qPrintable(QString("clip %1 starts at %2").arg(i + 1).arg(s.draft.t[0].sg[i + 1].st)));
    QCOMPARE(s.durationMs, before.durationMs);

    t = test::runTurn(c, sid, "undo");
    QCOMPARE(test::stateOf(c, sid).draft.t[0].sg.size(), 1);
    // The third shot (10.04-14.52 s) goes; the analysis is read back from the store.
    QElapsedTimer timer;
    timer.start();
    t = test::runTurn(c, sid, "remove the scene at 0:12");
    QCOMPARE(t.calls, QStringList{"remove_scene"});
    QVERIFY2(t.text.contains("Removed the scene 0:10.0–0:14.5 (4.5 s)"), qPrintable(t.text));
    QVERIFY2(timer.elapsed() < 5000, "the cached analysis is used");
    s = test::stateOf(c, sid);
    QCOMPARE(s.durationMs, before.durationMs - (want[3] - want[2]));
    const qint64 exported = exportedMs(c, sid, m_dir);
    QVERIFY2(std::abs(exported - s.durationMs) <= 100,
             qPrintable(QString("export %1 ms, draft %2 ms").arg(exported).arg(s.durationMs)));

    // Times later in the same message are the timeline as it was sent: after the scene at
    // 0:12 goes, "0:21-0:22" is still the second that played at 0:21.
    test::runTurn(c, sid, "undo");
    t = test::runTurn(c, sid, "remove the scene at 0:12 and cut 0:21-0:22");
    QCOMPARE(t.calls, (QStringList{"remove_scene", "remove_range"}));
    s = test::stateOf(c, sid);
    QCOMPARE(s.durationMs, before.durationMs - (want[3] - want[2]) - 1000);
    qint64 kept = 0; // of the source second 21-22
    for (const Segment& g : s.draft.t[0].sg)
        kept += std::max<qint64>(0, std::min<qint64>(g.in + g.d, 22000) -
                                        std::max<qint64>(g.in, 21000));
    QCOMPARE(kept, 0);
    test::runTurn(c, sid, "undo");

    t = test::runTurn(c, sid, "删掉0:20那个镜头");
    QCOMPARE(t.calls, QStringList{"remove_scene"});
    QVERIFY2(t.text.contains("删除了"), qPrintable(t.text));
    t = test::runTurn(c, sid, "按场景切分");
    QCOMPARE(t.calls, QStringList{"split_scenes"});
    QVERIFY2(t.text.contains("处场景切换分割了视频"), qPrintable(t.text));
}

void TstSceneChat::progressAndStop()
{
    QString error;
    const QString longClip = m_dir.filePath(QStringLiteral("long.mp4"));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=640x360:r=25", "-f", "lavfi", "-i",
                              "sine=f=300", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast",
                              "-c:a", "aac", longClip},
                             &error),
             qPrintable(error));
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_KEEPALIVE_MS", "300");
    // The pass runs in the turn, not after the upload (tst_uploadanalysis covers that).
    engine.setEnv("CLIPWRIGHT_ANALYSE_AT_UPLOAD", "0");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QCOMPARE(upload(c, sid, longClip, "long.mp4").code(), 0);
    const int version = test::stateOf(c, sid).version;

    // A client that leaves at the first progress event.
    QTcpSocket socket;
    const QByteArray received = test::requestUntilProgress(socket, engine.port(), engine.token(),
                                                           sid, "split it at every scene change");
    QVERIFY2(received.contains("Finding the scene changes in long.mp4"), received.constData());
    QCOMPARE(childrenRunning(engine.pid(), "scdet"), 1);
    socket.abort();
    // The engine notices on its next write (at most a keep-alive interval) and kills the pass.
    QTRY_COMPARE_WITH_TIMEOUT(childrenRunning(engine.pid(), "scdet"), 0, 5000);
    QCOMPARE(test::stateOf(c, sid).version, version);

    // Asked again, it analyses from the start (nothing was cached) and reports as it goes.
    QList<AgentEvent> events;
    QCOMPARE(c.runSse(sid, "split it at every scene change", &events).status, 200);
    QList<double> fractions;
    for (const AgentEvent& e : events)
        if (e.kind == AgentEvent::Kind::Progress) {
            QCOMPARE(e.text, QStringLiteral("Finding the scene changes in long.mp4"));
            fractions << e.fraction;
        }
    QVERIFY2(fractions.size() >= 2, qPrintable(QString::number(fractions.size())));
    QVERIFY2(fractions.first() < 0.5, qPrintable(QString::number(fractions.first())));
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QVERIFY(events.last().kind == AgentEvent::Kind::Text && events.last().turnComplete);
    // Read back from the cache now: no progress.
    events.clear();
    c.runSse(sid, "undo", &events);
    c.runSse(sid, "split it at every scene change", &events);
    for (const AgentEvent& e : events)
        QVERIFY(e.kind != AgentEvent::Kind::Progress);
}

void TstSceneChat::badInput()
{
    QString error;
    const QString tone = m_dir.filePath("tone.m4a");
    const QString still = m_dir.filePath("still.png");
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "sine=f=440:d=3", "-c:a", "aac", tone}, &error),
             qPrintable(error));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=320x240", "-frames:v", "1", still},
                             &error),
             qPrintable(error));
    test::TestEngine engine;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    struct Case {
        QString file;
        const char* name;
        const char* says;
    };
    for (const Case& k : {Case{tone, "tone.m4a", "only sound"},
                          Case{still, "still.png", "A still picture has no scene changes"}}) {
        const QString sid = c.createSession();
        QCOMPARE(upload(c, sid, k.file, k.name).code(), 0);
        const int version = test::stateOf(c, sid).version;
        for (const char* ask : {"split it at every scene change", "remove the scene at 0:01"}) {
            const test::Turn t = test::runTurn(c, sid, ask);
            QVERIFY2(t.text.contains(k.says), qPrintable(k.name + QString(": ") + t.text));
            QCOMPARE(test::stateOf(c, sid).version, version);
        }
    }
    // A single shot: no scene changes, nothing changed.
    const QString sid = c.createSession();
    const QString plain = m_dir.filePath("plain.mp4");
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-c:v", "libx264",
                              "-pix_fmt", "yuv420p", plain},
                             &error),
             qPrintable(error));
    QCOMPARE(upload(c, sid, plain, "plain.mp4").code(), 0);
    const int version = test::stateOf(c, sid).version;
    const test::Turn t = test::runTurn(c, sid, "split into scenes");
    QVERIFY2(t.text.contains("No scene changes found in plain.mp4"), qPrintable(t.text));
    QCOMPARE(test::stateOf(c, sid).version, version);
}

QTEST_GUILESS_MAIN(TstSceneChat)
#include "tst_scenechat.moc"
