// MainWindow without a backend: the composition and its objectNames (the e2e test relies on
// them), the file-dialog hook, refusals and errors shown inline, undo sent as a message, the
// default export name, and a screenshot. The end-to-end run with the engine is tests/e2e.
#include "ChatPanel.h"
#include "ChatTranscript.h"
#include "Draft.h"
#include "MainWindow.h"
#include "MediaItem.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
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
};

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

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
