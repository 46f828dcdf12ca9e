// Media visuals and the preview of the edit in the real window against a real local engine:
// a generated talk clip (espeak speech with pauses over testsrc2) and a pulsing tone are
// uploaded; the media bin shows a thumbnail (many colours) and a waveform glyph; the timeline
// paints thumbnails in the video segment and a waveform in the audio segment (compared with
// the same view without the media cache); the viewer shows the current edit from the start,
// and "cut the pauses" brings a new 640x360 preview of the cut draft's length; Space plays and
// pauses,
// "." and "," step one frame, and the playhead and the preview follow each other.
// Screenshots: mediabin-thumbnails.png, timeline-thumbnails.png, preview-current-edit.png.
#include "Backend.h"
#include "EditorSession.h"
#include "MainWindow.h"
#include "MediaBin.h"
#include "PlatformNoise.h"
#include "PreviewPane.h"
#include "TestMedia.h"
#include "TimelineMediaCache.h"
#include "TimelineView.h"

#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QListWidget>
#include <QMediaPlayer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

namespace {

int distinctColours(const QImage& image, const QRect& rect)
{
    QSet<QRgb> colours;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

int differingPixels(const QImage& a, const QImage& b, const QRect& rect)
{
    int n = 0;
    const QRect r = rect.intersected(a.rect()).intersected(b.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += a.pixel(x, y) != b.pixel(x, y);
    return n;
}

QSize videoSize(const QJsonObject& probe)
{
    for (const QJsonValue& s : probe.value(QStringLiteral("streams")).toArray())
        if (s.toObject().value(QStringLiteral("codec_type")).toString() == QLatin1String("video"))
            return {s.toObject().value(QStringLiteral("width")).toInt(),
                    s.toObject().value(QStringLiteral("height")).toInt()};
    return {};
}

} // namespace

class TstMediaVisuals : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void mediaBinShowsThumbnails();
    void timelinePaintsThumbnailsAndWaveforms();
    void previewFollowsTheEdit();
    void playbackKeys();
    void playheadSync();
    void cleanupTestCase();

private:
    QImage grabTimeline() { return m_window->timelineView()->grab().toImage(); }
    QDir shots() const
    {
        const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
        QDir().mkpath(dir.path());
        return dir;
    }
    QRect segmentRect(int tt) const
    {
        TimelineView* t = m_window->timelineView();
        const TimelineLayout lay = t->layout();
        for (int i = 0; i < t->draft().t.size(); ++i)
            if (t->draft().t.at(i).tt == tt && !t->draft().t.at(i).sg.isEmpty())
                return lay.segmentRect(i, 0).toRect().adjusted(2, 2, -2, -2);
        return {};
    }

    QTemporaryDir m_tmp;
    QString m_talk;
    QString m_tone;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<MainWindow> m_window;
};

void TstMediaVisuals::initTestCase()
{
    cw::test::dropPlatformNoise();
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_tmp.isValid());
    QString error;
    m_talk = m_tmp.filePath(QStringLiteral("talk.mp4"));
    const QJsonObject talk = test::makeSpeechClip(m_talk, 1.2, 3, 640, 360, &error);
    QVERIFY2(!talk.isEmpty(), qPrintable(error));
    m_tone = m_tmp.filePath(QStringLiteral("pulse.wav"));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "sine=frequency=300:duration=4", "-af",
                              "volume='if(lt(mod(t,1),0.5),1,0.05)':eval=frame", m_tone},
                             &error),
             qPrintable(error));

    m_backend = std::make_unique<Backend>();
    m_backend->setEngineDataDir(m_tmp.filePath(QStringLiteral("engine")));
    m_window = std::make_unique<MainWindow>(m_backend.get());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_backend->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->isConnected() && m_backend->session()->isReady(), 30000);
    m_window->setOpenFilesHook([this](QWidget*) { return QStringList{m_talk, m_tone}; });
    m_window->addMedia();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->timelineView()->segmentCount(), 2, 60000);
}

