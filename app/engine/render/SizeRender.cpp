// Two passes share one argument vector: the normal graph's, with -crf swapped for the planned
// -b:v. Pass 1 writes to the null muxer (its sound is encoded too: the graph's [aout] must go
// somewhere, and AAC costs little next to the picture). The finished file is written next to
// the output under another name and renamed only when it is under the limit, so a file at
// the output path is always a good one.
#include "render/SizeRender.h"

#include "render/RenderOutput.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>

namespace cw::engine {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SizeRender", text);
}

constexpr double kFirstPassShare = 0.45; // of the progress bar: pass 1 decodes the same graph
constexpr double kRetryFactor = 0.9;

RenderPreset sizedPreset(const RenderPreset& output, const SizePlan& plan)
{
    RenderPreset p = output;
    p.name = QStringLiteral("size"); // renderSize then keeps the planned picture
    p.width = plan.width;
    p.height = plan.height;
    p.audioBitrateK = plan.audioKbps;
    return p;
}

// The -crf of x264Args becomes the planned bitrate and this pass's options (pass 0: one pass,
// VP9's: libvpx's realtime mode writes no first-pass statistics, and its "good" two passes
// took 9x longer, 113 s for 8 s of 1080p on two cores; one realtime pass at a bitrate lands
// within ~13% over it, which the measured retries absorb).
QStringList passArgs(QStringList args, const SizePlan& plan, int pass, const QString& log)
{
    const int crf = int(args.indexOf(QStringLiteral("-crf")));
    if (crf < 0 || crf + 1 >= args.size())
        return {};
    // VP9's constant quality is -crf with -b:v 0: the planned -b:v replaces both.
    const int zero = int(args.indexOf(QStringLiteral("-b:v")));
    if (zero > 0 && zero + 1 < args.size() && args.at(zero + 1) == QLatin1String("0"))
        args.remove(zero, 2);
    args[crf] = QStringLiteral("-b:v");
    args[crf + 1] = QStringLiteral("%1k").arg(plan.videoKbps);
    if (pass == 0)
        return args;
    args.insert(crf + 2, QStringLiteral("-pass"));
    args.insert(crf + 3, QString::number(pass));
    args.insert(crf + 4, QStringLiteral("-passlogfile"));
    args.insert(crf + 5, log);
    if (pass == 1) {
        const int faststart = int(args.indexOf(QStringLiteral("+faststart")));
        if (faststart > 0)
            args.remove(faststart - 1, 2);
        const int format = int(args.lastIndexOf(QStringLiteral("-f")));
        if (format < 0 || format + 1 >= args.size())
            return {};
        args[format + 1] = QStringLiteral("null");
        args.last() = QStringLiteral("-");
    }
    return args;
}

} // namespace

qint64 draftMaxBytes(const Draft& draft)
{
    return qint64(draft.m.value(QLatin1String("export"))
                      .toObject()
                      .value(QLatin1String("max_bytes"))
                      .toDouble(0));
}

RunResult moveUnder(const QString& sized, const QString& finalPath, RunResult result)
{
    if (std::rename(QFile::encodeName(sized).constData(),
                    QFile::encodeName(finalPath).constData()) != 0) {
        QFile::remove(sized);
        result.ok = false;
        result.error = tr("Cannot move the render to %1").arg(finalPath);
    }
    return result;
}

SizePlan planDraftSize(const Draft& draft, qint64 durationMs, const RenderPreset& preset,
                       qint64 maxBytes)
{
    const RenderPreset output = render::outputPreset(preset, draft);
    const auto [w, h] = renderSize(draft, output);
    return planSize(durationMs, maxBytes, w, h, output.fps.value());
}

