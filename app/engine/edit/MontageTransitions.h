// Transitions on the downbeats of a montage cut to the music (issue 17): of a montage's cuts
// (edit/Montage.h; every one on a beat) those on the first beat of a bar get a transition, the
// others stay hard cuts, so the picture breathes with the bars and still snaps on the beats.
//
// Where the cut is, with a transition: this renderer never overlaps the two parts (the
// timeline keeps its length, render/RenderFilters.cpp): the outgoing part is held on its last
// frame and the incoming part blends in over d from its own start. So the incoming part starts
// on its beat exactly as without the transition, and the transition STARTS on the downbeat
// (its middle is d/2 later). Nothing is moved: every part keeps its whole number of beats, the
// montage its length, and the song stays where it was. d is half a beat in whole frames (a
// quarter of the shorter neighbour at most), so the blend is over by the half beat.
// Pure, like Operations.h.
#pragma once

#include "edit/Operations.h"

#include <QList>
#include <QString>

namespace cw::engine {

// How far a cut may sit from a beat and still count as on it: the parts are moved to whole
// frames (edit/Montage.h framedLength), half a frame at most, and the bar is 40 ms.
inline constexpr qint64 kOnBeatMs = 40;

// Half a beat in whole frames at fps, rounded down (at least 2 frames; fps <= 0: half a beat).
qint64 downbeatTransitionMs(double beatMs, double fps);

// The indices of the cuts (timeline ms, ascending) within toleranceMs of a downbeat (pure).
QList<int> cutsOnDownbeats(const QList<qint64>& cutsMs, const QList<qint64>& downbeatsMs,
                           qint64 toleranceMs = kOnBeatMs);

// The draft with m.tr {type, d} on each main-track part whose start is a cut on a downbeat and
// no transition on the others (hard cuts); nothing else changes. beats and downbeats are
// timeline ms. type: fade (empty), dissolve, wipe, slide or zoom. Fails (nothing changed) with
// fewer than two parts, when a cut is off the beats (not a montage cut to this song), or when
// no cut falls on a downbeat.
// details: type, transitions (count), cuts (all cuts), duration_ms, at (array of the cuts' ms
// that got one).
EditResult addDownbeatTransitions(const Draft& draft, const QList<qint64>& beatsMs,
                                  const QList<qint64>& downbeatsMs, const QString& type);

} // namespace cw::engine
