// `clipwright-engine [serve] --listen host:port --data-dir DIR`: the HTTP engine the desktop
// app starts as a child process (see ServeCommand.cpp for the start-up contract).
#pragma once

#include <QStringList>
#include <sys/types.h>

namespace cw::engine::cli {

// arguments: the program name followed by the serve options ("serve" already removed).
// startedBy: the parent pid read before anything else ran (for --exit-with-parent).
int runServe(const QStringList& arguments, pid_t startedBy);

} // namespace cw::engine::cli
