// Trim and arrange operations (pure Draft -> Draft).
//
// Rules (tst_operations pins each one):
// - "Footage" is every segment with a source on a video track or on a non-music audio track.
//   Footage is cut and split; a piece that starts after a cut advances its in-point by the
//   cut length times the segment's speed (in-points are source time, d is timeline time).
// - Text and music segments are "spans": they are never split. Their start and end move
//   through the same time map as the footage (a span inside a removed range disappears, one
//   across it gets shorter), a music segment keeps its in-point, and after every operation
//   spans are clipped to the end of the footage so nothing outlasts the video.
// - Ripple everywhere: removing time moves everything after it left.
// - A transition (m.tr) stays on the segment it belongs to; the second piece of a split
//   never gets one (a cut inside a clip is a straight cut).
// - moveClip repacks the main video track back to back from its first start; other tracks
//   stay where they are.
#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace cw::engine {

using namespace ops;

namespace {

// Cuts [a, b) out of every footage track (ripple) and maps spans through the same cut.
Draft cutRange(const Draft& d, qint64 a, qint64 b)
{
    Draft out = d;
    const qint64 len = b - a;
    for (Track& t : out.t) {
        QList<Segment> sg;
        for (const Segment& s : t.sg) {
            if (!isFootage(t, s)) {
                sg << s;
                continue;
            }
            if (s.end() <= a) {
                sg << s;
            } else if (s.st >= b) {
                Segment n = s;
                n.st -= len;
                sg << n;
            } else {
                if (s.st < a)
                    sg << splitSegment(out, s, a).first;
                if (s.end() > b) {
                    Segment right = splitSegment(out, s, b).second;
                    if (s.st >= a) {
                        right.id = s.id;
                        right.m = s.m;
                    }
                    right.st = a;
                    sg << right;
                }
            }
        }
        t.sg = sg;
    }
    remapSpans(out, [a, b, len](qint64 x) { return x <= a ? x : x < b ? a : x - len; });
    clipSpansTo(out, footageEnd(out));
    return out;
}

QString clipsMessage(int n)
{
    if (n == 0)
        return QStringLiteral("There are no clips on the timeline.");
    if (n == 1)
        return QStringLiteral("There is only one clip.");
    return QStringLiteral("There are only %1 clips.").arg(n);
}

// The timeline range [fromMs, toMs) clamped to the draft, or the reason it cannot be used
// (empty timeline, starts after the end, empty, or the whole video: `wholeVideo` says why).
std::optional<EditResult> clampRange(const Draft& draft, qint64 fromMs, qint64 toMs,
                                     const QString& wholeVideo, qint64* a, qint64* b, qint64* total)
{
    *total = draft.computedDuration();
    if (*total <= 0)
        return fail(ErrorCode::Conflict, QStringLiteral("The timeline is empty."));
    *a = std::max<qint64>(0, fromMs);
    *b = std::min(*total, toMs);
    if (*a >= *total)
        return fail(ErrorCode::BadRequest, QStringLiteral("%1 is after the end of the video (%2).")
                                               .arg(clock(fromMs), clock(*total)));
    if (*b <= *a)
        return fail(ErrorCode::BadRequest, QStringLiteral("That time range is empty."));
    if (*a == 0 && *b >= *total)
        return fail(ErrorCode::BadRequest, wholeVideo);
    return std::nullopt;
}

} // namespace

EditResult removeRange(const Draft& draft, qint64 fromMs, qint64 toMs)
{
    qint64 a = 0, b = 0, total = 0;
    if (auto bad =
            clampRange(draft, fromMs, toMs,
                       QStringLiteral("That would remove the whole video; nothing was changed."),
                       &a, &b, &total))
        return *bad;
    QJsonObject details{{QStringLiteral("from_ms"), a},
                        {QStringLiteral("to_ms"), b},
                        {QStringLiteral("removed_ms"), b - a},
                        {QStringLiteral("clamped_ms"), (a - fromMs) + (toMs - b)}};
    return success(cutRange(draft, a, b), details);
}

EditResult keepRange(const Draft& draft, qint64 fromMs, qint64 toMs)
{
    qint64 a = 0, b = 0, total = 0;
    if (auto bad =
            clampRange(draft, fromMs, toMs,
                       QStringLiteral("That is already the whole video; nothing was changed."), &a,
                       &b, &total))
        return *bad;
    Draft out = draft;
    if (b < total)
        out = cutRange(out, b, total);
    if (a > 0)
        out = cutRange(out, 0, a);
    QJsonObject details{{QStringLiteral("from_ms"), a},
                        {QStringLiteral("to_ms"), b},
                        {QStringLiteral("removed_ms"), total - (b - a)}};
    return success(out, details);
}

