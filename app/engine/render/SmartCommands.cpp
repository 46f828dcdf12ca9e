// The ffmpeg commands of a smart render (pure; see SmartRender.h).
//
// Re-encoded pieces are grouped into a few batches, each one ffmpeg run and one x264 stream
// with an IDR forced at every piece's first frame: a piece is then cut out of its batch by
// stream copy like any source GOP. One encoder run per piece cost about 0.1 s of process
// start, input probing, encoder set-up and lookahead drain each, and left x264's threads
// idle around every short piece (130+ pieces on a 10-minute talk). A batch reads its frames
// through one concat list (one demuxer and one decoder for the run) rather than one seeking
// input per range: 48 inputs each probed their file (a few video frames decoded) and held a
// decoder with its threads, and a lead-in already decoded for the previous range was decoded
// again.
#include "render/RenderFilters.h"
#include "render/SmartCodec.h"
#include "render/SmartRender.h"

#include <algorithm>
#include <cmath>

namespace cw::engine {
namespace {

QString seconds(double s)
{
    return QString::number(s, 'f', 6);
}

// ffmpeg's expression parser refuses a sum of 100 or more terms (av_expr_parse's depth
// guard), so long sums are written as sums of parenthesised groups.
QString groupedSum(const QStringList& terms)
{
    constexpr int kGroup = 40;
    if (terms.size() <= kGroup)
        return terms.join(QLatin1Char('+'));
    QStringList groups;
    for (int i = 0; i < terms.size(); i += kGroup)
        groups << QLatin1Char('(') + terms.mid(i, kGroup).join(QLatin1Char('+')) + QLatin1Char(')');
    return groupedSum(groups);
}

} // namespace

QString smartSelectSum(const QStringList& terms)
{
    return groupedSum(terms);
}

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

QList<SmartDecode> smartBatchDecodes(const SmartPlan& plan,
                                     const QHash<QString, SmartSource>& sources,
                                     const SmartBatch& batch)
{
    QHash<QString, QVector<bool>> clean;
    QHash<QString, QVector<int>> position; // frame -> decode position
    QList<SmartDecode> out;
    auto settle = [&](SmartDecode& d) {
        const SmartSource& s = sources[d.src];
        const QVector<int>& pos = position[d.src];
        int end = 0; // decode positions [pos[key], end) hold every frame in [key, to)
        for (int f = d.key; f < d.windows.last().second; ++f)
            end = std::max(end, pos[f] + 1);
        d.packetEnd = end;
        d.last = d.key;
        for (int i = pos[d.key]; i < end; ++i)
            d.last = std::max(d.last, s.frame[i]);
    };
    for (const int index : batch.pieces) {
        for (const SmartRange& r : plan.pieces[index].ranges) {
            const SmartSource& s = sources[r.src];
            if (!clean.contains(r.src)) {
                clean.insert(r.src, cleanPrefixes(s));
                QVector<int> pos(s.frameCount(), 0);
                for (int i = 0; i < s.frameCount(); ++i)
                    pos[s.frame[i]] = i;
                position.insert(r.src, pos);
            }
            int key = r.from;
            while (key > 0 && !startsCleanGop(s, clean[r.src], key))
                --key;
            // Decoding on from the previous range is never dearer than seeking back to
            // this range's keyframe when that keyframe is already decoded.
            if (!out.isEmpty() && out.last().src == r.src &&
                r.from >= out.last().windows.last().second && key <= out.last().last + 1) {
                out.last().windows << qMakePair(r.from, r.to);
            } else {
                out << SmartDecode{r.src, key, {{r.from, r.to}}, 0, 0};
            }
            settle(out.last());
        }
    }
    return out;
}

SmartBatchCommand smartBatchCommand(const SmartPlan& plan,
                                    const QHash<QString, SmartSource>& sources,
                                    const RenderPreset& preset, const SmartBatch& batch,
                                    const SmartTitles& titles,
                                    const QHash<QString, QString>& videoOnly,
                                    const QString& listPath, const QString& out)
{
    SmartBatchCommand cmd;
    const QVector<int> timelineStart = pieceTimelineStarts(plan);
    const double fps = plan.fps.value();
    // One concat list over the video-only copies: each entry decodes from a clean keyframe
    // to the last packet its frames need; select keeps the wanted frames (by their time in
    // the list, where each entry is given exactly the span of the frames it decodes).
    QStringList list{QStringLiteral("ffconcat version 1.0")};
    QStringList keep;
    qint64 startUs = 0; // the entry's start in the list's timeline
    for (const SmartDecode& d : smartBatchDecodes(plan, sources, batch)) {
        const SmartSource& s = sources[d.src];
        const double tb = double(s.tbNum) / s.tbDen;
        list << QStringLiteral("file ") +
                    ffconcatQuoted(QStringLiteral("file:") + videoOnly.value(d.src, s.path));
        list << QStringLiteral("inpoint ") + seconds(std::ceil(double(d.key) / fps * 1e6) / 1e6);
        if (d.packetEnd < s.frameCount())
            list << QStringLiteral("outpoint ") +
                        seconds(double(s.dts[d.packetEnd - 1] + s.dts[d.packetEnd]) / 2.0 * tb);
        const qint64 spanUs = qRound64(double(d.last + 1 - d.key) / fps * 1e6);
        list << QStringLiteral("duration ") + seconds(spanUs / 1e6);
        for (const auto& w : d.windows)
            keep << QStringLiteral("gte(t,%1)*lt(t,%2)")
                        .arg(seconds(startUs / 1e6 + (w.first - d.key - 0.5) / fps),
                             seconds(startUs / 1e6 + (w.second - d.key - 0.5) / fps));
        cmd.decodedFrames += d.last + 1 - d.key;
        startUs += spanUs;
    }
    cmd.list = (list.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();

    QString graph = QStringLiteral("[0:v:0]select='%1',setpts=N/(%2*TB)")
                        .arg(smartSelectSum(keep), plan.fps.text());
    // Titles: frames restamped with their timeline times (piecewise per piece) so the
    // filters' enable/alpha expressions are the normal render's.
    QStringList shown;
    QString offset;
    int previous = 0;
    QStringList keyframes;
    for (int j = 0; j < batch.pieces.size(); ++j) {
        const int first = timelineStart[batch.pieces[j]];
        const int last = first + plan.pieces[batch.pieces[j]].frames();
        for (int t = 0; t < titles.filters.size(); ++t)
            if (titles.spans[t].first * fps < 1000.0 * (last + 1) &&
                titles.spans[t].second * fps > 1000.0 * (first - 1) &&
                !shown.contains(titles.filters[t]))
                shown << titles.filters[t];
        const int delta = first - batch.starts[j];
        offset += j == 0
                      ? QString::number(delta)
                      : QStringLiteral("+gte(N,%1)*%2").arg(batch.starts[j]).arg(delta - previous);
        previous = delta;
        if (j > 0)
            keyframes << QStringLiteral("eq(n,%1)").arg(batch.starts[j]);
    }
    if (!shown.isEmpty())
        graph += QStringLiteral(",setpts='(N+%1)/(%2*TB)',").arg(offset, plan.fps.text()) +
                 shown.join(QLatin1Char(',')) +
                 QStringLiteral(",setpts=N/(%1*TB)").arg(plan.fps.text());
    graph += QStringLiteral("[v]");

    const SmartSource& src = sources[plan.pieces[batch.pieces.first()].ranges.first().src];
    const QStringList encoder = smartEncoderArgs(plan, src, preset, // SmartCodec.cpp
                                                 smartBatchKbps(plan, sources, batch));
    cmd.args = QStringList{QStringLiteral("-v"),
                           QStringLiteral("info"),
                           QStringLiteral("-benchmark"),
                           QStringLiteral("-f"),
                           QStringLiteral("concat"),
                           QStringLiteral("-safe"),
                           QStringLiteral("0"),
                           QStringLiteral("-i"),
                           listPath,
                           QStringLiteral("-filter_complex"),
                           graph,
                           QStringLiteral("-map"),
                           QStringLiteral("[v]"),
                           QStringLiteral("-an"),
                           QStringLiteral("-fps_mode"),
                           QStringLiteral("passthrough")} +
               encoder;
    // Every piece starts a closed GOP, so the batch can be cut at its first frame.
    if (!keyframes.isEmpty())
        cmd.args << QStringLiteral("-forced-idr") << QStringLiteral("1")
                 << QStringLiteral("-force_key_frames")
                 << QStringLiteral("expr:") + keyframes.join(QLatin1Char('+'));
    if (src.tbNum == 1 && src.tbDen >= 1000)
        cmd.args << QStringLiteral("-video_track_timescale") << QString::number(src.tbDen);
    cmd.args << QStringLiteral("-progress") << QStringLiteral("pipe:1") << QStringLiteral("-y")
             << QStringLiteral("-f") << QStringLiteral("mp4") << QStringLiteral("file:") + out;
    return cmd;
}

// The sound of the whole timeline as an AAC file (or PCM). When each source's segments come in
// source order without overlap (a cut), the source is one input decoded once and asegment
// splits it sample-exactly at the cuts: one open and one decoder per source instead of one
// per segment (135 on a 10-minute talk, each probing the video too). Otherwise each
// segment's sound is its own input, seeked to just before the segment (the decoder gets
// 0.2 s to settle, then atrim cuts sample-exactly). Then the audio tracks are mixed in as the
// normal render does.
namespace {

QStringList soundCommand(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                         const RenderPreset& preset, const QString& out, render::AudioMix* mix,
                         bool pcm, bool split, int* inputTotal)
{
    const double fps = plan.fps.value();
    QStringList inputs;
    int inputCount = 0;
    QHash<QString, int> inputIndex;
    QStringList chains;
    QString join;
    // Source order per source: the segments (indices) of each source, checked for order.
    QHash<QString, QList<int>> bySource;
    QStringList order;
    bool inOrder = split;
    for (int k = 0; k < plan.segments.size(); ++k) {
        const SmartRange& r = plan.segments[k];
        QList<int>& list = bySource[r.src];
        if (list.isEmpty())
            order << r.src;
        else if (plan.segments[list.last()].to > r.from)
            inOrder = false;
        list << k;
    }
    QVector<QString> label(plan.segments.size());
    if (inOrder) {
        for (const QString& src : qAsConst(order)) {
            const int input = inputCount++;
            inputs << QStringLiteral("-i") << QStringLiteral("file:") + sources[src].path;
            QStringList points;
            QString outs;
            int part = 0;
            double at = 0;
            auto cutAt = [&](double t) {
                if (t > at + 1e-7) {
                    points << seconds(t);
                    at = t;
                    return true;
                }
                return false;
            };
            QStringList sinks;
            for (const int k : bySource[src]) {
                const SmartRange& r = plan.segments[k];
                if (cutAt(r.from / fps)) { // the part before the segment is dropped
                    outs += QStringLiteral("[d%1_%2]").arg(input).arg(part);
                    sinks << QStringLiteral("[d%1_%2]anullsink").arg(input).arg(part++);
                }
                label[k] = QStringLiteral("s%1_%2").arg(input).arg(part++);
                outs += QLatin1Char('[') + label[k] + QLatin1Char(']');
                cutAt(r.to / fps);
            }
            outs += QStringLiteral("[d%1_%2]").arg(input).arg(part);
            sinks << QStringLiteral("[d%1_%2]anullsink").arg(input).arg(part);
            chains << QStringLiteral("[%1:a:0]asegment=timestamps=%2")
                              .arg(input)
                              .arg(points.join('|')) +
                          outs;
            chains << sinks;
        }
    }
    for (int k = 0; k < plan.segments.size(); ++k) {
        const SmartRange& r = plan.segments[k];
        const QString dur = seconds(r.frames() / fps);
        QString head;
        if (inOrder) {
            head = QLatin1Char('[') + label[k] + QStringLiteral("]asetpts=PTS-STARTPTS,");
        } else {
            const double start = r.from / fps;
            const double settle = std::min(0.2, start);
            inputs << QStringLiteral("-ss") << seconds(start - settle) << QStringLiteral("-t")
                   << seconds(settle + r.frames() / fps + 0.1) << QStringLiteral("-i")
                   << QStringLiteral("file:") + sources[r.src].path;
            head = QStringLiteral("[%1:a:0]atrim=start=%2:end=%3,asetpts=PTS-STARTPTS,")
                       .arg(inputCount++)
                       .arg(seconds(settle), seconds(settle + r.frames() / fps));
        }
        const double vol = plan.volumes.value(k, 1.0);
        chains << head + render::audioFormat() +
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
    *inputTotal = inputCount;
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

} // namespace

// One input split by asegment only when it is the command's only input: with a second one
// (music), ffmpeg 5.1 stops feeding the source while asegment sends a dropped part to its
// anullsink (nothing requests it), amix drains the music and the sound comes out empty.
QStringList smartSoundCommand(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                              const RenderPreset& preset, const QString& out, render::AudioMix* mix,
                              bool pcm)
{
    int inputs = 0;
    const QStringList split = soundCommand(plan, sources, preset, out, mix, pcm, true, &inputs);
    if (inputs <= 1)
        return split;
    return soundCommand(plan, sources, preset, out, mix, pcm, false, &inputs);
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
