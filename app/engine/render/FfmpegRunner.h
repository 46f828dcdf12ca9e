// Runs ffmpeg as a child process (argument vector, no shell), reads `-progress pipe:1`
// to report progress, honours cancellation, and writes atomically: ffmpeg writes
// <final>.part (format forced), which is renamed over <final> only on success.
// Blocking: call from a worker thread (uses QProcess's waitFor* API, no event loop).
#pragma once

#include "render/RenderGraph.h"
#include "render/RenderStages.h"

#include <QString>
#include <atomic>
#include <functional>

namespace cw::engine {

struct RunResult {
    bool ok = false;
    bool cancelled = false;
    QString error;             // last lines of ffmpeg's stderr or the reason
    QList<StageTime> stages{}; // where the time went (RenderStages.h), when measured
};

// `command.args` must end with the output path; the runner replaces it with a .part path.
RunResult runFfmpeg(const RenderCommand& command, const QString& finalPath,
                    const std::function<void(double fraction)>& onProgress,
                    const std::atomic_bool* cancel);

// Runs one ffmpeg step (-hide_banner -nostdin -nostats are prepended) to completion,
// honouring cancel: 0 ok, 1 failed, 2 cancelled. stderr is appended to *err when given;
// stdout (e.g. `-progress pipe:1`) goes to onOutput in chunks as it arrives. A background
// step runs at a lower CPU priority (nice 10), so it yields to what the user waits for.
int runFfmpegStep(const QStringList& args, const std::atomic_bool* cancel, QByteArray* err,
                  const std::function<void(const QByteArray&)>& onOutput = {},
                  bool background = false);

// A reader of `-progress pipe:1` output for runFfmpegStep's onOutput: onFraction gets
// out_time over durationMs (0..1, never going back; "progress=end" is 1).
std::function<void(const QByteArray&)> progressReader(qint64 durationMs,
                                                      std::function<void(double)> onFraction);

QString ffmpegProgram(); // $CLIPWRIGHT_FFMPEG or "ffmpeg"

// The integrated loudness (EBU R128, LUFS) of `file`'s sound; NaN when it cannot be measured
// (*status 1) or the step was cancelled (2).
// `before`: filters measured through; `stages`: the step's times are added as "loudness measure".
double integratedLoudness(const QString& file, const std::atomic_bool* cancel, int* status,
                          const QString& before = {}, QList<StageTime>* stages = nullptr);
// The gain (dB, through loudnessGainFilter's limiter) that brings `file` within 0.5 LU of
// targetLufs; 0 when it already is or is silent. Returns 0 ok, 1 failed, 2 cancelled.
int loudnessGain(const QString& file, double targetLufs, const std::atomic_bool* cancel,
                 double* gainDb, QList<StageTime>* stages = nullptr);
QString loudnessGainFilter(double gainDb); // volume, then a limiter at -1.5 dBFS

} // namespace cw::engine
