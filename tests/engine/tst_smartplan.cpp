// Smart render planning (render/SmartRender.h) without media: eligibility as a table over
// hand-made sources and drafts, and the plan (heads/tails re-encoded, whole GOPs copied,
// clean cut points with B-frames, short segments encoded whole). The real renders are in
// tst_smartrender.
#include "SmartFixtures.h"

#include <QtTest>

using namespace cw;
using namespace cw::engine;
using cw::test::cutDraft;
using cw::test::draftOf;
using cw::test::fakeInputs;
using cw::test::fakeSource;
using cw::test::seg;
using cw::test::track;

class TstSmartPlan : public QObject {
    Q_OBJECT
private slots:
    void eligibility_data();
    void eligibility();
    void planCopiesWholeGops();
    void planCleanEndsWithBFrames();
    void planShortSegmentIsEncoded();
    void planTitledFramesAreEncoded();
    void cleanGopStarts_data();
    void cleanGopStarts();
    void batchesTakeEveryEncodedPieceOnce_data();
    void batchesTakeEveryEncodedPieceOnce();
    void batchCommandForcesAnIdrPerPiece();
    void concatEntryCutsBetweenPackets();
    void batchDecodesStartOnKeyframes();
};

void TstSmartPlan::eligibility_data()
{
    QTest::addColumn<Draft>("draft");
    QTest::addColumn<QString>("presetName");
    QTest::addColumn<SmartSource>("source");
    QTest::addColumn<bool>("eligible");

    const SmartSource ok = fakeSource();
    const Draft cut = cutDraft();
    QTest::newRow("cut only") << cut << "720p" << ok << true;
    QTest::newRow("1080p preset needs scaling") << cut << "1080p" << ok << false;
    Draft sized = cut;
    sized.m["width"] = 1280;
    sized.m["height"] = 720;
    QTest::newRow("draft size equals source") << sized << "1080p" << ok << true;
    QTest::newRow("vertical preset") << cut << "vertical-1080" << ok << false;
    auto withSeg = [&](const QJsonObject& m) {
        Draft d = cut;
        d.t[0].sg[1].m = m;
        return d;
    };
    QTest::newRow("speed 1 is fine") << withSeg({{"speed", 1.0}}) << "720p" << ok << true;
    QTest::newRow("speed") << withSeg({{"speed", 1.5}}) << "720p" << ok << false;
    QTest::newRow("volume (sound only)") << withSeg({{"vol", 0.5}}) << "720p" << ok << true;
    QTest::newRow("transition") << withSeg({{"tr", QJsonObject{{"type", "fade"}, {"d", 500}}}})
                                << "720p" << ok << false;
    auto withMeta = [&](const char* key, const QJsonValue& v) {
        Draft d = cut;
        d.m[key] = v;
        return d;
    };
    QTest::newRow("look") << withMeta("look", "warm") << "720p" << ok << false;
    QTest::newRow("look none") << withMeta("look", "none") << "720p" << ok << true;
    QTest::newRow("aspect") << withMeta("aspect", "16:9") << "720p" << ok << false;
    QTest::newRow("loudness") << withMeta("loudness_lufs", -14) << "720p" << ok << true;
    QTest::newRow("denoise") << withMeta("denoise", true) << "720p" << ok << true;
    Draft text = cut;
    text.t << track("x1", 7, {seg("t1", "", 0, 0, 2000, {{"text", "Hello"}})});
    QTest::newRow("text") << text << "720p" << ok << true;
    Draft captions = cut;
    captions.t << track("x1", 7, {seg("t1", "", 0, 0, 15000, {{"text", "All along"}})});
    QTest::newRow("a caption over almost everything") << captions << "720p" << ok << false;
    Draft lateText = cut;
    lateText.t << track("x1", 7, {seg("t1", "", 15000, 0, 2000, {{"text", "Bye"}})});
    QTest::newRow("text past the picture") << lateText << "720p" << ok << false;
    Draft music = cut;
    music.t << track("a1", 1, {seg("b1", "m2", 0, 0, 5000, {{"vol", 0.3}})});
    QTest::newRow("music") << music << "720p" << ok << true;
    Draft longMusic = cut;
    longMusic.t << track("a1", 1, {seg("b1", "m2", 0, 0, 16000, {{"vol", 0.3}})});
    QTest::newRow("music past the picture") << longMusic << "720p" << ok << false;
    Draft strangeMusic = cut;
    strangeMusic.t << track("a1", 1, {seg("b1", "nope", 0, 0, 5000)});
    QTest::newRow("music of unknown media") << strangeMusic << "720p" << ok << false;
    Draft strangeTrack = cut;
    strangeTrack.t << track("z1", 3, {seg("z", "m2", 0, 0, 5000)});
    QTest::newRow("unknown track type") << strangeTrack << "720p" << ok << false;
    Draft broll = cut;
    broll.t << track("v2", 0, {seg("c1", "m1", 1000, 0, 1000)});
    QTest::newRow("b-roll") << broll << "720p" << ok << false;
    Draft emptyTracks = cut;
    emptyTracks.t << track("a1", 1, {}) << track("x1", 7, {});
    QTest::newRow("empty other tracks") << emptyTracks << "720p" << ok << true;
    Draft gap = cut;
    gap.t[0].sg[2].st += 500;
    QTest::newRow("gap") << gap << "720p" << ok << false;
    Draft late = cut;
    late.t[0].sg[0].st = 300;
    QTest::newRow("starts late") << late << "720p" << ok << false;
    Draft past = cut;
    past.t[0].sg[2].d = 9000;
    QTest::newRow("past the source end") << past << "720p" << ok << false;
    Draft image = cut;
    image.t[0].sg[0].src = "img";
    QTest::newRow("still image") << image << "720p" << ok << false;
    Draft unknown = cut;
    unknown.t[0].sg[0].src = "nope";
    QTest::newRow("unknown media") << unknown << "720p" << ok << false;
    QTest::newRow("empty draft") << draftOf({}) << "720p" << ok << false;

    SmartSource s = ok;
    s.codec = "hevc";
    QTest::newRow("hevc") << cut << "720p" << s << false;
    s = ok;
    s.profile = 66;
    QTest::newRow("baseline profile") << cut << "720p" << s << false;
    s = ok;
    s.profile = 77;
    QTest::newRow("main profile") << cut << "720p" << s << true;
    s = ok;
    s.pixFmt = "yuv422p";
    QTest::newRow("4:2:2") << cut << "720p" << s << false;
    s = ok;
    s.fpsNum = 25;
    QTest::newRow("25 fps") << cut << "720p" << s << false;
    s = ok;
    s.fpsNum = 30000;
    s.fpsDen = 1001;
    QTest::newRow("29.97 fps") << cut << "720p" << s << false;
    s = ok;
    s.width = 1920;
    s.height = 1080;
    QTest::newRow("1080p source, 720p output") << cut << "720p" << s << false;
    s = ok;
    s.hasAudio = false;
    QTest::newRow("silent source") << cut << "720p" << s << false;
    s = ok;
    s.progressive = false;
    QTest::newRow("interlaced") << cut << "720p" << s << false;
    s = ok;
    s.sarNum = 4;
    s.sarDen = 3;
    QTest::newRow("anamorphic") << cut << "720p" << s << false;
    s = ok;
    s.ok = false;
    s.error = "variable frame rate";
    QTest::newRow("probe failed") << cut << "720p" << s << false;
    s = ok;
    s.dts.removeLast();
    QTest::newRow("inconsistent packet lists") << cut << "720p" << s << false;
}

