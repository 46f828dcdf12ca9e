// AgentStream over real engine streams: a normal turn (tool call -> progress line, final
// text), an unknown session (HTTP 404 detail), and two stalled turns. A stall is made real
// by holding the engine database's write lock from the test: the engine has sent its
// functionCall and then waits for SQLite, so the stream is open and silent. One stall ends by
// our transfer timeout (with "Still working…" ticks first), the other by killing the engine
// mid-stream, after which the state poll fails and the user gets a clear error.
#include "AgentStream.h"
#include "EngineFixture.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <csignal>

using namespace cw;
using namespace cw::test;

namespace {

struct Turn {
    QStringList progress;
    QStringList texts;
    QStringList partials;
    QStringList failures;
    QList<int> codes;
    int finished = 0;
    int states = 0;

    void watch(AgentStream* s)
    {
        QObject::connect(s, &AgentStream::progressLine,
                         [this](const QString& l) { progress << l; });
        QObject::connect(s, &AgentStream::text, [this](const QString& t, bool partial) {
            (partial ? partials : texts) << t;
        });
        QObject::connect(s, &AgentStream::failed, [this](const QString& m, int code) {
            failures << m;
            codes << code;
        });
        QObject::connect(s, &AgentStream::stateFetched, [this](const SessionState&) { ++states; });
        QObject::connect(s, &AgentStream::finished, [this] { ++finished; });
    }
};

// Holds the SQLite write lock of the engine's database while alive.
class DbLock {
public:
    explicit DbLock(const QString& path)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
        m_db.setDatabaseName(path);
        m_locked = m_db.open() && QSqlQuery(m_db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~DbLock()
    {
        if (m_db.isOpen()) {
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
            m_db.close();
        }
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    }
    bool locked() const { return m_locked; }

private:
    QSqlDatabase m_db;
    bool m_locked = false;
};

} // namespace

class TestAgentStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void progressLines_data();
    void progressLines();
    void realTurn();
    void unknownSession();
    void stalledStreamTimesOut();
    void engineKilledMidStream();

private:
    bool uploadClip(EngineFixture& f, const QString& session);
    QTemporaryDir m_tmp;
    QString m_clip;
};

void TestAgentStream::initTestCase()
{
    m_clip = m_tmp.filePath(QStringLiteral("speech.mp4"));
    QString error;
    QVERIFY2(!makeSpeechClip(m_clip, 1.5, 3, 640, 360, &error).isEmpty(), qPrintable(error));
}

bool TestAgentStream::uploadClip(EngineFixture& f, const QString& session)
{
    const Envelope e = EngineFixture::wait(f.api->uploadFile(
        QStringLiteral("/api/upload-video/nemo_agent/me/%1").arg(session), m_clip));
    return e.ok;
}

void TestAgentStream::progressLines_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("line");
    QTest::newRow("cut") << "cut_pauses" << QStringLiteral("Cutting pauses…");
    QTest::newRow("case and space") << " Add_Music " << QStringLiteral("Adding music…");
    QTest::newRow("undo") << "undo" << QStringLiteral("Undoing…");
    QTest::newRow("unknown") << "summary" << QStringLiteral("Working: summary…");
    QTest::newRow("empty") << "" << QStringLiteral("Working: tool…");
    QTest::newRow("long") << QString(100, QLatin1Char('x'))
                          << QStringLiteral("Working: ") + QString(59, QLatin1Char('x')) +
                                 QStringLiteral("……");
}

void TestAgentStream::progressLines()
{
    QFETCH(QString, tool);
    QFETCH(QString, line);
    QCOMPARE(AgentStream::progressLineForTool(tool), line);
}

void TestAgentStream::realTurn()
{
    EngineFixture f;
    QVERIFY2(f.start(), qPrintable(f.error));
    const QString sid = f.createSession();
    QVERIFY(uploadClip(f, sid));
    AgentStream stream(f.api.get(), sid);
    Turn turn;
    turn.watch(&stream);
    stream.start(QStringLiteral("cut the pauses"));
    QVERIFY(stream.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 30000);
    QVERIFY2(turn.failures.isEmpty(), qPrintable(turn.failures.join(QLatin1Char('\n'))));
    QCOMPARE(turn.progress, QStringList{QStringLiteral("Cutting pauses…")});
    QCOMPARE(turn.texts.size(), 1);
    QVERIFY(!turn.texts.first().trimmed().isEmpty());
    QVERIFY(stream.receivedText());
    QVERIFY(!stream.isRunning());
    QCOMPARE(turn.states, 0); // text arrived: no fallback poll
    QTest::qWait(50);
    QCOMPARE(turn.finished, 1);
}

void TestAgentStream::unknownSession()
{
    EngineFixture f;
    QVERIFY2(f.start(), qPrintable(f.error));
    AgentStream stream(f.api.get(), QStringLiteral("no-such-session"));
    Turn turn;
    turn.watch(&stream);
    stream.start(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 10000);
    QCOMPARE(turn.codes, QList<int>{int(ErrorCode::SessionNotFound)});
    QCOMPARE(turn.failures.first(), describeError(404, ErrorCode::SessionNotFound).message);
    QVERIFY(turn.texts.isEmpty());
}

void TestAgentStream::stalledStreamTimesOut()
{
    EngineFixture f;
    QVERIFY2(f.start(), qPrintable(f.error));
    const QString sid = f.createSession();
    QVERIFY(uploadClip(f, sid));
    DbLock lock(f.engine->dataDir() + QStringLiteral("/engine.db"));
    QVERIFY(lock.locked());

    AgentStream stream(f.api.get(), sid);
    stream.setStillWorkingInterval(150);
    stream.setTransferTimeout(1200);
    Turn turn;
    turn.watch(&stream);
    stream.start(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 10000);
    QVERIFY(stream.timedOut());
    QVERIFY(turn.progress.contains(QStringLiteral("Cutting pauses…")));
    QVERIFY(turn.progress.count(QStringLiteral("Still working…")) >= 3);
    QCOMPARE(turn.codes, QList<int>{int(ErrorCode::Timeout)});
    QCOMPARE(turn.states, 1); // the fallback poll ran and saw no change
    QVERIFY(turn.texts.isEmpty());
}

void TestAgentStream::engineKilledMidStream()
{
    EngineFixture f;
    f.engine->setMaxRestarts(0);
    QVERIFY2(f.start(), qPrintable(f.error));
    const QString sid = f.createSession();
    QVERIFY(uploadClip(f, sid));
    DbLock lock(f.engine->dataDir() + QStringLiteral("/engine.db"));
    QVERIFY(lock.locked());

    AgentStream stream(f.api.get(), sid);
    Turn turn;
    turn.watch(&stream);
    const qint64 pid = f.engine->processId();
    connect(&stream, &AgentStream::progressLine, this, [pid](const QString&) {
        ::kill(pid_t(pid), SIGKILL); // the stream is open: functionCall sent, op waiting
    });
    stream.start(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 15000);
    QCOMPARE(turn.progress.first(), QStringLiteral("Cutting pauses…"));
    QVERIFY(turn.texts.isEmpty());
    QCOMPARE(turn.failures.size(), 1);
    QVERIFY2(turn.failures.first().contains(QStringLiteral("connection to the editing engine "
                                                           "was lost")),
             qPrintable(turn.failures.first()));
    QCOMPARE(turn.codes.first(), int(ErrorCode::NetworkError));
    QCOMPARE(turn.states, 0);
}

QTEST_GUILESS_MAIN(TestAgentStream)
#include "tst_agentstream.moc"
