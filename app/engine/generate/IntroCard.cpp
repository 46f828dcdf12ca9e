// Frame choice: eight candidates at 10%..90% of the clip are decoded as small grey images;
// a frame darker than a mean of 40/255 is rejected, the rest are scored by the mean absolute
// difference between neighbouring pixels (a cheap sharpness measure that also prefers
// detail over flat colour). The intro is then one ffmpeg run over that single frame:
// cover-scale at twice the size (so zoompan's push-in does not judder), zoompan 1.0 -> 1.08,
// black bars of 12% top and bottom, a fade from black, the title fading in after 0.6 s, and
// a swell (a rising chord over filtered noise) with a short fade-out.
#include "generate/IntroCard.h"

#include "generate/GenerateRun.h"
#include "render/RenderGraph.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>

namespace cw::engine {
namespace {

QString secs(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

} // namespace

qint64 pickIntroFrame(const QString& sourcePath, qint64 sourceDurationMs, QString* error)
{
    if (sourceDurationMs <= 0)
        return 0; // a still picture
    const int w = 96;
    const int h = 54;
    qint64 best = -1;
    double bestScore = -1;
    qint64 fallback = -1;
    for (int k = 1; k <= 8; ++k) {
        const qint64 at = sourceDurationMs * (k + 1) / 10 - sourceDurationMs / 10;
        QByteArray px;
        if (!runGenerator({QStringLiteral("-ss"), secs(at), QStringLiteral("-i"), sourcePath,
                           QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-vf"),
                           QStringLiteral("scale=%1:%2,format=gray").arg(w).arg(h),
                           QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-")},
                          &px, error, 120000) ||
            px.size() != w * h)
            continue;
        double mean = 0;
        double detail = 0;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const int v = quint8(px[y * w + x]);
                mean += v;
                if (x + 1 < w)
                    detail += std::abs(v - int(quint8(px[y * w + x + 1])));
                if (y + 1 < h)
                    detail += std::abs(v - int(quint8(px[(y + 1) * w + x])));
            }
        }
        mean /= w * h;
        if (fallback < 0)
            fallback = at;
        if (mean < 40)
            continue;
        if (detail > bestScore) {
            bestScore = detail;
            best = at;
        }
    }
    return best >= 0 ? best : fallback;
}

bool generateIntro(const QString& outPath, const QString& sourcePath, qint64 sourceDurationMs,
                   const IntroOptions& options, const QString& workDir, QString* error,
                   qint64* pickedMs)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const qint64 at = pickIntroFrame(sourcePath, sourceDurationMs, error);
    if (at < 0)
        return fail(QStringLiteral("Cannot read a frame from the video."));
    if (pickedMs)
        *pickedMs = at;
    if (!QDir().mkpath(workDir))
        return fail(QStringLiteral("Cannot create %1.").arg(workDir));
    // Several intros may be made at once in the same work folder: each gets its own.
    QTemporaryDir tmp(QDir(workDir).filePath(QStringLiteral("intro-XXXXXX")));
    if (!tmp.isValid())
        return fail(QStringLiteral("Cannot create a folder in %1.").arg(workDir));
    const qint64 d = std::clamp<qint64>(options.durationMs, 3000, 5000);
    const int w = options.width / 2 * 2;
    const int h = options.height / 2 * 2;
    const int frames = int(d * options.fps / 1000);
    const QString frame = tmp.filePath(QStringLiteral("frame.png"));
    if (!runGenerator({QStringLiteral("-y"), QStringLiteral("-ss"), secs(at), QStringLiteral("-i"),
                       sourcePath, QStringLiteral("-frames:v"), QStringLiteral("1"), frame},
                      nullptr, error, 120000))
        return false;

    QString video = QStringLiteral("[0:v]scale=%1:%2:force_original_aspect_ratio=increase,"
                                   "crop=%1:%2,setsar=1,"
                                   "zoompan=z='1+0.08*on/%3':x='iw/2-(iw/zoom/2)':"
                                   "y='ih/2-(ih/zoom/2)':d=%3:s=%4x%5:fps=%6,"
                                   "drawbox=x=0:y=0:w=iw:h=ih*0.12:color=black:t=fill,"
                                   "drawbox=x=0:y=ih*0.88:w=iw:h=ih*0.12:color=black:t=fill,"
                                   "fade=t=in:st=0:d=0.6")
                        .arg(w * 2)
                        .arg(h * 2)
                        .arg(frames)
                        .arg(w)
                        .arg(h)
                        .arg(options.fps);
    QString textFile;
    if (!options.title.trimmed().isEmpty()) {
        textFile = tmp.filePath(QStringLiteral("title.txt"));
        QFile f(textFile);
        const QByteArray bytes = options.title.trimmed().toUtf8();
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            return fail(QStringLiteral("Cannot write %1.").arg(textFile));
        f.close();
        const QString font = options.fontFile.isEmpty() ? defaultFontFile() : options.fontFile;
        video += QStringLiteral(",drawtext=fontfile=") + escapeFilterValue(font) +
                 QStringLiteral(":textfile=") + escapeFilterValue(textFile) +
                 QStringLiteral(":expansion=none:fontsize=%1:fontcolor=white:"
                                "shadowcolor=black@0.7:shadowx=3:shadowy=3:"
                                "x=(w-text_w)/2:y=(h-text_h)/2:"
                                "alpha='if(lt(t,0.6),0,min(1,(t-0.6)/0.9))'")
                     .arg(std::min(w, h) / 9);
    }
    video += QStringLiteral(",format=yuv420p[v]");
    const QString D = secs(d);
    const QString audio =
        QStringLiteral("aevalsrc=exprs='(t/%1)*(t/%1)*(0.12*sin(2*PI*t*(110+40*t/%1))"
                       "+0.08*sin(2*PI*t*(165+60*t/%1))+0.06*sin(2*PI*t*(220+80*t/%1)))':"
                       "s=48000:c=stereo:d=%1,afade=t=out:st=%2:d=0.3[a]")
            .arg(D, secs(d - 300));
    const bool ok = generateFile({QStringLiteral("-y"),
                                  QStringLiteral("-i"),
                                  frame,
                                  QStringLiteral("-filter_complex"),
                                  video + QLatin1Char(';') + audio,
                                  QStringLiteral("-map"),
                                  QStringLiteral("[v]"),
                                  QStringLiteral("-map"),
                                  QStringLiteral("[a]"),
                                  QStringLiteral("-t"),
                                  D,
                                  QStringLiteral("-c:v"),
                                  QStringLiteral("libx264"),
                                  QStringLiteral("-preset"),
                                  QStringLiteral("veryfast"),
                                  QStringLiteral("-crf"),
                                  QStringLiteral("20"),
                                  QStringLiteral("-pix_fmt"),
                                  QStringLiteral("yuv420p"),
                                  QStringLiteral("-r"),
                                  QString::number(options.fps),
                                  QStringLiteral("-c:a"),
                                  QStringLiteral("aac"),
                                  QStringLiteral("-ar"),
                                  QStringLiteral("48000"),
                                  QStringLiteral("-f"),
                                  QStringLiteral("mp4"),
                                  outPath},
                                 outPath, error, 300000);
    QFile::remove(frame);
    if (!textFile.isEmpty())
        QFile::remove(textFile);
    return ok;
}

} // namespace cw::engine
