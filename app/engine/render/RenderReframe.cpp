// The crop that follows the subject (media/SubjectPath.h) as options of ffmpeg's crop filter.
// crop evaluates x and y for every frame with t, the frame's time; in a segment's chain that
// is the segment's own time (the trim's setpts counts from the cut point and divides by the
// speed), so the path's file times are mapped to it: file ms = in + t * speed (a windowed
// input's file starts at seekMs). The path is piecewise linear, written as a sum of clipped
// ramps, c0 + sum dc_k * clip((t - t_k) / (t_k+1 - t_k), 0, 1): a flat sum, not nested ifs,
// so a long segment's expression stays shallow for ffmpeg's parser, and a still stretch adds
// nothing. Only the keys inside the segment are written (plus its two ends), at most
// kMaxKeys of them (a long segment that moves all the time keeps every n-th: the whole graph
// is one argument of ffmpeg's, which Linux caps at 128 KB).
#include "render/RenderFilters.h"

#include <algorithm>
#include <cmath>

namespace cw::engine::render {

namespace {

constexpr qsizetype kMaxKeys = 240;

QString ramps(const QList<QPair<double, double>>& pts) // (t seconds, centre 0..1)
{
    QString e = QString::number(pts.first().second, 'f', 4);
    for (qsizetype k = 0; k + 1 < pts.size(); ++k) {
        const double dc = pts[k + 1].second - pts[k].second;
        const double dt = pts[k + 1].first - pts[k].first;
        if (std::abs(dc) < 1e-4 || dt <= 1e-6)
            continue;
        e += QStringLiteral("%1%2*clip((t-%3)/%4,0,1)")
                 .arg(dc < 0 ? QString() : QStringLiteral("+"), QString::number(dc, 'f', 4),
                      QString::number(pts[k].first, 'f', 3), QString::number(dt, 'f', 3));
    }
    return e;
}

bool still(const QList<QPair<double, double>>& pts)
{
    return std::all_of(pts.begin(), pts.end(), [&](const QPair<double, double>& p) {
        return std::abs(p.second - pts.first().second) < 1e-4;
    });
}

} // namespace

QString reframeCrop(const Segment& s, const RenderInput& in, double speed, bool frozen)
{
    if (in.reframe.isEmpty() || isStill(in))
        return {};
    // Keys are file times; a windowed input's in-points count from its seekMs.
    const qint64 offset = std::max<qint64>(0, in.seekMs);
    const qint64 from = s.in + offset;
    const qint64 to = frozen ? from : from + qRound64(double(s.d) * speed);
    auto local = [&](qint64 fileMs) { return double(fileMs - from) / 1000.0 / speed; };
    QList<ReframeKey> keys{reframeAt(in.reframe, from)};
    for (const ReframeKey& k : in.reframe)
        if (k.ms > from && k.ms < to)
            keys << k;
    if (to > from)
        keys << reframeAt(in.reframe, to);
    if (keys.size() > kMaxKeys) {
        const qsizetype step = (keys.size() + kMaxKeys - 1) / kMaxKeys;
        QList<ReframeKey> fewer;
        for (qsizetype i = 0; i + 1 < keys.size(); i += step)
            fewer << keys[i];
        fewer << keys.last();
        keys = fewer;
    }
    QList<QPair<double, double>> xs, ys;
    for (const ReframeKey& k : keys) {
        xs << qMakePair(local(k.ms), k.x);
        ys << qMakePair(local(k.ms), k.y);
    }
    const bool centredX = still(xs) && std::abs(xs.first().second - 0.5) < 1e-4;
    const bool centredY = still(ys) && std::abs(ys.first().second - 0.5) < 1e-4;
    QString out;
    if (!centredX)
        out += QStringLiteral(":x='clip((%1)*iw-ow/2,0,iw-ow)'").arg(ramps(xs));
    if (!centredY)
        out += QStringLiteral(":y='clip((%1)*ih-oh/2,0,ih-oh)'").arg(ramps(ys));
    return out;
}

} // namespace cw::engine::render
