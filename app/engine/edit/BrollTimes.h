// Where "add B-roll every N seconds" puts its cutaways: at N, 2N, ... over the main clip, each
// moved onto a scene change of the timeline when one is near (within min(N/3, 3 s)), so a
// cutaway begins where the picture changes anyway instead of in the middle of a shot. Two
// nominal times never reach for the same cut (their windows, a third of the interval each, do
// not meet), so the order and the spacing stay close to what was asked. Pure: values in,
// values out (table-tested in tests/engine/tst_brolltimes.cpp).
#pragma once

#include <QList>
#include <QtGlobal>

namespace cw::engine {

struct BrollTime {
    qint64 atMs = 0;
    qint64 durationMs = 0;
    bool onCut = false; // moved onto a scene change
    bool operator==(const BrollTime& o) const
    {
        return atMs == o.atMs && durationMs == o.durationMs && onCut == o.onCut;
    }
};

// How far a cutaway may move to reach a scene change: min(everyMs / 3, 3 s).
qint64 brollSnapMs(qint64 everyMs);

// The cutaways of one request over a main clip ending at endMs: at every interval while at least
// 200 ms of the clip is left, each clamp(every / 2, 1, 3 s) long but never past the next one or
// the end. cutsMs: the timeline's scene changes (any order; empty keeps the plain times).
QList<BrollTime> brollTimes(qint64 everyMs, qint64 endMs, const QList<qint64>& cutsMs);

} // namespace cw::engine
