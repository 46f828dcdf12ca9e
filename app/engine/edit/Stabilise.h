// Stabilising shaky footage (pure Draft -> Draft like Operations.h). The stretch's edges
// become cuts first, then every main-track footage segment inside it is marked
//   m.stab true       the render smooths the camera's shake in it (media/Stabilise.h: FFmpeg's
//                     vid.stab, the motion analysed once per media and cached);
// removing takes the mark off again. Other tracks (B-roll, logos, picture-in-picture) keep
// their own picture: a cutaway over a stabilised stretch is not stabilised.
#pragma once

#include "edit/Operations.h"

namespace cw::engine {

// [fromMs, toMs) of the timeline (toMs <= fromMs: the whole video); on=false removes the
// stabilisation there. details: from_ms, to_ms, segments (how many were marked or cleared).
EditResult stabiliseRange(const Draft& draft, qint64 fromMs, qint64 toMs, bool on = true);

} // namespace cw::engine
