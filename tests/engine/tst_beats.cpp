// Beats (media/BeatDetect.h) and the montage cut to them (edit/Montage.h). The detection runs
// on click tracks that ffmpeg's aevalsrc makes at a known tempo (100 and 128 BPM, a decaying
// 1 kHz burst on every beat, the first beat not at 0, encoded to AAC like an upload) and on the
// engine's own lo-fi music bed (generate/MusicBed.h: 2.4-s bars of 4 plucked beats, 100 BPM):
// the tempo must be within 1 BPM and every beat within 40 ms of a true one, with no true beat
// missed. Silence and white noise must be refused. The pure parts are tabled: the grid fit on
// tracked beats with skips and jitter, filling, downbeats, pulse clarity, the beat shares, the
// loudest window and the montage plan's invariants (every cut a beat, whole beats of 2-8,
// clips in order, each clip's parts in order and inside it).
#include "edit/Montage.h"
#include "generate/MusicBed.h"
#include "media/BeatDetect.h"

#include "DraftBuilder.h"
#include "TestMedia.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace cw;
using namespace cw::engine;

Q_DECLARE_METATYPE(QList<double>)

namespace {

// A click on every beat from firstMs, at bpm, for seconds.
bool makeClicks(const QString& path, double bpm, double firstMs, double seconds, QString* error)
{
    const QString p = QString::number(60.0 / bpm, 'f', 6);
    const QString f = QString::number(firstMs / 1000.0, 'f', 3);
    const QString expr =
        QStringLiteral("0.8*sin(2*PI*1000*t)*gte(t\\,%2)*exp(-40*mod(t-%2+%1\\,%1))").arg(p, f);
    return test::runFfmpeg({"-f", "lavfi", "-i",
                            QStringLiteral("aevalsrc='%1':s=44100:d=%2").arg(expr).arg(seconds),
                            "-c:a", "aac", "-b:a", "128k", path},
                           error);
}

// The largest distance of each found beat from the true grid, and of each true beat (between
// the first and last found) from the found ones.
QPair<double, double> offGrid(const QList<qint64>& found, double periodMs, double firstMs)
{
    double worstFound = 0;
    for (const qint64 b : found) {
        const double k = std::round((double(b) - firstMs) / periodMs);
        worstFound = std::max(worstFound, std::fabs(double(b) - firstMs - k * periodMs));
    }
    double worstTrue = 0;
    for (double t = firstMs; !found.isEmpty() && t <= double(found.last()); t += periodMs) {
        double nearest = 1e9;
        for (const qint64 b : found)
            nearest = std::min(nearest, std::fabs(double(b) - t));
        worstTrue = std::max(worstTrue, nearest);
    }
    return {worstFound, worstTrue};
}

} // namespace

class TstBeats : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void fitGrid_data();
    void fitGrid();
    void filled();
    void downbeatPhase();
    void clarity();
    void shares_data();
    void shares();
    void loudest();
    void plan();
    void framed_data();
    void framed();
    void applyMontageDraft();
    void clickTracks_data();
    void clickTracks();
    void musicBed();
    void noBeat();
    void cacheJson();
};

void TstBeats::fitGrid_data()
{
    QTest::addColumn<QList<double>>("tracked");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("bpm");
    QTest::addColumn<double>("phase");
    // What aubio gave on a 100 BPM click track: every beat on the grid, many skipped.
    QTest::newRow("100 skipping") << QList<double>{1806.6, 2404.3, 3004.0, 4192.3,  4803.4,
                                                   6000.1, 7798.3, 9590.5, 11390.0, 12000.6}
                                  << true << 100.0 << 1800.0;
    QTest::newRow("128 jitter") << QList<double>{1879.9, 2343.9, 3284.3, 4689.3,
                                                 6092.0, 7031.0, 7502.0, 9374.0}
                                << true << 128.0 << 1875.0;
    // 64 BPM is below the range: the same beats are 128.
    QTest::newRow("128 every other")
        << QList<double>{937.5, 1875.0, 2812.5, 3750.0, 4687.5} << true << 128.0 << 937.5;
    // Two strays (the tracker lost the pulse): left out of the line.
    QTest::newRow("strays") << QList<double>{600,  1200, 1800, 2100, 2400, 3000,
                                             3600, 4260, 4800, 5400, 6000}
                            << true << 100.0 << 600.0;
    QTest::newRow("too few") << QList<double>{500, 1000, 1500} << false << 0.0 << 0.0;
    QTest::newRow("irregular") << QList<double>{500, 1130, 1530, 2390, 2700, 3610, 3900, 4820}
                               << false << 0.0 << 0.0;
}

