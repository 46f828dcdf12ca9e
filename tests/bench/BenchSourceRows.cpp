// Issue 19: the normal render (every frame re-encoded; CLIPWRIGHT_SMART_RENDER=0) on the
// footage people have: HEVC 1080p30, HEVC 10-bit HLG 1080p60 (tone-mapped), H.264 4K30
// exported at 1080p, a variable frame rate and 29.97 fps. Each source is uploaded, "cut the
// pauses" is sent, and the 1080p export is timed beside the plain ffmpeg commands of
// BenchSourceCommands.cpp for the same kept ranges, alternated in the same run (best of 3;
// --quick: 1; CLIPWRIGHT_BENCH_REPS sets it). The ratio is against the faster plain command; the
// note gives wall and CPU seconds of each, the engine's stages (from the job's status: ffmpeg's
// -benchmark figures), the engine's own CPU beside its ffmpeg, the load average, and the export's
// PSNR against the per-range command's output.
#include "BenchSourceRows.h"

#include <QJsonArray>
#include <algorithm>

namespace cw::bench {

using cw::test::EngineClient;
using cw::test::TestEngine;

namespace {

struct Best {
    double wall = 1e9;
    double cpu = 1e9;
    double worstWall = 0;
    void take(double w, double c)
    {
        wall = std::min(wall, w);
        cpu = std::min(cpu, c);
        worstWall = std::max(worstWall, w);
    }
    bool ok() const { return wall < 1e9; }
};

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly)
               ? QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2)
               : QString();
}

} // namespace

std::optional<double> exportOnce(EngineClient& c, const QString& sid, qint64 pid, double* cpu,
                                 QString* path, QJsonArray* stages, QString* error, bool fast)
{
    QJsonObject output{{QStringLiteral("format"), QStringLiteral("mp4")},
                       {QStringLiteral("quality"), QStringLiteral("high")},
                       {QStringLiteral("preset"), QStringLiteral("1080p")}};
    if (fast)
        output.insert(QStringLiteral("fast"), true);
    const double cpu0 = processTreeCpuSeconds(pid);
    QElapsedTimer t;
    t.start();
    const cw::test::HttpReply submit = c.postJson(
        QStringLiteral("/api/render/proxy/lambda"),
        QJsonObject{{QStringLiteral("sessionId"), sid}, {QStringLiteral("output"), output}});
    const QString id = submit.data().value(QStringLiteral("id")).toString();
    if (id.isEmpty()) {
        *error =
            QStringLiteral("render submit failed: ") + QString::fromUtf8(submit.body.left(300));
        return std::nullopt;
    }
    for (;;) {
        const cw::test::HttpReply st = c.get(QStringLiteral("/api/render/proxy/lambda/") + id);
        const QString status = st.data().value(QStringLiteral("status")).toString();
        if (status == QLatin1String("completed")) {
            const double wall = seconds(t);
            *cpu = processTreeCpuSeconds(pid) - cpu0;
            *stages = st.data().value(QStringLiteral("stages")).toArray();
            *path = st.data()
                        .value(QStringLiteral("output"))
                        .toObject()
                        .value(QStringLiteral("path"))
                        .toString();
            return wall;
        }
        if (status == QLatin1String("failed") || st.status == 0 || t.elapsed() > 3600000) {
            *error = QStringLiteral("render failed: ") + QString::fromUtf8(st.body.left(600));
            return std::nullopt;
        }
        QThread::msleep(50);
    }
}

