// AgentStream over real engine streams: a normal turn (tool call -> progress line, final
// text), an unknown session (HTTP 404 detail), and broken turns: a silent engine (its
// CLIPWRIGHT_AGENT_DELAY_MS test knob) runs into our transfer timeout after "Still working…"
// ticks and the fallback state poll answers; an engine killed mid-stream or before answering
// ends the turn once with a clear error. A long first analysis shows as progress lines with
// a percentage, and abort() ends the turn quietly while it runs.
#include "AgentStream.h"
#include "DraftDiff.h"
#include "EngineFixture.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
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

} // namespace

class TestAgentStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void progressLines_data();
    void progressLines();
    void realTurn();
    void unknownSession();
    void keepAlivesHoldTheStream();
    void stalledStreamTimesOut_data();
    void stalledStreamTimesOut();
    void analysisProgressThenAbort();
    void engineKilledBeforeAnswer();
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

void TestAgentStream::analysisProgressThenAbort()
{
    const QString clip = m_tmp.filePath(QStringLiteral("pattern.mp4"));
    QString error;
    QVERIFY2(runFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=640x360:r=25", "-t", "60", "-c:v",
                        "libx264", "-preset", "ultrafast", clip},
                       &error),
             qPrintable(error));
    EngineFixture f;
    QVERIFY2(f.start(), qPrintable(f.error));
    const QString sid = f.createSession();
    QVERIFY(
        EngineFixture::wait(
            f.api->uploadFile(QStringLiteral("/api/upload-video/nemo_agent/me/%1").arg(sid), clip))
            .ok);
    AgentStream stream(f.api.get(), sid);
    Turn turn;
    turn.watch(&stream);
    stream.start(QStringLiteral("split it at every scene change"));
    static const QRegularExpression line(
        QStringLiteral("^Finding the scene changes in pattern\\.mp4… \\d{1,3}%$"));
    QTRY_VERIFY_WITH_TIMEOUT(!turn.progress.filter(line).isEmpty(), 30000);
    QCOMPARE(turn.finished, 0);
    stream.abort();
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 5000);
    QVERIFY2(turn.failures.isEmpty(), qPrintable(turn.failures.join(QLatin1Char('\n'))));
    QVERIFY(turn.texts.isEmpty());
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

void TestAgentStream::keepAlivesHoldTheStream()
{
    // The operation takes 1.5 s, longer than our 0.7 s inactivity timeout, but `: keep-alive`
    // comments every 100 ms keep the stream alive; they never show up as text or progress.
    EngineFixture f;
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_AGENT_DELAY_MS"), QStringLiteral("1500"));
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_KEEPALIVE_MS"), QStringLiteral("100"));
    QVERIFY2(f.start(), qPrintable(f.error));
    const QString sid = f.createSession();
    QVERIFY(uploadClip(f, sid));
    AgentStream stream(f.api.get(), sid);
    stream.setTransferTimeout(700);
    Turn turn;
    turn.watch(&stream);
    stream.start(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 15000);
    QVERIFY2(turn.failures.isEmpty(), qPrintable(turn.failures.join(QLatin1Char('|'))));
    QVERIFY(!stream.timedOut());
    QCOMPARE(turn.progress, QStringList{QStringLiteral("Cutting pauses…")});
    QCOMPARE(turn.texts.size(), 1);
    QVERIFY(turn.partials.isEmpty());
}

void TestAgentStream::stalledStreamTimesOut_data()
{
    QTest::addColumn<bool>("changedSince"); // the stream's previous draft is older than the state
    QTest::newRow("nothing changed") << false;
    QTest::newRow("changed since") << true;
}

