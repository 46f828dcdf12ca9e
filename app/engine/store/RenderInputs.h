// The render inputs of a draft, from the session's media rows: one place for the server's
// render route and the headless CLI, so both treat stills, silent clips and foreign media
// alike.
#pragma once

#include "render/RenderGraph.h"
#include "store/Store.h"

namespace cw::engine {

// The render input of one media row: its file, streams, and the display fixes the probe
// asks for (non-square pixels, HDR).
RenderInput renderInputOf(const MediaRecord& m);

// Media id -> render input for every source the draft uses; false with *missing set to the
// first id that is not media of the session.
bool collectRenderInputs(Store& store, const QString& sessionId, const Draft& draft,
                         QHash<QString, RenderInput>* inputs, QString* missing);

} // namespace cw::engine
