// What the operation rows (issue 16's speed bar: BenchOperationRows.cpp, BenchMotionRows.cpp)
// share: a fresh engine with the short clip and one chat message applied, the engine's own
// plan and filter graph for the draft, and the alternated best-of-2 timing of the engine's
// 1080p export against the hand-written baseline, wall and CPU seconds.
#pragma once

#include "BenchRows.h"

#include "render/RenderGraph.h"

#include <functional>

namespace cw::bench {

QString sec(qint64 ms);

// What the engine would do with the draft: smart render (and how many frames it encodes) or
// the normal render, and the normal render's filter graph.
struct EnginePath {
    bool smart = false;
    QString why; // the reason the smart render does not apply
    int encoded = -1;
    int total = -1;
    QString graph;
};

// `picture` is an overlay's file. `adjust` may change the render inputs before the plan (a
// stabilised row points them at the engine's analysis).
EnginePath
enginePath(const QJsonObject& json, const QString& source, const QString& picture,
           const QString& workDir,
           const std::function<void(QHash<QString, cw::engine::RenderInput>*)>& adjust = nullptr);

// One ffmpeg command with the export's x264/AAC settings: inputs, then filters and maps.
QStringList handWritten(const QStringList& inputs, const QStringList& filters, const QString& x264,
                        const QString& output);

// Runs the commands one after the other; times and CPU seconds add up, ok when all succeed.
ProcResult runCommands(const QList<QStringList>& commands);

// A stream copy of the short clip into the work dir as `name` (a second clip to upload);
// empty with *error when ffmpeg fails.
QString copyOfClip(const Context& ctx, const QString& name, QString* error);

// A fresh engine with the short clip (and `extra` uploads), one chat message applied.
struct Edited {
    cw::test::TestEngine engine;
    std::unique_ptr<cw::test::EngineClient> c;
    QString sid;
    QJsonObject draft;
    QString reply;
    QString error;
};

bool edit(const Context& ctx, const QStringList& extra, const QString& message, Edited* e);

// Waits (at most timeoutMs) until the process has no running children: the engine makes an
// upload's preview proxies in the background, which would otherwise compete with the first
// runs and add their CPU seconds to an export's.
void waitIdle(qint64 pid, int timeoutMs = 120000);

// The baseline of one run: its result (all its ffmpeg processes together).
using Baseline = std::function<ProcResult()>;

struct MeasureOptions {
    QJsonObject draft;                  // rendered instead of the session's head when not empty
    std::function<void()> beforeRender; // before each of the engine's exports
};

// Alternates the baseline and the engine's export (2 runs each) and fills the row; `path` is
// asked after the runs (so it may read what the engine left, e.g. an analysis).
void measure(const Context& ctx, Edited& e, const Baseline& baseline, const QString& out,
             const std::function<EnginePath()>& path, Row* row, const MeasureOptions& options = {});
void measure(const Context& ctx, Edited& e, const QStringList& args, const QString& out,
             const EnginePath& path, Row* row, const QJsonObject& draft = {});

Row operationRow(const char* id, const char* metric);

} // namespace cw::bench
