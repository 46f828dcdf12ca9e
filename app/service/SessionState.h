// Decoding of the shapes PROTOCOL.md allows for session state and render jobs. The cloud
// and the engine disagree in places (envelope data or top level; output.url or outputUrl),
// so every accepted form is handled here, in one place, and tested from tables.
#pragma once

#include "Draft.h"
#include "MediaItem.h"

#include <QJsonValue>
#include <QList>
#include <optional>

namespace cw {

struct SessionState {
    QString sessionId;
    QString taskId;
    int version = -1; // engine draft version; -1 when the backend does not say
    Draft draft;
    QList<MediaItem> media; // video_infos followed by generated_media
    QJsonObject canvas;

    // `data` of GET /api/state/.../latest. A missing or null draft decodes as an empty draft.
    static std::optional<SessionState> fromJson(const QJsonValue& data, QString* error = nullptr);
};

struct RenderStatus {
    QString id;
    QString status; // pending, processing, completed, failed, cancelled
    int progress = 0;
    QString outputUrl;
    QString outputPath; // output.path: the file itself, from the local engine only
    // window: a preview's playable part while the whole is drawn (local engine only)
    QString windowPath;
    qint64 windowFromMs = -1;
    qint64 windowToMs = -1;
    QString error;

    bool isDone() const;   // completed, failed or cancelled
    bool isFailed() const; // failed or cancelled
    // data of a render response in any form: {"data":{...}}, the object itself, with the URL
    // at output.url, outputUrl, data.output.url or data.outputUrl.
    static RenderStatus fromJson(const QJsonValue& data);
};

} // namespace cw
