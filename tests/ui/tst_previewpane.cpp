// PreviewPane: creates no player until asked, then plays a generated clip (ffmpeg lavfi)
// without crashing under offscreen/Xvfb and without an audio device; a missing file is
// reported as an error, not a crash. "Current edit" (the default): a render is asked for only
// while the pane shows it (after a debounced draft change, on switching to it, on play), the
// banner shows the render's progress or failure, a finished render is loaded (and played
// when play was pressed); Space toggles play, "." "," and the arrows step one frame at the
// clip's rate. The viewer: a draft change asks for a still at the playhead at once and shows
// it at its aspect (a vertical still pillar-boxed), the render replaces it only with a frame
// at the same position, seeking without a render asks for stills (one in flight, the newest
// next), an empty edit shows the drop hint and asks for nothing, J/K/L shuttle. The player
// reports a load only for the new file and shows none of the previous file's frames. A
// preview's window (a later part of the edit) plays at its timeline times, stills stand in
// outside it, and at its end the viewer waits for the whole render, which plays on from there.
#include "PlatformNoise.h"
#include "PreviewPane.h"
#include "PreviewPlayer.h"
#include "TestMedia.h"
#include "ViewerCanvas.h"

#include <QBuffer>
#include <QPainter>

#include <QComboBox>
#include <QLabel>
#include <QMediaPlayer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cw;

class TstPreviewPane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { cw::test::dropPlatformNoise(); }
    void lazyPlayer();
    void playsGeneratedClip();
    void missingFileIsAnError();
    void editRequestsOnlyWhenShown_data();
    void editRequestsOnlyWhenShown();
    void bannerFollowsTheRender();
    void playOnStaleEditRendersThenPlays();
    void keysPlayAndStep();
    void controlsWithoutMedia();
    void editByDefault();
    void stillAtOnceAfterAChange();
    void renderReplacesStillWithAFrame();
    void scrubbingWithoutRenderAsksForStills();
    void emptyEditAsksNothing();
    void shuttleKeys();
    void renderWaitsForTheStill();
    void noFrameOfThePreviousFile();
    void windowThenTheWhole();

private:
    QString makeClip(const QString& name, int fps, const QString& size = QStringLiteral("320x180"),
                     int seconds = 3);
    QTemporaryDir m_dir;
};

QString TstPreviewPane::makeClip(const QString& name, int fps, const QString& size, int seconds)
{
    const QString clip = m_dir.filePath(name);
    if (QFileInfo::exists(clip))
        return clip;
    QString error;
    if (!test::runFfmpeg(
            {"-f", "lavfi", "-i",
             QStringLiteral("testsrc2=size=%1:rate=%2:duration=%3").arg(size).arg(fps).arg(seconds),
             "-f", "lavfi", "-i", QStringLiteral("sine=frequency=440:duration=%1").arg(seconds),
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
             "-shortest", clip},
            &error))
        qWarning("%s", qPrintable(error));
    return clip;
}

void TstPreviewPane::lazyPlayer()
{
    PreviewPane pane;
    QCOMPARE(pane.objectName(), QStringLiteral("previewPane"));
    QVERIFY(!pane.player());
    pane.togglePlay(); // nothing loaded: no-op
    pane.setSource(QUrl());
    QVERIFY(!pane.player());
}

void TstPreviewPane::playsGeneratedClip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString clip = dir.filePath(QStringLiteral("preview.mp4"));
    QString error;
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2", "-f",
                              "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264",
                              "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                              "-shortest", clip},
                             &error),
             qPrintable(error));
    PreviewPane pane;
    pane.resize(320, 240);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setSource(QUrl::fromLocalFile(clip), true);
    QVERIFY(pane.player());
    QCOMPARE(pane.source(), QUrl::fromLocalFile(clip));
    QTRY_VERIFY_WITH_TIMEOUT(pane.player()->mediaStatus() != QMediaPlayer::LoadingMedia &&
                                 pane.player()->mediaStatus() != QMediaPlayer::NoMedia,
                             10000);
    QVERIFY(pane.player()->error() == QMediaPlayer::NoError);
    QTRY_VERIFY_WITH_TIMEOUT(pane.player()->duration() > 1500, 10000);
    pane.togglePlay();
    pane.stop();
}

