// cutPauses: table tests on hand-built envelopes (every rule in CutPauses.cpp's header), a
// randomised "never cuts sound" property check, and the quality bar on real espeak-ng
// clips whose true speech intervals the generator script measures.
#include "edit/CutPauses.h"

#include "TestMedia.h"
#include "media/MediaProbe.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

using Analyses = QHash<QString, AudioAnalysis>;
Q_DECLARE_METATYPE(cw::Draft)
Q_DECLARE_METATYPE(Analyses)

namespace {

// Levels from runs of (dB, windows of 10 ms).
AudioAnalysis envelope(std::initializer_list<std::pair<float, int>> runs)
{
    AudioAnalysis a;
    a.ok = true;
    for (const auto& [db, n] : runs)
        for (int i = 0; i < n; ++i)
            a.levelsDb << db;
    a.durationMs = a.levelsDb.size() * 10;
    a.noiseFloorDb = -60;
    a.speechLevelDb = -20;
    return a;
}

Segment seg(const QString& id, const QString& src, qint64 st, qint64 in, qint64 d)
{
    Segment s;
    s.id = id;
    s.src = src;
    s.st = st;
    s.in = in;
    s.d = d;
    return s;
}

Track track(const QString& id, int tt, const QList<Segment>& sg, const QString& name = {})
{
    Track t;
    t.id = id;
    t.tt = tt;
    t.n = name;
    t.sg = sg;
    return t;
}

Draft draftOf(const QList<Track>& tracks)
{
    Draft d;
    d.t = tracks;
    d.d = d.computedDuration();
    return d;
}

// "id:st/in/d id:st/in/d | ..." per track, for readable comparisons.
QString layout(const Draft& d)
{
    QStringList tracks;
    for (const Track& t : d.t) {
        QStringList segs;
        for (const Segment& s : t.sg)
            segs << QStringLiteral("%1:%2/%3/%4").arg(s.id).arg(s.st).arg(s.in).arg(s.d);
        tracks << segs.join(QLatin1Char(' '));
    }
    return tracks.join(QStringLiteral(" | "));
}

// speech 0-1000, pause 1000-2000, speech 2000-3000
AudioAnalysis onePause()
{
    return envelope({{-20, 100}, {-70, 100}, {-20, 100}});
}

} // namespace

class TstCutPauses : public QObject {
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<Analyses>("analyses");
        QTest::addColumn<qint64>("minPauseMs");
        QTest::addColumn<qint64>("marginMs");
        QTest::addColumn<double>("thresholdDb");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("pauses");
        QTest::addColumn<qint64>("removed");

