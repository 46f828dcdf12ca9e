// Fast export said in a clause (render/SmartCodec.h): "fast export", "export quickly keeping
// the original codec", "keep it HEVC", 快速导出, 保留原编码: export_settings with fast (and a
// resolution said with it). The draft then remembers m.export.fast, which the Export dialog,
// the CLI and renderDraft read; the words are data (lexicon "export.fast"). A format other than
// MP4 said with it is the format's export: fast export writes MP4 only.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

bool fastEdit(const QString& c, QList<Operation>& ops)
{
    if (!lexicon::has(c, QStringLiteral("export.fast")))
        return false;
    const QString format = formatSaid(c);
    if (!format.isEmpty() && format != QLatin1String("mp4"))
        return false;
    QJsonObject args{{QStringLiteral("fast"), true}};
    for (const char* res : {"4k", "1080p", "720p"})
        if (lexicon::has(c, QStringLiteral("resolution.") + QLatin1String(res))) {
            args.insert(QStringLiteral("resolution"), QLatin1String(res));
            break;
        }
    ops << op(Op::exportSettings(), args);
    return true;
}

} // namespace cw::engine::planner