void TstPreviewPane::missingFileIsAnError()
{
    PreviewPane pane;
    pane.show();
    QSignalSpy spy(&pane, &PreviewPane::playbackError);
    pane.setSource(QUrl::fromLocalFile(QStringLiteral("/nonexistent/clip.mp4")), true);
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() > 0, 10000);
}

void TstPreviewPane::editRequestsOnlyWhenShown_data()
{
    QTest::addColumn<bool>("showEdit");
    QTest::addColumn<int>("changes");  // draft changes in a burst
    QTest::addColumn<int>("requests"); // renders asked for after the burst settles
    QTest::newRow("source clip shown: none") << false << 3 << 0;
    QTest::newRow("current edit: one per burst") << true << 5 << 1;
    QTest::newRow("current edit, one change") << true << 1 << 1;
}

void TstPreviewPane::editRequestsOnlyWhenShown()
{
    QFETCH(bool, showEdit);
    QFETCH(int, changes);
    QFETCH(int, requests);
    PreviewPane pane;
    pane.setPreviewDelay(80);
    if (!showEdit)
        pane.setSource(QUrl::fromLocalFile(makeClip(QStringLiteral("src.mp4"), 25)));
    // Stills are answered at once (here: none to give), as EditorSession does.
    connect(&pane, &PreviewPane::editFrameRequested, &pane, [&pane] {
        QTimer::singleShot(0, &pane, [&pane] { pane.setEditFrameFailed(QStringLiteral("none")); });
    });
    QSignalSpy asked(&pane, &PreviewPane::editPreviewRequested);
    if (showEdit) {
        pane.showCurrentEdit(); // nothing rendered yet: asks at once
        QCOMPARE(asked.count(), 1);
        pane.setEditPreview(makeClip(QStringLiteral("edit.mp4"), 25), 3);
        asked.clear();
    }
    for (int i = 0; i < changes; ++i) {
        pane.setEditStale();
        QTest::qWait(20);
    }
    QTest::qWait(300);
    QCOMPARE(asked.count(), requests);
    QCOMPARE(pane.isEditStale(), true);
    if (!showEdit) { // switching to the edit later renders what is stale
        pane.showCurrentEdit();
        QCOMPARE(asked.count(), 1);
    }
}

void TstPreviewPane::bannerFollowsTheRender()
{
    PreviewPane pane;
    QVERIFY(pane.bannerText().isEmpty());
    pane.setEditProgress(40); // not asked: ignored
    QVERIFY(pane.bannerText().isEmpty());
    auto* mode = pane.findChild<QComboBox*>(QStringLiteral("previewModeBox"));
    QVERIFY(mode);
    mode->setCurrentIndex(1);
    Q_EMIT mode->activated(1);
    QVERIFY(pane.isShowingEdit());
    QCOMPARE(pane.bannerText(), QStringLiteral("Updating… 0%"));
    pane.setEditProgress(40);
    QCOMPARE(pane.bannerText(), QStringLiteral("Updating… 40%"));
    pane.setEditProgress(250);
    QCOMPARE(pane.bannerText(), QStringLiteral("Updating… 100%"));
    pane.setEditFailed(QStringLiteral("The timeline is empty"));
    QCOMPARE(pane.bannerText(), QStringLiteral("No preview: The timeline is empty"));
    // Back to the source clip: no banner.
    pane.setSource(QUrl::fromLocalFile(makeClip(QStringLiteral("src.mp4"), 25)));
    QVERIFY(!pane.isShowingEdit());
    QCOMPARE(mode->currentIndex(), 0);
    QVERIFY(pane.bannerText().isEmpty());
}

