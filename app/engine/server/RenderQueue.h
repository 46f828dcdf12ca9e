// Render jobs: one worker thread renders them in submission order (encoding saturates the
// machine, so two at once would only both be slower). A job's state lives in memory while
// the engine runs and in the store's jobs table (progress in steps of 5%), so a finished
// job can still be queried after a restart; jobs a killed engine left behind are failed by
// the store at start-up. Cancel sets the job's flag; the runner stops ffmpeg.
#pragma once

#include "Draft.h"
#include "render/RenderGraph.h"
#include "store/Store.h"

#include <QHash>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace cw::engine {

struct RenderRequest {
    QString id;
    QString sessionId;
    Draft draft;
    RenderPreset preset;
    QHash<QString, RenderInput> inputs;
    qint64 previewAtMs = -1; // the viewer's playhead: a long preview plays from there first
};

class RenderQueue {
public:
    explicit RenderQueue(Store& store);
    ~RenderQueue();

    void start();
    // Cancels the running job, fails the pending ones (they would not survive a restart
    // anyway) and joins the worker.
    void stop();

    enum class Submit { Ok, Duplicate, StoreError };
    Submit submit(const RenderRequest& request);
    std::optional<JobRecord> status(const QString& id);
    // Returns the job as it is after the request, or nullopt for an unknown id.
    std::optional<JobRecord> cancel(const QString& id);

    static QString cancelledError();

private:
    struct Job {
        RenderRequest request;
        JobRecord record;
        std::atomic_bool cancel{false};
        int storedProgress = 0;
    };

    void workerLoop();
    void render(const std::shared_ptr<Job>& job);
    void finish(const std::shared_ptr<Job>& job, const QString& status, const QString& error);

    Store& m_store;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<Job>> m_pending;
    std::map<QString, std::shared_ptr<Job>> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace cw::engine
