// Smart render: probing (libavformat packet flags, no decoding) and running a plan (see
// SmartRender.h). Steps, each an ffmpeg child that cancel kills:
//  1. each source used by a copied piece is remuxed video-only (-c copy, seconds), so the
//     concat demuxer's outpoint, which ends a file at the first packet of any stream past it,
//     cannot be tripped early by interleaved audio;
//  2. in a pool of `workers` (CLIPWRIGHT_SMART_JOBS, default 2): the sound of the timeline
//     (soundCommand, AAC) and each re-encoded piece: one input per range (-ss half a frame
//     before its first frame, exact seek), trim to the frame count, concat, titles, libx264
//     with the output's settings;
//  3. the concat demuxer joins pieces and copied GOPs (inpoint at the keyframe, outpoint
//     between the dts of the last copied packet and the next, explicit durations so every
//     piece starts where the previous ended) and the sound is copied beside them; .part +
//     rename, then the loudness correction when the draft sets a target (FfmpegRunner).
#include "render/SmartRender.h"

#include "render/RenderFilters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSet>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>
#include <vector>

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

QString seconds(double s)
{
    return QString::number(s, 'f', 6);
}

// ffconcat quotes: '...' with ' written as '\''.
QString quoted(const QString& path)
{
    QString out = path;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// The sound of the whole timeline as an AAC file. Each segment's sound is its own input,
// seeked to just before the segment (the decoder gets 0.2 s to settle, then atrim cuts
// sample-exactly), so the source is decoded once overall; one input split into a branch
// per segment would push the whole file through every branch. Then the audio tracks are
// mixed in as the normal render does.
QStringList soundCommand(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                         const RenderPreset& preset, const QString& out, render::AudioMix* mix)
{
    const double fps = plan.fps;
    QStringList inputs;
    int inputCount = 0;
    QHash<QString, int> inputIndex;
    QStringList chains;
    QString join;
    for (int k = 0; k < plan.segments.size(); ++k) {
        const SmartRange& r = plan.segments[k];
        const double start = r.from / fps;
        const double settle = std::min(0.2, start);
        const QString dur = seconds(r.frames() / fps);
        inputs << QStringLiteral("-ss") << seconds(start - settle) << QStringLiteral("-t")
               << seconds(settle + r.frames() / fps + 0.1) << QStringLiteral("-i")
               << QStringLiteral("file:") + sources[r.src].path;
        const double vol = plan.volumes.value(k, 1.0);
        chains << QStringLiteral("[%1:a:0]atrim=start=%2:end=%3,asetpts=PTS-STARTPTS,")
                          .arg(inputCount++)
                          .arg(seconds(settle), seconds(settle + r.frames() / fps)) +
                      render::audioFormat() +
                      QStringLiteral(",apad=whole_dur=%1,atrim=end=%1").arg(dur) +
                      (vol != 1.0 ? QStringLiteral(",volume=") + render::num(vol) : QString()) +
                      QStringLiteral("[a%1]").arg(k);
        join += QStringLiteral("[a%1]").arg(k);
    }
    *mix = render::mixAudio(
        plan.draft, plan.inputs,
        [&](const Segment& s, QString*) {
            if (!inputIndex.contains(s.src)) {
                inputIndex.insert(s.src, inputCount++);
                inputs << QStringLiteral("-i") << QStringLiteral("file:") + plan.inputs[s.src].path;
            }
            return inputIndex.value(s.src);
        },
        QStringLiteral("[acat]"), QStringLiteral("[aout]"));
    chains << join + QStringLiteral("concat=n=%1:v=0:a=1").arg(plan.segments.size()) +
                  (mix->post ? QStringLiteral("[acat]") : QStringLiteral("[aout]"));
    chains << mix->chains;
    return QStringList{QStringLiteral("-v"), QStringLiteral("error")} + inputs +
           QStringList{QStringLiteral("-filter_complex"),
                       chains.join(QLatin1Char(';')),
                       QStringLiteral("-map"),
                       QStringLiteral("[aout]"),
                       QStringLiteral("-c:a"),
                       QStringLiteral("aac"),
                       QStringLiteral("-b:a"),
                       QStringLiteral("%1k").arg(preset.audioBitrateK),
                       QStringLiteral("-ar"),
                       QStringLiteral("48000"),
                       QStringLiteral("-y"),
                       QStringLiteral("-f"),
                       QStringLiteral("mp4"),
                       QStringLiteral("file:") + out};
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

QStringList x264OutputArgs(const RenderPreset& preset)
{
    return {QStringLiteral("-c:v"),   QStringLiteral("libx264"),   QStringLiteral("-profile:v"),
            QStringLiteral("high"),   QStringLiteral("-preset"),   preset.x264Preset,
            QStringLiteral("-crf"),   QString::number(preset.crf), QStringLiteral("-pix_fmt"),
            QStringLiteral("yuv420p")};
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
    const double fps = plan.fps;
    // Weights: a re-encoded frame costs about ten copied ones (measured on 720p veryfast).
    const double encodeWork = plan.encodedFrames();
    const double muxWork = 0.1 * plan.totalFrames();
    const double total = std::max(1.0, encodeWork + muxWork);
    double done = 0;
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

    // 1. Video-only copies of the sources that give copied GOPs.
    QHash<QString, QString> videoOnly;
    for (const SmartPiece& p : plan.pieces) {
        if (!p.copy || videoOnly.contains(p.ranges.first().src))
            continue;
        const QString src = p.ranges.first().src;
        const QString out = QDir(workDir).filePath(QStringLiteral("v%1.mp4").arg(videoOnly.size()));
        QByteArray err;
        const int r =
            runFfmpegStep({QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                           QStringLiteral("file:") + sources.value(src).path,
                           QStringLiteral("-map"), QStringLiteral("0:v:0"), QStringLiteral("-c"),
                           QStringLiteral("copy"), QStringLiteral("-y"), QStringLiteral("-f"),
                           QStringLiteral("mp4"), QStringLiteral("file:") + out},
                          cancel, &err);
        if (r != 0)
            return stepFailed(r, err, tr("Copying the video failed"));
        videoOnly.insert(src, out);
    }

    // 2. Re-encoded pieces: the concat list, then the encoder runs, `workers` at a time
    // (short pieces leave x264's threads idle while ffmpeg starts, seeks and decodes). A
    // piece under a title gets the titles' drawtext filters with its frames stamped at their
    // timeline times, so the filters' enable/alpha expressions are the normal render's.
    RenderPreset sized = preset;
    sized.width = plan.width;
    sized.height = plan.height;
    QStringList textFiles;
    QString textError;
    QList<QPair<qint64, qint64>> spans;
    const QStringList titles =
        render::textOverlays(plan.draft, sized, defaultFontFile(), workDir, QStringLiteral("smart"),
                             &textFiles, &textError, &spans);
    if (!textError.isEmpty()) {
        result.error = textError;
        return result;
    }
    QStringList list{QStringLiteral("ffconcat version 1.0")};
    int timeline = 0; // the piece's first frame on the timeline
    struct Encode {
        QStringList args;
        int frames = 0;
    };
    QList<Encode> encodes;
    // The sound first: its AAC encode is the longest single job and needs no video.
    const QString soundPath = QDir(workDir).filePath(QStringLiteral("sound.m4a"));
    render::AudioMix mix;
    encodes << Encode{soundCommand(plan, sources, preset, soundPath, &mix), 0};
    for (int i = 0; i < plan.pieces.size(); ++i) {
        const SmartPiece& p = plan.pieces[i];
        const QString duration = QStringLiteral("duration ") + seconds(p.frames() / fps);
        const int first = timeline;
        timeline += p.frames();
        if (p.copy) {
            const SmartRange& r = p.ranges.first();
            const SmartSource& s = sources[r.src];
            const double tb = double(s.tbNum) / s.tbDen;
            list << QStringLiteral("file ") + quoted(QStringLiteral("file:") + videoOnly[r.src]);
            // Rounded up to the microsecond so the seek cannot land on the previous keyframe.
            list << QStringLiteral("inpoint ") +
                        seconds(std::ceil(double(r.from) / fps * 1e6) / 1e6);
            if (r.to < s.frameCount())
                list << QStringLiteral("outpoint ") +
                            seconds(double(s.dts[r.to - 1] + s.dts[r.to]) / 2.0 * tb);
            list << duration;
            continue;
        }
        const QString out = QDir(workDir).filePath(QStringLiteral("p%1.mp4").arg(i));
        QStringList args{QStringLiteral("-v"), QStringLiteral("error")};
        QString graph;
        for (int k = 0; k < p.ranges.size(); ++k) {
            const SmartRange& r = p.ranges[k];
            args << QStringLiteral("-ss") << seconds((r.from - 0.5) / fps) << QStringLiteral("-t")
                 << seconds((r.frames() + 2) / fps) << QStringLiteral("-i")
                 << QStringLiteral("file:") + sources[r.src].path;
            graph += QStringLiteral("[%1:v:0]trim=end_frame=%2,setpts=PTS-STARTPTS[v%1];")
                         .arg(k)
                         .arg(r.frames());
        }
        for (int k = 0; k < p.ranges.size(); ++k)
            graph += QStringLiteral("[v%1]").arg(k);
        // The concat filter starts a part at the previous part's last pts when frames carry
        // no duration (two frames would share a pts), so the timestamps are rebuilt.
        graph += QStringLiteral("concat=n=%1:v=1:a=0,").arg(p.ranges.size());
        // Only the titles shown during this piece (long caption tracks would otherwise run
        // every drawtext over every frame).
        QStringList shown;
        for (int t = 0; t < titles.size(); ++t)
            if (spans[t].first * fps < 1000.0 * (timeline + 1) &&
                spans[t].second * fps > 1000.0 * (first - 1))
                shown << titles[t];
        if (!shown.isEmpty())
            graph += QStringLiteral("setpts=(N+%1)/(%2*TB),").arg(first).arg(plan.fps) +
                     shown.join(QLatin1Char(',')) + QLatin1Char(',');
        graph += QStringLiteral("setpts=N/(%1*TB)[v]").arg(plan.fps);
        const SmartSource& src = sources[p.ranges.first().src];
        args << QStringLiteral("-filter_complex") << graph << QStringLiteral("-map")
             << QStringLiteral("[v]") << QStringLiteral("-an") << QStringLiteral("-fps_mode")
             << QStringLiteral("passthrough") << x264OutputArgs(preset);
        if (src.tbNum == 1 && src.tbDen >= 1000)
            args << QStringLiteral("-video_track_timescale") << QString::number(src.tbDen);
        args << QStringLiteral("-y") << QStringLiteral("-f") << QStringLiteral("mp4")
             << QStringLiteral("file:") + out;
        encodes << Encode{args, p.frames()};
        list << QStringLiteral("file ") + quoted(QStringLiteral("file:") + out) << duration;
    }
    {
        const int workers = std::clamp(qEnvironmentVariableIntValue("CLIPWRIGHT_SMART_JOBS") > 0
                                           ? qEnvironmentVariableIntValue("CLIPWRIGHT_SMART_JOBS")
                                           : 2,
                                       1, 8);
        std::atomic_int next{0};
        std::atomic_int encoded{0};
        std::atomic_bool stop{false};
        std::atomic_int status{0};
        std::mutex errMutex;
        QByteArray firstErr;
        std::vector<std::thread> threads;
        const int count = std::min(workers, int(encodes.size()));
        std::atomic_int running{count};
        for (int w = 0; w < count; ++w) {
            threads.emplace_back([&] {
                struct Exit {
                    std::atomic_int& running;
                    ~Exit() { --running; }
                } guard{running};
                for (int i = next++; i < encodes.size() && !stop; i = next++) {
                    QByteArray err;
                    const int r = runFfmpegStep(encodes[i].args, &stop, &err);
                    if (r != 0) {
                        std::lock_guard<std::mutex> lock(errMutex);
                        if (status == 0) {
                            status = r;
                            firstErr = err;
                        }
                        stop = true;
                        return;
                    }
                    encoded += encodes[i].frames;
                }
            });
        }
        while (running > 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (cancel && cancel->load())
                stop = true;
            report(encoded);
        }
        for (std::thread& t : threads)
            t.join();
        if (cancel && cancel->load())
            return stepFailed(2, {}, QString());
        if (status != 0)
            return stepFailed(status, firstErr, tr("Re-encoding a cut failed"));
        done = encoded;
        report(done);
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

    // 3. Join: the pieces and the sound, both copied.
    RenderCommand mux;
    mux.durationMs = qRound64(plan.totalFrames() * 1000.0 / fps);
    mux.normalizeLoudness = mix.loudness && preset.name != QLatin1String("preview");
    mux.loudnessLufs = mix.lufs;
    mux.audioBitrateK = preset.audioBitrateK;
    mux.args << QStringLiteral("-hide_banner") << QStringLiteral("-nostdin") << QStringLiteral("-f")
             << QStringLiteral("concat") << QStringLiteral("-safe") << QStringLiteral("0")
             << QStringLiteral("-i") << listPath << QStringLiteral("-i")
             << QStringLiteral("file:") + soundPath << QStringLiteral("-map")
             << QStringLiteral("0:v:0") << QStringLiteral("-map") << QStringLiteral("1:a:0")
             << QStringLiteral("-c") << QStringLiteral("copy") << QStringLiteral("-movflags")
             << QStringLiteral("+faststart") << QStringLiteral("-progress")
             << QStringLiteral("pipe:1") << QStringLiteral("-nostats") << QStringLiteral("-y")
             << QStringLiteral("-f") << QStringLiteral("mp4") << finalPath;
    const double before = done;
    result = runFfmpeg(
        mux, finalPath, [&](double f) { report(before + f * muxWork); }, cancel);
    for (const QString& file : qAsConst(textFiles))
        QFile::remove(file);
    return result;
}

} // namespace cw::engine
