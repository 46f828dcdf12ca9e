// Small pieces every part of the executor (Executor*.cpp) uses: the reply language switch,
// a failed outcome, and store rows as operation inputs.
#pragma once

#include "agent/Executor.h"
#include "edit/Operations.h"

#include <QString>

namespace cw::engine {

struct MediaRecord;

QString pick(bool zh, const char* en, const char* chinese);
OpOutcome failure(const QString& message); // draft unchanged; the message is the reply
MediaRef refOf(const MediaRecord& media);
// A file name the user typed matches an upload by full name or base name, ignoring case.
bool sameFileName(const QString& stored, const QString& asked);

} // namespace cw::engine