void TstBeats::fitGrid()
{
    QFETCH(QList<double>, tracked);
    QFETCH(bool, ok);
    QFETCH(double, bpm);
    QFETCH(double, phase);
    const beats::Grid g = beats::fitGrid(tracked);
    QCOMPARE(g.ok, ok);
    if (!ok)
        return;
    QVERIFY2(std::fabs(60000.0 / g.periodMs - bpm) < 0.5, qPrintable(QString::number(g.periodMs)));
    const QList<qint64> all = beats::gridBeats(g, 12500);
    const double first = std::fmod(phase, 60000.0 / bpm);
    QVERIFY2(std::fabs(double(all.first()) - first) <= 10,
             qPrintable(QString::number(all.first())));
    QVERIFY(std::fabs(double(all.last() - all.first()) / (all.size() - 1) - g.periodMs) < 1);
}

void TstBeats::filled()
{
    // A rubato song: gaps of two and three beats are filled, the start and end extended.
    const QList<qint64> f = beats::filledBeats({1000, 1500, 2500, 3000, 4600, 5100}, 6000);
    const QList<qint64> want{0, 500, 1000, 1500, 2000, 2500, 3000, 3533, 4067, 4600, 5100, 5600};
    QCOMPARE(f, want);
    QVERIFY(beats::filledBeats({1000}, 6000).isEmpty());
}

void TstBeats::downbeatPhase()
{
    const QList<qint64> b{0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500};
    QList<double> s{1, 1, 3, 1, 1, 1, 3, 1, 1, 1};
    QCOMPARE(beats::downbeats(b, s), (QList<qint64>{1000, 3000}));
    QCOMPARE(beats::downbeats(b, {}), (QList<qint64>{0, 2000, 4000}));
}

void TstBeats::clarity()
{
    QVector<float> onsets(400, 0.f);
    QList<qint64> on;
    for (int i = 10; i < 400; i += 50) {
        onsets[i] = 20.f;
        on << qint64(i * 10);
    }
    QVERIFY(beats::pulseClarity(onsets, 10, on) > 5);
    QList<qint64> off;
    for (const qint64 b : on)
        off << b + 250;
    QVERIFY(beats::pulseClarity(onsets, 10, off) < 0.5);
    QVector<float> flat(400, 3.f);
    QVERIFY(std::fabs(beats::pulseClarity(flat, 10, on) - 1.0) < 1e-6);
    QCOMPARE(beats::pulseClarity({}, 10, on), 0.0);
}

void TstBeats::shares_data()
{
    QTest::addColumn<QList<qint64>>("lengths");
    QTest::addColumn<int>("total");
    QTest::addColumn<QList<int>>("want");
    // 600-ms beats: capacity floor(len / 601).
    QTest::newRow("proportional") << QList<qint64>{12000, 6000, 6000} << 20 << QList<int>{10, 5, 5};
    QTest::newRow("capped by footage") << QList<qint64>{3000, 30000} << 40 << QList<int>{4, 36};
    QTest::newRow("short clip skipped") << QList<qint64>{1000, 9000} << 10 << QList<int>{0, 10};
    QTest::newRow("few beats") << QList<qint64>{9000, 9000, 9000} << 5 << QList<int>{3, 2, 0};
    QTest::newRow("not enough") << QList<qint64>{2400, 2400} << 20 << QList<int>{3, 3};
}

