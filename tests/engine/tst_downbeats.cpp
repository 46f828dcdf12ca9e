// Downbeats and the transitions put on them (media/BeatDetect.h beats::downbeatPhase,
// edit/MontageTransitions.h). Tabled: the bar phase from per-beat strengths (accents at each
// phase, ties, a ragged end, too short for two bars), the transition length in whole frames,
// which cuts are on a downbeat, and the draft: transitions only on the parts that start on a
// downbeat, every start and length unchanged, an old transition on another cut removed, and
// the refusals (a cut off the beats, no cut on a downbeat, an unknown type) changing nothing.
// Measured: click tracks at 120 BPM whose every 4th click is three times louder, the accent on
// each of the four phases, must give downbeats within 40 ms of the accented clicks and of no
// other.
#include "edit/MontageTransitions.h"
#include "media/BeatDetect.h"

#include "ApiError.h"
#include "DraftBuilder.h"
#include "TestMedia.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace cw;
using namespace cw::engine;

Q_DECLARE_METATYPE(QList<double>)
Q_DECLARE_METATYPE(QList<qint64>)
Q_DECLARE_METATYPE(QList<int>)

namespace {

constexpr double kBeat = 500; // 120 BPM
constexpr double kFirst = 80;

// A 1 kHz click on every beat from kFirst, the click of index accent mod 4 three times louder.
bool makeAccented(const QString& path, int accent, double seconds, QString* error)
{
    const QString expr =
        QStringLiteral("(0.27+0.53*eq(mod(floor((t-0.08)/0.5+0.001)\\,4)\\,%1))*sin(2*PI*1000*t)*"
                       "gte(t\\,0.08)*exp(-40*mod(t-0.08+0.5\\,0.5))")
            .arg(accent);
    return test::runFfmpeg({"-f", "lavfi", "-i",
                            QStringLiteral("aevalsrc='%1':s=44100:d=%2").arg(expr).arg(seconds),
                            "-c:a", "aac", "-b:a", "128k", path},
                           error);
}

} // namespace

class TstDownbeats : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void phase_data();
    void phase();
    void transitionLength_data();
    void transitionLength();
    void onDownbeats();
    void draft();
    void refused();
    void accented_data();
    void accented();
};

void TstDownbeats::phase_data()
{
    QTest::addColumn<QList<double>>("strength");
    QTest::addColumn<int>("want");
    QTest::newRow("accent on 0") << QList<double>{3, 1, 1, 1, 3, 1, 1, 1} << 0;
    QTest::newRow("accent on 1") << QList<double>{1, 3, 1, 1, 1, 3, 1, 1, 1, 3} << 1;
    QTest::newRow("accent on 3") << QList<double>{1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2} << 3;
    QTest::newRow("all equal: the first") << QList<double>(12, 1.0) << 0;
    QTest::newRow("within 5%: the earlier") << QList<double>{1, 1.04, 1, 1, 1, 1.04, 1, 1} << 0;
    // One loud beat in a ragged end (index 8, phase 0) is not counted: whole bars only.
    QTest::newRow("ragged end") << QList<double>{1, 2, 1, 1, 1, 2, 1, 1, 9} << 1;
    // A missing accent in one bar still leaves the phase.
    QTest::newRow("one weak bar") << QList<double>{1, 1, 4, 1, 1, 1, 1, 1, 1, 1, 4, 1} << 2;
    QTest::newRow("negative ignored") << QList<double>{-9, 1, 1, 1, -9, 1, 1, 1} << 1;
    QTest::newRow("under two bars") << QList<double>{1, 3, 1, 1, 1, 3, 1} << -1;
    QTest::newRow("none") << QList<double>{} << -1;
}

void TstDownbeats::phase()
{
    QFETCH(QList<double>, strength);
    QFETCH(int, want);
    QCOMPARE(beats::downbeatPhase(strength), want);
    // downbeats() starts at that phase (0 when there is none) and takes every 4th beat.
    QList<qint64> b;
    for (int i = 0; i < strength.size(); ++i)
        b << qint64(i * 500);
    const QList<qint64> d = beats::downbeats(b, strength);
    if (!b.isEmpty())
        QCOMPARE(d.first(), b[std::max(0, want)]);
    for (int i = 1; i < d.size(); ++i)
        QCOMPARE(d[i] - d[i - 1], 2000);
}

