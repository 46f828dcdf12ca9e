// Tempo and beat times of a song, for cuts that land on the beat (edit/Montage.h). One decode
// of the best audio stream (libav, mono float at the stream's rate) feeds aubio's beat tracker
// (aubio_tempo, 1024-sample window, 512 hop: ~11 ms steps at 44.1/48 kHz). The tracker alone
// is not enough: on a plain click track at 100 BPM it reports 56 BPM and skips every other
// beat or two (the beats it does report sit within a few ms of the clicks), and it needs about
// two seconds before its first beat; it also predicts beats a whole number of hops apart, so
// off the true tempo it drifts and jumps back. So each tracked beat is first moved to the
// sound's strongest attack near it (beats::snapToOnsets), then the beats are regularised
// (beats::fitGrid): the longest period between 70 and 180 BPM of which the intervals are whole
// multiples (for at least 4 beats in 5; the rest are strays), refined by a least-squares line
// through the beats, then laid as a grid over the whole file. A pulse faster than 180 (the
// upbeat bed's 300 plucks a minute) is fitted at up to 360 and every other pulse kept. A song
// whose beats do not fit one steady grid (a tempo change, rubato) keeps the tracked beats with
// the gaps filled at the local period. Music without a pulse (silence, noise, a drone) is
// refused: the tracker still predicts beats there, but the sound's onsets (energy rises per
// hop) are no stronger on them than between them (beats::pulseClarity).
// Downbeats (4/4 assumed): every 4th beat, from the phase whose beats are loudest
// (beats::downbeatPhase over each beat's peak hop energy, linear, so an accent twice as loud
// weighs four times: the onset rise in dB barely tells a loud click from a soft one after
// silence). Right for a click track with an accented one and for much pop music; a song
// whose backbeat (2 and 4) is louder than its one gets bars shifted by a beat. Slow-ish (a full
// decode), so it runs on first use and is cached as JSON per content hash (the store's analyses
// under "<hash>:beats").
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVector>
#include <atomic>
#include <functional>

namespace cw::engine {

inline constexpr double kMinBpm = 70;
inline constexpr double kMaxBpm = 180;
// A tracked beat farther than this from the fitted grid means the grid does not hold.
inline constexpr double kGridToleranceMs = 35;
// Onsets on the beats must be this much stronger than on average for a pulse to count.
inline constexpr double kMinPulseClarity = 1.6;
// Bumped when the detection changes: an older cached analysis is then run again.
inline constexpr int kBeatFormat = 2; // 2: downbeats from the hop energy

struct BeatAnalysis {
    bool ok = false;
    bool cancelled = false;
    QString error; // user-facing when !ok
    double bpm = 0;
    bool steady = false;     // the beats are one regular grid
    qint64 durationMs = 0;   // of the decoded audio
    QList<qint64> beats;     // file time, ms, ascending, from the first beat to the end
    QList<qint64> downbeats; // a subset of beats
    double clarity = 0;      // beats::pulseClarity of the result

    QByteArray toJson() const;
    // ok=false when the JSON is not a complete analysis of this format.
    static BeatAnalysis fromJson(const QByteArray& json);
};

QString beatCacheKey(const QString& hash);

namespace beats {

struct Grid {
    bool ok = false;
    double periodMs = 0;
    double phaseMs = 0; // the time of beat 0 (the first tracked beat's grid position)
    double worstMs = 0; // the largest distance of a tracked beat from the grid
};

// Tracked beat times (ms, ascending) -> the steady grid through them (pure). ok=false with
// fewer than 4 beats, or when no period in [minBpm, maxBpm] puts 4 in 5 beats within
// toleranceMs of one line.
Grid fitGrid(const QList<double>& trackedMs, double minBpm = kMinBpm, double maxBpm = kMaxBpm,
             double toleranceMs = kGridToleranceMs);
// The grid's beats from the first at or after 0 to durationMs (exclusive), rounded to the ms.
QList<qint64> gridBeats(const Grid& g, qint64 durationMs);
// Tracked beats with the gaps filled evenly at the typical period, extended back to 0 and on
// to durationMs at that period (for music that keeps no steady grid).
QList<qint64> filledBeats(const QList<double>& trackedMs, qint64 durationMs);
// Each tracked beat moved to the strongest onset (one value per hopMs, the rise into that hop)
// within radiusMs, at the middle of its hop; a beat with no onset near stays. aubio's tracker
// predicts beats a whole number of hops apart, so at 150 BPM (37.5 hops) it drifts by 5 ms a
// beat until it jumps back; the attacks themselves do not drift.
QList<double> snapToOnsets(const QList<double>& trackedMs, const QVector<float>& onsets,
                           double hopMs, double radiusMs = 45);
// The bar's phase: which of the first beatsPerBar beats is a downbeat, the one whose every
// beatsPerBar-th beat carries the most strength on average over the whole bars (the earlier of
// two within 5%). -1 with fewer than two bars of beats (no phase to compare).
int downbeatPhase(const QList<double>& strength, int beatsPerBar = 4);
// Every 4th beat, starting at downbeatPhase (phase 0 when it has none: `strength` empty, of
// another length than beats, or shorter than two bars).
QList<qint64> downbeats(const QList<qint64>& beats, const QList<double>& strength);
// Onset strength on the beats against the average: mean of the onset curve (one value per
// hopMs, >= 0) at each beat (the largest within +-2 hops) over the curve's overall mean of the
// same +-2 hop maxima. ~1 for noise and silence, 3+ for a click track.
double pulseClarity(const QVector<float>& onsets, double hopMs, const QList<qint64>& beats);

} // namespace beats

// Decodes `path` and finds its beats (blocking; call from a worker thread). onProgress gets
// 0..1 of durationMs when that is known; cancel stops it (cancelled=true).
BeatAnalysis detectBeats(const QString& path, qint64 durationMs,
                         const std::function<void(double)>& onProgress = {},
                         const std::atomic_bool* cancel = nullptr);

int beatAnalysesRun(); // passes run in this process (tests check the cache is used)

} // namespace cw::engine
