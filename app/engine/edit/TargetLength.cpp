// Cutting to a target length (see TargetLength.h; the model it plans on: edit/LengthModel.h).
//
// Rules (tst_targetlength pins each one):
// - The length is the end of the footage (ops::footageEnd). Everything is planned on the
//   clips of the reference track (the main video track, else the first track with footage)
//   in the input's timeline time, then removed right to left with removeRange, so every
//   footage track ripples the same way and text/music spans follow (remapSpans/clipSpansTo).
// - Pauses come from pausesBySource/pauseCutsInSegment, exactly what "cut the pauses" would
//   cut (min 500 ms, the margin kept around speech). They go longest first; the last one is
//   only cut as far as needed (its middle), so pause-only results hit the target exactly.
// - Stretches are needed only when all pauses are not enough. The rest is split into equal
//   pieces of 1-5 s (under 1 s: one piece of at most rest + 0.5 s, to stay within the
//   tolerance). Each piece goes where the loudness (energy mean of the 10 ms RMS windows,
//   i.e. the mean of its 1-s windows) is lowest; an end with sound within 50 ms on both
//   sides (a cut through a word) costs 3 dB, so cuts prefer pauses. A piece keeps
//   max(1 s, its length) from other pieces and leaves no sliver under 1 s before the next
//   cut; those rules are relaxed one by one only when nothing fits, and a piece longer than
//   any clip may still lose is split. A tiny tie-break pulls pieces towards evenly spaced
//   slots: with no analysis (all speech, equal loudness) that spreads them evenly; with
//   one, loudness decides.
// - Every clip keeps min(1 s, its length), so no clip disappears; when that cannot reach
//   the target the request fails and says how short it can get.
// - best keeps windows of target/4 (3-10 s) with the highest loudness + 10 dB x share of
//   windows above the speech threshold + up to 9 dB for the picture's activity (its motion
//   over the 90th percentile of all the footage's seconds, capped at 1.5), one at a time,
//   until the target is within
//   0.5 s; with an analysis, windows start and end where no word is split (quietAt) and may
//   be shorter for it (the result then stops up to 10% short rather than cut into a word),
//   and a window that joins one already kept gains 3 dB (one cut fewer); without one
//   windows spread evenly. Everything else goes (whole clips too).
//   Chronological order is kept because only removals happen.
#include "edit/TargetLength.h"

#include "edit/CutPauses.h"
#include "edit/LengthModel.h"
#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

