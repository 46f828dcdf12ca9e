// The 8-shot clip of tst_scenes and tst_scenechat: different lavfi sources joined with hard
// cuts at known frames (not on round times), 25 fps, no sound.
#pragma once

#include "TestMedia.h"

#include <QList>
#include <QString>

namespace cw::test::scenes {

inline constexpr int kFps = 25;
// Frames per shot: the cuts fall at 83, 180, 251, 363, 427, 516 and 619 (3.32 s ... 24.76 s).
inline const QList<int> kShotFrames{83, 97, 71, 112, 64, 89, 103, 77};

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
    QString graph, labels;
    for (int i = 0; i < sources.size(); ++i) {
        graph += QStringLiteral("%1,trim=end_frame=%2,setpts=PTS-STARTPTS,format=yuv420p,setsar=1"
                                "[v%3];")
                     .arg(sources[i])
                     .arg(kShotFrames[i])
                     .arg(i);
        labels += QStringLiteral("[v%1]").arg(i);
    }
    graph += labels + QStringLiteral("concat=n=8:v=1:a=0[out]");
    return runFfmpeg({"-filter_complex", graph, "-map", "[out]", "-c:v", "libx264", "-preset",
                      "veryfast", "-pix_fmt", "yuv420p", out},
                     error);
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
