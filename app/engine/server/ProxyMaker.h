// Makes the preview proxies of uploaded video (PreviewMedia.h) on one background thread, one
// ffmpeg at a time at a lower CPU priority, so a chat message or an export started meanwhile
// keeps the machine. Proxies live under <data dir>/proxies/<content hash>-p<format>.mp4 (the
// picture) and .wav (the sound, for media with sound), shared by every session holding the
// same content; the picture is renamed into place last, so a proxy whose .mp4 exists is
// complete. Until then previews read the original. A failed proxy is not tried again while
// the engine runs (the original still works). Proxies stay as long as their media (media are
// kept); the first proxy made after a start first clears half-written and old-format ones.
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

    void request(const MediaRecord& media); // queued unless made, queued or failed
    // The finished proxy's picture and sound files; empty when not made (yet).
    QPair<QString, QString> proxyFor(const MediaRecord& media) const;
    // Sets the inputs' (media id -> input) proxy files where made; asks for the rest.
    void useProxies(QHash<QString, RenderInput>* inputs);
    void stop(); // cancels the running ffmpeg and joins
    // A proxy is queued or being made: the scene analysis after upload waits for it
    // (AnalysisQueue), since the viewer needs the proxy first.
    bool busy();

private:
    QString pathFor(const MediaRecord& media, const char* ext) const;
    void workerLoop();
    void makeProxy(const MediaRecord& media);

    Store& m_store;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<MediaRecord> m_queue;
    QSet<QString> m_known; // content hashes queued, made or failed
    bool m_stopping = false;
    bool m_making = false;
    std::atomic_bool m_cancel{false};
    std::thread m_thread;
};

} // namespace cw::engine
