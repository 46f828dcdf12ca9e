// Backend::signIn / signOut / accountDescription against the REAL system keychain
// (KeychainTokenStore over gnome-keyring; CI runs the tests under dbus-run-session with an
// unlocked keyring, see tests/run.sh) and the real engine in its cloud-like mode
// (allow-anonymous: anonymous tokens with X-Client-Id; the engine's launch token plays the
// user's account token). A rejected token is not kept; an accepted one is read back from the
// keychain by a second store; a restarted app signs in with it alone; sign-out removes it and
// goes anonymous. No token reaches the settings file, the log or a message. Without a
// keychain (a child process with an unusable D-Bus address) sign-in stops with a clear
// message and nothing is stored in clear.
#include "Backend.h"
#include "CloudAuth.h"
#include "EditorSession.h"
#include "EngineFixture.h"
#include "KeychainTokenStore.h"
#include "Profiles.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;
using namespace cw::test;

namespace {

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_log << message;
    if (g_previous)
        g_previous(type, context, message);
}

// value, or "<not found>" / "<error: ...>"
QString readKey(TokenStore& store, const QString& key)
{
    QString value = QStringLiteral("<timeout>");
    bool done = false;
    QObject context;
    store.read(key, &context, [&](const TokenResult& r) {
        value = r.ok ? r.value
                     : (r.notFound ? QStringLiteral("<not found>")
                                   : QStringLiteral("<error: %1>").arg(r.error));
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 15000);
    return value;
}

void removeKey(TokenStore& store, const QString& key)
{
    bool done = false;
    QObject context;
    store.remove(key, &context, [&](const TokenResult&) { done = true; });
    (void)QTest::qWaitFor([&] { return done; }, 15000);
}

int countRequests(const QSignalSpy& spy, const QString& description)
{
    int n = 0;
    for (const auto& args : spy)
        n += args.first().toString() == description ? 1 : 0;
    return n;
}

QStringList strings(const QSignalSpy& spy)
{
    QStringList out;
    for (const auto& args : spy)
        out << args.first().toString();
    return out;
}

// Every file under dir that contains `secret`.
QStringList filesContaining(const QString& dir, const QString& secret)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.size() < 50 * 1024 * 1024 && f.open(QIODevice::ReadOnly) &&
            f.readAll().contains(secret.toUtf8()))
            found << f.fileName();
    }
    return found;
}

} // namespace

class TestSignIn : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signInKeepsTokenInKeychain();
    void localProfileHasNoAccount();
    void noKeychainNoPlaintext();
    void noKeychainChild(); // runs only as the child process of noKeychainNoPlaintext

private:
    bool haveKeychain(QString* why) const;
    QTemporaryDir m_tmp;
    QString m_service;
};

void TestSignIn::initTestCase()
{
    g_previous = qInstallMessageHandler(captureLog);
    m_service = QStringLiteral("clipwright-signin-test-%1")
                    .arg(QRandomGenerator::global()->generate64(), 0, 36);
}

void TestSignIn::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
    if (qEnvironmentVariableIsSet("CLIPWRIGHT_SIGNIN_CHILD") ||
        qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return;
    KeychainTokenStore store(m_service);
    for (const char* key : {"custom/account", "custom/token", "custom/client_id"})
        removeKey(store, QString::fromLatin1(key));
}

bool TestSignIn::haveKeychain(QString* why) const
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        *why = QStringLiteral("no D-Bus session bus: run under dbus-run-session with an unlocked "
                              "gnome-keyring (tests/run.sh)");
        return false;
    }
    return true;
}

