// Smart render: probing (libavformat packet flags, no decoding) and running a plan (see
// SmartRender.h). Steps, each an ffmpeg child that cancel kills:
//  1. each source is remuxed video-only (-c copy, seconds), so the concat demuxer's outpoint,
//     which ends a file at the first packet of any stream past it, cannot be tripped early by
//     interleaved audio; the copied GOPs and the batches' decodes read these copies;
//  2. in a pool of `workers` (CLIPWRIGHT_SMART_JOBS, default 2): the sound of the timeline
//     (AAC) and the re-encoded pieces in a few batches, each one decode of a concat list (one
//     entry per clean keyframe, not one input per range) and one x264 stream with an IDR
//     forced at every piece's first frame (SmartCommands.cpp);
//  3. the concat demuxer joins copied GOPs and the pieces cut out of their batches (inpoint
//     at the keyframe, outpoint between the dts of the last packet taken and the next,
//     explicit durations so every piece starts where the previous ended) and the sound is
//     copied beside them; .part + rename. With a loudness target the sound is mixed to PCM
//     in step 2 and brought to the target (FfmpegRunner's loudnessGain) in its one AAC
//     encode before the join.
// Each stage's wall and CPU seconds go to the engine log ("engine: smart render ..."), each
// job's CPU from ffmpeg's -benchmark, so a slow export shows where its time went.
#include "render/SmartRender.h"

#include "render/RenderFilters.h"
#include "render/SmartCodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>
#include <vector>

#include <sys/resource.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
}

#include "media/LibavUtil.h"

namespace cw::engine {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SmartRender", text);
}

struct Job {
    QStringList args;
    int frames = 0;  // progress weight: frames it encodes
    QByteArray list; // written to listPath before the run (a batch's concat list)
    QString listPath;
    QString name; // for the log
};

// CPU seconds ffmpeg's -benchmark reports ("bench: utime=1.2s stime=0.1s rtime=..."), or -1.
double benchCpu(const QByteArray& err)
{
    const int at = err.lastIndexOf("bench: utime=");
    if (at < 0)
        return -1;
    const int st = err.indexOf("stime=", at);
    const double user = err.mid(at + 13, 16).split('s').value(0).toDouble();
    const double sys = st < 0 ? 0 : err.mid(st + 6, 16).split('s').value(0).toDouble();
    return user + sys;
}

// The engine log's line of per-stage times (the job log: what a slow export spent where).
void logStage(const char* what, const QElapsedTimer& t, double cpu, const QString& more = {})
{
    qInfo("engine: smart render %s: %.2f s%s%s", what, double(t.nsecsElapsed()) / 1e9,
          cpu >= 0 ? qPrintable(QStringLiteral(", CPU %1 s").arg(cpu, 0, 'f', 2)) : "",
          qPrintable(more));
}

double childCpu()
{
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Runs the jobs `workers` at a time; 0 ok, 1 failed (*err: the first failure's stderr),
// 2 cancelled. `progress` gets the frames encoded so far, from the jobs' -progress output.
int runJobs(const QList<Job>& jobs, int workers, const std::atomic_bool* cancel,
            const std::function<void(int frames)>& progress, QByteArray* err, QVector<double>* cpu)
{
    cpu->fill(-1, jobs.size());
    std::atomic_int next{0};
    std::atomic_bool stop{false};
    std::atomic_int status{0};
    std::mutex errMutex;
    std::vector<std::atomic_int> done(jobs.size());
    std::vector<std::thread> threads;
    const int count = std::min(workers, int(jobs.size()));
    std::atomic_int running{count};
    for (int w = 0; w < count; ++w) {
        threads.emplace_back([&] {
            struct Exit {
                std::atomic_int& running;
                ~Exit() { --running; }
            } guard{running};
            for (int i = next++; i < jobs.size() && !stop; i = next++) {
                QByteArray jobErr;
                QByteArray pending;
                if (!jobs[i].listPath.isEmpty()) {
                    QFile f(jobs[i].listPath);
                    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                        f.write(jobs[i].list) != jobs[i].list.size()) {
                        std::lock_guard<std::mutex> lock(errMutex);
                        if (status == 0) {
                            status = 1;
                            *err = "cannot write " + jobs[i].listPath.toUtf8();
                        }
                        stop = true;
                        return;
                    }
                }
                QElapsedTimer took;
                took.start();
                const int r =
                    runFfmpegStep(jobs[i].args, &stop, &jobErr, [&](const QByteArray& out) {
                        pending += out;
                        int nl;
                        while ((nl = pending.indexOf('\n')) >= 0) {
                            const QByteArray line = pending.left(nl).trimmed();
                            pending.remove(0, nl + 1);
                            if (line.startsWith("frame="))
                                done[i] = std::min(jobs[i].frames, line.mid(6).toInt());
                        }
                    });
                if (r != 0) {
                    std::lock_guard<std::mutex> lock(errMutex);
                    if (status == 0) {
                        status = r;
                        *err = jobErr;
                    }
                    stop = true;
                    return;
                }
                done[i] = jobs[i].frames;
                (*cpu)[i] = benchCpu(jobErr);
                qInfo("engine: smart render job %s: %.2f s, CPU %.2f s", qPrintable(jobs[i].name),
                      double(took.nsecsElapsed()) / 1e9, (*cpu)[i]);
            }
        });
    }
    auto frames = [&] {
        int n = 0;
        for (const std::atomic_int& d : done)
            n += d;
        return n;
    };
    while (running > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (cancel && cancel->load())
            stop = true;
        progress(frames());
    }
    for (std::thread& t : threads)
        t.join();
    if (cancel && cancel->load())
        return 2;
    return status;
}

} // namespace

