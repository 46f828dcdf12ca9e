// See ExportSettings.h.
#include "ExportSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace cw {

namespace {
const char* const kFolderKey = "export/folder";
const char* const kPresetKey = "export/preset";
} // namespace

QList<ExportPreset> exportPresets()
{
    return {
        {QStringLiteral("1080p"),
         QCoreApplication::translate("cw::ExportSettings",
                                     "1080p (the edit's frame: 1920×1080 for 16:9)")},
        {QStringLiteral("vertical-1080"),
         QCoreApplication::translate("cw::ExportSettings", "Vertical (1080×1920, 9:16)")},
        {QStringLiteral("square-1080"),
         QCoreApplication::translate("cw::ExportSettings", "Square (1080×1080, 1:1)")},
        {QStringLiteral("720p"),
         QCoreApplication::translate("cw::ExportSettings",
                                     "720p (the edit's frame: 1280×720 for 16:9)")},
        {QStringLiteral("4k"),
         QCoreApplication::translate("cw::ExportSettings",
                                     "4K (the edit's frame: 3840×2160 for 16:9)")},
    };
}

QString defaultExportFolder()
{
    const QString stored = QSettings().value(QLatin1String(kFolderKey)).toString();
    if (!stored.isEmpty())
        return stored;
    const QString movies = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    return movies.isEmpty() ? QDir::homePath() : movies;
}

void setDefaultExportFolder(const QString& folder)
{
    QSettings().setValue(QLatin1String(kFolderKey), folder);
}

QString defaultExportPreset()
{
    const QString stored = QSettings().value(QLatin1String(kPresetKey)).toString();
    for (const ExportPreset& preset : exportPresets()) {
        if (preset.id == stored)
            return stored;
    }
    return QStringLiteral("1080p");
}

void setDefaultExportPreset(const QString& id)
{
    QSettings().setValue(QLatin1String(kPresetKey), id);
}

} // namespace cw
