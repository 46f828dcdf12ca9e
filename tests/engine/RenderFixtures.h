// Shared by the render tests of single operations (tst_fades, tst_overlays): a small, fast
// preset; the normal render of a draft into a file; a clip's preview proxies made as the engine
// makes them. Header-only.
#pragma once

#include "render/FfmpegRunner.h"
#include "render/PreviewMedia.h"
#include "render/RenderGraph.h"

#include "TestMedia.h"

#include <QDebug>
#include <QTemporaryDir>

namespace cw::test {

inline engine::RenderPreset smallPreset()
{
    engine::RenderPreset p;
    p.name = QStringLiteral("test");
    p.width = 320;
    p.height = 180;
    p.x264Preset = QStringLiteral("ultrafast");
    return p;
}

// dir/name rendered from `draft` by the normal render; "" with *error on failure.
inline QString renderDraft(const Draft& draft, const QHash<QString, engine::RenderInput>& inputs,
                           const QTemporaryDir& dir, const QString& name, QString* error)
{
    const QString out = dir.filePath(name);
    const engine::RenderCommand cmd = engine::buildRenderCommand(
        draft, inputs, smallPreset(), out, dir.path(), engine::defaultFontFile());
    if (!cmd.error.isEmpty()) {
        *error = cmd.error;
        return {};
    }
    const engine::RunResult r = engine::runFfmpeg(cmd, out, {}, nullptr);
    *error = r.error;
    return r.ok ? out : QString();
}

// renderDraft, its error a warning (the caller checks the path it gets).
inline QString renderOrWarn(const Draft& draft, const QHash<QString, engine::RenderInput>& inputs,
                            const QTemporaryDir& dir, const QString& name)
{
    QString error;
    const QString out = renderDraft(draft, inputs, dir, name, &error);
    if (out.isEmpty())
        qWarning() << error;
    return out;
}

// Makes `in`'s proxies (picture and sound) in dir and points `in` at them.
inline bool makeProxies(engine::RenderInput* in, const QTemporaryDir& dir, QString* error)
{
    in->proxyVideo = dir.filePath(QStringLiteral("proxy.mp4"));
    in->proxySound = dir.filePath(QStringLiteral("proxy.wav"));
    return runFfmpeg(engine::proxyArgs(in->path, in->proxyVideo, in->proxySound), error);
}

} // namespace cw::test
