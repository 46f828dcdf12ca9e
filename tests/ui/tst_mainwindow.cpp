// MainWindow without a backend: the composition and its objectNames (the e2e test relies on
// them), the file-dialog hook, refusals and errors shown inline, undo sent as a message, the
// default export name, and a screenshot. The layout: the viewer in the centre takes at least
// 40% of the width from 1280×720 to 4K, the chat folds away and comes back (View > Show chat,
// Ctrl+Shift+C), splitters and geometry come back after reopening, files dropped on any part
// of the window reach the media bin, the chat input has the focus at start, and transport keys
// reach the viewer from the timeline. The end-to-end run with the engine is tests/e2e.
#include "ChatInput.h"
#include "ChatPanel.h"
#include "ChatTranscript.h"
#include "Draft.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "MediaBin.h"
#include "MediaItem.h"
#include "PreviewPane.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"
#include "TimelineView.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
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
    void focusInChatAtStart();
    void viewerTakesTheCentre_data();
    void viewerTakesTheCentre();
    void chatFoldsAway();
    void splitterStateRestored();
    void dropAnywhere_data();
    void dropAnywhere();
    void transportKeysFromTheTimeline();
    void darkPalette();
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
    QTest::newRow("chat") << "Show chat" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
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

namespace {

QRect inWindow(QWidget* w)
{
    return QRect(w->mapTo(w->window(), QPoint(0, 0)), w->size());
}

} // namespace

void TstMainWindow::focusInChatAtStart()
{
    MainWindow window(nullptr);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window.chatPanel()->input()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("hi"));
    QCOMPARE(window.chatPanel()->input()->toPlainText(), QStringLiteral("hi"));
}

void TstMainWindow::viewerTakesTheCentre_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("default") << QSize(1280, 800);
    QTest::newRow("1600x1000") << QSize(1600, 1000);
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("4K") << QSize(3840, 2160);
}

void TstMainWindow::viewerTakesTheCentre()
{
    QFETCH(QSize, size);
    MainWindow window(nullptr);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.size(), size);
    const QRect bin = inWindow(window.mediaBin());
    const QRect viewer = inWindow(window.previewPane());
    const QRect chat = inWindow(window.chatPanel());
    const QRect timeline = inWindow(window.timelineView());
    const QString shape = QStringLiteral("bin %1, viewer %2, chat %3 of %4")
                              .arg(bin.width())
                              .arg(viewer.width())
                              .arg(chat.width())
                              .arg(window.width());
    QVERIFY2(viewer.width() >= window.width() * 2 / 5, qPrintable(shape));
    QVERIFY2(bin.right() < viewer.left() && viewer.right() < chat.left(), qPrintable(shape));
    QVERIFY2(chat.width() >= 240 && bin.width() >= 180, qPrintable(shape));
    QVERIFY(timeline.top() > viewer.bottom());
    QVERIFY(timeline.width() > window.width() * 9 / 10); // across the bottom
    QVERIFY2(viewer.height() >= window.height() / 3, qPrintable(QString::number(viewer.height())));
    // Everything is inside the window (nothing pushed off at 1280x720).
    QVERIFY(window.rect().contains(timeline));
    QVERIFY(window.rect().contains(chat));
    if (size == QSize(1280, 800)) {
        const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
        QVERIFY(dir.mkpath(QStringLiteral(".")));
        QVERIFY(window.grab().save(dir.filePath(QStringLiteral("window-layout.png"))));
    }
}

void TstMainWindow::chatFoldsAway()
{
    MainWindow window(nullptr);
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.isChatShown());
    QVERIFY(window.showChatAction()->isChecked());
    const int chatWidth = window.chatPanel()->width();
    const int viewerWidth = window.previewPane()->width();
    QTRY_VERIFY(window.chatPanel()->input()->hasFocus());

    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!window.isChatShown());
    QVERIFY(!window.showChatAction()->isChecked());
    QTRY_VERIFY(window.previewPane()->width() > viewerWidth + chatWidth / 2);
    QVERIFY(!window.chatPanel()->input()->hasFocus()); // no typing into a hidden box

    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(window.isChatShown());
    QTRY_VERIFY(qAbs(window.chatPanel()->width() - chatWidth) <= 2);
    QTRY_VERIFY(window.chatPanel()->input()->hasFocus());

    // Dragging the handle all the way right folds it too, and the action follows.
    auto* top = window.findChild<QSplitter*>(QStringLiteral("topSplitter"));
    QVERIFY(top);
    QList<int> sizes = top->sizes();
    QCOMPARE(sizes.size(), 3);
    const QPoint handle = top->handle(2)->rect().center();
    QTest::mousePress(top->handle(2), Qt::LeftButton, {}, handle);
    QMouseEvent move(QEvent::MouseMove, QPointF(handle + QPoint(sizes.at(2) + 50, 0)),
                     top->handle(2)->mapToGlobal(QPointF(handle + QPoint(sizes.at(2) + 50, 0))),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(top->handle(2), &move);
    QTest::mouseRelease(top->handle(2), Qt::LeftButton, {}, handle + QPoint(sizes.at(2) + 50, 0));
    QTRY_VERIFY(!window.isChatShown());
    QVERIFY(!window.showChatAction()->isChecked());
    window.showChatAction()->trigger();
    QVERIFY(window.isChatShown());
}

