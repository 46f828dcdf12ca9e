// A file size to stay under, said in a clause (render/SizeTarget.h): "compress it to under
// 10MB", "is there a way to compress the video just under 8 mb", 压缩到50MB以内, 25兆以内, "small
// enough for WhatsApp", "so I can send it on Discord": export_settings with max_bytes (and a
// format or resolution said with it). planInstruction reads these before the clause parsers,
// whose "output" decline still covers compressing with no size to aim for ("compress the
// video", 压缩视频), which would need a guess at what is small enough.
#include "agent/PlannerParts.h"
#include "render/SizeTarget.h"

namespace cw::engine::planner {

bool sizeEdit(const QString& c, QList<Operation>& ops)
{
    // "10m" alone may be ten minutes; a bare M counts only in Chinese (压缩到50M以内).
    static const QRegularExpression size(QStringLiteral(
        "(\\d+(?:\\.\\d+)?)\\s*(kb|mb|gb|mib|gib|megabytes?|gigabytes?|兆|m(?=\\s*(?:以内|以下|"
        "左右)))(?![a-z])"));
    const bool wantsSmall =
        has(c, "\\b(?:compress|shrink|smaller|small enough|under|below|less than|within|max|"
               "maximum|at most|no (?:more|bigger|larger) than|fit|limit|file size|size)\\b|压缩|"
               "以内|以下|不超过|小于|变小|缩小");
    // "add music under 10 MB" is about the music, not the export.
    if (has(c, "\\b(?:add|insert|use)\\b|添加|加上|插入"))
        return false;
    qint64 bytes = 0;
    if (const QRegularExpressionMatch m = size.match(c); m.hasMatch() && wantsSmall) {
        QString unit = m.captured(2);
        if (unit.startsWith(QLatin1String("mega")))
            unit = QStringLiteral("mb");
        else if (unit.startsWith(QLatin1String("giga")))
            unit = QStringLiteral("gb");
        bytes = parseByteSize(m.captured(1) + unit);
    } else if (wantsSmall || has(c, "\\b(?:send|share|upload|attach|post)\\b|发到|发给|能发")) {
        bytes = namedSizeLimitIn(c);
    }
    if (bytes <= 0)
        return false;
    QJsonObject args{{QStringLiteral("max_bytes"), bytes}};
    for (const char* res : {"4k", "1080p", "720p"})
        if (lexicon::has(c, QStringLiteral("resolution.") + QLatin1String(res))) {
            args.insert(QStringLiteral("resolution"), QLatin1String(res));
            break;
        }
    if (const QString format = formatSaid(c); !format.isEmpty())
        args.insert(QStringLiteral("format"), format);
    ops << op(Op::exportSettings(), args);
    return true;
}

} // namespace cw::engine::planner
