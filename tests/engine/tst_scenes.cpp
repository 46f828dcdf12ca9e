// Scene changes (media/SceneDetect.h, edit/Scenes.h) from the pixels to the chat. The detection
// runs on an 8-shot clip of different lavfi sources joined with hard cuts at known frames (not
// on round times, 25 fps): every cut must be found within a frame and nothing inside a shot;
// then on the real single-shot clips of autoeditor-resources (no cut at all) and on two of
// them joined (their joins only). The parser is tabled on captured scdet output, the edits on
// drafts with trims, speed and reversal; tst_scenechat runs them through the chat.
#include "edit/Scenes.h"
#include "media/SceneDetect.h"

#include "DraftBuilder.h"
#include "SceneShots.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;
using namespace cw::test::scenes;

namespace {

// The shared folder beside the checkout (<checkout>/../shared/media), as tst_conformance.
QString resources()
{
    return QDir(QStringLiteral(CLIPWRIGHT_TEST_DATA_DIR
                               "/../../../shared/media/autoeditor-resources"))
        .absolutePath();
}

QString listOf(const QList<SceneCut>& cuts)
{
    QStringList s;
    for (const SceneCut& c : cuts)
        s << QStringLiteral("%1 (%2)").arg(c.ms).arg(c.score, 0, 'f', 1);
    return s.join(QStringLiteral(", "));
}

Draft must(const EditResult& r)
{
    if (!r.ok)
        qWarning() << "operation failed:" << r.error;
    return r.draft;
}

} // namespace

class TstScenes : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_shots;

private Q_SLOTS:
    void initTestCase();
    void parser_data();
    void parser();
    void motionParser_data();
    void motionParser();
    void json();
    void findsEveryCut();
    void realClips();
    void timelineCuts();
    void split();
    void remove();
};

void TstScenes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_shots = m_dir.filePath(QStringLiteral("shots.mp4"));
    QString error;
    QVERIFY2(makeShots(m_shots, &error), qPrintable(error));
}

void TstScenes::parser_data()
{
    QTest::addColumn<QByteArray>("log");
    QTest::addColumn<QList<qint64>>("ms");
    const QByteArray captured =
        "frame=  696 fps=614 q=-0.0 Lsize=N/A time=00:00:27.84 bitrate=N/A speed=24.6x\n"
        "[scdet @ 0x561779dde5c0] lavfi.scd.score: 28.173, lavfi.scd.time: 3.32\n"
        "[scdet @ 0x561779dde5c0] lavfi.scd.score: 27.523, lavfi.scd.time: 7.2\n"
        "[scdet @ 0x561779dde5c0] lavfi.scd.score: 12.756, lavfi.scd.time: 14.52\n"
        "[scdet @ 0x561779dde5c0] lavfi.scd.score: 42.358, lavfi.scd.time: 17.08\n"
        "[scdet @ 0x561779dde5c0] lavfi.scd.score: 19.480, lavfi.scd.time: 17.12\n"
        "[scdet @ 0x561779dde5c0] lavfi.scd.score: 7.900, lavfi.scd.time: 20.5\n";
    QTest::newRow("captured; weak and too-close dropped")
        << captured << QList<qint64>{3320, 7200, 14520, 17080};
    QTest::newRow("30 fps times floor to the frame's ms")
        << QByteArray("[scdet @ 0x1] lavfi.scd.score: 30.0, lavfi.scd.time: 1.03333\n"
                      "[scdet @ 0x1] lavfi.scd.score: 30.0, lavfi.scd.time: 2.0666667\n")
        << QList<qint64>{1033, 2066};
    QTest::newRow("the later of two close cuts when stronger")
        << QByteArray("[scdet @ 0x1] lavfi.scd.score: 10.0, lavfi.scd.time: 5\n"
                      "[scdet @ 0x1] lavfi.scd.score: 50.0, lavfi.scd.time: 5.04\n")
        << QList<qint64>{5040};
    QTest::newRow("first frame and negative times ignored")
        << QByteArray("lavfi.scd.score: 90.0, lavfi.scd.time: 0\n"
                      "lavfi.scd.score: 90.0, lavfi.scd.time: -0.04\n")
        << QList<qint64>{};
    QTest::newRow("nothing logged")
        << QByteArray("Output #0, null, to 'pipe:':\n") << QList<qint64>{};
    QTest::newRow("garbage") << QByteArray("lavfi.scd.score: x, lavfi.scd.time: 3.0\n\xff\xfe")
                             << QList<qint64>{};
}

