// ffmpeg as a child process, driven without an event loop so it runs on any thread (the
// engine's job workers are std::threads). The loop waits at most 100 ms for output, so a
// cancel request is honoured within about that long. Progress comes from `-progress pipe:1`
// key=value lines on stdout; stderr is kept only as a short tail for the error message.
#include "render/FfmpegRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>

namespace cw::engine {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FfmpegRunner", text);
}

QString lastLines(const QByteArray& text, int count)
{
    QStringList lines;
    for (const QByteArray& l : text.split('\n')) {
        const QString s = QString::fromUtf8(l).trimmed();
        if (!s.isEmpty())
            lines << s;
    }
    return lines.mid(std::max(0, int(lines.size()) - count)).join(QLatin1Char('\n'));
}

class ProgressParser {
public:
    ProgressParser(qint64 durationMs, const std::function<void(double)>& cb)
        : durationMs_(durationMs), cb_(cb)
    {}

    void feed(const QByteArray& bytes)
    {
        buffer_ += bytes;
        int nl;
        while ((nl = buffer_.indexOf('\n')) >= 0) {
            line(buffer_.left(nl).trimmed());
            buffer_.remove(0, nl + 1);
        }
    }

private:
    void line(const QByteArray& l)
    {
        // out_time_ms is in microseconds too (a long-standing ffmpeg quirk).
        if (l.startsWith("out_time_us=") || l.startsWith("out_time_ms=")) {
            bool ok = false;
            const qint64 us = l.mid(l.indexOf('=') + 1).toLongLong(&ok);
            if (ok && us >= 0 && durationMs_ > 0)
                report(std::min(1.0, double(us) / 1000.0 / double(durationMs_)));
        } else if (l == "progress=end") {
            report(1.0);
        }
    }

    void report(double f)
    {
        if (f < last_)
            return;
        last_ = f;
        if (cb_)
            cb_(f);
    }

    qint64 durationMs_;
    const std::function<void(double)>& cb_;
    QByteArray buffer_;
    double last_ = 0;
};

} // namespace

QString ffmpegProgram()
{
    const QString env = qEnvironmentVariable("CLIPWRIGHT_FFMPEG");
    return env.isEmpty() ? QStringLiteral("ffmpeg") : env;
}

RunResult runFfmpeg(const RenderCommand& command, const QString& finalPath,
                    const std::function<void(double fraction)>& onProgress,
                    const std::atomic_bool* cancel)
{
    RunResult result;
    if (!command.error.isEmpty() || command.args.isEmpty()) {
        result.error = command.error.isEmpty() ? tr("Nothing to render") : command.error;
        return result;
    }
    const QString part = finalPath + QStringLiteral(".part");
    QStringList args = command.args;
    args.last() = part;

    QDir().mkpath(QFileInfo(finalPath).absolutePath());
    QProcess proc;
    proc.setProcessChannelMode(QProcess::SeparateChannels);
    proc.setStandardInputFile(QProcess::nullDevice());
    // If the engine is killed (-9), its encoder must die with it rather than go on writing
    // a .part file nobody will rename or clean up.
    proc.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    proc.start(ffmpegProgram(), args);
    if (!proc.waitForStarted(10000)) {
        result.error = tr("Cannot start %1: %2").arg(ffmpegProgram(), proc.errorString());
        return result;
    }

    ProgressParser progress(command.durationMs, onProgress);
    QByteArray errTail;
    auto drain = [&] {
        progress.feed(proc.readAllStandardOutput());
        errTail += proc.readAllStandardError();
        if (errTail.size() > 16384)
            errTail = errTail.right(8192);
    };

    while (proc.state() != QProcess::NotRunning) {
        if (cancel && cancel->load()) {
            proc.kill();
            proc.waitForFinished(5000);
            QFile::remove(part);
            result.cancelled = true;
            result.error = tr("Cancelled");
            return result;
        }
        proc.waitForReadyRead(100);
        drain();
    }
    proc.waitForFinished(1000);
    drain();

    if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        QFile::remove(part);
        const QString tail = lastLines(errTail, 5);
        result.error =
            tail.isEmpty() ? tr("ffmpeg failed (exit code %1)").arg(proc.exitCode()) : tail;
        return result;
    }
    // rename(2) replaces an existing file atomically: readers see the old or the new file.
    if (std::rename(QFile::encodeName(part).constData(),
                    QFile::encodeName(finalPath).constData()) != 0) {
        QFile::remove(part);
        result.error = tr("Cannot move the render to %1").arg(finalPath);
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace cw::engine
