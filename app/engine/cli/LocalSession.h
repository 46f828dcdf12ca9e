// The engine's session pieces for callers that hold local files instead of HTTP requests
// (the edit command): a new session's empty draft, ingesting files by path (a symlink into
// the data dir goes through the same probe/analysis/draft path as an upload). A draft's
// render inputs come from store/RenderInputs.h, shared with the HTTP routes.
#pragma once

#include "server/MediaIngest.h"
#include "store/Store.h"

#include <QString>
#include <QStringList>

namespace cw::engine {

// Checks that `path` is a readable, non-empty file libavformat can read as media; false
// with a user-facing *reason ("no such file", "is empty", "is not a video, audio or image
// file the engine can read: ...").
bool checkMediaFile(const QString& path, QString* reason);

// Adds the files to the session (in order) as one draft version, as an upload would.
IngestResult ingestLocalFiles(Store& store, const QString& sessionId, const QStringList& paths);

} // namespace cw::engine
