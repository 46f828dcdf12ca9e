// The editing operations of the local engine beyond pause cutting: each is a pure function
// Draft -> Draft (STYLE.md 4) that the agent's executor applies as one new draft version.
// Times are timeline milliseconds. Failures (e.g. "the second clip" when there is one) come
// back with ok=false, an ErrorCode and an English reason; nothing is changed then.
//
// Conventions the renderer reads (all optional, absent = neutral):
//   draft.m: width, height (output size follows the aspect), aspect ("9:16"), aspect_mode
//            ("crop" | "blur"), reframe ("subject": a crop follows the subject, media/
//            SubjectTrack.h; "centre"; absent = centre, as drafts made before it), loudness_lufs
//            (double), denoise (bool), look ("cinematic", "warm", "cool", "bw", "vivid").
//   video segment m: speed (double), vol (double, 0 = muted), tr {type, d}: the transition
//            INTO this segment from the previous one (fade, dissolve, wipe, slide, zoom),
//            role ("intro" on the generated intro; only removeIntro reads it).
//   music track (tt 1, m.role "music" on its segments): vol, duck (bool), fi, fo (ms).
//   text track (tt 7) segment m: text, style ("title" | "lower_third" | "caption" |
//            "watermark": half-transparent, to the end unless a length is given), pos,
//            and its look (edit/TextLook.h).
//   Fades and logos: edit/Fades.h and edit/Overlays.h.
//   B-roll: a second video track (after the main one) whose segments (m.role "broll") are
//            drawn over the main picture at their st, silent; m.tr {d} fades them in/out.
#pragma once

#include "Draft.h"
#include "edit/TextLook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cw::engine {

struct MediaRef {
    QString id;
    QString fileName;
    QString kind; // video, audio, image
    qint64 durationMs = 0;
    bool hasAudio = false;
    bool hasVideo = false;
};

struct EditResult {
    bool ok = false;
    int errorCode = 0;   // cw::ErrorCode when !ok
    QString error;       // English, user-facing
    Draft draft;         // the new draft when ok
    QJsonObject details; // numbers for the reply: removed_ms, segments, clamped_ms, ...
};

// Trim and arrange. Ranges are [fromMs, toMs) on the timeline; ripple: later content moves
// left, text and music are clipped to the new length.
EditResult removeRange(const Draft& draft, qint64 fromMs, qint64 toMs);
EditResult keepRange(const Draft& draft, qint64 fromMs, qint64 toMs);
EditResult splitAt(const Draft& draft, qint64 atMs);
EditResult deleteClip(const Draft& draft, int index);      // video-track segment, 0-based; -1 last
EditResult moveClip(const Draft& draft, int from, int to); // -1 = last
EditResult setSpeed(const Draft& draft, qint64 fromMs, qint64 toMs, double factor); // to<=from: all
// 0 = mute; every clip of the video tracks, or main-track clip `clip` (0-based, -1 the last).
EditResult setClipVolume(const Draft& draft, double gain, int clip = -2);
// Inserts the whole of `media` (a generated intro, a B-roll clip) as a clip of the main
// video track before clip `index` (-1 or n = at the end); later clips, text and music move
// right. With a transition type, the clip after the inserted one (and the inserted one when
// it is not first) gets m.tr, clamped like addTransitions. Stills last 3 s.
EditResult insertClip(const Draft& draft, const MediaRef& media, int index,
                      const QString& transition = {}, qint64 transitionMs = 500);

// B-roll: a cutaway of `media` (from its in-point inMs) over [atMs, atMs+durationMs) of the
// timeline on a second video track "B-roll" (m.role "broll"); the main clip's sound goes on.
// Clamped to the footage and to the media; replaces B-roll it overlaps. fadeMs (m.tr on the
// cutaway, type fade) fades the cutaway in and out.
EditResult addBroll(const Draft& draft, const MediaRef& media, qint64 atMs, qint64 durationMs,
                    qint64 inMs = 0, qint64 fadeMs = 300);

// Music: an uploaded audio file or a generated bed (see generate/MusicBed.h). Looped or
// trimmed to the video's length.
struct MusicOptions {
    double volume = 0.35;
    bool duck = true;
    qint64 fadeInMs = 1000;
    qint64 fadeOutMs = 2000;
    QString name; // shown on the timeline; default the file name
};
EditResult addMusic(const Draft& draft, const MediaRef& music, const MusicOptions& options);

struct TextOptions {
    QString text;
    qint64 startMs = 0;
    qint64 durationMs = 3000;
    // title, lower_third, caption, watermark; countdown and timecode draw the seconds left
    // and the running time (the text is only their name on the timeline).
    QString style = QStringLiteral("title");
    QString position; // "" = the style's default
    TextLook look;    // size is a factor on the style's size
};
EditResult addText(const Draft& draft, const TextOptions& options);

// Between adjacent video segments; durations clamped to half the shorter neighbour.
EditResult addTransitions(const Draft& draft, const QString& type, qint64 durationMs);

// reframe: "subject" (the default: the crop follows the subject) or "centre"; a crop only.
EditResult setAspect(const Draft& draft, const QString& ratio, const QString& mode,
                     const QString& reframe = QStringLiteral("subject"));
EditResult setLoudness(const Draft& draft, double lufs);
EditResult setDenoise(const Draft& draft, bool on);
// "Clean up the audio": draft m.cleanup (a high-pass for rumble, noise reduction and de-essing
// on the speech) and a loudness target (-14 LUFS unless one is set).
EditResult setAudioCleanup(const Draft& draft, bool on);
EditResult setLook(const Draft& draft, const QString& look);

} // namespace cw::engine
