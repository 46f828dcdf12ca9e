// The 8-shot clip of tst_scenes and tst_scenechat: different lavfi sources joined with hard
// cuts at known frames (not on round times), 25 fps, no sound; the joining (also for
// UploadShots.h) and a look at an engine's child processes.
#pragma once

#include "TestMedia.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

namespace cw::test::scenes {

inline constexpr int kFps = 25;
// Frames per shot: the cuts fall at 83, 180, 251, 363, 427, 516 and 619 (3.32 s ... 24.76 s).
inline const QList<int> kShotFrames{83, 97, 71, 112, 64, 89, 103, 77};

// Writes the lavfi `sources` (each at 25 fps), `frames[i]` frames of each, joined with hard
// cuts, as H.264 to `out` (no sound).
inline bool joinShots(const QString& out, const QStringList& sources, const QList<int>& frames,
                      QString* error)
{
    QString graph, labels;
    for (int i = 0; i < sources.size(); ++i) {
        graph += QStringLiteral("%1,trim=end_frame=%2,setpts=PTS-STARTPTS,format=yuv420p,setsar=1"
                                "[v%3];")
                     .arg(sources[i])
                     .arg(frames.value(i))
                     .arg(i);
        labels += QStringLiteral("[v%1]").arg(i);
    }
    graph += labels + QStringLiteral("concat=n=%1:v=1:a=0[out]").arg(sources.size());
    return runFfmpeg({"-filter_complex", graph, "-map", "[out]", "-c:v", "libx264", "-preset",
                      "veryfast", "-pix_fmt", "yuv420p", out},
                     error);
}

// Writes the clip as H.264 to `out`.
inline bool makeShots(const QString& out, QString* error)
{
    const QStringList sources{
        "testsrc2=s=640x360:r=25",
        "smptebars=s=640x360:r=25",
        "mandelbrot=s=640x360:r=25",
        "color=c=red:s=640x360:r=25,noise=alls=20:allf=t",
        "rgbtestsrc=s=640x360:r=25",
        "cellauto=s=640x360:r=25",
        "life=s=640x360:r=25:mold=10:ratio=0.1:death_color=#C83232:life_color=#00ff00",
        "gradients=s=640x360:r=25:speed=0.02"};
    return joinShots(out, sources, kShotFrames, error);
}

// The pids of `pid`'s child processes whose command line contains `needle`.
inline QList<qint64> childrenOf(qint64 pid, const QByteArray& needle)
{
    QList<qint64> out;
    QDir task(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString& tid : task.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile children(task.filePath(tid + QStringLiteral("/children")));
        if (!children.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& child : children.readAll().split(' ')) {
            const QByteArray id = child.trimmed();
            QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(QString::fromLatin1(id)));
            if (!id.isEmpty() && cmd.open(QIODevice::ReadOnly) && cmd.readAll().contains(needle))
                out << id.toLongLong();
        }
    }
    return out;
}

inline QList<qint64> expectedCuts()
{
    QList<qint64> out;
    int frame = 0;
    for (int i = 0; i + 1 < kShotFrames.size(); ++i)
        out << (frame += kShotFrames[i]) * 1000 / kFps;
    return out;
}

} // namespace cw::test::scenes
