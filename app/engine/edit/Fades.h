// Fades: the picture and sound of the whole video, of one clip, or of the music, in from or
// out to black (or white) over a duration. Pure Draft -> Draft like Operations.h.
//
// Where they live in the draft (the renderers read these; absent = no fade):
//   draft.m.fade_in / fade_out {d: ms, color: "black" | "white" | "none"} — the whole video
//       at its start / end, picture and all its sound (music too); "none" fades only the
//       sound. Kept at the draft level so cuts, moves and trims never lose or duplicate them.
//   video segment m.fade_in / fade_out — the same for one clip (its picture and own sound);
//       splitSegment keeps fade_in on the first part and fade_out on the second.
//   music segments m.fi / m.fo (ms) — as addMusic writes them: on the first / last repeat.
#pragma once

#include "edit/Operations.h"

namespace cw::engine {

struct FadeOptions {
    bool in = true;         // fade in at the start, else out at the end
    QString target;         // "" the picture and sound, "sound" only the sound, "music"
    QString color;          // "white"; else black
    qint64 durationMs = -1; // < 0: the default (1 s; music 1 s in, 2 s out); 0 removes it
    int clip = -2;          // a main-track clip (0-based, -1 the last); -2 the whole video
};

// Fades longer than half of what they fade (the video, the clip, the music) are shortened to
// that half, so a fade in and a fade out never overlap; details.duration_ms says what was set
// and details.clamped is true when it was shortened.
EditResult setFade(const Draft& draft, const FadeOptions& options);

constexpr qint64 kDefaultFadeMs = 1000;

} // namespace cw::engine
