// `clipwright-engine edit INPUT... --do TEXT [-o OUT]`: the headless batch editor. Runs the
// engine in-process (no HTTP): a store in a temporary work folder (or --data-dir), the
// inputs ingested as an upload would be, the instruction planned and applied by the same
// Planner/Executor as POST /run_sse, then the same render graph and ffmpeg runner as a
// render job (or a hand-off writer). Options, output rules and exit codes: EditOptions.h,
// ExitCode.h, `clipwright-engine edit --help`, clipwright-engine(1).
#pragma once

#include <QStringList>

namespace cw::engine::cli {

// arguments: the program name followed by the edit options ("edit" already removed).
int runEdit(const QStringList& arguments);

} // namespace cw::engine::cli
