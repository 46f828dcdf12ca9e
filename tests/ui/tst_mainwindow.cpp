// MainWindow without a backend: the composition and its objectNames (the e2e test relies on
// them), the file-dialog hook, refusals and errors shown inline, undo sent as a message, the
// default export name, and a screenshot. The end-to-end run with the engine is tests/e2e.
#include "ChatPanel.h"
#include "ChatTranscript.h"
#include "Draft.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "MediaItem.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>

using namespace cw;

class TstMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void objectNames();
    void exportDisabledWhileEmpty();
    void addMediaUsesHook();
    void messagesWithoutBackend();
    void undoSendsMessage();
    void suggestedExportPath_data();
    void suggestedExportPath();
    void screenshot();
    void accessibleNamesEverywhere();
    void shortcuts_data();
    void shortcuts();
    void shortcutsDialog();
};

namespace {

// Every control a keyboard or screen-reader user can reach has a name to announce (its own
// accessibleName or, for buttons, the text Qt's accessibility layer reads).
QStringList unnamedControls(QWidget* root)
{
    QStringList missing;
    const QList<QWidget*> widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                             qobject_cast<QComboBox*>(w) || qobject_cast<QTextEdit*>(w) ||
                             qobject_cast<QPlainTextEdit*>(w) ||
                             qobject_cast<QAbstractSlider*>(w) ||
                             qobject_cast<QAbstractItemView*>(w) || w->focusPolicy() != Qt::NoFocus;
        if (!control || w->objectName().startsWith(QLatin1String("qt_")) || // Qt's own parts
            w->inherits("QScrollBar") || w->inherits("QMenu") ||
            (w->inherits("QLineEdit") && w->parentWidget() &&
             w->parentWidget()->inherits("QComboBox")))
            continue;
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name) : QString();
        if (name.trimmed().isEmpty())
            missing << QStringLiteral("%1 (%2)").arg(w->objectName(),
                                                     QLatin1String(w->metaObject()->className()));
    }
    return missing;
}

} // namespace

void TstMainWindow::objectNames()
{
    MainWindow window(nullptr);
    QCOMPARE(window.objectName(), QStringLiteral("mainWindow"));
    const QStringList names = {"mediaBin",           "addMediaButton", "chatPanel",
                               "chatTranscript",     "chatInput",      "sendButton",
                               "chatProgress",       "timelineView",   "exportButton",
                               "exportProgress",     "previewPane",    "backendStatus",
                               "cancelExportButton", "jobsStatus",     "showInFolderButton",
                               "playExportButton",   "exportTimeLeft"};
    for (const QString& name : names) {
        const QList<QWidget*> found = window.findChildren<QWidget*>(name);
        QVERIFY2(found.size() == 1, qPrintable(name));
        QVERIFY2(!found.first()->accessibleName().isEmpty(), qPrintable(name));
    }
}

