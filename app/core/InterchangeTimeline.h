// Internal to the interchange writers: the draft flattened once into what every format
// needs. Times are quantised to the draft's frame rate here, from the segment's start and
// end (not its length), so neighbouring segments stay contiguous in every format. Tracks
// whose segments overlap are split into lanes that do not (sequential formats need that).
// Not part of the contract (Interchange.h); only the Interchange*.cpp files include it.
#pragma once

#include "Interchange.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cw::interchange::detail {

// fps = num / den; NTSC rates (23.976, 29.97, 59.94) become n*1000/1001.
struct Rate {
    qint64 num = 30;
    qint64 den = 1;
    double fps() const { return double(num) / double(den); }
    qint64 timebase() const; // nominal integer frames per second for timecodes
    qint64 frames(qint64 ms) const;
    qint64 ms(qint64 frames) const;
    bool isNtsc() const { return den == 1001; }
};
Rate rateOf(const Draft& draft);

// A fade in or out (edit/Fades.h in the engine): its length in frames; picture false when it
// fades only the sound; white when the picture fades from / to white.
struct Fade {
    qint64 f = 0;
    bool picture = true;
    bool white = false;
};

struct Item {
    const Segment* seg = nullptr;
    const SourceMedia* media = nullptr;
    QString name;        // clip name: m.name, else the media's name, else the media id
    qint64 stF = 0;      // timeline start, frames
    qint64 dF = 0;       // timeline length, frames
    qint64 inF = 0;      // source in, frames
    qint64 srcDF = 0;    // source length, frames (differs from dF when sped up/down)
    double speed = 1.0;  // m.speed
    double volume = 1.0; // m.vol
    QString trType;      // m.tr.type when the segment starts with a transition
    qint64 trF = 0;      // m.tr.d, frames (0: none)
    Fade fadeIn;         // a clip's m.fade_in, the music's m.fi
    Fade fadeOut;        // a clip's m.fade_out, the music's m.fo
    qint64 endF() const { return stF + dF; }
};

struct Lane {
    int tt = 0;
    QString trackId;
    QString trackName;
    QList<Item> items; // sorted by stF, never overlapping
};

struct Timeline {
    Rate rate;
    int width = 1920;
    int height = 1080;
    QString title;
    qint64 totalF = 0; // latest end over all lanes and text cues, frames
    Fade fadeIn;       // the whole video's (draft m.fade_in / fade_out)
    Fade fadeOut;
    QStringList logos; // names of the pictures drawn over the video (not carried by any format)
    // What the export does to main-track clips that no format here carries, "city.mp4
    // (10.0-20.0 s) stabilised": stabilisation (the engine's analysis), playing backwards, a held
    // frame, a zoom (edit/Stabilise.h, edit/Motion.h). The writers name them instead.
    QStringList effects;
    QList<Lane> video; // lane 0 is the main video track
    QList<Lane> audio;
    QList<const SourceMedia*> media; // the media used, in first-use order
};

// Fails (empty + *error) for an empty timeline or a segment whose source is not in media.
bool collect(const Draft& draft, const QList<SourceMedia>& media, Timeline* out, QString* error);

// Text with characters XML 1.0 cannot carry removed (NUL, other C0 controls but tab/LF/CR,
// lone surrogates, U+FFFE/U+FFFF).
QString xmlSafe(const QString& text);
// One printable line: controls (incl. CR/LF) become spaces, runs collapse, at most maxLen.
QString oneLine(const QString& text, int maxLen = 200);
// A file:// URL (percent-encoded) for an absolute path; URLs pass through encoded.
QString fileUrl(const QString& pathOrUrl);
// A local path for a path or file:// URL (what melt and the EDL comments want).
QString localPath(const QString& pathOrUrl);
QString translate(const char* text);

// " Logos drawn over the video are not carried: logo.png. " (for a comment or metadata).
QString logosNote(const Timeline& timeline);
// " Clip effects are not carried; redo them in the editor: city.mp4 (10.0-20.0 s) stabilised. "
QString effectsNote(const Timeline& timeline);
// "stabilised, reversed" for a segment's effects; "" when it has none.
QString clipEffects(const Segment& s);

// The writers (one file each). Text segments come from the draft itself.
QByteArray writeFcpxml(const Timeline& timeline, const Draft& draft);
QByteArray writeEdl(const Timeline& timeline);
QByteArray writeMlt(const Timeline& timeline);
QByteArray writeOtio(const Timeline& timeline);
// SRT or WebVTT; empty + *error when the draft has no text cue.
QByteArray writeSubtitles(const Draft& draft, bool vtt, QString* error);

} // namespace cw::interchange::detail
