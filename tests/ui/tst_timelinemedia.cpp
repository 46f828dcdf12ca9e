// TimelineMediaCache and TimelineMediaPainter without an engine: which frame a tile shows
// (nearest along the clip, the poster only as a fallback), waveform peaks over a range and
// their decibel display scale (tables), the frame times asked for per clip, and the painted
// timeline: thumbnails in a video segment, a waveform in an audio segment (scaled by the
// segment's volume), nothing for text or unknown media, and nothing in narrow segments.
#include "TimelineMediaCache.h"
#include "TimelineView.h"

#include <QDir>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace cw;

namespace {

QImage solid(const QColor& colour)
{
    QImage image(160, 90, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

QImage gradient()
{
    QImage image(160, 90, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, 160, 90);
    g.setColorAt(0, Qt::red);
    g.setColorAt(0.5, Qt::yellow);
    g.setColorAt(1, Qt::blue);
    p.fillRect(image.rect(), g);
    return image;
}

int distinctColours(const QImage& image, const QRect& rect)
{
    QSet<QRgb> colours;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

int differing(const QImage& a, const QImage& b, const QRect& rect)
{
    int n = 0;
    const QRect r = rect.intersected(a.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += a.pixel(x, y) != b.pixel(x, y);
    return n;
}

Draft twoTracks(double volume)
{
    Draft d;
    Track v{"v1", int(TrackType::Video), "Video", {}, {}};
    Track a{"a1", int(TrackType::Audio), "Music", {}, {}};
    Track x{"x1", int(TrackType::Text), "Titles", {}, {}};
    Segment s;
    s.id = "s1";
    s.src = "mv";
    s.d = 4000;
    v.sg << s;
    s.id = "s2";
    s.st = 4000;
    s.d = 20; // too narrow to show anything
    v.sg << s;
    Segment m;
    m.id = "s3";
    m.src = "ma";
    m.d = 4000;
    m.m.insert("vol", volume);
    a.sg << m;
    Segment t;
    t.id = "s4";
    t.d = 2000;
    t.m.insert("text", "Hello");
    x.sg << t;
    d.t << v << a << x;
    d.d = 4020;
    return d;
}

QVector<float> pulses()
{
    QVector<float> peaks;
    for (int i = 0; i < 200; ++i)
        peaks << ((i / 25) % 2 ? 0.01f : 0.8f);
    return peaks;
}

} // namespace

class TstTimelineMedia : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nearestFrame_data();
    void nearestFrame();
    void posterOnlyAsFallback();
    void peakBetween_data();
    void peakBetween();
    void displayLevel_data();
    void displayLevel();
    void frameTimes_data();
    void frameTimes();
    void paintsThumbnailsAndWaveforms();
    void volumeScalesTheWaveform();
};

void TstTimelineMedia::nearestFrame_data()
{
    QTest::addColumn<qint64>("sourceMs");
    QTest::addColumn<QColor>("expected");
    QTest::newRow("before the first") << qint64(-500) << QColor(Qt::red);
    QTest::newRow("at the first") << qint64(500) << QColor(Qt::red);
    QTest::newRow("nearer the first") << qint64(1400) << QColor(Qt::red);
    QTest::newRow("nearer the second") << qint64(1600) << QColor(Qt::green);
    QTest::newRow("after the last") << qint64(90000) << QColor(Qt::blue);
}

void TstTimelineMedia::nearestFrame()
{
    QFETCH(qint64, sourceMs);
    QFETCH(QColor, expected);
    TimelineMediaCache cache;
    cache.addThumbnailImage("m", TimelineMediaCache::kPosterMs, solid(Qt::black));
    cache.addThumbnailImage("m", 500, solid(Qt::red));
    cache.addThumbnailImage("m", 2500, solid(Qt::green));
    cache.addThumbnailImage("m", 4500, solid(Qt::blue));
    const QPixmap frame = cache.frame("m", sourceMs, 36);
    QVERIFY(!frame.isNull());
    QCOMPARE(frame.height(), 36);
    QCOMPARE(frame.width(), 64);
    QCOMPARE(frame.toImage().pixelColor(10, 10), expected);
}

void TstTimelineMedia::posterOnlyAsFallback()
{
    TimelineMediaCache cache;
    QVERIFY(cache.frame("m", 0, 36).isNull());
    QVERIFY(cache.poster("m").isNull());
    QSignalSpy changed(&cache, &TimelineMediaCache::changed);
    cache.addThumbnailImage("m", TimelineMediaCache::kPosterMs, solid(Qt::black));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(cache.frame("m", 3000, 36).toImage().pixelColor(5, 5), QColor(Qt::black));
    cache.addThumbnailImage("m", 3000, solid(Qt::white)); // replaces the scaled cache entry
    QCOMPARE(cache.frame("m", 0, 36).toImage().pixelColor(5, 5), QColor(Qt::white));
    QCOMPARE(cache.poster("m").pixelColor(5, 5), QColor(Qt::black));
    QVERIFY(qAbs(cache.frameAspect("m") - 16.0 / 9.0) < 0.01);
}

void TstTimelineMedia::peakBetween_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<float>("expected");
    QTest::newRow("loud half") << qint64(0) << qint64(400) << 0.8f;
    QTest::newRow("quiet half") << qint64(520) << qint64(980) << 0.01f;
    QTest::newRow("across both") << qint64(400) << qint64(700) << 0.8f;
    QTest::newRow("one peak wide") << qint64(600) << qint64(600) << 0.01f;
    QTest::newRow("before the start") << qint64(-900) << qint64(-100) << 0.8f;
    QTest::newRow("past the end") << qint64(99000) << qint64(99999) << 0.01f;
    QTest::newRow("everything") << qint64(0) << qint64(4000) << 0.8f;
}

void TstTimelineMedia::peakBetween()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(float, expected);
    const TimelineMediaCache::Waveform wave{50, pulses()};
    QCOMPARE(wave.peakBetween(from, to), expected);
    QCOMPARE(TimelineMediaCache::Waveform{}.peakBetween(from, to), 0.f);
}

void TstTimelineMedia::displayLevel_data()
{
    QTest::addColumn<double>("peak");
    QTest::addColumn<double>("level");
    QTest::newRow("silence") << 0.0 << 0.0;
    QTest::newRow("negative") << -1.0 << 0.0;
    QTest::newRow("below the floor") << 0.001 << 0.0;
    QTest::newRow("-18 dBFS") << 0.125 << 36.0 / 54.0;
    QTest::newRow("-6 dBFS") << 0.5 << 48.0 / 54.0;
    QTest::newRow("full scale") << 1.0 << 1.0;
    QTest::newRow("over") << 3.0 << 1.0;
}

void TstTimelineMedia::displayLevel()
{
    QFETCH(double, peak);
    QFETCH(double, level);
    QVERIFY2(qAbs(TimelineMediaCache::Waveform::displayLevel(peak) - level) < 0.01,
             qPrintable(QString::number(TimelineMediaCache::Waveform::displayLevel(peak))));
}

void TstTimelineMedia::frameTimes_data()
{
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<QList<qint64>>("times");
    QTest::newRow("none") << qint64(0) << QList<qint64>{};
    QTest::newRow("short") << qint64(1000) << QList<qint64>{500};
    QTest::newRow("3 s") << qint64(3000) << QList<qint64>{750, 2250};
    QTest::newRow("long: at most 8")
        << qint64(800000)
        << QList<qint64>{50000, 150000, 250000, 350000, 450000, 550000, 650000, 750000};
}

void TstTimelineMedia::frameTimes()
{
    QFETCH(qint64, duration);
    QFETCH(QList<qint64>, times);
    QCOMPARE(TimelineMediaCache::frameTimes(duration), times);
}

void TstTimelineMedia::paintsThumbnailsAndWaveforms()
{
    TimelineView view;
    view.resize(900, 220);
    view.setDraft(twoTracks(1.0));
    const QImage plain = view.grab().toImage();
    TimelineMediaCache cache;
    view.setMediaCache(&cache);
    QCOMPARE(view.mediaCache(), &cache);
    QCOMPARE(view.grab().toImage(), plain); // nothing known yet: nothing drawn
    cache.addThumbnailImage("mv", 1000, gradient());
    cache.addWaveform("mv", 50, pulses());
    cache.addWaveform("ma", 50, pulses());
    cache.addThumbnailImage("other", 0, gradient());
    const QImage painted = view.grab().toImage();
    QDir().mkpath(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QVERIFY(painted.save(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots/timeline-media.png")));

    const TimelineLayout lay = view.layout();
    const QRect video = lay.segmentRect(0, 0).toRect().adjusted(2, 2, -2, -2);
    const QRect narrow = lay.segmentRect(0, 1).toRect();
    const QRect audio = lay.segmentRect(1, 0).toRect().adjusted(2, 2, -2, -2);
    const QRect text = lay.segmentRect(2, 0).toRect();
    QVERIFY2(distinctColours(painted, video) > 3 * distinctColours(plain, video),
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(distinctColours(painted, video))
                            .arg(distinctColours(plain, video))));
    QVERIFY(differing(painted, plain, audio) > audio.width() * audio.height() / 5);
    QCOMPARE(differing(painted, plain, narrow), 0);
    QCOMPARE(differing(painted, plain, text), 0);
}

void TstTimelineMedia::volumeScalesTheWaveform()
{
    TimelineMediaCache cache;
    cache.addWaveform("ma", 50, pulses());
    auto inked = [&](double volume) {
        TimelineView view;
        view.resize(900, 220);
        view.setDraft(twoTracks(volume));
        const QImage plain = view.grab().toImage();
        view.setMediaCache(&cache);
        return differing(view.grab().toImage(), plain,
                         view.layout().segmentRect(1, 0).toRect().adjusted(2, 2, -2, -2));
    };
    const int full = inked(1.0);
    const int ducked = inked(0.1);
    const int muted = inked(0.0);
    QVERIFY2(full > ducked && ducked > muted,
             qPrintable(QStringLiteral("%1 %2 %3").arg(full).arg(ducked).arg(muted)));
    QCOMPARE(muted, 0);
}

QTEST_MAIN(TstTimelineMedia)
#include "tst_timelinemedia.moc"
