// See edit/Montage.h. A part's length is the span between two beats of the list it is given,
// moved to the picture's frames (framedLength); a clip's capacity is counted with a beat a
// millisecond longer than the average, which keeps the rounding of the beats from asking a clip for
// more footage than it has.
#include "edit/Montage.h"

#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace cw::engine {

using namespace ops;

QList<int> shareBeats(const QList<qint64>& lengthsMs, double beatMs, int totalBeats)
{
    const int n = int(lengthsMs.size());
    QList<int> share(n, 0);
    QList<int> cap(n, 0);
    for (int i = 0; i < n; ++i) {
        // Less a frame or two: a part's frames can run a frame past its beats (framedLength).
        cap[i] = beatMs > 0 ? int(std::floor(double(lengthsMs[i] - 50) / (beatMs + 1))) : 0;
        if (cap[i] < kMontageMinBeats)
            cap[i] = 0;
    }
    int left = totalBeats;
    for (int i = 0; i < n && left >= kMontageMinBeats; ++i)
        if (cap[i] > 0) {
            share[i] = kMontageMinBeats;
            left -= kMontageMinBeats;
        }
    double sumLen = 0;
    for (int i = 0; i < n; ++i)
        sumLen += share[i] > 0 ? double(lengthsMs[i]) : 0;
    while (left > 0 && sumLen > 0) {
        int best = -1;
        double bestNeed = -1e18;
        for (int i = 0; i < n; ++i) {
            if (share[i] == 0 || share[i] >= cap[i])
                continue;
            const double need = double(totalBeats) * double(lengthsMs[i]) / sumLen - share[i];
            if (need > bestNeed) {
                bestNeed = need;
                best = i;
            }
        }
        if (best < 0)
            break;
        ++share[best];
        --left;
    }
    return share;
}

qint64 loudestStart(const MontageSource& s, qint64 from, qint64 to, qint64 durationMs,
                    qint64 stepMs)
{
    if (s.still || s.levelsDb.isEmpty() || to <= from || s.windowMs <= 0)
        return from;
    const int w = s.windowMs;
    const qsizetype n = s.levelsDb.size();
    auto level = [&](qsizetype i) {
        return i < n ? std::clamp(double(s.levelsDb[i]), -80.0, 0.0) : -80.0;
    };
    const qsizetype last = qsizetype((to + durationMs) / w) + 1;
    QVector<double> prefix(last + 1, 0.0);
    for (qsizetype i = 0; i < last; ++i)
        prefix[i + 1] = prefix[i] + level(i);
    const qsizetype span = std::max<qsizetype>(1, qsizetype(durationMs / w));
    qint64 best = from;
    double bestMean = -1e18;
    auto consider = [&](qint64 t) {
        const qsizetype a = qsizetype(t / w);
        const double mean = (prefix[std::min(a + span, last)] - prefix[a]) / double(span);
        if (mean > bestMean + 1e-9) {
            bestMean = mean;
            best = t;
        }
    };
    for (qint64 t = from; t < to; t += std::max<qint64>(1, stepMs))
        consider(t);
    consider(to); // the end of the range too, off the steps
    return best;
}

