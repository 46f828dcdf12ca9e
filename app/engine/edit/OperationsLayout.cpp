// addLayout (Layouts.h): picture-in-picture and split screen.
#include "edit/Layouts.h"

#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <functional>

namespace cw::engine {

using namespace ops;

namespace {

const QString kVolBefore = QStringLiteral("layout_vol"); // a main clip's vol before a layout

bool isLayoutSound(const Segment& s)
{
    return s.m.value(QLatin1String("role")).toString() == QLatin1String("layout_sound");
}

// Takes every clip of `media` off the main track (ripple, as deleteClip does); the count.
int takeOffMain(Draft* d, const QString& media, QString* error)
{
    int taken = 0;
    for (int guard = 0; guard < 64; ++guard) {
        const int vi = mainVideoTrack(*d);
        if (vi < 0)
            break;
        const QList<int> order = sortedIndices(d->t[vi]);
        int at = -1;
        for (int k = 0; k < order.size() && at < 0; ++k)
            if (d->t[vi].sg[order[k]].src == media)
                at = k;
        if (at < 0)
            break;
        const EditResult r = deleteClip(*d, at);
        if (!r.ok) {
            *error = r.error;
            return -1;
        }
        *d = r.draft;
        ++taken;
    }
    return taken;
}

// The main clips over [from, to): cut at its edges and muted (mute), or given back the
// volume a layout took from them (!mute; they were cut when they were muted).
void muteMain(Draft* d, qint64 from, qint64 to, bool mute)
{
    const int vi = mainVideoTrack(*d);
    if (vi < 0)
        return;
    for (const qint64 edge : {from, to}) {
        QList<Segment>& sg = d->t[vi].sg;
        for (int i = 0; mute && i < sg.size(); ++i)
            if (sg[i].st < edge && sg[i].end() > edge) {
                const QPair<Segment, Segment> parts = splitSegment(*d, sg[i], edge);
                d->t[vi].sg[i] = parts.first;
                d->t[vi].sg.insert(i + 1, parts.second);
                break;
            }
    }
    for (Segment& s : d->t[vi].sg) {
        if (s.st < from || s.end() > to)
            continue;
        if (mute && !s.m.contains(kVolBefore)) {
            s.m.insert(kVolBefore, s.m.value(QLatin1String("vol")).toDouble(1.0));
            s.m.insert(QStringLiteral("vol"), 0.0);
        } else if (!mute && s.m.contains(kVolBefore)) {
            const double v = s.m.take(kVolBefore).toDouble(1.0);
            if (v == 1.0)
                s.m.remove(QStringLiteral("vol"));
            else
                s.m.insert(QStringLiteral("vol"), v);
        }
    }
}

// Takes off the layouts `which` selects and the sound they brought, and gives the main clips
// back the sound those layouts took; the layouts taken off.
QList<Segment> dropLayouts(Draft* d, const std::function<bool(const Segment&)>& which)
{
    QList<Segment> dropped;
    for (Track& t : d->t)
        t.sg.erase(std::remove_if(t.sg.begin(), t.sg.end(),
                                  [&](const Segment& s) {
                                      const bool drop = isLayoutSegment(s) && which(s);
                                      if (drop)
                                          dropped << s;
                                      return drop;
                                  }),
                   t.sg.end());
    for (const Segment& l : qAsConst(dropped)) {
        for (Track& t : d->t)
            t.sg.erase(std::remove_if(t.sg.begin(), t.sg.end(),
                                      [&](const Segment& s) {
                                          return isLayoutSound(s) && s.st < l.end() &&
                                                 s.end() > l.st;
                                      }),
                       t.sg.end());
        muteMain(d, l.st, l.end(), false);
    }
    return dropped;
}

// Tracks the layouts emptied go, so a re-layout or a removal leaves no clutter.
void dropEmptyLayoutTracks(Draft* d)
{
    d->t.erase(std::remove_if(d->t.begin(), d->t.end(),
                              [](const Track& t) {
                                  return t.sg.isEmpty() && (t.n == QLatin1String("Layout") ||
                                                            t.n == QLatin1String("Layout sound"));
                              }),
               d->t.end());
}

} // namespace

bool isLayoutSegment(const Segment& s)
{
    const QString role = s.m.value(QLatin1String("role")).toString();
    return role == QLatin1String("pip") || role == QLatin1String("split");
}

EditResult addLayout(const Draft& draft, const MediaRef& other, const LayoutOptions& o)
{
    static const QStringList positions{QStringLiteral("top_left"),    QStringLiteral("top"),
                                       QStringLiteral("top_right"),   QStringLiteral("center"),
                                       QStringLiteral("bottom_left"), QStringLiteral("bottom"),
                                       QStringLiteral("bottom_right")};
    const bool pip = o.role == QLatin1String("pip");
    if (!pip && o.role != QLatin1String("split"))
        return fail(ErrorCode::BadRequest, QStringLiteral("Unknown layout \"%1\".").arg(o.role));
    if (other.id.isEmpty() || (!other.hasVideo && other.kind != QLatin1String("image")))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("\"%1\" has no picture to show.").arg(other.fileName));
    if (pip && !positions.contains(o.position))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Unknown position \"%1\" (use a corner, top, bottom or center).")
                        .arg(o.position));
    if (pip && (!std::isfinite(o.widthPercent) || o.widthPercent < 10 || o.widthPercent > 60))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("The size must be between 10% and 60% of the frame's width."));
    if (!pip && ((o.layout != QLatin1String("h") && o.layout != QLatin1String("v")) ||
                 (o.fit != QLatin1String("crop") && o.fit != QLatin1String("pad"))))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("A split screen is side by side or top and bottom, cropped "
                                   "or letterboxed."));
    const bool otherSound = o.sound == QLatin1String("other");
    if (!otherSound && o.sound != QLatin1String("main"))
        return fail(ErrorCode::BadRequest, QStringLiteral("Unknown sound \"%1\".").arg(o.sound));
    if (otherSound && !other.hasAudio)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("\"%1\" has no sound to play.").arg(other.fileName));

    Draft out = draft;
    QString error;
    const int taken = takeOffMain(&out, other.id, &error);
    if (taken < 0)
        return fail(ErrorCode::Conflict,
                    QStringLiteral("\"%1\" is the only clip: upload the other one first.")
                        .arg(other.fileName));
    const qint64 end = footageEnd(out);
    if (end <= 0)
        return fail(ErrorCode::Conflict, QStringLiteral("Add a video first."));
    const qint64 start = std::max<qint64>(0, o.startMs);
    const qint64 in = std::max<qint64>(0, o.inMs);
    if (start >= end)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("%1 is past the end of the video (%2).").arg(clock(start), clock(end)));
    qint64 stop = o.durationMs < 0 ? end : std::min(end, start + o.durationMs);
    if (other.kind != QLatin1String("image") && other.durationMs > 0)
        stop = std::min(stop, start + other.durationMs - in);
    if (stop <= start)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("\"%1\" would show for no time at all.").arg(other.fileName));

    // A layout it overlaps is replaced, and the sound that layout took is given back.
    dropLayouts(&out, [&](const Segment& l) { return l.st < stop && l.end() > start; });
    int trackIndex = -1;
    for (int i = 0; i < out.t.size() && trackIndex < 0; ++i)
        if (out.t[i].tt == int(TrackType::Video) && out.t[i].n == QLatin1String("Layout"))
            trackIndex = i;
    if (trackIndex < 0)
        trackIndex = appendTrack(out, int(TrackType::Video), QStringLiteral("layout"),
                                 QStringLiteral("Layout"));
    Segment s;
    s.id = uniqueSegmentId(out, o.role);
    s.src = other.id;
    s.st = start;
    s.in = other.kind == QLatin1String("image") ? 0 : in;
    s.d = stop - start;
    s.m.insert(QStringLiteral("role"), o.role);
    s.m.insert(QStringLiteral("name"), other.fileName);
    s.m.insert(QStringLiteral("sound"), o.sound);
    if (pip) {
        s.m.insert(QStringLiteral("pos"), o.position);
        s.m.insert(QStringLiteral("w"), std::round(o.widthPercent * 10) / 10);
        if (o.borderPx > 0)
            s.m.insert(QStringLiteral("border"), std::clamp(o.borderPx, 1, 40));
    } else {
        s.m.insert(QStringLiteral("layout"), o.layout);
        s.m.insert(QStringLiteral("main"),
                   o.mainFirst ? QStringLiteral("first") : QStringLiteral("second"));
        s.m.insert(QStringLiteral("fit"), o.fit);
    }
    out.t[trackIndex].sg.append(s);

    if (otherSound) {
        muteMain(&out, start, stop, true);
        int soundTrack = -1;
        for (int i = 0; i < out.t.size() && soundTrack < 0; ++i)
            if (out.t[i].tt == int(TrackType::Audio) && out.t[i].n == QLatin1String("Layout sound"))
                soundTrack = i;
        if (soundTrack < 0)
            soundTrack = appendTrack(out, int(TrackType::Audio), QStringLiteral("lsound"),
                                     QStringLiteral("Layout sound"));
        Segment a;
        a.id = uniqueSegmentId(out, QStringLiteral("lsound"));
        a.src = other.id;
        a.st = s.st;
        a.in = s.in;
        a.d = s.d;
        a.m.insert(QStringLiteral("role"), QStringLiteral("layout_sound"));
        a.m.insert(QStringLiteral("name"), other.fileName);
        out.t[soundTrack].sg.append(a);
    }
    dropEmptyLayoutTracks(&out);
    return success(out, {{QStringLiteral("start_ms"), s.st},
                         {QStringLiteral("duration_ms"), s.d},
                         {QStringLiteral("taken"), taken},
                         {QStringLiteral("sound"), o.sound}});
}