namespace cw::engine {

using namespace ops;

using namespace length;

namespace {

// The main video track, else the first track with footage; -1 when there is no footage.
int referenceTrack(const Draft& d)
{
    const int vi = mainVideoTrack(d);
    auto hasFootage = [&](int i) {
        return std::any_of(d.t[i].sg.begin(), d.t[i].sg.end(),
                           [&](const Segment& s) { return isFootage(d.t[i], s) && s.d > 0; });
    };
    if (vi >= 0 && hasFootage(vi))
        return vi;
    for (int i = 0; i < d.t.size(); ++i)
        if (hasFootage(i))
            return i;
    return -1;
}

LengthResult failed(int code, const QString& reason)
{
    LengthResult r;
    r.edit = fail(code, reason);
    return r;
}

// Candidate starts for a range of length len inside [from, to): a 100 ms grid, the end, and
// flush against every range already taken there (so pieces fit between pauses).
std::vector<qint64> starts(qint64 from, qint64 to, qint64 len, const Spans& taken)
{
    std::vector<qint64> out;
    for (qint64 a = from; a + len <= to; a += kGrid)
        out.push_back(a);
    out.push_back(to - len);
    for (const Interval& iv : taken.list()) {
        if (iv.endMs >= from && iv.endMs + len <= to)
            out.push_back(iv.endMs);
        if (iv.startMs - len >= from && iv.startMs <= to)
            out.push_back(iv.startMs - len);
    }
    return out;
}

struct Pick {
    int clip = -1;
    qint64 a = 0;
    qint64 len = 0;
    double score = 0;
};

// How strict the placement of a stretch is; relaxed step by step when nothing fits.
struct Placement {
    qint64 gap = 0;       // from other stretches
    bool noSliver = true; // leave no piece shorter than kMinPiece before the next cut
};

// Quietest place for a stretch of len, or clip -1.
Pick quietest(const QList<Clip>& clips, qint64 len, const Spans& taken, const Spans& stretches,
              const Placement& rule, const Slots& spread, double unknownDb)
{
    Pick best;
    best.score = std::numeric_limits<double>::infinity();
    for (int ci = 0; ci < clips.size(); ++ci) {
        const Clip& c = clips[ci];
        if (c.budget - c.used < len || c.d < len)
            continue;
        for (qint64 a : starts(c.st, c.end(), len, taken)) {
            const qint64 b = a + len;
            if (a < c.st || b > c.end() || !taken.clearOf(a, b, 0) ||
                !stretches.clearOf(a, b, rule.gap))
                continue;
            if (rule.noSliver) {
                const qint64 before = a - taken.endBefore(a, c.st);
                const qint64 after = taken.startAfter(b, c.end()) - b;
                if ((before > 0 && before < kMinPiece) || (after > 0 && after < kMinPiece))
                    continue;
            }
            double score = loudness(c, a, b, unknownDb).db + spread.penalty(0.5 * double(a + b));
            if (c.env) {
                score += taken.isEdge(a) || quietAt(c, a) ? 0 : kEdgePenaltyDb;
                score += taken.isEdge(b) || quietAt(c, b) ? 0 : kEdgePenaltyDb;
            }
            if (score < best.score - 1e-9)
                best = {ci, a, len, score};
        }
    }
    return best;
}

// Where a window of a clip may start or end without touching a word: the clip's ends and,
// on a 50 ms grid, points with no sound above the threshold for 100 ms on both sides (twice
// the 50 ms promised: the threshold hears a word's soft onset a little late). Empty without
// an analysis.
std::vector<qint64> cleanCuts(const Clip& c)
{
    std::vector<qint64> out;
    if (!c.env)
        return out;
    const double probe = 2.0 * double(kQuietProbeMs) * c.speed;
    for (qint64 t = c.st; t < c.end(); t += kQuietProbeMs) {
        const double x = c.source(double(t));
        const auto [i0, i1] = c.env->range(x - probe, x + probe);
        if (t == c.st || (i1 > i0 && c.env->loud[size_t(i1)] == c.env->loud[size_t(i0)]))
            out.push_back(t);
    }
    out.push_back(c.end());
    return out;
}

// Liveliest window between clean cuts: for each clean start in a free fragment, the longest
// window up to len that ends on a clean cut (or on a kept window, which joins it), at least
// minLen. Clip -1 when no clip has one.
Pick liveliestClean(const QList<Clip>& clips, const std::vector<std::vector<qint64>>& cuts,
                    qint64 len, qint64 minLen, const Spans& kept, const Spans& own,
                    const Slots& spread, double unknownDb)
{
    Pick best;
    best.score = -std::numeric_limits<double>::infinity();
    for (int ci = 0; ci < clips.size(); ++ci) {
        const Clip& c = clips[ci];
        std::vector<qint64> points = cuts[size_t(ci)];
        for (const Interval& iv : kept.list())
            for (qint64 t : {iv.startMs, iv.endMs})
                if (t >= c.st && t <= c.end())
                    points.push_back(t);
        std::sort(points.begin(), points.end());
        for (qint64 a : points) {
            if (a >= c.end() || !kept.clearOf(a, a + 1, 0))
                continue;
            // The free room after a, then the last clean point that fits in it.
            const qint64 room = std::min({a + len, c.end(), kept.startAfter(a + 1, c.end())});
            auto it = std::upper_bound(points.begin(), points.end(), room);
            if (it == points.begin())
                continue;
            const qint64 b = *std::prev(it);
            if (b - a < minLen)
                continue;
            const Loudness x = loudness(c, a, b, unknownDb);
            double score = x.db + kDensityDb * x.density - spread.penalty(0.5 * double(a + b));
            if (c.act)
                score += kMotionDb * c.act->mean(c.source(double(a)), c.source(double(b)));
            for (qint64 t : {a, b})
                if (own.isEdge(t))
                    score += kEdgePenaltyDb; // joins a kept window: one cut fewer
            if (score > best.score + 1e-9)
                best = {ci, a, b - a, score};
        }
    }
    return best;
}

// Liveliest window of at most len outside `kept`, or clip -1. minLen: shortest acceptable.
Pick liveliest(const QList<Clip>& clips, qint64 len, qint64 minLen, const Spans& kept,
               const Spans& own, const Slots& spread, double unknownDb)
{
    Pick best;
    best.score = -std::numeric_limits<double>::infinity();
    for (int ci = 0; ci < clips.size(); ++ci) {
        const Clip& c = clips[ci];
        // The clip's free fragments.
        std::vector<Interval> free;
        qint64 pos = c.st;
        for (const Interval& iv : kept.list()) {
            if (iv.endMs <= c.st || iv.startMs >= c.end())
                continue;
            if (iv.startMs > pos)
                free.push_back({pos, iv.startMs});
            pos = std::max(pos, iv.endMs);
        }
        if (pos < c.end())
            free.push_back({pos, c.end()});
        for (const Interval& f : free) {
            const qint64 l = std::min(len, f.length());
            if (l < minLen || l <= 0)
                continue;
            for (qint64 a : starts(f.startMs, f.endMs, l, kept)) {
                const qint64 b = a + l;
                if (a < f.startMs || b > f.endMs)
                    continue;
                const Loudness x = loudness(c, a, b, unknownDb);
                double score = x.db + kDensityDb * x.density - spread.penalty(0.5 * double(a + b));
                if (c.act)
                    score += kMotionDb * c.act->mean(c.source(double(a)), c.source(double(b)));
                for (qint64 t : {a, b}) {
                    if (!c.env)
                        break;
                    if (own.isEdge(t))
                        score += kEdgePenaltyDb; // joins a kept window: one cut fewer
                    else if (!kept.isEdge(t) && !quietAt(c, t))
                        score -= kEdgePenaltyDb;
                }
                if (score > best.score + 1e-9)
                    best = {ci, a, l, score};
            }
        }
    }
    return best;
}

} // namespace

LengthResult cutToLength(const Draft& draft, const QHash<QString, AudioAnalysis>& analyses,
                         const LengthOptions& options)
{
    return cutToLength(draft, analyses, options, BestWindows{});
}

LengthResult cutToLength(const Draft& draft, const QHash<QString, AudioAnalysis>& analyses,
                         const LengthOptions& options, const BestWindows& windows)
{
    const qint64 target = options.targetMs;
    if (target < kMinTarget)
        return failed(ErrorCode::BadRequest,
                      QStringLiteral("A video cannot be cut to less than 1 second."));
    if (target > kMaxTarget)
        return failed(ErrorCode::BadRequest,
                      QStringLiteral("A target length over 24 hours makes no sense here."));
    const int ti = referenceTrack(draft);
    const qint64 total = footageEnd(draft);
    if (ti < 0 || total <= 0)
        return failed(ErrorCode::Conflict, QStringLiteral("The timeline is empty."));

    LengthResult result;
    QJsonObject details{{QStringLiteral("target_ms"), target},
                        {QStringLiteral("old_duration_ms"), total}};
    if (total <= target) {
        details.insert(QStringLiteral("already_short"), true);
        details.insert(QStringLiteral("removed_ms"), 0);
        details.insert(QStringLiteral("duration_ms"), total);
        details.insert(QStringLiteral("pauses_removed"), 0);
        details.insert(QStringLiteral("stretches"), 0);
        details.insert(QStringLiteral("method"), QStringLiteral("none"));
        result.method = QStringLiteral("it is already short enough");
        result.edit = success(draft, details);
        return result;
    }

    // The clips, their loudness envelopes and activity (std::map: stable addresses).
    std::map<QString, Envelope> envelopes;
    std::map<QString, Activity> activities;
    QList<Clip> clips;
    const Track& ref = draft.t[ti];
    QStringList sources;
    for (const Segment& s : ref.sg)
        if (isFootage(ref, s))
            sources << s.src;
    const double reference = options.best ? activityReference(options.motion, sources) : 0;
    for (int i : sortedIndices(ref)) {
        const Segment& s = ref.sg[i];
        if (!isFootage(ref, s) || s.d <= 0)
            continue;
        Clip c;
        c.st = s.st;
        c.d = s.d;
        c.in = s.in;
        c.speed = speedOf(s);
        c.src = s.src;
        c.budget = c.d - std::min(c.d, kKeepPerClip);
        const auto a = analyses.constFind(s.src);
        if (a != analyses.constEnd() && a->ok && !a->levelsDb.isEmpty())
            c.env = &envelopes.try_emplace(s.src, *a).first->second;
        if (reference > 0 && options.motion.contains(s.src))
            c.act = &activities.try_emplace(s.src, options.motion.value(s.src), reference)
                         .first->second;
        clips << c;
    }
    double unknownDb = kDefaultSpeechDb;
    if (!envelopes.empty()) {
        unknownDb = -std::numeric_limits<double>::infinity();
        for (const auto& [src, env] : envelopes)
            unknownDb = std::max(unknownDb, env.speechDb);
    }
    const qint64 spanFrom = clips.first().st;
    const qint64 spanTo = clips.last().end();

    Spans removal; // timeline ranges of the input to remove
    if (options.best) {
        const qint64 window =
            windows.windowMs > 0
                ? std::min(target, windows.windowMs)
                : std::min(target, std::clamp<qint64>(target / 4 / kGrid * kGrid, 3000, 10000));
        Slots spread(spanFrom, spanTo, int((target + window - 1) / window));
        std::vector<std::vector<qint64>> clean;
        for (const Clip& c : clips)
            clean.push_back(cleanCuts(c));
        Spans kept;     // chosen here
        Spans occupied; // chosen here or excluded
        for (const Interval& iv : windows.exclude)
            if (iv.endMs > iv.startMs)
                occupied.add(iv);
        occupied = [&] {
            Spans joined;
            for (const Interval& iv : occupied.merged())
                joined.add(iv);
            return joined;
        }();
        qint64 keptMs = 0;
        while (target - keptMs >= kTolerance) {
            const qint64 rest = target - keptMs;
            Pick p;
            if (!envelopes.empty()) {
                p = liveliestClean(clips, clean, std::min(window, rest),
                                   std::min(kMinStretch, rest), occupied, kept, spread, unknownDb);
                // Short of the target by a sentence or less: stop rather than cut into words.
                if (p.clip < 0 && (keptMs * 10 >= target * 9 || windows.cleanOnly))
                    break;
            }
            if (p.clip < 0)
                p = liveliest(clips, std::min(window, rest), std::min(kMinStretch, rest), occupied,
                              kept, spread, unknownDb);
            if (p.clip < 0)
                p = liveliest(clips, std::min(window, rest), 1, occupied, kept, spread, unknownDb);
            if (p.clip < 0)
                break;
            kept.add({p.a, p.a + p.len});
            occupied.add({p.a, p.a + p.len});
            keptMs += p.len;
            spread.take(0.5 * double(2 * p.a + p.len));
        }
        qint64 pos = 0;
        for (const Interval& iv : kept.merged()) {
            if (iv.startMs > pos)
                removal.add({pos, iv.startMs});
            pos = iv.endMs;
        }
        if (pos < total)
            removal.add({pos, total});
        result.removedStretches = removal.merged();
        details.insert(QStringLiteral("kept_windows"), int(kept.merged().size()));
        details.insert(QStringLiteral("method"), QStringLiteral("best"));
        result.method = QStringLiteral("kept the liveliest stretches");
    } else {
        const qint64 need = total - target;
        qint64 capacity = 0;
        for (const Clip& c : clips)
            capacity += c.budget;
        if (capacity < need)
            return failed(ErrorCode::BadRequest,
                          QStringLiteral("Getting to %1 would drop whole clips: keeping a moment "
                                         "of each, the video gets down to %2 at most. Delete a "
                                         "clip first, or ask for the best moments instead.")
                              .arg(clock(target), clock(total - capacity)));

        // (a) Pauses, longest first.
        PauseOptions po;
        po.minPauseMs = kMinPause;
        po.marginMs = std::clamp<qint64>(options.marginMs, 0, 2000);
        const QHash<QString, QList<Interval>> pauses = pausesBySource(analyses, po);
        struct Candidate {
            int clip;
            Interval iv;
        };
        std::vector<Candidate> candidates;
        for (int ci = 0; ci < clips.size(); ++ci) {
            const Clip& c = clips[ci];
            const auto p = pauses.constFind(c.src);
            if (p == pauses.constEnd() || !c.env)
                continue;
            Segment source; // the clip in source time
            source.in = c.in;
            source.d = qRound64(double(c.d) * c.speed);
            for (const Interval& cut : pauseCutsInSegment(source, *p, po)) {
                const qint64 a =
                    std::max(c.st, c.st + qRound64(double(cut.startMs - c.in) / c.speed));
                const qint64 b =
                    std::min(c.end(), c.st + qRound64(double(cut.endMs - c.in) / c.speed));
                if (b > a)
                    candidates.push_back({ci, {a, b}});
            }
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& x, const Candidate& y) {
                             return x.iv.length() != y.iv.length() ? x.iv.length() > y.iv.length()
                                                                   : x.iv.startMs < y.iv.startMs;
                         });
        qint64 removed = 0;
        for (const Candidate& k : candidates) {
            Clip& c = clips[k.clip];
            const qint64 take = std::min({k.iv.length(), c.budget - c.used, need - removed});
            if (take <= 0)
                continue;
            const qint64 a = k.iv.startMs + (k.iv.length() - take) / 2;
            removal.add({a, a + take});
            c.used += take;
            removed += take;
            ++result.pausesRemoved;
            result.pausesMs += take;
            if (removed >= need)
                break;
        }

        // (b) The quietest stretches.
        const qint64 rest = need - removed;
        QList<qint64> pieces;
        if (rest >= kMinStretch) {
            const qint64 k = (rest + kMaxStretch - 1) / kMaxStretch;
            for (qint64 j = 0; j < k; ++j)
                pieces << rest / k + (j < rest % k ? 1 : 0);
        } else if (rest > 0) {
            pieces << std::min(kMinStretch, rest + kTolerance - 1);
        }
        Slots spread(spanFrom, spanTo, int(pieces.size()));
        Spans stretches;
        while (!pieces.isEmpty()) {
            const qint64 len = pieces.takeFirst();
            Pick p;
            for (const Placement& rule :
                 {Placement{std::max(kMinPiece, len), true}, Placement{kMinPiece, true},
                  Placement{0, true}, Placement{0, false}}) {
                p = quietest(clips, len, removal, stretches, rule, spread, unknownDb);
                if (p.clip >= 0)
                    break;
            }
            if (p.clip < 0) {
                // Longer than any clip may still lose: the most one can, then the rest.
                qint64 room = 0;
                for (const Clip& c : clips)
                    room = std::max(room, c.budget - c.used);
                const qint64 first = room > 0 && room < len ? room : len / 2;
                if (len <= kGrid || first <= 0)
                    return failed(ErrorCode::Internal,
                                  QStringLiteral("The video could not be cut to %1; nothing "
                                                 "was changed.")
                                      .arg(clock(target)));
                pieces.prepend(len - first);
                pieces.prepend(first);
                continue;
            }
            removal.add({p.a, p.a + len});
            stretches.add({p.a, p.a + len});
            clips[p.clip].used += len;
            spread.take(0.5 * double(2 * p.a + len));
        }
        result.removedStretches = QList<Interval>(stretches.list().begin(), stretches.list().end());
        details.insert(QStringLiteral("method"), stretches.list().empty()
                                                     ? QStringLiteral("pauses")
                                                     : QStringLiteral("pauses+quiet"));
        result.method = stretches.list().empty()
                            ? QStringLiteral("removed pauses")
                            : QStringLiteral("removed pauses and quiet stretches");
    }

    Draft out = draft;
    const QList<Interval> ranges = removal.merged();
    for (auto it = ranges.crbegin(); it != ranges.crend(); ++it) {
        EditResult r = removeRange(out, it->startMs, it->endMs);
        if (!r.ok)
            return failed(r.errorCode, r.error);
        out = std::move(r.draft);
    }
    const qint64 now = footageEnd(out);
    const qint64 under = options.best ? std::max(kTolerance, target / 10) : kTolerance;
    if (now > target || now < target - under)
        return failed(ErrorCode::Internal,
                      QStringLiteral("The video could not be cut to %1; nothing was changed.")
                          .arg(clock(target)));
    details.insert(QStringLiteral("removed_ms"), total - now);
    details.insert(QStringLiteral("duration_ms"), now);
    details.insert(QStringLiteral("pauses_removed"), result.pausesRemoved);
    details.insert(QStringLiteral("pauses_ms"), result.pausesMs);
    details.insert(QStringLiteral("stretches"), int(result.removedStretches.size()));
    result.edit = success(out, details);
    return result;
}

} // namespace cw::engine