void TstScenes::parser()
{
    QFETCH(QByteArray, log);
    QFETCH(QList<qint64>, ms);
    QList<qint64> got;
    for (const SceneCut& c : scenes::parseScdetLog(log))
        got << c.ms;
    QCOMPARE(got, ms);
}

void TstScenes::motionParser_data()
{
    QTest::addColumn<QByteArray>("log");
    QTest::addColumn<QList<float>>("want");
    const auto frame = [](double t, const char* mafd) -> QByteArray {
        return QByteArray("[Parsed_metadata_2 @ 0x55] frame:1    pts:512     pts_time:") +
               QByteArray::number(t) + "\n[Parsed_metadata_2 @ 0x55] lavfi.scd.mafd=" + mafd + "\n";
    };
    QTest::newRow("nothing") << QByteArray("Input #0, mov\n") << QList<float>{};
    // The median of a second: the one frame of a cut (40) does not make it move.
    QTest::newRow("median") << frame(0.04, "1.0") + frame(0.08, "40.0") + frame(0.12, "2.0") +
                                   frame(1.0, "5.5") + frame(1.5, "6.5")
                            << QList<float>{2.0f, 6.5f};
    // A second with no frame (a gap in a variable-rate file) keeps the last value.
    QTest::newRow("gap") << frame(0.5, "3.0") + frame(2.5, "7.0") << QList<float>{3, 3, 7};
    // Values without a time before them, junk and negative times are skipped.
    QTest::newRow("junk") << QByteArray("lavfi.scd.mafd=9\n") + frame(-0.5, "8") + frame(0.2, "x") +
                                 frame(0.3, "4")
                          << QList<float>{4};
}

void TstScenes::motionParser()
{
    QFETCH(QByteArray, log);
    QFETCH(QList<float>, want);
    QCOMPARE(scenes::parseMotionLog(log), want);
}

void TstScenes::json()
{
    SceneAnalysis a;
    a.ok = true;
    a.cuts = {{3320, 28.173}, {7200, 27.5}};
    a.motion = {0.5f, 12.25f, 0};
    const SceneAnalysis b = SceneAnalysis::fromJson(a.toJson());
    QVERIFY(b.ok);
    QCOMPARE(b.cuts, a.cuts);
    QCOMPARE(b.motion, a.motion);
    QVERIFY(!SceneAnalysis::fromJson("{\"v\":0,\"cuts\":[]}").ok);
    // A cache of the first format has no motion: it is run again.
    QVERIFY(!SceneAnalysis::fromJson("{\"v\":1,\"cuts\":[]}").ok);
    QVERIFY(!SceneAnalysis::fromJson("{\"v\":2,\"cuts\":[[1]]}").ok);
    QVERIFY(!SceneAnalysis::fromJson("not json").ok);
    QVERIFY(SceneAnalysis::fromJson("{\"v\":2,\"cuts\":[]}").ok);
    QCOMPARE(sceneCacheKey("abc"), QString("abc:scenes"));
}

