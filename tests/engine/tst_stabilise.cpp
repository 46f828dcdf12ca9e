// Stabilising (edit/Stabilise.h, media/Stabilise.h) from the chat's words to the pixels. The
// source is one testsrc2 frame with a coarse noise texture (so every shift is unambiguous),
// moved by a deterministic random walk of about 6 px a frame: crop x/y driven by random() with
// fixed seeds. The motion between frames is measured on the decoded grey pictures by a block
// search (the shift minimising the absolute difference of the picture's centre), so an export
// that stabilised nothing, or stabilised with the transforms of other frames, fails.
#include "Interchange.h"
#include "agent/Executor.h"
#include "agent/Planner.h"
#include "edit/Stabilise.h"
#include "media/Stabilise.h"
#include "render/RenderDraft.h"
#include "render/SmartRender.h"
#include "store/Store.h"

#include "DraftBuilder.h"
#include "MeasureAudio.h"
#include "TestMedia.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <climits>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr int kW = 640;
constexpr int kH = 360;
constexpr qint64 kClipMs = 8000;

// Mean length (px) of the best whole-pixel shift between consecutive frames of `file`.
double meanMotion(const QString& file)
{
    const QByteArray raw = test::ffmpegOutput(
        {"-v", "error", "-i", file, "-vf",
         QStringLiteral("scale=%1:%2,format=gray").arg(kW).arg(kH), "-f", "rawvideo", "-"});
    const qsizetype size = qsizetype(kW) * kH;
    const auto* px = reinterpret_cast<const uchar*>(raw.constData());
    constexpr int r = 16;
    double sum = 0;
    int pairs = 0;
    for (qsizetype at = size; at + size <= raw.size(); at += size, ++pairs) {
        const uchar* a = px + at - size;
        const uchar* b = px + at;
        long best = LONG_MAX;
        int bx = 0, by = 0;
        for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx) {
                long s = 0;
                for (int y = kH / 4; y < 3 * kH / 4 && s < best; y += 2)
                    for (int x = kW / 4; x < 3 * kW / 4; x += 2)
                        s += std::abs(int(a[y * kW + x]) - int(b[(y + dy) * kW + x + dx]));
                if (s < best) {
                    best = s;
                    bx = dx;
                    by = dy;
                }
            }
        sum += std::sqrt(double(bx * bx + by * by));
    }
    return pairs > 0 ? sum / pairs : -1;
}

Draft oneClip(const QJsonObject& m = {}, qint64 in = 2000, qint64 d = 5000)
{
    Draft draft =
        test::draftOf({test::track("v1", 0, "Video", {test::seg("s1", "m1", 0, in, d, m)})});
    draft.m = QJsonObject{{"width", kW}, {"height", kH}, {"fps", 30}};
    return draft;
}

QJsonObject stab()
{
    return QJsonObject{{QStringLiteral("stab"), true}};
}

} // namespace

class TstStabilise : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QHash<QString, RenderInput> inputs_;
    QString shaky_;

    RunResult render(const Draft& d, const QString& name, QHash<QString, RenderInput> inputs = {})
    {
        RenderPreset p = RenderPreset::byName(QStringLiteral("1080p"));
        p.x264Preset = QStringLiteral("ultrafast");
        return renderDraft(d, inputs.isEmpty() ? inputs_ : inputs, p, dir_.filePath(name),
                           dir_.path(), {}, nullptr);
    }

private Q_SLOTS:
    void initTestCase();
    void operationMarksTheStretch();
    void filterReadsTheSourceFromItsFirstFrame();
    void exportIsSteadier();
    void analysisIsCachedPerMedia();
    void withoutTimestampsCountsFromTheFirstFrame();
    void variableFrameRateStaysAligned();
    void brokenMediaFailsClearly();
    void cancelStopsTheAnalysis();
    void chatEditIsOneUndoableVersion();
    void planner_data();
    void planner();
    void handOffSaysItIsNotCarried();
};

