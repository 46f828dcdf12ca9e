// The render of a draft that must fit a byte limit (SizeTarget.h plans the rates): two-pass
// x264 at the planned bitrate, since a first pass that has seen the whole picture spends the
// bits where they show and lands within a few percent of the target, which one pass with a
// cap does not. The file is measured, and encoded once more 10% lower when it is still over.
// Like every render it goes through runFfmpeg (progress, cancel, .part then rename), and no
// file is left at the output path unless it is under the limit.
#pragma once

#include "render/FfmpegRunner.h"
#include "render/SizeTarget.h"

namespace cw::engine {

// The limit a draft's export asks for: m.export.max_bytes, else 0.
qint64 draftMaxBytes(const Draft& draft);

// preset: the export's (after the project rate is applied); workDir: a folder for the pass
// log and the text files, removed by the caller. *plan: the rates that made the file.
RunResult renderToSize(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                       const RenderPreset& preset, qint64 maxBytes, const QString& finalPath,
                       const QString& workDir, const std::function<void(double)>& onProgress,
                       const std::atomic_bool* cancel, SizePlan* plan = nullptr);

// The formats renderToSize hands on (SizeRenderFormats.cpp): a GIF drawn smaller until it
// fits; MP3/M4A at the rate that fits (a WAV cannot be sized: an error says so).
RunResult renderGifToSize(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                          const RenderPreset& preset, qint64 maxBytes, const QString& finalPath,
                          const QString& workDir, const std::function<void(double)>& onProgress,
                          const std::atomic_bool* cancel);
RunResult renderSoundToSize(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                            const RenderPreset& preset, qint64 durationMs, qint64 maxBytes,
                            const QString& finalPath, const QString& workDir,
                            const std::function<void(double)>& onProgress,
                            const std::atomic_bool* cancel, SizePlan* planOut);
// Renames `sized` (a finished file under the limit) to finalPath; `result` failed when not.
RunResult moveUnder(const QString& sized, const QString& finalPath, RunResult result);

// The plan renderToSize would start from, for a reply before the render (the draft's length
// and picture size at this preset).
SizePlan planDraftSize(const Draft& draft, qint64 durationMs, const RenderPreset& preset,
                       qint64 maxBytes);

} // namespace cw::engine
