#include "server/MediaJson.h"

#include <QHash>
#include <QRegularExpression>

namespace cw::engine {

QJsonObject mediaJson(const MediaRecord& m, const QString& baseUrl)
{
    return QJsonObject{
        {QStringLiteral("media_id"), m.id},
        {QStringLiteral("filename"), m.filename},
        {QStringLiteral("file_type"), m.kind},
        {QStringLiteral("cdn_url"), QString(baseUrl + QStringLiteral("/files/media/") + m.id)},
        {QStringLiteral("duration"), double(m.durationMs) / 1000.0},
        {QStringLiteral("duration_ms"), m.durationMs},
        {QStringLiteral("width"), m.width},
        {QStringLiteral("height"), m.height},
        {QStringLiteral("fps"), m.fps},
        {QStringLiteral("has_audio"), m.hasAudio},
        {QStringLiteral("has_video"), m.hasVideo},
        {QStringLiteral("hash"), m.hash},
        {QStringLiteral("path"), m.path},
    };
}

QString sanitizeFileName(const QString& name)
{
    QString base = name;
    const qsizetype slash = std::max(base.lastIndexOf(u'/'), base.lastIndexOf(u'\\'));
    if (slash >= 0)
        base = base.mid(slash + 1);
    QString clean;
    clean.reserve(base.size());
    for (const QChar c : std::as_const(base)) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029 ||
            u == 0x202e || u == 0xfeff)
            continue;
        clean.append(c);
    }
    while (clean.contains(QLatin1String("..")))
        clean.replace(QLatin1String(".."), QLatin1String("."));
    clean = clean.trimmed();
    while (clean.startsWith(u'.'))
        clean.remove(0, 1);
    constexpr qsizetype kMax = 200;
    if (clean.size() > kMax) {
        const QString ext = safeExtension(clean);
        QString stem = clean.left(kMax - ext.size());
        if (!stem.isEmpty() && stem.back().isHighSurrogate())
            stem.chop(1);
        clean = stem + ext;
    }
    if (clean.isEmpty() || clean == QLatin1String("."))
        clean = QStringLiteral("upload");
    return clean;
}

QString safeExtension(const QString& fileName)
{
    static const QRegularExpression rx(QStringLiteral("\\.([A-Za-z0-9]{1,8})$"));
    const QRegularExpressionMatch m = rx.match(fileName);
    return m.hasMatch() ? QLatin1Char('.') + m.captured(1).toLower() : QString();
}

bool isValidJobId(const QString& id)
{
    static const QRegularExpression rx(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return rx.match(id).hasMatch();
}

QString mimeTypeForFile(const QString& path)
{
    static const QHash<QString, QString> types{
        {QStringLiteral(".mp4"), QStringLiteral("video/mp4")},
        {QStringLiteral(".mov"), QStringLiteral("video/quicktime")},
        {QStringLiteral(".webm"), QStringLiteral("video/webm")},
        {QStringLiteral(".mkv"), QStringLiteral("video/x-matroska")},
        {QStringLiteral(".avi"), QStringLiteral("video/x-msvideo")},
        {QStringLiteral(".mp3"), QStringLiteral("audio/mpeg")},
        {QStringLiteral(".wav"), QStringLiteral("audio/wav")},
        {QStringLiteral(".m4a"), QStringLiteral("audio/mp4")},
        {QStringLiteral(".aac"), QStringLiteral("audio/aac")},
        {QStringLiteral(".jpg"), QStringLiteral("image/jpeg")},
        {QStringLiteral(".jpeg"), QStringLiteral("image/jpeg")},
        {QStringLiteral(".png"), QStringLiteral("image/png")},
        {QStringLiteral(".gif"), QStringLiteral("image/gif")},
        {QStringLiteral(".webp"), QStringLiteral("image/webp")},
    };
    return types.value(safeExtension(path), QStringLiteral("application/octet-stream"));
}

} // namespace cw::engine
