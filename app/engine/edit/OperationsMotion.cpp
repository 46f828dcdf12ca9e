// See Motion.h. The stretch's edges become cuts first (splitFootageAt), so every mark lies on
// whole segments; the renderer (RenderFilters.cpp addSegment) turns the marks into filters.
#include "edit/Motion.h"
#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <algorithm>
#include <cmath>

namespace cw::engine {

using namespace ops;

namespace {

// [a, b) of the footage for from/to (to <= from: all of it), or an error result.
std::optional<EditResult> stretch(const Draft& draft, qint64 fromMs, qint64 toMs, qint64* a,
                                  qint64* b)
{
    const qint64 total = footageEnd(draft);
    if (total <= 0)
        return fail(ErrorCode::NotFound, QStringLiteral("There are no clips on the timeline."));
    *a = toMs <= fromMs ? 0 : std::max<qint64>(0, fromMs);
    *b = toMs <= fromMs ? total : std::min(total, toMs);
    if (*a >= total)
        return fail(ErrorCode::BadRequest, QStringLiteral("%1 is after the end of the video (%2).")
                                               .arg(clock(fromMs), clock(total)));
    if (*b <= *a)
        return fail(ErrorCode::BadRequest, QStringLiteral("That time range is empty."));
    return std::nullopt;
}

Draft splitAtEdges(const Draft& draft, qint64 a, qint64 b)
{
    Draft out = draft;
    splitFootageAt(out, a);
    splitFootageAt(out, b);
    return out;
}

} // namespace

bool isFreezeSegment(const Segment& s)
{
    return s.m.value(QLatin1String("freeze")).toBool();
}

EditResult reverseRange(const Draft& draft, qint64 fromMs, qint64 toMs)
{
    qint64 a = 0, b = 0;
    if (auto e = stretch(draft, fromMs, toMs, &a, &b))
        return *e;
    if (b - a > kMaxReverseMs)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Only up to %1 seconds can be played backwards (asked: %2 s); "
                                   "name a shorter stretch, e.g. 'reverse 0:10-0:15'.")
                        .arg(kMaxReverseMs / 1000)
                        .arg(double(b - a) / 1000.0, 0, 'f', 1));
    Draft out = splitAtEdges(draft, a, b);
    // Backwards, the stretch's pieces also come in the opposite order: a piece that ended at
    // b - x now starts at a + x.
    for (Track& t : out.t)
        for (Segment& s : t.sg) {
            if (!isFootage(t, s) || s.st < a || s.end() > b)
                continue;
            s.st = a + (b - s.end());
            if (s.m.value(QLatin1String("reverse")).toBool())
                s.m.remove(QLatin1String("reverse"));
            else
                s.m.insert(QLatin1String("reverse"), true);
            // The fades belong to the ends of the piece as it now plays.
            const QJsonValue fin = s.m.take(QLatin1String("fade_in"));
            const QJsonValue fout = s.m.take(QLatin1String("fade_out"));
            if (!fout.isUndefined())
                s.m.insert(QLatin1String("fade_in"), fout);
            if (!fin.isUndefined())
                s.m.insert(QLatin1String("fade_out"), fin);
        }
    return success(out, {{QStringLiteral("from_ms"), a}, {QStringLiteral("to_ms"), b}});
}

EditResult freezeFrame(const Draft& draft, qint64 atMs, qint64 holdMs)
{
    if (holdMs < 100 || holdMs > 60000)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("A frame can be held for 0.1 to 60 seconds (asked: %1 s).")
                        .arg(double(holdMs) / 1000.0, 0, 'f', 1));
    const qint64 total = footageEnd(draft);
    const int main = mainVideoTrack(draft);
    if (total <= 0 || main < 0)
        return fail(ErrorCode::NotFound, QStringLiteral("There are no clips on the timeline."));
    const qint64 at = atMs < 0 ? total : atMs;
    if (at > total)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("%1 is after the end of the video (%2).").arg(clock(at), clock(total)));
    // The frame shown at `at`: from the piece playing then (at the very end, the last one).
    const Segment* shown = nullptr;
    for (const Segment& s : draft.t[main].sg)
        if (!s.src.isEmpty() && s.st <= at && (at < s.end() || (at == total && s.end() == at)))
            shown = &s;
    if (!shown)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("Nothing is shown at %1 (a gap): pick another time.").arg(clock(at)));
    const double speed = speedOf(*shown);
    const qint64 into = std::min(at - shown->st, shown->d - 1);
    Segment hold = *shown;
    hold.m = QJsonObject{{QStringLiteral("freeze"), true}};
    if (shown->m.contains(QLatin1String("name")))
        hold.m.insert(QLatin1String("name"), shown->m.value(QLatin1String("name")));
    if (shown->m.contains(QLatin1String("zoom"))) { // held at the zoom of that frame
        const QJsonObject z = shown->m.value(QLatin1String("zoom")).toObject();
        const double z0 = z.value(QLatin1String("z0")).toDouble(1);
        const double at = z0 + (z.value(QLatin1String("z1")).toDouble(1) - z0) * double(into) /
                                   double(std::max<qint64>(1, shown->d));
        hold.m.insert(QLatin1String("zoom"),
                      QJsonObject{{QStringLiteral("z0"), at}, {QStringLiteral("z1"), at}});
    }
    hold.in = isFreezeSegment(*shown) ? shown->in
              : shown->m.value(QLatin1String("reverse")).toBool()
                  ? shown->in + qRound64(double(shown->d - into) * speed) - 1
                  : shown->in + qRound64(double(into) * speed);
    hold.in = std::max<qint64>(0, hold.in);
    hold.st = at;
    hold.d = holdMs;

    Draft out = draft;
    splitFootageAt(out, at);
    for (Track& t : out.t)
        for (Segment& s : t.sg)
            if (isFootage(t, s) && s.st >= at)
                s.st += holdMs;
    remapSpans(out, [at, holdMs](qint64 x) { return x >= at ? x + holdMs : x; });
    hold.id = uniqueSegmentId(out, shown->id + QStringLiteral("_hold"));
    out.t[main].sg << hold;
    return success(out, {{QStringLiteral("at_ms"), at},
                         {QStringLiteral("hold_ms"), holdMs},
                         {QStringLiteral("old_duration_ms"), draft.computedDuration()}});
}

