// Stabilisation of shaky footage with FFmpeg's vid.stab, in its two passes. The first pass
// (vidstabdetect) measures the camera's motion between every pair of frames of a whole source
// file and writes it to a .trf file; it is the slow part (about as long as decoding the file)
// and depends only on the file's content, so it runs once per media and is cached under
// <data dir>/stabilise/<content hash>-v<format>.trf, shared by every session and segment using
// that content. The second pass (vidstabtransform) smooths the measured path and moves each
// frame against the shake; the render does it in the segment's chain (stabiliseFilter).
//
// vid.stab's transform takes the transforms in the order frames arrive (the n-th frame it sees
// gets the file's n-th transform), not by timestamp. So the detect pass also lists every
// frame's timestamp (<cache>.trf.pts), and before a render each stabilised segment gets the
// stretch of the analysis for the frames its trim keeps, renumbered from 1 (cached beside it):
// the render then transforms only those frames. When the timestamps cannot tell (out of
// order, or not as many as the analysed frames), the segment's chain reads the source from its
// first frame through the whole file's analysis instead, which is right but transforms every
// frame before the segment too. A windowed input (a preview reading from -ss) or a proxy is
// never stabilised: its frames are not the source's.
#pragma once

#include "Draft.h"
#include "render/FfmpegRunner.h"
#include "render/RenderGraph.h"

#include <QHash>
#include <atomic>
#include <functional>

namespace cw::engine {

// Bumped when the detect options change: an old analysis is then not reused.
inline constexpr int kStabiliseFormat = 2;

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
// track uses, and sets those inputs' stabTrf and stabFrom (each segment's own stretch). When
// an analysis ran, it took the first part of the job's progress and *progress is replaced by
// one that maps the render to the rest.
RunResult prepareStabilisation(const Draft& draft, QHash<QString, RenderInput>* inputs,
                               std::function<void(double)>* progress,
                               const std::atomic_bool* cancel);

// The filters that stabilise segment s of input `in`, to go right after the input's label
// ("[3:v]") and before the segment's own trim; each ends in ','. Empty when the segment is not
// stabilised or its input has no analysis (or is not read from its first frame).
QString stabiliseFilter(const Segment& s, const RenderInput& in);

// Internal to Stabilise*.cpp (StabiliseWindow.cpp), declared here for the tests.
namespace stabilise {
bool trfComplete(const QString& trf);  // vid.stab's header and at least one frame
QString ptsPathOf(const QString& trf); // the frames' timestamps beside the analysis
bool analysisComplete(const QString& trf);
// The part of the source a segment's chain reads, in ms: a second's margin either side (a
// frame straddling an edge; a held frame looks back half a second).
QPair<qint64, qint64> sourceWindow(const Segment& s);
// The analysis of the frames trim keeps from `window` of the source (and two seconds after,
// which the smoothing looks ahead into), renumbered from 1 as vidstabtransform counts them;
// cached beside the whole file's. Empty when the timestamps cannot say which frames those are.
QString windowAnalysis(const QString& trf, QPair<qint64, qint64> window);
} // namespace stabilise

} // namespace cw::engine
