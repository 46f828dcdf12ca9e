// LocalEngine against the real clipwright-engine: start + health, token in the environment
// only, stop and destructor leave no process, kill -9 restarts exactly once, and the bad
// programs (missing, silent, dying) fail with a message instead of hanging.
#include "EngineFixture.h"
#include "LocalEngine.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace cw;
using namespace cw::test;

namespace {

// The engine under test, started through LocalEngine in a temporary data dir.
struct Local {
    QTemporaryDir dir;
    std::unique_ptr<ApiClient> api = std::make_unique<ApiClient>();
    std::unique_ptr<LocalEngine> engine = std::make_unique<LocalEngine>(api.get());
    QString error;

    Local()
    {
        engine->setProgram(engineProgram());
        engine->setDataDir(dir.path() + QStringLiteral("/engine"));
    }
    ~Local()
    {
        engine.reset();
        api.reset();
    }
    bool start()
    {
        QSignalSpy started(engine.get(), &LocalEngine::started);
        QSignalSpy failed(engine.get(), &LocalEngine::failed);
        engine->start();
        if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, 20000)) {
            error = QStringLiteral("engine did not start in time");
            return false;
        }
        if (!failed.isEmpty()) {
            error = failed.first().first().toString();
            return false;
        }
        api->setBaseUrl(engine->url());
        api->setToken(engine->token());
        return true;
    }
    QString createSession()
    {
        const Envelope e = EngineFixture::wait(
            api->postJson(QStringLiteral("/api/tasks/me/with-session/nemo_agent"),
                          QJsonObject{{QStringLiteral("task_name"), QStringLiteral("t")}}));
        return e.data.toObject().value(QStringLiteral("session_id")).toString();
    }
};

} // namespace

class TestLocalEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsAndAnswersHealth();
    void tokenIsRequiredAndNotInArgv();
    void stopLeavesNoProcess();
    void destructorStopsEngine();
    void killNineRestartsOnce();
    void badPrograms_data();
    void badPrograms();

private:
    QString writeScript(QTemporaryDir& dir, const QByteArray& body);
};

void TestLocalEngine::startsAndAnswersHealth()
{
    Local f;
    QVERIFY2(f.start(), qPrintable(f.error));
    QVERIFY(f.engine->isRunning());
    QCOMPARE(f.engine->url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(f.engine->url().port() > 0);
    QCOMPARE(f.engine->token().size(), 64);
    const Envelope e = EngineFixture::wait(f.api->get(QStringLiteral("/health")));
    QVERIFY2(e.ok, qPrintable(e.message));
    QVERIFY(!e.data.toObject().value(QStringLiteral("version")).toString().isEmpty());
}

void TestLocalEngine::tokenIsRequiredAndNotInArgv()
{
    Local f;
    QVERIFY2(f.start(), qPrintable(f.error));
    QVERIFY(!f.createSession().isEmpty()); // the launch token works

    ApiClient stranger;
    stranger.setBaseUrl(f.engine->url());
    stranger.setToken(QStringLiteral("not-the-token"));
    const Envelope e =
        EngineFixture::wait(stranger.get(QStringLiteral("/api/credits/balance/simple")));
    QVERIFY(!e.ok);
    QCOMPARE(e.code, int(ErrorCode::TokenInvalid));

    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(f.engine->processId()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QByteArray args = cmdline.readAll();
    QVERIFY(args.contains("--listen"));
    QVERIFY(!args.contains(f.engine->token().toLatin1()));
}

void TestLocalEngine::stopLeavesNoProcess()
{
    Local f;
    QVERIFY2(f.start(), qPrintable(f.error));
    const qint64 pid = f.engine->processId();
    QVERIFY(processAlive(pid));
    QSignalSpy stopped(f.engine.get(), &LocalEngine::stopped);
    QSignalSpy restarted(f.engine.get(), &LocalEngine::restarted);
    f.engine->stop();
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!processAlive(pid));
    QVERIFY(!f.engine->isRunning());
    QTest::qWait(200);
    QCOMPARE(restarted.size(), 0); // a requested stop is not a crash
}

void TestLocalEngine::destructorStopsEngine()
{
    Local f;
    QVERIFY2(f.start(), qPrintable(f.error));
    const qint64 pid = f.engine->processId();
    QVERIFY(processAlive(pid));
    f.engine.reset();
    QVERIFY(!processAlive(pid));
}

void TestLocalEngine::killNineRestartsOnce()
{
    Local f;
    QVERIFY2(f.start(), qPrintable(f.error));
    QSignalSpy started(f.engine.get(), &LocalEngine::started);
    QSignalSpy restarted(f.engine.get(), &LocalEngine::restarted);
    QSignalSpy failed(f.engine.get(), &LocalEngine::failed);

    const qint64 first = f.engine->processId();
    QCOMPARE(::kill(pid_t(first), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
    QCOMPARE(restarted.size(), 1);
    QVERIFY(!restarted.first().first().toString().isEmpty());
    QCOMPARE(f.engine->restartCount(), 1);
    const qint64 second = f.engine->processId();
    QVERIFY(second != first);
    QVERIFY(processAlive(second));

    // The new engine has a new port and token; the client follows them.
    f.api->setBaseUrl(f.engine->url());
    f.api->setToken(f.engine->token());
    QVERIFY(!f.createSession().isEmpty());

    QCOMPARE(::kill(pid_t(second), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(restarted.size(), 1);
    QVERIFY(!f.engine->isRunning());
    QTest::qWait(300);
    QCOMPARE(started.size(), 1);
    QVERIFY(!processAlive(second));
}

QString TestLocalEngine::writeScript(QTemporaryDir& dir, const QByteArray& body)
{
    const QString path = dir.path() + QStringLiteral("/fake-engine");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body + "\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void TestLocalEngine::badPrograms_data()
{
    QTest::addColumn<QByteArray>("script"); // empty: a program that does not exist
    QTest::addColumn<QString>("expected");  // part of the failure message
    QTest::newRow("missing") << QByteArray() << QStringLiteral("Could not find");
    QTest::newRow("silent") << QByteArray("exec sleep 30") << QStringLiteral("did not start");
    QTest::newRow("dies") << QByteArray("echo 'cannot open database' >&2; exit 3")
                          << QStringLiteral("cannot open database");
    QTest::newRow("wrong line") << QByteArray(
                                       "echo 'listening http://example.com:80'; exec sleep 30")
                                << QStringLiteral("did not start");
    QTest::newRow("no health") << QByteArray("echo 'listening http://127.0.0.1:9'; exec sleep 30")
                               << QStringLiteral("does not answer");
}

void TestLocalEngine::badPrograms()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    ApiClient api;
    LocalEngine engine(&api);
    engine.setProgram(script.isEmpty() ? dir.path() + QStringLiteral("/nope")
                                       : writeScript(dir, script));
    engine.setDataDir(dir.path() + QStringLiteral("/data"));
    engine.setStartTimeout(1500);
    QSignalSpy failed(&engine, &LocalEngine::failed);
    QSignalSpy started(&engine, &LocalEngine::started);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 8000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(started.size(), 0);
    QVERIFY(!engine.isRunning());
    QCOMPARE(engine.processId(), 0);
}

QTEST_GUILESS_MAIN(TestLocalEngine)
#include "tst_localengine.moc"