void TstPreviewPane::playOnStaleEditRendersThenPlays()
{
    PreviewPane pane;
    pane.setSource(QUrl::fromLocalFile(makeClip(QStringLiteral("src.mp4"), 25)));
    pane.resize(320, 240);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QSignalSpy asked(&pane, &PreviewPane::editPreviewRequested);
    pane.showCurrentEdit();
    QCOMPARE(asked.count(), 1);
    pane.setEditFailed(QStringLiteral("busy"));
    pane.togglePlay(); // nothing to play yet: asks again and plays when it arrives
    QCOMPARE(asked.count(), 2);
    const QString file = makeClip(QStringLiteral("edit.mp4"), 25);
    pane.setEditPreview(file, 7);
    QCOMPARE(pane.source(), QUrl::fromLocalFile(file));
    QCOMPARE(pane.editFile(), file);
    QVERIFY(!pane.isEditStale());
    QVERIFY(pane.bannerText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(pane.isPlaying(), 10000);
    pane.stop();
}

void TstPreviewPane::keysPlayAndStep()
{
    PreviewPane pane;
    pane.resize(320, 240);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setSource(QUrl::fromLocalFile(makeClip(QStringLiteral("fps25.mp4"), 25)));
    QTRY_VERIFY_WITH_TIMEOUT(pane.player()->duration() > 2000, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(qRound(pane.frameRate()), 25, 5000);
    pane.activateWindow();
    pane.setFocus();
    QTest::keyClick(&pane, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(pane.isPlaying(), 10000);
    QTest::keyClick(&pane, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!pane.isPlaying(), 10000);
    pane.seek(1000);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.position() - 1000) <= 20, 5000);
    QTest::keyClick(&pane, Qt::Key_Right);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.position() - 1040) <= 20, 5000);
    QTest::keyClick(&pane, Qt::Key_Period);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.position() - 1080) <= 20, 5000);
    QTest::keyClick(&pane, Qt::Key_Comma);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.position() - 1040) <= 20, 5000);
    auto* time = pane.findChild<QLabel*>(QStringLiteral("previewTimeLabel"));
    QVERIFY(time);
    QTRY_VERIFY(time->text().startsWith(QStringLiteral("0:01.0 / 0:03.0")));
    pane.seek(0);
    QTest::keyClick(&pane, Qt::Key_Left); // not before the start
    QTRY_COMPARE_WITH_TIMEOUT(pane.position(), qint64(0), 5000);
    pane.stop();
}

void TstPreviewPane::controlsWithoutMedia()
{
    PreviewPane pane;
    pane.setEditDuration(0); // nothing on the timeline
    pane.stepFrames(5);
    pane.seek(-100);
    pane.setEditPreview(QString(), 1); // not showing the edit: just remembered
    QTest::keyClick(&pane, Qt::Key_Period);
    QTest::keyClick(&pane, Qt::Key_Space);
    QVERIFY(!pane.player());
    QVERIFY(!pane.isPlaying());
    QCOMPARE(pane.position(), qint64(0));
}

namespace {

QByteArray jpeg(const QSize& size, const QColor& colour)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    QPainter p(&image);
    p.fillRect(QRect(0, 0, size.width() / 2, size.height() / 2), Qt::white);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

} // namespace

void TstPreviewPane::editByDefault()
{
    PreviewPane pane;
    QVERIFY(pane.isShowingEdit());
    auto* mode = pane.findChild<QComboBox*>(QStringLiteral("previewModeBox"));
    QVERIFY(mode);
    QCOMPARE(mode->currentIndex(), 1);
    QCOMPARE(pane.canvas()->picture(), ViewerCanvas::Picture::None);
    QVERIFY(!pane.canvas()->placeholderText().isEmpty());
    QVERIFY(!pane.player());
}