void TstBeats::shares()
{
    QFETCH(QList<qint64>, lengths);
    QFETCH(int, total);
    QFETCH(QList<int>, want);
    QCOMPARE(shareBeats(lengths, 600, total), want);
}

void TstBeats::loudest()
{
    MontageSource s;
    s.levelsDb = QVector<float>(1000, -50.f); // 10 s
    for (int i = 420; i < 560; ++i)
        s.levelsDb[i] = -10.f; // loud 4.2-5.6 s
    QCOMPARE(loudestStart(s, 0, 8000, 1000), qint64(4200));
    QCOMPARE(loudestStart(s, 0, 3500, 1000), qint64(3500));    // as close as the range allows
    QCOMPARE(loudestStart(s, 6000, 8000, 1000), qint64(6000)); // all equal: the earliest
    s.levelsDb.clear();
    QCOMPARE(loudestStart(s, 700, 8000, 1000), qint64(700));
}

void TstBeats::plan()
{
    QList<qint64> grid;
    for (int k = 0; k <= 200; ++k)
        grid << qint64(std::llround(k * 468.75)); // 128 BPM
    QList<MontageSource> src(3);
    const qint64 lengths[] = {20000, 9000, 14000};
    for (int i = 0; i < 3; ++i) {
        src[i].src = QStringLiteral("m%1").arg(i);
        src[i].inMs = 1000 * i;
        src[i].lengthMs = lengths[i];
        src[i].levelsDb = QVector<float>(int((src[i].inMs + lengths[i]) / 10) + 10, -40.f);
    }
    for (int i = 1400; i < 1500; ++i)
        src[0].levelsDb[i] = -5.f; // a loud second at 14-15 s in clip 0
    const QList<MontagePart> parts = planMontage(src, grid, 30000);
    QVERIFY(!parts.isEmpty());
    int beat = 0;
    int clip = 0;
    qint64 prevEnd = -1;
    bool loudTaken = false;
    for (const MontagePart& p : parts) {
        QCOMPARE(p.firstBeat, beat); // back to back, so every cut is a beat
        QVERIFY2(p.beats >= kMontageMinBeats && p.beats <= kMontageMaxBeats,
                 qPrintable(QString::number(p.beats)));
        QVERIFY(p.source >= clip);
        if (p.source != clip)
            prevEnd = -1;
        clip = p.source;
        const qint64 d = grid[p.firstBeat + p.beats] - grid[p.firstBeat];
        QVERIFY(p.inMs >= src[clip].inMs && p.inMs + d <= src[clip].inMs + src[clip].lengthMs);
        QVERIFY(p.inMs >= prevEnd);
        prevEnd = p.inMs + d;
        loudTaken = loudTaken || (clip == 0 && p.inMs <= 14000 && p.inMs + d >= 15000);
        beat += p.beats;
    }
    QCOMPARE(parts.last().source, 2);
    QVERIFY(grid[beat] <= 30000 && grid[beat] > 30000 - 469);
    QVERIFY(loudTaken);
    // Not enough beats in the song, or footage too short for two beats.
    QVERIFY(planMontage(src, {0, 500}, 30000).isEmpty());
    src[0].lengthMs = src[1].lengthMs = src[2].lengthMs = 800;
    QVERIFY(planMontage(src, grid, 30000).isEmpty());
}

void TstBeats::framed_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<double>("fps");
    QTest::addColumn<qint64>("want");
    QTest::newRow("30 fps, 14 frames") << qint64(0) << qint64(469) << 30.0 << qint64(466);
    QTest::newRow("30 fps, next") << qint64(469) << qint64(938) << 30.0 << qint64(466);
    QTest::newRow("30 fps, 15 frames") << qint64(938) << qint64(1422) << 30.0 << qint64(500);
    QTest::newRow("25 fps exact") << qint64(0) << qint64(2400) << 25.0 << qint64(2400);
    QTest::newRow("29.97") << qint64(0) << qint64(1000) << 29.97 << qint64(1001);
    QTest::newRow("no rate") << qint64(80) << qint64(549) << 0.0 << qint64(469);
}

