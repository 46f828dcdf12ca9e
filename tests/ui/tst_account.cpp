// Account and credits in the window for a cloud-like profile: the real engine in its
// fault-injection mode (anonymous tokens, a limited credit balance, no credits at all)
// stands in for the cloud, as in tests/service/tst_cloudpaths.cpp. The settings dialog shows
// the sign-in state with a token field, Sign in and Sign out update it, the credits balance
// is shown there and in the status bar (and not for the local engine); a failed connection
// offers Retry and Open settings in the chat, and the no-credits error (2001) a Top up
// button for the registration link. Screenshot: the settings dialog with its account part.
#include "Backend.h"
#include "ChatPanel.h"
#include "EditorSession.h"
#include "MainWindow.h"
#include "Profiles.h"
#include "SettingsDialog.h"
#include "TestEngine.h"
#include "TestMedia.h"
#include "TokenStore.h"

#include <QAction>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace cw;

namespace {

QString screenshotPath(const QString& name)
{
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QDir().mkpath(dir.path());
    return dir.filePath(name);
}

// The cloud profile, pointed at the test engine.
Profile cloudLike(const QUrl& url)
{
    Profile p = Profiles::cloud();
    p.baseUrl = url;
    p.renderPollMs = 200;
    return p;
}

} // namespace

class TstAccount : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void accountInSettings();
    void localHasNoAccount();
    void connectionFailureOffersRetryAndSettings();
    void noCreditsOffersTopUp();

private:
    QTemporaryDir m_tmp;
    QString m_clip;
};

void TstAccount::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    qunsetenv("NEMO_TOKEN");
    qputenv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY(m_tmp.isValid());
    m_clip = m_tmp.filePath(QStringLiteral("bars.mp4"));
    QString error;
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-f",
                              "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264",
                              "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                              "-shortest", m_clip},
                             &error),
             qPrintable(error));
}

void TstAccount::accountInSettings()
{
    test::TestEngine engine;
    engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_FAULTS"),
                  QStringLiteral("allow-anonymous,credits-limited"));
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    MemoryTokenStore store;
    Backend backend;
    backend.setProfile(cloudLike(engine.baseUrl()), &store);
    MainWindow window(&backend);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(backend.isConnected() && backend.session()->isReady(), 30000);

    // Status bar: the limited balance.
    auto* credits = window.findChild<QLabel*>(QStringLiteral("creditsStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(credits->isVisible(), 10000);
    QVERIFY2(credits->text().contains(QRegularExpression(QStringLiteral("\\d"))),
             qPrintable(credits->text()));

    window.activateWindow();
    window.settingsAction()->trigger();
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SettingsDialog*>(QStringLiteral("settingsDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    auto* box = dialog->findChild<QGroupBox*>(QStringLiteral("settingsAccount"));
    auto* state = dialog->findChild<QLabel*>(QStringLiteral("settingsAccountState"));
    auto* token = dialog->findChild<QLineEdit*>(QStringLiteral("settingsToken"));
    auto* signIn = dialog->findChild<QPushButton*>(QStringLiteral("settingsSignIn"));
    auto* signOut = dialog->findChild<QPushButton*>(QStringLiteral("settingsSignOut"));
    auto* balance = dialog->findChild<QLabel*>(QStringLiteral("settingsCredits"));
    QVERIFY(box && state && token && signIn && signOut && balance);
    QVERIFY(box->isVisible());
    for (QWidget* w : std::initializer_list<QWidget*>{state, token, signIn, signOut, balance})
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    const QString anonymous = backend.accountDescription();
    QVERIFY(!anonymous.isEmpty());
    QCOMPARE(state->text(), anonymous);
    QTRY_VERIFY_WITH_TIMEOUT(balance->text().contains(QRegularExpression(QStringLiteral("\\d"))),
                             10000);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QVERIFY(!signIn->isEnabled()); // nothing typed

    // Sign in with a token the server accepts.
    QSignalSpy changed(&backend, &Backend::accountChanged);
    QTest::keyClicks(token, engine.token());
    QVERIFY(signIn->isEnabled());
    QTest::mouseClick(signIn, Qt::LeftButton);
    QVERIFY(token->text().isEmpty()); // the dialog keeps no token
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 15000);
    QTRY_COMPARE(state->text(), backend.accountDescription());
    const QString signedIn = state->text();
    QVERIFY2(signedIn != anonymous, qPrintable(signedIn));
    auto* backendStatus = window.findChild<QLabel*>(QStringLiteral("backendStatus"));
    QTRY_VERIFY2(backendStatus->text().endsWith(signedIn), qPrintable(backendStatus->text()));
    QVERIFY(dialog->grab().save(screenshotPath(QStringLiteral("settings-account.png"))));

    // Sign out: back to an anonymous token.
    changed.clear();
    QTest::mouseClick(signOut, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 15000);
    QTRY_COMPARE(state->text(), backend.accountDescription());
    QVERIFY2(state->text() != signedIn, qPrintable(state->text()));
    dialog->reject();
}

void TstAccount::localHasNoAccount()
{
    Backend backend; // local profile, not started
    SettingsDialog dialog;
    dialog.setBackend(&backend);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.findChild<QGroupBox*>(QStringLiteral("settingsAccount"))->isHidden());
    SettingsDialog plain;
    QVERIFY(plain.findChild<QGroupBox*>(QStringLiteral("settingsAccount"))->isHidden());
    MainWindow window(&backend);
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("creditsStatus"))->isHidden());
}