void TstPreviewPane::stillAtOnceAfterAChange()
{
    PreviewPane pane;
    pane.resize(480, 360);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setEditDuration(5000);
    QSignalSpy stills(&pane, &PreviewPane::editFrameRequested);
    QSignalSpy renders(&pane, &PreviewPane::editPreviewRequested);
    QSignalSpy moved(&pane, &PreviewPane::positionChanged);
    pane.seek(1200); // no render yet: a still there
    QCOMPARE(stills.count(), 1);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(pane.position(), qint64(1200));
    pane.setEditFrame(jpeg({320, 180}, Qt::blue), 1200, 1);
    stills.clear();

    pane.setEditStale();         // the draft changed
    QCOMPARE(stills.count(), 1); // at once, at the playhead
    QCOMPARE(stills.first().first().toLongLong(), qint64(1200));
    QCOMPARE(renders.count(), 0); // the render waits for the burst to settle
    QCOMPARE(pane.bannerText(), QStringLiteral("Updating…"));

    pane.setEditFrame(jpeg({180, 320}, Qt::red), 1200, 2); // now vertical
    ViewerCanvas* canvas = pane.canvas();
    QCOMPARE(canvas->picture(), ViewerCanvas::Picture::Still);
    QCOMPARE(canvas->image().size(), QSize(180, 320));
    QCOMPARE(canvas->timeMs(), qint64(1200));
    const QRect shown = canvas->pictureRect();
    QVERIFY2(shown.height() > shown.width(),
             qPrintable(QStringLiteral("%1x%2").arg(shown.width()).arg(shown.height())));
    QCOMPARE(shown.height(), canvas->height());
    QVERIFY(shown.left() > 0 && shown.right() < canvas->width() - 1); // pillar-boxed
    // The bars are black, the picture is the still.
    const QImage grabbed = canvas->grab().toImage();
    QCOMPARE(QColor(grabbed.pixel(2, canvas->height() / 2)), QColor(Qt::black));
    const QColor middle(grabbed.pixel(shown.center().x(), shown.top() + shown.height() * 3 / 4));
    QVERIFY2(middle.red() > 200 && middle.green() < 60, qPrintable(middle.name()));

    QTRY_COMPARE_WITH_TIMEOUT(renders.count(), 1, 2000);
    QCOMPARE(pane.bannerText(), QStringLiteral("Updating… 0%"));
    QCOMPARE(canvas->picture(), ViewerCanvas::Picture::Still); // still there while it renders
}

void TstPreviewPane::renderReplacesStillWithAFrame()
{
    PreviewPane pane;
    pane.resize(480, 360);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setEditDuration(3000);
    pane.seek(1000);
    pane.setEditFrame(jpeg({320, 180}, Qt::blue), 1000, 1);
    ViewerCanvas* canvas = pane.canvas();
    QCOMPARE(canvas->picture(), ViewerCanvas::Picture::Still);
    pane.setEditPreview(makeClip(QStringLiteral("edit.mp4"), 25), 1);
    QCOMPARE(canvas->picture(), ViewerCanvas::Picture::Still); // until the player has a frame
    QVERIFY(pane.bannerText().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(canvas->picture(), ViewerCanvas::Picture::Video, 10000);
    QVERIFY2(qAbs(canvas->timeMs() - 1000) <= 40, qPrintable(QString::number(canvas->timeMs())));
    QVERIFY(!pane.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.position() - 1000) <= 40, 5000);
    // Paused steps show the frame they land on.
    pane.activateWindow();
    pane.setFocus();
    QTest::keyClick(&pane, Qt::Key_Period);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(canvas->timeMs() - 1040) <= 20, 5000);
    QVERIFY(!pane.isPlaying());
    pane.stop();
}

void TstPreviewPane::scrubbingWithoutRenderAsksForStills()
{
    PreviewPane pane;
    pane.setEditDuration(10000);
    QSignalSpy stills(&pane, &PreviewPane::editFrameRequested);
    QSignalSpy moved(&pane, &PreviewPane::positionChanged);
    pane.seek(1000);
    pane.seek(2000);
    pane.seek(3000);
    QCOMPARE(stills.count(), 1); // one in flight
    QCOMPARE(moved.count(), 3);
    QCOMPARE(pane.position(), qint64(3000));
    pane.setEditFrame(jpeg({64, 36}, Qt::green), 1000, 1);
    QCOMPARE(stills.count(), 2); // the newest position follows; 2000 is skipped
    QCOMPARE(stills.last().first().toLongLong(), qint64(3000));
    pane.setEditFrameFailed(QStringLiteral("not now"));
    pane.seek(20000); // clamped to the edit
    QCOMPARE(stills.count(), 3);
    QCOMPARE(stills.last().first().toLongLong(), qint64(10000));
}