void TstScenes::findsEveryCut()
{
    double last = -1;
    const int before = sceneAnalysesRun();
    const SceneAnalysis a = detectScenes(m_shots, 27840, [&](double f) { last = f; });
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(sceneAnalysesRun(), before + 1);
    QCOMPARE(last, 1.0);
    const QList<qint64> want = expectedCuts();
    qInfo("cuts found: %s", qPrintable(listOf(a.cuts)));
    QCOMPARE(a.cuts.size(), want.size()); // all 7, and no false cut inside a shot
    for (int i = 0; i < want.size(); ++i)
        QVERIFY2(
            std::abs(a.cuts[i].ms - want[i]) <= 1000 / kFps,
            qPrintable(
                QString("cut %1 at %2 ms, expected %3").arg(i).arg(a.cuts[i].ms).arg(want[i])));
    // Motion: a value per second; the still colour bars of shots 2 and 5 (3.32-7.2 s,
    // 14.52-17.08 s) do not move, the test pattern of shot 1 a little, the noise of shot 4
    // (10.04-14.52 s) more and the cellular automaton of shot 6 (17.08-20.64 s) most.
    QStringList motion;
    for (float m : a.motion)
        motion << QString::number(m, 'f', 2);
    qInfo("motion per second: %s", qPrintable(motion.join(' ')));
    QCOMPARE(a.motion.size(), 28);
    QVERIFY2(a.motion[4] < 0.1f && a.motion[15] < 0.1f, qPrintable(motion.join(' ')));
    QVERIFY2(a.motion[1] > 0.3f, qPrintable(motion.join(' ')));
    QVERIFY2(a.motion[12] > 2 * a.motion[1], qPrintable(motion.join(' ')));
    QVERIFY2(a.motion[18] > 5 * a.motion[12], qPrintable(motion.join(' ')));
    // Missing files and pictures ffmpeg cannot read say so; a cancelled pass is not cached.
    QVERIFY(!detectScenes(m_dir.filePath("none.mp4"), 0).ok);
    QFile junk(m_dir.filePath("junk.mp4"));
    QVERIFY(junk.open(QIODevice::WriteOnly) && junk.write(QByteArray(4096, 'x')) == 4096);
    junk.close();
    const SceneAnalysis bad = detectScenes(junk.fileName(), 0);
    QVERIFY(!bad.ok && !bad.cancelled);
    QVERIFY2(bad.error.contains("junk.mp4"), qPrintable(bad.error));
    std::atomic_bool cancel{true};
    const SceneAnalysis stopped = detectScenes(m_shots, 27840, {}, &cancel);
    QVERIFY(!stopped.ok && stopped.cancelled);
}

void TstScenes::realClips()
{
    const QString dir = resources();
    if (!QFileInfo::exists(dir + "/README.md"))
        QSKIP(qPrintable("the real clips are not there (" + dir +
                         "): shared/media/autoeditor-resources is absent, skipped"));
    // Single shots: no cut at all.
    for (const char* name : {"only-video_man-on-green-screen.mp4", "testsrc.mp4", "testsrc.mkv",
                             "testsrc-hevc.mp4", "test_yuv422p.mp4", "SAR-2by3.mp4"}) {
        const SceneAnalysis a = detectScenes(dir + "/" + name, 0);
        QVERIFY2(a.ok, qPrintable(a.error));
        QVERIFY2(a.cuts.isEmpty(), qPrintable(QString("%1: %2").arg(name, listOf(a.cuts))));
    }
    // The green-screen shot cut into testsrc at 6.5 s and back at 8.5 s (30 fps).
    const QString joined = m_dir.filePath("joined.mp4");
    QString error;
    QVERIFY2(
        test::runFfmpeg(
            {"-i", dir + "/only-video_man-on-green-screen.mp4", "-i", dir + "/testsrc.mp4",
             "-filter_complex",
             "[0:v]fps=30,scale=640:360,setsar=1,split[a][b];[a]trim=0:6.5,setpts=PTS-STARTPTS[x];"
             "[1:v]fps=30,scale=640:360,setsar=1,trim=0:2,setpts=PTS-STARTPTS[y];"
             "[b]trim=12:18,setpts=PTS-STARTPTS[z];[x][y][z]concat=n=3:v=1:a=0,format=yuv420p[v]",
             "-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", joined},
            &error),
        qPrintable(error));
    const SceneAnalysis a = detectScenes(joined, 0);
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(a.cuts.size(), 2);
    QVERIFY2(std::abs(a.cuts[0].ms - 6500) <= 34 && std::abs(a.cuts[1].ms - 8500) <= 34,
             qPrintable(listOf(a.cuts)));
}

void TstScenes::timelineCuts()
{
    // Source m1 cuts at 2000, 5000 and 9000. Clip 1 plays 1000-6000 at 1x from 0; clip 2 plays
    // m1 from 4000 at 2x (5000 -> +500); clip 3 plays m1 8000-10000 reversed (9000 -> +1000);
    // a cut 50 ms from a clip's edge is left out.
    const QHash<QString, QList<qint64>> src{{"m1", {2000, 5000, 9000}}, {"m2", {1050}}};
    Segment fast = test::seg("s2", "m1", 5000, 4000, 1500);
    fast.m.insert("speed", 2.0);
    Segment back = test::seg("s3", "m1", 6500, 8000, 2000);
    back.m.insert("reverse", true);
    const Draft d = test::draftOf({test::track("v1", 0, "Video",
                                               {test::seg("s1", "m1", 0, 1000, 5000), fast, back,
                                                test::seg("s4", "m2", 8500, 1000, 500)})});
    QCOMPARE(timelineSceneCuts(d, src), (QList<qint64>{1000, 4000, 5500, 7500}));
    // At 3x the cut's timeline time is rounded down: the split's in-point is at or before it.
    Segment third = test::seg("s1", "m1", 0, 0, 3000);
    third.m.insert("speed", 3.0);
    const Draft t = test::draftOf({test::track("v1", 0, "Video", {third})});
    const QList<qint64> at = timelineSceneCuts(t, {{"m1", {2000}}});
    QCOMPARE(at, QList<qint64>{666});
    const Draft split = must(splitScenes(t, at));
    QVERIFY(split.t[0].sg[1].in <= 2000 && split.t[0].sg[1].in > 2000 - 40);
}