EditResult removeLayout(const Draft& draft, const QString& role)
{
    if (!role.isEmpty() && role != QLatin1String("pip") && role != QLatin1String("split"))
        return fail(ErrorCode::BadRequest, QStringLiteral("Unknown layout \"%1\".").arg(role));
    Draft out = draft;
    const QList<Segment> dropped = dropLayouts(&out, [&](const Segment& s) {
        return role.isEmpty() || s.m.value(QLatin1String("role")).toString() == role;
    });
    if (dropped.isEmpty())
        return fail(
            ErrorCode::Conflict,
            role == QLatin1String("pip")
                ? QStringLiteral("There is no picture-in-picture to remove.")
            : role == QLatin1String("split")
                ? QStringLiteral("There is no split screen to remove.")
                : QStringLiteral("There is no picture-in-picture or split screen to remove."));
    dropEmptyLayoutTracks(&out);
    QJsonArray removed;
    for (const Segment& s : dropped)
        removed.append(QJsonObject{{QStringLiteral("role"), s.m.value(QLatin1String("role"))},
                                   {QStringLiteral("name"), s.m.value(QLatin1String("name"))},
                                   {QStringLiteral("start_ms"), s.st},
                                   {QStringLiteral("duration_ms"), s.d}});
    return success(out, {{QStringLiteral("removed"), removed}});
}

} // namespace cw::engine