void TstPreviewPane::emptyEditAsksNothing()
{
    PreviewPane pane;
    pane.setEditDuration(0);
    QSignalSpy stills(&pane, &PreviewPane::editFrameRequested);
    QSignalSpy renders(&pane, &PreviewPane::editPreviewRequested);
    pane.setEditStale();
    pane.seek(500);
    pane.togglePlay();
    pane.showCurrentEdit();
    QTest::qWait(300);
    QCOMPARE(stills.count(), 0);
    QCOMPARE(renders.count(), 0);
    QVERIFY(pane.bannerText().isEmpty());
    QVERIFY2(pane.canvas()->placeholderText().contains(QStringLiteral("Drop")),
             qPrintable(pane.canvas()->placeholderText()));
    pane.setEditDuration(4000); // the first clip arrived
    pane.setEditStale();
    QCOMPARE(stills.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(renders.count(), 1, 2000);
}

void TstPreviewPane::shuttleKeys()
{
    PreviewPane pane;
    pane.resize(320, 240);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setSource(QUrl::fromLocalFile(makeClip(QStringLiteral("fps25.mp4"), 25)));
    QTRY_VERIFY_WITH_TIMEOUT(pane.player()->duration() > 2000, 10000);
    pane.activateWindow();
    pane.setFocus();
    QTest::keyClick(&pane, Qt::Key_L);
    QTRY_VERIFY_WITH_TIMEOUT(pane.isPlaying(), 10000);
    QCOMPARE(pane.playbackRate(), 1.0);
    QTest::keyClick(&pane, Qt::Key_L);
    QCOMPARE(pane.playbackRate(), 2.0);
    QTest::keyClick(&pane, Qt::Key_L);
    QTest::keyClick(&pane, Qt::Key_L);
    QCOMPARE(pane.playbackRate(), 4.0); // the fastest
    auto* time = pane.findChild<QLabel*>(QStringLiteral("previewTimeLabel"));
    QVERIFY(time->text().contains(QStringLiteral("4×")));
    QTest::keyClick(&pane, Qt::Key_J);
    QCOMPARE(pane.playbackRate(), 2.0);
    QTest::keyClick(&pane, Qt::Key_K);
    QTRY_VERIFY_WITH_TIMEOUT(!pane.isPlaying(), 5000);
    QCOMPARE(pane.playbackRate(), 1.0);
    pane.seek(2500);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.position() - 2500) <= 40, 5000);
    QTest::keyClick(&pane, Qt::Key_J); // paused: back one second
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.position() - 1500) <= 40, 5000);
    QVERIFY(!pane.isPlaying());
    pane.stop();
}

void TstPreviewPane::renderWaitsForTheStill()
{
    PreviewPane pane;
    pane.setPreviewDelay(50);
    pane.setEditDuration(4000);
    QSignalSpy renders(&pane, &PreviewPane::editPreviewRequested);
    pane.setEditStale();
    QTest::qWait(250); // past the debounce, the still not in yet
    QCOMPARE(renders.count(), 0);
    pane.setEditFrame(jpeg({64, 36}, Qt::green), 0, 1);
    QCOMPARE(renders.count(), 1);
    // A still that never comes holds the render back no longer than a while.
    pane.setEditStale();
    QTRY_COMPARE_WITH_TIMEOUT(renders.count(), 2, 3000);
}

// Qt 6.4 reports the old file as loaded when it is stopped for the next load; taken for the
// new file's status, the paused load's peek played the old file (a landscape frame in a
// vertical edit).
void TstPreviewPane::noFrameOfThePreviousFile()
{
    PreviewPlayer player;
    QList<QSize> sizes;
    connect(&player, &PreviewPlayer::frameChanged, this,
            [&](const QVideoFrame& frame) { sizes.append(frame.size()); });
    player.load(QUrl::fromLocalFile(makeClip(QStringLiteral("wide.mp4"), 25)), 1000, false);
    QTRY_VERIFY_WITH_TIMEOUT(!sizes.isEmpty(), 10000);
    QCOMPARE(sizes.last(), QSize(320, 180));
    for (int i = 0; i < 3; ++i) {
        const QString tall = makeClip(QStringLiteral("tall.mp4"), 25, QStringLiteral("180x320"));
        QList<QUrl> loaded; // the file open when each load was reported
        const auto connection = connect(&player, &PreviewPlayer::loaded, this,
                                        [&] { loaded.append(player.player()->source()); });
        sizes.clear();
        player.load(QUrl::fromLocalFile(tall), 1000, false);
        QTRY_VERIFY_WITH_TIMEOUT(!sizes.isEmpty(), 10000);
        disconnect(connection);
        QCOMPARE(loaded, QList<QUrl>{QUrl::fromLocalFile(tall)});
        QTest::qWait(300); // frames still on their way
        for (const QSize& size : sizes)
            QCOMPARE(size, QSize(180, 320));
        player.load(QUrl::fromLocalFile(makeClip(QStringLiteral("wide.mp4"), 25)), 1000, false);
        QTRY_VERIFY_WITH_TIMEOUT(!sizes.isEmpty() && sizes.last() == QSize(320, 180), 10000);
    }
}

