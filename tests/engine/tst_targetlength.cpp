// cutToLength on hand-built drafts and synthetic loudness envelopes with known pauses, quiet
// talk and loud stretches. The exact table pins where the cuts land (pauses first, longest
// first, then the quietest stretch); the property table checks, for every mode and for
// media with and without analysis, that the result lands within 0.5 s under the target,
// keeps the order of the material, never drops a clip (except in best mode), and that the
// details add up. The error table checks that a failure returns nothing and changes nothing.
#include "DraftBuilder.h"
#include "edit/TargetLength.h"

#include "ApiError.h"

#include <QtTest>

using namespace cw;
using namespace cw::engine;

using Analyses = QHash<QString, AudioAnalysis>;
Q_DECLARE_METATYPE(cw::Draft)
Q_DECLARE_METATYPE(Analyses)

namespace {

using cw::test::draftOf;
using cw::test::seg;
using cw::test::track;

// Levels from runs of (dB, milliseconds); 10 ms windows, noise floor -60, speech -20, so
// the adaptive threshold is -46 dB: -40 is quiet talk, not a pause.
AudioAnalysis envelope(std::initializer_list<std::pair<float, int>> runs)
{
    AudioAnalysis a;
    a.ok = true;
    for (const auto& [db, ms] : runs)
        for (int i = 0; i < ms / 10; ++i)
            a.levelsDb << db;
    a.durationMs = a.levelsDb.size() * 10;
    a.noiseFloorDb = -60;
    a.speechLevelDb = -20;
    return a;
}

// 20 s: speech 0-4, pause 4-6, speech 6-10, pause 10-11, speech 11-15, quiet talk 15-18,
// speech 18-20. With 150 ms margins the pauses cut [4150, 5850) and [10150, 10850).
AudioAnalysis talk()
{
    return envelope({{-20, 4000},
                     {-60, 2000},
                     {-20, 4000},
                     {-60, 1000},
                     {-20, 4000},
                     {-40, 3000},
                     {-20, 2000}});
}

// 30 s of soft talk with short breaths, and a loud, dense stretch at 12-18 s.
AudioAnalysis loudMiddle()
{
    return envelope({{-32, 5800},
                     {-60, 200},
                     {-32, 5800},
                     {-60, 200},
                     {-10, 6000},
                     {-60, 200},
                     {-32, 5800},
                     {-60, 200},
                     {-32, 5800}});
}

Draft oneClip(qint64 d, const QString& src = "m1")
{
    return draftOf({track("v1", 0, "Video", {seg("s1", src, 0, 0, d)})});
}

Draft threeClips()
{
    return draftOf({track("v1", 0, "Video",
                          {seg("a", "m1", 0, 0, 4000), seg("b", "m2", 4000, 0, 4000),
                           seg("c", "m3", 8000, 0, 4000)})});
}

QString layout(const Draft& d)
{
    QStringList tracks;
    for (const Track& t : d.t) {
        QStringList segs;
        for (const Segment& s : t.sg)
            segs << QStringLiteral("%1:%2+%3@%4").arg(s.id).arg(s.st).arg(s.d).arg(s.in);
        tracks << t.n + QStringLiteral("[") + segs.join(QLatin1Char(',')) + QStringLiteral("]");
    }
    return tracks.join(QLatin1Char(' '));
}

QString intervals(const QList<Interval>& list)
{
    QStringList out;
    for (const Interval& iv : list)
        out << QStringLiteral("%1-%2").arg(iv.startMs).arg(iv.endMs);
    return out.join(QLatin1Char(','));
}

// Where a piece of the result came from on the input's timeline: the first input clip, from
// `from` on, of the same source whose source range holds the piece's in-point (searching
// forwards, since the result must keep the input's order).
qint64 originOf(const Track& input, const Segment& piece, int from, int* clip)
{
    for (int i = std::max(0, from); i < input.sg.size(); ++i) {
        const Segment& s = input.sg[i];
        const double speed = s.m.value("speed").toDouble(1.0);
        // Pieces keep their clip's id before an "_n" suffix (one source may be in two clips).
        if (s.src == piece.src && piece.id.section('_', 0, 0) == s.id && piece.in >= s.in &&
            piece.in < s.in + qRound64(s.d * speed)) {
            *clip = i;
            return s.st + qRound64((piece.in - s.in) / speed);
        }
    }
    *clip = -1;
    return -1;
}

} // namespace