void TstDownbeats::transitionLength_data()
{
    QTest::addColumn<double>("beatMs");
    QTest::addColumn<double>("fps");
    QTest::addColumn<qint64>("want");
    QTest::newRow("120 BPM, 30 fps: 7 frames") << 500.0 << 30.0 << qint64(233);
    QTest::newRow("120 BPM, 25 fps: 6 frames") << 500.0 << 25.0 << qint64(240);
    QTest::newRow("128 BPM, 30 fps") << 468.75 << 30.0 << qint64(233);
    QTest::newRow("70 BPM, 24 fps") << 857.14 << 24.0 << qint64(416);
    QTest::newRow("176 BPM, 60 fps: 10 frames") << 340.0 << 60.0 << qint64(166);
    QTest::newRow("at least 2 frames") << 60.0 << 30.0 << qint64(66);
    QTest::newRow("no fps: half a beat") << 500.0 << 0.0 << qint64(250);
    QTest::newRow("no beat") << 0.0 << 30.0 << qint64(0);
}

void TstDownbeats::transitionLength()
{
    QFETCH(double, beatMs);
    QFETCH(double, fps);
    QFETCH(qint64, want);
    QCOMPARE(downbeatTransitionMs(beatMs, fps), want);
}

void TstDownbeats::onDownbeats()
{
    const QList<qint64> downs{0, 2000, 4000, 6000};
    QCOMPARE(cutsOnDownbeats({1000, 2000, 3500, 4033, 5960, 7000}, downs), (QList<int>{1, 3, 4}));
    QCOMPARE(cutsOnDownbeats({2041, 3959}, downs), QList<int>{});
    QCOMPARE(cutsOnDownbeats({2000}, {}), QList<int>{});
    QCOMPARE(cutsOnDownbeats({}, downs), QList<int>{});
}

namespace {

// Parts of 4, 3, 5, 4, 2 beats at 120 BPM from 0: cuts at beats 4, 7, 12 and 16, of which 4,
// 12 and 16 are downbeats of bars from 0; the 5-beat part has a wipe into it from before.
Draft montageDraft()
{
    using test::seg;
    return test::draftOf(
        {test::track(
             "v1", int(TrackType::Video), "Video",
             {seg("a", "m0", 0, 0, 2000), seg("b", "m1", 2000, 0, 1500),
              seg("c", "m2", 3500, 0, 2500, {{"tr", QJsonObject{{"type", "wipe"}, {"d", 300}}}}),
              seg("d", "m3", 6000, 0, 2000), seg("e", "m4", 8000, 0, 1000)}),
         test::track("a1", int(TrackType::Audio), "Music",
                     {seg("s", "song", 0, 580, 9000, {{"role", "music"}})})});
}

QList<qint64> grid(int n)
{
    QList<qint64> b;
    for (int i = 0; i < n; ++i)
        b << qint64(i * kBeat);
    return b;
}

} // namespace

