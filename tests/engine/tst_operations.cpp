// The editing operations of edit/Operations.h as pure functions on hand-built drafts: each
// row applies one operation and compares every track in a compact text form
// ("id:st+d@in" and "*speed" for footage, "id:st+d" for spans), the duration and the details.
// The error table checks code and reason, and that nothing is returned for a failure.
#include "DraftBuilder.h"
#include "edit/Operations.h"

#include "ApiError.h"

#include <QtTest>
#include <functional>

using namespace cw;
using namespace cw::engine;

using OpFn = std::function<EditResult(const Draft&)>;
Q_DECLARE_METATYPE(cw::Draft)
Q_DECLARE_METATYPE(OpFn)

namespace {

using cw::test::draftOf;
using cw::test::seg;
using cw::test::track;

// Three clips of 2 s (in-points 0, 5000, 10000), a title 1-3 s, music over all 6 s.
Draft threeClips()
{
    return draftOf(
        {track("v1", 0, "Video",
               {seg("a", "m1", 0, 0, 2000), seg("b", "m1", 2000, 5000, 2000),
                seg("c", "m2", 4000, 10000, 2000)}),
         track("x1", 7, "Titles", {seg("t", "", 1000, 0, 2000, {{"text", "Hi"}})}),
         track("a1", 1, "BGM", {seg("bg", "m9", 0, 0, 6000, {{"role", "music"}, {"vol", 0.35}})})});
}

Draft oneClip()
{
    return draftOf({track("v1", 0, "Video", {seg("s1", "m1", 0, 1000, 10000)})});
}

QString describe(const Track& t)
{
    QStringList out;
    for (const Segment& s : t.sg) {
        QString x = QStringLiteral("%1:%2+%3").arg(s.id).arg(s.st).arg(s.d);
        if (!s.src.isEmpty() && t.tt != 7 && s.m.value("role").toString() != "music")
            x += QStringLiteral("@%1").arg(s.in);
        if (s.m.contains("speed"))
            x += QStringLiteral("*%1").arg(s.m.value("speed").toDouble());
        if (s.m.contains("tr"))
            x += QStringLiteral("~%1%2")
                     .arg(s.m.value("tr").toObject().value("type").toString())
                     .arg(s.m.value("tr").toObject().value("d").toInteger());
        out << x;
    }
    return t.n + QStringLiteral("[") + out.join(QLatin1Char(',')) + QStringLiteral("]");
}

QString describe(const Draft& d)
{
    QStringList out;
    for (const Track& t : d.t)
        out << describe(t);
    return out.join(QLatin1Char(' '));
}

} // namespace

class TstOperations : public QObject {
    Q_OBJECT

private slots:
    void ops_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<OpFn>("op");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<QString>("detailKey");
        QTest::addColumn<double>("detailValue");