        const Analyses one{{"m1", onePause()}};
        QTest::newRow("pause in the middle")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)})}) << one << qint64(500)
            << qint64(150) << -40.0 << "s1_1:0/0/1150 s1_2:1150/1850/1150" << 1 << qint64(700);
        QTest::newRow("adaptive threshold (-46 dB)")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)})}) << one << qint64(500)
            << qint64(150) << 0.0 << "s1_1:0/0/1150 s1_2:1150/1850/1150" << 1 << qint64(700);
        QTest::newRow("pause at the start keeps no leading margin")
            << draftOf({track("v1", 0, {seg("s1", "m", 0, 0, 3000)})})
            << Analyses{{"m", envelope({{-70, 100}, {-20, 200}})}} << qint64(500) << qint64(150)
            << -40.0 << "s1:0/850/2150" << 1 << qint64(850);
        QTest::newRow("pause at the end keeps no trailing margin")
            << draftOf({track("v1", 0, {seg("s1", "m", 500, 0, 3000)})})
            << Analyses{{"m", envelope({{-20, 200}, {-70, 100}})}} << qint64(500) << qint64(150)
            << -40.0 << "s1:500/0/2150" << 1 << qint64(850);
        QTest::newRow("segment starts inside the pause")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 1500, 1500)})}) << one << qint64(500)
            << qint64(150) << -40.0 << "s1:0/1850/1150" << 1 << qint64(350);
        QTest::newRow("clipped pause shorter than minimum")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 1600, 1400)})}) << one << qint64(500)
            << qint64(150) << -40.0 << "s1:0/1600/1400" << 0 << qint64(0);
        QTest::newRow("pause shorter than two margins")
            << draftOf({track("v1", 0, {seg("s1", "m", 0, 0, 1250)})})
            << Analyses{{"m", envelope({{-20, 50}, {-70, 25}, {-20, 50}})}} << qint64(100)
            << qint64(150) << -40.0 << "s1:0/0/1250" << 0 << qint64(0);
        QTest::newRow("pause below the minimum")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)})}) << one << qint64(1100)
            << qint64(150) << -40.0 << "s1:0/0/3000" << 0 << qint64(0);
        QTest::newRow("later segments shift, gaps kept")
            << draftOf({track("v1", 0,
                              {seg("s1", "m1", 0, 0, 3000), seg("s2", "m9", 3000, 0, 1000),
                               seg("s3", "m9", 5000, 0, 1000)})})
            << one << qint64(500) << qint64(150) << -40.0
            << "s1_1:0/0/1150 s1_2:1150/1850/1150 s2:2300/0/1000 s3:4300/0/1000" << 1
            << qint64(700);
        QTest::newRow("unsorted segments are handled in timeline order")
            << draftOf(
                   {track("v1", 0, {seg("s2", "m9", 3000, 0, 1000), seg("s1", "m1", 0, 0, 3000)})})
            << one << qint64(500) << qint64(150) << -40.0
            << "s1_1:0/0/1150 s1_2:1150/1850/1150 s2:2300/0/1000" << 1 << qint64(700);
        QTest::newRow("same source twice")
            << draftOf(
                   {track("v1", 0, {seg("a", "m1", 0, 0, 3000), seg("b", "m1", 3000, 0, 3000)})})
            << one << qint64(500) << qint64(150) << -40.0
            << "a_1:0/0/1150 a_2:1150/1850/1150 b_1:2300/0/1150 b_2:3450/1850/1150" << 2
            << qint64(1400);
        QTest::newRow("no analysis: unchanged")
            << draftOf({track("v1", 0, {seg("s1", "m2", 0, 0, 3000)})}) << one << qint64(500)
            << qint64(150) << -40.0 << "s1:0/0/3000" << 0 << qint64(0);
        QTest::newRow("silent source is never cut away")
            << draftOf({track("v1", 0, {seg("s1", "m", 0, 0, 3000)})})
            << Analyses{{"m", envelope({{-120, 300}})}} << qint64(500) << qint64(150) << -40.0
            << "s1:0/0/3000" << 0 << qint64(0);
        QTest::newRow("ids stay unique")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)}),
                        track("x1", 7, {seg("s1_1", "", 0, 0, 500)})})
            << one << qint64(500) << qint64(150) << -40.0
            << "s1_1_2:0/0/1150 s1_2:1150/1850/1150 | s1_1:0/0/500" << 1 << qint64(700);
        QTest::newRow("text and music clipped to the new end")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)}),
                        track("a1", 1, {seg("bg", "m1", 0, 0, 3000)}, "BGM"),
                        track("x1", 7,
                              {seg("t1", "", 0, 0, 1000), seg("t2", "", 2000, 0, 1000),
                               seg("t3", "", 2500, 0, 400)})})
            << one << qint64(500) << qint64(150) << -40.0
            << "s1_1:0/0/1150 s1_2:1150/1850/1150 | bg:0/0/2300 | t1:0/0/1000 t2:2000/0/300" << 1
            << qint64(700);
        QTest::newRow("voice on an audio track is cut")
            << draftOf({track("a1", 1, {seg("vo", "m1", 1000, 0, 3000)}, "Voice")}) << one
            << qint64(500) << qint64(150) << -40.0 << "vo_1:1000/0/1150 vo_2:2150/1850/1150" << 1
            << qint64(700);
        QTest::newRow("ducked audio counts as music") <<
            [] {
                Draft d = draftOf({track("a1", 1, {seg("mu", "m1", 0, 0, 3000)}, "Audio")});
                d.t[0].sg[0].m.insert("duck", true);
                return d;
            }() << one << qint64(500) << qint64(150) << -40.0
                                                      << "mu:0/0/3000" << 0 << qint64(0);
        QTest::newRow("empty draft")
            << Draft{} << one << qint64(500) << qint64(150) << -40.0 << "" << 0 << qint64(0);
    }

    void table()
    {
        QFETCH(Draft, draft);
        QFETCH(Analyses, analyses);
        QFETCH(qint64, minPauseMs);
        QFETCH(qint64, marginMs);
        QFETCH(double, thresholdDb);
        QFETCH(QString, expected);
        QFETCH(int, pauses);
        QFETCH(qint64, removed);
        PauseOptions o;
        o.minPauseMs = minPauseMs;
        o.marginMs = marginMs;
        o.thresholdDb = thresholdDb;
        const PauseCutResult r = cutPauses(draft, analyses, o);
        QCOMPARE(layout(r.draft), expected);
        QCOMPARE(r.pausesRemoved, pauses);
        QCOMPARE(r.removedMs, removed);
        QCOMPARE(r.draft.d, r.draft.computedDuration());
        if (removed == 0)
            QVERIFY(r.draft.t == draft.t);
    }

    void metadataIsCopied()
    {
        Draft d = draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)})});
        d.t[0].sg[0].m.insert("name", "city.mp4");
        const PauseCutResult r = cutPauses(d, {{"m1", onePause()}}, {500, 150, -40});
        QCOMPARE(r.draft.t[0].sg.size(), 2);
        for (const Segment& s : r.draft.t[0].sg) {
            QCOMPARE(s.src, QStringLiteral("m1"));
            QCOMPARE(s.m.value("name").toString(), QStringLiteral("city.mp4"));
        }
    }

    void neverCutsSound()
    {
        // Random envelopes and segments: every removed source range lies in windows below
        // the threshold, and the timeline shrinks by exactly removedMs.
        QRandomGenerator rng(20240611);
        for (int round = 0; round < 300; ++round) {
            AudioAnalysis a;
            a.ok = true;
            while (a.levelsDb.size() < 1000) {
                const float db = rng.bounded(2) ? -20.f : -70.f;
                const int n = 1 + int(rng.bounded(120));
                for (int i = 0; i < n; ++i)
                    a.levelsDb << db + float(rng.bounded(10));
            }
            a.durationMs = a.levelsDb.size() * 10;
            const qint64 in = rng.bounded(5000);
            const qint64 d = 100 + rng.bounded(int(a.durationMs - in - 100));
            const Draft draft = draftOf({track("v1", 0, {seg("s", "m", 0, in, d)})});
            PauseOptions o;
            o.minPauseMs = rng.bounded(1000);
            o.marginMs = rng.bounded(300);
            o.thresholdDb = -45;
            const PauseCutResult r = cutPauses(draft, {{"m", a}}, o);
            qint64 pos = in;
            qint64 removed = 0;
            auto checkSilent = [&](qint64 from, qint64 to) {
                for (qint64 t = from; t < to; t += 10)
                    QVERIFY2(
                        a.levelsDb[int(t / 10)] < o.thresholdDb,
                        qPrintable(QStringLiteral("round %1 cut sound at %2").arg(round).arg(t)));
                removed += to - from;
            };
            qint64 st = 0;
            for (const Segment& s : r.draft.t[0].sg) {
                QCOMPARE(s.st, st);
                QVERIFY(s.in >= pos);
                QVERIFY(s.d > 0);
                checkSilent(pos, s.in);
                pos = s.in + s.d;
                st += s.d;
            }
            checkSilent(pos, in + d);
            QCOMPARE(removed, r.removedMs);
            QCOMPARE(r.draft.d, d - removed);
        }
    }

    void speechClip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath("speech.mp4");
        QString error;
        const QJsonObject clip = cw::test::makeSpeechClip(file, 1.5, 3, 320, 180, &error);
        QVERIFY2(!clip.isEmpty(), qPrintable(error));
        const MediaInfo info = probeMedia(file);
        QVERIFY(info.ok);
        const AudioAnalysis a = analyzeAudio(file);
        QVERIFY(a.ok);
        const double thr = adaptiveSilenceThresholdDb(a);
        QVERIFY2(
            thr <= a.speechLevelDb - 20,
            qPrintable(QStringLiteral("threshold %1, speech %2").arg(thr).arg(a.speechLevelDb)));

        const Draft draft = draftOf({track("v1", 0, {seg("v1s1", "m1", 0, 0, info.durationMs)})});
        const PauseCutResult r = cutPauses(draft, {{"m1", a}});
        qInfo(
            "speech clip: %d pauses, %lld ms removed, threshold %.1f dB (floor %.1f, speech %.1f)",
            r.pausesRemoved, r.removedMs, thr, a.noiseFloorDb, a.speechLevelDb);
        QCOMPARE(r.pausesRemoved, 3);
        QVERIFY2(qAbs(r.removedMs - 4500) <= 500, qPrintable(QString::number(r.removedMs)));
        QCOMPARE(r.draft.d, info.durationMs - r.removedMs);

        // Each removed source range lies inside a known pause, give or take 0.35 s.
        const QJsonArray pauses = clip.value("pauses").toArray();
        QCOMPARE(pauses.size(), 3);
        const QList<Segment> kept = r.draft.t[0].sg;
        QCOMPARE(kept.size(), 4);
        for (int i = 0; i + 1 < kept.size(); ++i) {
            const qint64 from = kept[i].in + kept[i].d;
            const qint64 to = kept[i + 1].in;
            const QJsonObject p = pauses[i].toObject();
            const qint64 ps = qRound64(p.value("start").toDouble() * 1000) - 350;
            const qint64 pe = qRound64(p.value("end").toDouble() * 1000) + 350;
            QVERIFY2(from >= ps && to <= pe,
                     qPrintable(QStringLiteral("cut %1-%2 outside pause %3-%4")
                                    .arg(from)
                                    .arg(to)
                                    .arg(ps)
                                    .arg(pe)));
        }
        QCOMPARE(kept.first().in, 0);
        QCOMPARE(kept.last().in + kept.last().d, info.durationMs);
    }

    // Issue 3's bar against the script's true speech intervals: every pause of at least
    // minPause + 2 * margin is cut, no phrase loses more than 50 ms, and each cut boundary
    // is within 100 ms of (speech end + margin) / (next speech start - margin).
    void speechClipQualityBar_data()
    {
        QTest::addColumn<QList<double>>("pauseLengths"); // empty: makeSpeechClip defaults
        QTest::addColumn<int>("minPauseMs");
        QTest::newRow("3 x 1.5 s, default minimum") << QList<double>{} << 500;
        QTest::newRow("0.6/1.0/2.5 s, minimum 500") << QList<double>{0.6, 1.0, 2.5} << 500;
    }

    void speechClipQualityBar()
    {
        QFETCH(QList<double>, pauseLengths);
        QFETCH(int, minPauseMs);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath("speech.mp4");
        QString error;
        const QJsonObject clip =
            pauseLengths.isEmpty()
                ? cw::test::makeSpeechClip(file, 1.5, 3, 320, 180, &error)
                : cw::test::makeSpeechClipWithPauses(file, pauseLengths, 320, 180, &error);
        QVERIFY2(!clip.isEmpty(), qPrintable(error));
        const MediaInfo info = probeMedia(file);
        QVERIFY(info.ok);
        const AudioAnalysis a = analyzeAudio(file);
        QVERIFY(a.ok);

        QList<Interval> speech;
        for (const QJsonValue& v : clip.value("speech").toArray()) {
            const QJsonObject o = v.toObject();
            speech.append({qRound64(o.value("start").toDouble() * 1000),
                           qRound64(o.value("end").toDouble() * 1000)});
        }
        QCOMPARE(speech.size(), clip.value("pauses").toArray().size() + 1);

        PauseOptions o;
        o.minPauseMs = minPauseMs;
        const Draft draft = draftOf({track("v1", 0, {seg("v1s1", "m1", 0, 0, info.durationMs)})});
        const PauseCutResult r = cutPauses(draft, {{"m1", a}}, o);
        const QList<Segment> kept = r.draft.t[0].sg;
        QVERIFY(!kept.isEmpty());

        // Source ranges removed: the gaps between kept pieces (and before/after them).
        QList<Interval> cuts;
        qint64 pos = 0;
        for (const Segment& s : kept) {
            QVERIFY(s.in >= pos);
            if (s.in > pos)
                cuts.append({pos, s.in});
            pos = s.in + s.d;
        }
        if (pos < info.durationMs)
            cuts.append({pos, info.durationMs});

        // Each cut must sit in one true silence between phrases; check its boundaries.
        // Failures are collected so the measured figures are printed either way.
        QStringList failures;
        qint64 worstBoundary = 0;
        QVector<bool> cutSilence(speech.size() - 1, false);
        for (const Interval& c : cuts) {
            int match = -1;
            for (int i = 0; i + 1 < speech.size(); ++i)
                if (c.startMs < speech[i + 1].startMs && c.endMs > speech[i].endMs)
                    match = i;
            if (match < 0 || cutSilence[match]) {
                failures << QStringLiteral("cut %1-%2 is not alone between two phrases")
                                .arg(c.startMs)
                                .arg(c.endMs);
                continue;
            }
            cutSilence[match] = true;
            const qint64 ts = speech[match].endMs + o.marginMs;
            const qint64 te = speech[match + 1].startMs - o.marginMs;
            const qint64 err = std::max(qAbs(c.startMs - ts), qAbs(c.endMs - te));
            worstBoundary = std::max(worstBoundary, err);
            if (err > 100)
                failures << QStringLiteral("cut %1-%2, truth %3-%4")
                                .arg(c.startMs)
                                .arg(c.endMs)
                                .arg(ts)
                                .arg(te);
        }
        for (int i = 0; i + 1 < speech.size(); ++i) {
            const qint64 len = speech[i + 1].startMs - speech[i].endMs;
            if (len >= o.minPauseMs + 2 * o.marginMs && !cutSilence[i])
                failures << QStringLiteral("pause %1-%2 (%3 ms) kept")
                                .arg(speech[i].endMs)
                                .arg(speech[i + 1].startMs)
                                .arg(len);
        }

        // Speech lost: the part of each true phrase that no kept piece covers.
        qint64 worstLoss = 0;
        for (const Interval& sp : speech) {
            qint64 covered = 0;
            for (const Segment& s : kept)
                covered += std::max<qint64>(0, std::min(sp.endMs, s.in + s.d) -
                                                   std::max(sp.startMs, s.in));
            const qint64 loss = sp.length() - covered;
            worstLoss = std::max(worstLoss, loss);
            if (loss > 50)
                failures << QStringLiteral("phrase %1-%2 lost %3 ms")
                                .arg(sp.startMs)
                                .arg(sp.endMs)
                                .arg(loss);
        }
        qInfo("quality bar: %d cuts, %lld ms removed, worst boundary error %lld ms, worst speech "
              "loss %lld ms",
              int(cuts.size()), r.removedMs, worstBoundary, worstLoss);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TstCutPauses)
#include "tst_cutpauses.moc"
