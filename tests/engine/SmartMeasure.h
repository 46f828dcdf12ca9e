// Measurements of real renders for tst_smartrender: streams and durations from ffprobe,
// decoded frame counts, per-frame PSNR against the source frames a cut keeps, the times of the
// test clip's flashes, and the CPU the ffmpeg children used.
#pragma once

#include "TestMedia.h"
#include "render/SmartRender.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <sys/resource.h>

namespace cw::test {

inline QJsonObject streamOf(const QJsonObject& probe, const QString& type)
{
    for (const QJsonValue& v : probe.value("streams").toArray())
        if (v.toObject().value("codec_type").toString() == type)
            return v.toObject();
    return {};
}

inline QByteArray run(const QString& program, const QStringList& args, QByteArray* err = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(300000);
    if (err)
        *err = p.readAllStandardError();
    return p.readAllStandardOutput();
}

inline double durationOfClip(const QString& file)
{
    return cw::test::probe(file).value("format").toObject().value("duration").toString().toDouble();
}

// CPU time of the children waited for so far (the ffmpeg runs).
inline double childCpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

inline int frameCount(const QString& file)
{
    return run("ffprobe", {"-v", "error", "-count_frames", "-select_streams", "v:0",
                           "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file})
        .trimmed()
        .toInt();
}

// Per-frame PSNR (average of the planes) from a psnr filter over `inputs` fed by `graph`,
// which ends in "psnr" (the stats file option is appended).
inline QList<double> perFramePsnr(const QStringList& inputs, const QString& graph)
{
    QTemporaryDir dir;
    const QString stats = dir.filePath("psnr.txt");
    run("ffmpeg", QStringList{"-v", "error"} + inputs +
                      QStringList{"-lavfi", graph + "=stats_file=" + stats, "-f", "null", "-"});
    QFile f(stats);
    QList<double> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const int at = line.indexOf("psnr_avg:");
        if (at < 0)
            continue;
        const QByteArray v = line.mid(at + 9).split(' ').value(0);
        out << (v == "inf" ? 99.0 : v.toDouble());
    }
    return out;
}

// `file` against the source frames of `ranges`.
inline QList<double> psnrAgainstSource(const QString& file, const QString& source,
                                       const QList<cw::engine::SmartRange>& ranges)
{
    QStringList terms;
    for (const cw::engine::SmartRange& r : ranges)
        terms << QStringLiteral("between(n,%1,%2)").arg(r.from).arg(r.to - 1);
    return perFramePsnr({"-i", file, "-i", source},
                        QStringLiteral("[1:v]select='%1',setpts=N/30/TB[r];[0:v]setpts=N/30/TB[o];"
                                       "[o][r]psnr")
                            .arg(terms.join('+')));
}

// Flash frames (the top-left square turns white) and beep onsets (seconds) of a render.
inline QList<double> flashTimes(const QString& file, double fps = 30.0)
{
    const QByteArray luma =
        run("ffmpeg", {"-v", "error", "-i", file, "-vf", "crop=96:96:16:16,scale=1:1,format=gray",
                       "-f", "rawvideo", "-"});
    QList<double> out;
    for (int i = 0; i < luma.size(); ++i)
        if (quint8(luma[i]) > 128 && (i == 0 || quint8(luma[i - 1]) <= 128))
            out << i / fps;
    return out;
}

} // namespace cw::test
