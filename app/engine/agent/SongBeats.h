// The beats of the song a montage is cut to, shared by the montage (ExecutorMontage.cpp) and
// the transitions on its downbeats asked for later (ExecutorDownbeats.cpp): found once per
// content hash and cached in the store, before the edit lock is taken (a full decode).
#pragma once

#include "agent/Executor.h"
#include "media/BeatDetect.h"
#include "store/Store.h"

#include <QJsonObject>
#include <optional>

namespace cw::engine {

// The song's beats from the store's cache, else found now and cached; nullopt with *failed
// set (the reason, a hint for a generated bed without a beat, "nothing was changed").
std::optional<BeatAnalysis> songBeats(Store& store, const MediaRecord& song, bool zh,
                                      OpOutcome* failed);

// File times -> timeline times for a song that plays from file time inMs at timeline time
// atMs: those at or after inMs, shifted (pure).
QList<qint64> songToTimeline(const QList<qint64>& fileMs, qint64 inMs, qint64 atMs);

// What addDownbeatTransitions did (its details), as a sentence: "3 of the 12 cuts fall on a
// downbeat (the first beat of a bar) and got a 0.25-s crossfade that starts on it; the other
// 9 stay hard cuts." (pure)
QString downbeatSentence(const QJsonObject& details, bool zh);

} // namespace cw::engine
