// Where the subject is in the frame over time, for a reframing crop that follows it (a
// speaker who walks to the side stays in a vertical cut). One ffmpeg pass decodes the picture
// as small grey frames (kSubjectWidth wide, kSubjectFps a second, the deblocking filter
// skipped as for scene changes: the cost is the decode, as in one plain ffmpeg pass) and reads
// them from a pipe. Per frame: the largest frontal face OpenCV's Haar cascade finds (Debian's
// opencv-data), else the centroid of what changed since the frame before (a moving subject
// that is not a face), else nothing. A file where faces are seen in at least a fifth of the
// frames is followed by its faces alone (motion of hands or background would pull the crop
// off the speaker); otherwise by its motion; with neither the crop stays centred.
// The raw centres are cached as JSON per content hash under <data dir>/subjects/ (shared by
// sessions and by the chat, which runs it to say what the crop follows, and the render);
// SubjectPath.h smooths them into the crop's path for the output's frame.
// Draft meta (edit/Operations.h): m.reframe "subject" (follow, set by "make it vertical") or
// "centre"; absent (drafts from before) = centre. Only a crop (m.aspect_mode "crop") reads it.
#pragma once

#include "Draft.h"
#include "media/SubjectPath.h"
#include "render/FfmpegRunner.h"
#include "render/RenderGraph.h"

#include <QByteArray>
#include <QHash>
#include <atomic>
#include <functional>

namespace cw::engine {

inline constexpr int kSubjectFormat = 1; // bumped when the analysis changes
inline constexpr int kSubjectWidth = 256;
inline constexpr int kSubjectFps = 5;

struct SubjectTrack {
    bool ok = false;
    bool cancelled = false;
    QString error;                // user-facing when !ok
    QString kind;                 // "face", "motion" or "none": what the samples follow
    QList<SubjectSample> samples; // one per analysed frame, ascending

    QByteArray toJson() const;
    static SubjectTrack fromJson(const QByteArray& json); // ok=false unless complete
};

// <dataDir>/subjects/<hash>-v<format>.json; empty when either is unknown.
QString subjectCachePath(const QString& dataDir, const QString& hash);

// The draft's crop follows the subject: a crop aspect and m.reframe "subject".
bool draftFollowsSubject(const Draft& draft);

// Runs the pass (blocking; a worker thread). onProgress 0..1 of durationMs; cancel stops it.
SubjectTrack analyseSubjects(const QString& path, qint64 durationMs,
                             const std::function<void(double)>& onProgress = {},
                             const std::atomic_bool* cancel = nullptr);

// The cached analysis at cachePath, or a new one written there (temporary name, renamed).
SubjectTrack cachedSubjects(const QString& path, qint64 durationMs, const QString& cachePath,
                            const std::function<void(double)>& onProgress = {},
                            const std::atomic_bool* cancel = nullptr);

int subjectAnalysesRun(); // passes run in this process (tests check the cache is used)

// Before a render of a draft that follows the subject: analyses (or reads) each main-track
// video and sets its input's reframe path for the draft's output frame (outW x outH). With
// `analyse` false only cached analyses are used (the preview never waits for one). When an
// analysis ran, it took the first part of the progress and *progress maps the rest.
RunResult prepareReframe(const Draft& draft, QHash<QString, RenderInput>* inputs, int outW,
                         int outH, std::function<void(double)>* progress,
                         const std::atomic_bool* cancel, bool analyse = true);

namespace subjects {
// The crop's size as a fraction of a srcW x srcH picture covered by an outW x outH frame.
QPair<double, double> cropFraction(int srcW, int srcH, int outW, int outH);
// Which samples to follow: faces when found in >= a fifth of the frames, else motion.
QString chooseKind(int faces, int motion, int frames);
} // namespace subjects

} // namespace cw::engine
