// See BackgroundSlot.h. The wait wakes every 100 ms to look at the stop flag, so a worker being
// stopped never waits for the other worker's step to end.
#include "server/BackgroundSlot.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace cw::engine {

namespace {
std::mutex g_mutex;
std::condition_variable g_free;
bool g_busy = false;
} // namespace

BackgroundSlot::BackgroundSlot(const std::atomic_bool* stop)
{
    std::unique_lock<std::mutex> lock(g_mutex);
    while (g_busy) {
        if (stop && stop->load())
            return;
        g_free.wait_for(lock, std::chrono::milliseconds(100));
    }
    if (stop && stop->load())
        return;
    g_busy = true;
    m_held = true;
}

BackgroundSlot::~BackgroundSlot()
{
    if (!m_held)
        return;
    {
        const std::lock_guard<std::mutex> lock(g_mutex);
        g_busy = false;
    }
    g_free.notify_one();
}

} // namespace cw::engine