void TstBeats::framed()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(double, fps);
    QFETCH(qint64, want);
    QCOMPARE(framedLength(from, to, fps), want);
    // The renderer's frame count (every frame starting inside the part) is the frames between
    // the two beats moved to the nearest frames.
    if (fps > 0)
        QCOMPARE(
            qint64(std::ceil(double(want) * fps / 1000 - 1e-9)),
            qint64(std::round(double(to) * fps / 1000) - std::round(double(from) * fps / 1000)));
}

void TstBeats::applyMontageDraft()
{
    using test::seg;
    const Draft d = test::draftOf(
        {test::track("v1", int(TrackType::Video), "Video",
                     {seg("a", "m0", 0, 0, 6000), seg("b", "m1", 6000, 0, 6000)}),
         test::track("a1", int(TrackType::Audio), "Audio", {seg("c", "song", 0, 0, 20000)}),
         test::track("x1", int(TrackType::Text), "Titles",
                     {seg("t", "", 0, 0, 30000, {{"text", "Hi"}, {"style", "title"}})})});
    QList<MontageSource> src(2);
    src[0].src = "m0";
    src[1].src = "m1";
    src[0].lengthMs = src[1].lengthMs = 6000;
    const QList<qint64> grid{0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000};
    const QList<MontagePart> parts = planMontage(src, grid, 60000);
    MontageMusic music;
    music.media.id = "song";
    music.media.fileName = "song.m4a";
    music.inMs = 250;
    const EditResult r = applyMontage(d, src, grid, parts, music);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.draft.t.size(), 3); // video, titles, music (the song's upload track is gone)
    const Track& v = r.draft.t[0];
    for (int i = 0; i < v.sg.size(); ++i) {
        QVERIFY(grid.contains(v.sg[i].st));
        QVERIFY(grid.contains(v.sg[i].end()));
        QCOMPARE(v.sg[i].m.value("vol").toDouble(-1), 0.0);
    }
    QCOMPARE(v.sg.last().end(), 5000);
    const Track& m = r.draft.t.last();
    QCOMPARE(m.n, QStringLiteral("Music"));
    QCOMPARE(m.sg.size(), 1);
    QCOMPARE(m.sg[0].in, 250);
    QCOMPARE(m.sg[0].d, 5000);
    QCOMPARE(r.draft.t[1].sg[0].end(), 5000); // the title is clipped to the montage
    QCOMPARE(r.draft.d, 5000);
    QCOMPARE(r.details.value("cuts").toArray().size(), v.sg.size() - 1);
    QVERIFY(!applyMontage(d, src, grid, {}, music).ok);
}

void TstBeats::clickTracks_data()
{
    QTest::addColumn<double>("bpm");
    QTest::addColumn<double>("firstMs");
    QTest::newRow("100 BPM") << 100.0 << 250.0;
    QTest::newRow("128 BPM") << 128.0 << 80.0;
}

void TstBeats::clickTracks()
{
    QFETCH(double, bpm);
    QFETCH(double, firstMs);
    const QString path = m_dir.filePath(QStringLiteral("click%1.m4a").arg(bpm));
    QString error;
    QVERIFY2(makeClicks(path, bpm, firstMs, 30, &error), qPrintable(error));
    double progress = -1;
    const BeatAnalysis a = detectBeats(path, 30000, [&](double p) { progress = p; });
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(progress, 1.0);
    QVERIFY2(std::fabs(a.bpm - bpm) <= 1.0, qPrintable(QString::number(a.bpm)));
    const auto [found, missed] = offGrid(a.beats, 60000.0 / bpm, firstMs);
    qInfo("%.0f BPM: found %.3f BPM, %d beats, clarity %.1f, worst %.1f ms off, %.1f ms missed",
          bpm, a.bpm, int(a.beats.size()), a.clarity, found, missed);
    QVERIFY2(found <= 40, qPrintable(QString::number(found)));
    QVERIFY2(missed <= 40, qPrintable(QString::number(missed)));
    QVERIFY(a.beats.first() <= firstMs + 40); // from the first beat, not after the warm-up
    QVERIFY(a.beats.last() >= 30000 - 60000.0 / bpm - 40);
    QCOMPARE(a.downbeats.size(), (a.beats.size() + 3 - a.beats.indexOf(a.downbeats.first())) / 4);
}

