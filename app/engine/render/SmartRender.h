// Smart render: a draft whose picture is only cut from sources that already are what the
// output would be (H.264 High, yuv420p, the preset's size and frame rate) is exported
// without re-encoding most of the picture. Per segment [a, b) (frames), the head up to the
// first clean keyframe and the tail after the last clean cut point are re-encoded with the
// output's x264 settings; the GOPs between are stream-copied. Adjacent re-encoded parts
// (tail of one segment + head of the next) share one encoder run, so the joins themselves
// are always inside re-encoded video. Frames under a title or in the whole video's fade in /
// out are re-encoded too, with the normal render's drawtext and fade filters at their timeline
// times. The pieces are joined
// by the concat demuxer, whose auto_convert turns every piece into Annex B with in-band
// SPS/PPS at each IDR, so pieces with different parameter sets decode cleanly. The sound is
// made again in the final mux: the main track's audio cut from the same frame-aligned
// ranges (so A/V stays in sync at every join), then the normal render's music mix, denoise
// and loudness (RenderLayers.cpp).
//
// Clean cut points are found from the packet list in decode order: a prefix of the decode
// order that holds exactly the first j frames in display order can end a copy (no copied
// frame references a later one); a keyframe at such a point can start one (closed GOP).
//
// Anything else (speed, transitions, looks, aspect, B-roll, gaps, stills, scaling, other
// codecs, VFR, sound or text past the picture) falls back to the normal render
// (RenderGraph.h). HEVC sources are smart-rendered in HEVC when the export asks to keep the
// source's codec (fast export, SmartCodec.h).
#pragma once

#include "render/FfmpegRunner.h"
#include "render/RenderFilters.h"
#include "render/RenderGraph.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVector>

namespace cw::engine {

// What the smart path needs to know about a source's video stream (probed with libavformat;
// tests build it by hand).
struct SmartSource {
    QString path;
    bool ok = false;
    QString error;
    QString codec;   // "h264"
    int profile = 0; // FF_PROFILE_H264_* (100 = High)
    QString pixFmt;  // "yuv420p"
    bool progressive = true;
    int width = 0;
    int height = 0;
    int fpsNum = 0; // r_frame_rate; must equal avg_frame_rate (constant frame rate)
    int fpsDen = 1;
    int sarNum = 0; // 0/1 or 1/1
    int sarDen = 1;
    int tbNum = 1; // video stream time base
    int tbDen = 1;
    bool hasAudio = false;
    // For a re-encode in the source's own codec (SmartCodec.h): its level (codec units, HEVC
    // 30 x level), colour description (ffmpeg names, "" when unspecified) and the bytes of
    // each video packet (decode order), the bit budget of a re-encoded stretch.
    int level = 0;
    bool hdr = false; // PQ or HLG transfer: copied only by fast export (SmartCodec.h)
    QString colorPrimaries;
    QString colorTrc;
    QString colorSpace;
    QString colorRange;
    QVector<int> bytes;
    // Decode order: frame index (pts in frames from the first frame), dts in time-base units
    // and key flag of every video packet. Frame indices must be a permutation of 0..n-1.
    QVector<int> frame;
    QVector<qint64> dts;
    QVector<bool> key;