void TstStabilise::initTestCase()
{
    QVERIFY(dir_.isValid());
    shaky_ = dir_.filePath("shaky.mp4");
    const QString walk =
        QStringLiteral(
            "crop=%1:%2:x='if(lte(n,0),st(0,80),st(0,clip(ld(0)+(random(2)-0.5)*12,8,152)))':"
            "y='if(lte(n,0),st(1,80),st(1,clip(ld(1)+(random(3)-0.5)*14,8,152)))'")
            .arg(kW)
            .arg(kH);
    QString error;
    QVERIFY2(test::runFfmpeg({"-filter_complex",
                              "testsrc2=size=800x520:rate=30:duration=1,format=rgb24[a];"
                              "nullsrc=size=100x65:rate=30:duration=1,geq=lum='128+160*(random(0)-"
                              "0.5)':cb=128:cr=128,scale=800:520:flags=bicubic,format=rgb24[b];"
                              "[a][b]blend=all_mode=overlay:all_opacity=0.7,trim=end_frame=1,"
                              "loop=loop=239:size=1:start=0,setpts=N/30/TB," +
                                  walk + ",format=yuv420p[v];sine=f=440:d=8[s]",
                              "-map", "[v]", "-map", "[s]", "-r", "30", "-c:v", "libx264",
                              "-preset", "veryfast", "-crf", "18", "-c:a", "aac", shaky_},
                             &error),
             qPrintable(error));
    RenderInput in{shaky_, true, true, kClipMs, false};
    in.stabCache = dir_.filePath("data/stabilise/shaky-v1.trf");
    inputs_.insert(QStringLiteral("m1"), in);
}

void TstStabilise::operationMarksTheStretch()
{
    const Draft d = oneClip({}, 0, kClipMs);
    const EditResult r = stabiliseRange(d, 2000, 5000);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QList<Segment>& sg = r.draft.t[0].sg;
    QCOMPARE(sg.size(), 3);
    QCOMPARE(sg[1].st, 2000);
    QCOMPARE(sg[1].in, 2000);
    QCOMPARE(sg[1].d, 3000);
    QVERIFY(isStabilisedSegment(sg[1]));
    QVERIFY(!isStabilisedSegment(sg[0]) && !isStabilisedSegment(sg[2]));
    QCOMPARE(r.draft.computedDuration(), kClipMs);
    // Off again: the mark goes, the length stays; the whole video is one segment marked.
    const EditResult off = stabiliseRange(r.draft, 0, 0, false);
    QVERIFY2(off.ok, qPrintable(off.error));
    for (const Segment& s : off.draft.t[0].sg)
        QVERIFY(!isStabilisedSegment(s));
    const EditResult whole = stabiliseRange(d, 0, 0);
    QVERIFY(whole.ok && whole.draft.t[0].sg.size() == 1 &&
            isStabilisedSegment(whole.draft.t[0].sg[0]));
    QVERIFY(!stabiliseRange(d, 9000, 10000).ok); // after the end
    QVERIFY(!stabiliseRange(d, 0, 0, false).ok); // nothing to take off
    QVERIFY(!stabiliseRange(Draft{}, 0, 0).ok);
}

void TstStabilise::filterReadsTheSourceFromItsFirstFrame()
{
    RenderInput in{QStringLiteral("/x/a.mp4"), true, true, kClipMs, false};
    in.stabTrf = QStringLiteral("/tmp/it's a:b,c.trf");
    const Segment s = test::seg("s1", "m1", 0, 2000, 5000, stab());
    const QString f = stabiliseFilter(s, in);
    // Without the segment's own stretch: the whole file's, counted from the first frame.
    QVERIFY2(f.startsWith(QLatin1String("trim=end=8.000,vidstabtransform=input=")), qPrintable(f));
    QVERIFY2(f.contains(QLatin1String("trim=start=1.000,unsharp")), qPrintable(f));
    RenderInput own = in;
    own.stabFrom.insert(QStringLiteral("s1"), QStringLiteral("/tmp/it's a:b,c-f30-300.trf"));
    const QString g = stabiliseFilter(s, own);
    QVERIFY2(g.startsWith(QLatin1String("trim=start=1.000:end=8.000,vidstabtransform=input=") +
                          escapeFilterValue(own.stabFrom.value("s1"))),
             qPrintable(g));
    QVERIFY2(f.contains(escapeFilterValue(in.stabTrf)), qPrintable(f));
    QVERIFY(f.endsWith(QLatin1Char(',')));
    QVERIFY(stabiliseFilter(test::seg("s1", "m1", 0, 2000, 5000), in).isEmpty());
    RenderInput window = in;
    window.seekMs = 2000; // a preview's window: its frames are not counted from the first
    QVERIFY(stabiliseFilter(s, window).isEmpty());
    RenderInput still = in;
    still.isImage = true;
    QVERIFY(stabiliseFilter(s, still).isEmpty());
    // The smart render (stream copy) steps aside: every frame is transformed.
    QString why;
    QVERIFY(!draftSuitsSmartRender(oneClip(stab()), {{QStringLiteral("m1"), in}}, RenderPreset{},
                                   &why));
    QVERIFY2(why.contains(QLatin1String("stabilised")), qPrintable(why));
    // In the graph it comes right after the input, before the segment's trim.
    QHash<QString, RenderInput> inputs{{QStringLiteral("m1"), in}};
    const RenderCommand cmd =
        buildRenderCommand(oneClip(stab()), inputs, RenderPreset{}, QStringLiteral("/tmp/o.mp4"),
                           QDir::tempPath(), {});
    const QString graph = cmd.args.value(cmd.args.indexOf(QStringLiteral("-filter_complex")) + 1);
    QVERIFY2(graph.contains(QStringLiteral("[0:v]") + f + QStringLiteral("trim=start=2.000")),
             qPrintable(graph));
}