void TstSmartPlan::eligibility()
{
    QFETCH(Draft, draft);
    QFETCH(QString, presetName);
    QFETCH(SmartSource, source);
    QFETCH(bool, eligible);
    const SmartPlan plan =
        planSmartRender(draft, fakeInputs(), {{"m1", source}}, RenderPreset::byName(presetName));
    QCOMPARE(plan.eligible, eligible);
    QCOMPARE(plan.reason.isEmpty(), eligible);
    if (eligible) {
        QVERIFY(plan.copiedFrames() > 0);
        int frames = 0;
        for (const SmartRange& r : plan.segments)
            frames += r.frames();
        QCOMPARE(plan.totalFrames(), frames);
    }
}

void TstSmartPlan::planCopiesWholeGops()
{
    // No B-frames: every frame boundary is a clean end, so only heads are re-encoded.
    const SmartSource s = fakeSource(600, 60, false);
    const SmartPlan plan =
        planSmartRender(cutDraft(), fakeInputs(), {{"m1", s}}, RenderPreset::byName("720p"));
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    // s1 = frames [39,171), s2 = [213,417), s3 = [450,585).
    QCOMPARE(plan.segments.size(), 3);
    QCOMPARE(plan.segments[0].from, 39);
    QCOMPARE(plan.segments[0].to, 171);
    QCOMPARE(plan.segments[2].to, 585);
    QCOMPARE(plan.pieces.size(), 6);
    QVERIFY(!plan.pieces[0].copy);
    QCOMPARE(plan.pieces[0].ranges.first().to, 60);
    QVERIFY(plan.pieces[1].copy);
    QCOMPARE(plan.pieces[1].ranges.first().from, 60);
    QCOMPARE(plan.pieces[1].ranges.first().to, 171);
    QCOMPARE(plan.pieces[2].ranges.first().from, 213);
    QCOMPARE(plan.pieces[2].ranges.first().to, 240);
    QCOMPARE(plan.encodedFrames(), (60 - 39) + (240 - 213) + (480 - 450));
}