    int frameCount() const { return int(frame.size()); }
};

// Reads the video packets of `path` (no decoding).
SmartSource probeSmartSource(const QString& path);
// The same, remembered per file (path, size and modification time) for files that do not
// change: uploads and their proxies (reading a 10-minute proxy's packets takes ~0.3 s, on
// every preview of every edit).
SmartSource probeSmartSourceCached(const QString& path);

struct SmartRange {
    QString src;
    int from = 0; // first frame
    int to = 0;   // one past the last frame
    int frames() const { return to - from; }
};

struct SmartPiece {
    bool copy = false; // stream-copied (one range) or re-encoded (one or more ranges)
    QList<SmartRange> ranges;
    int frames() const;
};

struct SmartPlan {
    bool eligible = false;
    QString reason; // why not (for logs and tests), empty when eligible
    int width = 0;
    int height = 0;
    FrameRate fps;
    QList<SmartRange> segments; // the timeline, frame-aligned, in order
    QVector<double> volumes;    // each segment's own sound level
    QList<SmartPiece> pieces;
    QList<QPair<int, int>> redrawn;           // timeline frames [first, second) under a title
    QString profile = QStringLiteral("high"); // x264 profile of the re-encoded pieces
    QString codec = QStringLiteral("h264");   // the sources' codec, kept (SmartCodec.h)
    Draft draft; // what the plan was made from: the sound and the titles
    QHash<QString, RenderInput> inputs;
    int copiedFrames() const;
    int encodedFrames() const;
    int totalFrames() const;
};

// Checks that need only the draft (no probing): one video track, cut only, no gaps; sound
// and text within the picture.
bool draftSuitsSmartRender(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                           const RenderPreset& preset, QString* reason);

// Probes every source of the draft's video track (media id -> source).
QHash<QString, SmartSource> probeSmartSources(const Draft& draft,
                                              const QHash<QString, RenderInput>& inputs);

// Pure: the draft's plan against probed sources (keyed by media id).
SmartPlan planSmartRender(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                          const QHash<QString, SmartSource>& sources, const RenderPreset& preset);

// The job log's one line naming why an export takes the normal render ("engine: smart render
// steps aside: <reason>"); nothing for an empty reason or a preview.
void logSmartStepAside(const QString& reason, const RenderPreset& preset);

// True unless CLIPWRIGHT_SMART_RENDER is "0".
bool smartRenderEnabled();

// Prefix j of the decode order is clean when it holds exactly display frames 0..j-1 (a copy
// may end there); a copy may start at frame j when, in addition, the packet at decode
// position j is the keyframe of frame j (closed GOP).
QVector<bool> cleanPrefixes(const SmartSource& s);
bool startsCleanGop(const SmartSource& s, const QVector<bool>& clean, int frame);

// --- The commands (pure; SmartCommands.cpp) ---

// Re-encoded pieces grouped into one encoder run: plan.pieces indices, each piece's first
// frame in the run, and the run's frame and input counts.
struct SmartBatch {
    QList<int> pieces;
    QList<int> starts;
    int frames = 0;
    int inputs = 0;
};

// The titles' drawtext filters and their spans (ms), as render::textOverlays makes them.
struct SmartTitles {
    QStringList filters;
    QList<QPair<qint64, qint64>> spans;
};

QVector<int> pieceTimelineStarts(const SmartPlan& plan); // first timeline frame of each piece
// terms joined by '+' for a select expression, in groups (the parser refuses 100 terms).
QString smartSelectSum(const QStringList& terms);
// About `count` batches of equal frame counts, pieces in timeline order.
QList<SmartBatch> planSmartBatches(const SmartPlan& plan, int count);
// What one batch decodes: per entry a source's frames from a clean keyframe `key` through
// `last` (decode positions up to packetEnd), of which `windows` ([from, to) frames) are kept.
struct SmartDecode {
    QString src;
    int key = 0;
    QList<QPair<int, int>> windows;
    int packetEnd = 0;
    int last = 0;
};
QList<SmartDecode> smartBatchDecodes(const SmartPlan& plan,
                                     const QHash<QString, SmartSource>& sources,
                                     const SmartBatch& batch);
// One batch as one x264 stream into `out` (mp4, video only), an IDR at each piece's start,
// decoded in one pass from a concat list (to be written to listPath) over the sources'
// video-only copies (videoOnly: media id -> file; the source itself when missing).
struct SmartBatchCommand {
    QStringList args;
    QByteArray list;
    int decodedFrames = 0; // frames decoded, lead-ins included
};
SmartBatchCommand smartBatchCommand(const SmartPlan& plan,
                                    const QHash<QString, SmartSource>& sources,
                                    const RenderPreset& preset, const SmartBatch& batch,
                                    const SmartTitles& titles,
                                    const QHash<QString, QString>& videoOnly,
                                    const QString& listPath, const QString& out);
// The sound of the whole timeline as an AAC file (mp4), or as 16-bit PCM (wav) to be brought
// to a loudness target before its one AAC encode; *mix tells about loudness.
QStringList smartSoundCommand(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                              const RenderPreset& preset, const QString& out, render::AudioMix* mix,
                              bool pcm = false);
// Concat demuxer lines that take frames [from, to) of `file` (packets as in `s`).
QStringList smartConcatEntry(const QString& file, const SmartSource& s, int from, int to,
                             double fps);
QString ffconcatQuoted(const QString& path); // '...' with ' written as '\''

// Runs the plan: re-encodes the pieces into workDir, then concatenates them and the audio
// into finalPath (via .part + rename). Progress 0..1; cancel kills the running child.
RunResult runSmartRender(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                         const RenderPreset& preset, const QString& finalPath,
                         const QString& workDir,
                         const std::function<void(double fraction)>& onProgress,
                         const std::atomic_bool* cancel);

} // namespace cw::engine