void TstDownbeats::draft()
{
    const Draft d = montageDraft();
    const QList<qint64> downs{0, 2000, 4000, 6000, 8000};
    const EditResult r = addDownbeatTransitions(d, grid(20), downs, QString());
    QVERIFY2(r.ok, qPrintable(r.error));
    const Track& v = r.draft.t[0];
    QStringList withTr;
    for (const Segment& s : v.sg) {
        if (s.m.contains("tr")) {
            withTr << s.id;
            QCOMPARE(s.m.value("tr").toObject().value("type").toString(), QStringLiteral("fade"));
            // Half a beat in frames (233 ms at 30 fps), a quarter of the shorter neighbour at
            // most (the 1-s part after the 8000 ms cut: 250).
            QCOMPARE(s.m.value("tr").toObject().value("d").toInteger(), qint64(233));
        }
    }
    QCOMPARE(withTr, (QStringList{"b", "d", "e"})); // the wipe on "c" (3500: off the bar) gone
    for (int i = 0; i < v.sg.size(); ++i) {
        QCOMPARE(v.sg[i].st, d.t[0].sg[i].st);
        QCOMPARE(v.sg[i].d, d.t[0].sg[i].d);
        QCOMPARE(v.sg[i].in, d.t[0].sg[i].in);
    }
    QCOMPARE(r.draft.computedDuration(), d.computedDuration());
    QCOMPARE(r.draft.t[1].sg, d.t[1].sg);
    QCOMPARE(r.details.value("transitions").toInt(), 3);
    QCOMPARE(r.details.value("cuts").toInt(), 4);
    QCOMPARE(r.details.value("at").toArray(), (QJsonArray{2000, 6000, 8000}));

    const EditResult w = addDownbeatTransitions(d, grid(20), downs, "Wipe");
    QVERIFY(w.ok);
    QCOMPARE(w.draft.t[0].sg[1].m.value("tr").toObject().value("type").toString(),
             QStringLiteral("wipe"));
}

void TstDownbeats::refused()
{
    const Draft d = montageDraft();
    struct Case {
        const char* name;
        QList<qint64> beats;
        QList<qint64> downs;
        QString type;
        int code;
    };
    const QList<qint64> offBeat{0, 600, 1200, 1800, 2400, 3000, 3600, 4200, 4800, 5400, 6000};
    for (const Case& c :
         {Case{"a cut off the beats", offBeat, {0, 2400}, "", int(cw::ErrorCode::Conflict)},
          Case{"no cut on a downbeat",
               grid(20),
               {500, 2500, 4500, 6500, 8500},
               "",
               int(cw::ErrorCode::BadRequest)},
          Case{"no bars", grid(20), {}, "", int(cw::ErrorCode::BadRequest)},
          Case{"unknown type", grid(20), {0, 2000}, "spin", int(cw::ErrorCode::BadRequest)}}) {
        const EditResult r = addDownbeatTransitions(d, c.beats, c.downs, c.type);
        QVERIFY2(!r.ok, c.name);
        QCOMPARE(r.errorCode, c.code);
        QVERIFY2(!r.error.isEmpty(), c.name);
    }
    Draft one = d;
    one.t[0].sg = {one.t[0].sg.first()};
    QVERIFY(!addDownbeatTransitions(one, grid(20), {0, 2000}, {}).ok);
}

void TstDownbeats::accented_data()
{
    QTest::addColumn<int>("accent");
    for (int a = 0; a < 4; ++a)
        QTest::newRow(qPrintable(QStringLiteral("accent on click %1").arg(a))) << a;
}

void TstDownbeats::accented()
{
    QFETCH(int, accent);
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("accent%1.m4a").arg(accent));
    QString error;
    QVERIFY2(makeAccented(path, accent, 20, &error), qPrintable(error));
    const BeatAnalysis a = detectBeats(path, 20000);
    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY2(std::fabs(a.bpm - 120) <= 1, qPrintable(QString::number(a.bpm)));
    QVERIFY(a.downbeats.size() >= 8);
    double worst = 0;
    for (const qint64 d : a.downbeats) {
        const double k = std::round((double(d) - kFirst - accent * kBeat) / (4 * kBeat));
        worst = std::max(worst, std::fabs(double(d) - kFirst - accent * kBeat - k * 4 * kBeat));
    }
    qInfo("accent on click %d: first downbeat %lld ms, %d downbeats, worst %.1f ms off an "
          "accent",
          accent, a.downbeats.first(), int(a.downbeats.size()), worst);
    QVERIFY2(worst <= 40, qPrintable(QString::number(worst)));
    QVERIFY(a.downbeats.first() <= kFirst + accent * kBeat + 40); // from the first bar
}

QTEST_GUILESS_MAIN(TstDownbeats)
#include "tst_downbeats.moc"
