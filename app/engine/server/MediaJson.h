// The media object of the wire (upload response `files[]` and state `video_infos[]`) and
// the name rules for anything a client sends that ends up near the file system.
#pragma once

#include "store/Store.h"

#include <QJsonObject>
#include <QString>

namespace cw::engine {

// Includes "path", the absolute path of the stored copy on the engine's machine, so a client
// on the same machine can hand the file itself to another editor (issue 6, hand-off).
QJsonObject mediaJson(const MediaRecord& media, const QString& baseUrl);

// Display name of an uploaded file: no directories, no "..", no control characters, at
// most 200 characters (keeping the extension), never empty. Only ever stored in the DB.
QString sanitizeFileName(const QString& name);
// ".mp4" for a short alphanumeric extension, else "".
QString safeExtension(const QString& fileName);
// Render job ids: [A-Za-z0-9_-]{1,64}.
bool isValidJobId(const QString& id);
QString mimeTypeForFile(const QString& path);

} // namespace cw::engine
