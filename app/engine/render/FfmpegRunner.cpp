// ffmpeg as a child process, driven without an event loop so it runs on any thread (the
// engine's job workers are std::threads). The loop waits at most 100 ms for output, so a
// cancel request is honoured within about that long. Progress comes from `-progress pipe:1`
// key=value lines on stdout; stderr is kept only as a short tail for the error message.
// A loudness target (RenderCommand::normalizeLoudness) adds measure-and-correct steps on the
// .part file before the rename (see RenderGraph.h).
#include "render/FfmpegRunner.h"

#include "render/RenderFilters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/prctl.h>
#include <unistd.h>

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

// What the user reads when ffmpeg fails: a full disk in words (ffmpeg's own line is often
// not among the last ones), otherwise the end of its error output.
QString failureText(const QByteArray& err, const QString& fallback)
{
    if (err.contains("No space left on device") || err.contains("File too large") ||
        err.contains("Disk quota exceeded"))
        return tr("The disk is full: the render could not be written. Free some space and "
                  "try again.");
    const QString tail = lastLines(err, 5);
    return tail.isEmpty() ? fallback : tail;
}

} // namespace

std::function<void(const QByteArray&)> progressReader(qint64 durationMs,
                                                      std::function<void(double)> onFraction)
{
    struct State {
        QByteArray buffer;
        double last = 0;
    };
    auto state = std::make_shared<State>();
    return [durationMs, onFraction = std::move(onFraction), state](const QByteArray& bytes) {
        auto report = [&](double f) {
            if (f < state->last)
                return;
            state->last = f;
            if (onFraction)
                onFraction(f);
        };
        state->buffer += bytes;
        qsizetype nl;
        while ((nl = state->buffer.indexOf('\n')) >= 0) {
            const QByteArray l = state->buffer.left(nl).trimmed();
            state->buffer.remove(0, nl + 1);
            // out_time_ms is in microseconds too (a long-standing ffmpeg quirk).
            if (l.startsWith("out_time_us=") || l.startsWith("out_time_ms=")) {
                bool ok = false;
                const qint64 us = l.mid(l.indexOf('=') + 1).toLongLong(&ok);
                if (ok && us >= 0 && durationMs > 0)
                    report(std::min(1.0, double(us) / 1000.0 / double(durationMs)));
            } else if (l == "progress=end") {
                report(1.0);
            }
        }
    };
}

int runFfmpegStep(const QStringList& args, const std::atomic_bool* cancel, QByteArray* err,
                  const std::function<void(const QByteArray&)>& onOutput, bool background)
{
    QProcess proc;
    proc.setStandardInputFile(QProcess::nullDevice());
    proc.setChildProcessModifier([background] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (background)
            (void)::nice(10);
    });
    proc.start(ffmpegProgram(),
               QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                           QStringLiteral("-nostats")} +
                   args);
    if (!proc.waitForStarted(10000))
        return 1;
    while (proc.state() != QProcess::NotRunning) {
        if (cancel && cancel->load()) {
            proc.kill();
            proc.waitForFinished(5000);
            return 2;
        }
        proc.waitForFinished(100);
        if (err)
            *err += proc.readAllStandardError();
        const QByteArray out = proc.readAllStandardOutput();
        if (onOutput && !out.isEmpty())
            onOutput(out);
    }
    if (err)
        *err += proc.readAllStandardError();
    return proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0 ? 0 : 1;
}

