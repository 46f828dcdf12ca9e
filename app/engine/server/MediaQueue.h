// One background thread that works through uploaded media one at a time, each content (hash)
// once while the engine runs. The preview proxies (ProxyMaker) and the analysis after upload
// (AnalysisQueue) differ only in the work done per media, so the queue, its thread and its
// stop are here once. The thread starts with the first media; stop() (engine shutdown) drops
// what waits, raises the cancel flag the running work polls, and joins.
#pragma once

#include "store/Store.h"

#include <QSet>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace cw::engine {

class MediaQueue {
public:
    using Work = std::function<void(const MediaRecord&, const std::atomic_bool* cancel)>;
    // first (optional) runs once on the thread before the first media's work.
    explicit MediaQueue(Work work, std::function<void()> first = {})
        : m_work(std::move(work)), m_first(std::move(first))
    {}
    ~MediaQueue() { stop(); }
    MediaQueue(const MediaQueue&) = delete;
    MediaQueue& operator=(const MediaQueue&) = delete;

    void push(const MediaRecord& media); // unless stopping or its content was pushed before
    bool busy() const;                   // a media waits or is being worked on
    void stop();
    const std::atomic_bool* cancel() const { return &m_cancel; }

private:
    void loop();

    Work m_work;
    std::function<void()> m_first;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<MediaRecord> m_queue;
    QSet<QString> m_known; // content hashes pushed since the engine started
    bool m_stopping = false;
    bool m_working = false;
    std::atomic_bool m_cancel{false};
    std::thread m_thread;
};

} // namespace cw::engine
