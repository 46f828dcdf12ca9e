// PreviewPane: creates no player until asked, then plays a generated clip (ffmpeg lavfi)
// without crashing under offscreen/Xvfb and without an audio device; a missing file is
// reported as an error, not a crash.
#include "PreviewPane.h"
#include "TestMedia.h"

#include <QMediaPlayer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

class TstPreviewPane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lazyPlayer();
    void playsGeneratedClip();
    void missingFileIsAnError();
};

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

QTEST_MAIN(TstPreviewPane)
#include "tst_previewpane.moc"