EditResult loopVideo(const Draft& draft, int times, int clip)
{
    if (times < 2 || times > 20)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("A video can play 2 to 20 times in a row (asked: %1).").arg(times));
    const qint64 total = footageEnd(draft);
    const int main = mainVideoTrack(draft);
    if (total <= 0 || main < 0)
        return fail(ErrorCode::NotFound, QStringLiteral("There are no clips on the timeline."));
    qint64 a = 0, b = total;
    const bool whole = clip == -2;
    if (!whole) {
        const QList<int> order = sortedIndices(draft.t[main]);
        const int k = clip == -1 ? int(order.size()) - 1 : clip;
        if (k < 0 || k >= order.size())
            return fail(ErrorCode::NotFound, QStringLiteral("There is no clip %1 (there are %2).")
                                                 .arg(clip + 1)
                                                 .arg(order.size()));
        a = draft.t[main].sg[order[k]].st;
        b = draft.t[main].sg[order[k]].end();
    }
    const qint64 added = (b - a) * (times - 1);
    if (total + added > 3600000)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Played %1 times the video would last %2, over an hour.")
                        .arg(times)
                        .arg(clock(total + added)));
    Draft out = splitAtEdges(draft, a, b);
    for (Track& t : out.t) {
        QList<Segment> copies;
        for (Segment& s : t.sg) {
            // The whole video repeats everything on it; one clip repeats its footage.
            const bool inside = s.st >= a && s.end() <= b && (whole || isFootage(t, s));
            if (!inside && s.st >= b && isFootage(t, s))
                s.st += added;
            if (!inside)
                continue;
            for (int k = 1; k < times; ++k) {
                Segment c = s;
                c.st += (b - a) * k;
                copies << c;
            }
        }
        t.sg << copies;
    }
    if (!whole)
        remapSpans(out, [b, added](qint64 x) { return x >= b ? x + added : x; });
    return success(out, {{QStringLiteral("times"), times},
                         {QStringLiteral("added_ms"), added},
                         {QStringLiteral("old_duration_ms"), draft.computedDuration()}});
}

EditResult zoomRange(const Draft& draft, qint64 fromMs, qint64 toMs, double zoom, bool gradual)
{
    if (!std::isfinite(zoom) || (zoom != 1.0 && (zoom < 1.05 || zoom > 4.0)))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("A zoom can enlarge 1.05x to 4x (asked: %1x).").arg(zoom));
    qint64 a = 0, b = 0;
    if (auto e = stretch(draft, fromMs, toMs, &a, &b))
        return *e;
    Draft out = splitAtEdges(draft, a, b);
    auto at = [&](qint64 t) {
        return gradual ? 1.0 + (zoom - 1.0) * double(t - a) / double(b - a) : zoom;
    };
    int changed = 0;
    for (Track& t : out.t)
        for (Segment& s : t.sg) {
            if (t.tt != int(TrackType::Video) || s.src.isEmpty() || s.st < a || s.end() > b)
                continue;
            if (zoom == 1.0)
                s.m.remove(QLatin1String("zoom"));
            else
                s.m.insert(QLatin1String("zoom"), QJsonObject{{QStringLiteral("z0"), at(s.st)},
                                                              {QStringLiteral("z1"), at(s.end())}});
            ++changed;
        }
    if (changed == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("There is no picture to zoom there."));
    return success(out, {{QStringLiteral("from_ms"), a}, {QStringLiteral("to_ms"), b}});
}

} // namespace cw::engine
