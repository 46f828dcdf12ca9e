// The window's direct edits and hand-offs against a real local engine, as a user does them:
// dragging a clip's left edge in the TimelineView (real press/move/release) sends the words
// to the agent and the engine's new draft has the clip's in-point moved by the dragged
// amount (within a frame); dragging the last clip to the front reorders the clips; Esc
// cancels without sending anything; edits are disabled while the agent works. The save-hook
// export path asks before replacing a file (no: nothing is written), File > Export for
// other editors writes each format through the hook, and the status bar shows no credits
// for the local engine. Backend prose that asks for a GUI step (the engine's gui-prose
// fault) makes the window take that step: "click Export" opens the export dialog.
#include "Backend.h"
#include "ChatPanel.h"
#include "ChatTranscript.h"
#include "EditorSession.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "PlatformNoise.h"
#include "TestMedia.h"
#include "TimelineDrag.h"
#include "TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

namespace {

QList<Segment> videoClips(const Draft& draft)
{
    const int track = TimelineDrag::draggableTrack(draft);
    if (track < 0)
        return {};
    QList<Segment> clips = draft.t.at(track).sg;
    std::sort(clips.begin(), clips.end(),
              [](const Segment& a, const Segment& b) { return a.st < b.st; });
    return clips;
}

int segmentIndex(const Draft& draft, const QString& id)
{
    const int track = TimelineDrag::draggableTrack(draft);
    for (int i = 0; track >= 0 && i < draft.t.at(track).sg.size(); ++i)
        if (draft.t.at(track).sg.at(i).id == id)
            return i;
    return -1;
}

void moveTo(QWidget* w, const QPoint& pos)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), w->mapToGlobal(QPointF(pos)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &move);
}

void pressAndMove(QWidget* w, const QPoint& from, int dx)
{
    QTest::mousePress(w, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 8; ++i)
        moveTo(w, from + QPoint(dx * i / 8, 0));
}

QString screenshotPath(const QString& name)
{
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QDir().mkpath(dir.path());
    return dir.filePath(name);
}

bool makeClip(const QString& path, const char* source, int seconds, QString* error)
{
    return test::runFfmpeg({"-f", "lavfi", "-i",
                            QStringLiteral("%1=size=320x240:rate=30:duration=%2")
                                .arg(QLatin1String(source))
                                .arg(seconds),
                            "-f", "lavfi", "-i",
                            QStringLiteral("sine=frequency=440:duration=%1").arg(seconds), "-c:v",
                            "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                            "-shortest", path},
                           error);
}

} // namespace

class TstEditFlows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dragTrimLeftEdge();
    void dragMoveReorders();
    void escapeCancelsDrag();
    void editsDisabledWhileBusy();
    void saveHookExportAsksBeforeReplacing();
    void addTitleForSubtitles();
    void exportForOtherEditors_data();
    void exportForOtherEditors();
    void guiInstructions_data();
    void guiInstructions();
    void cleanupTestCase();

private:
    bool waitIdle();

    QTemporaryDir m_tmp;
    QStringList m_clips;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<MainWindow> m_window;
    TimelineView* m_timeline = nullptr;
};