RunResult renderToSize(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                       const RenderPreset& preset, qint64 maxBytes, const QString& finalPath,
                       const QString& workDir, const std::function<void(double)>& onProgress,
                       const std::atomic_bool* cancel, SizePlan* planOut)
{
    RunResult result;
    if (preset.format == QLatin1String("gif"))
        return renderGifToSize(draft, inputs, preset, maxBytes, finalPath, workDir, onProgress,
                               cancel);
    const RenderPreset output = render::outputPreset(preset, draft);
    const RenderCommand probe =
        buildRenderCommand(draft, inputs, output, finalPath, workDir, defaultFontFile());
    for (const QString& file : probe.files)
        QFile::remove(file);
    if (!probe.error.isEmpty()) {
        result.error = probe.error;
        return result;
    }
    const qint64 durationMs = probe.durationMs;
    if (isAudioFormat(preset.format))
        return renderSoundToSize(draft, inputs, preset, durationMs, maxBytes, finalPath, workDir,
                                 onProgress, cancel, planOut);
    double shown = 0.0;
    auto report = [&](double f) {
        if (f > shown && onProgress) {
            shown = f;
            onProgress(f);
        }
    };
    const QString sized = finalPath + QStringLiteral(".sized");
    const QString log = workDir + QStringLiteral("/pass");
    const bool onePass = preset.format == QLatin1String("webm");
    qint64 budget = maxBytes;
    for (int attempt = 0; attempt < (onePass ? 3 : 2); ++attempt) {
        const SizePlan plan = planDraftSize(draft, durationMs, preset, budget);
        if (!plan.ok) {
            result.error =
                tr("%1 is too small for %2 s of video: the smallest size that works is %3.")
                    .arg(formatBytes(maxBytes))
                    .arg(durationMs / 1000.0, 0, 'f', 1)
                    .arg(formatBytes(plan.minimumBytes));
            return result;
        }
        if (planOut)
            *planOut = plan;
        const RenderPreset p = sizedPreset(output, plan);
        const RenderCommand command = render::withOutputFormat(
            buildRenderCommand(draft, inputs, p, sized, workDir, defaultFontFile()), p);
        if (!command.error.isEmpty()) {
            result.error = command.error;
            return result;
        }
        const QStringList first = onePass ? QStringList() : passArgs(command.args, plan, 1, log);
        RenderCommand second = command;
        second.args = passArgs(command.args, plan, onePass ? 0 : 2, log);
        if ((!onePass && first.isEmpty()) || second.args.isEmpty()) {
            result.error = tr("The size-limited render could not be set up");
            return result;
        }
        qInfo("engine: size target %lld bytes (attempt %d): %s", budget, attempt + 1,
              qPrintable(describeSizePlan(plan)));
        QByteArray err;
        const double base = attempt == 0 ? 0.0 : 0.9;
        const double span = attempt == 0 ? 1.0 : 0.1;
        const double share = onePass ? 0.0 : kFirstPassShare;
        const int step =
            onePass ? 0
                    : runFfmpegStep(first, cancel, &err, progressReader(durationMs, [&](double f) {
                                        report(base + span * kFirstPassShare * f);
                                    }));
        if (step != 0) {
            for (const QString& file : command.files)
                QFile::remove(file);
            result.cancelled = step == 2;
            result.error =
                step == 2 ? tr("Cancelled") : QString::fromUtf8(err.right(600)).trimmed();
            return result;
        }
        result = runFfmpeg(
            second, sized, [&](double f) { report(base + span * (share + (1 - share) * f)); },
            cancel);
        for (const QString& file : command.files)
            QFile::remove(file);
        if (!result.ok) {
            QFile::remove(sized);
            return result;
        }
        const qint64 size = QFileInfo(sized).size();
        qInfo("engine: size target %lld bytes: wrote %lld", maxBytes, size);
        if (size <= maxBytes)
            return moveUnder(sized, finalPath, result);
        QFile::remove(sized);
        // Lower by what was over, and at least kRetryFactor.
        budget = qint64(double(budget) * std::min(kRetryFactor, double(maxBytes) / double(size)));
    }
    result.ok = false;
    result.error =
        tr("The video did not fit in %1 even at a lower bitrate.").arg(formatBytes(maxBytes));
    return result;
}

} // namespace cw::engine
