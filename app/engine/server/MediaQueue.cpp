// See MediaQueue.h.
#include "server/MediaQueue.h"

namespace cw::engine {

void MediaQueue::push(const MediaRecord& media)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_stopping || m_known.contains(media.hash))
        return;
    m_known.insert(media.hash);
    m_queue.push_back(media);
    if (!m_thread.joinable())
        m_thread = std::thread([this] { loop(); });
    m_wake.notify_one();
}

bool MediaQueue::busy() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_working || !m_queue.empty();
}

void MediaQueue::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_cancel = true;
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void MediaQueue::loop()
{
    if (m_first)
        m_first();
    for (;;) {
        MediaRecord media;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            media = m_queue.front();
            m_queue.pop_front();
            m_working = true;
        }
        m_work(media, &m_cancel);
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_working = false;
    }
}

} // namespace cw::engine
