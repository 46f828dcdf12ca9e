// Turns received upload files into session media: probe the content (never the name), move
// it under media/<id><ext>, analyse its audio once per content hash (cached in the store),
// and append one segment per file to the session's draft as one new version. All files of
// a request are probed before any is stored, so a bad file stores nothing. The first picture
// sets the canvas's orientation (unless the user chose an aspect); a sound file in a project
// without pictures is the main track, not an extra audio track (see MediaIngest.cpp).
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
    // What was chosen or will be converted, in the session's language: the project's
    // orientation following a portrait clip, a sound file taken as the main track, HDR.
    QStringList notes;
};

IngestResult ingestUploads(Store& store, const QString& sessionId,
                           const QList<ReceivedFile>& files);

} // namespace cw::engine