void TstSmartPlan::planCleanEndsWithBFrames()
{
    const SmartSource s = fakeSource(600, 60, true);
    const SmartPlan plan =
        planSmartRender(cutDraft(), fakeInputs(), {{"m1", s}}, RenderPreset::byName("720p"));
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    // Mini-GOPs of 3 from each keyframe: clean ends at g+1, g+4, g+7, ...; 171 is not one,
    // so s1's copy ends at 169 and frames 169-170 join s2's head in one encoder run.
    QVERIFY(plan.pieces[1].copy);
    QCOMPARE(plan.pieces[1].ranges.first().to, 169);
    const SmartPiece& join = plan.pieces[2];
    QVERIFY(!join.copy);
    QCOMPARE(join.ranges.size(), 2);
    QCOMPARE(join.ranges[0].from, 169);
    QCOMPARE(join.ranges[0].to, 171);
    QCOMPARE(join.ranges[1].from, 213);
    QCOMPARE(join.ranges[1].to, 240);
    for (const SmartPiece& p : plan.pieces)
        if (p.copy)
            QVERIFY(s.key[p.ranges.first().from]);
}

void TstSmartPlan::planShortSegmentIsEncoded()
{
    // A segment holding no clean keyframe is re-encoded whole and merges with its
    // neighbours' heads and tails.
    const Draft d =
        draftOf({track("v1", 0,
                       {seg("s1", "m1", 0, 100, 1000), seg("s2", "m1", 1000, 2100, 1500),
                        seg("s3", "m1", 2500, 4100, 6000)})});
    const SmartPlan plan =
        planSmartRender(d, fakeInputs(), {{"m1", fakeSource()}}, RenderPreset::byName("720p"));
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    QVERIFY(!plan.pieces.first().copy);
    QCOMPARE(plan.pieces.first().ranges.size(), 3); // s1, s2, head of s3
    QCOMPARE(plan.pieces.first().ranges[2].to, 180);

    // With less than a fifth of the frames to copy the normal render is used.
    Draft shorter = d;
    shorter.t[0].sg[2].d = 3000;
    const SmartPlan little = planSmartRender(shorter, fakeInputs(), {{"m1", fakeSource()}},
                                             RenderPreset::byName("720p"));
    QVERIFY(!little.eligible);
    QVERIFY2(little.reason.contains("fifth"), qPrintable(little.reason));
}