void TstBeats::musicBed()
{
    // lo-fi: 4 plucks a 2.4-s bar (100 BPM). upbeat: 8 plucks a 1.6-s bar, 300 a minute: the
    // beat is every other pluck (150 BPM), either of the two.
    struct Bed {
        const char* mood;
        double bpm;
        double pluckMs;
    };
    for (const Bed& b : {Bed{"lofi", 100, 600}, Bed{"upbeat", 150, 200}}) {
        const QString path = m_dir.filePath(QStringLiteral("%1.m4a").arg(b.mood));
        QString error;
        QVERIFY2(generateMusicBed(path, QString::fromLatin1(b.mood), 40000, &error),
                 qPrintable(error));
        const BeatAnalysis a = detectBeats(path, 40000);
        QVERIFY2(a.ok, qPrintable(a.error));
        const double period = 60000.0 / b.bpm;
        const auto [found, unused] = offGrid(a.beats, b.pluckMs, 0);
        const auto [onBeat, missed] = offGrid(a.beats, period, double(a.beats.first()));
        qInfo("%s bed: %.3f BPM, clarity %.1f, worst %.1f ms off a pluck, %.1f ms missed", b.mood,
              a.bpm, a.clarity, found, missed);
        QVERIFY2(std::fabs(a.bpm - b.bpm) <= 1.0, qPrintable(QString::number(a.bpm)));
        QVERIFY(found <= 40 && missed <= 40 && onBeat <= 40);
        QVERIFY(a.beats.first() < period);
    }
}

void TstBeats::noBeat()
{
    QString error;
    const QString silence = m_dir.filePath(QStringLiteral("silence.m4a"));
    const QString noise = m_dir.filePath(QStringLiteral("noise.m4a"));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono", "-t", "20", "-c:a",
                              "aac", silence},
                             &error),
             qPrintable(error));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "anoisesrc=d=20:c=white:a=0.3:r=44100", "-c:a",
                              "aac", noise},
                             &error),
             qPrintable(error));
    for (const QString& path : {silence, noise}) {
        const BeatAnalysis a = detectBeats(path, 20000);
        QVERIFY2(
            !a.ok,
            qPrintable(path + QStringLiteral(": %1 BPM, clarity %2").arg(a.bpm).arg(a.clarity)));
        QVERIFY2(a.error.contains(QStringLiteral("no steady beat")), qPrintable(a.error));
    }
    const BeatAnalysis missing = detectBeats(m_dir.filePath("nothing.m4a"), 0);
    QVERIFY(!missing.ok && missing.error.contains(QStringLiteral("cannot be read")));
}

void TstBeats::cacheJson()
{
    BeatAnalysis a;
    a.ok = true;
    a.bpm = 128.004;
    a.steady = true;
    a.durationMs = 30000;
    a.beats = {80, 549, 1018};
    a.downbeats = {80};
    const BeatAnalysis b = BeatAnalysis::fromJson(a.toJson());
    QVERIFY(b.ok);
    QCOMPARE(b.beats, a.beats);
    QCOMPARE(b.downbeats, a.downbeats);
    QCOMPARE(b.bpm, a.bpm);
    QVERIFY(!BeatAnalysis::fromJson("{\"v\":0,\"beats\":[1]}").ok);
    QVERIFY(!BeatAnalysis::fromJson("garbage").ok);
}

QTEST_GUILESS_MAIN(TstBeats)
#include "tst_beats.moc"
