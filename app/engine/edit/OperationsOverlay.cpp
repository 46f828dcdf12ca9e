// addOverlay (Overlays.h).
#include "edit/Overlays.h"

#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <algorithm>
#include <cmath>

namespace cw::engine {

using namespace ops;

bool isOverlaySegment(const Segment& s)
{
    return s.m.value(QLatin1String("role")).toString() == QLatin1String("overlay");
}

EditResult addOverlay(const Draft& draft, const MediaRef& picture, const OverlayOptions& o)
{
    static const QStringList positions{QStringLiteral("top_left"),    QStringLiteral("top"),
                                       QStringLiteral("top_right"),   QStringLiteral("center"),
                                       QStringLiteral("bottom_left"), QStringLiteral("bottom"),
                                       QStringLiteral("bottom_right")};
    if (picture.id.isEmpty() || (!picture.hasVideo && picture.kind != QLatin1String("image")))
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("\"%1\" has no picture to put over the video.").arg(picture.fileName));
    if (!positions.contains(o.position))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Unknown position \"%1\" (use a corner, top, bottom or center).")
                        .arg(o.position));
    if (!std::isfinite(o.widthPercent) || o.widthPercent < 2 || o.widthPercent > 100)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("The size must be between 2% and 100% of the frame's width."));
    if (!std::isfinite(o.opacity) || o.opacity < 0.05 || o.opacity > 1)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("The opacity must be between 5% and 100%."));
    const qint64 end = footageEnd(draft);
    if (end <= 0)
        return fail(ErrorCode::Conflict,
                    QStringLiteral("Add a video first; the logo goes over it."));
    const qint64 start = std::max<qint64>(0, o.startMs);
    if (start >= end)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("%1 is past the end of the video (%2).").arg(clock(start), clock(end)));
    qint64 stop = o.durationMs < 0 ? end : std::min(end, start + o.durationMs);
    // A video used as an overlay runs out at its own end.
    if (picture.kind != QLatin1String("image") && picture.durationMs > 0)
        stop = std::min(stop, start + picture.durationMs);
    if (stop <= start)
        return fail(ErrorCode::BadRequest, QStringLiteral("The logo would last no time at all."));

    Draft out = draft;
    int trackIndex = -1;
    for (int i = 0; i < out.t.size(); ++i) {
        Track& t = out.t[i];
        if (t.tt != int(TrackType::Video))
            continue;
        const bool overlays =
            !t.sg.isEmpty() && std::all_of(t.sg.begin(), t.sg.end(),
                                           [](const Segment& s) { return isOverlaySegment(s); });
        if (overlays && trackIndex < 0)
            trackIndex = i;
        t.sg.erase(std::remove_if(t.sg.begin(), t.sg.end(),
                                  [&](const Segment& s) {
                                      return isOverlaySegment(s) && s.src == picture.id &&
                                             s.st < stop && s.end() > start;
                                  }),
                   t.sg.end());
    }
    if (trackIndex < 0) {
        Track t;
        t.id = uniqueTrackId(out, QStringLiteral("logo"));
        t.tt = int(TrackType::Video);
        t.n = QStringLiteral("Logo");
        out.t.append(t);
        trackIndex = int(out.t.size()) - 1;
    }
    Segment s;
    s.id = uniqueSegmentId(out, QStringLiteral("logo"));
    s.src = picture.id;
    s.st = start;
    s.d = stop - start;
    s.m.insert(QStringLiteral("role"), QStringLiteral("overlay"));
    s.m.insert(QStringLiteral("name"), picture.fileName);
    s.m.insert(QStringLiteral("pos"), o.position);
    s.m.insert(QStringLiteral("w"), std::round(o.widthPercent * 10) / 10);
    s.m.insert(QStringLiteral("op"), std::round(o.opacity * 100) / 100);
    const qint64 fade = std::clamp<qint64>(o.fadeMs, 0, s.d / 2);
    if (fade > 0)
        s.m.insert(QStringLiteral("tr"), QJsonObject{{QStringLiteral("d"), fade}});
    out.t[trackIndex].sg.append(s);
    return success(out, {{QStringLiteral("start_ms"), s.st},
                         {QStringLiteral("duration_ms"), s.d},
                         {QStringLiteral("position"), o.position}});
}

} // namespace cw::engine