SmartSource probeSmartSource(const QString& path)
{
    SmartSource s;
    s.path = path;
    FormatContext fc;
    if (!fc.open(path)) {
        s.error = QStringLiteral("cannot open");
        return s;
    }
    AVFormatContext* ctx = fc.get();
    const int vi = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (vi < 0) {
        s.error = QStringLiteral("no video stream");
        return s;
    }
    for (unsigned i = 0; i < ctx->nb_streams; ++i) {
        if (ctx->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            s.hasAudio = true;
        if (int(i) != vi)
            ctx->streams[i]->discard = AVDISCARD_ALL;
    }
    AVStream* st = ctx->streams[vi];
    const AVCodecParameters* par = st->codecpar;
    s.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
    s.profile = par->profile;
    const char* pix = av_get_pix_fmt_name(AVPixelFormat(par->format));
    s.pixFmt = pix ? QString::fromLatin1(pix) : QString();
    s.progressive =
        par->field_order == AV_FIELD_PROGRESSIVE || par->field_order == AV_FIELD_UNKNOWN;
    s.width = par->width;
    s.height = par->height;
    s.sarNum = par->sample_aspect_ratio.num;
    s.sarDen = par->sample_aspect_ratio.den;
    // Copied packets keep the stored picture: a rotated one would lose its turn (the display
    // matrix is the source's, not the export's), an HDR one its tone-mapping.
    if (av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, nullptr) ||
        av_dict_get(st->metadata, "rotate", nullptr, 0)) {
        s.error = QStringLiteral("rotated picture (display matrix)");
        return s;
    }
    // Only fast export keeps it (SmartCodec.cpp); otherwise the plan steps aside.
    s.hdr = par->color_trc == AVCOL_TRC_SMPTE2084 || par->color_trc == AVCOL_TRC_ARIB_STD_B67;
    s.level = par->level;
    auto named = [](const char* name) {
        return name && qstrcmp(name, "unknown") != 0 && qstrcmp(name, "unspecified") != 0
                   ? QString::fromLatin1(name)
                   : QString();
    };
    s.colorPrimaries = named(av_color_primaries_name(par->color_primaries));
    s.colorTrc = named(av_color_transfer_name(par->color_trc));
    s.colorSpace = named(av_color_space_name(par->color_space));
    s.colorRange = named(av_color_range_name(par->color_range));
    s.tbNum = st->time_base.num;
    s.tbDen = st->time_base.den;
    const AVRational r = st->r_frame_rate;
    const AVRational avg = st->avg_frame_rate;
    if (r.num <= 0 || r.den <= 0 || av_cmp_q(r, avg) != 0) {
        s.error = QStringLiteral("variable frame rate");
        return s;
    }
    s.fpsNum = r.num;
    s.fpsDen = r.den;

    QVector<qint64> pts;
    AVPacket* pkt = av_packet_alloc();
    while (av_read_frame(ctx, pkt) >= 0) {
        if (pkt->stream_index == vi) {
            if (pkt->pts == AV_NOPTS_VALUE || pkt->dts == AV_NOPTS_VALUE) {
                av_packet_unref(pkt);
                av_packet_free(&pkt);
                s.error = QStringLiteral("packets without timestamps");
                return s;
            }
            pts << pkt->pts;
            s.dts << pkt->dts;
            s.key << ((pkt->flags & AV_PKT_FLAG_KEY) != 0);
            s.bytes << pkt->size;
        }
        av_packet_unref(pkt);
    }
    av_packet_free(&pkt);
    if (pts.isEmpty()) {
        s.error = QStringLiteral("no video packets");
        return s;
    }
    // Frame index of each packet; the first frame must be at 0 (the exact seeks of the
    // re-encoded pieces count from the file's start) and frames must be evenly spaced.
    const qint64 first = *std::min_element(pts.begin(), pts.end());
    const double frameTicks = double(r.den) * s.tbDen / (double(r.num) * s.tbNum);
    if (std::abs(double(first) * s.tbNum / s.tbDen) * r.num / r.den > 0.5) {
        s.error = QStringLiteral("video does not start at 0");
        return s;
    }
    QVector<bool> seen(pts.size(), false);
    for (const qint64 p : pts) {
        const double f = double(p - first) / frameTicks;
        const int idx = int(std::lround(f));
        if (std::abs(f - idx) > 0.1 || idx < 0 || idx >= pts.size() || seen[idx]) {
            s.frame.clear();
            s.error = QStringLiteral("frames are not at a constant rate");
            return s;
        }
        seen[idx] = true;
        s.frame << idx;
    }
    s.ok = true;
    return s;
}

