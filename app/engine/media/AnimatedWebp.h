// Animated WebP (stickers, phone "live" exports, GIF replacements): FFmpeg 5.1 reads only
// still WebP, so an animated one is decoded with libwebp's demuxer and written as an H.264
// clip at 30 fps (each output frame shows the WebP frame on screen at that time; alpha is
// dropped onto black). The upload keeps its name; its file becomes that clip.
#pragma once

#include <QString>

namespace cw::engine {

// True for a RIFF WebP whose header says it is animated (cheap: reads the header only).
bool isAnimatedWebp(const QString& path);

// Decodes `path` and writes `out` (MP4). Refuses canvases over 4096 px, more than 10 minutes
// or 20,000 frames (a hostile file cannot make the engine write for hours). On failure
// `error` says why and `out` does not exist.
bool convertAnimatedWebp(const QString& path, const QString& out, QString* error);

} // namespace cw::engine