void TstPreviewPane::windowThenTheWhole()
{
    PreviewPane pane;
    pane.resize(480, 360);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QSignalSpy asked(&pane, &PreviewPane::editPreviewRequested);
    QSignalSpy stills(&pane, &PreviewPane::editFrameRequested);
    pane.setPreviewDelay(0);
    pane.setEditDuration(10000);
    pane.seek(5520);
    pane.setEditStale();
    pane.setEditFrame(jpeg({320, 180}, Qt::blue), 5520, 2);
    QTRY_COMPARE(asked.count(), 1);
    QCOMPARE(asked.first().first().toLongLong(), 5520); // the render starts from the playhead
    ViewerCanvas* canvas = pane.canvas();

    // The window [5 s, 8 s) arrives first: played at its timeline times.
    const QString window = makeClip(QStringLiteral("window.mp4"), 25);
    pane.setEditPreviewWindow(window, 5000, 8000, 2);
    QCOMPARE(pane.source(), QUrl::fromLocalFile(window));
    QTRY_COMPARE_WITH_TIMEOUT(canvas->picture(), ViewerCanvas::Picture::Video, 10000);
    QVERIFY2(qAbs(canvas->timeMs() - 5520) <= 40, qPrintable(QString::number(canvas->timeMs())));
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.position() - 5520) <= 40, 5000);
    QVERIFY(pane.bannerText().startsWith(QStringLiteral("Updating"))); // the whole is on its way

    // Outside it: a still; back inside: the window again. (The still asked for meanwhile is
    // answered first: one is in flight at a time.)
    pane.setEditFrame(jpeg({320, 180}, Qt::blue), 5520, 2);
    QCOMPARE(canvas->picture(), ViewerCanvas::Picture::Video); // a late still changes nothing
    stills.clear();
    pane.seek(2000);
    QVERIFY(!pane.source().isValid() || pane.source().isEmpty());
    QCOMPARE(stills.count(), 1);
    QCOMPARE(stills.first().first().toLongLong(), 2000);
    QCOMPARE(pane.position(), 2000);
    pane.setEditFrame(jpeg({320, 180}, Qt::red), 2000, 2);
    pane.seek(7000);
    QCOMPARE(pane.source(), QUrl::fromLocalFile(window));
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(canvas->timeMs() - 7000) <= 40, 10000);

    // Played to its end, it waits; the whole then plays on from where it stopped.
    pane.play();
    QTRY_VERIFY_WITH_TIMEOUT(pane.position() >= 7900, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!pane.isPlaying(), 5000);
    const qint64 stopped = pane.position();
    QVERIFY2(stopped >= 7900 && stopped <= 8000, qPrintable(QString::number(stopped)));
    QCOMPARE(asked.count(), 1); // no second render
    const QString whole = makeClip(QStringLiteral("whole.mp4"), 25, QStringLiteral("320x180"), 10);
    pane.setEditPreview(whole, 2);
    QCOMPARE(pane.source(), QUrl::fromLocalFile(whole));
    QVERIFY(pane.bannerText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(pane.isPlaying(), 10000);
    pane.stop();

    // A window of a draft that has changed since is not shown.
    pane.setEditStale();
    pane.setEditPreviewWindow(window, 0, 3000, 2);
    QVERIFY(pane.source() != QUrl::fromLocalFile(window));
}

QTEST_MAIN(TstPreviewPane)
#include "tst_previewpane.moc"
