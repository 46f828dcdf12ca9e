// A montage cut to the music (issue 17): the main track's clips are cut into parts whose
// every cut falls on a beat of the song, each part a whole number of beats (2-8), the clips in
// their order and each clip's parts in its own order, the song underneath from a beat.
// Pure, like Operations.h; the beats come from media/BeatDetect.h, the scores from the upload's
// audio analysis (media/AudioAnalysis.h).
//
// How the parts are chosen (what the reply says): the length (the target, or the footage when
// there is less) is a whole number of beats, shared between the clips in proportion to their
// length; each clip's share is split into parts of about two seconds (a whole number of beats
// between 2 and 8); a clip is divided into as many equal stretches as it has parts, and from
// each stretch the part with the loudest sound (mean level, a proxy for action and speech) is
// taken, the earliest of equals. The clips' own sound is muted: a cut on the beat lands
// anywhere in a word or a noise, and the music is what a montage is heard with.
#pragma once

#include "edit/Operations.h"

#include <QVector>

namespace cw::engine {

inline constexpr int kMontageMinBeats = 2;
inline constexpr int kMontageMaxBeats = 8;
inline constexpr qint64 kMontagePartMs = 2000; // the part length aimed at
inline constexpr qint64 kMontageDefaultMs = 60000;

// One main-track clip as footage for the montage.
struct MontageSource {
    QString src;
    QString name;
    qint64 inMs = 0;         // where the usable footage starts in the file
    qint64 lengthMs = 0;     // how much of it there is
    bool still = false;      // a picture: any part of it is the same
    QVector<float> levelsDb; // the file's loudness per windowMs (empty: no sound, all equal)
    int windowMs = 10;
};

struct MontagePart {
    int source = 0;  // index into the sources
    qint64 inMs = 0; // file time
    int firstBeat = 0;
    int beats = 0;
};

// Timeline beats (ms, ascending, the first 0) and sources -> the parts in timeline order
// (pure). Part k plays from beats[firstBeat] for `beats` beats. Empty when fewer than 2 beats
// fit in the footage or the target.
QList<MontagePart> planMontage(const QList<MontageSource>& sources, const QList<qint64>& beats,
                               qint64 targetMs);

// Beat counts per clip, summing to totalBeats where the footage allows (pure): in proportion to
// the clips' lengths, at least kMontageMinBeats each, at most what a clip holds.
QList<int> shareBeats(const QList<qint64>& lengthsMs, double beatMs, int totalBeats);

// The start (file time, >= from, <= to) of the loudest window of durationMs in [from, to +
// durationMs), in steps of stepMs (pure; the earliest of equals).
qint64 loudestStart(const MontageSource& s, qint64 from, qint64 to, qint64 durationMs,
                    qint64 stepMs = 100);

// The length in ms of a part from beat fromMs to beat toMs when the picture runs at fps: both
// beats moved to the nearest frame, the frames between them, rounded down to the ms (pure).
// The renderer shows a part for every frame that starts inside its length, so a part exactly
// a whole number of frames long shows that many, and the cuts in the export fall on the frames
// nearest the beats (half a frame at most) however many parts there are; rounded up, each part
// would gain a frame and the picture would drift off the music. fps <= 0: toMs - fromMs.
qint64 framedLength(qint64 fromMs, qint64 toMs, double fps);

struct MontageMusic {
    MediaRef media;
    qint64 inMs = 0; // the song's beat the montage starts on
    double volume = 1.0;
};

// The draft with the main track replaced by the parts back to back (framedLength at the
// draft's fps; muted, no transitions), the song on one music track from music.inMs for the
// montage's length (a 1 s fade-out), text clipped to the new length; other footage (B-roll,
// voice, the song on its upload track) taken off.
// details: parts, beats, length_ms, clips (used), cuts (array of the timeline ms of the cuts).
EditResult applyMontage(const Draft& draft, const QList<MontageSource>& sources,
                        const QList<qint64>& beats, const QList<MontagePart>& parts,
                        const MontageMusic& music);

} // namespace cw::engine
