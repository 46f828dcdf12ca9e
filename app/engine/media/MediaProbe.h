// Probes a file's content with libavformat (never trusts the file name): what streams it
// has, how long it is, its picture size. A file that libavformat cannot open or that has no
// audio/video stream is not media (error code 4001). width/height are the *display* size —
// a phone's portrait clip stored as 1280x720 with a 90-degree display matrix is 720x1280,
// a 640x360 picture with 2:3 pixels is 426x360 — because that is what every later stage
// (canvas, previews, the render) must show.
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
    int width = 0; // display size: rotation and sample aspect applied
    int height = 0;
    int storedWidth = 0; // the decoded picture's size
    int storedHeight = 0;
    int rotation = 0; // clockwise degrees the picture is turned for display: 0, 90, 180, 270
    int sarNum = 1;   // sample (pixel) aspect ratio; 1:1 when the file says nothing
    int sarDen = 1;
    QString colorTransfer; // e.g. "bt709", "smpte2084" (PQ), "arib-std-b67" (HLG); empty: unknown
    int bitDepth = 8;      // of the picture's samples
    // The matrix of the picture's YUV samples for scale's in_color_matrix: "bt709", "bt601"
    // or "bt2020"; untagged pictures follow players' convention (HD is BT.709, SD BT.601).
    QString colorMatrix = QStringLiteral("bt709");
    double fps = 0;
    // Frame times that are not a steady rate (a phone in low light): the average (fps) says
    // nothing about the rate it was meant to play at.
    bool variableRate = false;
    QString videoCodec;
    QString audioCodec;
    int sampleRate = 0;
    int channels = 0;
    int audioStreams = 0; // more than one: the first default stream is used (reply says so)

    bool hdr() const; // PQ or HLG transfer: needs tone-mapping for an SDR export
};

MediaInfo probeMedia(const QString& path);

// probeMedia, remembered per path, size and modification time (renders ask for every input
// on every preview; a probe opens the file and reads its headers).
MediaInfo probeMediaCached(const QString& path);

} // namespace cw::engine
