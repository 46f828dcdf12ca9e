#include "generate/GenerateRun.h"

#include "render/FfmpegRunner.h"

#include <QFile>
#include <QProcess>

namespace cw::engine {

bool runGenerator(const QStringList& args, QByteArray* out, QString* error, int timeoutMs)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    QProcess p;
    p.start(ffmpegProgram(), QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                                         QStringLiteral("-v"), QStringLiteral("error")} +
                                 args);
    if (!p.waitForStarted(10000))
        return fail(QStringLiteral("Cannot start ffmpeg."));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return fail(QStringLiteral("ffmpeg took too long."));
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return fail(QString::fromUtf8(p.readAllStandardError()).trimmed().left(400));
    return true;
}

bool generateFile(QStringList args, const QString& outPath, QString* error, int timeoutMs)
{
    const QString part = outPath + QStringLiteral(".part");
    if (args.isEmpty())
        return false;
    args.last() = part;
    if (!runGenerator(args, nullptr, error, timeoutMs)) {
        QFile::remove(part);
        return false;
    }
    QFile::remove(outPath);
    if (!QFile::rename(part, outPath)) {
        QFile::remove(part);
        if (error)
            *error = QStringLiteral("Cannot write %1.").arg(outPath);
        return false;
    }
    return true;
}

} // namespace cw::engine