void TestAgentStream::stalledStreamTimesOut()
{
    QFETCH(bool, changedSince);
    // The engine sends its functionCall and then works (slowly, on purpose) without a byte
    // for 4 s; our 1 s inactivity timeout ends the stream and the state poll decides.
    EngineFixture f;
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_AGENT_DELAY_MS"), QStringLiteral("4000"));
    QVERIFY2(f.start(), qPrintable(f.error));
    const QString sid = f.createSession();
    QVERIFY(uploadClip(f, sid));
    const auto state = SessionState::fromJson(
        EngineFixture::wait(
            f.api->get(QStringLiteral("/api/state/nemo_agent/me/%1/latest").arg(sid)))
            .data);
    QVERIFY(state);
    QVERIFY(state->draft.isExportable());

    AgentStream stream(f.api.get(), sid);
    stream.setPreviousDraft(changedSince ? Draft() : state->draft);
    stream.setStillWorkingInterval(150);
    stream.setTransferTimeout(1000);
    Turn turn;
    turn.watch(&stream);
    stream.start(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 15000);
    QVERIFY(stream.timedOut());
    // The first named step is the function call's (a slow, sanitized engine may let a "still
    // working" tick come before it).
    const QStringList named =
        turn.progress.filter(QRegularExpression(QStringLiteral("^(?!Still working)")));
    QCOMPARE(named.value(0), QStringLiteral("Cutting pauses…"));
    QVERIFY2(turn.progress.count(QStringLiteral("Still working…")) >= 3,
             qPrintable(turn.progress.join(QLatin1Char('|'))));
    QCOMPARE(turn.states, 1); // the fallback poll ran
    if (changedSince) {
        QVERIFY(turn.failures.isEmpty());
        QCOMPARE(turn.texts.size(), 1);
        QVERIFY2(turn.texts.first().contains(QStringLiteral("interrupted, but the edit was saved")),
                 qPrintable(turn.texts.first()));
        QVERIFY(turn.texts.first().contains(describeChange(diffDrafts(Draft(), state->draft))));
    } else {
        QVERIFY(turn.texts.isEmpty());
        QCOMPARE(turn.codes, QList<int>{int(ErrorCode::Timeout)});
        QCOMPARE(turn.failures.first(), describeError(0, ErrorCode::Timeout).message);
    }
}

void TestAgentStream::engineKilledBeforeAnswer()
{
    EngineFixture f;
    QVERIFY2(f.start(), qPrintable(f.error));
    const QString sid = f.createSession();
    const pid_t pid = pid_t(f.engine.pid());

    // The request reaches a frozen engine, which is then killed before any answer: the user
    // gets the "cannot reach" message.
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    AgentStream stream(f.api.get(), sid);
    Turn turn;
    turn.watch(&stream);
    QTimer::singleShot(400, [pid] { ::kill(pid, SIGKILL); });
    stream.start(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 15000);
    QVERIFY(turn.texts.isEmpty());
    QCOMPARE(turn.failures.size(), 1);
    QCOMPARE(turn.codes.first(), int(ErrorCode::NetworkError));
    // Connected before the kill, the reset may follow a received message, so the state is
    // polled first and the reply says so; connected after it (slow sanitized runs), refused:
    // either way the user reads "cannot reach".
    QVERIFY2(turn.failures.first().endsWith(describeError(0, ErrorCode::NetworkError).message),
             qPrintable(turn.failures.first()));
    QVERIFY(!stream.isRunning());
}

void TestAgentStream::engineKilledMidStream()
{
    // Killed after the first event (the tool call) while it works on the operation: the
    // stream is cut off, the state poll finds nobody, and the user is told so.
    EngineFixture f;
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_AGENT_DELAY_MS"), QStringLiteral("4000"));
    QVERIFY2(f.start(), qPrintable(f.error));
    const QString sid = f.createSession();
    QVERIFY(uploadClip(f, sid));
    const pid_t pid = pid_t(f.engine.pid());
    AgentStream stream(f.api.get(), sid);
    Turn turn;
    turn.watch(&stream);
    connect(&stream, &AgentStream::progressLine, this,
            [pid](const QString&) { ::kill(pid, SIGKILL); });
    stream.start(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(turn.finished, 1, 15000);
    QCOMPARE(turn.progress.value(0), QStringLiteral("Cutting pauses…"));
    QVERIFY(turn.texts.isEmpty());
    QCOMPARE(turn.failures.size(), 1);
    QVERIFY2(
        turn.failures.first().contains(QStringLiteral("connection to the editing engine was lost")),
        qPrintable(turn.failures.first()));
    QCOMPARE(turn.codes.first(), int(ErrorCode::NetworkError));
    QCOMPARE(turn.states, 0);
    QTest::qWait(100);
    QCOMPARE(turn.finished, 1);
}

QTEST_GUILESS_MAIN(TestAgentStream)
#include "tst_agentstream.moc"
