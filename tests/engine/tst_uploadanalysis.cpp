// The scene analysis made in the background after an upload, over the real engine (loopback,
// the real store, real ffmpeg children watched in /proc). An uploaded 46-second clip with five
// known cuts is analysed without being asked: the cache row appears, then "split it at every
// scene change" splits within a frame of each cut with no progress event (nothing was analysed
// in the turn), and no two background ffmpeg ran at once (proxies included). A request sent
// while the pass runs waits for it: one scdet process in all, its progress shown in the chat,
// the right cuts. A client that leaves while waiting does not stop the pass; the cache still
// appears. An engine shut down mid-pass exits cleanly with no ffmpeg left, and started again it
// analyses from the start. CLIPWRIGHT_ANALYSE_AT_UPLOAD=0 leaves the analysis to first use.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "UploadShots.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <mutex>
#include <thread>

using namespace cw;
using namespace cw::test::upload;

namespace {

test::HttpReply upload(test::EngineClient& c, const QString& sid, const QString& file,
                       const char* name)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? c.upload(sid, {{f.readAll(), name}}) : test::HttpReply{};
}

// Watches an engine's ffmpeg children every 20 ms on its own thread: which scdet passes ran, the
// most ffmpeg children seen at once, and whether the preview proxy came first.
class ChildWatch {
public:
    explicit ChildWatch(qint64 pid)
        : m_thread([this, pid] {
              while (!m_stop) {
                  const QList<qint64> all = childrenOf(pid, "ffmpeg");
                  const QList<qint64> scdet = childrenOf(pid, "scdet");
                  const bool proxy = !childrenOf(pid, "/proxies/").isEmpty();
                  {
                      const std::lock_guard<std::mutex> lock(m_mutex);
                      ++m_tick;
                      if (proxy && m_proxyAt < 0)
                          m_proxyAt = m_tick;
                      if (!scdet.isEmpty() && m_scdetAt < 0)
                          m_scdetAt = m_tick;
                      m_most = std::max(m_most, int(all.size()));
                      for (qint64 p : scdet)
                          m_scdet.insert(p);
                  }
                  std::this_thread::sleep_for(std::chrono::milliseconds(20));
              }
          })
    {}
    ~ChildWatch()
    {
        m_stop = true;
        m_thread.join();
    }
    int scdetPasses() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return int(m_scdet.size());
    }
    int mostAtOnce() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_most;
    }
    // The preview proxy's ffmpeg was seen before the first scdet pass.
    bool proxyFirst() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_proxyAt >= 0 && (m_scdetAt < 0 || m_proxyAt < m_scdetAt);
    }

private:
    mutable std::mutex m_mutex;
    QSet<qint64> m_scdet;
    int m_most = 0;
    qint64 m_tick = 0, m_proxyAt = -1, m_scdetAt = -1;
    std::atomic_bool m_stop{false};
    std::thread m_thread;
};

// The progress texts of a turn and its main-track clip starts afterwards.
struct Split {
    QStringList progress;
    QString text;
    QList<qint64> starts;
};

Split splitScenes(test::EngineClient& c, const QString& sid)
{
    QList<AgentEvent> events;
    c.runSse(sid, QStringLiteral("split it at every scene change"), &events);
    Split out;
    for (const AgentEvent& e : events) {
        if (e.kind == AgentEvent::Kind::Progress)
            out.progress << e.text;
        else if (e.kind == AgentEvent::Kind::Text && !e.partial)
            out.text = e.text;
    }
    const test::State s = test::stateOf(c, sid);
    for (int i = 1; !s.draft.t.isEmpty() && i < s.draft.t[0].sg.size(); ++i)
        out.starts << s.draft.t[0].sg[i].st;
    return out;
}

// Empty when every expected cut starts a clip within one frame.
QString cutsMissed(const QList<qint64>& starts)
{
    const QList<qint64> want = expectedCuts();
    if (starts.size() != want.size())
        return QStringLiteral("%1 clips start after the first, want %2")
            .arg(starts.size())
            .arg(want.size());
    for (int i = 0; i < want.size(); ++i)
        if (std::abs(starts[i] - want[i]) > 1000 / kFps)
            return QStringLiteral("clip %1 starts at %2, the cut is at %3")
                .arg(i + 1)
                .arg(starts[i])
                .arg(want[i]);
    return {};
}

bool waitFor(const std::function<bool()>& done, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(50);
    }
    return true;
}

} // namespace

class TstUploadAnalysis : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_shots;

private Q_SLOTS:
    void initTestCase();
    void cachedAfterUpload();
    void requestWaitsForThePass();
    void leavingDoesNotStopThePass();
    void shutdownMidPass();
    void offLeavesItToFirstUse();
};

void TstUploadAnalysis::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_shots = m_dir.filePath(QStringLiteral("shots.mp4"));
    QString error;
    QVERIFY2(makeShots(m_shots, &error), qPrintable(error));
}

