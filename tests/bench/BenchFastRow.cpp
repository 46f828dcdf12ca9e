// Issue 19's fast export (render/SmartCodec.h) on the HEVC 1080p30 source of the source rows
// (make_media.sh --sources: closed 2 s GOPs): "cut the pauses", then in the same run, alternated
// (best of CLIPWRIGHT_BENCH_REPS, default 2; --quick: 1):
//   - the engine's fast export (output.fast: HEVC copied, x265 only around the cuts);
//   - a plain `ffmpeg -c:v libx265` re-encode of the same kept ranges (one input per range,
//     concat; x265 at the bench's preset and its default quality, hvc1);
//   - the engine's default export of the same draft (H.264: every frame re-encoded).
// Wall and CPU seconds of each (the engine's CPU is its whole process tree), the ratios, and
// what came out: codec and tag, and the fast export's bitrate against the source's. Not in
// bench_quick: the x265 baseline alone costs minutes of CPU at 1080p.
#include "BenchSourceRows.h"

#include <QJsonArray>
#include <algorithm>

namespace cw::bench {

using cw::test::EngineClient;
using cw::test::TestEngine;

namespace {

struct Timing {
    double wall = 1e9;
    double cpu = 1e9;
    void take(double w, double c)
    {
        wall = std::min(wall, w);
        cpu = std::min(cpu, c);
    }
};

QString streamTag(const QString& file)
{
    const ProcResult r =
        runTimed(QStringLiteral("ffprobe"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                  QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                  QStringLiteral("stream=codec_name,codec_tag_string"), QStringLiteral("-of"),
                  QStringLiteral("csv=p=0"), file});
    return QString::fromUtf8(r.out.trimmed());
}

double bitrate(const QString& file)
{
    return double(QFileInfo(file).size()) * 8 / std::max(0.001, probeDuration(file));
}

// The ranges command with x265 in place of the export's x264 settings.
QStringList x265Command(const SourceCut& cut, const QString& preset, const QString& out)
{
    QStringList args = rangesCommand(cut, 1920, 1080, preset, out);
    const QStringList x264 = exportVideoArgs(preset);
    const int at = int(args.indexOf(x264.first()));
    if (at >= 0)
        args = args.mid(0, at) +
               QStringList{QStringLiteral("-c:v"),         QStringLiteral("libx265"),
                           QStringLiteral("-preset"),      preset,
                           QStringLiteral("-pix_fmt"),     QStringLiteral("yuv420p"),
                           QStringLiteral("-x265-params"), QStringLiteral("log-level=error"),
                           QStringLiteral("-tag:v"),       QStringLiteral("hvc1")} +
               args.mid(at + int(x264.size()));
    return args;
}

} // namespace

QList<Row> fastRows(const Context& ctx)
{
    Row vsX265;
    vsX265.id = QStringLiteral("fast_hevc_vs_x265");
    vsX265.metric = QStringLiteral("cut pauses, fast export (HEVC kept): HEVC 1080p30");
    vsX265.unit = QStringLiteral("s");
    vsX265.baselineName = QStringLiteral("plain ffmpeg -c:v libx265 of the kept ranges");
    vsX265.ratioMeaning = QStringLiteral("Clipwright / baseline");
    vsX265.target = QStringLiteral("< 1x");
    Row vsH264 = vsX265;
    vsH264.id = QStringLiteral("fast_hevc_vs_h264");
    vsH264.baselineName = QStringLiteral("the engine's default (H.264) export of the same draft");
    if (!QFileInfo::exists(ctx.srcHevc8)) {
        vsX265.note = vsH264.note = QStringLiteral("missing media ") + ctx.srcHevc8;
        return {vsX265, vsH264};
    }
    // make_media.sh's looped clips end in a GOP cut short by -t (a keyframe and one P frame of
    // the next loop, the B frames between missing): the smart render rightly refuses that file
    // ("frames are not at a constant rate"). A phone's file ends cleanly: the source here is
    // the clip's whole GOPs, copied.
    const QString source = ctx.workDir + QStringLiteral("/fast-src-hevc8.mp4");
    const int frames = int(probeDuration(ctx.srcHevc8) * 30 / 60) * 60;
    const ProcResult trimmed = runTimed(
        QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-i"),
         ctx.srcHevc8, QStringLiteral("-map"), QStringLiteral("0"), QStringLiteral("-c"),
         QStringLiteral("copy"), QStringLiteral("-frames:v"), QString::number(frames),
         QStringLiteral("-t"), QString::number(frames / 30.0, 'f', 3), source});
    if (!trimmed.ok) {
        vsX265.note = vsH264.note = QString::fromUtf8(trimmed.err.right(300));
        return {vsX265, vsH264};
    }
    TestEngine engine;
    engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), ctx.x264);
    engine.setEnv(QStringLiteral("CLIPWRIGHT_PROXIES"), QStringLiteral("0"));
    QString error;
    double uploadS = 0;
    QString sid;
    Turn cut;
    if (engine.start(&error))
        sid = sessionWith(engine, source, &uploadS, &error);
    EngineClient c(engine.baseUrl(), engine.token());
    if (!sid.isEmpty())
        cut = timedTurn(c, sid, QStringLiteral("cut the pauses"));
    if (sid.isEmpty() || !cut.ok) {
        vsX265.note = vsH264.note =
            sid.isEmpty() ? error : QStringLiteral("cut the pauses failed: ") + cut.text;
        return {vsX265, vsH264};
    }
    const SourceCut kept = sourceCut(headDraft(c, sid), source, QString());
    const QString plainOut = ctx.workDir + QStringLiteral("/fast-x265.mp4");
    const QStringList plainArgs = x265Command(kept, ctx.x264, plainOut);
    warmCache(source);

    Timing fast, h264, plain;
    QString fastPath, h264Path;
    const int asked = qEnvironmentVariableIntValue("CLIPWRIGHT_BENCH_REPS");
    const int reps = asked > 0 ? asked : ctx.quick ? 1 : 2;
    QJsonArray stages;
    for (int i = 0; i < reps; ++i) {
        double cpu = 0;
        QJsonArray st;
        const std::optional<double> f =
            exportOnce(c, sid, engine.pid(), &cpu, &fastPath, &st, &error, true);
        if (!f) {
            vsX265.note = vsH264.note = error;
            return {vsX265, vsH264};
        }
        fast.take(*f, cpu);
        const ProcResult p = runTimed(QStringLiteral("ffmpeg"), plainArgs);
        if (!p.ok) {
            vsX265.note = vsH264.note =
                QStringLiteral("plain x265 failed: ") + QString::fromUtf8(p.err.right(400));
            return {vsX265, vsH264};
        }
        plain.take(p.seconds, p.cpuSeconds);
        const std::optional<double> h =
            exportOnce(c, sid, engine.pid(), &cpu, &h264Path, &st, &error, false);
        if (!h) {
            vsX265.note = vsH264.note = error;
            return {vsX265, vsH264};
        }
        h264.take(*h, cpu);
    }
    const QString fastTag = streamTag(fastPath);
    const QString h264Tag = streamTag(h264Path);
    // The source's bitrate over its whole length against the fast export's (its kept part).
    const double rateRatio = bitrate(fastPath) / std::max(1.0, bitrate(source));
    const QString common =
        QStringLiteral("%1 of %2 s kept in %3 ranges; best of %4; fast %5 s / %6 s CPU (%7), "
                       "plain x265 %8 s / %9 s CPU (%10), default H.264 export %11 s / %12 s CPU "
                       "(%13); fast export's bitrate %14x the source's; preset %15")
            .arg(double(kept.keptMs) / 1000, 0, 'f', 1)
            .arg(probeDuration(source), 0, 'f', 1)
            .arg(kept.keep.size())
            .arg(reps)
            .arg(fast.wall, 0, 'f', 2)
            .arg(fast.cpu, 0, 'f', 2)
            .arg(fastTag)
            .arg(plain.wall, 0, 'f', 2)
            .arg(plain.cpu, 0, 'f', 2)
            .arg(streamTag(plainOut))
            .arg(h264.wall, 0, 'f', 2)
            .arg(h264.cpu, 0, 'f', 2)
            .arg(h264Tag)
            .arg(rateRatio, 0, 'f', 3)
            .arg(ctx.x264);
    const bool kept265 = fastTag == QLatin1String("hevc,hvc1");
    for (Row* r : {&vsX265, &vsH264}) {
        const Timing& base = r == &vsX265 ? plain : h264;
        r->value = fast.wall;
        r->baseline = base.wall;
        r->ratio = fast.wall / std::max(1e-6, base.wall);
        r->pass = kept265 && r->ratio < 1;
        r->note =
            QStringLiteral("CPU ratio %1; ").arg(fast.cpu / std::max(1e-6, base.cpu), 0, 'f', 2) +
            common;
        r->extra.insert(QStringLiteral("cpu_s"), fast.cpu);
        r->extra.insert(QStringLiteral("baseline_cpu_s"), base.cpu);
        r->extra.insert(QStringLiteral("cpu_ratio"), fast.cpu / std::max(1e-6, base.cpu));
        r->extra.insert(QStringLiteral("bitrate_ratio"), rateRatio);
    }
    QFile::remove(plainOut);
    QFile::remove(source);
    return {vsX265, vsH264};
}

} // namespace cw::bench
