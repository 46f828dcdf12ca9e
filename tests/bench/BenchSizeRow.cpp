// Issue 17's compress-to-size bar on the long clip: the whole 10-minute talk (--quick: 40 s)
// exported at 720p with a 50 MB limit ("compress it to under 50 MB") by the engine's render
// dispatch, against two hand-written ffmpeg passes at the bitrate and picture size the
// engine's own plan (SizeTarget.h) chose, with the same x264 preset. The row passes when the
// file is under the limit and the time is within 1.2x of the two plain passes (wall seconds,
// one run each: each side is minutes long on the full clip; CPU seconds in the note).
#include "BenchOperationSupport.h"

#include "Draft.h"
#include "DraftBuilder.h"
#include "render/RenderDraft.h"
#include "render/SizeTarget.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace cw::bench {

using namespace cw::engine;

Row sizeRow(const Context& ctx)
{
    Row r = operationRow("size", "long clip compressed to under 50 MB, 720p two-pass");
    r.target = QStringLiteral("under the limit, <= 1.2x");
    const qint64 limit = 50 * 1000 * 1000;
    const qint64 durationMs = qRound64(probeDuration(ctx.talk) * 1000);
    if (durationMs <= 0) {
        r.note = QStringLiteral("cannot probe the long clip");
        return r;
    }
    Draft d = test::draftOf(
        {test::track(QStringLiteral("v1"), int(TrackType::Video),
                     {test::seg(QStringLiteral("s1"), QStringLiteral("talk"), 0, 0, durationMs)})});
    d.m = QJsonObject{{QStringLiteral("width"), 1280},
                      {QStringLiteral("height"), 720},
                      {QStringLiteral("fps"), 30}};
    QHash<QString, RenderInput> inputs;
    inputs.insert(QStringLiteral("talk"), RenderInput{ctx.talk, true, true, durationMs});
    RenderPreset preset = RenderPreset::byName(QStringLiteral("720p"));
    preset.x264Preset = ctx.x264;
    preset.maxBytes = limit;

    const SizePlan plan = planSize(durationMs, limit, 1280, 720, 30);
    if (!plan.ok) {
        r.note = QStringLiteral("the plan says 50 MB cannot hold this clip");
        return r;
    }
    const QString theirs = ctx.workDir + QStringLiteral("/size-baseline.mp4");
    const QString log = ctx.workDir + QStringLiteral("/size-pass");
    const QStringList common{QStringLiteral("-hide_banner"),
                             QStringLiteral("-nostdin"),
                             QStringLiteral("-v"),
                             QStringLiteral("error"),
                             QStringLiteral("-y"),
                             QStringLiteral("-i"),
                             ctx.talk,
                             QStringLiteral("-vf"),
                             QStringLiteral("scale=%1:%2").arg(plan.width).arg(plan.height),
                             QStringLiteral("-c:v"),
                             QStringLiteral("libx264"),
                             QStringLiteral("-preset"),
                             ctx.x264,
                             QStringLiteral("-pix_fmt"),
                             QStringLiteral("yuv420p"),
                             QStringLiteral("-b:v"),
                             QStringLiteral("%1k").arg(plan.videoKbps),
                             QStringLiteral("-passlogfile"),
                             log,
                             QStringLiteral("-r"),
                             QStringLiteral("30")};
    const QList<QStringList> passes{
        common + QStringList{QStringLiteral("-pass"), QStringLiteral("1"), QStringLiteral("-an"),
                             QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
        common + QStringList{QStringLiteral("-pass"), QStringLiteral("2"), QStringLiteral("-c:a"),
                             QStringLiteral("aac"), QStringLiteral("-b:a"),
                             QStringLiteral("%1k").arg(plan.audioKbps), QStringLiteral("-movflags"),
                             QStringLiteral("+faststart"), theirs}};
    warmCache(ctx.talk);
    const ProcResult base = runCommands(passes);
    if (!base.ok) {
        r.note = QStringLiteral("baseline failed: ") + QString::fromUtf8(base.err.right(300));
        return r;
    }
    const QString ours = ctx.workDir + QStringLiteral("/size-engine.mp4");
    const double cpuBefore = childrenCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    bool smart = false;
    const RunResult e = renderDraft(d, inputs, preset, ours, ctx.workDir, {}, nullptr, &smart);
    if (!e.ok) {
        r.note = QStringLiteral("engine export failed: ") + e.error.left(300);
        return r;
    }
    r.value = timer.nsecsElapsed() / 1e9;
    const double cpu = childrenCpuSeconds() - cpuBefore;
    r.extra.insert(QStringLiteral("cpu_seconds"), cpu);
    r.extra.insert(QStringLiteral("baseline_cpu_seconds"), base.cpuSeconds);
    r.baseline = base.seconds;
    r.ratio = r.baseline > 0 ? r.value / r.baseline : -1;
    const qint64 bytes = QFileInfo(ours).size();
    r.pass = bytes > 0 && bytes <= limit && r.ratio > 0 && r.ratio <= 1.2;
    r.extra.insert(QStringLiteral("bytes"), double(bytes));
    r.note = QStringLiteral("%1 s of 1280x720; plan %2x%3, video %4k + sound %5k; engine file "
                            "%6 MB (limit 50 MB), baseline file %7 MB; CPU %8 s vs %9 s")
                 .arg(durationMs / 1000.0, 0, 'f', 1)
                 .arg(plan.width)
                 .arg(plan.height)
                 .arg(plan.videoKbps)
                 .arg(plan.audioKbps)
                 .arg(bytes / 1e6, 0, 'f', 2)
                 .arg(QFileInfo(theirs).size() / 1e6, 0, 'f', 2)
                 .arg(cpu, 0, 'f', 1)
                 .arg(base.cpuSeconds, 0, 'f', 1);
    return r;
}

} // namespace cw::bench