// A title re-encodes the frames under it (plus a frame of margin on each side) and splits
// the copy around it; no copied frame lies under a title.
void TstSmartPlan::planTitledFramesAreEncoded()
{
    Draft d = cutDraft();
    // Timeline 6.0-7.0 s = timeline frames 180-210, inside s2 (timeline frames 132-335, source
    // frames 213-416): source frames 261-291, re-encoded as [261, 300) up to the next keyframe.
    d.t << track("x1", 7,
                 {seg("t1", "", 6000, 0, 1000, {{"text", "Mid"}}),
                  seg("t2", "", 0, 0, 500, {{"text", "   "}})}); // blank: drawn as nothing
    const SmartPlan plan = planSmartRender(d, fakeInputs(), {{"m1", fakeSource(600, 60, false)}},
                                           RenderPreset::byName("720p"));
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    QCOMPARE(plan.redrawn.size(), 1);
    QCOMPARE(plan.redrawn[0], qMakePair(180, 211));
    QList<QPair<int, int>> copies;
    int timeline = 0;
    for (const SmartPiece& p : plan.pieces) {
        if (p.copy) {
            copies << qMakePair(p.ranges.first().from, p.ranges.first().to);
            QVERIFY(timeline + p.frames() <= 180 || timeline >= 211);
        }
        timeline += p.frames();
    }
    QCOMPARE(timeline, plan.totalFrames());
    const QList<QPair<int, int>> expected{{60, 171}, {240, 261}, {300, 417}, {480, 585}};
    QCOMPARE(copies, expected);

    // Without the title the same segment is one copy.
    Draft plain = cutDraft();
    const SmartPlan without = planSmartRender(
        plain, fakeInputs(), {{"m1", fakeSource(600, 60, false)}}, RenderPreset::byName("720p"));
    QCOMPARE(without.copiedFrames() - plan.copiedFrames(), 300 - 261);
}

void TstSmartPlan::cleanGopStarts_data()
{
    QTest::addColumn<bool>("bframes");
    QTest::addColumn<int>("frame");
    QTest::addColumn<bool>("starts");
    for (const bool b : {true, false}) {
        const char* kind = b ? "B-frames" : "P only";
        QTest::addRow("%s: first frame", kind) << b << 0 << true;
        QTest::addRow("%s: keyframe", kind) << b << 120 << true;
        QTest::addRow("%s: after a keyframe", kind) << b << 121 << false;
        QTest::addRow("%s: before a keyframe", kind) << b << 59 << false;
        QTest::addRow("%s: mid GOP", kind) << b << 90 << false;
        QTest::addRow("%s: before the start", kind) << b << -1 << false;
        QTest::addRow("%s: past the end", kind) << b << 600 << false;
    }
}

void TstSmartPlan::cleanGopStarts()
{
    QFETCH(bool, bframes);
    QFETCH(int, frame);
    QFETCH(bool, starts);
    const SmartSource s = fakeSource(600, 60, bframes);
    QCOMPARE(startsCleanGop(s, cleanPrefixes(s), frame), starts);
}

namespace {

// A talk cut into many short segments: 2.5 s kept of every 4 s, starting mid-GOP.
SmartPlan manyCuts(int segments)
{
    QList<Segment> list;
    for (int i = 0; i < segments; ++i)
        list << seg(QStringLiteral("s%1").arg(i), "m1", 2500 * i, 4000 * i + 1300, 2500);
    return planSmartRender(draftOf({track("v1", 0, list)}), fakeInputs(),
                           {{"m1", fakeSource(segments * 120 + 120)}},
                           RenderPreset::byName("720p"));
}

} // namespace

void TstSmartPlan::batchesTakeEveryEncodedPieceOnce_data()
{
    QTest::addColumn<int>("segments");
    QTest::addColumn<int>("count");
    QTest::newRow("one batch") << 12 << 1;
    QTest::newRow("four batches") << 40 << 4;
    QTest::newRow("more batches than pieces") << 3 << 50;
    QTest::newRow("inputs cap the batch size") << 120 << 1;
}

