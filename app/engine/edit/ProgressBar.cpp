// The progress bar setting (edit/ProgressBar.h); colours go through the titles' table.
#include "edit/ProgressBar.h"

#include "edit/OperationsUtil.h"
#include "edit/TextLook.h"

#include "ApiError.h"

#include <QRegularExpression>

namespace cw::engine {

using namespace ops;

std::optional<QString> progressBarColor(const QJsonObject& draftMeta)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-f]{6}$"));
    const QJsonValue v = draftMeta.value(QLatin1String("progress_bar"));
    if (!v.isObject())
        return std::nullopt;
    const QString c = v.toObject().value(QLatin1String("color")).toString();
    if (!hex.match(c).hasMatch())
        return std::nullopt;
    return c;
}

EditResult setProgressBar(const Draft& draft, const QJsonObject& args)
{
    const std::optional<QString> had = progressBarColor(draft.m);
    QString colour = had.value_or(QStringLiteral("#ffffff"));
    if (args.contains(QLatin1String("color"))) {
        const QString asked = args.value(QLatin1String("color")).toString();
        colour = textColorHex(asked);
        if (colour.isEmpty())
            return fail(ErrorCode::BadRequest,
                        QStringLiteral("Unknown colour \"%1\" (use a name such as yellow or "
                                       "white, or #rrggbb).")
                            .arg(asked.left(40)));
    }
    Draft out = draft;
    out.m.insert(QStringLiteral("progress_bar"), QJsonObject{{QStringLiteral("color"), colour}});
    return success(out, QJsonObject{{QStringLiteral("color"), colour},
                                    {QStringLiteral("had"), had.has_value()}});
}

EditResult removeProgressBar(const Draft& draft)
{
    if (!draft.m.contains(QLatin1String("progress_bar")))
        return fail(ErrorCode::NotFound, QStringLiteral("There is no progress bar to remove."));
    Draft out = draft;
    out.m.remove(QStringLiteral("progress_bar"));
    return success(out, {});
}

} // namespace cw::engine