void TestSignIn::signInKeepsTokenInKeychain()
{
    if (qEnvironmentVariableIsSet("CLIPWRIGHT_SIGNIN_CHILD"))
        QSKIP("child process");
    QString why;
    if (!haveKeychain(&why))
        QSKIP(qPrintable(why));
    TestEngine engine;
    engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_FAULTS"), QStringLiteral("allow-anonymous"));
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    const QString accountToken = engine.token();
    const QString settingsPath = m_tmp.filePath(QStringLiteral("settings.ini"));
    qputenv("NEMO_TOKEN", QByteArray());
    g_log.clear();

    KeychainTokenStore keychain(m_service);
    KeychainTokenStore reader(m_service); // a second client of the same keychain
    QStringList messages;
    QString anonymous;
    {
        Profiles profiles(settingsPath);
        QVERIFY(profiles.setCustomUrl(engine.baseUrl()));
        profiles.setCurrent(Profile::Kind::Custom);
        Backend backend;
        backend.setProfiles(&profiles);
        backend.setProfile(profiles.current(), &keychain);
        QSignalSpy connected(&backend, &Backend::connected);
        QSignalSpy failed(&backend, &Backend::connectionFailed);
        QSignalSpy account(&backend, &Backend::accountChanged);
        QSignalSpy status(&backend, &Backend::statusMessage);
        QSignalSpy requests(backend.api(), &ApiClient::requestStarted);
        QCOMPARE(backend.accountDescription(), QStringLiteral("Not signed in"));
        backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(backend.accountDescription(), QStringLiteral("Anonymous"));
        QVERIFY(!account.isEmpty());
        anonymous = readKey(reader, QStringLiteral("custom/token"));
        QVERIFY2(!anonymous.startsWith(QLatin1Char('<')), qPrintable(anonymous));
        QCOMPARE(readKey(reader, QStringLiteral("custom/account")), QStringLiteral("<not found>"));

        // A token the server rejects is not kept.
        account.clear();
        backend.signIn(QStringLiteral("not-a-valid-token"));
        QTRY_COMPARE_WITH_TIMEOUT(account.size(), 1, 10000);
        QVERIFY2(status.last().first().toString().contains(QStringLiteral("did not accept")),
                 qPrintable(status.last().first().toString()));
        QCOMPARE(backend.accountDescription(), QStringLiteral("Anonymous"));
        QCOMPARE(readKey(reader, QStringLiteral("custom/account")), QStringLiteral("<not found>"));
        QVERIFY(backend.session()->isReady());

        // The real one is checked, kept in the keychain and used.
        account.clear();
        requests.clear();
        backend.signIn(QLatin1Char(' ') + accountToken + QLatin1Char('\n'));
        QTRY_COMPARE_WITH_TIMEOUT(account.size(), 1, 10000);
        QCOMPARE(backend.accountDescription(), QStringLiteral("Signed in"));
        QCOMPARE(readKey(reader, QStringLiteral("custom/account")), accountToken);
        // the token check (then the balance refresh of a profile that shows credits)
        QVERIFY(countRequests(requests, QStringLiteral("GET /api/credits/balance/simple")) >= 1);
        QSignalSpy text(backend.session(), &EditorSession::agentText);
        backend.session()->sendMessage(QStringLiteral("show tracks"));
        QTRY_COMPARE_WITH_TIMEOUT(text.size(), 1, 10000);
        messages << strings(status) << strings(failed);
    }

    // A restarted app signs in with the keychain's account token alone: the anonymous one is
    // gone, the engine accepts nothing else, and no anonymous token is asked for.
    removeKey(keychain, QStringLiteral("custom/token"));
    {
        Profiles profiles(settingsPath);
        Backend backend;
        backend.setProfiles(&profiles);
        backend.setProfile(profiles.current(), &keychain);
        QSignalSpy connected(&backend, &Backend::connected);
        QSignalSpy failed(&backend, &Backend::connectionFailed);
        QSignalSpy status(&backend, &Backend::statusMessage);
        QSignalSpy requests(backend.api(), &ApiClient::requestStarted);
        backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(backend.accountDescription(), QStringLiteral("Signed in"));
        QCOMPARE(countRequests(requests, QStringLiteral("POST /api/auth/anonymous-token")), 0);
        QCOMPARE(backend.auth()->source(), CloudAuth::Source::SignedIn);

        // Sign-out removes it and continues anonymously.
        QSignalSpy account(&backend, &Backend::accountChanged);
        backend.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(account.size(), 1, 10000);
        QCOMPARE(backend.accountDescription(), QStringLiteral("Anonymous"));
        QCOMPARE(readKey(reader, QStringLiteral("custom/account")), QStringLiteral("<not found>"));
        QCOMPARE(countRequests(requests, QStringLiteral("POST /api/auth/anonymous-token")), 1);
        const QString fresh = readKey(reader, QStringLiteral("custom/token"));
        QVERIFY2(!fresh.startsWith(QLatin1Char('<')), qPrintable(fresh));
        anonymous += QLatin1Char('|') + fresh;
        QSignalSpy text(backend.session(), &EditorSession::agentText);
        QSignalSpy errors(backend.session(), &EditorSession::errorOccurred);
        backend.session()->sendMessage(QStringLiteral("show tracks"));
        QTRY_COMPARE_WITH_TIMEOUT(text.size(), 1, 10000);
        QVERIFY(errors.isEmpty());
        messages << strings(status) << strings(failed) << strings(errors);
    }

    QFile settings(settingsPath);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray ini = settings.readAll();
    QVERIFY(ini.contains("custom"));
    const QStringList secrets = anonymous.split(QLatin1Char('|')) + QStringList{accountToken};
    for (const QString& secret : secrets) {
        QVERIFY(secret.size() > 8);
        QVERIFY2(!ini.contains(secret.toUtf8()), "a token is in the settings file");
        for (const QString& line : std::as_const(g_log))
            QVERIFY2(!line.contains(secret), "a token is in the log");
        for (const QString& m : std::as_const(messages))
            QVERIFY2(!m.contains(secret), "a token is in a message");
    }
}

