// See AnalysisQueue.h. The cache is checked when a media's turn comes, not when it is queued:
// a chat request may have analysed it meanwhile.
#include "server/AnalysisQueue.h"

#include "agent/SceneCache.h"
#include "server/BackgroundSlot.h"

#include <chrono>

namespace cw::engine {

bool AnalysisQueue::enabled()
{
    return qEnvironmentVariable("CLIPWRIGHT_ANALYSE_AT_UPLOAD") != QLatin1String("0");
}

void AnalysisQueue::request(const MediaRecord& media)
{
    if (!enabled() || !media.hasVideo || media.kind != QLatin1String("video") ||
        media.hash.isEmpty())
        return;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_stopping || m_known.contains(media.hash))
        return;
    m_known.insert(media.hash);
    m_queue.push_back(media);
    if (!m_thread.joinable())
        m_thread = std::thread([this] { workerLoop(); });
    m_wake.notify_one();
}

void AnalysisQueue::stop()
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

void AnalysisQueue::workerLoop()
{
    for (;;) {
        MediaRecord media;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            media = m_queue.front();
            m_queue.pop_front();
        }
        if (sceneAnalysisCached(m_store, media))
            continue;
        while (m_yieldTo && m_yieldTo() && !m_cancel)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const BackgroundSlot slot(&m_cancel);
        if (!slot.held())
            return;
        const SceneAnalysis a = sceneAnalysisOf(m_store, media, {}, &m_cancel, /*background=*/true);
        if (!a.ok && !a.cancelled)
            qInfo("engine: no scene analysis for %s after upload: %s", qPrintable(media.id),
                  qPrintable(a.error));
    }
}

} // namespace cw::engine
