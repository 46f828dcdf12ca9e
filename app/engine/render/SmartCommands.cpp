// The ffmpeg commands of a smart render (pure; see SmartRender.h).
//
// Re-encoded pieces are grouped into a few batches, each one ffmpeg run and one x264 stream
// with an IDR forced at every piece's first frame: a piece is then cut out of its batch by
// stream copy like any source GOP. One encoder run per piece cost about 0.1 s of process
// start, input probing, encoder set-up and lookahead drain each, and left x264's threads
// idle around every short piece (130+ pieces on a 10-minute talk).
#include "render/RenderFilters.h"
#include "render/SmartRender.h"

#include <algorithm>
#include <cmath>

namespace cw::engine {
namespace {

QString seconds(double s)
{
    return QString::number(s, 'f', 6);
}

} // namespace

QVector<int> pieceTimelineStarts(const SmartPlan& plan)
{
    QVector<int> first;
    int timeline = 0;
    for (const SmartPiece& p : plan.pieces) {
        first << timeline;
        timeline += p.frames();
    }
    return first;
}

QList<SmartBatch> planSmartBatches(const SmartPlan& plan, int count)
{
    QList<SmartBatch> batches;
    const int encoded = plan.encodedFrames();
    if (encoded <= 0)
        return batches;
    // Equal shares of frames, but never more inputs in one run than kMaxBatchInputs (each
    // is an open demuxer and decoder for the whole run).
    constexpr int kMaxBatchInputs = 48;
    const int share = std::max(1, (encoded + std::max(1, count) - 1) / std::max(1, count));
    for (int i = 0; i < plan.pieces.size(); ++i) {
        const SmartPiece& p = plan.pieces[i];
        if (p.copy)
            continue;
        if (batches.isEmpty() || batches.last().frames >= share ||
            batches.last().inputs + p.ranges.size() > kMaxBatchInputs)
            batches << SmartBatch{};
        SmartBatch& b = batches.last();
        b.pieces << i;
        b.starts << b.frames;
        b.frames += p.frames();
        b.inputs += int(p.ranges.size());
    }
    return batches;
}

QStringList smartBatchCommand(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                              const RenderPreset& preset, const SmartBatch& batch,
                              const SmartTitles& titles, const QString& out)
{
    const QVector<int> timelineStart = pieceTimelineStarts(plan);
    const double fps = plan.fps.value();
    QStringList args{QStringLiteral("-v"), QStringLiteral("error")};
    QString graph;
    QString join;
    QStringList keyframes;
    int input = 0;
    for (int j = 0; j < batch.pieces.size(); ++j) {
        const SmartPiece& p = plan.pieces[batch.pieces[j]];
        QString parts;
        for (const SmartRange& r : p.ranges) {
            // Half a frame early: the seek is exact and lands on the first wanted frame.
            args << QStringLiteral("-ss") << seconds((r.from - 0.5) / fps) << QStringLiteral("-t")
                 << seconds((r.frames() + 2) / fps) << QStringLiteral("-i")
                 << QStringLiteral("file:") + sources[r.src].path;
            graph += QStringLiteral("[%1:v:0]trim=end_frame=%2,setpts=PTS-STARTPTS[r%1];")
                         .arg(input)
                         .arg(r.frames());
            parts += QStringLiteral("[r%1]").arg(input++);
        }
        // The concat filter starts a part at the previous part's last pts when frames carry
        // no duration (two frames would share a pts), so the timestamps are rebuilt.
        graph += parts + QStringLiteral("concat=n=%1:v=1:a=0,").arg(p.ranges.size());
        // Only the titles shown during this piece, on frames stamped with their timeline
        // times so the filters' enable/alpha expressions are the normal render's.
        const int first = timelineStart[batch.pieces[j]];
        const int last = first + p.frames();
        QStringList shown;
        for (int t = 0; t < titles.filters.size(); ++t)
            if (titles.spans[t].first * fps < 1000.0 * (last + 1) &&
                titles.spans[t].second * fps > 1000.0 * (first - 1))
                shown << titles.filters[t];
        if (!shown.isEmpty())
            graph += QStringLiteral("setpts=(N+%1)/(%2*TB),").arg(first).arg(plan.fps.text()) +
                     shown.join(QLatin1Char(',')) + QLatin1Char(',');
        graph += QStringLiteral("setpts=N/(%1*TB)[p%2];").arg(plan.fps.text()).arg(j);
        join += QStringLiteral("[p%1]").arg(j);
        if (j > 0)
            keyframes << QStringLiteral("eq(n,%1)").arg(batch.starts[j]);
    }
    graph += join + QStringLiteral("concat=n=%1:v=1:a=0,setpts=N/(%2*TB)[v]")
                        .arg(batch.pieces.size())
                        .arg(plan.fps.text());
    args << QStringLiteral("-filter_complex") << graph << QStringLiteral("-map")
         << QStringLiteral("[v]") << QStringLiteral("-an") << QStringLiteral("-fps_mode")
         << QStringLiteral("passthrough") << render::x264Args(preset);
    // Every piece starts a closed GOP, so the batch can be cut at its first frame.
    if (!keyframes.isEmpty())
        args << QStringLiteral("-forced-idr") << QStringLiteral("1")
             << QStringLiteral("-force_key_frames")
             << QStringLiteral("expr:") + keyframes.join(QLatin1Char('+'));
    const SmartSource& src = sources[plan.pieces[batch.pieces.first()].ranges.first().src];
    if (src.tbNum == 1 && src.tbDen >= 1000)
        args << QStringLiteral("-video_track_timescale") << QString::number(src.tbDen);
    args << QStringLiteral("-progress") << QStringLiteral("pipe:1") << QStringLiteral("-y")
         << QStringLiteral("-f") << QStringLiteral("mp4") << QStringLiteral("file:") + out;
    return args;
}

// The sound of the whole timeline as an AAC file. Each segment's sound is its own input,
// seeked to just before the segment (the decoder gets 0.2 s to settle, then atrim cuts
// sample-exactly), so the source is decoded once overall; one input split into a branch
// per segment would push the whole file through every branch. Then the audio tracks are
// mixed in as the normal render does.
QStringList smartSoundCommand(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                              const RenderPreset& preset, const QString& out, render::AudioMix* mix,
                              bool pcm)
{
    const double fps = plan.fps.value();
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
           QStringList{QStringLiteral("-filter_complex"), chains.join(QLatin1Char(';')),
                       QStringLiteral("-map"), QStringLiteral("[aout]")} +
           (pcm ? QStringList{QStringLiteral("-c:a"), QStringLiteral("pcm_s16le"),
                              QStringLiteral("-ar"), QStringLiteral("48000"), QStringLiteral("-y"),
                              QStringLiteral("-f"), QStringLiteral("wav")}
                : render::aacArgs(preset.audioBitrateK) + QStringList{QStringLiteral("-y"),
                                                                      QStringLiteral("-f"),
                                                                      QStringLiteral("mp4")}) +
           QStringList{QStringLiteral("file:") + out};
}

QStringList smartConcatEntry(const QString& file, const SmartSource& s, int from, int to,
                             double fps)
{
    const double tb = double(s.tbNum) / s.tbDen;
    QStringList lines{QStringLiteral("file ") + ffconcatQuoted(QStringLiteral("file:") + file)};
    // Rounded up to the microsecond so the seek cannot land on the previous keyframe.
    lines << QStringLiteral("inpoint ") + seconds(std::ceil(double(from) / fps * 1e6) / 1e6);
    // The concat demuxer ends a file at the first packet whose dts reaches the outpoint.
    if (to < s.frameCount())
        lines << QStringLiteral("outpoint ") +
                     seconds(double(s.dts[to - 1] + s.dts[to]) / 2.0 * tb);
    lines << QStringLiteral("duration ") + seconds(double(to - from) / fps);
    return lines;
}

QString ffconcatQuoted(const QString& path)
{
    QString out = path;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace cw::engine