EditResult splitAt(const Draft& draft, qint64 atMs)
{
    const int vi = mainVideoTrack(draft);
    if (vi < 0 || draft.t[vi].sg.isEmpty())
        return fail(ErrorCode::NotFound, clipsMessage(0));
    Draft out = draft;
    Track& t = out.t[vi];
    for (int i = 0; i < t.sg.size(); ++i) {
        const Segment s = t.sg[i];
        if (s.st < atMs && atMs < s.end()) {
            const auto parts = splitSegment(out, s, atMs);
            t.sg[i] = parts.first;
            t.sg.insert(i + 1, parts.second);
            return success(out, {{QStringLiteral("at_ms"), atMs},
                                 {QStringLiteral("segments"), int(t.sg.size())}});
        }
    }
    return fail(ErrorCode::BadRequest,
                QStringLiteral("There is no clip to split at %1 (it is at a cut or past the end).")
                    .arg(clock(atMs)));
}

EditResult deleteClip(const Draft& draft, int index)
{
    const int vi = mainVideoTrack(draft);
    const int n = vi < 0 ? 0 : int(draft.t[vi].sg.size());
    const int i = index == -1 ? n - 1 : index;
    if (n == 0 || i < 0 || i >= n)
        return fail(ErrorCode::NotFound, clipsMessage(n));
    if (n == 1)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("That is the only clip; deleting it would leave nothing."));
    const Segment s = draft.t[vi].sg[sortedIndices(draft.t[vi])[i]];
    Draft out = cutRange(draft, s.st, s.end());
    // Other footage could have been split around the removed range; the clip itself goes.
    Track& t = out.t[vi];
    t.sg.erase(std::remove_if(t.sg.begin(), t.sg.end(),
                              [&](const Segment& x) { return x.id == s.id && x.d <= 0; }),
               t.sg.end());
    return success(out, {{QStringLiteral("index"), i},
                         {QStringLiteral("removed_ms"), s.d},
                         {QStringLiteral("name"), s.m.value(QLatin1String("name"))},
                         {QStringLiteral("segments"), int(t.sg.size())}});
}

EditResult moveClip(const Draft& draft, int from, int to)
{
    const int vi = mainVideoTrack(draft);
    const int n = vi < 0 ? 0 : int(draft.t[vi].sg.size());
    const int f = from == -1 ? n - 1 : from;
    const int d = to == -1 ? n - 1 : to;
    if (n == 0 || f < 0 || f >= n || d < 0 || d >= n)
        return fail(ErrorCode::NotFound, clipsMessage(n));
    if (f == d)
        return fail(ErrorCode::BadRequest, QStringLiteral("The clip is already there."));
    Draft out = draft;
    Track& t = out.t[vi];
    QList<Segment> order;
    for (int i : sortedIndices(t))
        order << t.sg[i];
    const qint64 start = order.first().st;
    order.move(f, d);
    qint64 cursor = start;
    for (Segment& s : order) {
        s.st = cursor;
        cursor += s.d;
    }
    t.sg = order;
    return success(
        out,
        {{QStringLiteral("from"), f}, {QStringLiteral("to"), d}, {QStringLiteral("segments"), n}});
}

EditResult setSpeed(const Draft& draft, qint64 fromMs, qint64 toMs, double factor)
{
    if (!std::isfinite(factor) || factor < 0.25 || factor > 4.0)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Speed must be between 0.25x and 4x (got %1x).").arg(factor));
    const qint64 total = footageEnd(draft);
    if (total <= 0)
        return fail(ErrorCode::NotFound, clipsMessage(0));
    qint64 a = std::max<qint64>(0, fromMs);
    qint64 b = std::min(total, toMs);
    if (toMs <= fromMs) {
        a = 0;
        b = total;
    }
    if (a >= total)
        return fail(ErrorCode::BadRequest, QStringLiteral("%1 is after the end of the video (%2).")
                                               .arg(clock(fromMs), clock(total)));
    if (b <= a)
        return fail(ErrorCode::BadRequest, QStringLiteral("That time range is empty."));
    const qint64 delta = qRound64(double(b - a) / factor) - (b - a);
    auto map = [a, b, delta, factor](qint64 x) {
        if (x <= a)
            return x;
        if (x >= b)
            return x + delta;
        return a + qRound64(double(x - a) / factor);
    };
    Draft out = draft;
    splitFootageAt(out, a);
    splitFootageAt(out, b);
    int changed = 0;
    for (Track& t : out.t) {
        for (Segment& s : t.sg) {
            if (!isFootage(t, s))
                continue;
            const bool inside = s.st >= a && s.end() <= b;
            const qint64 st = map(s.st);
            const qint64 end = map(s.end());
            if (inside) {
                const double speed = speedOf(s) * factor;
                if (std::abs(speed - 1.0) < 1e-6)
                    s.m.remove(QLatin1String("speed"));
                else
                    s.m.insert(QLatin1String("speed"), speed);
                ++changed;
            }
            s.st = st;
            s.d = end - st;
        }
    }
    remapSpans(out, map);
    clipSpansTo(out, footageEnd(out));
    return success(out, {{QStringLiteral("factor"), factor},
                         {QStringLiteral("from_ms"), a},
                         {QStringLiteral("to_ms"), b},
                         {QStringLiteral("segments"), changed},
                         {QStringLiteral("old_duration_ms"), draft.computedDuration()}});
}