QList<MontagePart> planMontage(const QList<MontageSource>& sources, const QList<qint64>& beats,
                               qint64 targetMs)
{
    QList<MontagePart> parts;
    if (beats.size() < kMontageMinBeats + 1 || sources.isEmpty())
        return parts;
    const double beatMs = double(beats.last() - beats.first()) / double(beats.size() - 1);
    int total = 0;
    while (total + 1 < beats.size() && beats[total + 1] - beats.first() <= targetMs)
        ++total;
    QList<qint64> lengths;
    for (const MontageSource& s : sources)
        lengths << s.lengthMs;
    const QList<int> share = shareBeats(lengths, beatMs, total);
    const int aim = std::clamp(int(std::lround(double(kMontagePartMs) / beatMs)), kMontageMinBeats,
                               kMontageMaxBeats);
    int cursor = 0;
    for (int i = 0; i < sources.size(); ++i) {
        const int b = share[i];
        if (b < kMontageMinBeats)
            continue;
        const int fewest = (b + kMontageMaxBeats - 1) / kMontageMaxBeats;
        const int most = std::max(1, b / kMontageMinBeats);
        const int count =
            std::clamp(int(std::lround(double(b) / aim)), std::min(fewest, most), most);
        QList<int> sizes;
        QList<qint64> lengthsMs;
        for (int j = 0, at = cursor; j < count; ++j) {
            sizes << b / count + (j < b % count ? 1 : 0);
            lengthsMs << beats[at + sizes.last()] - beats[at];
            at += sizes.last();
        }
        const MontageSource& s = sources[i];
        qint64 rest = 0;
        for (const qint64 d : lengthsMs)
            rest += d;
        qint64 prevEnd = s.inMs;
        for (int j = 0; j < count; ++j) {
            const qint64 d = lengthsMs[j];
            rest -= d;
            const qint64 zoneFrom = s.inMs + s.lengthMs * j / count;
            const qint64 zoneTo = s.inMs + s.lengthMs * (j + 1) / count;
            const qint64 latest = s.inMs + s.lengthMs - rest - d;
            qint64 lo = std::max(prevEnd, zoneFrom);
            qint64 hi = std::min(zoneTo - d, latest);
            if (hi < lo) {
                lo = prevEnd;
                hi = latest;
            }
            const qint64 start = s.still ? 0 : loudestStart(s, lo, std::max(lo, hi), d);
            parts << MontagePart{i, start, cursor, sizes[j]};
            cursor += sizes[j];
            prevEnd = start + d;
        }
    }
    return parts;
}

qint64 framedLength(qint64 fromMs, qint64 toMs, double fps)
{
    if (fps <= 0 || !std::isfinite(fps))
        return toMs - fromMs;
    const double frames =
        std::round(double(toMs) * fps / 1000) - std::round(double(fromMs) * fps / 1000);
    return qint64(std::floor(frames * 1000 / fps + 1e-6));
}

EditResult applyMontage(const Draft& draft, const QList<MontageSource>& sources,
                        const QList<qint64>& beats, const QList<MontagePart>& parts,
                        const MontageMusic& music)
{
    const int vi = mainVideoTrack(draft);
    if (vi < 0 || draft.t[vi].sg.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("There are no clips on the timeline."));
    if (parts.isEmpty() || music.media.id.isEmpty())
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("The clips are too short to cut to this music."));
    Draft out = draft;
    const QString mainId = out.t[vi].id;
    for (int i = int(out.t.size()) - 1; i >= 0; --i)
        if (i != vi && out.t[i].tt != int(TrackType::Text))
            out.t.removeAt(i);
    Track* main = out.track(mainId);
    main->sg.clear();
    const double fps = draft.m.value(QLatin1String("fps")).toDouble(30);
    QJsonArray cuts;
    QSet<int> used;
    qint64 length = 0;
    for (const MontagePart& p : parts) {
        const MontageSource& src = sources.at(p.source);
        Segment s;
        s.id = uniqueSegmentId(out, QStringLiteral("mt"));
        s.src = src.src;
        s.st = length;
        s.in = p.inMs;
        s.d = framedLength(beats.at(p.firstBeat), beats.at(p.firstBeat + p.beats), fps);
        s.m = QJsonObject{{QStringLiteral("name"), src.name}, {QStringLiteral("vol"), 0}};
        if (!main->sg.isEmpty())
            cuts.append(s.st);
        main->sg << s;
        used.insert(p.source);
        length = s.end();
    }
    Track track;
    track.id = uniqueTrackId(out, QStringLiteral("music"));
    track.tt = int(TrackType::Audio);
    track.n = QStringLiteral("Music");
    Segment m;
    m.id = track.id + QStringLiteral("_s1");
    m.src = music.media.id;
    m.st = 0;
    m.in = music.inMs;
    m.d = length;
    m.m = QJsonObject{{QStringLiteral("name"), music.media.fileName},
                      {QStringLiteral("role"), QStringLiteral("music")},
                      {QStringLiteral("vol"), music.volume},
                      {QStringLiteral("duck"), false},
                      {QStringLiteral("fo"), std::min<qint64>(1000, length / 4)}};
    track.sg << m;
    out.t << track;
    clipSpansTo(out, length);
    out.d = out.computedDuration();
    return success(out, {{QStringLiteral("parts"), int(parts.size())},
                         {QStringLiteral("beats"), parts.last().firstBeat + parts.last().beats},
                         {QStringLiteral("length_ms"), length},
                         {QStringLiteral("clips"), int(used.size())},
                         {QStringLiteral("cuts"), cuts}});
}

} // namespace cw::engine
