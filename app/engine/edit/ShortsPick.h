// "Make 3 shorts of 30 s each": N non-overlapping highlight reels chosen from the same scores
// as "the best 30 seconds" (edit/TargetLength.h best mode: loudness, speech density, the
// picture's motion; windows start and end in pauses, each short up to 10% under its target).
// Short 1 takes the liveliest windows, short 2 the liveliest of what is left, and so on; then
// they are numbered in the order they start. Pure: the draft and analyses in, the shorts'
// timeline and source ranges out; the caller stores them (core Shorts.h withShorts) and the
// main timeline is not changed.
#pragma once

#include "Shorts.h"
#include "edit/TargetLength.h"

namespace cw::engine {

struct ShortsOptions {
    int count = 0;
    qint64 targetMs = 0;
    QHash<QString, QList<float>> motion; // as LengthOptions::motion
    QJsonObject frame;                   // metadata each short overrides (its aspect)
};

struct PickedShort {
    ShortSpec spec;
    QList<TimeRange> ranges; // in the input's timeline, chronological
    qint64 durationMs = 0;
};

struct ShortsResult {
    bool ok = false;
    int errorCode = 0;
    QString error;      // English
    qint64 totalMs = 0; // the footage there is
    int fits = 0;       // on a failure: how many shorts of the target would fit
    qint64 fitsMs = 0;  // on a failure: the longest the asked count could each be (0: none)
    QList<PickedShort> shorts;
};

// Two pieces of a short a breath apart (a gap under kJoinGapMs) play better as one stretch: the
// gap is a pause, so joining costs a little length and saves a jump cut. Not when the gap holds
// footage another short took, or when the joined short would pass its target.
constexpr qint64 kJoinGapMs = 1000;
QList<TimeRange> joinNearPieces(const QList<TimeRange>& pieces, const QList<Interval>& taken,
                                qint64 targetMs);

ShortsResult pickShorts(const Draft& draft, const QHash<QString, AudioAnalysis>& analyses,
                        const ShortsOptions& options);

} // namespace cw::engine
