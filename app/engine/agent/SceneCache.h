// The scene analysis (media/SceneDetect.h: cuts, and the picture's activity from the same
// decode) of one media, shared by everyone who needs it: the background pass queued at upload
// (server/AnalysisQueue.h) and the chat operations that need the scene list. The store's cache
// is read first. Otherwise at most one pass per content hash runs at a time (an in-flight
// map): a second caller waits for the running pass instead of starting another scdet, sees its
// progress through its own hook, and may stop waiting when its own turn is cancelled; the pass
// goes on for the others. A pass cancelled by the caller that started it ends with nothing
// cached, and whoever was waiting starts it again (one of them; the rest wait for that one).
// The map is process-wide and keyed by content hash: the same content gives the same cuts.
#pragma once

#include "media/SceneDetect.h"

#include <atomic>
#include <functional>

namespace cw::engine {

class Store;
struct MediaRecord;

// Cached, joined or run now (blocking; call it from a worker thread, before any edit lock).
// `background` runs a pass this call starts at a lower CPU priority.
SceneAnalysis sceneAnalysisOf(Store& store, const MediaRecord& media,
                              const std::function<void(double)>& onProgress,
                              const std::atomic_bool* cancel, bool background = false);

// True when the store holds a complete analysis of `media` in the current format.
bool sceneAnalysisCached(Store& store, const MediaRecord& media);

// Passes running now in this process (tests).
int scenePassesInFlight();

} // namespace cw::engine
