// The containers an export is written in besides the MP4 (a local extension of PROTOCOL.md's
// output.format). Every format is the normal render's graph with other output options, so
// the sound of an MP3 is the sound of the MP4 of the same draft (clips, music and its ducking,
// loudness, voice tracks), never a second mixer:
//   mp4   H.264 High + AAC 192k (+faststart)      mov   the same in a QuickTime file
//   webm  VP9 (libvpx-vp9, realtime/cpu-used 6, row-mt, CRF 32) + Opus 128k
//   gif   at most 480 px on its long side, 12 fps, one palette for the whole clip
//         (palettegen + paletteuse in one pass), loops forever; at most kGifMaxMs long
//   mp3   LAME 192k      m4a   AAC 192k (iPod/M4A)      wav   PCM s16le
//         (mp3 and m4a at the preset's sound rate: 192k unless a size limit lowers it)
// All sound is 48 kHz stereo. The audio formats run the whole graph with a tiny picture that
// is dropped (nullsink): the joins time the sound by the picture's frames, so this is the only
// way to be the MP4's sound to the sample (soundOnly differs by up to a frame per join). The
// smart render writes MP4 only; other formats take the normal path.
#pragma once

#include "render/RenderGraph.h"

namespace cw::engine {

constexpr qint64 kGifMaxMs = 60000; // a GIF holds every frame in memory while its palette is made
constexpr int kGifLongSide = 480;
constexpr int kGifFps = 12;

QStringList outputFormats(); // mp4 mov webm gif mp3 m4a wav
bool isOutputFormat(const QString& format);
bool isAudioFormat(const QString& format); // mp3 m4a wav

namespace render {

// The preset the graph is built with for preset.format: the draft's aspect at the GIF's size
// (kGifLongSide on the long side) for a GIF, at a tiny size for the audio formats.
RenderPreset outputPreset(const RenderPreset& preset, const Draft& draft);

// The MP4 command buildRenderCommand made, written as preset.format instead (same graph, same
// rate, same loudness target). An MP4 is returned unchanged.
RenderCommand withOutputFormat(const RenderCommand& mp4, const RenderPreset& preset);

} // namespace render

} // namespace cw::engine