class TstTargetLength : public QObject {
    Q_OBJECT

private slots:
    void exact_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<Analyses>("analyses");
        QTest::addColumn<qint64>("target");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("stretches");
        QTest::addColumn<int>("pauses");
        QTest::addColumn<QString>("method");

        const Analyses a{{"m1", talk()}};
        QTest::newRow("1 s: the middle of the longest pause")
            << oneClip(20000) << a << qint64(19000) << "Video[s1:0+4500@0,s1_1:4500+14500@5500]"
            << "" << 1 << "pauses";
        QTest::newRow("2.4 s: both pauses, margins kept")
            << oneClip(20000) << a << qint64(17600)
            << "Video[s1:0+4150@0,s1_2:4150+4300@5850,s1_1:8450+9150@10850]"
            << "" << 2 << "pauses";
        QTest::newRow("5 s: both pauses, then the quiet talk")
            << oneClip(20000) << a << qint64(15000)
            << "Video[s1:0+4150@0,s1_3:4150+4300@5850,s1_2:8450+4150@10850,"
               "s1_1:12600+2400@17600]"
            << "15000-17600" << 2 << "pauses+quiet";
        QTest::newRow("no analysis: three stretches evenly spread")
            << oneClip(60000) << Analyses{} << qint64(45000)
            << "Video[s1:0+7500@0,s1_3:7500+15000@12500,s1_2:22500+15000@32500,"
               "s1_1:37500+7500@52500]"
            << "7500-12500,27500-32500,47500-52500" << 0 << "pauses+quiet";
        QTest::newRow("no analysis, three clips: the head of the middle clip, no sliver left")
            << threeClips() << Analyses{} << qint64(9000)
            << "Video[a:0+4000@0,b:4000+1000@3000,c:5000+4000@0]"
            << "4000-7000" << 0 << "pauses+quiet";
        QTest::newRow("best: the loud stretch is what stays")
            << oneClip(30000) << Analyses{{"m1", loudMiddle()}} << qint64(6000)
            << "Video[s1:0+6000@12000]"
            << "0-12000,18000-30000" << 0 << "best";
    }

    void exact()
    {
        QFETCH(Draft, draft);
        QFETCH(Analyses, analyses);
        QFETCH(qint64, target);
        QFETCH(QString, expected);
        QFETCH(QString, stretches);
        QFETCH(int, pauses);
        QFETCH(QString, method);
        const Draft before = draft;
        const LengthResult r =
            cutToLength(draft, analyses, {target, method == QLatin1String("best"), 150, {}});
        QVERIFY2(r.edit.ok, qPrintable(r.edit.error));
        QCOMPARE(draft, before);
        QCOMPARE(layout(r.edit.draft), expected);
        QCOMPARE(intervals(r.removedStretches), stretches);
        QCOMPARE(r.pausesRemoved, pauses);
        QCOMPARE(r.edit.details.value("method").toString(), method);
        QCOMPARE(r.edit.details.value("pauses_removed").toInt(), pauses);
        QCOMPARE(r.edit.details.value("stretches").toInt(), int(r.removedStretches.size()));
        QCOMPARE(r.edit.details.value("duration_ms").toInteger(), target);
        QCOMPARE(r.edit.details.value("removed_ms").toInteger(), before.d - target);
        QCOMPARE(r.edit.draft.d, target);
    }

    // Silences go before any speech: with 5 s to lose and 2.4 s of pause, every pause goes
    // whole and the one stretch lies inside the quiet talk; no loud window is removed.
    void silencesBeforeSpeech()
    {
        const AudioAnalysis a = talk();
        const LengthResult r = cutToLength(oneClip(20000), {{"m1", a}}, {15000, false, 150, {}});
        QVERIFY2(r.edit.ok, qPrintable(r.edit.error));
        QCOMPARE(r.pausesMs, 2400);
        QCOMPARE(r.edit.details.value("pauses_ms").toInteger(), 2400);
        QCOMPARE(r.method, "removed pauses and quiet stretches");
        // Source time that survived vs the envelope: all speech at -20 dB is still there.
        QVector<bool> kept(a.levelsDb.size(), false);
        for (const Segment& s : r.edit.draft.t[0].sg)
            for (qint64 t = s.in; t < s.in + s.d; t += 10)
                kept[int(t / 10)] = true;
        for (int i = 0; i < a.levelsDb.size(); ++i)
            if (a.levelsDb[i] > -30)
                QVERIFY2(kept[i], qPrintable(QStringLiteral("speech at %1 ms cut").arg(i * 10)));
        for (qint64 t = 4150; t < 5850; t += 10)
            QVERIFY(!kept[int(t / 10)]);
    }

    // Text and music follow the cuts like removeRange: a title inside the removed quiet talk
    // keeps only what is outside it, the music bed is clipped to the new end.
    void spansFollow()
    {
        Draft d = oneClip(20000);
        d.t << track("x1", 7, "Titles", {seg("t", "", 16000, 0, 3000, {{"text", "Hi"}})})
            << track("a1", 1, "Music", {seg("bg", "m9", 0, 0, 20000, {{"role", "music"}})});
        d.d = d.computedDuration();
        const LengthResult r = cutToLength(d, {{"m1", talk()}}, {15000, false, 150, {}});
        QVERIFY2(r.edit.ok, qPrintable(r.edit.error));
        QCOMPARE(layout(r.edit.draft).section(' ', 1),
                 "Titles[t:12600+1400@0] Music[bg:0+15000@0]");
    }

    void best()
    {
        const LengthResult r =
            cutToLength(oneClip(30000), {{"m1", loudMiddle()}}, {7000, true, 150, {}});
        QVERIFY2(r.edit.ok, qPrintable(r.edit.error));
        QCOMPARE(r.method, "kept the liveliest stretches");
        const qint64 len = r.edit.draft.computedDuration();
        QVERIFY2(len <= 7000 && len > 6500, qPrintable(QString::number(len)));
        // The whole loud stretch [12000, 18000) of the source is kept.
        qint64 loud = 0;
        for (const Segment& s : r.edit.draft.t[0].sg)
            loud += std::max<qint64>(0, std::min(s.in + s.d, qint64(18000)) -
                                            std::max(s.in, qint64(12000)));
        QCOMPARE(loud, 6000);
    }

    // The picture's activity decides between equally lively sound: with the same soft talk
    // throughout, the 6 s that move most are kept; against a much louder stretch the sound
    // still wins (activity adds at most 9 dB), and footage that does not move at all (a
    // reference of 0) changes nothing.
    void bestMoves()
    {
        const AudioAnalysis even = envelope({{-32, 5800},
                                             {-60, 200},
                                             {-32, 5800},
                                             {-60, 200},
                                             {-32, 6000},
                                             {-60, 200},
                                             {-32, 5800},
                                             {-60, 200},
                                             {-32, 5800}});
        QList<float> motion(30, 0.4f);
        for (int sec = 18; sec < 24; ++sec)
            motion[sec] = 6.0f;
        const auto keptOf = [](const LengthResult& r, qint64 from, qint64 to) {
            qint64 n = 0;
            for (const Segment& s : r.edit.draft.t[0].sg)
                n += std::max<qint64>(0, std::min(s.in + s.d, to) - std::max(s.in, from));
            return n;
        };
        LengthResult r =
            cutToLength(oneClip(30000), {{"m1", even}}, {6000, true, 150, {{"m1", motion}}});
        QVERIFY2(r.edit.ok, qPrintable(r.edit.error));
        QVERIFY2(keptOf(r, 18200, 24000) >= 5500, qPrintable(layout(r.edit.draft)));
        // Without the activity the same request keeps something else.
        r = cutToLength(oneClip(30000), {{"m1", even}}, {6000, true, 150, {}});
        QVERIFY2(keptOf(r, 18200, 24000) < 3000, qPrintable(layout(r.edit.draft)));
        r = cutToLength(oneClip(30000), {{"m1", even}},
                        {6000, true, 150, {{"m1", QList<float>(30, 0.0f)}}});
        QVERIFY2(keptOf(r, 18200, 24000) < 3000, qPrintable(layout(r.edit.draft)));
        r = cutToLength(oneClip(30000), {{"m1", loudMiddle()}},
                        {6000, true, 150, {{"m1", motion}}});
        QCOMPARE(keptOf(r, 12000, 18000), 6000);
    }

    void properties_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<Analyses>("analyses");
        QTest::addColumn<qint64>("target");
        QTest::addColumn<bool>("best");

        const Analyses both{{"m1", talk()}, {"m2", loudMiddle()}};
        Draft mixed =
            draftOf({track("v1", 0, "Video",
                           {seg("a", "m1", 0, 0, 20000), seg("b", "m2", 20000, 0, 30000),
                            seg("c", "m3", 50000, 0, 8000), seg("d", "m1", 58000, 2000, 1500)})});
        for (qint64 target : {55000, 45000, 30000, 20000, 9000})
            QTest::newRow(qPrintable(QStringLiteral("mixed to %1").arg(target)))
                << mixed << both << target << false;
        for (qint64 target : {1000, 4500, 30000, 57900})
            QTest::newRow(qPrintable(QStringLiteral("mixed best %1").arg(target)))
                << mixed << both << target << true;
        for (qint64 target : {6000, 5000, 3100})
            QTest::newRow(qPrintable(QStringLiteral("three clips, no analysis, to %1").arg(target)))
                << threeClips() << Analyses{} << target << false;
        Draft speeded = oneClip(10000);
        speeded.t[0].sg[0].m.insert("speed", 2.0);
        QTest::newRow("a 2x clip") << speeded << Analyses{{"m1", talk()}} << qint64(7000) << false;
        QTest::newRow("odd margin remainder")
            << oneClip(20000) << Analyses{{"m1", talk()}} << qint64(17300) << false;
        QTest::newRow("sub-second rest after the pauses")
            << oneClip(20000) << Analyses{{"m1", talk()}} << qint64(17000) << false;
    }

    void properties()
    {
        QFETCH(Draft, draft);
        QFETCH(Analyses, analyses);
        QFETCH(qint64, target);
        QFETCH(bool, best);
        const Draft before = draft;
        const LengthResult r = cutToLength(draft, analyses, {target, best, 150, {}});
        QVERIFY2(r.edit.ok, qPrintable(r.edit.error));
        QCOMPARE(draft, before);
        const Draft& out = r.edit.draft;
        const qint64 len = out.computedDuration();
        const qint64 under = best ? std::max<qint64>(500, target / 10) : 500;
        QVERIFY2(len <= target && len > target - under,
                 qPrintable(QStringLiteral("%1 for %2").arg(len).arg(target)));
        QCOMPARE(r.edit.details.value("duration_ms").toInteger(), len);
        QCOMPARE(r.edit.details.value("removed_ms").toInteger(), before.d - len);
        QVERIFY2(out.validate().isEmpty(), qPrintable(out.validate().join(' ')));

        // Order kept, pieces back to back, and (unless best) every clip still there.
        const Track& in = before.t[0];
        QSet<int> clipsLeft;
        qint64 lastOrigin = -1;
        int lastClip = 0;
        qint64 cursor = 0;
        for (const Segment& s : out.t[0].sg) {
            int clip = -1;
            const qint64 origin = originOf(in, s, lastClip, &clip);
            QVERIFY2(clip >= 0, qPrintable(s.id));
            QVERIFY2(origin > lastOrigin, qPrintable(layout(out)));
            QCOMPARE(s.st, cursor);
            lastOrigin = origin;
            lastClip = clip;
            cursor = s.end();
            clipsLeft.insert(clip);
        }
        if (!best)
            QCOMPARE(clipsLeft.size(), in.sg.size());

        // Removed stretches: within the input, disjoint, never touching each other when the
        // spread allows (only checked where there is plenty of room).
        for (int i = 1; i < r.removedStretches.size(); ++i)
            QVERIFY(r.removedStretches[i].startMs >= r.removedStretches[i - 1].endMs);
        if (!best) {
            qint64 stretchMs = 0;
            for (const Interval& iv : r.removedStretches)
                stretchMs += iv.length();
            QCOMPARE(r.pausesMs + stretchMs, before.d - len);
        }
    }

    void alreadyShort()
    {
        const Draft d = oneClip(20000);
        for (qint64 target : {20000, 60000}) {
            const LengthResult r = cutToLength(d, {{"m1", talk()}}, {target, false, 150, {}});
            QVERIFY(r.edit.ok);
            QCOMPARE(r.edit.draft, d);
            QCOMPARE(r.edit.details.value("already_short").toBool(), true);
            QCOMPARE(r.edit.details.value("removed_ms").toInteger(), 0);
            QCOMPARE(r.edit.details.value("duration_ms").toInteger(), 20000);
            QVERIFY(r.removedStretches.isEmpty());
        }
    }

    void errors_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<qint64>("target");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("bestFails");
        QTest::newRow("under a second")
            << oneClip(20000) << qint64(900) << 4000 << "1 second" << true;
        QTest::newRow("zero") << oneClip(20000) << qint64(0) << 4000 << "1 second" << true;
        QTest::newRow("negative") << oneClip(20000) << qint64(-5000) << 4000 << "1 second" << true;
        QTest::newRow("absurd") << oneClip(20000) << qint64(1000LL * 3600 * 1000) << 4000
                                << "24 hours" << true;
        QTest::newRow("empty timeline") << Draft{} << qint64(5000) << 4009 << "empty" << true;
        QTest::newRow("only text")
            << draftOf({track("x1", 7, "Titles", {seg("t", "", 0, 0, 9000, {{"text", "x"}})})})
            << qint64(5000) << 4009 << "empty" << true;
        QTest::newRow("would drop whole clips")
            << threeClips() << qint64(2500) << 4000 << "0:03.0 at most" << false;
    }

    void errors()
    {
        QFETCH(Draft, draft);
        QFETCH(qint64, target);
        QFETCH(int, code);
        QFETCH(QString, reason);
        QFETCH(bool, bestFails);
        const Draft before = draft;
        for (bool best : {false, true}) {
            if (best && !bestFails)
                continue;
            const LengthResult r = cutToLength(draft, {{"m1", talk()}}, {target, best, 150, {}});
            QVERIFY(!r.edit.ok);
            QCOMPARE(r.edit.errorCode, code);
            QVERIFY2(r.edit.error.contains(reason), qPrintable(r.edit.error));
            QVERIFY(r.edit.draft.t.isEmpty());
            QVERIFY(r.removedStretches.isEmpty());
            QCOMPARE(r.pausesRemoved, 0);
            QCOMPARE(draft, before);
        }
        if (!bestFails) { // best mode may drop whole clips, so it reaches what this refuses
            const LengthResult r = cutToLength(draft, {}, {target, true, 150, {}});
            QVERIFY2(r.edit.ok, qPrintable(r.edit.error));
            QVERIFY(r.edit.draft.computedDuration() <= target);
        }
    }
};

QTEST_GUILESS_MAIN(TstTargetLength)
#include "tst_targetlength.moc"
