#include "server/RenderQueue.h"

#include "render/PreviewAssembly.h"
#include "render/RenderDraft.h"

#include <QFile>
#include <cmath>

namespace cw::engine {

namespace {
constexpr int kPreviewsKept = 3;
}

RenderQueue::RenderQueue(Store& store) : m_store(store) {}

RenderQueue::~RenderQueue()
{
    stop();
}

QString RenderQueue::cancelledError()
{
    return QStringLiteral("The render was cancelled.");
}

void RenderQueue::start()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { workerLoop(); });
}

void RenderQueue::stop()
{
    std::deque<std::shared_ptr<Job>> pending;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        pending.swap(m_pending);
        for (auto& entry : m_jobs)
            entry.second->cancel = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    for (const auto& job : pending)
        finish(job, QStringLiteral("failed"), Store::staleJobError());
}

RenderQueue::Submit RenderQueue::submit(const RenderRequest& request)
{
    auto job = std::make_shared<Job>();
    job->request = request;
    job->record.id = request.id;
    job->record.sessionId = request.sessionId;
    job->record.status = QStringLiteral("pending");
    job->record.preset = request.preset.name;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_jobs.count(request.id) || m_store.job(request.id))
            return Submit::Duplicate;
        if (!m_store.addJob(job->record))
            return Submit::StoreError;
        m_jobs[request.id] = job;
        m_pending.push_back(job);
    }
    m_wake.notify_one();
    return Submit::Ok;
}

std::optional<JobRecord> RenderQueue::status(const QString& id)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto it = m_jobs.find(id);
        if (it != m_jobs.end())
            return it->second->record;
    }
    return m_store.job(id);
}

std::optional<JobRecord> RenderQueue::cancel(const QString& id)
{
    std::shared_ptr<Job> removed;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            return m_store.job(id); // a job of an earlier run: already finished
        const std::shared_ptr<Job>& job = it->second;
        const QString status = job->record.status;
        if (status == QLatin1String("completed") || status == QLatin1String("failed"))
            return job->record;
        job->cancel = true;
        job->record.cancelled = true;
        for (auto p = m_pending.begin(); p != m_pending.end(); ++p) {
            if (*p == job) {
                m_pending.erase(p);
                removed = job;
                break;
            }
        }
        if (!removed)
            return job->record; // running: the worker finishes it as cancelled
    }
    finish(removed, QStringLiteral("failed"), cancelledError());
    return removed->record;
}

void RenderQueue::workerLoop()
{
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_pending.empty(); });
            if (m_stopping)
                return;
            job = m_pending.front();
            m_pending.pop_front();
            job->record.status = QStringLiteral("processing");
        }
        m_store.updateJob(job->record);
        render(job);
    }
}

void RenderQueue::render(const std::shared_ptr<Job>& job)
{
    const RenderRequest& rq = job->request;
    // The file is named after its format (RenderOutput.h); the URL of a job uses its suffix.
    const QString finalPath =
        m_store.rendersDir() + QLatin1Char('/') + rq.id + QLatin1Char('.') + rq.preset.format;
    const auto onProgress = [this, job](double fraction) {
        const int pct = std::clamp(int(std::floor(fraction * 100.0)), 0, 99);
        JobRecord copy;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (pct <= job->record.progress)
                return;
            job->record.progress = pct;
            if (pct - job->storedProgress < 5)
                return;
            job->storedProgress = pct;
            copy = job->record;
        }
        m_store.updateJob(copy);
    };
    PreviewWindow window;
    window.atMs = rq.previewAtMs;
    window.path = m_store.rendersDir() + QLatin1Char('/') + rq.id + QStringLiteral("-window.mov");
    window.ready = [this, job, path = window.path](qint64 fromMs, qint64 toMs) {
        std::lock_guard<std::mutex> lock(m_mutex);
        job->record.windowPath = path;
        job->record.windowFromMs = fromMs;
        job->record.windowToMs = toMs;
    };
    const RunResult result =
        renderDraft(rq.draft, rq.inputs, rq.preset, finalPath, m_store.tmpDir(), onProgress,
                    &job->cancel, nullptr, rq.previewAtMs >= 0 ? &window : nullptr);
    // The app links the window while the whole is drawn; by now it has the whole (or nothing).
    if (rq.previewAtMs >= 0) {
        QFile::remove(window.path);
        std::lock_guard<std::mutex> lock(m_mutex);
        job->record.windowPath.clear();
    }
    if (!result.stages.isEmpty()) { // the job log: where the time went
        qInfo("engine: render %s (%s): %s", qPrintable(rq.id), qPrintable(rq.preset.name),
              qPrintable(stagesText(result.stages)));
        std::lock_guard<std::mutex> lock(m_mutex);
        job->record.stages = stagesJson(result.stages);
    }
    if (result.ok) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            job->record.outputPath = finalPath;
            job->record.progress = 100;
        }
        finish(job, QStringLiteral("completed"), QString());
        // The app keeps its own copy of each preview; the engine keeps the last few.
        if (rq.preset.name == QLatin1String("preview")) {
            const QStringList expired =
                m_store.expireRenders(rq.sessionId, rq.preset.name, kPreviewsKept,
                                      QStringLiteral("A newer preview replaced this one."));
            std::lock_guard<std::mutex> lock(m_mutex);
            for (const QString& id : expired)
                m_jobs.erase(id);
        }
    } else if (result.cancelled || job->cancel) {
        bool stopping = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            stopping = m_stopping && !job->record.cancelled;
        }
        finish(job, QStringLiteral("failed"), stopping ? Store::staleJobError() : cancelledError());
    } else {
        finish(job, QStringLiteral("failed"),
               QStringLiteral("The render failed: %1").arg(result.error.trimmed().right(600)));
    }
}

void RenderQueue::finish(const std::shared_ptr<Job>& job, const QString& status,
                         const QString& error)
{
    JobRecord copy;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        job->record.status = status;
        job->record.error = error;
        copy = job->record;
    }
    m_store.updateJob(copy);
}

} // namespace cw::engine
