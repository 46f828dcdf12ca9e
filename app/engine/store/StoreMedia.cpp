// Media rows and render jobs. Paths are stored relative to the data dir so a data dir can
// be moved as a whole; the API hands out absolute paths.
#include "store/Store.h"

#include "store/StoreSql.h"

#include <QFile>
#include <QVariant>
#include <algorithm>

namespace cw::engine {

namespace {

const char kMediaColumns[] = "id, session_id, filename, kind, path, hash, duration_ms, width,"
                             " height, fps, has_audio, has_video, created";
const char kJobColumns[] = "id, session_id, status, progress, output_path, error, preset,"
                           " cancelled, created, updated";

} // namespace

bool Store::addMedia(const MediaRecord& m)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO media(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(kMediaColumns)));
    q.addBindValue(m.id);
    q.addBindValue(text(m.sessionId));
    q.addBindValue(text(m.filename));
    q.addBindValue(text(m.kind));
    q.addBindValue(relativePath(m.path));
    q.addBindValue(text(m.hash));
    q.addBindValue(m.durationMs);
    q.addBindValue(m.width);
    q.addBindValue(m.height);
    q.addBindValue(m.fps);
    q.addBindValue(m.hasAudio ? 1 : 0);
    q.addBindValue(m.hasVideo ? 1 : 0);
    q.addBindValue(m.created ? m.created : nowMs());
    return sqlExec(q);
}

static MediaRecord readMedia(QSqlQuery& q)
{
    MediaRecord m;
    m.id = q.value(0).toString();
    m.sessionId = q.value(1).toString();
    m.filename = q.value(2).toString();
    m.kind = q.value(3).toString();
    m.path = q.value(4).toString();
    m.hash = q.value(5).toString();
    m.durationMs = q.value(6).toLongLong();
    m.width = q.value(7).toInt();
    m.height = q.value(8).toInt();
    m.fps = q.value(9).toDouble();
    m.hasAudio = q.value(10).toInt() != 0;
    m.hasVideo = q.value(11).toInt() != 0;
    m.created = q.value(12).toLongLong();
    return m;
}

std::optional<MediaRecord> Store::media(const QString& id)
{
    QSqlQuery q(connection());
    q.prepare(
        QStringLiteral("SELECT %1 FROM media WHERE id = ?").arg(QLatin1String(kMediaColumns)));
    q.addBindValue(id);
    if (!sqlExec(q) || !q.next())
        return std::nullopt;
    MediaRecord m = readMedia(q);
    m.path = absolutePath(m.path);
    return m;
}

QList<MediaRecord> Store::sessionMedia(const QString& sessionId)
{
    QList<MediaRecord> list;
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT %1 FROM media WHERE session_id = ? ORDER BY created, rowid")
                  .arg(QLatin1String(kMediaColumns)));
    q.addBindValue(sessionId);
    if (!sqlExec(q))
        return list;
    while (q.next()) {
        MediaRecord m = readMedia(q);
        m.path = absolutePath(m.path);
        list << m;
    }
    return list;
}

bool Store::addJob(const JobRecord& job)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO jobs(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(kJobColumns)));
    const qint64 now = nowMs();
    q.addBindValue(job.id);
    q.addBindValue(text(job.sessionId));
    q.addBindValue(text(job.status));
    q.addBindValue(job.progress);
    q.addBindValue(job.outputPath.isEmpty() ? QStringLiteral("") : relativePath(job.outputPath));
    q.addBindValue(text(job.error));
    q.addBindValue(text(job.preset));
    q.addBindValue(job.cancelled ? 1 : 0);
    q.addBindValue(job.created ? job.created : now);
    q.addBindValue(now);
    return sqlExec(q);
}

bool Store::updateJob(const JobRecord& job)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("UPDATE jobs SET status = ?, progress = ?, output_path = ?,"
                             " error = ?, cancelled = ?, updated = ? WHERE id = ?"));
    q.addBindValue(text(job.status));
    q.addBindValue(job.progress);
    q.addBindValue(job.outputPath.isEmpty() ? QStringLiteral("") : relativePath(job.outputPath));
    q.addBindValue(text(job.error));
    q.addBindValue(job.cancelled ? 1 : 0);
    q.addBindValue(nowMs());
    q.addBindValue(job.id);
    return sqlExec(q) && q.numRowsAffected() == 1;
}

std::optional<JobRecord> Store::job(const QString& id)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(QLatin1String(kJobColumns)));
    q.addBindValue(id);
    if (!sqlExec(q) || !q.next())
        return std::nullopt;
    JobRecord j;
    j.id = q.value(0).toString();
    j.sessionId = q.value(1).toString();
    j.status = q.value(2).toString();
    j.progress = q.value(3).toInt();
    j.outputPath = absolutePath(q.value(4).toString());
    j.error = q.value(5).toString();
    j.preset = q.value(6).toString();
    j.cancelled = q.value(7).toInt() != 0;
    j.created = q.value(8).toLongLong();
    j.updated = q.value(9).toLongLong();
    return j;
}

int Store::failUnfinishedJobs(const QString& error)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("UPDATE jobs SET status = 'failed', error = ?, updated = ?"
                             " WHERE status IN ('pending', 'processing')"));
    q.addBindValue(text(error));
    q.addBindValue(nowMs());
    if (!sqlExec(q))
        return 0;
    return q.numRowsAffected();
}

QStringList Store::expireRenders(const QString& sessionId, const QString& preset, int keep,
                                 const QString& why)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT id, output_path FROM jobs WHERE session_id = ? AND preset = ?"
                             " AND status = 'completed' ORDER BY updated DESC, rowid DESC"
                             " LIMIT -1 OFFSET ?"));
    q.addBindValue(sessionId);
    q.addBindValue(preset);
    q.addBindValue(std::max(0, keep));
    if (!sqlExec(q))
        return {};
    QList<QPair<QString, QString>> old;
    while (q.next())
        old << qMakePair(q.value(0).toString(), q.value(1).toString());
    QStringList expired;
    for (const auto& job : qAsConst(old)) {
        // The row first: a client polling it never sees "completed" without the file.
        QSqlQuery u(connection());
        u.prepare(QStringLiteral("UPDATE jobs SET status = 'failed', error = ?, output_path = '',"
                                 " updated = ? WHERE id = ?"));
        u.addBindValue(text(why));
        u.addBindValue(nowMs());
        u.addBindValue(job.first);
        if (!sqlExec(u))
            continue;
        if (!job.second.isEmpty())
            QFile::remove(absolutePath(job.second));
        expired << job.first;
    }
    return expired;
}

} // namespace cw::engine
