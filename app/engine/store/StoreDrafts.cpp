// Sessions and draft versions. Versions of a session form a tree through parent_version;
// the head walks it: undo goes to the parent, redo to the newest child. Version numbers
// only grow, so a number never names two different drafts of one session.
#include "store/Store.h"

#include "store/StoreSql.h"

#include "Draft.h"

#include <QVariant>

namespace cw::engine {

namespace {

DraftVersion readDraft(QSqlQuery& q)
{
    DraftVersion d;
    d.version = q.value(0).toInt();
    d.parentVersion = q.value(1).toInt();
    d.label = q.value(2).toString();
    d.json = q.value(3).toByteArray();
    d.created = q.value(4).toLongLong();
    return d;
}

bool setHead(QSqlDatabase db, const QString& sessionId, int version)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE sessions SET head_version = ? WHERE id = ?"));
    q.addBindValue(version);
    q.addBindValue(sessionId);
    return sqlExec(q) && q.numRowsAffected() == 1;
}

} // namespace

QByteArray Store::newSessionDraft()
{
    Draft d;
    d.m = QJsonObject{{QStringLiteral("width"), 1920},
                      {QStringLiteral("height"), 1080},
                      {QStringLiteral("fps"), 30}};
    return d.toBytes();
}

std::optional<SessionRecord> Store::createSession(const QString& language,
                                                  const QByteArray& initialDraft)
{
    SessionRecord s;
    s.id = newId(QStringLiteral("ses_"));
    s.taskId = newId(QStringLiteral("task_"));
    s.language = language;
    s.created = nowMs();
    s.headVersion = 1;

    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlDatabase db = connection();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sessions(id, task_id, language, created, head_version)"
                             " VALUES(?, ?, ?, ?, ?)"));
    q.addBindValue(s.id);
    q.addBindValue(s.taskId);
    q.addBindValue(text(s.language));
    q.addBindValue(s.created);
    q.addBindValue(s.headVersion);
    bool ok = sqlExec(q);
    q.prepare(QStringLiteral("INSERT INTO drafts(session_id, version, json, created,"
                             " parent_version, label) VALUES(?, 1, ?, ?, 0, ?)"));
    q.addBindValue(s.id);
    q.addBindValue(initialDraft);
    q.addBindValue(s.created);
    q.addBindValue(QStringLiteral("new session"));
    ok = ok && sqlExec(q);
    if (!ok || !db.commit()) {
        db.rollback();
        return std::nullopt;
    }
    return s;
}

std::optional<SessionRecord> Store::session(const QString& id)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral(
        "SELECT id, task_id, language, created, head_version FROM sessions WHERE id = ?"));
    q.addBindValue(id);
    if (!sqlExec(q) || !q.next())
        return std::nullopt;
    SessionRecord s;
    s.id = q.value(0).toString();
    s.taskId = q.value(1).toString();
    s.language = q.value(2).toString();
    s.created = q.value(3).toLongLong();
    s.headVersion = q.value(4).toInt();
    return s;
}

std::optional<DraftVersion> Store::draftVersion(const QString& sessionId, int version)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT version, parent_version, label, json, created FROM drafts"
                             " WHERE session_id = ? AND version = ?"));
    q.addBindValue(sessionId);
    q.addBindValue(version);
    if (!sqlExec(q) || !q.next())
        return std::nullopt;
    return readDraft(q);
}

std::optional<DraftVersion> Store::headDraft(const QString& sessionId)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT d.version, d.parent_version, d.label, d.json, d.created"
                             " FROM drafts d JOIN sessions s ON s.id = d.session_id"
                             " AND s.head_version = d.version WHERE s.id = ?"));
    q.addBindValue(sessionId);
    if (!sqlExec(q) || !q.next())
        return std::nullopt;
    return readDraft(q);
}

int Store::addDraftVersion(const QString& sessionId, const QByteArray& json, const QString& label)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlDatabase db = connection();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT s.head_version, (SELECT MAX(version) FROM drafts WHERE"
                             " session_id = s.id) FROM sessions s WHERE s.id = ?"));
    q.addBindValue(sessionId);
    if (!sqlExec(q) || !q.next()) {
        db.rollback();
        return 0;
    }
    const int head = q.value(0).toInt();
    const int version = q.value(1).toInt() + 1;
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO drafts(session_id, version, json, created,"
                             " parent_version, label) VALUES(?, ?, ?, ?, ?, ?)"));
    q.addBindValue(sessionId);
    q.addBindValue(version);
    q.addBindValue(json);
    q.addBindValue(nowMs());
    q.addBindValue(head);
    q.addBindValue(text(label));
    if (!sqlExec(q) || !setHead(db, sessionId, version) || !db.commit()) {
        db.rollback();
        return 0;
    }
    return version;
}

HeadMove Store::undo(const QString& sessionId)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    HeadMove move;
    const std::optional<DraftVersion> from = headDraft(sessionId);
    if (!from || from->parentVersion <= 0)
        return move;
    const std::optional<DraftVersion> to = draftVersion(sessionId, from->parentVersion);
    if (!to || !setHead(connection(), sessionId, to->version))
        return move;
    move.ok = true;
    move.from = *from;
    move.to = *to;
    return move;
}

HeadMove Store::redo(const QString& sessionId)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    HeadMove move;
    const std::optional<DraftVersion> from = headDraft(sessionId);
    if (!from)
        return move;
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT MAX(version) FROM drafts WHERE session_id = ?"
                             " AND parent_version = ?"));
    q.addBindValue(sessionId);
    q.addBindValue(from->version);
    if (!sqlExec(q) || !q.next() || q.value(0).isNull())
        return move;
    const std::optional<DraftVersion> to = draftVersion(sessionId, q.value(0).toInt());
    if (!to || !setHead(connection(), sessionId, to->version))
        return move;
    move.ok = true;
    move.from = *from;
    move.to = *to;
    return move;
}

} // namespace cw::engine