        const Draft three = threeClips();
        QTest::newRow("remove inside one clip splits it, in-point advances")
            << three << OpFn([](const Draft& d) { return removeRange(d, 500, 1500); })
            << "Video[a:0+500@0,a_1:500+500@1500,b:1000+2000@5000,c:3000+2000@10000] "
               "Titles[t:500+1500] BGM[bg:0+5000]"
            << qint64(5000) << "removed_ms" << 1000.0;
        QTest::newRow("remove across a cut, title inside range disappears")
            << draftOf({three.t[0],
                        track("x1", 7, "Titles", {seg("t", "", 1600, 0, 1000, {{"text", "x"}})})})
            << OpFn([](const Draft& d) { return removeRange(d, 1500, 3000); })
            << "Video[a:0+1500@0,b:1500+1000@6000,c:2500+2000@10000] Titles[]" << qint64(4500)
            << "removed_ms" << 1500.0;
        QTest::newRow("remove the head: first clip's in-point moves, no new id")
            << oneClip() << OpFn([](const Draft& d) { return removeRange(d, 0, 5000); })
            << "Video[s1:0+5000@6000]" << qint64(5000) << "removed_ms" << 5000.0;
        QTest::newRow("remove past the end is clamped")
            << oneClip() << OpFn([](const Draft& d) { return removeRange(d, 8000, 99000); })
            << "Video[s1:0+8000@1000]" << qint64(8000) << "clamped_ms" << 89000.0;
        QTest::newRow("keep 1:00-1:30 style range")
            << three << OpFn([](const Draft& d) { return keepRange(d, 1000, 4500); })
            << "Video[a:0+1000@1000,b:1000+2000@5000,c:3000+500@10000] Titles[t:0+2000] "
               "BGM[bg:0+3500]"
            << qint64(3500) << "removed_ms" << 2500.0;
        QTest::newRow("split at 2.5 s")
            << oneClip() << OpFn([](const Draft& d) { return splitAt(d, 2500); })
            << "Video[s1:0+2500@1000,s1_1:2500+7500@3500]" << qint64(10000) << "segments" << 2.0;
        QTest::newRow("delete the second clip ripples title and music")
            << three << OpFn([](const Draft& d) { return deleteClip(d, 1); })
            << "Video[a:0+2000@0,c:2000+2000@10000] Titles[t:1000+1000] BGM[bg:0+4000]"
            << qint64(4000) << "removed_ms" << 2000.0;
        QTest::newRow("delete the last clip")
            << three << OpFn([](const Draft& d) { return deleteClip(d, -1); })
            << "Video[a:0+2000@0,b:2000+2000@5000] Titles[t:1000+2000] BGM[bg:0+4000]"
            << qint64(4000) << "removed_ms" << 2000.0;
        QTest::newRow("move the last clip to the start")
            << three << OpFn([](const Draft& d) { return moveClip(d, -1, 0); })
            << "Video[c:0+2000@10000,a:2000+2000@0,b:4000+2000@5000] Titles[t:1000+2000] "
               "BGM[bg:0+6000]"
            << qint64(6000) << "segments" << 3.0;
        QTest::newRow("speed everything 2x")
            << oneClip() << OpFn([](const Draft& d) { return setSpeed(d, 0, 0, 2.0); })
            << "Video[s1:0+5000@1000*2]" << qint64(5000) << "segments" << 1.0;
        QTest::newRow("speed up the middle 1.5x splits at the edges")
            << oneClip() << OpFn([](const Draft& d) { return setSpeed(d, 3000, 6000, 1.5); })
            << "Video[s1:0+3000@1000,s1_1:3000+2000@4000*1.5,s1_1_1:5000+4000@7000]" << qint64(9000)
            << "segments" << 1.0;
        QTest::newRow("slow down half: title stretches, music clipped stays")
            << three << OpFn([](const Draft& d) { return setSpeed(d, 0, 2000, 0.5); })
            << "Video[a:0+4000@0*0.5,b:4000+2000@5000,c:6000+2000@10000] Titles[t:2000+3000] "
               "BGM[bg:0+8000]"
            << qint64(8000) << "old_duration_ms" << 6000.0;
        QTest::newRow("mute") << three << OpFn([](const Draft& d) { return setClipVolume(d, 0); })
                              << describe(three) << qint64(6000) << "segments" << 3.0;
        QTest::newRow("music loops to cover the video, last one trimmed")
            << three << OpFn([](const Draft& d) {
                   return addMusic(d, {"m7", "song.mp3", "audio", 2500, true, false}, {});
               })
            << "Video[a:0+2000@0,b:2000+2000@5000,c:4000+2000@10000] Titles[t:1000+2000] "
               "Music[music1_s1:0+2500,music1_s2:2500+2500,music1_s3:5000+1000]"
            << qint64(6000) << "replaced_tracks" << 1.0;
        QTest::newRow("insert an intro first with a fade; title and music move right")
            << three << OpFn([](const Draft& d) {
                   return insertClip(d, {"m5", "intro.mp4", "video", 3000, true, true}, 0, "fade",
                                     800);
               })
            << "Video[clip_1:0+3000@0,a:3000+2000@0~fade800,b:5000+2000@5000,"
               "c:7000+2000@10000] Titles[t:4000+2000] BGM[bg:3000+6000]"
            << qint64(9000) << "inserted_ms" << 3000.0;
        QTest::newRow("insert a still between clips, transitions both sides clamped")
            << three << OpFn([](const Draft& d) {
                   return insertClip(d, {"m6", "logo.png", "image", 0, false, true}, 1, "wipe",
                                     5000);
               })
            << "Video[a:0+2000@0,clip_1:2000+3000@0~wipe1000,b:5000+2000@5000~wipe1000,"
               "c:7000+2000@10000] Titles[t:1000+5000] BGM[bg:0+9000]"
            << qint64(9000) << "index" << 1.0;
        QTest::newRow("B-roll over 1-3 s from 0.5 s of the source")
            << three << OpFn([](const Draft& d) {
                   return addBroll(d, {"m8", "beach.mp4", "video", 10000, true, true}, 1000, 2000,
                                   500, 300);
               })
            << "Video[a:0+2000@0,b:2000+2000@5000,c:4000+2000@10000] "
               "B-roll[broll_1:1000+2000@500~fade300] Titles[t:1000+2000] BGM[bg:0+6000]"
            << qint64(6000) << "duration_ms" << 2000.0;
        QTest::newRow("B-roll clamped to the video and the media")
            << oneClip() << OpFn([](const Draft& d) {
                   return addBroll(d, {"m8", "b.mp4", "video", 1500, true, true}, 9000, 5000, 0, 0);
               })
            << "Video[s1:0+10000@1000] B-roll[broll_1:9000+1000@0]" << qint64(10000) << "clamped_ms"
            << 4000.0;
        QTest::newRow("title clamped to the end") << oneClip() << OpFn([](const Draft& d) {
            TextOptions o;
            o.text = "Urban Dreams";
            o.startMs = 8000;
            return addText(d, o);
        }) << "Video[s1:0+10000@1000] Titles[text_1:8000+2000]"
                                                  << qint64(10000) << "clamped_ms" << 1000.0;
        QTest::newRow("wipe transitions clamped to half the shorter neighbour")
            << draftOf({track("v1", 0, "Video",
                              {seg("a", "m1", 0, 0, 2000), seg("b", "m1", 2000, 0, 600),
                               seg("c", "m1", 2600, 0, 3000)})})
            << OpFn([](const Draft& d) { return addTransitions(d, "wipe", 500); })
            << "Video[a:0+2000@0,b:2000+600@0~wipe300,c:2600+3000@0~wipe300]" << qint64(5600)
            << "clamped_ms" << 200.0;
    }

    void ops()
    {
        QFETCH(Draft, draft);
        QFETCH(OpFn, op);
        QFETCH(QString, expected);
        QFETCH(qint64, duration);
        QFETCH(QString, detailKey);
        QFETCH(double, detailValue);
        const EditResult r = op(draft);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(describe(r.draft), expected);
        QCOMPARE(r.draft.d, duration);
        QCOMPARE(r.draft.computedDuration(), duration);
        QCOMPARE(r.details.value("new_duration_ms").toInteger(), duration);
        QCOMPARE(r.details.value(detailKey).toDouble(), detailValue);
        QVERIFY2(r.draft.validate().isEmpty(), qPrintable(r.draft.validate().join(' ')));
    }

    void metadata()
    {
        const Draft three = threeClips();
        EditResult r = setClipVolume(three, 0.8);
        QVERIFY(r.ok);
        for (const Segment& s : r.draft.t[0].sg)
            QCOMPARE(s.m.value("vol").toDouble(), 0.8);
        QVERIFY(!r.draft.t[2].sg[0].m.contains("duck")); // music untouched

        r = addMusic(three, {"m7", "bed.m4a", "audio", 60000, true, false},
                     {0.2, true, 1500, 3000, "Calm bed"});
        QVERIFY(r.ok);
        const Track& music = r.draft.t.last();
        QCOMPARE(music.tt, 1);
        QCOMPARE(music.sg.size(), 1);
        const QJsonObject m = music.sg[0].m;
        QCOMPARE(m.value("role").toString(), "music");
        QCOMPARE(m.value("vol").toDouble(), 0.2);
        QCOMPARE(m.value("duck").toBool(), true);
        QCOMPARE(m.value("fi").toInteger(), 1500);
        QCOMPARE(m.value("fo").toInteger(), 3000);
        QCOMPARE(m.value("name").toString(), "Calm bed");
        QCOMPARE(music.sg[0].d, 6000);

        TextOptions lower;
        lower.text = "Ana Silva, Designer";
        lower.style = "lower_third";
        r = addText(three, lower);
        QVERIFY(r.ok);
        QCOMPARE(r.draft.t[1].sg.size(), 2); // added to the existing text track
        QCOMPARE(r.draft.t[1].sg[1].m.value("pos").toString(), "bottom_left");
        QCOMPARE(r.draft.t[1].sg[1].m.value("style").toString(), "lower_third");

        r = setAspect(three, "9:16", "blur");
        QVERIFY(r.ok);
        QCOMPARE(r.draft.m.value("width").toInt(), 1080);
        QCOMPARE(r.draft.m.value("height").toInt(), 1920);
        QCOMPARE(r.draft.m.value("aspect_mode").toString(), "blur");
        r = setAspect(three, "4:5", {});
        QCOMPARE(r.draft.m.value("height").toInt(), 1350);
        QCOMPARE(r.draft.m.value("aspect_mode").toString(), "crop");

        r = setLoudness(three, -14);
        QCOMPARE(r.draft.m.value("loudness_lufs").toDouble(), -14.0);
        r = setDenoise(r.draft, true);
        QCOMPARE(r.draft.m.value("denoise").toBool(), true);
        QCOMPARE(r.draft.m.value("loudness_lufs").toDouble(), -14.0);
        r = setLook(r.draft, "BW");
        QCOMPARE(r.draft.m.value("look").toString(), "bw");
        r = setLook(r.draft, "none");
        QVERIFY(!r.draft.m.contains("look"));

        r = addTransitions(three, "dissolve", 0); // default 0.5 s
        QVERIFY(r.ok);
        QVERIFY(!r.draft.t[0].sg[0].m.contains("tr"));
        QCOMPARE(r.draft.t[0].sg[1].m.value("tr").toObject().value("d").toInteger(), 500);
        r = addTransitions(r.draft, "none", 0);
        QVERIFY(!r.draft.t[0].sg[1].m.contains("tr"));
    }

    void errors_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<OpFn>("op");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");

        const Draft one = oneClip();
        QTest::newRow("second clip of one")
            << one << OpFn([](const Draft& d) { return deleteClip(d, 1); }) << 4004
            << "There is only one clip.";
        QTest::newRow("delete the only clip")
            << one << OpFn([](const Draft& d) { return deleteClip(d, 0); }) << 4000 << "only clip";
        QTest::newRow("move clip 5 of 3")
            << threeClips() << OpFn([](const Draft& d) { return moveClip(d, 4, 0); }) << 4004
            << "There are only 3 clips.";
        QTest::newRow("empty range")
            << one << OpFn([](const Draft& d) { return removeRange(d, 3000, 3000); }) << 4000
            << "empty";
        QTest::newRow("range after the end")
            << one << OpFn([](const Draft& d) { return removeRange(d, 12000, 13000); }) << 4000
            << "after the end";
        QTest::newRow("remove everything")
            << one << OpFn([](const Draft& d) { return removeRange(d, 0, 10000); }) << 4000
            << "whole video";
        QTest::newRow("empty draft")
            << Draft{} << OpFn([](const Draft& d) { return removeRange(d, 0, 10); }) << 4009
            << "empty";
        QTest::newRow("split at a cut")
            << threeClips() << OpFn([](const Draft& d) { return splitAt(d, 2000); }) << 4000
            << "no clip to split";
        QTest::newRow("speed 10x")
            << one << OpFn([](const Draft& d) { return setSpeed(d, 0, 0, 10); }) << 4000
            << "between 0.25x and 4x";
        QTest::newRow("negative volume")
            << one << OpFn([](const Draft& d) { return setClipVolume(d, -1); }) << 4000 << "Volume";
        QTest::newRow("music without sound") << one << OpFn([](const Draft& d) {
            return addMusic(d, {"m7", "clip.mp4", "video", 3000, false, true}, {});
        }) << 4000 << "no sound";
        QTest::newRow("music on an empty draft") << Draft{} << OpFn([](const Draft& d) {
            return addMusic(d, {"m7", "a.mp3", "audio", 3000, true, false}, {});
        }) << 4009 << "Add a video first";
        QTest::newRow("empty text") << one << OpFn([](const Draft& d) {
            TextOptions o;
            o.text = "  \n ";
            return addText(d, o);
        }) << 4000 << "empty";
        QTest::newRow("text after the end") << one << OpFn([](const Draft& d) {
            TextOptions o;
            o.text = "Late";
            o.startMs = 20000;
            return addText(d, o);
        }) << 4000 << "after the end";
        QTest::newRow("unknown text style") << one << OpFn([](const Draft& d) {
            TextOptions o;
            o.text = "x";
            o.style = "marquee";
            return addText(d, o);
        }) << 4000 << "Unknown text style";
        QTest::newRow("insert at 3 of 1") << one << OpFn([](const Draft& d) {
            return insertClip(d, {"m5", "i.mp4", "video", 3000, true, true}, 3);
        }) << 4004 << "There is only one clip.";
        QTest::newRow("insert audio as a clip") << one << OpFn([](const Draft& d) {
            return insertClip(d, {"m5", "a.mp3", "audio", 3000, true, false}, 0);
        }) << 4000 << "no picture";
        QTest::newRow("B-roll after the end") << one << OpFn([](const Draft& d) {
            return addBroll(d, {"m8", "b.mp4", "video", 1500, true, true}, 12000, 1000);
        }) << 4000 << "outside the video";
        QTest::newRow("B-roll from audio") << one << OpFn([](const Draft& d) {
            return addBroll(d, {"m8", "b.mp3", "audio", 1500, true, false}, 0, 1000);
        }) << 4000 << "no picture";
        QTest::newRow("transition on one clip")
            << one << OpFn([](const Draft& d) { return addTransitions(d, "fade", 500); }) << 4000
            << "only one clip";
        QTest::newRow("unknown transition")
            << threeClips() << OpFn([](const Draft& d) { return addTransitions(d, "spin", 500); })
            << 4000 << "Unknown transition";
        QTest::newRow("aspect 3:2")
            << one << OpFn([](const Draft& d) { return setAspect(d, "3:2", ""); }) << 4000
            << "Unknown aspect ratio";
        QTest::newRow("aspect mode")
            << one << OpFn([](const Draft& d) { return setAspect(d, "1:1", "x"); }) << 4000
            << "Unknown aspect mode";
        QTest::newRow("loudness +3")
            << one << OpFn([](const Draft& d) { return setLoudness(d, 3); }) << 4000 << "LUFS";
        QTest::newRow("look sepia")
            << one << OpFn([](const Draft& d) { return setLook(d, "sepia"); }) << 4000
            << "Unknown look";
    }

    void errors()
    {
        QFETCH(Draft, draft);
        QFETCH(OpFn, op);
        QFETCH(int, code);
        QFETCH(QString, reason);
        const EditResult r = op(draft);
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, code);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        QVERIFY(r.draft.t.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstOperations)
#include "tst_operations.moc"
