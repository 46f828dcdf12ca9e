// Motion and time edits of the footage: play a stretch backwards, hold a frame, play the
// video (or one clip) several times, zoom into a stretch. Pure Draft -> Draft like
// Operations.h; each changes only main-track footage segments (split at the stretch's edges
// first), and the renderer reads the marks they leave:
//   m.reverse true           the segment's picture and sound play backwards;
//   m.freeze true            the segment holds the source frame at `in` (silent);
//   m.zoom {z0, z1}          the picture is enlarged about its centre from z0 to z1 over the
//                            segment (equal: a steady punch-in; rising: a Ken Burns push).
#pragma once

#include "edit/Operations.h"

namespace cw::engine {

// Reversing buffers every frame of the stretch in memory (ffmpeg's reverse filter): 10 s of
// 1080p is about 1 GB, so a longer stretch is refused with this limit in the message.
inline constexpr qint64 kMaxReverseMs = 15000;

// [from, to) of the timeline (to <= from: the whole video). details: from_ms, to_ms.
EditResult reverseRange(const Draft& draft, qint64 fromMs, qint64 toMs);
// Holds the frame shown at atMs (-1: the last frame) for holdMs (100 ms - 60 s), pushing what
// follows later. details: at_ms, hold_ms, old_duration_ms.
EditResult freezeFrame(const Draft& draft, qint64 atMs, qint64 holdMs);
// The whole video (clip -2) or main-track clip `clip` (0-based, -1 the last) played `times`
// times in all (2-20; the result at most an hour). details: times, added_ms, old_duration_ms.
EditResult loopVideo(const Draft& draft, int times, int clip = -2);
// Zooms [from, to) (to <= from: the whole video) to `zoom` (1.05-4); gradual: from 1 to zoom
// across the stretch instead of all at once. zoom 1 removes the zoom. details: from_ms, to_ms.
EditResult zoomRange(const Draft& draft, qint64 fromMs, qint64 toMs, double zoom, bool gradual);

bool isFreezeSegment(const Segment& s);

} // namespace cw::engine