SmartSource probeSmartSourceCached(const QString& path)
{
    static std::mutex mutex;
    static QHash<QString, SmartSource> cache; // key: path, size and time, see below
    const QFileInfo info(path);
    const QString key = QStringLiteral("%1\n%2\n%3")
                            .arg(path)
                            .arg(info.size())
                            .arg(info.lastModified().toMSecsSinceEpoch());
    {
        std::lock_guard<std::mutex> lock(mutex);
        const auto it = cache.constFind(key);
        if (it != cache.constEnd())
            return *it;
    }
    SmartSource s = probeSmartSource(path);
    std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() >= 64) // ~0.3 MB per 10 minutes of 30 fps; a long-running engine forgets
        cache.clear();
    cache.insert(key, s);
    return s;
}

RunResult runSmartRender(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                         const RenderPreset& preset, const QString& finalPath,
                         const QString& workDir,
                         const std::function<void(double fraction)>& onProgress,
                         const std::atomic_bool* cancel)
{
    RunResult result;
    if (!plan.eligible || plan.pieces.isEmpty()) {
        result.error = plan.reason.isEmpty() ? tr("Nothing to render") : plan.reason;
        return result;
    }
    if (!QDir().mkpath(workDir)) {
        result.error = tr("Cannot create the folder %1").arg(workDir);
        return result;
    }
    const double fps = plan.fps.value();
    // Weights: a re-encoded frame costs about ten copied ones (measured on 720p veryfast).
    const double encodeWork = plan.encodedFrames();
    const double muxWork = 0.1 * plan.totalFrames();
    const double total = std::max(1.0, encodeWork + muxWork);
    auto report = [&](double work) {
        if (onProgress)
            onProgress(std::min(1.0, work / total));
    };
    auto stepFailed = [&](int status, const QByteArray& err, const QString& what) {
        result.cancelled = status == 2;
        if (result.cancelled) {
            result.error = tr("Cancelled");
        } else {
            const QList<QByteArray> lines = err.trimmed().split('\n');
            result.error =
                what + QStringLiteral(": ") +
                QString::fromUtf8(lines.mid(std::max(0, int(lines.size()) - 3)).join('\n'));
        }
        return result;
    };

    // 1. Video-only copies of the sources (copied GOPs and the batches' decodes read them).
    QElapsedTimer stage;
    stage.start();
    double cpu0 = childCpu();
    QHash<QString, QString> videoOnly;
    for (const SmartPiece& p : plan.pieces) {
        for (const SmartRange& r : p.ranges) {
            if (videoOnly.contains(r.src))
                continue;
            const QString out =
                QDir(workDir).filePath(QStringLiteral("v%1.mp4").arg(videoOnly.size()));
            QByteArray err;
            const int rc = runFfmpegStep(
                QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                            QStringLiteral("file:") + sources.value(r.src).path,
                            QStringLiteral("-map"), QStringLiteral("0:v:0"), QStringLiteral("-c"),
                            QStringLiteral("copy")} +
                    smartCopyFilter(plan) +
                    QStringList{QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("mp4"),
                                QStringLiteral("file:") + out},
                cancel, &err);
            if (rc != 0)
                return stepFailed(rc, err, tr("Copying the video failed"));
            videoOnly.insert(r.src, out);
        }
    }
    logStage("video-only copies", stage, childCpu() - cpu0,
             QStringLiteral(" (%1 sources)").arg(videoOnly.size()));

    // 2. The sound and the batches of re-encoded pieces, `workers` at a time (ffmpeg's main
    // thread decodes and filters while x264's threads encode, so two runs keep two cores
    // busy). The sound goes first: its AAC encode is the longest single job.
    RenderPreset sized = preset;
    sized.width = plan.width;
    sized.height = plan.height;
    QStringList textFiles;
    QString textError;
    SmartTitles titles;
    titles.filters =
        render::textOverlays(plan.draft, sized, defaultFontFile(), workDir, QStringLiteral("smart"),
                             &textFiles, &textError, &titles.spans);
    if (!textError.isEmpty()) {
        result.error = textError;
        return result;
    }
    titles.filters << render::pictureFades(plan.draft.m, render::timelineLength(plan.draft),
                                           &titles.spans);
    const int workers = std::clamp(qEnvironmentVariableIntValue("CLIPWRIGHT_SMART_JOBS") > 0
                                       ? qEnvironmentVariableIntValue("CLIPWRIGHT_SMART_JOBS")
                                       : 2,
                                   1, 8);
    const QString soundPath = QDir(workDir).filePath(QStringLiteral("sound.m4a"));
    // With a loudness target the sound is mixed to PCM, measured, and encoded to AAC once with
    // its correction, instead of encoded, joined, measured and re-encoded with the picture.
    render::AudioMix mix;
    smartSoundCommand(plan, sources, preset, soundPath, &mix);
    const bool correct = mix.loudness && preset.name != QLatin1String("preview");
    const QString pcmPath = QDir(workDir).filePath(QStringLiteral("sound.wav"));
    QStringList sound =
        smartSoundCommand(plan, sources, preset, correct ? pcmPath : soundPath, &mix, correct);
    if (sound.value(1) == QLatin1String("error"))
        sound = QStringList{QStringLiteral("-v"), QStringLiteral("info"),
                            QStringLiteral("-benchmark")} +
                sound.mid(2);
    if (qEnvironmentVariableIsSet("CLIPWRIGHT_SMART_DEBUG"))
        qInfo("engine: smart render sound: %s", qPrintable(sound.join(QLatin1Char(' '))));
    QList<Job> jobs{Job{sound, 0, {}, {}, QStringLiteral("sound")}};
    // Two batches per worker: the last ones to finish run alone for a shorter time.
    const QList<SmartBatch> batches = planSmartBatches(plan, 2 * workers);
    QStringList batchPaths;
    int decoded = 0;
    for (const SmartBatch& b : batches) {
        const int n = int(batchPaths.size());
        batchPaths << QDir(workDir).filePath(QStringLiteral("b%1.mp4").arg(n));
        const QString listPath = QDir(workDir).filePath(QStringLiteral("b%1.ffconcat").arg(n));
        const SmartBatchCommand cmd = smartBatchCommand(plan, sources, preset, b, titles, videoOnly,
                                                        listPath, batchPaths.last());
        decoded += cmd.decodedFrames;
        jobs << Job{cmd.args, b.frames, cmd.list, listPath,
                    QStringLiteral("batch %1 (%2 frames)").arg(n).arg(b.frames)};
    }
    stage.restart();
    cpu0 = childCpu();
    QByteArray jobErr;
    QVector<double> jobCpu;
    const int status = runJobs(jobs, workers, cancel, report, &jobErr, &jobCpu);
    for (const QString& file : qAsConst(textFiles))
        QFile::remove(file);
    if (status != 0)
        return stepFailed(status, jobErr, tr("Re-encoding a cut failed"));
    logStage("sound + re-encoded pieces", stage, childCpu() - cpu0,
             QStringLiteral(" (%1 batches, %2 frames re-encoded, %3 decoded, %4 workers)")
                 .arg(batches.size())
                 .arg(plan.encodedFrames())
                 .arg(decoded)
                 .arg(workers));
    stage.restart();
    cpu0 = childCpu();
    if (correct) {
        double gain = 0;
        QByteArray err;
        int r = loudnessGain(pcmPath, mix.lufs, cancel, &gain);
        if (r == 0)
            r = runFfmpegStep(
                QStringList{
                    QStringLiteral("-i"), QStringLiteral("file:") + pcmPath, QStringLiteral("-af"),
                    gain == 0 ? QStringLiteral("aresample=48000") : loudnessGainFilter(gain)} +
                    render::aacArgs(preset.audioBitrateK) +
                    QStringList{QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("mp4"),
                                QStringLiteral("file:") + soundPath},
                cancel, &err);
        QFile::remove(pcmPath);
        if (r != 0)
            return stepFailed(r, err, tr("Loudness normalisation failed"));
    }

    if (correct)
        logStage("loudness", stage, childCpu() - cpu0);
    stage.restart();
    cpu0 = childCpu();
    // 3. The concat list: copied GOPs from the video-only copies, re-encoded pieces cut out
    // of their batches (checked: each must start a closed GOP where it was forced).
    QHash<int, QPair<int, int>> encodedAt; // piece -> (batch, first frame in the batch)
    for (int b = 0; b < batches.size(); ++b)
        for (int j = 0; j < batches[b].pieces.size(); ++j)
            encodedAt.insert(batches[b].pieces[j], qMakePair(b, batches[b].starts[j]));
    QList<SmartSource> encoded;
    for (int b = 0; b < batches.size(); ++b) {
        encoded << probeSmartSource(batchPaths[b]);
        const QVector<bool> clean = cleanPrefixes(encoded.last());
        bool ok = encoded.last().ok && encoded.last().frameCount() == batches[b].frames;
        for (int j = 0; ok && j < batches[b].starts.size(); ++j)
            ok = startsCleanGop(encoded.last(), clean, batches[b].starts[j]);
        if (!ok) {
            result.error = tr("The encoder did not start a cut where asked (%1)")
                               .arg(QFileInfo(batchPaths[b]).fileName());
            return result;
        }
    }
    QStringList list{QStringLiteral("ffconcat version 1.0")};
    for (int i = 0; i < plan.pieces.size(); ++i) {
        const SmartPiece& p = plan.pieces[i];
        if (p.copy) {
            const SmartRange& r = p.ranges.first();
            list << smartConcatEntry(videoOnly[r.src], sources[r.src], r.from, r.to, fps);
        } else {
            const auto [b, first] = encodedAt.value(i);
            list << smartConcatEntry(batchPaths[b], encoded[b], first, first + p.frames(), fps);
        }
    }
    const QString listPath = QDir(workDir).filePath(QStringLiteral("pieces.ffconcat"));
    QFile lf(listPath);
    const QByteArray listBytes = (list.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    if (!lf.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        lf.write(listBytes) != listBytes.size()) {
        result.error = tr("Cannot write %1").arg(listPath);
        return result;
    }
    lf.close();

    // 4. Join: the pieces and the sound, both copied.
    RenderCommand mux;
    mux.durationMs = qRound64(plan.totalFrames() * 1000.0 / fps);
    mux.normalizeLoudness = false; // done on the sound above
    mux.loudnessLufs = mix.lufs;
    mux.audioBitrateK = preset.audioBitrateK;
    mux.args << QStringLiteral("-hide_banner") << QStringLiteral("-nostdin") << QStringLiteral("-f")
             << QStringLiteral("concat") << QStringLiteral("-safe") << QStringLiteral("0")
             << QStringLiteral("-i") << listPath << QStringLiteral("-i")
             << QStringLiteral("file:") + soundPath << QStringLiteral("-map")
             << QStringLiteral("0:v:0") << QStringLiteral("-map") << QStringLiteral("1:a:0")
             << QStringLiteral("-c") << QStringLiteral("copy") << smartJoinTags(plan)
             << QStringLiteral("-movflags") << QStringLiteral("+faststart")
             << QStringLiteral("-progress") << QStringLiteral("pipe:1")
             << QStringLiteral("-nostats") << QStringLiteral("-y") << QStringLiteral("-f")
             << QStringLiteral("mp4") << finalPath;
    const RunResult joined = runFfmpeg(
        mux, finalPath, [&](double f) { report(encodeWork + f * muxWork); }, cancel);
    logStage("join", stage, childCpu() - cpu0,
             QStringLiteral(" (%1 pieces, %2 of %3 frames copied)")
                 .arg(plan.pieces.size())
                 .arg(plan.copiedFrames())
                 .arg(plan.totalFrames()));
    return joined;
}

} // namespace cw::engine
