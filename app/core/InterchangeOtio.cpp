// OpenTimelineIO JSON (the .otio file of the reference implementation): Timeline.1 holding
// a Stack.1 of Track.1 (kind Video or Audio, one per lane), each a sequence of Gap.1 and
// Clip.1 with an ExternalReference.1 (target_url: a percent-encoded file:// URL). Times are
// RationalTime.1 in frames at the draft's rate. A transition is a Transition.1 between the
// two clips with in_offset 0 and out_offset d: it starts at the cut, as the engine renders
// it. Speed changes are a LinearTimeWarp.1 effect; as in OTIO's own adapters the source
// range keeps the timeline length (OTIO times clips by it, effects do not change that).
// Text tracks are left to SRT/WebVTT.
#include "InterchangeTimeline.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cw::interchange::detail {

namespace {

QJsonObject time(qint64 frames, double rate)
{
    return QJsonObject{{QStringLiteral("OTIO_SCHEMA"), QStringLiteral("RationalTime.1")},
                       {QStringLiteral("rate"), rate},
                       {QStringLiteral("value"), double(frames)}};
}

QJsonObject range(qint64 start, qint64 duration, double rate)
{
    return QJsonObject{{QStringLiteral("OTIO_SCHEMA"), QStringLiteral("TimeRange.1")},
                       {QStringLiteral("start_time"), time(start, rate)},
                       {QStringLiteral("duration"), time(duration, rate)}};
}

QJsonObject item(const char* schema, const QString& name, const QJsonObject& sourceRange)
{
    return QJsonObject{{QStringLiteral("OTIO_SCHEMA"), QLatin1String(schema)},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("metadata"), QJsonObject()},
                       {QStringLiteral("source_range"), sourceRange},
                       {QStringLiteral("effects"), QJsonArray()},
                       {QStringLiteral("markers"), QJsonArray()},
                       {QStringLiteral("enabled"), true}};
}

QJsonObject clip(const Item& it, const Timeline& tl)
{
    const double rate = tl.rate.fps();
    QJsonObject ref{{QStringLiteral("OTIO_SCHEMA"), QStringLiteral("ExternalReference.1")},
                    {QStringLiteral("name"), oneLine(it.media->name, 200)},
                    {QStringLiteral("metadata"), QJsonObject()},
                    {QStringLiteral("target_url"), fileUrl(it.media->path)},
                    {QStringLiteral("available_range"), QJsonValue::Null}};
    if (it.media->durationMs > 0)
        ref.insert(QStringLiteral("available_range"),
                   range(0, tl.rate.frames(it.media->durationMs), rate));
    QJsonObject c = item("Clip.1", it.name, range(it.inF, it.dF, rate));
    c.insert(QStringLiteral("media_reference"), ref);
    QJsonObject meta{{QStringLiteral("segment_id"), it.seg->id},
                     {QStringLiteral("media_id"), it.media->id}};
    if (it.volume != 1.0)
        meta.insert(QStringLiteral("volume"), it.volume);
    // OTIO has no fade schema: the lengths are kept for scripts and for a look by hand.
    if (it.fadeIn.f > 0)
        meta.insert(QStringLiteral("fade_in_frames"), double(it.fadeIn.f));
    if (it.fadeOut.f > 0)
        meta.insert(QStringLiteral("fade_out_frames"), double(it.fadeOut.f));
    c.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("clipwright"), meta}});
    if (it.speed != 1.0)
        c.insert(QStringLiteral("effects"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("OTIO_SCHEMA"), QStringLiteral("LinearTimeWarp.1")},
                     {QStringLiteral("name"), QStringLiteral("speed")},
                     {QStringLiteral("effect_name"), QStringLiteral("LinearTimeWarp")},
                     {QStringLiteral("metadata"), QJsonObject()},
                     {QStringLiteral("time_scalar"), it.speed}}});
    return c;
}

QJsonObject track(const Lane& lane, const Timeline& tl, const QString& kind, int number)
{
    const double rate = tl.rate.fps();
    QJsonArray children;
    qint64 cursor = 0;
    for (const Item& it : lane.items) {
        if (it.stF > cursor)
            children.append(item("Gap.1", QString(), range(0, it.stF - cursor, rate)));
        if (it.trF > 0)
            children.append(
                QJsonObject{{QStringLiteral("OTIO_SCHEMA"), QStringLiteral("Transition.1")},
                            {QStringLiteral("name"), it.trType},
                            {QStringLiteral("metadata"), QJsonObject()},
                            {QStringLiteral("transition_type"), QStringLiteral("SMPTE_Dissolve")},
                            {QStringLiteral("in_offset"), time(0, rate)},
                            {QStringLiteral("out_offset"), time(it.trF, rate)}});
        children.append(clip(it, tl));
        cursor = it.endF();
    }
    const QString name =
        lane.trackName.isEmpty() ? kind.left(1) + QString::number(number) : lane.trackName;
    QJsonObject t = item("Track.1", name, QJsonObject());
    t.insert(QStringLiteral("source_range"), QJsonValue::Null);
    t.insert(QStringLiteral("kind"), kind);
    t.insert(QStringLiteral("children"), children);
    return t;
}

} // namespace

QByteArray writeOtio(const Timeline& tl)
{
    QJsonArray tracks;
    int n = 0;
    for (const Lane& lane : tl.video)
        tracks.append(track(lane, tl, QStringLiteral("Video"), ++n));
    n = 0;
    for (const Lane& lane : tl.audio)
        tracks.append(track(lane, tl, QStringLiteral("Audio"), ++n));
    QJsonObject stack = item("Stack.1", QStringLiteral("tracks"), QJsonObject());
    stack.insert(QStringLiteral("source_range"), QJsonValue::Null);
    stack.insert(QStringLiteral("children"), tracks);
    QJsonObject meta{{QStringLiteral("width"), tl.width},
                     {QStringLiteral("height"), tl.height},
                     {QStringLiteral("duration_frames"), double(tl.totalF)}};
    if (tl.fadeIn.f > 0)
        meta.insert(QStringLiteral("fade_in_frames"), double(tl.fadeIn.f));
    if (tl.fadeOut.f > 0)
        meta.insert(QStringLiteral("fade_out_frames"), double(tl.fadeOut.f));
    if (!tl.logos.isEmpty())
        meta.insert(QStringLiteral("not_carried"), logosNote(tl).trimmed());
    if (!tl.effects.isEmpty())
        meta.insert(QStringLiteral("effects_not_carried"), effectsNote(tl).trimmed());
    const QJsonObject timeline{
        {QStringLiteral("OTIO_SCHEMA"), QStringLiteral("Timeline.1")},
        {QStringLiteral("name"), tl.title},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("clipwright"), meta}}},
        {QStringLiteral("global_start_time"), time(0, tl.rate.fps())},
        {QStringLiteral("tracks"), stack}};
    return QJsonDocument(timeline).toJson(QJsonDocument::Indented);
}

} // namespace cw::interchange::detail