void TstSmartPlan::batchesTakeEveryEncodedPieceOnce()
{
    QFETCH(int, segments);
    QFETCH(int, count);
    const SmartPlan plan = manyCuts(segments);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    const QList<SmartBatch> batches = planSmartBatches(plan, count);
    QList<int> taken;
    int frames = 0;
    for (const SmartBatch& b : batches) {
        QVERIFY(!b.pieces.isEmpty());
        QCOMPARE(b.starts.size(), b.pieces.size());
        int at = 0;
        int inputs = 0;
        for (int j = 0; j < b.pieces.size(); ++j) {
            QCOMPARE(b.starts[j], at);
            at += plan.pieces[b.pieces[j]].frames();
            inputs += int(plan.pieces[b.pieces[j]].ranges.size());
        }
        QCOMPARE(b.frames, at);
        QCOMPARE(b.inputs, inputs);
        QVERIFY(b.inputs <= 48);
        frames += b.frames;
        taken << b.pieces;
    }
    QList<int> encoded;
    for (int i = 0; i < plan.pieces.size(); ++i)
        if (!plan.pieces[i].copy)
            encoded << i;
    QCOMPARE(taken, encoded); // each once, in timeline order
    QCOMPARE(frames, plan.encodedFrames());
    if (encoded.size() <= 48 / 2)
        QCOMPARE(batches.size(), std::min(count, int(encoded.size())));
    else
        QVERIFY(batches.size() >= count);
}

void TstSmartPlan::batchCommandForcesAnIdrPerPiece()
{
    Draft d = cutDraft();
    d.t << track("x1", 7, {seg("t1", "", 6000, 0, 1000, {{"text", "Mid"}})});
    const SmartSource src = fakeSource(600, 60, false);
    const SmartPlan plan =
        planSmartRender(d, fakeInputs(), {{"m1", src}}, RenderPreset::byName("720p"));
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    const QList<SmartBatch> batches = planSmartBatches(plan, 1);
    QCOMPARE(batches.size(), 1);
    const SmartBatch& b = batches.first();
    QVERIFY(b.pieces.size() >= 3);
    SmartTitles titles;
    titles.filters << "drawtext=text=MARK";
    titles.spans << qMakePair(qint64(6000), qint64(7000));
    const SmartBatchCommand cmd =
        smartBatchCommand(plan, {{"m1", src}}, RenderPreset::byName("720p"), b, titles,
                          {{"m1", "/w/v0.mp4"}}, "/w/b0.ffconcat", "/tmp/b0.mp4");
    const QStringList& args = cmd.args;
    // One input: the concat list over the video-only copy, one entry per decode.
    QCOMPARE(args.count("-i"), 1);
    QCOMPARE(args.value(args.indexOf("-i") + 1), "/w/b0.ffconcat");
    const QList<SmartDecode> decodes = smartBatchDecodes(plan, {{"m1", src}}, b);
    QCOMPARE(int(cmd.list.count("file 'file:/w/v0.mp4'")), int(decodes.size()));
    QVERIFY(decodes.size() <= b.inputs);
    const int fk = args.indexOf("-force_key_frames");
    QVERIFY(fk > 0);
    QStringList expected;
    for (int j = 1; j < b.starts.size(); ++j)
        expected << QStringLiteral("eq(n,%1)").arg(b.starts[j]);
    QCOMPARE(args.value(fk + 1), "expr:" + expected.join('+'));
    QCOMPARE(args.value(args.indexOf("-forced-idr") + 1), "1");
    // The title is drawn only in the piece under it, on frames stamped with timeline times.
    const QString graph = args.value(args.indexOf("-filter_complex") + 1);
    QCOMPARE(graph.count("drawtext=text=MARK"), 1);
    const QVector<int> first = pieceTimelineStarts(plan);
    int titled = -1;
    for (int j = 0; j < b.pieces.size(); ++j)
        if (first[b.pieces[j]] <= 180 &&
            first[b.pieces[j]] + plan.pieces[b.pieces[j]].frames() >= 211)
            titled = b.pieces[j];
    QVERIFY(titled >= 0);
    QVERIFY2(graph.contains(QStringLiteral("/(30*TB)',drawtext=text=MARK")), qPrintable(graph));
    // The piecewise restamping starts at the first piece's timeline frame.
    QVERIFY2(graph.contains(QStringLiteral("setpts='(N+%1").arg(first[b.pieces.first()])),
             qPrintable(graph));
    QCOMPARE(args.last(), "file:/tmp/b0.mp4");

    // One piece: nothing to force.
    SmartBatch one;
    one.pieces << b.pieces.first();
    one.starts << 0;
    one.frames = plan.pieces[one.pieces.first()].frames();
    QVERIFY(!smartBatchCommand(plan, {{"m1", src}}, RenderPreset::byName("720p"), one, {}, {}, "/l",
                               "/x")
                 .args.contains("-force_key_frames"));
}

