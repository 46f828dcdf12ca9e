// Compress to a size for the formats without a two-pass rate (SizeTarget.h has the plans):
// a GIF is drawn, measured and drawn again smaller (at most kGifTries times); MP3 and M4A are
// encoded once at the rate that fits. Both write next to the output and rename only a file
// under the limit (moveUnder), like the MP4's two passes.
#include "render/SizeRender.h"

#include "render/RenderDraft.h"
#include "render/RenderOutput.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace cw::engine {
namespace {

constexpr int kGifTries = 4;

QString tr(const char* text)
{
    return QCoreApplication::translate("SizeRender", text);
}

// Runs `preset`'s command into `sized`; false (with *result set) when it failed.
bool renderOnce(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                const RenderPreset& preset, const QString& sized, const QString& workDir,
                const std::function<void(double)>& onProgress, const std::atomic_bool* cancel,
                RunResult* result)
{
    *result = renderGraphInto(draft, inputs, preset, sized, workDir, onProgress, cancel);
    if (!result->ok)
        QFile::remove(sized);
    return result->ok;
}

} // namespace

RunResult renderGifToSize(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                          const RenderPreset& preset, qint64 maxBytes, const QString& finalPath,
                          const QString& workDir, const std::function<void(double)>& onProgress,
                          const std::atomic_bool* cancel)
{
    RenderPreset p = render::outputPreset(preset, draft);
    const QString sized = finalPath + QStringLiteral(".sized");
    const double width = p.width, height = p.height;
    GifTry at{true, std::max(p.width, p.height), kGifFps};
    RunResult result;
    for (int attempt = 0; attempt < kGifTries; ++attempt) {
        const double scale = at.longSide / std::max(width, height);
        p.name = QStringLiteral("size"); // renderSize keeps this picture
        p.width = std::max(16, int(width * scale + 0.5) / 2 * 2);
        p.height = std::max(16, int(height * scale + 0.5) / 2 * 2);
        p.gifFps = at.fps;
        // Later tries are usually much smaller: the first takes most of the bar.
        const double base = attempt == 0 ? 0.0 : 0.7 + 0.1 * (attempt - 1);
        const double span = attempt == 0 ? 0.7 : 0.1;
        if (!renderOnce(
                draft, inputs, p, sized, workDir,
                [&](double f) {
                    if (onProgress)
                        onProgress(base + span * f);
                },
                cancel, &result))
            return result;
        const qint64 size = QFileInfo(sized).size();
        qInfo("engine: GIF size target %lld bytes: %dx%d at %d fps wrote %lld", maxBytes, p.width,
              p.height, at.fps, size);
        if (size <= maxBytes)
            return moveUnder(sized, finalPath, result);
        QFile::remove(sized);
        at = nextGifTry(at.longSide, at.fps, size, maxBytes);
        if (!at.ok)
            break;
    }
    result.ok = false;
    result.error = tr("The GIF did not fit in %1 even at %2 px and 8 frames a second; make it "
                      "shorter or export a video instead.")
                       .arg(formatBytes(maxBytes))
                       .arg(kGifMinSide);
    return result;
}

RunResult renderSoundToSize(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                            const RenderPreset& preset, qint64 durationMs, qint64 maxBytes,
                            const QString& finalPath, const QString& workDir,
                            const std::function<void(double)>& onProgress,
                            const std::atomic_bool* cancel, SizePlan* planOut)
{
    RunResult result;
    if (preset.format == QLatin1String("wav")) {
        result.error = tr("A WAV file is not compressed, so it cannot be made to fit in %1; "
                          "export MP3 or M4A instead.")
                           .arg(formatBytes(maxBytes));
        return result;
    }
    const SizePlan plan = planSoundSize(durationMs, maxBytes);
    if (!plan.ok) {
        result.error = tr("%1 is too small for %2 s of sound: the smallest size that works is %3.")
                           .arg(formatBytes(maxBytes))
                           .arg(durationMs / 1000.0, 0, 'f', 1)
                           .arg(formatBytes(plan.minimumBytes));
        return result;
    }
    if (planOut)
        *planOut = plan;
    RenderPreset p = render::outputPreset(preset, draft);
    p.audioBitrateK = plan.audioKbps;
    const QString sized = finalPath + QStringLiteral(".sized");
    if (!renderOnce(draft, inputs, p, sized, workDir, onProgress, cancel, &result))
        return result;
    if (QFileInfo(sized).size() <= maxBytes)
        return moveUnder(sized, finalPath, result);
    QFile::remove(sized);
    result.ok = false;
    result.error = tr("The sound did not fit in %1.").arg(formatBytes(maxBytes));
    return result;
}

} // namespace cw::engine