void TstMainWindow::exportDisabledWhileEmpty()
{
    MainWindow window(nullptr);
    auto* button = window.findChild<QToolButton*>(QStringLiteral("exportButton"));
    QVERIFY(button);
    QVERIFY(!button->isEnabled());
    QVERIFY(!window.exportAction()->isEnabled());
    QCOMPARE(window.exportAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    bool asked = false;
    window.setSaveFileHook([&](QWidget*, const QString&) {
        asked = true;
        return QString();
    });
    window.startExport();
    QVERIFY(!asked);
}

void TstMainWindow::addMediaUsesHook()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString text = dir.filePath(QStringLiteral("readme.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    MainWindow window(nullptr);
    window.show();
    window.activateWindow(); // shortcuts need the active window (no window manager on Xvfb)
    QVERIFY(QTest::qWaitForWindowActive(&window));
    int asked = 0;
    window.setOpenFilesHook([&](QWidget* parent) {
        ++asked;
        return parent == &window ? QStringList{text} : QStringList{};
    });
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(asked, 1);
    auto* rejected = window.findChild<QLabel*>(QStringLiteral("mediaRejected"));
    QVERIFY(rejected->isVisible());
    QVERIFY(rejected->text().contains(QStringLiteral("readme.txt")));
    ChatTranscript* transcript = window.chatPanel()->transcript();
    QCOMPARE(transcript->messageCount(), 1);
    QCOMPARE(transcript->message(0).role, ChatMessage::Error);

    QTest::mouseClick(window.findChild<QWidget*>(QStringLiteral("addMediaButton")), Qt::LeftButton);
    QCOMPARE(asked, 2);
}

void TstMainWindow::messagesWithoutBackend()
{
    MainWindow window(nullptr);
    QTest::keyClicks(window.findChild<QWidget*>(QStringLiteral("chatInput")),
                     QStringLiteral("hello"));
    QTest::keyClick(window.findChild<QWidget*>(QStringLiteral("chatInput")), Qt::Key_Return);
    ChatTranscript* transcript = window.chatPanel()->transcript();
    QCOMPARE(transcript->messageCount(), 2);
    QCOMPARE(transcript->message(0).role, ChatMessage::User);
    QCOMPARE(transcript->message(0).text, QStringLiteral("hello"));
    QCOMPARE(transcript->message(1).role, ChatMessage::Error);
}

void TstMainWindow::undoSendsMessage()
{
    MainWindow window(nullptr);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.findChild<QWidget*>(QStringLiteral("timelineView"))->setFocus();
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    ChatTranscript* transcript = window.chatPanel()->transcript();
    QStringList sent;
    for (int i = 0; i < transcript->messageCount(); ++i) {
        if (transcript->message(i).role == ChatMessage::User)
            sent << transcript->message(i).text;
    }
    QCOMPARE(sent, (QStringList{"undo", "redo"}));
}

void TstMainWindow::suggestedExportPath_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("firstClip");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("title") << "Urban Dreams"
                           << "city.mp4"
                           << "Urban Dreams-edit.mp4";
    QTest::newRow("clip") << ""
                          << "talk.final.mov"
                          << "talk.final-edit.mp4";
    QTest::newRow("nothing") << ""
                             << ""
                             << "clipwright-edit.mp4";
    QTest::newRow("unsafe title") << "a/b:c*?"
                                  << ""
                                  << "a-b-c---edit.mp4";
    QTest::newRow("blank title") << "   "
                                 << "x.mp4"
                                 << "x-edit.mp4";
}

void TstMainWindow::suggestedExportPath()
{
    QFETCH(QString, title);
    QFETCH(QString, firstClip);
    QFETCH(QString, fileName);
    Draft draft;
    if (!title.isEmpty())
        draft.m.insert(QStringLiteral("title"), title);
    QList<MediaItem> media;
    if (!firstClip.isEmpty()) {
        MediaItem item;
        item.fileName = firstClip;
        media << item;
    }
    const QString path = MainWindow::suggestedExportPath(draft, media);
    QCOMPARE(QFileInfo(path).fileName(), fileName);
    QVERIFY(QFileInfo(path).isAbsolute());
    const QString videos = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    QCOMPARE(QFileInfo(path).absolutePath(), videos.isEmpty() ? QDir::homePath() : videos);
}

void TstMainWindow::screenshot()
{
    MainWindow window(nullptr);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    QVERIFY(window.grab().save(dir.filePath(QStringLiteral("mainwindow-empty.png"))));
}

void TstMainWindow::accessibleNamesEverywhere()
{
    MainWindow window(nullptr);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList missing = unnamedControls(&window);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));
    SettingsDialog settings(&window);
    missing = unnamedControls(&settings);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));
    ExportDialog exportDialog(QStringLiteral("clip-edit.mp4"), &window);
    missing = unnamedControls(&exportDialog);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));
}

void TstMainWindow::shortcuts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QKeySequence>("keys");
    QTest::newRow("add") << "Add media" << QKeySequence(Qt::CTRL | Qt::Key_O);
    QTest::newRow("export") << "Export" << QKeySequence(Qt::CTRL | Qt::Key_E);
    QTest::newRow("undo") << "Undo" << QKeySequence(Qt::CTRL | Qt::Key_Z);
    QTest::newRow("redo") << "Redo" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    QTest::newRow("settings") << "Settings" << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    QTest::newRow("fit") << "Zoom Timeline to Fit" << QKeySequence(Qt::CTRL | Qt::Key_0);
    QTest::newRow("help") << "Keyboard shortcuts" << QKeySequence(Qt::CTRL | Qt::Key_Slash);
}

void TstMainWindow::shortcuts()
{
    QFETCH(QString, text);
    QFETCH(QKeySequence, keys);
    MainWindow window(nullptr);
    QAction* found = nullptr;
    const QList<QAction*> actions = window.findChildren<QAction*>();
    for (QAction* action : actions)
        if (action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")) == text)
            found = action;
    QVERIFY2(found, qPrintable(text));
    QCOMPARE(found->shortcut(), keys);
    // No two actions share a key.
    for (QAction* action : actions)
        if (action != found && !action->shortcut().isEmpty())
            QVERIFY2(action->shortcut() != keys, qPrintable(action->text()));
}

void TstMainWindow::shortcutsDialog()
{
    MainWindow window(nullptr);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Slash, Qt::ControlModifier);
    ShortcutsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ShortcutsDialog*>(QStringLiteral("shortcutsDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->rowCount() >= 12);
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    QVERIFY(dialog->grab().save(dir.filePath(QStringLiteral("shortcuts.png"))));
    dialog->reject();
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