void TestSignIn::localProfileHasNoAccount()
{
    if (qEnvironmentVariableIsSet("CLIPWRIGHT_SIGNIN_CHILD"))
        QSKIP("child process");
    Backend backend;
    QCOMPARE(backend.accountDescription(), QString());
    QSignalSpy account(&backend, &Backend::accountChanged);
    QSignalSpy status(&backend, &Backend::statusMessage);
    backend.signIn(QStringLiteral("whatever-token"));
    QCOMPARE(account.size(), 1);
    QVERIFY(status.first().first().toString().contains(QStringLiteral("no sign-in")));
    QVERIFY(!status.first().first().toString().contains(QStringLiteral("whatever-token")));
}

// The keychain cannot be reached: a child process of this test with a D-Bus address that
// leads nowhere (no session bus, as on a bare server) and its own HOME.
void TestSignIn::noKeychainNoPlaintext()
{
    if (qEnvironmentVariableIsSet("CLIPWRIGHT_SIGNIN_CHILD"))
        QSKIP("child process");
    QTemporaryDir home;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CLIPWRIGHT_SIGNIN_CHILD"), home.path());
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("NEMO_TOKEN"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noKeychainChild")});
    QVERIFY(child.waitForFinished(90000));
    const QByteArray out = child.readAll();
    QVERIFY2(child.exitCode() == 0, out.constData());
    QVERIFY2(out.contains("CHILD-RAN"), out.constData());
}

void TestSignIn::noKeychainChild()
{
    const QString home = qEnvironmentVariable("CLIPWRIGHT_SIGNIN_CHILD");
    if (home.isEmpty())
        QSKIP("runs as the child of noKeychainNoPlaintext");
    TestEngine engine;
    engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_FAULTS"), QStringLiteral("allow-anonymous"));
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    const QString settingsPath = home + QStringLiteral("/settings.ini");
    KeychainTokenStore keychain(m_service);
    keychain.setTimeout(5000);
    {
        Profiles profiles(settingsPath);
        QVERIFY(profiles.setCustomUrl(engine.baseUrl()));
        profiles.setCurrent(Profile::Kind::Custom);
        Backend backend;
        backend.setProfiles(&profiles);
        backend.setProfile(profiles.current(), &keychain);
        QSignalSpy failed(&backend, &Backend::connectionFailed);
        QSignalSpy connected(&backend, &Backend::connected);
        QSignalSpy requests(backend.api(), &ApiClient::requestStarted);
        backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !connected.isEmpty(), 15000);
        QVERIFY(connected.isEmpty());
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("keychain")), qPrintable(message));
        QVERIFY(requests.isEmpty()); // no anonymous token it could not keep safely
        QCOMPARE(backend.accountDescription(), QStringLiteral("Not signed in"));

        QSignalSpy account(&backend, &Backend::accountChanged);
        QSignalSpy status(&backend, &Backend::statusMessage);
        backend.signIn(engine.token());
        QTRY_COMPARE_WITH_TIMEOUT(account.size(), 1, 15000);
        const QString last = status.last().first().toString();
        QVERIFY2(last.contains(QStringLiteral("keychain")), qPrintable(last));
        QVERIFY(!last.contains(engine.token()));
        QVERIFY(backend.accountDescription() != QStringLiteral("Signed in"));
        profiles.sync();
    }
    QVERIFY(QFile::exists(settingsPath));
    const QStringList leaks = filesContaining(home, engine.token());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    for (const QString& line : std::as_const(g_log))
        QVERIFY2(!line.contains(engine.token()), "a token is in the log");
    printf("CHILD-RAN\n");
    fflush(stdout);
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