double integratedLoudness(const QString& file, const std::atomic_bool* cancel, int* status,
                          const QString& before, QList<StageTime>* stages)
{
    QByteArray err;
    *status = runFfmpegStep(
        {QStringLiteral("-benchmark"), QStringLiteral("-i"), file, QStringLiteral("-vn"),
         QStringLiteral("-af"),
         before.isEmpty() ? QStringLiteral("ebur128") : before + QStringLiteral(",ebur128"),
         QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
        cancel, &err);
    if (stages)
        addStage(stages, QStringLiteral("loudness measure"), err);
    const int at = err.lastIndexOf("Integrated loudness:");
    const int i = at < 0 ? -1 : err.indexOf("I:", at);
    if (*status != 0 || i < 0)
        return std::nan("");
    bool ok = false;
    const double v = err.mid(i + 2, 16).trimmed().split(' ').value(0).toDouble(&ok);
    return ok ? v : std::nan("");
}

QString loudnessGainFilter(double gainDb)
{
    return QStringLiteral("volume=%1dB,alimiter=limit=0.84:level=false:attack=5:release=60,"
                          "aresample=48000")
        .arg(gainDb, 0, 'f', 2);
}

// Where the peaks already sit at the limiter's ceiling the limiter takes back part of a gain,
// so the gain is found by measuring what it gives (decoding the sound only, a fraction of an
// encode) rather than by encoding and measuring again.
int loudnessGain(const QString& file, double targetLufs, const std::atomic_bool* cancel,
                 double* gainDb, QList<StageTime>* stages)
{
    *gainDb = 0;
    int status = 0;
    const double measured = integratedLoudness(file, cancel, &status, {}, stages);
    if (status != 0 || !std::isfinite(measured) || measured < -69.0)
        return status; // silence: nothing to normalise
    double gain = targetLufs - measured;
    if (std::abs(gain) <= 0.5)
        return 0;
    for (int tries = 0; tries < 3; ++tries) {
        const double reached =
            integratedLoudness(file, cancel, &status, loudnessGainFilter(gain), stages);
        if (status != 0)
            return status;
        const double miss = targetLufs - reached;
        if (!std::isfinite(reached) || std::abs(miss) <= 0.5)
            break;
        gain = std::clamp(gain + miss, -40.0, 40.0);
    }
    *gainDb = gain;
    return 0;
}

namespace {

// Brings `part` to the target integrated loudness with one re-encode of its sound; 0 ok,
// 1 failed, 2 cancelled.
int correctLoudness(const RenderCommand& command, const QString& part,
                    const std::atomic_bool* cancel, QByteArray* err, QList<StageTime>* stages)
{
    double gain = 0;
    if (const int status = loudnessGain(part, command.loudnessLufs, cancel, &gain, stages);
        status != 0)
        return status;
    if (gain == 0)
        return 0;
    const QString fixed = part + QStringLiteral(".gain");
    const qsizetype before = err->size();
    const int r = runFfmpegStep(
        QStringList{QStringLiteral("-benchmark"), QStringLiteral("-i"), part,
                    QStringLiteral("-map"), QStringLiteral("0:v?"), QStringLiteral("-map"),
                    QStringLiteral("0:a"), QStringLiteral("-c:v"), QStringLiteral("copy"),
                    QStringLiteral("-af"), loudnessGainFilter(gain)} +
            (command.soundArgs.isEmpty()
                 ? render::aacArgs(command.audioBitrateK) +
                       QStringList{QStringLiteral("-movflags"), QStringLiteral("+faststart"),
                                   QStringLiteral("-f"), QStringLiteral("mp4")}
                 : command.soundArgs) +
            QStringList{QStringLiteral("-y"), fixed},
        cancel, err);
    addStage(stages, QStringLiteral("loudness fix"), err->mid(before));
    if (r != 0) {
        QFile::remove(fixed);
        return r;
    }
    if (std::rename(QFile::encodeName(fixed).constData(), QFile::encodeName(part).constData()) !=
        0) {
        QFile::remove(fixed);
        return 1;
    }
    return 0;
}

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
    args.prepend(QStringLiteral("-benchmark")); // the stage's CPU seconds (RenderStages.h)

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

    const std::function<void(const QByteArray&)> progress =
        progressReader(command.durationMs, onProgress);
    QByteArray errTail;
    auto drain = [&] {
        progress(proc.readAllStandardOutput());
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
        result.error =
            failureText(errTail, tr("ffmpeg failed (exit code %1)").arg(proc.exitCode()));
        return result;
    }
    addStage(&result.stages, QStringLiteral("main pass"), errTail);
    if (command.normalizeLoudness) {
        QByteArray err;
        const int r = correctLoudness(command, part, cancel, &err, &result.stages);
        if (r != 0) {
            QFile::remove(part);
            result.cancelled = r == 2;
            result.error =
                r == 2 ? tr("Cancelled") : failureText(err, tr("Loudness normalisation failed"));
            return result;
        }
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