void TstUploadAnalysis::cachedAfterUpload()
{
    QString error;
    test::TestEngine engine; // proxies on: they share the one background slot
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    ChildWatch watch(engine.pid());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(upload(c, sid, m_shots, "shots.mp4").code(), 0);
    QVERIFY2(waitFor([&] { return cachedSceneAnalyses(engine.dataDir()) == 1; }, 120000),
             "the scene analysis was not cached within 2 minutes of the upload");
    qInfo("cached %lld ms after the upload began (the proxy and the pass one at a time)",
          timer.elapsed());
    QCOMPARE(watch.scdetPasses(), 1);
    QCOMPARE(watch.mostAtOnce(), 1);
    QVERIFY2(watch.proxyFirst(), "the scene pass ran before the preview proxy");

    const Split split = splitScenes(c, sid);
    QVERIFY2(split.progress.isEmpty(), qPrintable(split.progress.join(" | ")));
    QVERIFY2(split.text.contains("Split at 5 scene changes"), qPrintable(split.text));
    const QString missed = cutsMissed(split.starts);
    QVERIFY2(missed.isEmpty(), qPrintable(missed));
    QCOMPARE(watch.scdetPasses(), 1);
}

void TstUploadAnalysis::requestWaitsForThePass()
{
    QString error;
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_PROXIES", "0"); // the pass starts at once
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    ChildWatch watch(engine.pid());
    QCOMPARE(upload(c, sid, m_shots, "shots.mp4").code(), 0);
    QVERIFY2(waitFor([&] { return !childrenOf(engine.pid(), "scdet").isEmpty(); }, 20000),
             "no background pass started");
    const Split split = splitScenes(c, sid);
    QCOMPARE(watch.scdetPasses(), 1);
    QCOMPARE(watch.mostAtOnce(), 1);
    QVERIFY2(!split.progress.isEmpty(), "the wait showed no progress");
    for (const QString& p : split.progress)
        QCOMPARE(p, QStringLiteral("Finding the scene changes in shots.mp4"));
    const QString missed = cutsMissed(split.starts);
    QVERIFY2(missed.isEmpty(), qPrintable(missed));
    QCOMPARE(cachedSceneAnalyses(engine.dataDir()), 1);
}

void TstUploadAnalysis::leavingDoesNotStopThePass()
{
    QString error;
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_PROXIES", "0");
    engine.setEnv("CLIPWRIGHT_KEEPALIVE_MS", "300");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    ChildWatch watch(engine.pid());
    QCOMPARE(upload(c, sid, m_shots, "shots.mp4").code(), 0);
    QVERIFY(waitFor([&] { return !childrenOf(engine.pid(), "scdet").isEmpty(); }, 20000));
    const int version = test::stateOf(c, sid).version;

    // A client that leaves at the first progress event of its wait.
    QTcpSocket socket;
    const QByteArray received = test::requestUntilProgress(socket, engine.port(), engine.token(),
                                                           sid, "split it at every scene change");
    QVERIFY2(received.contains("Finding the scene changes in shots.mp4"), received.constData());
    socket.abort();

    QVERIFY2(waitFor([&] { return cachedSceneAnalyses(engine.dataDir()) == 1; }, 60000),
             "the background pass did not finish after the client left");
    QCOMPARE(watch.scdetPasses(), 1);
    QCOMPARE(test::stateOf(c, sid).version, version);
    const Split split = splitScenes(c, sid);
    QVERIFY2(split.progress.isEmpty(), qPrintable(split.progress.join(" | ")));
    QVERIFY2(cutsMissed(split.starts).isEmpty(), qPrintable(cutsMissed(split.starts)));
}

void TstUploadAnalysis::shutdownMidPass()
{
    QString error;
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QString dataDir = data.filePath(QStringLiteral("engine"));
    test::TestEngine engine;
    engine.setDataDir(dataDir);
    engine.setEnv("CLIPWRIGHT_PROXIES", "0");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QCOMPARE(upload(c, sid, m_shots, "shots.mp4").code(), 0);
    QVERIFY(waitFor([&] { return !childrenOf(engine.pid(), "scdet").isEmpty(); }, 20000));
    QVERIFY2(engine.stop(), "the engine did not exit cleanly within 10 s of SIGTERM");
    QTRY_COMPARE_WITH_TIMEOUT(processesNaming(dataDir), 0, 3000); // no ffmpeg left
    QCOMPARE(cachedSceneAnalyses(dataDir), 0);                    // nothing half-made kept

    // Started again, the next request analyses from the start, in the turn.
    engine.setEnv("CLIPWRIGHT_ANALYSE_AT_UPLOAD", "0");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient again(engine.baseUrl(), engine.token());
    const Split split = splitScenes(again, sid);
    QVERIFY2(!split.progress.isEmpty(), "the analysis did not run in the turn");
    QVERIFY2(cutsMissed(split.starts).isEmpty(), qPrintable(cutsMissed(split.starts)));
    QCOMPARE(cachedSceneAnalyses(dataDir), 1);
}

void TstUploadAnalysis::offLeavesItToFirstUse()
{
    QString error;
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_ANALYSE_AT_UPLOAD", "0");
    engine.setEnv("CLIPWRIGHT_PROXIES", "0");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    ChildWatch watch(engine.pid());
    QCOMPARE(upload(c, sid, m_shots, "shots.mp4").code(), 0);
    QThread::msleep(1500);
    QCOMPARE(watch.scdetPasses(), 0);
    QCOMPARE(cachedSceneAnalyses(engine.dataDir()), 0);
}

QTEST_GUILESS_MAIN(TstUploadAnalysis)
#include "tst_uploadanalysis.moc"
