// Scene changes (hard cuts) of a video file, found by one ffmpeg pass of FFmpeg's scdet filter
// over the picture only (no sound, no subtitles), scaled down to 320 px wide first: a cut
// changes the whole picture, and averaging it down halves the score of noise and of the odd
// frame inside a shot (4.4 -> 2.9 on the clip below) while a cut's stays. Decoding is most of
// the cost, so the decoder skips its deblocking filter (-skip_loop_filter all): the picture
// only has to show a cut, and that pays for the scaling (the bench's scenes row).
// scdet scores each frame by how much more it differs from the frame before than that one did
// from its own predecessor (0-100), so steady motion and noise score low and a cut high.
// Measured (tests/engine/tst_scenes.cpp): an 8-shot clip of lavfi sources scores 12.7-42.4 at
// its cuts and at most 2.9 inside a shot; the single-shot clips of autoeditor-resources (the
// green-screen shot, testsrc, HEVC, 4:2:2) at most 2.5. kSceneThreshold sits between. A shot
// starting on a frame that differs a lot from its second (cellauto) also scores high on that
// second frame: of cuts closer than kMinShotMs the stronger one is kept.
// The same pass gives the picture's activity: scdet's mafd (mean absolute difference from
// the frame before, 0-100 on 8 bits) of every frame, the median of each second, so the one
// frame of a cut does not count as motion. Highlights use it next to loudness and speech.
// Slow (it decodes the whole file), so it runs in the background after an upload or on first
// use (agent/SceneCache.h shares one pass between them), and is cached as JSON per content
// hash (the store's analyses under "<hash>:scenes").
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace cw::engine {

inline constexpr double kSceneThreshold = 8.0;
inline constexpr qint64 kMinShotMs = 400;
// Bumped when the detection changes: an older cached analysis is then run again.
inline constexpr int kSceneFormat = 2;

struct SceneCut {
    qint64 ms = 0; // the first frame of the new shot, file time (what a segment's `in` uses)
    double score = 0;
    bool operator==(const SceneCut& o) const { return ms == o.ms && score == o.score; }
};

struct SceneAnalysis {
    bool ok = false;
    bool cancelled = false;
    QString error;        // user-facing when !ok
    QList<SceneCut> cuts; // ascending
    QList<float> motion;  // per second of file time: the median frame difference (mafd)

    QByteArray toJson() const;
    // ok=false when the JSON is not a complete analysis of this format.
    static SceneAnalysis fromJson(const QByteArray& json);
};

// The store key of a file's cached analysis.
QString sceneCacheKey(const QString& hash);

namespace scenes {
// ffmpeg's stderr -> the cuts scdet logged ("[scdet @ 0x..] lavfi.scd.score: 28.173,
// lavfi.scd.time: 3.32"), times floored to the ms (so a trim from there keeps the frame), at
// or above `threshold`, then thinned to one per kMinShotMs (pure).
QList<SceneCut> parseScdetLog(const QByteArray& stderrText, double threshold = kSceneThreshold);
// The per-second medians of the mafd values the metadata filter printed (pure). A frame's
// "pts_time:" line comes before its "lavfi.scd.mafd=" line.
QList<float> parseMotionLog(const QByteArray& stderrText);
// The ffmpeg arguments of the pass (without the -hide_banner -nostdin -nostats prefix).
QStringList detectArgs(const QString& path, double threshold = kSceneThreshold);
} // namespace scenes

// Runs the pass over `path` (blocking; call from a worker thread). onProgress gets 0..1 of
// durationMs when that is known; cancel stops it (cancelled=true, nothing cached). A
// background pass (queued at upload) runs ffmpeg at a lower CPU priority.
SceneAnalysis detectScenes(const QString& path, qint64 durationMs,
                           const std::function<void(double)>& onProgress = {},
                           const std::atomic_bool* cancel = nullptr, bool background = false);

int sceneAnalysesRun(); // passes run in this process (tests check the cache is used)

} // namespace cw::engine
