// Probes a file's content with libavformat (never trusts the file name): what streams it
// has, how long it is, its picture size. A file that libavformat cannot open or that has no
// audio/video stream is not media (error code 4001).
#pragma once

#include <QString>

namespace cw::engine {

struct MediaInfo {
    bool ok = false;
    int errorCode = 0; // cw::ErrorCode::UnsupportedFile when not usable media
    QString error;     // user-facing reason when !ok
    QString kind;      // "video", "audio" or "image"
    QString container; // libavformat short name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    qint64 durationMs = 0;
    bool hasVideo = false;
    bool hasAudio = false;
    int width = 0;
    int height = 0;
    double fps = 0;
    QString videoCodec;
    QString audioCodec;
    int sampleRate = 0;
    int channels = 0;
};

MediaInfo probeMedia(const QString& path);

} // namespace cw::engine
