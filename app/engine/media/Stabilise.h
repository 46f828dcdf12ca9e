// Stabilisation of shaky footage with FFmpeg's vid.stab, in its two passes. The first pass
// (vidstabdetect) measures the camera's motion between every pair of frames of a whole source
// file and writes it to a .trf file; it is the slow part (about as long as decoding the file)
// and depends only on the file's content, so it runs once per media and is cached under
// <data dir>/stabilise/<content hash>-v<format>.trf, shared by every session and segment using
// that content. The second pass (vidstabtransform) smooths the measured path and moves each
// frame against the shake; the render does it in the segment's chain (stabiliseFilter).
//
// vid.stab's transform takes the transforms in the order frames arrive (the n-th frame it sees
// gets the file's n-th transform), not by timestamp: so it must see the source's frames from
// the first one, before the segment's trim re-times them. A segment that starts late in a long
// file therefore transforms the frames before it too (a trim=end before it stops at the
// segment's end); a windowed input (a preview reading from -ss) or a proxy is never
// stabilised, since its frames are not the source's from frame 0.
#pragma once

#include "Draft.h"
#include "render/FfmpegRunner.h"
#include "render/RenderGraph.h"

#include <QHash>
#include <atomic>
#include <functional>

namespace cw::engine {

// Bumped when the detect options change: an old analysis is then not reused.
inline constexpr int kStabiliseFormat = 1;

// The segment asks for stabilisation (edit/Stabilise.h sets m.stab).
bool isStabilisedSegment(const Segment& s);

// Where the analysis of the media with content hash `hash` is cached; empty when either is
// unknown.
QString stabiliseCachePath(const QString& dataDir, const QString& hash);

// Runs the detect pass over the whole of `source` into `trfPath` unless that file exists
// (written to a temporary name and renamed on success, so a file that exists is complete).
// onProgress gets 0..1 of the file; cancel stops it. ok=false with a user-facing error when
// the file cannot be read or analysed (nothing is cached then).
RunResult analyseShake(const QString& source, qint64 durationMs, const QString& trfPath,
                       const std::function<void(double)>& onProgress,
                       const std::atomic_bool* cancel);

// How many detect passes ran in this process (tests check that a cached analysis is reused).
int shakeAnalysesRun();

// Before a render: analyses (or finds cached) every source a stabilised segment of the main
// track uses, and sets those inputs' stabTrf. When an analysis ran, it took the first part of
// the job's progress and *progress is replaced by one that maps the render to the rest.
RunResult prepareStabilisation(const Draft& draft, QHash<QString, RenderInput>* inputs,
                               std::function<void(double)>* progress,
                               const std::atomic_bool* cancel);

// The filters that stabilise segment s of input `in`, to go right after the input's label
// ("[3:v]") and before the segment's own trim; each ends in ','. Empty when the segment is not
// stabilised or its input has no analysis (or is not read from its first frame).
QString stabiliseFilter(const Segment& s, const RenderInput& in);

} // namespace cw::engine
