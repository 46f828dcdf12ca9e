// Backend composition with the real engine: start -> connected with a ready session; after
// kill -9 the engine is restarted once, the client follows the new port and token and the
// session keeps working; destroying the Backend leaves no engine process.
#include "Backend.h"
#include "CloudAuth.h"
#include "EditorSession.h"
#include "EngineFixture.h"
#include "LocalEngine.h"
#include "Profiles.h"
#include "TokenStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace cw;
using namespace cw::test;

class TestBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void connectsRestartsAndStops();
    void missingEngineFails();
    void customProfileSignsIn();
    void cloudWithoutKeychainFails();
    void remembersSessionPerProfile();
};

void TestBackend::connectsRestartsAndStops()
{
    QTemporaryDir dir;
    auto* backend = new Backend;
    backend->setEngineProgram(engineProgram());
    backend->setEngineDataDir(dir.path() + QStringLiteral("/engine"));
    QSignalSpy connected(backend, &Backend::connected);
    QSignalSpy failed(backend, &Backend::connectionFailed);
    QSignalSpy status(backend, &Backend::statusMessage);
    QCOMPARE(backend->backendName(), QStringLiteral("Local engine"));
    backend->start(QStringLiteral("en"));
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 20000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(backend->isConnected());
    QVERIFY(backend->session()->isReady());
    QCOMPARE(backend->api()->baseUrl(), backend->engine()->url());
    const QString sid = backend->session()->sessionId();

    const qint64 first = backend->engine()->processId();
    const QUrl firstUrl = backend->api()->baseUrl();
    QCOMPARE(::kill(pid_t(first), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        backend->engine()->isRunning() && backend->engine()->processId() != first, 20000);
    QTRY_COMPARE(backend->api()->baseUrl(), backend->engine()->url());
    QVERIFY(backend->api()->baseUrl() != firstUrl);
    bool sawRestart = false;
    for (const auto& args : status)
        sawRestart = sawRestart || args.first().toString().contains(QStringLiteral("restart"));
    QVERIFY(sawRestart);

    // The session lives in the data dir, so it survives the restart. (A request that was in
    // flight at the kill may report "cannot reach" before that: slow sanitized runs do.)
    QSignalSpy errors(backend->session(), &EditorSession::errorOccurred);
    QSignalSpy text(backend->session(), &EditorSession::agentText);
    backend->session()->sendMessage(QStringLiteral("show tracks"));
    QTRY_COMPARE_WITH_TIMEOUT(text.size(), 1, 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(backend->session()->sessionId(), sid);
    QCOMPARE(connected.size(), 1);

    const qint64 second = backend->engine()->processId();
    QVERIFY(processAlive(second));
    delete backend;
    QVERIFY(!processAlive(second));
}

void TestBackend::missingEngineFails()
{
    QTemporaryDir dir;
    Backend backend;
    backend.setEngineProgram(dir.path() + QStringLiteral("/no-engine-here"));
    backend.setEngineDataDir(dir.path() + QStringLiteral("/engine"));
    QSignalSpy failed(&backend, &Backend::connectionFailed);
    backend.start();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("clipwright-engine")));
    QVERIFY(!backend.isConnected());
}

// A custom URL profile: no local engine is started; CloudAuth gets an anonymous token from
// the (test-mode) engine, and the session is tuned to the profile.
void TestBackend::customProfileSignsIn()
{
    EngineFixture f;
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_FAULTS"), QStringLiteral("allow-anonymous"));
    QVERIFY2(f.engine.start(&f.error), qPrintable(f.error));
    MemoryTokenStore store;
    Backend backend;
    Profile profile = Profiles::custom(f.engine.baseUrl());
    QVERIFY(profile.baseUrl.isValid());
    backend.setProfile(profile, &store);
    QCOMPARE(backend.backendName(), profile.name);
    QSignalSpy connected(&backend, &Backend::connected);
    QSignalSpy failed(&backend, &Backend::connectionFailed);
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 20000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(backend.session()->isReady());
    QVERIFY(!backend.engine()->isRunning());
    QVERIFY(!backend.engine()->isStarting());
    QCOMPARE(backend.auth()->source(), CloudAuth::Source::Anonymous);
    QCOMPARE(backend.api()->baseUrl(), profile.baseUrl);

    // The engine reports unlimited credits: hidden even though the profile shows credits.
    QSignalSpy hidden(backend.session(), &EditorSession::creditsHidden);
    backend.session()->refreshCredits();
    QTRY_COMPARE(hidden.size(), 1);
}

void TestBackend::cloudWithoutKeychainFails()
{
    Backend backend;
    backend.setProfile(Profiles::cloud(), nullptr);
    QSignalSpy failed(&backend, &Backend::connectionFailed);
    backend.start();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("keychain")));
    QVERIFY(!backend.engine()->isStarting());
}

// Reopening continues the remembered session; a session the engine does not know (a wiped
// data dir, say) is replaced by a new one and the user is told.
void TestBackend::remembersSessionPerProfile()
{
    QTemporaryDir dir;
    Profiles profiles(dir.filePath(QStringLiteral("settings.ini")));
    profiles.setPlatform(QStringLiteral("test-platform"));
    QString sid;
    for (int run = 0; run < 3; ++run) {
        if (run == 2)
            profiles.setLastSession(QStringLiteral("local"), QStringLiteral("ses_gone"));
        Backend backend;
        backend.setProfiles(&profiles);
        backend.setEngineProgram(engineProgram());
        backend.setEngineDataDir(dir.filePath(QStringLiteral("engine")));
        QSignalSpy connected(&backend, &Backend::connected);
        QSignalSpy failed(&backend, &Backend::connectionFailed);
        QSignalSpy errors(backend.session(), &EditorSession::errorOccurred);
        backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(backend.api()->platform(), QStringLiteral("test-platform"));
        const QString now = backend.session()->sessionId();
        QVERIFY(!now.isEmpty());
        if (run == 0) {
            sid = now;
            QVERIFY(errors.isEmpty());
        } else if (run == 1) {
            QCOMPARE(now, sid); // continued
            QVERIFY(errors.isEmpty());
        } else {
            QTRY_VERIFY(backend.session()->sessionId() != QLatin1String("ses_gone"));
            QVERIFY(backend.session()->isReady());
            QCOMPARE(errors.size(), 1);
            QVERIFY(errors.first().first().toString().contains(QStringLiteral("new session")));
        }
        QTRY_COMPARE(profiles.lastSession(QStringLiteral("local")), backend.session()->sessionId());
    }
}

QTEST_GUILESS_MAIN(TestBackend)
#include "tst_backend.moc"
