// Layouts: a second clip shown together with the main video, small in a corner over it
// (picture-in-picture) or beside it in its own half of the frame (split screen). Pure
// Draft -> Draft like Operations.h; the executor records the result as one version.
//
// In the draft: a video track "Layout" after the main one whose segments play the other clip
// from its in-point `in` over [st, st+d) and carry m.role:
//   "pip":   m.pos (a corner, top, bottom or center), m.w (width, percent of the frame's),
//            m.border (a white frame, px of a 1080-high picture; absent or 0: none);
//   "split": m.layout ("h" side by side, "v" top and bottom), m.main ("first": the main
//            picture takes the left / top half, "second" the right / bottom one), m.fit
//            ("crop": each picture fills its half, its centre kept; "pad": each is shown
//            whole inside its half with black bars). Neither picture is ever stretched.
// Both carry m.sound ("main" or "other"): whose sound plays over the span. The sound is made
// in the draft itself, not by the renderer: for "other" the main clips are cut at the span's
// edges and muted inside it (vol 0), and the other clip's sound goes on an audio track
// "Layout sound" (m.role "layout_sound") over the span. So the normal render, the smart
// render's mix, the preview and the hand-off formats all hear the same thing.
//
// A clip of the other media on the main track (an upload lands there) is taken off first,
// so it plays beside the main clip, not after it. The smart render steps aside for the
// second video track; the preview assembly draws the layout's frames with the export's graph.
#pragma once

#include "edit/Operations.h"

namespace cw::engine {

struct LayoutOptions {
    QString role = QStringLiteral("pip");              // "pip" | "split"
    QString position = QStringLiteral("bottom_right"); // pip
    double widthPercent = 30;                          // pip: 10-60
    int borderPx = 0;                                  // pip: 0-40
    QString layout = QStringLiteral("h");              // split: "h" | "v"
    bool mainFirst = true;                             // split: main on the left / top
    QString fit = QStringLiteral("crop");              // split: "crop" | "pad"
    QString sound = QStringLiteral("main");            // "main" | "other"
    qint64 startMs = 0;
    qint64 durationMs = -1; // to the end of the footage (or of the other clip)
    qint64 inMs = 0;        // where the other clip starts playing
};

// Adds `other` as a picture-in-picture or split screen. A layout it overlaps is replaced.
// Errors: no footage, `other` without a picture, `other` is the only clip, a start past the
// end, an unknown position / layout / fit / sound, a size outside 10-60%.
// details: start_ms, duration_ms, taken (clips of `other` taken off the main track), sound.
EditResult addLayout(const Draft& draft, const MediaRef& other, const LayoutOptions& options);

// Takes off the layouts of `role` ("pip", "split"; "" both) and the sound they brought, and
// gives the main clips back the sound they took. Conflict when there is none.
// details: removed [{role, name, start_ms, duration_ms}].
EditResult removeLayout(const Draft& draft, const QString& role);

bool isLayoutSegment(const Segment& s); // m.role "pip" or "split"

} // namespace cw::engine
