// Turns received upload files into session media: probe the content (never the name), move
// it under media/<id><ext>, analyse its audio once per content hash (cached in the store),
// and append one segment per file to the session's draft as one new version. All files of
// a request are probed before any is stored, so a bad file stores nothing.
#pragma once

#include "store/Store.h"

#include <QList>
#include <QString>

namespace cw::engine {

struct ReceivedFile {
    QString displayName; // sanitised
    QString tempPath;    // deleted or moved by ingestUploads
    QString hash;        // sha256 hex
    qint64 size = 0;
};

struct IngestResult {
    bool ok = false;
    int code = 0; // ErrorCode when !ok
    QString error;
    QList<MediaRecord> media;
    int version = 0;
};

IngestResult ingestUploads(Store& store, const QString& sessionId,
                           const QList<ReceivedFile>& files);

} // namespace cw::engine
