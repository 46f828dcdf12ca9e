// The audiogram setting (edit/Audiogram.h). Colours go through the titles' table
// (edit/TextLook.h), so "yellow" is the same yellow on a waveform as on a title.
#include "edit/Audiogram.h"

#include "edit/OperationsUtil.h"
#include "edit/Overlays.h"

#include "ApiError.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace cw::engine {

using namespace ops;

namespace {

bool strictHex(const QString& c)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-f]{6}$"));
    return hex.match(c).hasMatch();
}

bool mediaId(const QString& id)
{
    static const QRegularExpression ok(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return ok.match(id).hasMatch();
}

// The first picture on a video track (its file name), or "". A logo is drawn over the
// audiogram like over footage: it is no picture of the video.
QString pictureOnTimeline(const Draft& draft, const QHash<QString, MediaRef>& media)
{
    for (const Track& t : draft.t) {
        if (t.tt != int(TrackType::Video))
            continue;
        for (const Segment& s : t.sg) {
            const auto m = media.constFind(s.src);
            if (s.d > 0 && m != media.constEnd() && !isOverlaySegment(s) &&
                (m->hasVideo || m->kind == QLatin1String("image")))
                return m->fileName;
        }
    }
    return {};
}

QString unknownColor(const QString& c)
{
    return QStringLiteral("Unknown colour \"%1\" (use a name such as yellow, white or dark blue, "
                          "or #rrggbb).")
        .arg(c.left(40));
}

} // namespace

const QStringList& audiogramStyles()
{
    static const QStringList styles{QStringLiteral("wave"), QStringLiteral("line"),
                                    QStringLiteral("bars"), QStringLiteral("spectrum")};
    return styles;
}

std::optional<Audiogram> audiogramOf(const QJsonObject& draftMeta)
{
    const QJsonValue v = draftMeta.value(QLatin1String("audiogram"));
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject o = v.toObject();
    Audiogram a;
    a.style = o.value(QLatin1String("style")).toString(a.style);
    a.color = o.value(QLatin1String("color")).toString(a.color);
    a.background = o.value(QLatin1String("background")).toString(a.background);
    a.backgroundMedia = o.value(QLatin1String("bg_media")).toString();
    a.progress = o.value(QLatin1String("progress")).toBool(false);
    if (!audiogramStyles().contains(a.style) || !strictHex(a.color) || !strictHex(a.background) ||
        (!a.backgroundMedia.isEmpty() && !mediaId(a.backgroundMedia)))
        return std::nullopt;
    return a;
}

EditResult setAudiogram(const Draft& draft, const QJsonObject& args,
                        const QHash<QString, MediaRef>& media)
{
    const QString picture = pictureOnTimeline(draft, media);
    if (!picture.isEmpty())
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("An audiogram is drawn from sound alone, and the timeline has "
                                   "a picture (%1). Upload the audio by itself (mp3, m4a, wav) "
                                   "to turn it into a waveform video.")
                        .arg(picture));
    const bool sound = std::any_of(draft.t.cbegin(), draft.t.cend(), [&](const Track& t) {
        return std::any_of(t.sg.cbegin(), t.sg.cend(), [&](const Segment& s) {
            return s.d > 0 && media.value(s.src).hasAudio;
        });
    });
    if (!sound)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There is no sound on the timeline to draw; upload a podcast "
                                   "or voice memo (mp3, m4a, wav) first."));
    Audiogram a = audiogramOf(draft.m).value_or(Audiogram{});
    QJsonArray changed;
    auto given = [&](const char* key) {
        const bool has = args.contains(QLatin1String(key));
        if (has)
            changed.append(QLatin1String(key));
        return has;
    };
    if (given("style")) {
        a.style = args.value(QLatin1String("style")).toString().trimmed().toLower();
        if (!audiogramStyles().contains(a.style))
            return fail(ErrorCode::BadRequest,
                        QStringLiteral("Unknown audiogram style \"%1\" (use wave, line, bars or "
                                       "spectrum).")
                            .arg(args.value(QLatin1String("style")).toString().left(40)));
    }
    for (const auto& [key, field] : {std::pair{"color", &a.color}, {"background", &a.background}})
        if (given(key)) {
            const QString asked = args.value(QLatin1String(key)).toString();
            *field = textColorHex(asked);
            if (field->isEmpty())
                return fail(ErrorCode::BadRequest, unknownColor(asked));
            if (QLatin1String(key) == QLatin1String("background"))
                a.backgroundMedia.clear(); // a colour asked for replaces a picture
        }
    if (given("background_media")) {
        const QString id = args.value(QLatin1String("background_media")).toString();
        const auto m = media.constFind(id);
        if (id.isEmpty())
            a.backgroundMedia.clear();
        else if (m == media.constEnd() || !mediaId(id))
            return fail(ErrorCode::NotFound,
                        QStringLiteral("The background \"%1\" is not an upload of this project.")
                            .arg(id.left(40)));
        else if (m->kind != QLatin1String("image"))
            return fail(ErrorCode::BadRequest,
                        QStringLiteral("%1 is not a picture; the background can be a colour or an "
                                       "uploaded image (PNG or JPEG).")
                            .arg(m->fileName));
        else
            a.backgroundMedia = id;
    }
    if (given("progress"))
        a.progress = args.value(QLatin1String("progress")).toBool();

    Draft out = draft;
    QJsonObject stored{{QStringLiteral("style"), a.style},
                       {QStringLiteral("color"), a.color},
                       {QStringLiteral("background"), a.background},
                       {QStringLiteral("progress"), a.progress}};
    if (!a.backgroundMedia.isEmpty())
        stored.insert(QStringLiteral("bg_media"), a.backgroundMedia);
    out.m.insert(QStringLiteral("audiogram"), stored);
    QJsonObject details = stored;
    details.insert(QStringLiteral("background_media"), a.backgroundMedia);
    details.insert(QStringLiteral("changed"), changed);
    return success(out, details);
}

EditResult removeAudiogram(const Draft& draft)
{
    if (!draft.m.contains(QLatin1String("audiogram")))
        return fail(ErrorCode::NotFound, QStringLiteral("The video has no waveform to remove."));
    Draft out = draft;
    out.m.remove(QStringLiteral("audiogram"));
    return success(out);
}

} // namespace cw::engine