void TstScenes::split()
{
    Draft d = test::draftOf(
        {test::track(
             "v1", 0, "Video",
             {test::seg("s1", "m1", 0, 500, 4000), test::seg("s2", "m1", 4000, 6000, 3000)}),
         test::track("x1", 7, "Titles", {test::seg("t1", {}, 0, 0, 2000, {{"text", "Hi"}})})});
    d.t[0].sg[1].m.insert("tr", QJsonObject{{"type", "fade"}, {"d", 500}});
    const EditResult r = splitScenes(d, {1500, 5000, 9000});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.details.value("cuts").toArray().size(), 2); // 9000 is past the end
    const QList<Segment> s = r.draft.t[0].sg;
    QCOMPARE(s.size(), 4);
    QCOMPARE(s[1].st, 1500);
    QCOMPARE(s[1].in, 2000);
    QCOMPARE(s[3].st, 5000);
    QCOMPARE(s[3].in, 7000);
    QVERIFY(s[2].m.contains("tr") && !s[3].m.contains("tr"));
    QCOMPARE(r.draft.computedDuration(), d.computedDuration());
    QCOMPARE(r.draft.t[1].sg, d.t[1].sg);
    QVERIFY(!splitScenes(d, {}).ok);
    QVERIFY(!splitScenes(d, {4000}).ok); // already a cut
}

void TstScenes::remove()
{
    const Draft d = test::draftOf(
        {test::track("v1", 0, "Video",
                     {test::seg("s1", "m1", 0, 500, 4000), test::seg("s2", "m2", 4000, 0, 3000)}),
         test::track("x1", 7, "Titles", {test::seg("t1", {}, 5000, 0, 2000, {{"text", "Hi"}})})});
    // The shot at 2.5 s runs from the cut at 1.5 s to the one at 3 s.
    EditResult r = removeScene(d, {1500, 3000, 5500}, 2500);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.details.value("from_ms").toInteger(), 1500);
    QCOMPARE(r.details.value("to_ms").toInteger(), 3000);
    QCOMPARE(r.draft.computedDuration(), 5500);
    QCOMPARE(r.draft.t[0].sg[1].in, 3500); // ripple: the rest of the clip follows at 1.5 s
    QCOMPARE(r.draft.t[0].sg[1].st, 1500);
    // A clip edge bounds a shot too: 3-4 s; the title after it moves left.
    r = removeScene(d, {1500, 3000, 5500}, 3200);
    QCOMPARE(r.details.value("removed_ms").toInteger(), 1000);
    QCOMPARE(r.draft.t[1].sg[0].st, 4000);
    // The first and the last shot; a time at a cut belongs to the shot it starts.
    QCOMPARE(removeScene(d, {1500}, 0).details.value("to_ms").toInteger(), 1500);
    QCOMPARE(removeScene(d, {1500, 5500}, 5500).details.value("from_ms").toInteger(), 5500);
    QCOMPARE(removeScene(d, {1500, 5500}, 6999).draft.computedDuration(), 5500);
    QVERIFY(!removeScene(d, {}, 9000).ok); // past the end
    const Draft one =
        test::draftOf({test::track("v1", 0, "Video", {test::seg("s1", "m1", 0, 0, 4000)})});
    const EditResult whole = removeScene(one, {}, 1000);
    QVERIFY(!whole.ok);
    QVERIFY2(whole.error.contains("whole video"), qPrintable(whole.error));
}

QTEST_GUILESS_MAIN(TstScenes)
#include "tst_scenes.moc"