EditResult setClipVolume(const Draft& draft, double gain, int clip)
{
    if (!std::isfinite(gain) || gain < 0.0 || gain > 4.0)
        return fail(ErrorCode::BadRequest, QStringLiteral("Volume must be between 0% and 400%."));
    Draft out = draft;
    QString only; // the one clip's segment id when a clip is named
    if (clip != -2) {
        const int main = mainVideoTrack(draft);
        const QList<int> order = main < 0 ? QList<int>() : sortedIndices(draft.t[main]);
        const int k = clip < 0 ? int(order.size()) - 1 : clip;
        if (k < 0 || k >= order.size())
            return fail(ErrorCode::NotFound, QStringLiteral("There is no clip %1. %2")
                                                 .arg(clip + 1)
                                                 .arg(clipsMessage(int(order.size()))));
        only = draft.t[main].sg[order[k]].id;
    }
    int changed = 0;
    for (Track& t : out.t) {
        if (t.tt != int(TrackType::Video))
            continue;
        for (Segment& s : t.sg) {
            if (!only.isEmpty() && s.id != only)
                continue;
            if (gain == 1.0)
                s.m.remove(QLatin1String("vol"));
            else
                s.m.insert(QLatin1String("vol"), gain);
            ++changed;
        }
    }
    if (changed == 0)
        return fail(ErrorCode::NotFound, clipsMessage(0));
    return success(out, {{QStringLiteral("volume"), gain}, {QStringLiteral("segments"), changed}});
}

} // namespace cw::engine

namespace cw::engine {

using namespace ops;

EditResult insertClip(const Draft& draft, const MediaRef& media, int index,
                      const QString& transition, qint64 transitionMs)
{
    if (media.id.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no clip to insert."));
    const bool still = media.kind == QLatin1String("image");
    if (!still && (!media.hasVideo || media.durationMs <= 0))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("\"%1\" has no picture to insert.").arg(media.fileName));
    static const QStringList types = {QStringLiteral("fade"), QStringLiteral("dissolve"),
                                      QStringLiteral("wipe"), QStringLiteral("slide"),
                                      QStringLiteral("zoom")};
    if (!transition.isEmpty() && !types.contains(transition))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Unknown transition \"%1\".").arg(transition));
    Draft out = draft;
    int vi = mainVideoTrack(out);
    if (vi < 0) {
        Track t;
        t.id = uniqueTrackId(out, QStringLiteral("v"));
        t.tt = int(TrackType::Video);
        t.n = QStringLiteral("Video");
        out.t.prepend(t);
        vi = 0;
    }
    QList<Segment> order;
    for (int i : sortedIndices(out.t[vi]))
        order << out.t[vi].sg[i];
    const int n = int(order.size());
    const int at = index == -1 ? n : index;
    if (at < 0 || at > n)
        return fail(ErrorCode::NotFound, n == 1
                                             ? QStringLiteral("There is only one clip.")
                                             : QStringLiteral("There are only %1 clips.").arg(n));
    const qint64 when = at < n ? order[at].st : footageEnd(out);
    Segment s;
    s.id = uniqueSegmentId(out, QStringLiteral("clip"));
    s.src = media.id;
    s.st = when;
    s.d = still ? 3000 : media.durationMs;
    s.m.insert(QStringLiteral("name"), media.fileName);
    const qint64 len = s.d;
    for (int ti = 0; ti < out.t.size(); ++ti)
        if (ti != vi)
            for (Segment& x : out.t[ti].sg)
                if (isFootage(out.t[ti], x) && x.st >= when)
                    x.st += len;
    remapSpans(out, [when, len](qint64 x) { return x < when ? x : x + len; });
    order.insert(at, s);
    for (int k = at + 1; k < order.size(); ++k)
        order[k].st += len;
    auto withTransition = [&](int k) {
        if (transition.isEmpty() || k <= 0 || k >= order.size())
            return;
        const qint64 d =
            std::min(std::max<qint64>(transitionMs, 1), std::min(order[k].d, order[k - 1].d) / 2);
        if (d > 0)
            order[k].m.insert(
                QStringLiteral("tr"),
                QJsonObject{{QStringLiteral("type"), transition}, {QStringLiteral("d"), d}});
    };
    withTransition(at);
    withTransition(at + 1);
    out.t[vi].sg = order;
    return success(out, {{QStringLiteral("index"), at},
                         {QStringLiteral("inserted_ms"), len},
                         {QStringLiteral("segments"), int(order.size())}});
}

} // namespace cw::engine
