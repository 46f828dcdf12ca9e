// Accepts both the upload form (media_id, filename, file_type, cdn_url, duration in seconds)
// and looser state/cloud forms (id, name, type, url, duration_ms). The local engine adds
// "path" (its stored copy) and has_video/has_audio.
#include "MediaItem.h"

#include "MediaTypes.h"

#include <QJsonValue>
#include <cmath>

namespace cw {

namespace {

QString firstString(const QJsonObject& o, std::initializer_list<const char*> keys)
{
    for (const char* k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble(), 'g', 17);
    }
    return {};
}

double number(const QJsonValue& v)
{
    if (v.isString())
        return v.toString().toDouble();
    return v.toDouble();
}

int dimension(const QJsonValue& v)
{
    const double d = number(v);
    return std::isfinite(d) && d > 0 && d < 1e6 ? int(d) : 0;
}

} // namespace

MediaItem MediaItem::fromJson(const QJsonObject& json)
{
    MediaItem m;
    m.id = firstString(json, {"media_id", "id", "mediaId"});
    m.fileName = firstString(json, {"filename", "name", "file_name", "fileName"});
    m.kind = firstString(json, {"file_type", "type", "fileType", "kind"}).toLower();
    if (m.kind.isEmpty())
        m.kind = mediaKindForFileName(m.fileName);
    const QString url = firstString(json, {"cdn_url", "url", "cdnUrl"});
    if (!url.isEmpty())
        m.url = QUrl(url);

    const QJsonValue ms = json.value(QStringLiteral("duration_ms"));
    const QJsonValue sec = json.value(QStringLiteral("duration"));
    double durationMs = 0;
    if (!ms.isUndefined() && !ms.isNull())
        durationMs = number(ms);
    else if (!sec.isUndefined() && !sec.isNull())
        durationMs = number(sec) * 1000.0;
    if (std::isfinite(durationMs) && durationMs > 0 && durationMs < 1e15)
        m.durationMs = qint64(std::llround(durationMs));

    m.width = dimension(json.value(QStringLiteral("width")));
    m.height = dimension(json.value(QStringLiteral("height")));
    const double fps = number(json.value(QStringLiteral("fps")));
    m.fps = std::isfinite(fps) && fps > 0 ? fps : 0;
    m.hash = firstString(json, {"hash", "md5", "sha256"});
    m.localPath = json.value(QStringLiteral("path")).toString();
    const QJsonValue hasVideo = json.value(QStringLiteral("has_video"));
    const QJsonValue hasAudio = json.value(QStringLiteral("has_audio"));
    m.hasVideo = hasVideo.isBool() ? hasVideo.toBool() : m.kind != QLatin1String("audio");
    m.hasAudio = hasAudio.isBool() ? hasAudio.toBool() : m.kind != QLatin1String("image");
    return m;
}

} // namespace cw
