// Analyses uploaded video in the background: the scene changes and, from the same decode, the
// picture's activity (media/SceneDetect.h), so "split at every scene change", the highlights
// and B-roll on scene boundaries read a cache instead of making the user wait for a pass. One
// thread, one ffmpeg at a time at a lower CPU priority and never beside a proxy being made
// (BackgroundSlot.h), so the two cores stay with the user. A chat request that needs a pass
// already running waits for it (agent/SceneCache.h: its progress shows in the chat and the
// turn can still stop waiting); one that needs a pass still queued runs it itself, and the
// queue then finds it cached. stop() (engine shutdown) empties the queue and kills the running
// pass: nothing is cached, no ffmpeg is left. CLIPWRIGHT_ANALYSE_AT_UPLOAD=0 turns it off
// (analyses then run on first use, as before).
#pragma once

#include "server/MediaQueue.h"
#include "store/Store.h"

#include <functional>

namespace cw::engine {

class AnalysisQueue {
public:
    explicit AnalysisQueue(Store& store);

    static bool enabled();                  // CLIPWRIGHT_ANALYSE_AT_UPLOAD is not "0"
    void request(const MediaRecord& media); // queued unless analysed, queued or not video
    void stop() { m_queue.stop(); }         // cancels the running pass and joins
    // While this says so, the next pass waits (polled; stop() still ends the wait): the
    // engine lets the preview proxies go first, since the viewer needs them at once.
    void setYieldTo(std::function<bool()> busy) { m_yieldTo = std::move(busy); }

private:
    void analyse(const MediaRecord& media, const std::atomic_bool* cancel);

    Store& m_store;
    std::function<bool()> m_yieldTo;
    MediaQueue m_queue; // last: its thread stops before the members it uses go
};

} // namespace cw::engine
