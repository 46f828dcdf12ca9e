// One uploaded file as the backend reports it (upload response and state.video_infos).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace cw {

struct MediaItem {
    QString id;       // engine media id ("media_id"); may be empty on the cloud
    QString fileName; // "filename"
    QString kind;     // "file_type": video, audio, image
    QUrl url;         // "cdn_url" / "url"
    qint64 durationMs = 0;
    int width = 0;
    int height = 0;
    double fps = 0;
    QString hash;
    // "path": the stored copy's absolute path on the engine's machine (local engine only;
    // empty for the cloud). Used to hand the real file to other editors.
    QString localPath;
    bool hasVideo = true; // "has_video"; without it, from the kind
    bool hasAudio = true; // "has_audio"; without it, from the kind

    static MediaItem fromJson(const QJsonObject& json); // accepts upload and state forms
};

} // namespace cw

Q_DECLARE_METATYPE(cw::MediaItem)