void TstMediaVisuals::mediaBinShowsThumbnails()
{
    QListWidget* list = m_window->mediaBin()->list();
    auto item = [list](const QString& name) -> QListWidgetItem* {
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(MediaBin::FileNameRole).toString() == name)
                return list->item(i);
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("talk.mp4")) &&
                                 !item(QStringLiteral("talk.mp4"))
                                      ->data(MediaBin::ThumbnailRole)
                                      .value<QImage>()
                                      .isNull(),
                             30000);
    const QImage thumb =
        item(QStringLiteral("talk.mp4"))->data(MediaBin::ThumbnailRole).value<QImage>();
    const int colours = distinctColours(thumb, thumb.rect());
    QVERIFY2(colours > 50, qPrintable(QString::number(colours))); // testsrc2, not a flat icon
    QVERIFY(!item(QStringLiteral("talk.mp4"))->icon().isNull());

    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("pulse.wav")) &&
                                 !item(QStringLiteral("pulse.wav"))
                                      ->data(MediaBin::ThumbnailRole)
                                      .value<QImage>()
                                      .isNull(),
                             30000);
    const QImage glyph =
        item(QStringLiteral("pulse.wav"))->data(MediaBin::ThumbnailRole).value<QImage>();
    // The pulses make a waveform with loud and quiet halves: the glyph's columns differ.
    int tallest = 0, shortest = glyph.height();
    for (int x = 2; x < glyph.width() - 2; ++x) {
        int inked = 0;
        for (int y = 0; y < glyph.height(); ++y)
            inked += qAlpha(glyph.pixel(x, y)) > 0;
        tallest = std::max(tallest, inked);
        shortest = std::min(shortest, inked);
    }
    QVERIFY2(tallest > 2 * std::max(1, shortest),
             qPrintable(QStringLiteral("%1 vs %2").arg(tallest).arg(shortest)));
    QVERIFY(m_window->mediaBin()->grab().save(shots().filePath("mediabin-thumbnails.png")));
}

void TstMediaVisuals::timelinePaintsThumbnailsAndWaveforms()
{
    TimelineView* timeline = m_window->timelineView();
    TimelineMediaCache* cache = timeline->mediaCache();
    QVERIFY(cache);
    const Draft draft = timeline->draft();
    QString videoId, audioId;
    for (const Track& t : draft.t) {
        if (t.tt == int(TrackType::Video) && !t.sg.isEmpty())
            videoId = t.sg.first().src;
        if (t.tt == int(TrackType::Audio) && !t.sg.isEmpty())
            audioId = t.sg.first().src;
    }
    QVERIFY(!videoId.isEmpty() && !audioId.isEmpty());
    const int wanted =
        int(TimelineMediaCache::frameTimes(cache->mediaItem(videoId).durationMs).size());
    QTRY_VERIFY_WITH_TIMEOUT(
        cache->hasFrames(videoId) && cache->waveform(videoId) && cache->waveform(audioId), 30000);
    QTest::qWait(wanted * 300); // let the frames along the clip arrive too
    const QImage with = grabTimeline();
    QVERIFY(with.save(shots().filePath("timeline-thumbnails.png")));
    timeline->setMediaCache(nullptr);
    const QImage without = grabTimeline();
    timeline->setMediaCache(cache);

    const QRect video = segmentRect(int(TrackType::Video));
    const QRect audio = segmentRect(int(TrackType::Audio));
    QVERIFY(video.width() > 100 && audio.width() > 100);
    const int plain = distinctColours(without, video);
    const int painted = distinctColours(with, video);
    QVERIFY2(painted > 100 && painted > 3 * plain,
             qPrintable(
                 QStringLiteral("%1 colours with thumbnails, %2 without").arg(painted).arg(plain)));
    const int changed = differingPixels(with, without, audio);
    QVERIFY2(
        changed > audio.width() * audio.height() / 10,
        qPrintable(
            QStringLiteral("%1 of %2 pixels").arg(changed).arg(audio.width() * audio.height())));
}

