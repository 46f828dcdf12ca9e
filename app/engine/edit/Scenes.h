// Edits at scene changes (media/SceneDetect.h finds them in each source file). Pure Draft ->
// Draft like Operations.h. A source's cut shows on the timeline wherever a main-track clip
// plays across it: at st + (cut - in) / speed (from the other end for a reversed clip; a held
// frame shows none). The time is rounded down, so the split's new in-point lands at the cut's
// first frame or up to a millisecond per unit of speed before it, never on the next frame.
// Cuts closer than kSceneEdgeMs to a clip's edge are left out: the clip edge is a cut already,
// and a split there would leave a sliver of a frame or two.
#pragma once

#include "edit/Operations.h"

#include <QHash>

namespace cw::engine {

inline constexpr qint64 kSceneEdgeMs = 100;

// Media id -> its cuts in file time (ms, ascending) -> the timeline times where main-track
// clips show them, ascending and distinct.
QList<qint64> timelineSceneCuts(const Draft& draft,
                                const QHash<QString, QList<qint64>>& sourceCuts);

// Splits the main-track clips at each of `cuts` (timeline ms) that falls inside one.
// details: cuts (array of the timeline ms split at), segments (main-track clips after).
EditResult splitScenes(const Draft& draft, const QList<qint64>& cuts);

// Removes the shot playing at atMs: the stretch between the nearest cut or main-track clip edge
// at or before it and the next one after it, rippling what follows (removeRange). details:
// from_ms, to_ms, removed_ms, at_ms.
EditResult removeScene(const Draft& draft, const QList<qint64>& cuts, qint64 atMs);

} // namespace cw::engine
