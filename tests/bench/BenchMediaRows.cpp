// Rows on phone-like footage (issue 14's "Speed"): the upload's probe + audio analysis of a
// 10-minute 1080p HEVC 10-bit clip against one plain `ffmpeg -vn -af silencedetect` pass over
// it, and what tone-mapping costs the normal render: an HLG 1080p60 HEVC 10-bit clip and its
// 8-bit BT.709 twin (the same picture and sound) exported at 1080p, each beside one plain
// ffmpeg command doing the same work. The hand-written commands are written out here, not
// taken from the engine, so the baselines stay independent of the code they measure.
#include "BenchRows.h"

#include "media/AudioAnalysis.h"
#include "media/MediaProbe.h"

#include <QDir>
#include <algorithm>

namespace cw::bench {

using cw::test::EngineClient;
using cw::test::TestEngine;

namespace {

int countMatches(const QByteArray& text, const QByteArray& needle)
{
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
        ++n;
    return n;
}

QString ffprobeField(const QString& file, const QString& entry)
{
    const ProcResult r =
        runTimed(QStringLiteral("ffprobe"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                  QStringLiteral("v:0"), QStringLiteral("-show_entries"), entry,
                  QStringLiteral("-of"), QStringLiteral("csv=p=0"), file},
                 60000);
    return QString::fromUtf8(r.out.trimmed());
}

// The plain ffmpeg export of a whole 60 fps clip at the project's 30 fps, 1080p, with the
// export's x264/AAC settings and BT.709 tags; `toneMap` is the filter chain that brings HLG
// to BT.709 (empty for the SDR twin).
QStringList plainExport(const Context& ctx, const QString& source, const QString& toneMap,
                        const QString& output)
{
    return QStringList{QStringLiteral("-hide_banner"),
                       QStringLiteral("-nostdin"),
                       QStringLiteral("-v"),
                       QStringLiteral("error"),
                       QStringLiteral("-y"),
                       QStringLiteral("-i"),
                       source,
                       QStringLiteral("-vf"),
                       QStringLiteral("fps=30,") + toneMap + QStringLiteral("format=yuv420p")} +
           exportVideoArgs(ctx.x264) + QStringList{QStringLiteral("-colorspace"),
                                                   QStringLiteral("bt709"),
                                                   QStringLiteral("-color_primaries"),
                                                   QStringLiteral("bt709"),
                                                   QStringLiteral("-color_trc"),
                                                   QStringLiteral("bt709"),
                                                   QStringLiteral("-r"),
                                                   QStringLiteral("30")} +
           exportAudioArgs() +
           QStringList{QStringLiteral("-movflags"), QStringLiteral("+faststart"), output};
}

struct Timed {
    double seconds = 1e9;
    double cpu = 1e9;
    bool ok() const { return seconds < 1e9; }
    void take(double s, double c)
    {
        seconds = std::min(seconds, s);
        cpu = std::min(cpu, c);
    }
};

} // namespace

Row probeAnalysisRow(const Context& ctx)
{
    Row row;
    row.id = QStringLiteral("probe_analysis_hevc");
    row.metric = QStringLiteral("probe + analysis, HEVC 10-bit 1080p clip");
    row.unit = QStringLiteral("s");
    row.baselineName = QStringLiteral("ffmpeg -vn -af silencedetect=n=-35dB:d=0.5");
    row.ratioMeaning = QStringLiteral("Clipwright / baseline");
    row.target = QStringLiteral("<= 1.20x");
    const double duration = probeDuration(ctx.hevc10);
    if (duration <= 0) {
        row.note = QStringLiteral("cannot probe ") + ctx.hevc10;
        return row;
    }
    warmCache(ctx.hevc10);
    // What the upload runs on the stored file (MediaIngest: probeMedia, then the analysis
    // that is cached as JSON), and what "cut the pauses" derives from it.
    Timed ours;
    Timed theirs;
    double probeBest = 1e9;
    int pauses = 0;
    int silences = 0;
    QString kind;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        const double cpu0 = selfCpuSeconds();
        t.start();
        const engine::MediaInfo info = engine::probeMedia(ctx.hevc10);
        const double probed = seconds(t);
        const engine::AudioAnalysis a = engine::analyzeAudio(ctx.hevc10);
        const QByteArray cached = a.toJson();
        const QList<engine::Interval> found =
            engine::findSilences(a, engine::adaptiveSilenceThresholdDb(a), 400);
        ours.take(seconds(t), selfCpuSeconds() - cpu0);
        probeBest = std::min(probeBest, probed);
        if (!info.ok || !a.ok || cached.isEmpty()) {
            row.note = QStringLiteral("probe or analysis failed: ") + info.error + a.error;
            return row;
        }
        kind = QStringLiteral("%1 %2x%3 %4-bit %5 fps")
                   .arg(info.videoCodec)
                   .arg(info.width)
                   .arg(info.height)
                   .arg(info.bitDepth)
                   .arg(info.fps, 0, 'f', 2);
        pauses = int(found.size());
        const ProcResult base =
            runTimed(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-nostats"),
                      QStringLiteral("-i"), ctx.hevc10, QStringLiteral("-vn"),
                      QStringLiteral("-af"), QStringLiteral("silencedetect=n=-35dB:d=0.5"),
                      QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
        if (!base.ok) {
            row.note = QStringLiteral("ffmpeg failed: ") + QString::fromUtf8(base.err.right(300));
            return row;
        }
        theirs.take(base.seconds, base.cpuSeconds);
        silences = countMatches(base.err, "silence_end:");
    }
    row.value = ours.seconds;
    row.baseline = theirs.seconds;
    row.ratio = ours.seconds / theirs.seconds;
    row.pass = row.ratio <= 1.2;
    row.note = QStringLiteral("%1 s of %2: probe %3 s + analysis %4 s (%5 pauses) vs ffmpeg %6 "
                              "s (%7 silences); %8x / %9x realtime; best of 3; CPU %10 s vs %11 s "
                              "(CPU ratio %12)")
                   .arg(duration, 0, 'f', 1)
                   .arg(kind)
                   .arg(probeBest, 0, 'f', 3)
                   .arg(ours.seconds - probeBest, 0, 'f', 3)
                   .arg(pauses)
                   .arg(theirs.seconds, 0, 'f', 3)
                   .arg(silences)
                   .arg(qRound(duration / ours.seconds))
                   .arg(qRound(duration / theirs.seconds))
                   .arg(ours.cpu, 0, 'f', 3)
                   .arg(theirs.cpu, 0, 'f', 3)
                   .arg(ours.cpu / std::max(1e-6, theirs.cpu), 0, 'f', 2);
    row.extra.insert(QStringLiteral("probe_s"), probeBest);
    row.extra.insert(QStringLiteral("cpu_s"), ours.cpu);
    row.extra.insert(QStringLiteral("baseline_cpu_s"), theirs.cpu);
    row.extra.insert(QStringLiteral("media_s"), duration);
    return row;
}

QList<Row> toneMapRows(const Context& ctx)
{
    Row hlg;
    hlg.id = QStringLiteral("tonemap");
    hlg.metric = QStringLiteral("export HLG 1080p60 HEVC 10-bit (tone-mapped)");
    hlg.unit = QStringLiteral("s");
    hlg.baselineName = QStringLiteral("the engine's export of the SDR twin");
    hlg.ratioMeaning = QStringLiteral("Clipwright HLG / Clipwright SDR (cost of tone-mapping)");
    hlg.target = QStringLiteral("-");
    hlg.pass = true; // reported, not a target
    Row sdr;
    sdr.id = QStringLiteral("tonemap_sdr");
    sdr.metric = QStringLiteral("  its SDR twin (HEVC 8-bit BT.709)");
    sdr.unit = QStringLiteral("s");
    sdr.baselineName = QStringLiteral("one plain ffmpeg export of the twin");
    sdr.ratioMeaning = QStringLiteral("Clipwright / baseline");
    sdr.target = QStringLiteral("<= 1.05x");
    Row plainHlg = sdr;
    plainHlg.id = QStringLiteral("tonemap_plain");
    plainHlg.metric = QStringLiteral("  HLG export against plain ffmpeg");
    plainHlg.baselineName = QStringLiteral("one ffmpeg command with the same zscale+tonemap");

    // Proxies off: the row times the render, not the proxy the engine makes after an upload.
    TestEngine engine;
    engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), ctx.x264);
    engine.setEnv(QStringLiteral("CLIPWRIGHT_PROXIES"), QStringLiteral("0"));
    QString error;
    if (!engine.start(&error)) {
        hlg.note = sdr.note = plainHlg.note = error;
        return {hlg, sdr, plainHlg};
    }
    const QString hlgSid = sessionWith(engine, ctx.hlg, nullptr, &error);
    const QString sdrSid =
        hlgSid.isEmpty() ? QString() : sessionWith(engine, ctx.sdr, nullptr, &error);
    if (sdrSid.isEmpty()) {
        hlg.note = sdr.note = plainHlg.note = error;
        return {hlg, sdr, plainHlg};
    }
    EngineClient c(engine.baseUrl(), engine.token());
    const QString hlgChain =
        QStringLiteral("zscale=tin=arib-std-b67:pin=bt2020:min=bt2020nc:t=linear:npl=203,"
                       "format=gbrpf32le,zscale=p=bt709,tonemap=mobius:desat=0,"
                       "zscale=t=bt709:m=bt709:r=tv,");
    const QString plainSdrOut = ctx.workDir + QStringLiteral("/tonemap-sdr.mp4");
    const QString plainHlgOut = ctx.workDir + QStringLiteral("/tonemap-hlg.mp4");
    const QStringList plainSdrArgs = plainExport(ctx, ctx.sdr, QString(), plainSdrOut);
    const QStringList plainHlgArgs = plainExport(ctx, ctx.hlg, hlgChain, plainHlgOut);
    warmCache(ctx.hlg);
    warmCache(ctx.sdr);

    // Alternated, best of 2 each: the four contenders see the same neighbours.
    Timed engHlg, engSdr, ffHlg, ffSdr;
    QString hlgUrl;
    QString failure;
    for (int i = 0; i < 2 && failure.isEmpty(); ++i) {
        double cpu = -1;
        QString url;
        if (const std::optional<double> s = renderAndWait(c, hlgSid, QStringLiteral("1080p"), &url,
                                                          &error, engine.pid(), &cpu)) {
            engHlg.take(*s, cpu);
            hlgUrl = url;
        } else {
            failure = QStringLiteral("HLG export: ") + error;
        }
        if (const std::optional<double> s = renderAndWait(c, sdrSid, QStringLiteral("1080p"),
                                                          nullptr, &error, engine.pid(), &cpu))
            engSdr.take(*s, cpu);
        else
            failure = QStringLiteral("SDR export: ") + error;
        const ProcResult a = runTimed(QStringLiteral("ffmpeg"), plainSdrArgs);
        const ProcResult b = runTimed(QStringLiteral("ffmpeg"), plainHlgArgs);
        if (!a.ok || !b.ok)
            failure =
                QStringLiteral("plain ffmpeg: ") + QString::fromUtf8((a.ok ? b : a).err.right(300));
        ffSdr.take(a.seconds, a.cpuSeconds);
        ffHlg.take(b.seconds, b.cpuSeconds);
    }
    if (!failure.isEmpty()) {
        hlg.note = sdr.note = plainHlg.note = failure;
        return {hlg, sdr, plainHlg};
    }
    const double media = probeDuration(ctx.hlg);
    const QString out = engine.dataDir() + QStringLiteral("/renders/") + QUrl(hlgUrl).fileName();
    const QString tags = ffprobeField(out, QStringLiteral("stream=pix_fmt,color_transfer,"
                                                          "color_primaries,color_space"));
    auto cpuNote = [](const Timed& a, const Timed& b) {
        return QStringLiteral("CPU %1 s vs %2 s (CPU ratio %3)")
            .arg(a.cpu, 0, 'f', 1)
            .arg(b.cpu, 0, 'f', 1)
            .arg(a.cpu / std::max(1e-6, b.cpu), 0, 'f', 2);
    };

    hlg.value = engHlg.seconds;
    hlg.baseline = engSdr.seconds;
    hlg.ratio = engHlg.seconds / engSdr.seconds;
    hlg.note = QStringLiteral("%1 s clip (%2 MB; the twin %3 MB) exported at 1080p30 (the "
                              "project halves 60 fps); output %4; plain ffmpeg pays %5x for the "
                              "same tone-map (%6 s vs %7 s); best of 2; proxies off; ")
                   .arg(media, 0, 'f', 1)
                   .arg(double(QFileInfo(ctx.hlg).size()) / 1e6, 0, 'f', 1)
                   .arg(double(QFileInfo(ctx.sdr).size()) / 1e6, 0, 'f', 1)
                   .arg(tags)
                   .arg(ffHlg.seconds / ffSdr.seconds, 0, 'f', 2)
                   .arg(ffHlg.seconds, 0, 'f', 2)
                   .arg(ffSdr.seconds, 0, 'f', 2) +
               cpuNote(engHlg, engSdr);
    hlg.extra.insert(QStringLiteral("cpu_s"), engHlg.cpu);
    hlg.extra.insert(QStringLiteral("baseline_cpu_s"), engSdr.cpu);

    sdr.value = engSdr.seconds;
    sdr.baseline = ffSdr.seconds;
    sdr.ratio = engSdr.seconds / ffSdr.seconds;
    sdr.pass = sdr.ratio <= 1.05;
    sdr.note = QStringLiteral("best of 2; ") + cpuNote(engSdr, ffSdr);
    sdr.extra.insert(QStringLiteral("cpu_s"), engSdr.cpu);
    sdr.extra.insert(QStringLiteral("baseline_cpu_s"), ffSdr.cpu);
    sdr.extra.insert(QStringLiteral("command"), plainSdrArgs.join(QLatin1Char(' ')));

    plainHlg.value = engHlg.seconds;
    plainHlg.baseline = ffHlg.seconds;
    plainHlg.ratio = engHlg.seconds / ffHlg.seconds;
    plainHlg.pass = plainHlg.ratio <= 1.05;
    plainHlg.note = QStringLiteral("best of 2; ") + cpuNote(engHlg, ffHlg);
    plainHlg.extra.insert(QStringLiteral("cpu_s"), engHlg.cpu);
    plainHlg.extra.insert(QStringLiteral("baseline_cpu_s"), ffHlg.cpu);
    plainHlg.extra.insert(QStringLiteral("command"), plainHlgArgs.join(QLatin1Char(' ')));
    QFile::remove(plainSdrOut);
    QFile::remove(plainHlgOut);
    return {hlg, sdr, plainHlg};
}

} // namespace cw::bench