void TstEditFlows::initTestCase()
{
    cw::test::dropPlatformNoise();
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_tmp.isValid());
    qputenv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    qunsetenv("CLIPWRIGHT_ENGINE_FAULTS");
    QString error;
    const char* sources[] = {"testsrc2", "testsrc", "smptebars"};
    const int lengths[] = {4, 3, 3};
    for (int i = 0; i < 3; ++i) {
        m_clips << m_tmp.filePath(QStringLiteral("clip%1.mp4").arg(i + 1));
        QVERIFY2(makeClip(m_clips.last(), sources[i], lengths[i], &error), qPrintable(error));
    }
    m_backend = std::make_unique<Backend>();
    m_backend->setEngineDataDir(m_tmp.filePath(QStringLiteral("engine")));
    m_window = std::make_unique<MainWindow>(m_backend.get());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_backend->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->isConnected() && m_backend->session()->isReady(), 30000);
    // One clip at a time so the timeline order is the upload order.
    m_timeline = m_window->timelineView();
    for (int i = 0; i < 3; ++i) {
        m_window->setOpenFilesHook([&, i](QWidget*) { return QStringList{m_clips.at(i)}; });
        m_window->addMedia();
        QTRY_COMPARE_WITH_TIMEOUT(m_timeline->segmentCount(), i + 1, 60000);
    }
    // The local engine has no credit limit: no credits in the status bar.
    auto* credits = m_window->findChild<QLabel*>(QStringLiteral("creditsStatus"));
    QVERIFY(credits);
    QTest::qWait(300);
    QVERIFY(credits->isHidden());
}

void TstEditFlows::cleanupTestCase()
{
    m_window.reset();
    m_backend.reset();
}

bool TstEditFlows::waitIdle()
{
    return QTest::qWaitFor([&] { return !m_backend->session()->isAgentBusy(); }, 30000);
}

void TstEditFlows::dragTrimLeftEdge()
{
    const Draft before = m_timeline->draft();
    const QList<Segment> clips = videoClips(before);
    QCOMPARE(clips.size(), 3);
    const Segment second = clips.at(1);
    const TimelineLayout lay = m_timeline->layout();
    const int index = segmentIndex(before, second.id);
    const QPoint from(int(lay.xForMs(second.st)) + 2, int(lay.segmentRect(0, index).center().y()));
    const int dx = int(std::lround(1200 * lay.pixelsPerMs()));
    QSignalSpy edits(m_timeline, &TimelineView::editRequested);
    QSignalSpy started(m_backend->session(), &EditorSession::agentStarted);
    pressAndMove(m_timeline, from, dx);
    QCOMPARE(m_timeline->drag().mode(), TimelineDrag::Mode::TrimStart);
    const qint64 delta = m_timeline->drag().deltaMs();
    QVERIFY2(std::abs(delta - 1200) <= 40, qPrintable(QString::number(delta)));
    QVERIFY(m_window->grab().save(screenshotPath(QStringLiteral("window-drag-trim.png"))));
    QTest::mouseRelease(m_timeline, Qt::LeftButton, {}, from + QPoint(dx, 0));
    QCOMPARE(edits.count(), 1);
    QCOMPARE(m_timeline->draft(), before); // nothing changes locally
    QTRY_VERIFY_WITH_TIMEOUT(started.count() == 1, 10000);
    QVERIFY(waitIdle());
    // The user's words are in the conversation, the engine's draft has the new in-point.
    ChatTranscript* transcript = m_window->chatPanel()->transcript();
    bool said = false;
    for (int i = 0; i < transcript->messageCount(); ++i)
        said |= transcript->message(i).text == edits.first().first().toString();
    QVERIFY(said);
    const qint64 frame = 34;
    QTRY_VERIFY_WITH_TIMEOUT(videoClips(m_timeline->draft()).size() == 3 &&
                                 videoClips(m_timeline->draft()).at(1).d < second.d,
                             10000);
    const Segment trimmed = videoClips(m_timeline->draft()).at(1);
    QVERIFY2(std::abs(trimmed.in - (second.in + 1200)) <= frame,
             qPrintable(QStringLiteral("in %1 -> %2").arg(second.in).arg(trimmed.in)));
    QVERIFY(std::abs(trimmed.d - (second.d - 1200)) <= frame);
    QCOMPARE(trimmed.st, second.st); // ripple: it still starts where it did
    QCOMPARE(trimmed.src, second.src);
    QCOMPARE(videoClips(m_timeline->draft()).at(0), clips.at(0));
}

