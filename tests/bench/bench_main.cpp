// clipwright_bench: measures Clipwright against plain FFmpeg (and other floors) on generated
// media, each figure side by side with its baseline in the same run, prints a table and
// writes JSON. Run through `cmake --build <build> --target bench` (full media: a 10-minute
// 720p talking clip, a 30-s 1080p clip, a ~480 MB upload) or `clipwright_bench --quick`
// (short media; the ctest entry bench_quick uses it to prove every row is produced).
//   clipwright_bench [--quick] [--media DIR] [--json FILE] [--only id,id...]
// Exit status: 0 when every row was measured (targets missed or not), 1 otherwise.
#include "BenchRows.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSysInfo>
#include <QTemporaryDir>

using namespace cw::bench;

namespace {

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().trimmed()) : QString();
}

// hevc: also the HEVC clips of the probe and tone-map rows (minutes of x265 the first time,
// so only when those rows run).
bool makeMedia(Context& ctx, bool hevc, bool sources)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList args{QStringLiteral(CLIPWRIGHT_BENCH_SOURCE_DIR "/make_media.sh"), ctx.mediaDir};
    if (ctx.quick)
        args << QStringLiteral("--quick");
    if (hevc)
        args << QStringLiteral("--hevc");
    if (sources) // issue 19's rows (BenchSourceRows.cpp)
        args << QStringLiteral("--sources");
    p.start(QStringLiteral("bash"), args);
    if (!p.waitForFinished(3600000) || p.exitCode() != 0)
        return false;
    const QDir dir(ctx.mediaDir);
    ctx.hevc10 = dir.filePath(ctx.quick ? QStringLiteral("hevc10-40s.mp4")
                                        : QStringLiteral("hevc10-600s.mp4"));
    ctx.hlg =
        dir.filePath(ctx.quick ? QStringLiteral("hlg60-4s.mp4") : QStringLiteral("hlg60-20s.mp4"));
    ctx.sdr =
        dir.filePath(ctx.quick ? QStringLiteral("sdr60-4s.mp4") : QStringLiteral("sdr60-20s.mp4"));
    if (hevc && !(QFileInfo::exists(ctx.hevc10) && QFileInfo::exists(ctx.hlg) &&
                  QFileInfo::exists(ctx.sdr)))
        return false;
    const QString src = ctx.quick ? QStringLiteral("-12s.mp4") : QStringLiteral("-60s.mp4");
    ctx.srcHevc8 = dir.filePath(QStringLiteral("src-hevc8") + src);
    ctx.src4k = dir.filePath(QStringLiteral("src-h264-4k") + src);
    ctx.srcVfr = dir.filePath(QStringLiteral("src-vfr") + src);
    ctx.srcNtsc = dir.filePath(QStringLiteral("src-ntsc") + src);
    ctx.talk =
        dir.filePath(ctx.quick ? QStringLiteral("talk-40s.mp4") : QStringLiteral("talk-600s.mp4"));
    ctx.shortHd =
        dir.filePath(ctx.quick ? QStringLiteral("short-10s.mp4") : QStringLiteral("short-30s.mp4"));
    ctx.big =
        dir.filePath(ctx.quick ? QStringLiteral("big-40mb.mp4") : QStringLiteral("big-480mb.mp4"));
    return QFileInfo::exists(ctx.talk) && QFileInfo::exists(ctx.shortHd) &&
           QFileInfo::exists(ctx.big);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // The engines the rows start analyse nothing after an upload (server/AnalysisQueue.h): a
    // background scene pass would share the cores with what a row times.
    if (!qEnvironmentVariableIsSet("CLIPWRIGHT_ANALYSE_AT_UPLOAD"))
        qputenv("CLIPWRIGHT_ANALYSE_AT_UPLOAD", "0");
    Context ctx;
    ctx.binDir = QStringLiteral(CLIPWRIGHT_BIN_DIR);
    QString json;
    QStringList only;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--quick"))
            ctx.quick = true;
        else if (args[i] == QLatin1String("--media") && i + 1 < args.size())
            ctx.mediaDir = args[++i];
        else if (args[i] == QLatin1String("--json") && i + 1 < args.size())
            json = args[++i];
        else if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            only = args[++i].split(QLatin1Char(','));
        else {
            std::fprintf(
                stderr,
                "usage: clipwright_bench [--quick] [--media DIR] [--json FILE] "
                "[--only "
                "analysis,probe,tonemap,sources,fast,long,short,fade,logo,split,reverse,pip,size,"
                "stabilise,zoom,freeze,loop,timers,cleanup,scenes,reframe,beats,audiogram,memory,"
                "planner,viewer,app,timeline]\n");
            return 2;
        }
    }
    const QString build = QStringLiteral(CLIPWRIGHT_BUILD_DIR);
    if (ctx.mediaDir.isEmpty())
        ctx.mediaDir = build + (ctx.quick ? QStringLiteral("/bench-media-quick")
                                          : QStringLiteral("/bench-media"));
    if (json.isEmpty())
        json = build +
               (ctx.quick ? QStringLiteral("/bench-quick.json") : QStringLiteral("/bench.json"));
    ctx.x264 =
        qEnvironmentVariable("CLIPWRIGHT_X264_PRESET",
                             ctx.quick ? QStringLiteral("ultrafast") : QStringLiteral("veryfast"));
    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/clipwright-bench-XXXXXX"));
    ctx.workDir = work.path();

    auto wanted = [&](const char* id) {
        return only.isEmpty() || only.contains(QLatin1String(id));
    };
    std::printf("clipwright bench (%s): generating media in %s ...\n", ctx.quick ? "quick" : "full",
                qPrintable(ctx.mediaDir));
    std::fflush(stdout);
    if (!makeMedia(ctx, wanted("probe") || wanted("tonemap"),
                   wanted("sources") || wanted("fast"))) {
        std::fprintf(stderr, "bench: media generation failed\n");
        return 1;
    }
    const QString loadBefore = loadAverage();
    auto progress = [](const char* what) {
        std::printf("  measuring %s ...\n", what);
        std::fflush(stdout);
    };
    QList<Row> rows;
    QElapsedTimer total;
    total.start();
    // Each group's rows are printed and the JSON rewritten as soon as they are measured, so
    // an interrupted run keeps what it measured.
    auto writeJson = [&](bool done) {
        QJsonArray out;
        for (const Row& r : rows)
            out.append(rowJson(r));
        const QJsonObject doc{
            {QStringLiteral("generated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {QStringLiteral("complete"), done},
            {QStringLiteral("quick"), ctx.quick},
            {QStringLiteral("x264_preset"), ctx.x264},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
            {QStringLiteral("load_before"), loadBefore},
            {QStringLiteral("load_after"), loadAverage()},
            {QStringLiteral("seconds"), seconds(total)},
            {QStringLiteral("media"), QJsonObject{{QStringLiteral("long"), ctx.talk},
                                                  {QStringLiteral("short"), ctx.shortHd},
                                                  {QStringLiteral("upload"), ctx.big},
                                                  {QStringLiteral("hevc10"), ctx.hevc10},
                                                  {QStringLiteral("hlg"), ctx.hlg},
                                                  {QStringLiteral("sdr"), ctx.sdr},
                                                  {QStringLiteral("src_hevc8"), ctx.srcHevc8},
                                                  {QStringLiteral("src_4k"), ctx.src4k},
                                                  {QStringLiteral("src_vfr"), ctx.srcVfr},
                                                  {QStringLiteral("src_ntsc"), ctx.srcNtsc}}},
            {QStringLiteral("rows"), out}};
        QFile f(json);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(QJsonDocument(doc).toJson());
    };
    auto measured = [&](const QList<Row>& added) {
        rows << added;
        for (const Row& r : added)
            std::printf("    %s: %s %s (baseline %s, ratio %s)\n", qPrintable(r.id),
                        qPrintable(fmt(r.value)), qPrintable(r.unit), qPrintable(fmt(r.baseline)),
                        qPrintable(fmt(r.ratio)));
        std::fflush(stdout);
        writeJson(false);
    };
    if (wanted("analysis")) {
        progress("pause analysis");
        measured({analysisRow(ctx)});
    }
    if (wanted("probe")) {
        progress("probe + analysis (HEVC 10-bit clip)");
        measured({probeAnalysisRow(ctx)});
    }
    if (wanted("tonemap")) {
        progress("tone-mapping cost (HLG clip and its SDR twin)");
        measured(toneMapRows(ctx));
    }
    if (wanted("sources")) {
        progress("normal-render exports of phone and camera sources");
        measured(sourceRows(ctx));
    }
    if (wanted("fast")) {
        progress("fast export (HEVC kept) against x265 and the H.264 export");
        measured(fastRows(ctx));
    }
    if (wanted("long")) {
        progress("cut-only export and chat latency (long clip)");
        measured(longClipRows(ctx));
    }
    if (wanted("short")) {
        progress("end to end and export (short clip)");
        measured(shortClipRows(ctx));
    }
    if (wanted("fade")) {
        progress("fade in + out export (short clip)");
        measured({fadeRow(ctx)});
    }
    if (wanted("logo")) {
        progress("logo export (short clip)");
        measured({logoRow(ctx)});
    }
    if (wanted("split")) {
        progress("split screen export (short clip and a copy)");
        measured({splitRow(ctx)});
    }
    if (wanted("reverse")) {
        progress("reverse export (short clip)");
        measured({reverseRow(ctx)});
    }
    if (wanted("pip")) {
        progress("picture-in-picture export (short clip and a copy)");
        measured({pipRow(ctx)});
    }
    if (wanted("stabilise")) {
        progress("stabilise export, both passes (short clip)");
        measured({stabiliseRow(ctx)});
    }
    if (wanted("zoom")) {
        progress("punch-in and gradual zoom exports (short clip)");
        measured(zoomRows(ctx));
    }
    if (wanted("freeze")) {
        progress("freeze-frame export (short clip)");
        measured({freezeRow(ctx)});
    }
    if (wanted("loop")) {
        progress("loop export (short clip)");
        measured({loopRow(ctx)});
    }
    if (wanted("timers")) {
        progress("countdown and timecode exports (short clip)");
        measured(timerRows(ctx));
    }
    if (wanted("cleanup")) {
        progress("audio clean-up export (short clip)");
        measured({cleanupRow(ctx)});
    }
    if (wanted("scenes")) {
        progress("scene analysis (short clip)");
        measured({sceneRow(ctx)});
    }
    if (wanted("reframe")) {
        progress("subject analysis (short clip)");
        measured({reframeRow(ctx)});
    }
    if (wanted("beats")) {
        progress("beat analysis (music bed)");
        measured({beatRow(ctx)});
    }
    if (wanted("audiogram")) {
        progress("audiogram export (1 minute of sound)");
        measured({audiogramRow(ctx)});
    }
    if (wanted("size")) {
        progress("compress to under 50 MB (long clip)");
        measured({sizeRow(ctx)});
    }
    if (wanted("memory")) {
        progress("upload memory");
        measured({uploadMemoryRow(ctx)});
    }
    if (wanted("planner")) {
        progress("planner speed (phrase corpus)");
        measured({plannerRow(ctx)});
    }
    if (wanted("viewer")) {
        progress("the viewer after an edit (still and playable preview)");
        measured(viewerRows(ctx));
    }
    if (wanted("app")) {
        progress("app start");
        measured({appStartRow(ctx)});
    }
    if (wanted("timeline")) {
        if (const std::optional<Row> r = timelinePaintRow(ctx))
            measured({*r});
    }
    printTable(rows);

    bool allMeasured = true;
    for (const Row& r : rows)
        allMeasured = allMeasured && r.value >= 0;
    writeJson(true);
    std::printf("%d rows in %.0f s (load %s -> %s); JSON: %s\n", int(rows.size()), seconds(total),
                qPrintable(loadBefore), qPrintable(loadAverage()), qPrintable(json));
    return allMeasured ? 0 : 1;
}
