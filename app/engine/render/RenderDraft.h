// The one way a draft becomes a video file, for the server's render queue and the headless
// CLI alike: the smart render when the draft and its sources allow it (SmartRender.h), else
// the normal render (RenderGraph.h). A smart render that fails for any reason but cancel is
// followed by the normal render, so the smart path can only make an export faster.
#pragma once

#include "render/FfmpegRunner.h"

namespace cw::engine {

struct PreviewWindow;

// tmpDir: where work files go (a fresh folder inside it, removed afterwards). *smart tells
// which path produced the file. window: the preview's progressive part (PreviewAssembly.h).
RunResult renderDraft(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                      const RenderPreset& preset, const QString& finalPath, const QString& tmpDir,
                      const std::function<void(double fraction)>& onProgress,
                      const std::atomic_bool* cancel, bool* smart = nullptr,
                      const PreviewWindow* window = nullptr);

// The normal render's one ffmpeg run: the draft's graph with the preset's output format into
// `path` (work files in workDir, removed afterwards); a graph that cannot be built fails with
// its reason. renderDraft's last step, and each try of a size-limited GIF or sound file.
RunResult renderGraphInto(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                          const RenderPreset& preset, const QString& path, const QString& workDir,
                          const std::function<void(double fraction)>& onProgress,
                          const std::atomic_bool* cancel);

} // namespace cw::engine