void TstEditFlows::dragMoveReorders()
{
    const Draft before = m_timeline->draft();
    const QList<Segment> clips = videoClips(before);
    QCOMPARE(clips.size(), 3);
    const TimelineLayout lay = m_timeline->layout();
    const int index = segmentIndex(before, clips.last().id);
    const QPoint from = lay.segmentRect(0, index).center().toPoint();
    const int dx = int(lay.xForMs(0)) - from.x() - 10;
    QSignalSpy edits(m_timeline, &TimelineView::editRequested);
    pressAndMove(m_timeline, from, dx);
    QCOMPARE(m_timeline->drag().targetIndex(), 0);
    QVERIFY(m_window->grab().save(screenshotPath(QStringLiteral("window-drag-move.png"))));
    QTest::mouseRelease(m_timeline, Qt::LeftButton, {}, from + QPoint(dx, 0));
    QCOMPARE(edits.count(), 1);
    QCOMPARE(edits.first().first().toString(), QStringLiteral("move clip 3 to position 1"));
    QTRY_VERIFY_WITH_TIMEOUT(videoClips(m_timeline->draft()).first().src == clips.last().src,
                             30000);
    QVERIFY(waitIdle());
    const QList<Segment> after = videoClips(m_timeline->draft());
    QCOMPARE(after.size(), 3);
    QCOMPARE(after.at(1).src, clips.at(0).src);
    QCOMPARE(after.at(2).src, clips.at(1).src);
    QCOMPARE(after.at(0).st, qint64(0));
    QCOMPARE(after.at(1).st, after.at(0).d); // back to back
}

void TstEditFlows::escapeCancelsDrag()
{
    const Draft before = m_timeline->draft();
    const TimelineLayout lay = m_timeline->layout();
    QSignalSpy edits(m_timeline, &TimelineView::editRequested);
    QSignalSpy started(m_backend->session(), &EditorSession::agentStarted);
    const QPoint from = lay.segmentRect(0, 0).center().toPoint();
    pressAndMove(m_timeline, from, 300);
    QVERIFY(m_timeline->drag().isActive());
    QTest::keyClick(m_timeline, Qt::Key_Escape);
    QTest::mouseRelease(m_timeline, Qt::LeftButton, {}, from + QPoint(300, 0));
    QTest::qWait(500);
    QCOMPARE(edits.count(), 0);
    QCOMPARE(started.count(), 0);
    QCOMPARE(m_timeline->draft(), before);
}

void TstEditFlows::editsDisabledWhileBusy()
{
    QSignalSpy started(m_backend->session(), &EditorSession::agentStarted);
    QSignalSpy finished(m_backend->session(), &EditorSession::agentFinished);
    QVERIFY(m_timeline->editsEnabled());
    // Seen from inside the turn (the window's own slots run first).
    QList<bool> enabledWhileBusy;
    QList<bool> dragArmedWhileBusy;
    const auto probe = connect(m_backend->session(), &EditorSession::agentStarted, this, [&] {
        enabledWhileBusy << m_timeline->editsEnabled();
        // A press on a clip while the agent works arms nothing.
        const QPoint edge(
            int(m_timeline->layout().xForMs(videoClips(m_timeline->draft()).at(1).st)) + 2,
            int(m_timeline->layout().segmentRect(0, 0).center().y()));
        QTest::mousePress(m_timeline, Qt::LeftButton, {}, edge);
        dragArmedWhileBusy << m_timeline->drag().isArmed();
        QTest::mouseRelease(m_timeline, Qt::LeftButton, {}, edge);
    });
    m_window->sendMessage(QStringLiteral("what's on the timeline"));
    QTRY_VERIFY(started.count() == 1);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
    disconnect(probe);
    QCOMPARE(enabledWhileBusy, QList<bool>{false});
    QCOMPARE(dragArmedWhileBusy, QList<bool>{false});
    QVERIFY(m_timeline->editsEnabled());
}

