// Store: connections, schema, start-up recovery and the analysis cache. Sessions/drafts
// live in StoreDrafts.cpp, media and jobs in StoreMedia.cpp.
#include "store/Store.h"

#include "store/StoreSql.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <atomic>
#include <map>

namespace cw::engine {

namespace {

std::atomic<quint64> g_nextInstance{1};
std::atomic<quint64> g_nextConnection{1};

// Connections opened by this thread, keyed by Store instance; closed when the thread ends
// (Qt forbids closing them from another thread).
struct ThreadConnections {
    std::map<quint64, QString> names;
    ~ThreadConnections()
    {
        for (const auto& entry : names) {
            if (!QSqlDatabase::contains(entry.second))
                continue;
            QSqlDatabase::database(entry.second, false).close();
            QSqlDatabase::removeDatabase(entry.second);
        }
    }
};
thread_local ThreadConnections t_connections;

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS sessions(id TEXT PRIMARY KEY, task_id TEXT NOT NULL,"
    " language TEXT NOT NULL, created INTEGER NOT NULL, head_version INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS media(id TEXT PRIMARY KEY, session_id TEXT NOT NULL,"
    " filename TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, hash TEXT NOT NULL,"
    " duration_ms INTEGER NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,"
    " fps REAL NOT NULL, has_audio INTEGER NOT NULL, has_video INTEGER NOT NULL,"
    " created INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS media_by_session ON media(session_id, created)",
    "CREATE TABLE IF NOT EXISTS analyses(hash TEXT PRIMARY KEY, json BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS drafts(session_id TEXT NOT NULL, version INTEGER NOT NULL,"
    " json BLOB NOT NULL, created INTEGER NOT NULL, parent_version INTEGER NOT NULL,"
    " label TEXT NOT NULL, PRIMARY KEY(session_id, version))",
    "CREATE INDEX IF NOT EXISTS drafts_by_parent ON drafts(session_id, parent_version)",
    "CREATE TABLE IF NOT EXISTS jobs(id TEXT PRIMARY KEY, session_id TEXT NOT NULL,"
    " status TEXT NOT NULL, progress INTEGER NOT NULL, output_path TEXT NOT NULL,"
    " error TEXT NOT NULL, preset TEXT NOT NULL, cancelled INTEGER NOT NULL,"
    " created INTEGER NOT NULL, updated INTEGER NOT NULL)",
};

} // namespace

bool sqlExec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    qWarning("store: %s", qPrintable(query.lastError().text()));
    return false;
}

bool sqlExec(QSqlQuery& query, const QString& statement)
{
    if (query.exec(statement))
        return true;
    qWarning("store: %s", qPrintable(query.lastError().text()));
    return false;
}

QString newId(const QString& prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(20);
}

Store::Store() = default;

Store::~Store()
{
    close();
}

QString Store::mediaDir() const
{
    return m_dataDir + QStringLiteral("/media");
}
QString Store::rendersDir() const
{
    return m_dataDir + QStringLiteral("/renders");
}
QString Store::tmpDir() const
{
    return m_dataDir + QStringLiteral("/tmp");
}

QString Store::staleJobError()
{
    return QStringLiteral("The engine stopped during the render; start the export again.");
}

bool Store::open(const QString& dataDir, QString* error)
{
    close();
    m_dataDir = QDir(dataDir).absolutePath();
    for (const QString& dir : {m_dataDir, mediaDir(), rendersDir(), tmpDir()}) {
        if (!QDir().mkpath(dir)) {
            if (error)
                *error = QStringLiteral("Cannot create the folder %1").arg(dir);
            return false;
        }
    }
    m_dbPath = m_dataDir + QStringLiteral("/engine.db");
    m_instance = g_nextInstance++;
    m_open = true;
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        if (error)
            *error = QStringLiteral("Cannot open %1: %2").arg(m_dbPath, db.lastError().text());
        close();
        return false;
    }
    if (!createSchema(db, error)) {
        close();
        return false;
    }
    failUnfinishedJobs(staleJobError());
    removeStalePartials();
    return true;
}

void Store::close()
{
    if (!m_open)
        return;
    m_open = false;
    t_connections.names.erase(m_instance);
    std::lock_guard<std::mutex> lock(m_namesMutex);
    for (const QString& name : std::as_const(m_connectionNames))
        QSqlDatabase::removeDatabase(name);
    m_connectionNames.clear();
}

QSqlDatabase Store::connection()
{
    auto it = t_connections.names.find(m_instance);
    if (it != t_connections.names.end() && QSqlDatabase::contains(it->second))
        return QSqlDatabase::database(it->second, false);
    const QString name = QStringLiteral("cw_store_%1_%2").arg(m_instance).arg(g_nextConnection++);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_dbPath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    if (db.open()) {
        QSqlQuery q(db);
        sqlExec(q, QStringLiteral("PRAGMA synchronous=NORMAL"));
    } else {
        qWarning("store: cannot open the database: %s", qPrintable(db.lastError().text()));
    }
    t_connections.names[m_instance] = name;
    std::lock_guard<std::mutex> lock(m_namesMutex);
    // Threads that ended (e.g. one per agent operation) have closed theirs already.
    m_connectionNames.removeIf([](const QString& n) { return !QSqlDatabase::contains(n); });
    m_connectionNames << name;
    return db;
}

bool Store::createSchema(QSqlDatabase& db, QString* error)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (const char* statement : kSchema) {
        if (!q.exec(QString::fromLatin1(statement))) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

QString Store::journalMode()
{
    QSqlQuery q(connection());
    if (sqlExec(q, QStringLiteral("PRAGMA journal_mode")) && q.next())
        return q.value(0).toString().toLower();
    return {};
}

void Store::removeStalePartials()
{
    QDir(tmpDir()).removeRecursively();
    QDir().mkpath(tmpDir());
    for (const QString& dir : {rendersDir(), mediaDir()}) {
        QDirIterator it(dir, {QStringLiteral("*.part")}, QDir::Files);
        while (it.hasNext())
            QFile::remove(it.next());
    }
}

QString Store::relativePath(const QString& absolute) const
{
    return QDir(m_dataDir).relativeFilePath(absolute);
}

QString Store::absolutePath(const QString& relative) const
{
    if (relative.isEmpty())
        return {};
    return QDir(m_dataDir).absoluteFilePath(relative);
}

std::optional<QByteArray> Store::analysis(const QString& hash)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT json FROM analyses WHERE hash = ?"));
    q.addBindValue(hash);
    if (sqlExec(q) && q.next())
        return q.value(0).toByteArray();
    return std::nullopt;
}

bool Store::putAnalysis(const QString& hash, const QByteArray& json)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO analyses(hash, json) VALUES(?, ?)"));
    q.addBindValue(hash);
    q.addBindValue(json);
    return sqlExec(q);
}

} // namespace cw::engine
