// Shared by the fault and hostile-input tests: a generated test clip, a read-only snapshot
// of the engine's database and data folders (what a restart must find unchanged), and a raw
// request writer for bodies streamed slowly over a plain socket. Qt Core/Network/Sql only.
#pragma once

#include "TestMedia.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTcpSocket>
#include <QUuid>

namespace cw::test {

// A small H.264/AAC clip with picture and a tone; `seconds` long.
inline bool makeToneClip(const QString& out, int seconds, QString* error,
                         const QString& size = QStringLiteral("320x240"))
{
    const QString d = QString::number(seconds);
    return runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25:duration=" + d, "-f",
                      "lavfi", "-i", "sine=frequency=330:duration=" + d, "-c:v", "libx264",
                      "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                      out},
                     error);
}

// Everything a restart must keep: rows of every table (as text) and the data dir's files.
struct EngineSnapshot {
    QStringList sessions, drafts, media, jobs, files;
    bool ok = false;

    bool operator==(const EngineSnapshot& o) const
    {
        return sessions == o.sessions && drafts == o.drafts && media == o.media && files == o.files;
    }
};

inline QStringList queryRows(QSqlDatabase& db, const QString& sql)
{
    QStringList rows;
    QSqlQuery q(db);
    if (!q.exec(sql))
        return {QStringLiteral("query failed: ") + sql};
    while (q.next()) {
        QStringList cols;
        for (int i = 0; i < q.record().count(); ++i)
            cols << q.value(i).toString();
        rows << cols.join(QLatin1Char('|'));
    }
    return rows;
}

// Reads the engine's database read-only (safe beside a running engine: SQLite WAL readers)
// and lists media/ and renders/ (name and size) plus anything left in tmp/.
inline EngineSnapshot snapshotEngine(const QString& dataDir)
{
    EngineSnapshot s;
    const QString name = QStringLiteral("snap_") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/engine.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            s.sessions = queryRows(db, QStringLiteral("SELECT id, head_version FROM sessions "
                                                      "ORDER BY id"));
            s.drafts = queryRows(db, QStringLiteral("SELECT session_id, version, parent_version,"
                                                    " label, hex(json) FROM drafts ORDER BY "
                                                    "session_id, version"));
            s.media = queryRows(db, QStringLiteral("SELECT id, session_id, path, hash, "
                                                   "duration_ms FROM media ORDER BY id"));
            s.jobs = queryRows(db, QStringLiteral("SELECT id, status, error FROM jobs ORDER BY "
                                                  "id"));
            s.ok = true;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    for (const QString& sub :
         {QStringLiteral("media"), QStringLiteral("renders"), QStringLiteral("tmp")}) {
        QDirIterator it(dataDir + QLatin1Char('/') + sub, QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo fi(it.next());
            s.files << sub + QLatin1Char('/') +
                           QDir(dataDir + QLatin1Char('/') + sub).relativeFilePath(fi.filePath()) +
                           QLatin1Char(' ') + QString::number(fi.size());
        }
    }
    s.files.sort();
    return s;
}

inline QStringList partialFiles(const EngineSnapshot& s)
{
    QStringList out;
    for (const QString& f : s.files) {
        if (f.startsWith(QLatin1String("tmp/")) ||
            f.section(QLatin1Char(' '), 0, 0).endsWith(QLatin1String(".part")))
            out << f;
    }
    return out;
}

// Head of a POST whose body the caller then writes itself (slowly, or never completely).
inline QByteArray rawPostHead(const QString& path, const QString& token,
                              const QByteArray& contentType, qint64 contentLength)
{
    return "POST " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
           token.toUtf8() + "\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(contentLength) + "\r\n\r\n";
}

} // namespace cw::test
