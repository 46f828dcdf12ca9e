// "Cut the pauses": a pure Draft -> Draft operation. Each video/audio segment whose source
// has an analysis is split at the pauses inside its [in, in+d) range; the speech pieces are
// kept with a margin on both sides and packed back to back, later segments and other tracks'
// segments shifted to close the gaps.
#pragma once

#include "Draft.h"
#include "media/AudioAnalysis.h"

#include <QHash>

namespace cw::engine {

struct PauseOptions {
    qint64 minPauseMs = 500; // only pauses at least this long are cut
    qint64 marginMs = 150;   // kept before and after speech
    double thresholdDb = 0;  // 0 = adaptive (adaptiveSilenceThresholdDb)
};

struct PauseCutResult {
    Draft draft;
    int pausesRemoved = 0;
    qint64 removedMs = 0;
    double thresholdDb = 0;           // what counted as silence (the highest of the sources')
    QStringList sourcesWithoutSpeech; // media ids on speech tracks left alone (hasSpeech)
};

// analyses: media id -> analysis of that media's audio.
PauseCutResult cutPauses(const Draft& draft, const QHash<QString, AudioAnalysis>& analyses,
                         const PauseOptions& options = {});

// The two steps of cutPauses, shared with cutToLength (TargetLength.h) so both cut the same
// pauses. pausesBySource: media id -> its pauses (source time), only for analyses with sound
// above the threshold. pauseCutsInSegment: the source ranges to remove from [s.in, s.in+s.d),
// sorted and disjoint, after the clipping and margin rules of CutPauses.cpp.
QHash<QString, QList<Interval>> pausesBySource(const QHash<QString, AudioAnalysis>& analyses,
                                               const PauseOptions& options);
QList<Interval> pauseCutsInSegment(const Segment& s, const QList<Interval>& pauses,
                                   const PauseOptions& options);

} // namespace cw::engine
