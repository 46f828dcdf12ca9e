// The exit codes of `clipwright-engine` (documented in `--help` and the man page). Scripts
// branch on them, so they never change meaning; new failures get new numbers.
#pragma once

namespace cw::engine::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitInternal = 1,         // the engine itself failed (data folder, database, server)
    ExitUsage = 2,            // bad arguments: unknown option or preset, no --do, no input
    ExitBadInput = 3,         // an input is missing, unreadable or not media (API code 4001)
    ExitNotUnderstood = 4,    // the instruction planned nothing, or no operation applied
    ExitRenderFailed = 5,     // ffmpeg or the hand-off writer failed
    ExitOutputUnwritable = 6, // the output file or folder cannot be written
    ExitInterrupted = 130,    // SIGINT/SIGTERM: ffmpeg stopped, no partial output left
};

} // namespace cw::engine::cli