void TstEditFlows::saveHookExportAsksBeforeReplacing()
{
    const QString out = m_tmp.filePath(QStringLiteral("existing.mp4"));
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    QStringList asked;
    bool replace = false;
    m_window->setSaveFileHook([&](QWidget*, const QString&) { return out; });
    m_window->setConfirmOverwriteHook([&](QWidget*, const QString& path) {
        asked << path;
        return replace;
    });
    m_window->startExport();
    QCOMPARE(asked, QStringList{out});
    QVERIFY(!m_backend->session()->isExporting());
    QTest::qWait(300);
    QFile check(out);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("old"));
    check.close();
    // Yes replaces it.
    QSignalSpy finished(m_backend->session(), &EditorSession::exportFinished);
    QSignalSpy failed(m_backend->session(), &EditorSession::exportFailed);
    replace = true;
    m_window->startExport();
    QCOMPARE(asked.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 120000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(QFileInfo(out).size() > 1000);
    // A new name is not asked about.
    const QString fresh = m_tmp.filePath(QStringLiteral("fresh"));
    m_window->setSaveFileHook([&](QWidget*, const QString&) { return fresh; });
    replace = false;
    m_window->startExport();
    QCOMPARE(asked.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 1, 120000);
    QVERIFY(QFileInfo::exists(fresh + QStringLiteral(".mp4")));
    m_window->setConfirmOverwriteHook({});
}

void TstEditFlows::addTitleForSubtitles()
{
    // SRT and WebVTT carry the text track: give the edit a title first.
    m_window->sendMessage(QStringLiteral("add a title 'Urban Dreams' for the first 2 seconds"));
    QTRY_VERIFY_WITH_TIMEOUT(m_timeline->draft().t.size() >= 2, 30000);
    QVERIFY(waitIdle());
}

void TstEditFlows::exportForOtherEditors_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("marker"); // something each format's file must contain
    QTest::newRow("fcpxml") << "fcpxml" << QByteArray("<fcpxml");
    QTest::newRow("edl") << "edl" << QByteArray("TITLE:");
    QTest::newRow("mlt") << "mlt" << QByteArray("<mlt");
    QTest::newRow("otio") << "otio" << QByteArray("OTIO_SCHEMA");
    QTest::newRow("srt") << "srt" << QByteArray("Urban Dreams");
    QTest::newRow("vtt") << "vtt" << QByteArray("WEBVTT");
}

void TstEditFlows::exportForOtherEditors()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, marker);
    auto* action = m_window->findChild<QAction*>(QStringLiteral("interchange-") + format);
    QVERIFY(action);
    const QString base = m_tmp.filePath(QStringLiteral("handoff-") + format);
    QString suggested;
    m_window->setSaveFileHook([&](QWidget*, const QString& s) {
        suggested = s;
        return base; // without the extension: the window adds it
    });
    QList<QUrl> opened;
    m_window->setOpenUrlHook([&](const QUrl& url) { opened << url; });
    action->trigger();
    QVERIFY2(suggested.endsWith(QLatin1Char('.') + format), qPrintable(suggested));
    const QString path = base + QLatin1Char('.') + format;
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.contains(marker), bytes.left(200).constData());
    ChatPanel* chat = m_window->chatPanel();
    QCOMPARE(chat->errorActions(), QStringList{QStringLiteral("folder")});
    auto* show = chat->findChild<QPushButton*>(QStringLiteral("errorAction-folder"));
    QVERIFY(show);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(m_tmp.path())});

    // The same name again: "no" keeps the file as it is.
    bool asked = false;
    m_window->setConfirmOverwriteHook([&](QWidget*, const QString&) {
        asked = true;
        return false;
    });
    QVERIFY(QFile::resize(path, 3));
    action->trigger();
    QVERIFY(asked);
    QCOMPARE(QFileInfo(path).size(), qint64(3));
    m_window->setConfirmOverwriteHook({});
    m_window->setOpenUrlHook({});

    // A folder that does not exist: the session's error is shown in the chat.
    const int before = chat->transcript()->messageCount();
    m_window->setSaveFileHook([&](QWidget*, const QString&) {
        return m_tmp.filePath(QStringLiteral("no-such-folder/x.") + format);
    });
    action->trigger();
    ChatTranscript* transcript = chat->transcript();
    QCOMPARE(transcript->messageCount(), before + 1);
    QCOMPARE(transcript->message(before).role, ChatMessage::Error);
    QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("no-such-folder"))));
}