void TstAccount::connectionFailureOffersRetryAndSettings()
{
    // A server that is not there: port 9 on loopback (discard) is closed on test machines.
    MemoryTokenStore store;
    Backend backend;
    backend.setProfile(Profiles::custom(QUrl(QStringLiteral("http://127.0.0.1:9"))), &store);
    MainWindow window(&backend);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy failed(&backend, &Backend::connectionFailed);
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
    ChatPanel* chat = window.chatPanel();
    QTRY_COMPARE(chat->errorActions(),
                 (QStringList{QStringLiteral("retry"), QStringLiteral("settings")}));
    auto* backendStatus = window.findChild<QLabel*>(QStringLiteral("backendStatus"));
    QVERIFY2(backendStatus->text().contains(QLatin1String("not connected")),
             qPrintable(backendStatus->text()));
    // Retry tries again (and fails again, offering the same).
    QTest::mouseClick(chat->findChild<QPushButton*>(QStringLiteral("errorAction-retry")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 2, 30000);
    QTRY_COMPARE(chat->errorActions().size(), 2);
    QTest::mouseClick(chat->findChild<QPushButton*>(QStringLiteral("errorAction-settings")),
                      Qt::LeftButton);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SettingsDialog*>(QStringLiteral("settingsDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    dialog->reject();
}

void TstAccount::noCreditsOffersTopUp()
{
    test::TestEngine engine;
    engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_FAULTS"),
                  QStringLiteral("allow-anonymous,credits-empty"));
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    MemoryTokenStore store;
    Backend backend;
    backend.setProfile(cloudLike(engine.baseUrl()), &store);
    MainWindow window(&backend);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(backend.isConnected() && backend.session()->isReady(), 30000);
    window.setOpenFilesHook([&](QWidget*) { return QStringList{m_clip}; });
    window.addMedia();
    QTRY_VERIFY_WITH_TIMEOUT(backend.session()->draft().isExportable(), 60000);
    const QString out = m_tmp.filePath(QStringLiteral("refused.mp4"));
    window.setSaveFileHook([&](QWidget*, const QString&) { return out; });
    QList<QUrl> opened;
    window.setOpenUrlHook([&](const QUrl& url) { opened << url; });
    QSignalSpy failed(backend.session(), &EditorSession::exportFailed);
    window.startExport();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
    ChatPanel* chat = window.chatPanel();
    QTRY_VERIFY(chat->errorActions().contains(QStringLiteral("topup")));
    QVERIFY(chat->errorActions().contains(QStringLiteral("settings")));
    QVERIFY(window.grab().save(screenshotPath(QStringLiteral("error-no-credits.png"))));
    QTest::mouseClick(chat->findChild<QPushButton*>(QStringLiteral("errorAction-topup")),
                      Qt::LeftButton);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().host(), Profiles::cloud().registrationUrl.host());
    QVERIFY2(QUrlQuery(opened.first()).hasQueryItem(QStringLiteral("bind")),
             qPrintable(opened.first().toString()));
    QVERIFY(!QFileInfo::exists(out));
}

QTEST_MAIN(TstAccount)
#include "tst_account.moc"
