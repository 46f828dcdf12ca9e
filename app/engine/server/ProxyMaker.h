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
#include "server/MediaQueue.h"
#include "store/Store.h"

namespace cw::engine {

class ProxyMaker {
public:
    explicit ProxyMaker(Store& store);

    void request(const MediaRecord& media); // queued unless made, queued or failed
    // The finished proxy's picture and sound files; empty when not made (yet).
    QPair<QString, QString> proxyFor(const MediaRecord& media) const;
    // Sets the inputs' (media id -> input) proxy files where made; asks for the rest.
    void useProxies(QHash<QString, RenderInput>* inputs);
    void stop() { m_queue.stop(); } // cancels the running ffmpeg and joins
    // A proxy is queued or being made: the scene analysis after upload waits for it
    // (AnalysisQueue), since the viewer needs the proxy first.
    bool busy() const { return m_queue.busy(); }

private:
    QString pathFor(const MediaRecord& media, const char* ext) const;
    void clearLeftovers();
    void makeProxy(const MediaRecord& media, const std::atomic_bool* cancel);

    Store& m_store;
    MediaQueue m_queue; // last: its thread stops before the members it uses go
};

} // namespace cw::engine
