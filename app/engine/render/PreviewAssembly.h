// The preview of the edit, assembled from proxies (PreviewMedia.h) instead of rendered whole.
// The timeline is cut into frame ranges (30 fps, frames counted as the normal render counts
// them: a segment keeps ceil(d*fps) frames from the first frame at or after its in-point):
// - copied: a plain stretch of a clip whose proxy already is the preview's picture (same
//   size, normal speed, nothing drawn over it, no look): taken from the proxy by the concat
//   demuxer, frame-exact because every proxy frame is a keyframe;
// - drawn: everything else (titles, B-roll, looks, speed, another aspect, stills, clips
//   without a proxy yet), laid end to end as one "batch" draft and rendered by the normal
//   render graph in one ffmpeg run, every frame a keyframe, then cut back into place;
// - the sound: the normal render graph's audio for the whole draft, read from the proxies'
//   WAV files and written as PCM (no encoder: an AAC encode alone took 1.5 s per 2 minutes).
// The three join into a MOV (H.264 + PCM) by stream copy. Timelines the plan does not cover
// (transitions, gaps, layers running past the picture) are not eligible: the caller renders
// them whole (from proxies where it can), which is slower but the same picture.
//
// A change of the whole picture ("make it vertical", a look) leaves nothing to copy: every
// frame is drawn, about 5.5 s per minute of timeline on two cores, so a 10-minute edit would
// play after a minute. Given the viewer's playhead, such a preview is progressive: first a
// window of kPreviewWindowMs from the playhead, drawn by the same graph on draftWindow()
// while the sound pass runs beside it, joined with its part of that sound and handed over
// (about 1.5 s); then the whole preview as usual, reusing the sound. The viewer plays the
// window and waits at its end for the whole file.
#pragma once

#include "render/FfmpegRunner.h"
#include "render/SmartRender.h"

namespace cw::engine {

struct PreviewPiece {
    bool copy = false; // from the proxy of `src`; else from the batch
    QString src;
    int from = 0; // frames of the proxy or the batch
    int to = 0;
};

struct PreviewPlan {
    bool eligible = false;
    QString reason;
    int width = 0;
    int height = 0;
    int fps = 30;
    int totalFrames = 0;
    QList<PreviewPiece> pieces;
    Draft batch; // the drawn ranges end to end (no audio tracks)
    QHash<QString, RenderInput> batchInputs;
    int batchFrames = 0;
    Draft sound; // the draft as its sound is made (each picture segment reads its own window)
    QHash<QString, RenderInput> soundInputs;
    int copiedFrames() const;
};

// Pure. proxies: media id -> its probed video proxy (only ok ones are used).
PreviewPlan planPreview(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                        const QHash<QString, SmartSource>& proxies, const RenderPreset& preset);

// ffmpeg arguments (pure): the batch as an all-intra video-only mp4 of exactly
// plan.batchFrames frames, and the sound of plan.sound as a WAV file.
QStringList previewBatchArgs(const PreviewPlan& plan, const RenderPreset& preset,
                             const QString& out, const QString& textDir, QString* error);
QStringList previewSoundArgs(const PreviewPlan& plan, const QString& out, const QString& textDir,
                             QString* error);

constexpr qint64 kPreviewWindowMs = 10000;

// The progressive part (see above): the window is made when the drawn frames are more than
// two windows' worth and atMs >= 0; `ready` is called with the window's timeline range once
// `path` is complete.
struct PreviewWindow {
    qint64 atMs = -1;
    QString path;
    std::function<void(qint64 fromMs, qint64 toMs)> ready;
};

// Plans and runs it: false (with the reason in error) when not eligible or a step failed;
// the caller then renders the usual way. Progress 0..1; cancel stops the running child.
RunResult runPreviewAssembly(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                             const RenderPreset& preset, const QString& finalPath,
                             const QString& workDir,
                             const std::function<void(double fraction)>& onProgress,
                             const std::atomic_bool* cancel, const PreviewWindow* window = nullptr);

} // namespace cw::engine
