// See edit/MontageTransitions.h. The cuts are read from the draft (the starts of the main
// track's parts after the first), so the same function serves a montage just made and a
// follow-up on a montage made earlier.
#include "edit/MontageTransitions.h"

#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace cw::engine {

using namespace ops;

namespace {

qint64 nearest(const QList<qint64>& sorted, qint64 t)
{
    const auto it = std::lower_bound(sorted.cbegin(), sorted.cend(), t);
    qint64 best = -1;
    if (it != sorted.cend())
        best = *it - t;
    if (it != sorted.cbegin() && (best < 0 || t - *(it - 1) < best))
        best = t - *(it - 1);
    return best;
}

} // namespace

qint64 downbeatTransitionMs(double beatMs, double fps)
{
    if (!(beatMs > 0))
        return 0;
    if (!(fps > 0) || !std::isfinite(fps))
        return std::llround(beatMs / 2);
    const double frames = std::max(2.0, std::floor(beatMs / 2 * fps / 1000 + 1e-6));
    return qint64(std::floor(frames * 1000 / fps + 1e-6));
}

QList<int> cutsOnDownbeats(const QList<qint64>& cutsMs, const QList<qint64>& downbeatsMs,
                           qint64 toleranceMs)
{
    QList<int> out;
    for (int i = 0; i < cutsMs.size(); ++i) {
        const qint64 off = nearest(downbeatsMs, cutsMs[i]);
        if (off >= 0 && off <= toleranceMs)
            out << i;
    }
    return out;
}

EditResult addDownbeatTransitions(const Draft& draft, const QList<qint64>& beatsMs,
                                  const QList<qint64>& downbeatsMs, const QString& type)
{
    EditResult failed;
    const QString kind = ops::transitionKind(type, false, &failed);
    if (kind.isEmpty())
        return failed;
    const int vi = mainVideoTrack(draft);
    if (vi < 0 || draft.t[vi].sg.size() < 2)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("There is no cut to put a transition on."));
    if (beatsMs.size() < 2 || downbeatsMs.isEmpty())
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("The song is too short to find its bars."));
    Draft out = draft;
    Track& t = out.t[vi];
    const QList<int> order = sortedIndices(t);
    QList<qint64> cuts;
    for (int k = 1; k < order.size(); ++k)
        cuts << t.sg[order[k]].st;
    for (const qint64 c : std::as_const(cuts)) {
        const qint64 off = nearest(beatsMs, c);
        if (off < 0 || off > kOnBeatMs)
            return fail(ErrorCode::Conflict,
                        QStringLiteral("The cut at %1 s is not on a beat of the music.")
                            .arg(double(c) / 1000.0, 0, 'f', 2));
    }
    const QList<int> on = cutsOnDownbeats(cuts, downbeatsMs);
    if (on.isEmpty())
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("None of the %1 cuts is on a downbeat.").arg(cuts.size()));
    const double beatMs = double(beatsMs.last() - beatsMs.first()) / double(beatsMs.size() - 1);
    const qint64 wanted =
        downbeatTransitionMs(beatMs, draft.m.value(QLatin1String("fps")).toDouble(30));
    QJsonArray at;
    qint64 used = 0;
    for (int k = 1; k < order.size(); ++k) {
        Segment& s = t.sg[order[k]];
        s.m.remove(QLatin1String("tr"));
        if (!on.contains(k - 1))
            continue;
        const qint64 d = std::min(wanted, std::min(s.d, t.sg[order[k - 1]].d) / 4);
        if (d <= 0)
            continue;
        s.m.insert(QStringLiteral("tr"),
                   QJsonObject{{QStringLiteral("type"), kind}, {QStringLiteral("d"), d}});
        at << s.st;
        used = std::max(used, d);
    }
    t.sg[order.first()].m.remove(QLatin1String("tr"));
    return success(out, {{QStringLiteral("type"), kind},
                         {QStringLiteral("transitions"), int(at.size())},
                         {QStringLiteral("cuts"), int(cuts.size())},
                         {QStringLiteral("duration_ms"), used},
                         {QStringLiteral("at"), at}});
}

} // namespace cw::engine