void TstStabilise::exportIsSteadier()
{
    QElapsedTimer t;
    t.start();
    const RunResult plain = render(oneClip(), "plain.mp4");
    QVERIFY2(plain.ok, qPrintable(plain.error));
    const int runs = shakeAnalysesRun();
    t.restart();
    const RunResult steady = render(oneClip(stab()), "steady.mp4");
    const qint64 engineMs = t.elapsed();
    QVERIFY2(steady.ok, qPrintable(steady.error));
    QCOMPARE(shakeAnalysesRun(), runs + 1);
    QVERIFY(QFileInfo(inputs_.value("m1").stabCache).size() > 0);
    // The segment read its own stretch: from 1 s (its in-point less a second) at 30 fps.
    QCOMPARE(QDir(dir_.filePath("data/stabilise")).entryList({"shaky-v1-f30-*.trf"}).size(), 1);
    const double before = meanMotion(dir_.filePath("plain.mp4"));
    const double after = meanMotion(dir_.filePath("steady.mp4"));
    // The same two passes by hand, for the time (the engine's graph also fits and encodes).
    const QString trf = dir_.filePath("plain.trf");
    t.restart();
    QVERIFY(
        test::runFfmpeg({"-i", shaky_, "-vf", "vidstabdetect=result=" + trf, "-f", "null", "-"}));
    QVERIFY(test::runFfmpeg({"-i", shaky_, "-vf",
                             "vidstabtransform=input=" + trf +
                                 ":smoothing=30,unsharp=5:5:0.8:3:3:0.4,"
                                 "trim=start=2:duration=5",
                             "-c:v", "libx264", "-preset", "ultrafast", "-an",
                             dir_.filePath("byhand.mp4")}));
    const qint64 plainMs = t.elapsed();
    qInfo("motion per frame: %.2f px before, %.2f px after (%.1fx less); engine %lld ms (analysis "
          "+ render), plain ffmpeg two passes %lld ms",
          before, after, before / std::max(after, 0.01), engineMs, plainMs);
    QVERIFY2(before > 3.0, qPrintable(QString::number(before))); // the clip does shake
    QVERIFY2(after * 3.0 <= before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void TstStabilise::analysisIsCachedPerMedia()
{
    const QString cache = inputs_.value("m1").stabCache;
    if (!QFileInfo::exists(cache))
        QVERIFY(render(oneClip(stab()), "first.mp4").ok);
    const QDateTime made = QFileInfo(cache).lastModified();
    const int runs = shakeAnalysesRun();
    // Another stretch of the same media, late in it, reuses the whole file's analysis, and its
    // frames still get their own transforms (misaligned ones make it shake more, not less).
    const RunResult again = render(oneClip(stab(), 4000, 3500), "again.mp4");
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(shakeAnalysesRun(), runs);
    QCOMPARE(QFileInfo(cache).lastModified(), made);
    QCOMPARE(QDir(dir_.filePath("data/stabilise")).entryList({"shaky-v1-f90-*.trf"}).size(), 1);
    QVERIFY(render(oneClip({}, 4000, 3500), "again-plain.mp4").ok);
    const double before = meanMotion(dir_.filePath("again-plain.mp4"));
    const double after = meanMotion(dir_.filePath("again.mp4"));
    qInfo("late stretch: %.2f px before, %.2f px after", before, after);
    QVERIFY2(after * 3.0 <= before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void TstStabilise::withoutTimestampsCountsFromTheFirstFrame()
{
    // The same analysis with timestamps out of order: no stretch of it can be cut, so the
    // segment's chain reads the file from its first frame through the whole analysis.
    RenderInput in = inputs_.value("m1");
    QVERIFY(QFileInfo::exists(in.stabCache));
    const QString copy = dir_.filePath("data/stabilise/copy-v1.trf");
    QVERIFY(QFile::copy(in.stabCache, copy));
    QFile pts(copy + QStringLiteral(".pts"));
    QVERIFY(pts.open(QIODevice::WriteOnly));
    pts.write("#tb 0: 1/30\n0, 5, 5, 1, 472, 0x0\n0, 1, 1, 1, 472, 0x0\n");
    pts.close();
    in.stabCache = copy;
    const int runs = shakeAnalysesRun();
    const RunResult r = render(oneClip(stab(), 4000, 3500), "counted.mp4", {{"m1", in}});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(shakeAnalysesRun(), runs);
    QCOMPARE(QDir(dir_.filePath("data/stabilise")).entryList({"copy-v1-f*"}).size(), 0);
    QVERIFY(render(oneClip({}, 4000, 3500), "counted-plain.mp4").ok);
    const double before = meanMotion(dir_.filePath("counted-plain.mp4"));
    const double after = meanMotion(dir_.filePath("counted.mp4"));
    qInfo("late stretch counted from the first frame: %.2f px before, %.2f px after", before,
          after);
    QVERIFY2(after * 3.0 <= before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void TstStabilise::variableFrameRateStaysAligned()
{
    // From frame 60 on, the frames come a quarter further apart (a phone's variable rate): a
    // frame's number is then no longer its time x 30, which only the timestamps can tell.
    const QString vfr = dir_.filePath("vfr.mp4");
    QString error;
    QVERIFY2(test::runFfmpeg({"-i", shaky_, "-vf",
                              "setpts='(N+if(gte(N\\,60)\\,(N-60)*0.25\\,0))/30/TB'", "-fps_mode",
                              "passthrough", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
                              "-an", vfr},
                             &error),
             qPrintable(error));
    RenderInput in{vfr, true, false, 9500, false};
    in.stabCache = dir_.filePath("data/stabilise/vfr-v1.trf");
    QHash<QString, RenderInput> inputs{{QStringLiteral("m1"), in}};
    const RunResult r = render(oneClip(stab(), 5000, 3000), "vfr-steady.mp4", inputs);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(QDir(dir_.filePath("data/stabilise")).entryList({"vfr-v1-f*.trf"}).size(), 1);
    QVERIFY(render(oneClip({}, 5000, 3000), "vfr-plain.mp4", inputs).ok);
    const double before = meanMotion(dir_.filePath("vfr-plain.mp4"));
    const double after = meanMotion(dir_.filePath("vfr-steady.mp4"));
    qInfo("variable frame rate, late stretch: %.2f px before, %.2f px after", before, after);
    QVERIFY2(after * 3.0 <= before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void TstStabilise::brokenMediaFailsClearly()
{
    const QString broken = dir_.filePath("broken.mp4");
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    RenderInput in{broken, true, true, 4000, false};
    in.stabCache = dir_.filePath("data/stabilise/broken-v1.trf");
    const RunResult r = render(oneClip(stab(), 0, 2000), "broken-out.mp4", {{"m1", in}});
    QVERIFY(!r.ok && !r.cancelled);
    QVERIFY2(r.error.contains(QLatin1String("broken.mp4")) &&
                 r.error.contains(QLatin1String("stabilise")),
             qPrintable(r.error));
    QVERIFY(!QFileInfo::exists(in.stabCache));
    QCOMPARE(QDir(dir_.filePath("data/stabilise")).entryList({"broken*"}, QDir::Files).size(), 0);
}

void TstStabilise::cancelStopsTheAnalysis()
{
    const std::atomic_bool cancel{true};
    const QString trf = dir_.filePath("data/stabilise/cancelled.trf");
    const RunResult r = analyseShake(shaky_, kClipMs, trf, {}, &cancel);
    QVERIFY(!r.ok && r.cancelled);
    QVERIFY(!QFileInfo::exists(trf));
    // Progress arrives while it runs and ends at 1.
    double last = -1;
    const QString other = dir_.filePath("data/stabilise/progress.trf");
    QElapsedTimer t;
    t.start();
    const auto onProgress = [&](double f) { last = f; };
    QVERIFY(analyseShake(shaky_, kClipMs, other, onProgress, nullptr).ok);
    qInfo("analysis of %lld ms of 640x360: %lld ms", kClipMs, t.elapsed());
    QCOMPARE(last, 1.0);
}

void TstStabilise::chatEditIsOneUndoableVersion()
{
    Store store;
    QVERIFY(store.open(dir_.filePath("store")));
    const auto session =
        store.createSession(QStringLiteral("en"), oneClip({}, 0, kClipMs).toBytes());
    QVERIFY(session);
    Executor ex(store);
    const Plan plan = planInstruction(QStringLiteral("stabilize 0:02-0:05"));
    QCOMPARE(plan.operations.size(), 1);
    const OpOutcome out = ex.run(session->id, plan.operations.first(), false);
    QVERIFY2(out.ok, qPrintable(out.reply));
    QVERIFY2(out.reply.contains(QLatin1String("0:02")), qPrintable(out.reply));
    const Draft head = *Draft::fromBytes(store.headDraft(session->id)->json);
    QCOMPARE(head.t[0].sg.size(), 3);
    QVERIFY(isStabilisedSegment(head.t[0].sg[1]));
    QVERIFY(store.undo(session->id).ok);
    const Draft undone = *Draft::fromBytes(store.headDraft(session->id)->json);
    QCOMPARE(undone.t[0].sg.size(), 1);
    QVERIFY(!isStabilisedSegment(undone.t[0].sg[0]));
    // In Chinese; and a stretch after the end changes nothing and says so.
    const Operation zhOp = planInstruction(QStringLiteral("防抖")).operations.value(0);
    const OpOutcome zh = ex.run(session->id, zhOp, true);
    QVERIFY2(zh.ok && zh.reply.contains(QStringLiteral("防抖")), qPrintable(zh.reply));
    const Operation lateOp =
        planInstruction(QStringLiteral("stabilise 1:00-1:10")).operations.value(0);
    const OpOutcome late = ex.run(session->id, lateOp, false);
    QVERIFY2(!late.ok, qPrintable(late.reply));
}

void TstStabilise::planner_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("args"); // the op's args as compact JSON; "-" no stabilise op
    QTest::newRow("shaky part") << "stabilise the shaky part"
                                << "{}";
    QTest::newRow("us spelling") << "stabilize the video"
                                 << "{}";
    QTest::newRow("range") << "stabilize 0:10-0:20"
                           << R"({"from_ms":10000,"to_ms":20000})";
    QTest::newRow("footage") << "fix the shaky footage"
                             << "{}";
    QTest::newRow("last") << "stabilise the last 5 seconds"
                          << R"({"last_ms":5000})";
    QTest::newRow("zh") << "防抖"
                        << "{}";
    QTest::newRow("zh steady") << "画面稳定一下"
                               << "{}";
    QTest::newRow("zh range") << "把0:05到0:12防抖"
                              << R"({"from_ms":5000,"to_ms":12000})";
    QTest::newRow("off") << "remove the stabilisation"
                         << R"({"off":true})";
    QTest::newRow("zh off") << "取消防抖"
                            << R"({"off":true})";
    QTest::newRow("adds shake") << "add a camera shake effect"
                                << "-";
    QTest::newRow("douyin") << "发抖音用的竖屏"
                            << "-";
}

void TstStabilise::planner()
{
    QFETCH(QString, text);
    QFETCH(QString, args);
    const Plan plan = planInstruction(text);
    QString got = QStringLiteral("-");
    for (const Operation& o : plan.operations)
        if (o.name == Op::stabilise())
            got = QString::fromUtf8(QJsonDocument(o.args).toJson(QJsonDocument::Compact));
    QCOMPARE(got, args);
}

void TstStabilise::handOffSaysItIsNotCarried()
{
    const Draft d = stabiliseRange(oneClip({}, 0, kClipMs), 2000, 5000).draft;
    const QList<interchange::SourceMedia> media{
        {QStringLiteral("m1"), shaky_, QStringLiteral("shaky.mp4"), kClipMs, kW, kH, 30}};
    for (const interchange::Format f : {interchange::Format::Fcpxml, interchange::Format::Mlt,
                                        interchange::Format::Otio, interchange::Format::Edl}) {
        QString error;
        const QByteArray out = interchange::write(f, d, media, &error);
        QVERIFY2(!out.isEmpty(), qPrintable(error));
        QVERIFY2(out.contains("not carried") || out.contains("NOT CARRIED"),
                 qPrintable(interchange::extension(f)));
        QVERIFY2(out.contains("tabilis") || out.contains("TABILIS"),
                 qPrintable(interchange::extension(f)));
    }
}

QTEST_GUILESS_MAIN(TstStabilise)
#include "tst_stabilise.moc"