void TstEditFlows::guiInstructions_data()
{
    QTest::addColumn<QString>("prose");
    QTest::addColumn<QString>("expect");
    QTest::newRow("click export") << "Click the Export button to download it."
                                  << "exportDialog";
    QTest::newRow("zh click export") << QStringLiteral("请点击导出按钮。") << "exportDialog";
    QTest::newRow("preview in timeline") << "You can preview it in the timeline."
                                         << "summary";
    QTest::newRow("drag") << "Drag the clip to the start of the track."
                          << "followUp";
    QTest::newRow("open") << "Open the project to see the result."
                          << "state";
}

void TstEditFlows::guiInstructions()
{
    QFETCH(QString, prose);
    QFETCH(QString, expect);
    // Its own engine: the prose is appended to every answer of this one.
    qputenv("CLIPWRIGHT_ENGINE_FAULTS", "gui-prose");
    qputenv("CLIPWRIGHT_ENGINE_GUI_PROSE", prose.toUtf8());
    QTemporaryDir dir;
    Backend backend;
    backend.setEngineDataDir(dir.filePath(QStringLiteral("engine")));
    MainWindow window(&backend);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(backend.isConnected() && backend.session()->isReady(), 30000);
    qunsetenv("CLIPWRIGHT_ENGINE_FAULTS");
    qunsetenv("CLIPWRIGHT_ENGINE_GUI_PROSE");
    window.setOpenFilesHook([&](QWidget*) { return QStringList{m_clips.first()}; });
    window.addMedia();
    QTRY_COMPARE_WITH_TIMEOUT(window.timelineView()->segmentCount(), 1, 60000);
    QSignalSpy actions(backend.session(), &EditorSession::guiInstruction);
    QSignalSpy started(backend.session(), &EditorSession::agentStarted);
    window.sendMessage(QStringLiteral("cut the first second"));
    QTRY_VERIFY_WITH_TIMEOUT(!actions.isEmpty(), 30000);
    if (expect == QLatin1String("exportDialog")) {
        ExportDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = window.findChild<ExportDialog*>(QStringLiteral("exportDialog"))), 10000);
        QTRY_VERIFY(dialog->isVisible());
        dialog->reject();
    } else if (expect == QLatin1String("summary")) {
        ChatTranscript* transcript = window.chatPanel()->transcript();
        QTRY_VERIFY_WITH_TIMEOUT(transcript->message(transcript->messageCount() - 1)
                                     .text.startsWith(QLatin1String("Timeline (")),
                                 10000);
    } else if (expect == QLatin1String("state")) {
        // The state is fetched again: the timeline shows the engine's draft, no error.
        QTRY_VERIFY_WITH_TIMEOUT(!backend.session()->isAgentBusy(), 30000);
        QTRY_COMPARE(window.timelineView()->draft(), backend.session()->draft());
        ChatTranscript* transcript = window.chatPanel()->transcript();
        for (int i = 0; i < transcript->messageCount(); ++i)
            QVERIFY2(transcript->message(i).role != ChatMessage::Error,
                     qPrintable(transcript->message(i).text));
        QCOMPARE(started.count(), 1);
    } else {
        // The edit the prose describes goes back through the stream once.
        QTRY_VERIFY_WITH_TIMEOUT(started.count() == 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!backend.session()->isAgentBusy(), 30000);
        QTest::qWait(300);
        QCOMPARE(started.count(), 2);
    }
}

QTEST_MAIN(TstEditFlows)
#include "tst_editflows.moc"