// The decodes of a batch: each starts on a clean keyframe at or before its first kept frame,
// its packets hold every kept frame, the kept windows are the batch's ranges in order, and a
// range whose keyframe is already decoded continues the previous decode.
void TstSmartPlan::batchDecodesStartOnKeyframes()
{
    const SmartSource src = fakeSource(600, 60, true);
    const QVector<bool> clean = cleanPrefixes(src);
    // Cut 0.4 s out of the middle of a GOP: the second range's keyframe (60) is decoded by
    // the first range already, so one decode covers both.
    const Draft d =
        draftOf({track("v1", 0,
                       {seg("s1", "m1", 0, 1000, 1500), seg("s2", "m1", 1500, 2900, 3100),
                        seg("s3", "m1", 4600, 13100, 2000)})});
    const SmartPlan plan =
        planSmartRender(d, fakeInputs(), {{"m1", src}}, RenderPreset::byName("720p"));
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    const QList<SmartBatch> batches = planSmartBatches(plan, 1);
    QCOMPARE(batches.size(), 1);
    const QList<SmartDecode> decodes = smartBatchDecodes(plan, {{"m1", src}}, batches.first());
    QList<QPair<int, int>> wanted;
    for (const int i : batches.first().pieces)
        for (const SmartRange& r : plan.pieces[i].ranges)
            wanted << qMakePair(r.from, r.to);
    QList<QPair<int, int>> kept;
    for (const SmartDecode& dec : decodes) {
        QVERIFY(startsCleanGop(src, clean, dec.key));
        QVERIFY(dec.key <= dec.windows.first().first);
        QVERIFY(dec.last >= dec.windows.last().second - 1);
        for (int i = dec.key; i < dec.packetEnd; ++i) // packets from the keyframe on
            QVERIFY(src.frame[i] >= dec.key && src.frame[i] <= dec.last);
        for (int f = dec.key; f < dec.windows.last().second; ++f) // hold every kept frame
            QVERIFY(src.frame.indexOf(f) < dec.packetEnd);
        kept << dec.windows;
    }
    QCOMPARE(kept, wanted);
    QVERIFY(decodes.size() < wanted.size()); // the cut inside a GOP is decoded through
}

void TstSmartPlan::concatEntryCutsBetweenPackets()
{
    const SmartSource s = fakeSource(600, 60, true);
    const double tb = 1.0 / 15360;
    const QStringList mid = smartConcatEntry("/w/it's.mp4", s, 60, 169, 30);
    QCOMPARE(mid.size(), 4);
    QCOMPARE(mid[0], "file 'file:/w/it'\\''s.mp4'");
    QCOMPARE(mid[1], "inpoint 2.000000");
    QCOMPARE(mid[2], "outpoint " + QString::number((s.dts[168] + s.dts[169]) / 2.0 * tb, 'f', 6));
    QCOMPARE(mid[3], "duration 3.633333");
    // Up to the end of the file: no outpoint (it would cut the last packet).
    const QStringList end = smartConcatEntry("/w/a.mp4", s, 540, 600, 30);
    QCOMPARE(end, QStringList({"file 'file:/w/a.mp4'", "inpoint 18.000000", "duration 2.000000"}));
}

QTEST_GUILESS_MAIN(TstSmartPlan)
#include "tst_smartplan.moc"
