// Saved with QSaveFile so a crash mid-write leaves the previous journal, not half of one.
// An unreadable journal counts as empty: losing a resume is better than refusing to export.
#include "RenderJournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace cw {

RenderJournal::RenderJournal(const QString& path) : m_path(path.isEmpty() ? defaultPath() : path) {}

QString RenderJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/render-jobs.json");
}

QList<RenderJob> RenderJournal::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
        return {};
    QList<RenderJob> jobs;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        RenderJob job{o.value(QStringLiteral("sessionId")).toString(),
                      o.value(QStringLiteral("renderId")).toString(),
                      o.value(QStringLiteral("destination")).toString(),
                      o.value(QStringLiteral("preset")).toString()};
        if (!job.sessionId.isEmpty() && !job.renderId.isEmpty() && !job.destination.isEmpty())
            jobs.append(job);
    }
    return jobs;
}

bool RenderJournal::save(const QList<RenderJob>& jobs) const
{
    QJsonArray array;
    for (const RenderJob& job : jobs)
        array.append(QJsonObject{{QStringLiteral("sessionId"), job.sessionId},
                                 {QStringLiteral("renderId"), job.renderId},
                                 {QStringLiteral("destination"), job.destination},
                                 {QStringLiteral("preset"), job.preset}});
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(array).toJson());
    return file.commit();
}

std::optional<RenderJob> RenderJournal::find(const QString& sessionId) const
{
    for (const RenderJob& job : load())
        if (job.sessionId == sessionId)
            return job;
    return std::nullopt;
}

bool RenderJournal::record(const RenderJob& job)
{
    QList<RenderJob> jobs = load();
    jobs.erase(std::remove_if(jobs.begin(), jobs.end(),
                              [&](const RenderJob& j) { return j.sessionId == job.sessionId; }),
               jobs.end());
    jobs.append(job);
    return save(jobs);
}

bool RenderJournal::remove(const QString& sessionId)
{
    QList<RenderJob> jobs = load();
    const auto before = jobs.size();
    jobs.erase(std::remove_if(jobs.begin(), jobs.end(),
                              [&](const RenderJob& j) { return j.sessionId == sessionId; }),
               jobs.end());
    return jobs.size() == before || save(jobs);
}

} // namespace cw
