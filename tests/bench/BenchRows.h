// The benchmark rows. Each function measures Clipwright and its baseline in the same run and
// returns filled rows (value < 0 with a note when something could not be measured).
#pragma once

#include "BenchSupport.h"

namespace cw::bench {

struct Context {
    bool quick = false;
    QString mediaDir;
    QString talk;    // the long talking clip (10 min; --quick: 40 s), 1280x720
    QString shortHd; // the 30-s (--quick: 10 s) 1080p clip
    QString big;     // the large upload (~480 MB; --quick: ~40 MB)
    QString hevc10;  // 1080p30 HEVC Main10 with speech, as long as `talk` (probe row only)
    QString hlg;     // HLG 1080p60 HEVC Main10, 20 s (--quick: 4 s) (tone-map rows only)
    QString sdr;     // its 8-bit BT.709 twin: the same picture and sound
    // Issue 19's sources (make_media.sh --sources), 60 s (--quick: 12 s) each.
    QString srcHevc8, src4k, srcVfr, srcNtsc;
    QString workDir; // outputs of the baselines
    QString x264;    // encoder preset both sides use
    QString binDir;
};

Row analysisRow(const Context& ctx);
// Issue 14's speed: the upload's probe + analysis of the HEVC 10-bit clip against one
// `ffmpeg -vn -af silencedetect` pass; and the HLG export against its SDR twin's and plain
// ffmpeg's (BenchMediaRows.cpp).
Row probeAnalysisRow(const Context& ctx);
QList<Row> toneMapRows(const Context& ctx);
// Issue 19: "cut the pauses" + 1080p export with the normal render on HEVC 1080p30, the HLG
// clip, H.264 4K, a variable rate and 29.97 fps, each against plain ffmpeg commands for the
// same kept ranges (BenchSourceRows.cpp).
QList<Row> sourceRows(const Context& ctx);
// Issue 19's fast export on the HEVC 1080p30 source against a plain x265 re-encode of the kept
// ranges and the default H.264 export, in the same run (BenchFastRow.cpp).
QList<Row> fastRows(const Context& ctx);
// Cut-only 720p export of the long clip (smart render as the engine does it; a second row
// with CLIPWRIGHT_SMART_RENDER=0 when the engine knows the variable) and the chat latency
// rows, all on one analysed upload of the long clip.
QList<Row> longClipRows(const Context& ctx);
// Upload -> "cut the pauses, add background music, add a title" -> 1080p export of the short
// clip, then the export alone against a hand-written ffmpeg command for the same draft, and
// the same flow with CLIPWRIGHT_SMART_RENDER=0 when the engine knows the variable.
QList<Row> shortClipRows(const Context& ctx);
Row uploadMemoryRow(const Context& ctx);
Row appStartRow(const Context& ctx);
// The viewer after "cut the pauses": message -> still and message -> playable preview, on
// the short and the long clip (BenchViewerRows.cpp).
QList<Row> viewerRows(const Context& ctx);
// Issue 16's speed bar for single operations: a fade in + out of the whole short clip and a
// logo in a corner at 80% opacity, each exported by the engine against one hand-written
// ffmpeg command (BenchOperationRows.cpp).
Row fadeRow(const Context& ctx);
Row logoRow(const Context& ctx);
// "Put both clips side by side" (a second upload of the short clip) against one hstack command.
Row splitRow(const Context& ctx);
// "Play the last 5 seconds backwards" against one split/trim/reverse/concat command.
Row reverseRow(const Context& ctx);
// Issue 16's bar for the layout, motion, timer and sound operations (BenchMotionRows.cpp):
// picture-in-picture, stabilise (both passes, a first export), a steady and a gradual zoom,
// a held last frame, a 3x loop, a countdown and a timecode, "clean up the audio".
Row pipRow(const Context& ctx);
Row stabiliseRow(const Context& ctx);
QList<Row> zoomRows(const Context& ctx);
Row freezeRow(const Context& ctx);
Row loopRow(const Context& ctx);
QList<Row> timerRows(const Context& ctx);
Row cleanupRow(const Context& ctx);
// Issue 17: scene analysis per minute of footage against one plain scdet pass (BenchSceneRow.cpp).
Row sceneRow(const Context& ctx);
// Issue 17: the reframe's subject analysis per minute against one plain pass decoding the same
// small grey frames (BenchReframeRow.cpp).
Row reframeRow(const Context& ctx);
// Beat analysis per minute of music against aubio's own tracker (BenchBeatRow.cpp).
Row beatRow(const Context& ctx);
// Issue 17: a 1-minute audio-only audiogram export against one showwaves command
// (BenchAudiogramRow.cpp).
Row audiogramRow(const Context& ctx);
// Issue 17: the long clip compressed to under 50 MB against two plain ffmpeg passes at the
// engine's planned bitrate (BenchSizeRow.cpp).
Row sizeRow(const Context& ctx);
Row plannerRow(const Context& ctx);
std::optional<Row> timelinePaintRow(const Context& ctx);

// Whether the engine binary reads CLIPWRIGHT_SMART_RENDER (older builds have no smart path).
bool engineKnowsSmartRender(const Context& ctx);

// The hand-written ffmpeg command for a draft (cuts by select/aselect, music, title),
// at the given size and encoder settings.
QStringList handWrittenExport(const QJsonObject& draft, const QString& source, const QString& music,
                              int width, int height, const QString& x264, const QString& output,
                              QString* error);

} // namespace cw::bench
