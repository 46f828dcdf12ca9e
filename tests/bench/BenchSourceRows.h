// Issue 19's export-speed rows on the sources people have (BenchSourceRows.cpp) and the
// plain-ffmpeg commands they are measured against (BenchSourceCommands.cpp).
#pragma once

#include "BenchRows.h"

#include <QPair>
#include <optional>

namespace cw::bench {

// What "cut the pauses" kept of one source, read from the draft.
struct SourceCut {
    QString file;
    QString hdrTransfer;               // "arib-std-b67" for the HLG clip: tone-mapped
    QString rate;                      // the project's rate as ffmpeg takes it ("30000/1001")
    QList<QPair<qint64, qint64>> keep; // (in, d) ms of the main track's segments, in order
    qint64 keptMs = 0;
};

// Submits a 1080p export (fast: output.fast, the source's codec kept) and polls it; wall
// seconds, the engine tree's CPU in *cpu, the status's "stages" in *stages.
std::optional<double> exportOnce(cw::test::EngineClient& c, const QString& sid, qint64 pid,
                                 double* cpu, QString* path, QJsonArray* stages, QString* error,
                                 bool fast = false);
SourceCut sourceCut(const QJsonObject& draft, const QString& file, const QString& hdrTransfer);
// One input per kept range (input-side -ss/-t: decodes only those ranges), concat.
QStringList rangesCommand(const SourceCut& cut, int width, int height, const QString& x264,
                          const QString& output);
// One input decoded whole, the kept frames chosen by select/aselect.
QStringList selectCommand(const SourceCut& cut, int width, int height, const QString& x264,
                          const QString& output);

} // namespace cw::bench