void TstMainWindow::splitterStateRestored()
{
    QSettings().remove(QStringLiteral("window"));
    QList<int> top, main;
    {
        MainWindow window(nullptr);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* topSplitter = window.findChild<QSplitter*>(QStringLiteral("topSplitter"));
        auto* mainSplitter = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        QList<int> sizes = topSplitter->sizes();
        sizes[0] += 60; // a wider media bin, a narrower viewer
        sizes[1] -= 60;
        topSplitter->setSizes(sizes);
        sizes = mainSplitter->sizes();
        sizes[0] -= 80; // a taller timeline
        sizes[1] += 80;
        mainSplitter->setSizes(sizes);
        top = topSplitter->sizes();
        main = mainSplitter->sizes();
        QVERIFY(window.close());
    }
    MainWindow again(nullptr);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QTRY_COMPARE(again.size(), QSize(1400, 900)); // the geometry too
    QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("topSplitter"))->sizes(), top);
    QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), main);
    again.close();
    QSettings().remove(QStringLiteral("window")); // the other tests start from the defaults
}

void TstMainWindow::dropAnywhere_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("viewer") << "previewPane";
    QTest::newRow("timeline") << "timelineView";
    QTest::newRow("chat input") << "chatInput";
    QTest::newRow("chat transcript") << "chatTranscript";
    QTest::newRow("media bin") << "mediaBin";
}

void TstMainWindow::dropAnywhere()
{
    QFETCH(QString, target);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString clip = dir.filePath(QStringLiteral("clip.mp4"));
    QFile file(clip);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not really a video, but named like one");
    file.close();

    MainWindow window(nullptr);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QWidget* w = window.findChild<QWidget*>(target);
    QVERIFY(w);
    if (auto* area = qobject_cast<QAbstractScrollArea*>(w))
        w = area->viewport(); // what is under the mouse
    QSignalSpy accepted(window.mediaBin(), &MediaBin::filesAccepted);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(clip)});
    mime.setText(clip); // file managers send the path as text too
    const QPoint pos = w->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(accepted.first().first().toStringList(),
             QStringList{QFileInfo(clip).absoluteFilePath()});
    QVERIFY(window.chatPanel()->input()->toPlainText().isEmpty()); // not pasted as text
}

void TstMainWindow::transportKeysFromTheTimeline()
{
    MainWindow window(nullptr);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    PreviewPane* viewer = window.previewPane();
    QVERIFY(viewer->isShowingEdit());
    viewer->setEditDuration(4000);
    QSignalSpy render(viewer, &PreviewPane::editPreviewRequested);
    QSignalSpy stills(viewer, &PreviewPane::editFrameRequested);
    window.timelineView()->setFocus();
    QTRY_VERIFY(window.timelineView()->hasFocus());
    QTest::keyClick(window.timelineView(), Qt::Key_Space); // play: the edit needs a render
    QCOMPARE(render.count(), 1);
    QTest::keyClick(window.timelineView(), Qt::Key_Period); // a frame step: a still there
    QVERIFY(stills.count() >= 1);
    QVERIFY(viewer->position() > 0);
    QVERIFY(window.timelineView()->hasFocus());
}

void TstMainWindow::darkPalette()
{
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    QApplication::setPalette(dark);
    MainWindow window(nullptr);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QImage image = window.grab().toImage();
    QApplication::setPalette(light);
    QVERIFY(image.save(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots/window-dark.png")));
    // The viewer, the chat and the timeline all follow the palette: no light boxes.
    for (QWidget* w :
         {static_cast<QWidget*>(window.previewPane()), static_cast<QWidget*>(window.chatPanel()),
          static_cast<QWidget*>(window.timelineView())}) {
        const QRect r = inWindow(w);
        const QColor centre = image.pixelColor(r.center() * image.devicePixelRatio());
        QVERIFY2(centre.lightness() < 100, qPrintable(w->objectName() + " " + centre.name()));
    }
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
