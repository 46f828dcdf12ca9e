// "Make it 60 seconds": cuts the timeline down to a target length, pure Draft -> Draft like
// the rest of edit/. The final length lands at the target or less than 0.5 s under it (best
// mode: up to 10% under, rather than cut into a word).
// Normal mode removes the least valuable material first: pauses (the same ones cutPauses
// finds), longest first, then the quietest stretches of 1-5 s spread over the video. best
// mode instead keeps the liveliest windows (loud, dense speech, a moving picture) and drops
// the rest, which
// may drop whole clips: it is a highlight reel.
#pragma once

#include "edit/Operations.h"
#include "media/AudioAnalysis.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cw::engine {

struct LengthOptions {
    qint64 targetMs = 0;
    bool best = false;
    qint64 marginMs = 150; // kept around speech when a pause is cut
    // best mode: media id -> how much the picture moves in each second of the file
    // (SceneAnalysis::motion); windows with more going on score higher. Empty: sound only.
    QHash<QString, QList<float>> motion;
};

// How best mode may choose its windows, for several shorts from one video (edit/ShortsPick.h).
// Kept apart from LengthOptions so brace-initialised options elsewhere stay complete.
struct BestWindows {
    // Timeline ranges of the input that may not be kept (the shorts already chosen); the
    // target must fit in what is left.
    QList<Interval> exclude;
    // The longest window taken at once (0: target/4, 3-10 s).
    qint64 windowMs = 0;
    // With an analysis: only windows that start and end in pauses, never the fallback that
    // may cut into a word (the run fails instead when they are not enough).
    bool cleanOnly = false;
};

struct LengthResult {
    // details: removed_ms, duration_ms, target_ms, old_duration_ms, pauses_removed,
    // pauses_ms, stretches (= removedStretches.size()), kept_windows (best), method
    // ("pauses", "pauses+quiet", "best"; "none" with already_short = true).
    EditResult edit;
    int pausesRemoved = 0;
    qint64 pausesMs = 0;
    // Timeline ranges of the input draft removed as low-interest, in order: the stretches
    // (not the pauses); in best mode everything that was not kept.
    QList<Interval> removedStretches;
    QString method; // English, for the reply: "kept the liveliest stretches"
};

// analyses: media id -> analysis of that media's audio. Media without one count as speech
// throughout: nothing of theirs is a pause, and their stretches are taken evenly spread.
LengthResult cutToLength(const Draft& draft, const QHash<QString, AudioAnalysis>& analyses,
                         const LengthOptions& options);
LengthResult cutToLength(const Draft& draft, const QHash<QString, AudioAnalysis>& analyses,
                         const LengthOptions& options, const BestWindows& windows);

} // namespace cw::engine
