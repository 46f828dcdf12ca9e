// The interface in Simplified Chinese: installs the embedded translation, builds the main
// window, the export dialog, the export bar and the settings dialog, checks that every
// label and button they show is translated (contains CJK text, or is a name/number that
// stays as is) and saves screenshots. Needs a CJK font (fonts-noto-cjk) for readable images.
#include "EngineWindowFixture.h"
#include "ExportBar.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "UiLocale.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace cw;

namespace {

bool translated(const QString& text)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    static const QRegularExpression neutral(QStringLiteral(
        "^[\\s\\d×·:./\\\\%-]*$|^(English|简体中文|Clipwright|https://example.com)$"));
    return text.contains(cjk) || neutral.match(text).hasMatch();
}

QStringList untranslated(QWidget* root)
{
    QStringList bad;
    const auto check = [&](const QString& text) {
        if (!text.isEmpty() && !translated(text))
            bad << text;
    };
    for (QLabel* label : root->findChildren<QLabel*>())
        if (label->isVisibleTo(root))
            check(label->text());
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>())
        if (button->isVisibleTo(root))
            check(button->text());
    for (QGroupBox* box : root->findChildren<QGroupBox*>())
        check(box->title());
    for (QComboBox* combo : root->findChildren<QComboBox*>())
        for (int i = 0; i < combo->count(); ++i)
            check(combo->itemText(i));
    for (QWidget* w : root->findChildren<QWidget*>())
        check(w->accessibleName());
    check(root->windowTitle());
    return bad;
}

} // namespace

class TstChineseUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportDialog();
    void exportBar();
    void settingsDialog();
    void mainWindow();
};

void TstChineseUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(installTranslations(QCoreApplication::instance(), QLocale(QStringLiteral("zh_CN"))));
}

void TstChineseUi::exportDialog()
{
    ExportDialog dialog(QStringLiteral("城市漫步"));
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("导出视频"));
    const QStringList bad = untranslated(&dialog);
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(" | "))));
    QVERIFY(test::saveScreenshot(&dialog, QStringLiteral("zh-export-dialog.png")));
}

void TstChineseUi::exportBar()
{
    ExportBar bar;
    bar.start();
    bar.setProgress(40, QStringLiteral("rendering"));
    QVERIFY(ExportBar::formatTimeLeft(90).contains(QStringLiteral("分钟")));
    QStringList bad = untranslated(&bar);
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(" | "))));
    bar.finishWith(QStringLiteral("/tmp/out.mp4"));
    bad = untranslated(&bar);
    bad.removeAll(QStringLiteral("×")); // the dismiss glyph
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(" | "))));
}

void TstChineseUi::settingsDialog()
{
    SettingsDialog dialog;
    dialog.show();
    const QStringList bad = untranslated(&dialog);
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(" | "))));
    QVERIFY(test::saveScreenshot(&dialog, QStringLiteral("zh-settings-dialog.png")));
}

void TstChineseUi::mainWindow()
{
    MainWindow window(nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.exportAction()->text(), QStringLiteral("导出(&E)…"));
    QVERIFY(window.settingsAction()->text().contains(QStringLiteral("设置")));
    auto* jobs = window.findChild<QLabel*>(QStringLiteral("jobsStatus"));
    QVERIFY(jobs && translated(jobs->text()));
    QVERIFY(test::saveScreenshot(&window, QStringLiteral("zh-main-window.png")));
}

QTEST_MAIN(TstChineseUi)
#include "tst_chineseui.moc"
