// addOverlay and setVoiceOver (Overlays.h).
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

EditResult removeOverlays(const Draft& draft)
{
    Draft out = draft;
    int removed = 0;
    for (Track& t : out.t)
        removed += int(t.sg.removeIf(isOverlaySegment));
    if (removed == 0)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("No logo was added to this video, so there is none to take "
                                   "off (a logo that is part of the footage itself cannot be "
                                   "removed here)."));
    out.t.removeIf([&draft](const Track& t) {
        const Track* before = draft.track(t.id);
        return t.sg.isEmpty() && before && !before->sg.isEmpty();
    });
    return success(out, {{QStringLiteral("removed"), removed}});
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
    if (trackIndex < 0)
        trackIndex =
            appendTrack(out, int(TrackType::Video), QStringLiteral("logo"), QStringLiteral("Logo"));
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

EditResult setVoiceOver(const Draft& draft, const MediaRef& voice, qint64 startMs,
                        bool replaceSound)
{
    if (voice.id.isEmpty() || !voice.hasAudio || voice.durationMs <= 0)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("\"%1\" has no sound to use as a voice-over.").arg(voice.fileName));
    const int main = mainVideoTrack(draft);
    const qint64 end = footageEnd(draft);
    if (main < 0 || draft.t[main].sg.isEmpty() || end <= 0)
        return fail(ErrorCode::Conflict,
                    QStringLiteral("Add a video first; the voice-over goes under it."));
    for (const Segment& s : draft.t[main].sg)
        if (s.src == voice.id)
            return fail(ErrorCode::Conflict,
                        QStringLiteral("\"%1\" is the video itself.").arg(voice.fileName));
    const qint64 start = std::max<qint64>(0, startMs);
    if (start >= end)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("%1 is past the end of the video (%2).").arg(clock(start), clock(end)));
    Draft out = draft;
    if (replaceSound) {
        const EditResult muted = setClipVolume(out, 0);
        if (!muted.ok)
            return muted;
        out = muted.draft;
    }
    int trackIndex = -1;
    for (int i = int(out.t.size()) - 1; i >= 0; --i) {
        Track& t = out.t[i];
        if (t.tt != int(TrackType::Audio))
            continue;
        t.sg.erase(std::remove_if(t.sg.begin(), t.sg.end(),
                                  [&](const Segment& s) { return s.src == voice.id; }),
                   t.sg.end());
        if (t.n == QLatin1String("Voice-over"))
            trackIndex = i;
        else if (t.sg.isEmpty())
            out.t.removeAt(i);
    }
    if (trackIndex < 0)
        trackIndex = appendTrack(out, int(TrackType::Audio), QStringLiteral("voice"),
                                 QStringLiteral("Voice-over"));
    Track& track = out.t[trackIndex];
    const qint64 d = std::min(voice.durationMs, end - start);
    // A voice-over it overlaps is replaced.
    track.sg.erase(
        std::remove_if(track.sg.begin(), track.sg.end(),
                       [&](const Segment& s) { return s.st < start + d && s.end() > start; }),
        track.sg.end());
    Segment s;
    s.id = uniqueSegmentId(out, QStringLiteral("voice"));
    s.src = voice.id;
    s.st = start;
    s.d = d;
    s.m.insert(QStringLiteral("role"), QStringLiteral("voiceover"));
    s.m.insert(QStringLiteral("name"), voice.fileName);
    track.sg.append(s);
    return success(out, {{QStringLiteral("start_ms"), start},
                         {QStringLiteral("duration_ms"), d},
                         {QStringLiteral("cut_ms"), voice.durationMs - d}});
}

} // namespace cw::engine