void TstMediaVisuals::previewFollowsTheEdit()
{
    EditorSession* session = m_backend->session();
    PreviewPane* pane = m_window->previewPane();
    QSignalSpy ready(session, &EditorSession::previewReady);
    QSignalSpy failed(session, &EditorSession::previewFailed);
    QStringList banners;
    connect(session, &EditorSession::previewProgress, this, [&] { banners << pane->bannerText(); });
    auto* mode = pane->findChild<QComboBox*>(QStringLiteral("previewModeBox"));
    QVERIFY(mode);
    QCOMPARE(mode->currentIndex(), 1); // "Current edit" from the start: the uploads rendered
    QVERIFY(pane->isShowingEdit());
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isEditStale() && !pane->editFile().isEmpty(), 60000);
    const QString firstFile = pane->editFile();
    ready.clear();
    banners.clear();
    QVERIFY(pane->bannerText().isEmpty());
    const qint64 before = session->draft().computedDuration();

    QSignalSpy finished(session, &EditorSession::agentFinished);
    m_window->sendMessage(QStringLiteral("cut the pauses"));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 60000);
    const qint64 after = session->draft().computedDuration();
    QVERIFY2(after < before - 2000, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 || !failed.isEmpty(), 90000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(!banners.isEmpty());
    const QString file = ready.last().first().toString();
    QVERIFY(file != firstFile);
    const QJsonObject probe = test::probe(file);
    QCOMPARE(videoSize(probe), QSize(640, 360));
    const double seconds = probe.value(QStringLiteral("format"))
                               .toObject()
                               .value(QStringLiteral("duration"))
                               .toString()
                               .toDouble();
    QVERIFY2(qAbs(seconds * 1000 - double(after)) <= 100,
             qPrintable(QStringLiteral("%1 s vs draft %2 ms").arg(seconds).arg(after)));
    QTRY_COMPARE_WITH_TIMEOUT(pane->source(), QUrl::fromLocalFile(file), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(pane->player()->duration() > 0, 10000);
    QVERIFY(pane->bannerText().isEmpty());
    QVERIFY(m_window->grab().save(shots().filePath("preview-current-edit.png")));
}

void TstMediaVisuals::playbackKeys()
{
    PreviewPane* pane = m_window->previewPane();
    QVERIFY(pane->player());
    m_window->activateWindow();
    pane->setFocus();
    QTRY_VERIFY(pane->hasFocus());
    QTest::keyClick(pane, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(pane->isPlaying(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(pane->position() > 200, 10000);
    QTest::keyClick(pane, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isPlaying(), 10000);

    pane->seek(1000);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane->position() - 1000) <= 40, 10000);
    const qint64 start = pane->position();
    const double frameMs = 1000.0 / pane->frameRate();
    QVERIFY2(pane->frameRate() > 20 && pane->frameRate() < 61,
             qPrintable(QString::number(pane->frameRate())));
    QTest::keyClick(pane, Qt::Key_Period);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane->position() - (start + frameMs)) <= frameMs / 2, 5000);
    QTest::keyClick(pane, Qt::Key_Period);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane->position() - (start + 2 * frameMs)) <= frameMs / 2, 5000);
    QTest::keyClick(pane, Qt::Key_Comma);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane->position() - (start + frameMs)) <= frameMs / 2, 5000);
    QTest::keyClick(pane, Qt::Key_Left);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane->position() - start) <= frameMs / 2, 5000);
    QVERIFY(!pane->isPlaying());
}

void TstMediaVisuals::playheadSync()
{
    PreviewPane* pane = m_window->previewPane();
    TimelineView* timeline = m_window->timelineView();
    QVERIFY(pane->isShowingEdit());
    // Timeline -> preview: a click on the ruler.
    const TimelineLayout lay = timeline->layout();
    const qint64 target = timeline->draft().computedDuration() / 2;
    const QPoint onRuler(int(lay.xForMs(target)), int(lay.rulerRect().center().y()));
    QTest::mouseClick(timeline, Qt::LeftButton, Qt::NoModifier, onRuler);
    const qint64 clicked = timeline->playheadMs();
    QVERIFY2(qAbs(clicked - target) < 200, qPrintable(QString::number(clicked)));
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane->position() - clicked) <= 50, 10000);
    // Preview -> timeline: a seek in the preview moves the playhead.
    pane->seek(700);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(timeline->playheadMs() - 700) <= 50, 10000);
}

void TstMediaVisuals::cleanupTestCase()
{
    if (m_window && m_window->previewPane())
        m_window->previewPane()->stop();
    m_window.reset();
    m_backend.reset();
}

QTEST_MAIN(TstMediaVisuals)
#include "tst_mediavisuals.moc"
