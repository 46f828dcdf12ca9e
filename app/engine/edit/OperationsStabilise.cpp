// See edit/Stabilise.h. Splitting at the stretch's edges keeps the mark on whole segments, so
// the render (which stabilises a segment as a whole) matches what was asked to the frame;
// splitSegment copies m, so a segment split later stays stabilised in both parts.
#include "edit/Stabilise.h"

#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <algorithm>

namespace cw::engine {

using namespace ops;

namespace {

// Splits the main track's footage that runs across t, so that t falls on a cut.
void cutAt(Draft& d, int main, qint64 t)
{
    QList<Segment> out;
    for (const Segment& s : d.t[main].sg) {
        if (isFootage(d.t[main], s) && s.st < t && t < s.end()) {
            const auto parts = splitSegment(d, s, t);
            out << parts.first << parts.second;
        } else {
            out << s;
        }
    }
    d.t[main].sg = out;
}

} // namespace

EditResult stabiliseRange(const Draft& draft, qint64 fromMs, qint64 toMs, bool on)
{
    const qint64 total = footageEnd(draft);
    const int main = mainVideoTrack(draft);
    if (total <= 0 || main < 0 || draft.t[main].sg.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("There are no clips on the timeline."));
    const bool whole = toMs <= fromMs;
    const qint64 a = whole ? 0 : std::max<qint64>(0, fromMs);
    const qint64 b = whole ? total : std::min(total, toMs);
    if (a >= total)
        return fail(ErrorCode::BadRequest, QStringLiteral("%1 is after the end of the video (%2).")
                                               .arg(clock(fromMs), clock(total)));
    if (b <= a)
        return fail(ErrorCode::BadRequest, QStringLiteral("That time range is empty."));
    Draft out = draft;
    // Only a cut that marks something is made: removing from an unmarked clip splits nothing.
    auto marked = [](const Segment& s) { return s.m.contains(QLatin1String("stab")); };
    const bool any = std::any_of(out.t[main].sg.begin(), out.t[main].sg.end(), marked);
    if (on || any) {
        cutAt(out, main, a);
        cutAt(out, main, b);
    }
    int changed = 0;
    bool video = false;
    for (Segment& s : out.t[main].sg) {
        if (!isFootage(out.t[main], s) || s.st < a || s.end() > b)
            continue;
        video = true;
        if (on && !s.m.value(QLatin1String("stab")).toBool()) {
            s.m.insert(QLatin1String("stab"), true);
            ++changed;
        } else if (!on && marked(s)) {
            s.m.remove(QLatin1String("stab"));
            ++changed;
        }
    }
    if (!video)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("No clip plays between %1 and %2.").arg(clock(a), clock(b)));
    if (!on && changed == 0)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("Nothing between %1 and %2 is stabilised.").arg(clock(a), clock(b)));
    return success(out, {{QStringLiteral("from_ms"), a},
                         {QStringLiteral("to_ms"), b},
                         {QStringLiteral("segments"), changed}});
}

} // namespace cw::engine
