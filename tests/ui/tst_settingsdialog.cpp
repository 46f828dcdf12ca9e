// SettingsDialog: the stored keys (backend/profile, backend/customUrl, ui/language and the
// export defaults shared with the export dialog), "restart to apply", custom URLs checked,
// Cancel keeps everything, Ctrl+, opens it from the main window, and the language setting
// is what UiLocale picks at the next start (CLIPWRIGHT_LANG still wins).
#include "ExportDialog.h"
#include "ExportSettings.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "UiLocale.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

namespace {
template <typename T> T* child(QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

void choose(QComboBox* combo, const QString& data)
{
    QVERIFY(combo);
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}
} // namespace

class TstSettingsDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultsAndNames();
    void savesKeys();
    void customUrl_data();
    void customUrl();
    void cancelKeepsSettings();
    void sharedWithExportDialog();
    void languageSettingPicksLocale();
    void shortcutOpensDialog();

private:
    QTemporaryDir m_tmp;
};

void TstSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("CLIPWRIGHT_LANG");
}

void TstSettingsDialog::init()
{
    QSettings().clear();
}

void TstSettingsDialog::defaultsAndNames()
{
    SettingsDialog dialog;
    QCOMPARE(dialog.objectName(), QStringLiteral("settingsDialog"));
    for (const char* name : {"settingsBackendProfile", "settingsCustomUrl", "settingsLanguage",
                             "settingsExportFolder", "settingsBrowse", "settingsExportPreset"}) {
        auto* w = child<QWidget>(&dialog, name);
        QVERIFY2(w && !w->accessibleName().isEmpty(), name);
    }
    QCOMPARE(child<QComboBox>(&dialog, "settingsBackendProfile")->currentData().toString(),
             QStringLiteral("local"));
    QCOMPARE(child<QComboBox>(&dialog, "settingsLanguage")->currentData().toString(), QString());
    QVERIFY(!child<QLineEdit>(&dialog, "settingsCustomUrl")->isEnabled());
    QVERIFY(!dialog.needsRestart());
}

void TstSettingsDialog::savesKeys()
{
    SettingsDialog dialog;
    dialog.show();
    choose(child<QComboBox>(&dialog, "settingsBackendProfile"), QStringLiteral("cloud"));
    auto* note = child<QLabel>(&dialog, "settingsRestartNote");
    QVERIFY(dialog.needsRestart());
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("Restart")));
    choose(child<QComboBox>(&dialog, "settingsLanguage"), QStringLiteral("zh_CN"));
    choose(child<QComboBox>(&dialog, "settingsExportPreset"), QStringLiteral("square-1080"));
    dialog.setBrowseHook([&](QWidget*, const QString&) { return m_tmp.path(); });
    QTest::mouseClick(child<QPushButton>(&dialog, "settingsBrowse"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&dialog, "settingsOk"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QSettings settings;
    QCOMPARE(settings.value("backend/profile").toString(), QStringLiteral("cloud"));
    QCOMPARE(settings.value("ui/language").toString(), QStringLiteral("zh_CN"));
    QCOMPARE(defaultExportPreset(), QStringLiteral("square-1080"));
    QCOMPARE(defaultExportFolder(), m_tmp.path());
    SettingsDialog reopened;
    QVERIFY(!reopened.needsRestart());
    QCOMPARE(child<QComboBox>(&reopened, "settingsLanguage")->currentData().toString(),
             QStringLiteral("zh_CN"));
}

void TstSettingsDialog::customUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::newRow("https") << "https://video.example.com/api" << true;
    QTest::newRow("http with port") << "http://10.0.0.2:8080" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("no scheme") << "example.com" << false;
    QTest::newRow("file") << "file:///etc/passwd" << false;
    QTest::newRow("javascript") << "javascript:alert(1)" << false;
    QTest::newRow("spaces") << "http://exa mple.com" << false;
}

void TstSettingsDialog::customUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    SettingsDialog dialog;
    dialog.show();
    choose(child<QComboBox>(&dialog, "settingsBackendProfile"), QStringLiteral("custom"));
    auto* edit = child<QLineEdit>(&dialog, "settingsCustomUrl");
    QVERIFY(edit->isEnabled());
    QTest::keyClicks(edit, url);
    QCOMPARE(child<QPushButton>(&dialog, "settingsOk")->isEnabled(), ok);
    dialog.accept();
    QCOMPARE(dialog.result() == QDialog::Accepted, ok);
    QSettings settings;
    QCOMPARE(settings.value("backend/profile").toString(),
             ok ? QStringLiteral("custom") : QString());
    if (ok)
        QCOMPARE(settings.value("backend/customUrl").toString(), url);
}

void TstSettingsDialog::cancelKeepsSettings()
{
    QSettings().setValue("backend/profile", "local");
    SettingsDialog dialog;
    dialog.show();
    choose(child<QComboBox>(&dialog, "settingsBackendProfile"), QStringLiteral("cloud"));
    QTest::mouseClick(child<QPushButton>(&dialog, "settingsCancel"), Qt::LeftButton);
    QCOMPARE(QSettings().value("backend/profile").toString(), QStringLiteral("local"));
}

void TstSettingsDialog::sharedWithExportDialog()
{
    SettingsDialog dialog;
    choose(child<QComboBox>(&dialog, "settingsExportPreset"), QStringLiteral("4k"));
    child<QLineEdit>(&dialog, "settingsExportFolder")->setText(m_tmp.path());
    dialog.accept();
    ExportDialog exportDialog(QStringLiteral("x"));
    QCOMPARE(exportDialog.preset(), QStringLiteral("4k"));
    QCOMPARE(QFileInfo(exportDialog.path()).absolutePath(), m_tmp.path());
}

void TstSettingsDialog::languageSettingPicksLocale()
{
    QSettings().setValue("ui/language", "zh_CN");
    QCOMPARE(uiLocale().language(), QLocale::Chinese);
    QSettings().setValue("ui/language", "en");
    QCOMPARE(uiLocale().language(), QLocale::English);
    qputenv("CLIPWRIGHT_LANG", "zh_CN");
    QCOMPARE(uiLocale().language(), QLocale::Chinese);
    qunsetenv("CLIPWRIGHT_LANG");
    QSettings().remove("ui/language");
    QCOMPARE(uiLocale(), QLocale::system());
}

void TstSettingsDialog::shortcutOpensDialog()
{
    MainWindow window(nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Shortcuts need the active window (Xvfb has no window manager to activate it).
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.settingsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QVERIFY(!window.findChild<SettingsDialog*>(QStringLiteral("settingsDialog")));
    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SettingsDialog*>(QStringLiteral("settingsDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QDir().mkpath(dir.path());
    QVERIFY(dialog->grab().save(dir.filePath(QStringLiteral("settings-dialog.png"))));
    window.settingsAction()->trigger(); // a second request does not stack dialogs
    QCOMPARE(window.findChildren<SettingsDialog*>().size(), 1);
    dialog->reject();
    QTRY_VERIFY(!window.findChild<SettingsDialog*>(QStringLiteral("settingsDialog")));
}

QTEST_MAIN(TstSettingsDialog)
#include "tst_settingsdialog.moc"
