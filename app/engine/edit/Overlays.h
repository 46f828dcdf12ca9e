// Overlays: a logo or any uploaded picture drawn over the video at a corner, a size, an
// opacity and a time range. Pure Draft -> Draft like Operations.h.
//
// In the draft: a video track "Logo" after the main one whose segments carry m.role
// "overlay", m.pos (top_left, top, top_right, center, bottom_left, bottom, bottom_right),
// m.w (width, percent of the frame's), m.op (opacity 0..1) and m.tr {d} (fade in and out,
// as a cutaway's). The renderer scales the picture keeping its shape, keeps its transparency
// (PNG alpha) and draws it only over its span.
#pragma once

#include "edit/Operations.h"

namespace cw::engine {

struct OverlayOptions {
    QString position = QStringLiteral("bottom_right");
    double widthPercent = 15;
    double opacity = 1.0;
    qint64 startMs = 0;
    qint64 durationMs = -1; // to the end of the footage
    qint64 fadeMs = 0;
};

// Adds `picture` (an image, or a video drawn from its start) over [start, start+duration),
// clamped to the footage. An overlay of the same media that it overlaps is replaced (saying
// "put the logo at the top left" again moves it). Errors: no footage, a start past the end,
// an unknown position, a size outside 2-100% or an opacity outside 5-100%.
EditResult addOverlay(const Draft& draft, const MediaRef& picture, const OverlayOptions& options);

bool isOverlaySegment(const Segment& s); // m.role "overlay"

// Takes every logo (overlay) off, and a track left empty. NotFound when there is none: a logo
// in the footage itself cannot be removed here. details: removed.
EditResult removeOverlays(const Draft& draft);

// A voice-over: `voice` (a recording) on an audio track "Voice-over" from startMs (m.role
// "voiceover"), cut at the end of the footage; the renderer mixes it into the speech, so the
// music ducks under it. The recording's other places on audio tracks are taken off first (an
// upload puts it on one at 0:00). replaceSound mutes the clips' own sound.
// details: start_ms, duration_ms, cut_ms (what did not fit).
EditResult setVoiceOver(const Draft& draft, const MediaRef& voice, qint64 startMs,
                        bool replaceSound);

} // namespace cw::engine
