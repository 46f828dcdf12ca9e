// See Stabilise.h: which frames a segment's chain reads, and the stretch of a source's
// analysis for them. The detect pass lists every decoded frame's timestamp (framecrc of
// wrapped frames, in the stream's time base, no frame dropped: -fps_mode passthrough), so the
// frames trim keeps are found exactly as trim finds them.
#include "media/Stabilise.h"

#include "render/RenderFilters.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>
#include <algorithm>
#include <cmath>

namespace cw::engine::stabilise {

// A finished analysis starts with vid.stab's header and holds at least one frame.
bool trfComplete(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(4096);
    return head.startsWith("VID.STAB") && head.contains("Frame ");
}

// The timestamps of the frames the detect pass saw, in order (framecrc's lines), beside it.
QString ptsPathOf(const QString& trf)
{
    return trf + QStringLiteral(".pts");
}

bool analysisComplete(const QString& trf)
{
    return trfComplete(trf) && QFileInfo(ptsPathOf(trf)).size() > 0;
}

// The part of the source a segment's chain reads, in ms: a second's margin either side (a
// frame straddling an edge; a held frame looks back half a second).
QPair<qint64, qint64> sourceWindow(const Segment& s)
{
    return {std::max<qint64>(0, s.in - 1000),
            s.in + qRound64(double(s.d) * render::segmentSpeed(s)) + 1000};
}

// The analysis of the frames trim keeps from [from, to) of the source (plus two seconds after,
// which the smoothing looks ahead into), renumbered from 1 as vidstabtransform counts them;
// the first frame's motion (from a frame it will not see) is dropped. Cached beside the whole
// file's. Empty when the timestamps cannot say which frames those are (then the render counts
// from the file's first frame instead).
QString windowAnalysis(const QString& trf, QPair<qint64, qint64> window)
{
    QFile pf(ptsPathOf(trf));
    if (!pf.open(QIODevice::ReadOnly))
        return {};
    qint64 num = 0, den = 0;
    QList<qint64> pts;
    while (!pf.atEnd()) {
        const QByteArray line = pf.readLine().trimmed();
        if (line.startsWith("#tb 0: ")) {
            const QList<QByteArray> tb = line.mid(7).split('/');
            num = tb.value(0).toLongLong();
            den = tb.value(1).toLongLong();
        } else if (!line.startsWith('#') && !line.isEmpty()) {
            const qint64 t = line.split(',').value(1).trimmed().toLongLong();
            if (!pts.isEmpty() && t <= pts.last())
                return {}; // not in order: trim would not keep one run of them
            pts << t;
        }
    }
    if (num <= 0 || den <= 0 || pts.isEmpty())
        return {};
    // As trim turns its start/end into the stream's time base (av_rescale_q, to nearest).
    auto toPts = [&](qint64 ms) {
        return qint64(std::floor(ms * 1000.0 * den / (num * 1e6) + 0.5));
    };
    const auto first = std::lower_bound(pts.begin(), pts.end(), toPts(window.first));
    const auto end = std::lower_bound(pts.begin(), pts.end(), toPts(window.second));
    const qint64 k = first - pts.begin();
    const qint64 last = std::min<qint64>(pts.size(), (end - pts.begin()) + 60);
    if (k >= end - pts.begin())
        return {};
    const QString path = trf.chopped(4) + QStringLiteral("-f%1-%2.trf").arg(k).arg(last);
    if (trfComplete(path))
        return path;
    QFile in(trf);
    QFile out(path + QStringLiteral(".part-") +
              QUuid::createUuid().toString(QUuid::Id128).left(12));
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return {};
    qint64 frames = 0;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        if (!line.startsWith("Frame ")) {
            if (frames == 0)
                out.write(line); // the header
            continue;
        }
        const qint64 n = line.mid(6, line.indexOf(' ', 6) - 6).toLongLong() - 1;
        frames = std::max(frames, n + 1);
        if (n < k || n >= last)
            continue;
        out.write("Frame " + QByteArray::number(n - k + 1) + ' ' +
                  (n == k ? QByteArray("(List 0 [])\n") : line.mid(line.indexOf('('))));
    }
    out.close();
    if (frames != pts.size()) {
        out.remove(); // the analysis and the timestamps disagree: count from the first frame
        return {};
    }
    QFile::remove(path);
    if (!out.rename(path)) {
        out.remove();
        return {};
    }
    return path;
}

} // namespace cw::engine::stabilise
