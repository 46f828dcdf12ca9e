// Export presets and the remembered export choices, shared by the export and settings
// dialogs. Values live in QSettings ("export/folder", "export/preset"); the preset ids are
// the ones EditorSession::exportVideo takes.
#pragma once

#include <QList>
#include <QString>

namespace cw {

struct ExportPreset {
    QString id;    // "1080p", "vertical-1080", ...
    QString label; // translated, e.g. "1080p (1920×1080, 16:9)"
};

QList<ExportPreset> exportPresets();
QString defaultExportFolder(); // remembered folder, else Videos, else home
void setDefaultExportFolder(const QString& folder);
QString defaultExportPreset(); // remembered preset id, "1080p" when unset or unknown
void setDefaultExportPreset(const QString& id);

} // namespace cw
