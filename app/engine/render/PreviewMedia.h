// What makes the viewer fast: per-source proxies and one-frame renders of the draft.
//
// Proxies. Each video source gets, once per content (made in the background after upload,
// ProxyMaker.h), a copy at the preview's size (640 pixels on the long side, even sizes),
// 30 fps constant, every frame a keyframe (H.264 High, x264 ultrafast with 8x8dct so the
// stream is High and the smart render accepts it), with its sound as AAC. The preview of the
// edit is then the ordinary render of the draft with proxies in place of the sources: a cut
// timeline is stream-copied frame-exactly by the smart render (every frame starts a clean
// GOP), only titled frames are re-encoded; everything else (aspect, speed, looks,
// transitions) re-encodes from a 640-pixel intra stream, about ten times cheaper to decode
// than the phone's 1080p long-GOP original. This was chosen over decoding the draft in the
// app (a second compositor that would have to match the export's filters) and over caching
// per-segment renders (a cut moves every segment boundary, so nothing would be reused): the
// picture comes from the export's own filter graph, so viewer and export cannot disagree.
//
// Frames. "The frame under the playhead" is the same graph run on a one-frame window of the
// draft (draftWindow), each piece's input opened with a seek (-ss) to its in-point, written
// as one JPEG: ~100 ms from an intra proxy, where a render of the whole timeline would need
// seconds.
#pragma once

#include "Draft.h"
#include "render/RenderGraph.h"

#include <QStringList>

namespace cw::engine {

constexpr int kProxyLongSide = 640;
constexpr int kProxyFormat = 1; // part of the proxy's file name: a new format, new proxies

// ffmpeg arguments (without the program) that make the proxy of `source` into `out` (mp4).
QStringList proxyArgs(const QString& source, const QString& out, bool hasAudio);

// The part of `draft` shown in [atMs, atMs + lengthMs) as a draft starting at 0: segments cut
// to the window, video pieces given their own input key (src#n) whose seek is their in-point
// (*inputs gets those entries, copied from `sources`). Audio tracks are left out: a still
// has no sound. Returns a draft without segments when nothing is on screen then.
Draft draftWindow(const Draft& draft, qint64 atMs, qint64 lengthMs,
                  const QHash<QString, RenderInput>& sources, QHash<QString, RenderInput>* inputs);

// The normal render command of `window` rewritten to write its first frame as a JPEG into
// `out` (the sound goes to a null output). Empty args with *error set when it cannot render.
RenderCommand frameCommand(const Draft& window, const QHash<QString, RenderInput>& inputs,
                           const RenderPreset& preset, const QString& out, const QString& textDir);

} // namespace cw::engine
