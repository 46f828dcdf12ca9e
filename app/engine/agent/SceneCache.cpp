// See SceneCache.h. A waiter polls its own cancel flag and the pass's progress every 100 ms:
// the pass's thread only ever sets a number, so a slow or cancelled waiter never holds it up.
#include "agent/SceneCache.h"

#include "store/Store.h"

#include <QHash>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace cw::engine {

namespace {

struct Pass {
    std::atomic<double> progress{-1};
    bool done = false; // under g_mutex, with result
    SceneAnalysis result;
};

std::mutex g_mutex;
std::condition_variable g_finished;
QHash<QString, std::shared_ptr<Pass>> g_running; // content hash -> the pass running now

SceneAnalysis cachedOf(Store& store, const MediaRecord& media)
{
    if (const std::optional<QByteArray> json = store.analysis(sceneCacheKey(media.hash)))
        return SceneAnalysis::fromJson(*json);
    return {};
}

SceneAnalysis cancelled()
{
    SceneAnalysis a;
    a.cancelled = true;
    a.error = QStringLiteral("Cancelled.");
    return a;
}

// Waits for `pass` to end, reporting its progress; a cancelled result when *cancel comes first.
SceneAnalysis waitFor(const std::shared_ptr<Pass>& pass,
                      const std::function<void(double)>& onProgress, const std::atomic_bool* cancel)
{
    double shown = -1;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(g_mutex);
            if (g_finished.wait_for(lock, std::chrono::milliseconds(100),
                                    [&pass] { return pass->done; }))
                return pass->result;
        }
        if (cancel && cancel->load())
            return cancelled();
        const double now = pass->progress.load();
        if (onProgress && now >= 0 && now != shown) {
            shown = now;
            onProgress(now);
        }
    }
}

} // namespace

bool sceneAnalysisCached(Store& store, const MediaRecord& media)
{
    return cachedOf(store, media).ok;
}

int scenePassesInFlight()
{
    const std::lock_guard<std::mutex> lock(g_mutex);
    return int(g_running.size());
}

SceneAnalysis sceneAnalysisOf(Store& store, const MediaRecord& media,
                              const std::function<void(double)>& onProgress,
                              const std::atomic_bool* cancel, bool background)
{
    for (;;) {
        if (SceneAnalysis a = cachedOf(store, media); a.ok)
            return a;
        if (cancel && cancel->load())
            return cancelled();
        std::shared_ptr<Pass> pass;
        bool mine = false;
        {
            const std::lock_guard<std::mutex> lock(g_mutex);
            pass = g_running.value(media.hash);
            if (!pass) {
                pass = std::make_shared<Pass>();
                g_running.insert(media.hash, pass);
                mine = true;
            }
        }
        if (mine) {
            SceneAnalysis a = detectScenes(
                media.path, media.durationMs,
                [&pass, &onProgress](double f) {
                    pass->progress = f;
                    if (onProgress)
                        onProgress(f);
                },
                cancel, background);
            // Cached before the pass leaves the map, so a caller finds one or the other.
            if (a.ok)
                store.putAnalysis(sceneCacheKey(media.hash), a.toJson());
            {
                const std::lock_guard<std::mutex> lock(g_mutex);
                pass->result = a;
                pass->done = true;
                g_running.remove(media.hash);
            }
            g_finished.notify_all();
            return a;
        }
        const SceneAnalysis got = waitFor(pass, onProgress, cancel);
        if (got.ok) {
            if (!sceneAnalysisCached(store, media)) // another store (in-process tests)
                store.putAnalysis(sceneCacheKey(media.hash), got.toJson());
            return got;
        }
        if (!got.cancelled || (cancel && cancel->load()))
            return got; // the file cannot be read, for anyone; or this caller stopped waiting
        // The caller that started the pass stopped it: start it again (or join whoever did).
    }
}

} // namespace cw::engine
