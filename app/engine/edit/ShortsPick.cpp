// Choosing several shorts (see ShortsPick.h). Each short is one cutToLength best-mode run
// whose windows may not touch what the shorts before it took (BestWindows::exclude); its
// kept ranges are what that run did not remove. Windows only start and end in pauses
// (BestWindows::cleanOnly); the run tries the whole target as one window first, then smaller ones,
// and the first that reaches the target (less up to 10%) is the short. Asking for more than the
// footage holds is refused before anything runs, with what would fit: the shorts may not overlap,
// and each needs its target of footage (less up to 10% when a cut would split a word).
#include "edit/ShortsPick.h"

#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <algorithm>

namespace cw::engine {

namespace {

constexpr int kMaxShorts = 10;
constexpr qint64 kMinShortMs = 3000;

ShortsResult refused(int code, const QString& why)
{
    ShortsResult r;
    r.errorCode = code;
    r.error = why;
    return r;
}

} // namespace

QList<TimeRange> joinNearPieces(const QList<TimeRange>& pieces, const QList<Interval>& taken,
                                qint64 targetMs)
{
    qint64 length = 0;
    for (const TimeRange& p : pieces)
        length += p.length();
    QList<TimeRange> out;
    for (const TimeRange& p : pieces) {
        if (!out.isEmpty()) {
            TimeRange& last = out.last();
            const qint64 gap = p.from - last.to;
            const bool free = std::none_of(taken.cbegin(), taken.cend(), [&](const Interval& t) {
                return t.startMs < p.from && t.endMs > last.to;
            });
            if (gap >= 0 && gap < kJoinGapMs && free && length + gap <= targetMs) {
                last.to = p.to;
                length += gap;
                continue;
            }
        }
        out << p;
    }
    return out;
}

ShortsResult pickShorts(const Draft& draft, const QHash<QString, AudioAnalysis>& analyses,
                        const ShortsOptions& options)
{
    const qint64 total = ops::footageEnd(draft);
    if (options.count < 1 || options.count > kMaxShorts)
        return refused(ErrorCode::BadRequest,
                       QStringLiteral("Between 1 and %1 shorts can be made at once (asked: %2).")
                           .arg(kMaxShorts)
                           .arg(options.count));
    if (options.targetMs < kMinShortMs)
        return refused(
            ErrorCode::BadRequest,
            QStringLiteral("A short must be at least %1 seconds long.").arg(kMinShortMs / 1000));
    if (total <= 0)
        return refused(ErrorCode::Conflict, QStringLiteral("The timeline is empty."));
    // Each short may end up to 10% short of its target: that much less footage per short.
    const qint64 least = options.targetMs - options.targetMs / 10;
    if (qint64(options.count) * least > total || (options.count == 1 && options.targetMs > total)) {
        ShortsResult r = refused(ErrorCode::BadRequest, QString());
        r.totalMs = total;
        r.fits = int(std::min<qint64>(kMaxShorts, total / std::max<qint64>(1, options.targetMs)));
        const qint64 each = total / options.count / 1000 * 1000;
        r.fitsMs = each >= kMinShortMs ? each : 0;
        r.error = QStringLiteral("The video is %1: %2 shorts of %3 need %4 without using "
                                 "anything twice.")
                      .arg(ops::clock(total))
                      .arg(options.count)
                      .arg(ops::clock(options.targetMs), ops::clock(options.count * least));
        return r;
    }

    ShortsResult result;
    result.totalMs = total;
    QList<Interval> taken;
    for (int i = 0; i < options.count; ++i) {
        LengthOptions o;
        o.best = true;
        o.targetMs = std::min(options.targetMs, total);
        o.motion = options.motion;
        BestWindows bw;
        bw.exclude = taken;
        bw.cleanOnly = true;
        // One stretch when the pauses allow it, else two, three... pieces: sentences rarely
        // add up to the target, and no cut may fall in a word.
        LengthResult r;
        for (const qint64 w : {o.targetMs, o.targetMs * 2 / 3, o.targetMs / 2, o.targetMs / 3,
                               o.targetMs / 4, qint64(3000), qint64(2000)}) {
            bw.windowMs = std::max<qint64>(1000, w);
            r = cutToLength(draft, analyses, o, bw);
            if (r.edit.ok)
                break;
        }
        if (!r.edit.ok) {
            ShortsResult bad = refused(
                r.edit.errorCode == ErrorCode::Internal ? ErrorCode::BadRequest : r.edit.errorCode,
                QStringLiteral("Only %1 shorts of %2 could be cut from %3 without splitting a "
                               "word or using anything twice.")
                    .arg(i)
                    .arg(ops::clock(options.targetMs), ops::clock(total)));
            bad.totalMs = total;
            bad.fits = i;
            return bad;
        }
        PickedShort s;
        qint64 pos = 0;
        for (const Interval& gap : r.removedStretches) {
            if (gap.startMs > pos)
                s.ranges << TimeRange{pos, gap.startMs};
            pos = std::max(pos, gap.endMs);
        }
        if (pos < total)
            s.ranges << TimeRange{pos, total};
        s.ranges = joinNearPieces(s.ranges, taken, options.targetMs);
        for (const TimeRange& k : std::as_const(s.ranges)) {
            taken << Interval{k.from, k.to};
            s.durationMs += k.length();
        }
        s.spec.keep = sourceRangesOf(draft, s.ranges);
        s.spec.m = options.frame;
        result.shorts << s;
    }
    std::sort(result.shorts.begin(), result.shorts.end(),
              [](const PickedShort& a, const PickedShort& b) {
                  return a.ranges.first().from < b.ranges.first().from;
              });
    for (int i = 0; i < result.shorts.size(); ++i)
        result.shorts[i].spec.name = QStringLiteral("Short %1").arg(i + 1);
    result.ok = true;
    return result;
}

} // namespace cw::engine
