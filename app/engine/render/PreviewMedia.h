// What makes the viewer fast: per-source proxies and one-frame renders of the draft.
//
// Proxies. Each video source gets, once per content (made in the background after upload,
// ProxyMaker.h), a copy at the preview's size (640 pixels on the long side, even sizes),
// 30 fps constant, every frame a keyframe, and its sound as a WAV file. The preview of the
// edit is then assembled from them (PreviewAssembly.h): cut stretches are stream-copied
// frame-exactly, only what the cut changes (titles, aspect, speed, looks) is drawn, by the
// export's own filter graph reading a 640-pixel intra stream (about ten times cheaper to
// decode than a phone's 1080p long-GOP original). This was chosen over decoding the draft in
// the app (a second compositor that would have to match the export's filters) and over
// caching per-segment renders (a cut moves every segment boundary, so little is reused): the
// picture comes from the export's filter graph, so viewer and export cannot disagree.
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

// ffmpeg arguments (without the program) that make the proxy of `source`: its picture into
// `videoOut` (mp4, video only) and, unless soundOut is empty, its sound into `soundOut` (WAV,
// 48 kHz stereo 16-bit: read back without decoding cost, no index to parse per open).
QStringList proxyArgs(const QString& source, const QString& videoOut, const QString& soundOut);
// The proxies' encoder: every frame a keyframe, H.264 High (the preview assembly encodes
// its drawn frames the same way, so copied and drawn frames join in one stream).
QStringList proxyVideoCodecArgs();

// Gives each segment of `track` its own input (key src#tag<n>, added to *to from `from`): a
// window of the source (-ss/-t) from the segment's in-point, which becomes 0. Many cuts of
// one shared input made every cut filter the whole file: 25 s for 10 minutes of sound.
void windowInputs(Track& track, const QHash<QString, RenderInput>& from, const QString& tag,
                  QHash<QString, RenderInput>* to);

// The inputs and the -filter_complex of a render command, without its outputs (callers add
// their own); empty with *error when the command has none.
QStringList renderGraphArgs(const RenderCommand& cmd, QString* error);

// The part of `draft` shown in [atMs, atMs + lengthMs) as a draft starting at 0: segments cut
// to the window, video pieces given their own input key (src#n) whose seek is their in-point
// (*inputs gets those entries, copied from `sources`); texts are only moved (a title fades
// from its own start, which may now be before 0). Audio tracks are left out: a still has no
// sound. Returns a draft without segments when nothing is on screen then.
Draft draftWindow(const Draft& draft, qint64 atMs, qint64 lengthMs,
                  const QHash<QString, RenderInput>& sources, QHash<QString, RenderInput>* inputs);

// The normal render command of `window` rewritten to write its first frame as a JPEG into
// `out` (the sound goes to a null output). Empty args with *error set when it cannot render.
RenderCommand frameCommand(const Draft& window, const QHash<QString, RenderInput>& inputs,
                           const RenderPreset& preset, const QString& out, const QString& textDir);

} // namespace cw::engine
