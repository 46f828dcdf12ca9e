// Makes the preview proxies of uploaded video (PreviewMedia.h) on one background thread, one
// ffmpeg at a time at a lower CPU priority, so a chat message or an export started meanwhile
// keeps the machine. Proxies live under <data dir>/proxies/<content hash>-p<format>.mp4 and
// are shared by every session holding the same content; a proxy exists only once complete
// (written to .part, then renamed). Until it does, previews read the original. A failed
// proxy is not tried again while the engine runs (the original still works).
// CLIPWRIGHT_PROXIES=0 turns proxies off (the preview then always reads originals).
#pragma once

#include "render/RenderGraph.h"
#include "store/Store.h"

#include <QSet>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace cw::engine {

class ProxyMaker {
public:
    explicit ProxyMaker(Store& store) : m_store(store) {}
    ~ProxyMaker() { stop(); }

    void request(const MediaRecord& media);           // queued unless made, queued or failed
    QString proxyFor(const MediaRecord& media) const; // the finished proxy, or empty
    // Points the inputs (media id -> input) at their proxies where made; asks for the rest.
    void useProxies(QHash<QString, RenderInput>* inputs);
    // Blocks until the queue is empty and nothing runs, or timeoutMs passes (tests, bench).
    bool waitIdle(int timeoutMs);
    void stop(); // cancels the running ffmpeg and joins

private:
    QString pathFor(const MediaRecord& media) const;
    void workerLoop();

    Store& m_store;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<MediaRecord> m_queue;
    QSet<QString> m_known; // content hashes queued, made or failed
    bool m_busy = false;
    bool m_stopping = false;
    std::atomic_bool m_cancel{false};
    std::thread m_thread;
};

} // namespace cw::engine
