// One pass over a file's audio at upload time (decode audio only, mono, 16 kHz): a loudness
// envelope (RMS dB per 10 ms window), the noise floor, and waveform peaks for the UI.
// Silence/speech maps are derived from the envelope on demand (findSilences), so a request
// like "pauses below -35 dB longer than 1 s" needs no second decode. Cached as JSON per
// media hash by the store.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVector>

namespace cw::engine {

struct Interval {
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 length() const { return endMs - startMs; }
    bool operator==(const Interval& o) const { return startMs == o.startMs && endMs == o.endMs; }
};

struct AudioAnalysis {
    bool ok = false;
    QString error;
    qint64 durationMs = 0;
    int windowMs = 10;
    QVector<float> levelsDb;     // RMS dBFS per window (-120 for digital silence)
    double noiseFloorDb = -120;  // e.g. 10th percentile of levels
    double speechLevelDb = -120; // e.g. 90th percentile of levels
    int peaksPerSecond = 50;
    QVector<float> peaks; // 0..1 absolute sample peak per 1/peaksPerSecond s
    // Where the file is first damaged: sound that would not decode, or a picture packet whose
    // NAL units do not add up (the picture is only read, not decoded); -1 when none was found.
    qint64 damagedAtMs = -1;

    QByteArray toJson() const;
    static AudioAnalysis fromJson(const QByteArray& json);
};

// Decodes the first audio stream of `path`. A file without audio gives ok=true with
// empty levels (no speech, nothing to cut). Damage found on the way is noted, not fatal.
AudioAnalysis analyzeAudio(const QString& path);

// Threshold used when the user gives none: adapts to the clip's noise floor and speech
// level, clamped to a sane range.
double adaptiveSilenceThresholdDb(const AudioAnalysis& analysis);

// Speech has pauses: its 10-ms levels spread over tens of dB between the quiet 10th and the
// loud 90th percentile (37-100 dB measured on espeak and recorded commentary). Music beds and
// room tone are steady (7-14 dB). Below this spread there are no pauses of speech to cut.
constexpr double kSpeechSpreadDb = 15.0;

// Sound a pause cut can work on: at least a second of it at or above thresholdDb, and the
// spread of speech. False for silence, room tone and music (cutting "pauses" there would
// remove nearly everything or chop the music at random).
bool hasSpeech(const AudioAnalysis& analysis, double thresholdDb);

// Steady sound at a real level (a song, a music bed): the spread of music, not of speech,
// with its quiet part well above room tone.
bool looksLikeMusic(const AudioAnalysis& analysis);

// Runs of windows below thresholdDb lasting at least minSilenceMs (pure).
QList<Interval> findSilences(const AudioAnalysis& analysis, double thresholdDb,
                             qint64 minSilenceMs);

} // namespace cw::engine
