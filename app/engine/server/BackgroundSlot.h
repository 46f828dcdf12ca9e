// One background ffmpeg at a time across the engine's background workers (preview proxies,
// analyses after upload): each runs at a lower CPU priority already, but two of them side by
// side would still take both cores of a small machine while the user edits. A worker holds the
// slot for one ffmpeg step; waiting for it stops when the worker is told to stop.
#pragma once

#include <atomic>

namespace cw::engine {

class BackgroundSlot {
public:
    // Waits for the slot; false (nothing held) when *stop became true first.
    explicit BackgroundSlot(const std::atomic_bool* stop);
    ~BackgroundSlot();
    BackgroundSlot(const BackgroundSlot&) = delete;
    BackgroundSlot& operator=(const BackgroundSlot&) = delete;

    bool held() const { return m_held; }

private:
    bool m_held = false;
};

} // namespace cw::engine