namespace {

// Average PSNR (all planes) of `a` against `b`, frames paired in order; -1 when unmeasured.
double psnr(const QString& a, const QString& b)
{
    const ProcResult r =
        runTimed(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-hide_banner"), QStringLiteral("-nostats"), QStringLiteral("-i"),
                  a, QStringLiteral("-i"), b, QStringLiteral("-lavfi"),
                  QStringLiteral("[0:v]setpts=N/TB[x];[1:v]setpts=N/TB[y];[x][y]psnr=shortest=1"),
                  QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    const int at = r.err.lastIndexOf("average:");
    if (!r.ok || at < 0)
        return -1;
    const QByteArray v = r.err.mid(at + 8, 12).split(' ').value(0);
    return v == "inf" ? 99 : v.toDouble();
}

QString stageNote(const QJsonArray& stages, double* ffmpegCpu)
{
    QStringList parts;
    *ffmpegCpu = 0;
    for (const QJsonValue& v : stages) {
        const QJsonObject s = v.toObject();
        *ffmpegCpu += s.value(QStringLiteral("cpu_s")).toDouble();
        parts << QStringLiteral("%1 %2 s CPU / %3 s")
                     .arg(s.value(QStringLiteral("name")).toString())
                     .arg(s.value(QStringLiteral("cpu_s")).toDouble(), 0, 'f', 2)
                     .arg(s.value(QStringLiteral("wall_s")).toDouble(), 0, 'f', 2);
    }
    return parts.isEmpty() ? QStringLiteral("(no stages reported)")
                           : parts.join(QStringLiteral(", "));
}

struct Source {
    const char* id;
    const char* label;
    QString file;
    QString hdr;
};

Row measureSource(const Context& ctx, TestEngine& engine, const Source& src)
{
    Row row;
    row.id = QStringLiteral("source_") + QLatin1String(src.id);
    row.metric = QStringLiteral("cut pauses, 1080p: ") + QLatin1String(src.label);
    row.unit = QStringLiteral("s");
    row.baselineName = QStringLiteral("the faster plain ffmpeg command for the kept ranges");
    row.ratioMeaning = QStringLiteral("Clipwright / baseline");
    row.target = QStringLiteral("<= 1.05x");
    if (!QFileInfo::exists(src.file)) {
        row.note = QStringLiteral("missing media ") + src.file;
        return row;
    }
    warmCache(src.file);
    QString error;
    double uploadS = 0;
    const double cpu0 = processTreeCpuSeconds(engine.pid());
    const QString sid = sessionWith(engine, src.file, &uploadS, &error);
    EngineClient c(engine.baseUrl(), engine.token());
    const Turn cut = sid.isEmpty() ? Turn{} : timedTurn(c, sid, QStringLiteral("cut the pauses"));
    const double ingestCpu = processTreeCpuSeconds(engine.pid()) - cpu0;
    if (sid.isEmpty() || !cut.ok) {
        row.note = sid.isEmpty() ? error : QStringLiteral("cut the pauses failed: ") + cut.text;
        return row;
    }
    const SourceCut kept = sourceCut(headDraft(c, sid), src.file, src.hdr);
    if (kept.keep.isEmpty()) {
        row.note = QStringLiteral("the draft has no video segments");
        return row;
    }
    const QString rangesOut = ctx.workDir + QStringLiteral("/src-ranges.mp4");
    const QString selectOut = ctx.workDir + QStringLiteral("/src-select.mp4");
    const QStringList rangesArgs = rangesCommand(kept, 1920, 1080, ctx.x264, rangesOut);
    const QStringList selectArgs = selectCommand(kept, 1920, 1080, ctx.x264, selectOut);

    Best eng, ranges, select;
    QJsonArray stages;
    QString enginePath;
    const QString loadBefore = loadAverage();
    const int asked = qEnvironmentVariableIntValue("CLIPWRIGHT_BENCH_REPS");
    const int reps = asked > 0 ? asked : ctx.quick ? 1 : 3;
    for (int i = 0; i < reps; ++i) {
        double cpu = 0;
        QJsonArray st;
        const std::optional<double> s =
            exportOnce(c, sid, engine.pid(), &cpu, &enginePath, &st, &error);
        if (!s) {
            row.note = error;
            return row;
        }
        eng.take(*s, cpu);
        if (cpu <= eng.cpu)
            stages = st;
        const ProcResult a = runTimed(QStringLiteral("ffmpeg"), rangesArgs);
        const ProcResult b = runTimed(QStringLiteral("ffmpeg"), selectArgs);
        if (!a.ok || !b.ok) {
            row.note = QStringLiteral("plain ffmpeg failed: ") +
                       QString::fromUtf8((a.ok ? b : a).err.right(400));
            return row;
        }
        ranges.take(a.seconds, a.cpuSeconds);
        select.take(b.seconds, b.cpuSeconds);
    }
    const QString loadAfter = loadAverage();
    const Best& base = ranges.wall <= select.wall ? ranges : select;
    double ffmpegCpu = 0;
    const QString stageText = stageNote(stages, &ffmpegCpu);
    const double quality = psnr(enginePath, rangesOut);
    const double engDur = probeDuration(enginePath);
    const double baseDur = probeDuration(rangesOut);
    const double engRate = double(QFileInfo(enginePath).size()) * 8 / std::max(0.001, engDur);
    const double baseRate = double(QFileInfo(rangesOut).size()) * 8 / std::max(0.001, baseDur);

    row.value = eng.wall;
    row.baseline = base.wall;
    row.ratio = eng.wall / base.wall;
    row.pass = row.ratio <= 1.05;
    row.note =
        QStringLiteral("%1 of %2 s kept in %3 ranges at %4 fps; best of %5 (worst engine %6 s); "
                       "CPU %7 s vs %8 s (CPU ratio %9); plain per-range %10 s / %11 s CPU, "
                       "select %12 s / %13 s CPU; engine stages: %14; engine's own CPU %15 s; "
                       "upload + probe + analysis + cut %16 s, %17 s CPU; PSNR vs per-range "
                       "%18 dB; length %19 vs %20 s; bitrate %21x; load %22 -> %23")
            .arg(double(kept.keptMs) / 1000, 0, 'f', 1)
            .arg(probeDuration(src.file), 0, 'f', 1)
            .arg(kept.keep.size())
            .arg(kept.rate)
            .arg(reps)
            .arg(eng.worstWall, 0, 'f', 2)
            .arg(eng.cpu, 0, 'f', 2)
            .arg(base.cpu, 0, 'f', 2)
            .arg(eng.cpu / std::max(1e-6, base.cpu), 0, 'f', 2)
            .arg(ranges.wall, 0, 'f', 2)
            .arg(ranges.cpu, 0, 'f', 2)
            .arg(select.wall, 0, 'f', 2)
            .arg(select.cpu, 0, 'f', 2)
            .arg(stageText)
            .arg(eng.cpu - ffmpegCpu, 0, 'f', 2)
            .arg(uploadS + cut.ms / 1000, 0, 'f', 2)
            .arg(ingestCpu, 0, 'f', 2)
            .arg(quality, 0, 'f', 1)
            .arg(engDur, 0, 'f', 3)
            .arg(baseDur, 0, 'f', 3)
            .arg(engRate / std::max(1.0, baseRate), 0, 'f', 3)
            .arg(loadBefore, loadAfter);
    row.extra.insert(QStringLiteral("cpu_s"), eng.cpu);
    row.extra.insert(QStringLiteral("baseline_cpu_s"), base.cpu);
    row.extra.insert(QStringLiteral("cpu_ratio"), eng.cpu / std::max(1e-6, base.cpu));
    row.extra.insert(QStringLiteral("ranges_s"), ranges.wall);
    row.extra.insert(QStringLiteral("ranges_cpu_s"), ranges.cpu);
    row.extra.insert(QStringLiteral("select_s"), select.wall);
    row.extra.insert(QStringLiteral("select_cpu_s"), select.cpu);
    row.extra.insert(QStringLiteral("stages"), stages);
    row.extra.insert(QStringLiteral("psnr_db"), quality);
    row.extra.insert(QStringLiteral("load"),
                     QString(loadBefore + QStringLiteral(" -> ") + loadAfter));
    row.extra.insert(QStringLiteral("command"), rangesArgs.join(QLatin1Char(' ')).left(4000));
    QFile::remove(rangesOut);
    QFile::remove(selectOut);
    return row;
}

} // namespace

QList<Row> sourceRows(const Context& ctx)
{
    const QList<Source> sources{
        {"hevc8", "HEVC 1080p30 8-bit", ctx.srcHevc8, QString()},
        {"hlg", "HEVC 10-bit HLG 1080p60", ctx.hlg, QStringLiteral("arib-std-b67")},
        {"h264_4k", "H.264 4K30 -> 1080p", ctx.src4k, QString()},
        {"vfr", "H.264 1080p variable rate", ctx.srcVfr, QString()},
        {"ntsc", "H.264 1080p 29.97 fps", ctx.srcNtsc, QString()}};
    // Proxies off (the row times the export, not the proxy made after an upload); the normal
    // render forced, since the smart render copies most of these sources' frames.
    TestEngine engine;
    engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), ctx.x264);
    engine.setEnv(QStringLiteral("CLIPWRIGHT_PROXIES"), QStringLiteral("0"));
    engine.setEnv(QStringLiteral("CLIPWRIGHT_SMART_RENDER"), QStringLiteral("0"));
    QString error;
    QList<Row> rows;
    const bool started = engine.start(&error);
    // CLIPWRIGHT_BENCH_SOURCES=hevc8,ntsc measures only those (a quicker look at one case).
    const QStringList picked = qEnvironmentVariable("CLIPWRIGHT_BENCH_SOURCES")
                                   .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const Source& s : sources) {
        if (!picked.isEmpty() && !picked.contains(QLatin1String(s.id)))
            continue;
        if (!started) {
            Row r;
            r.id = QStringLiteral("source_") + QLatin1String(s.id);
            r.metric = QStringLiteral("cut pauses, 1080p: ") + QLatin1String(s.label);
            r.note = error;
            rows << r;
            continue;
        }
        rows << measureSource(ctx, engine, s);
    }
    return rows;
}

} // namespace cw::bench
