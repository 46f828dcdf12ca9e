// See BrollTimes.h.
#include "edit/BrollTimes.h"

#include <algorithm>
#include <cstdlib>

namespace cw::engine {

namespace {
constexpr qint64 kMinLeftMs = 200; // a cutaway shorter than this is not worth a cut
} // namespace

qint64 brollSnapMs(qint64 everyMs)
{
    return std::min<qint64>(everyMs / 3, 3000);
}

QList<BrollTime> brollTimes(qint64 everyMs, qint64 endMs, const QList<qint64>& cutsMs)
{
    QList<BrollTime> out;
    if (everyMs <= 0 || endMs <= 0)
        return out;
    QList<qint64> cuts = cutsMs;
    std::sort(cuts.begin(), cuts.end());
    const qint64 reach = brollSnapMs(everyMs);
    for (qint64 at = everyMs; at + kMinLeftMs < endMs; at += everyMs) {
        BrollTime t{at, 0, false};
        qint64 best = -1;
        for (qint64 c : std::as_const(cuts)) {
            if (c <= 0 || c + kMinLeftMs >= endMs || std::abs(c - at) > reach)
                continue;
            if (best < 0 || std::abs(c - at) < std::abs(best - at))
                best = c;
        }
        if (best >= 0 && (out.isEmpty() || best > out.last().atMs)) {
            t.atMs = best;
            t.onCut = true;
        }
        out << t;
    }
    const qint64 length = std::clamp<qint64>(everyMs / 2, 1000, 3000);
    for (int i = 0; i < out.size(); ++i) {
        const qint64 next = i + 1 < out.size() ? out[i + 1].atMs : endMs;
        out[i].durationMs = std::min({length, next - out[i].atMs, endMs - out[i].atMs});
    }
    return out;
}

} // namespace cw::engine
