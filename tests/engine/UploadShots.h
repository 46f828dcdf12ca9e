// The clips of tst_uploadanalysis: a 46-second clip of six lavfi shots joined with hard cuts at
// known frames (8.84, 15.2, 21.16, 28.6 and 40.52 s at 25 fps; four of them within 3 s of a
// 10-second mark, 15.2 s near none), long enough that its scene pass runs for seconds, and what
// the engine sees in it: the cache row of its analysis, its ffmpeg children, and any process
// anywhere that still reads a file of its data dir.
#pragma once

#include "SceneShots.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUuid>

namespace cw::test::upload {

inline constexpr int kFps = 25;
inline const QList<int> kShotFrames{221, 159, 149, 186, 298, 137};

inline bool makeShots(const QString& out, QString* error)
{
    const QStringList sources{
        "testsrc2=s=640x360:r=25",   "smptebars=s=640x360:r=25",
        "mandelbrot=s=640x360:r=25", "color=c=red:s=640x360:r=25,noise=alls=20:allf=t",
        "rgbtestsrc=s=640x360:r=25", "gradients=s=640x360:r=25:speed=0.02"};
    return scenes::joinShots(out, sources, kShotFrames, error);
}

inline QList<qint64> expectedCuts()
{
    QList<qint64> out;
    int frame = 0;
    for (int i = 0; i + 1 < kShotFrames.size(); ++i)
        out << (frame += kShotFrames[i]) * 1000 / kFps;
    return out;
}

// The number of scene analyses in the engine's cache (its SQLite file, read beside it).
inline int cachedSceneAnalyses(const QString& dataDir)
{
    const QString name = QUuid::createUuid().toString();
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/engine.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(
                    QStringLiteral("SELECT COUNT(*) FROM analyses WHERE hash LIKE '%:scenes'")) &&
                q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

using scenes::childrenOf;

// Any process on the machine whose command line names `path` (a child left behind).
inline int processesNaming(const QString& path)
{
    int n = 0;
    const QByteArray needle = path.toUtf8();
    for (const QString& id : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (id.isEmpty() || !id.at(0).isDigit())
            continue;
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(id));
        if (cmd.open(QIODevice::ReadOnly) && cmd.readAll().contains(needle))
            ++n;
    }
    return n;
}

} // namespace cw::test::upload
