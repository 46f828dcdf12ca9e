// See AnalysisQueue.h. The cache is checked when a media's turn comes, not when it is queued:
// a chat request may have analysed it meanwhile.
#include "server/AnalysisQueue.h"

#include "agent/SceneCache.h"
#include "server/BackgroundSlot.h"

#include <chrono>
#include <thread>

namespace cw::engine {

bool AnalysisQueue::enabled()
{
    return qEnvironmentVariable("CLIPWRIGHT_ANALYSE_AT_UPLOAD") != QLatin1String("0");
}

AnalysisQueue::AnalysisQueue(Store& store)
    : m_store(store),
      m_queue([this](const MediaRecord& m, const std::atomic_bool* cancel) { analyse(m, cancel); })
{}

void AnalysisQueue::request(const MediaRecord& media)
{
    if (enabled() && media.hasVideo && media.kind == QLatin1String("video") &&
        !media.hash.isEmpty())
        m_queue.push(media);
}

void AnalysisQueue::analyse(const MediaRecord& media, const std::atomic_bool* cancel)
{
    if (sceneAnalysisCached(m_store, media))
        return;
    while (m_yieldTo && m_yieldTo() && !*cancel)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const BackgroundSlot slot(cancel);
    if (!slot.held())
        return;
    const SceneAnalysis a = sceneAnalysisOf(m_store, media, {}, cancel, /*background=*/true);
    if (!a.ok && !a.cancelled)
        qInfo("engine: no scene analysis for %s after upload: %s", qPrintable(media.id),
              qPrintable(a.error));
}

} // namespace cw::engine
