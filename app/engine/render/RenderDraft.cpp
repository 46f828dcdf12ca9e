#include "render/RenderDraft.h"

#include "media/Stabilise.h"
#include "media/SubjectTrack.h"
#include "render/PreviewAssembly.h"
#include "render/RenderOutput.h"
#include "render/SizeRender.h"
#include "render/SmartCodec.h"
#include "render/SmartRender.h"

#include <QFile>
#include <QTemporaryDir>

namespace cw::engine {

RunResult renderDraft(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                      const RenderPreset& chosen, const QString& finalPath, const QString& tmpDir,
                      const std::function<void(double fraction)>& onProgress,
                      const std::atomic_bool* cancel, bool* smart, const PreviewWindow* window)
{
    // An export runs at the project's rate (MediaIngest.cpp sets it from the first clip, so
    // 25 or 29.97 fps footage is not stuttered into 30); the preview stays at its proxies' 30.
    RenderPreset preset = chosen;
    const std::optional<FrameRate> projectFps =
        FrameRate::ofProject(draft.m.value(QLatin1String("fps")).toDouble(0));
    if (preset.name != QLatin1String("preview") && projectFps)
        preset.fps = *projectFps;
    if (smart)
        *smart = false;
    preset.keepCodec = fastExportAsked(draft, preset); // SmartCodec.h: HEVC stays HEVC
    // A crop that follows the subject needs the subject found first (media/SubjectTrack.h;
    // cached per media). The preview uses an analysis only when one exists.
    QHash<QString, RenderInput> ready = inputs;
    std::function<void(double)> progress = onProgress;
    const bool preview = preset.name == QLatin1String("preview");
    const QPair<int, int> frame = renderSize(draft, preset);
    if (const RunResult found =
            prepareReframe(draft, &ready, frame.first, frame.second, &progress, cancel, !preview);
        !found.ok)
        return found;
    if (preview) {
        QTemporaryDir work(tmpDir + QStringLiteral("/preview-XXXXXX"));
        const RunResult result = runPreviewAssembly(draft, ready, preset, finalPath, work.path(),
                                                    progress, cancel, window);
        if (result.ok || result.cancelled || (cancel && cancel->load()))
            return result;
        qInfo("engine: preview rendered whole: %s", qPrintable(result.error.left(300)));
    }
    // A size limit needs the planned bitrate: the smart render copies the sources' own.
    const qint64 maxBytes = preset.maxBytes > 0 ? preset.maxBytes : draftMaxBytes(draft);
    // The smart render writes MP4; other formats are the normal graph with other outputs.
    QString notSmart; // why the smart render steps aside, for the job log
    if (maxBytes <= 0 && preset.format == QLatin1String("mp4") && smartRenderEnabled() &&
        draftSuitsSmartRender(draft, inputs, preset, &notSmart)) {
        const QHash<QString, SmartSource> sources = probeSmartSources(draft, inputs);
        const SmartPlan plan = planSmartRender(draft, inputs, sources, preset);
        notSmart = plan.reason;
        if (plan.eligible) {
            QTemporaryDir work(tmpDir + QStringLiteral("/smart-XXXXXX"));
            const RunResult result =
                runSmartRender(plan, sources, preset, finalPath, work.path(), onProgress, cancel);
            if (result.ok || result.cancelled || (cancel && cancel->load())) {
                if (smart)
                    *smart = result.ok;
                return result;
            }
            notSmart = QStringLiteral("it failed: ") + result.error;
        }
    }
    logSmartStepAside(notSmart, preset);
    if (preset.keepCodec)
        logFastStepAside(notSmart.isEmpty() ? QStringLiteral("not an MP4 export without a size "
                                                             "limit")
                                            : notSmart);
    // Stabilised segments need their sources' shake analysed first (media/Stabilise.h; cached
    // per media, so only a clip's first export waits for it). Previews are not stabilised.
    if (preset.name != QLatin1String("preview"))
        if (const RunResult analysed = prepareStabilisation(draft, &ready, &progress, cancel);
            !analysed.ok)
            return analysed;
    QTemporaryDir textDir(tmpDir + QStringLiteral("/render-XXXXXX"));
    if (maxBytes > 0 && preset.name != QLatin1String("preview"))
        return renderToSize(draft, ready, preset, maxBytes, finalPath, textDir.path(), progress,
                            cancel);
    return renderGraphInto(draft, ready, render::outputPreset(preset, draft), finalPath,
                           textDir.path(), progress, cancel);
}

RunResult renderGraphInto(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                          const RenderPreset& preset, const QString& path, const QString& workDir,
                          const std::function<void(double fraction)>& onProgress,
                          const std::atomic_bool* cancel)
{
    const RenderCommand command = render::withOutputFormat(
        buildRenderCommand(draft, inputs, preset, path, workDir, defaultFontFile()), preset);
    if (!command.error.isEmpty()) {
        RunResult failed;
        failed.error = command.error;
        return failed;
    }
    const RunResult result = runFfmpeg(command, path, onProgress, cancel);
    for (const QString& file : command.files)
        QFile::remove(file);
    return result;
}

} // namespace cw::engine
