// Instruction text -> the operations the local engine will apply (a pure function, table-
// tested against the phrase corpus in tests/data/phrases). A deterministic parser for English
// and Chinese whose vocabulary lives in resources/agent/; anything it does not recognise
// yields no operation, so the draft is never changed by a guess, and what it recognises but
// cannot do is declined by name.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cw::engine {

namespace Op {
inline QString cutPauses()
{
    return QStringLiteral("cut_pauses");
}
inline QString removeRange()
{
    return QStringLiteral("remove_range");
}
inline QString keepRange()
{
    return QStringLiteral("keep_range");
}
inline QString splitAt()
{
    return QStringLiteral("split_at");
}
inline QString deleteClip()
{
    return QStringLiteral("delete_clip");
}
inline QString moveClip()
{
    return QStringLiteral("move_clip");
}
inline QString setSpeed()
{
    return QStringLiteral("set_speed");
}
inline QString setVolume()
{
    return QStringLiteral("set_volume");
}
inline QString addMusic()
{
    return QStringLiteral("add_music");
}
inline QString addText()
{
    return QStringLiteral("add_text");
}
inline QString addTransitions()
{
    return QStringLiteral("add_transitions");
}
inline QString setAspect()
{
    return QStringLiteral("set_aspect");
}
inline QString setLoudness()
{
    return QStringLiteral("set_loudness");
}
inline QString denoise()
{
    return QStringLiteral("denoise");
}
inline QString setLook()
{
    return QStringLiteral("set_look");
}
inline QString addIntro()
{
    return QStringLiteral("add_intro");
}
inline QString addBroll()
{
    return QStringLiteral("add_broll");
}
inline QString undo()
{
    return QStringLiteral("undo");
}
inline QString redo()
{
    return QStringLiteral("redo");
}
inline QString reset()
{
    return QStringLiteral("reset");
}
inline QString summary()
{
    return QStringLiteral("summary");
}
inline QString setMusicVolume()
{
    return QStringLiteral("set_music_volume");
}
inline QString removeMusic()
{
    return QStringLiteral("remove_music");
}
inline QString editText()
{
    return QStringLiteral("edit_text");
}
inline QString removeText()
{
    return QStringLiteral("remove_text");
}
inline QString removeIntro()
{
    return QStringLiteral("remove_intro");
}
inline QString targetLength()
{
    return QStringLiteral("target_length");
}
inline QString exportSettings()
{
    return QStringLiteral("export_settings");
}
inline QString propose()
{
    return QStringLiteral("propose");
}
inline QString confirm()
{
    return QStringLiteral("confirm");
}
inline QString cancel()
{
    return QStringLiteral("cancel");
}
inline QString describe()
{
    return QStringLiteral("describe");
}
inline QString fadeIn()
{
    return QStringLiteral("fade_in");
}
inline QString fadeOut()
{
    return QStringLiteral("fade_out");
}
inline QString addLogo()
{
    return QStringLiteral("add_logo");
}
inline QString setVoiceOver()
{
    return QStringLiteral("set_voiceover");
}
inline QString removeLogo()
{
    return QStringLiteral("remove_logo");
}
inline QString cleanAudio()
{
    return QStringLiteral("clean_audio");
}
inline QString reverse()
{
    return QStringLiteral("reverse");
}
inline QString freezeFrame()
{
    return QStringLiteral("freeze_frame");
}
inline QString loop()
{
    return QStringLiteral("loop");
}
inline QString zoom()
{
    return QStringLiteral("zoom");
}
inline QString stabilise()
{
    return QStringLiteral("stabilise");
}
inline QString addPip()
{
    return QStringLiteral("add_pip");
}
inline QString splitScreen()
{
    return QStringLiteral("split_screen");
}
inline QString removeLayout()
{
    return QStringLiteral("remove_layout");
}
inline QString splitScenes()
{
    return QStringLiteral("split_scenes");
}
inline QString removeScene()
{
    return QStringLiteral("remove_scene");
}
inline QString montage()
{
    return QStringLiteral("montage");
}

inline QString audiogram()
{
    return QStringLiteral("audiogram");
}
inline QString shorts()
{
    return QStringLiteral("shorts");
}
// Every operation name the planner can produce.
const QStringList& all();
} // namespace Op

// Arguments (all optional unless noted; times in timeline ms):
//   cut_pauses: min_pause_ms, threshold_db          split_at: at_ms (required)
//   remove_range, keep_range: from_ms + to_ms (to_ms -1 = the end) or last_ms
//   delete_clip: index (0-based, -1 last)            move_clip: from, to (-1 last)
//   set_speed: factor (required), part "middle" or from_ms/to_ms or last_ms
//   set_volume: gain (required; 0 mute)              set_loudness: lufs (required)
//   add_music: file, mood, volume (0-1), duck (false when said)
//   add_text: text + style (required; style countdown / timecode needs no text), start_ms,
//     duration_ms
//   add_transitions: type (required; "none" removes)  set_look: look (required; "none" removes)
//   set_aspect: ratio + mode "crop" | "blur" (required)
//   add_intro: title                                 add_broll: file, every_ms, from_ms/to_ms
//   set_music_volume: volume (absolute 0-1) or factor (relative)
//   edit_text: style (which text) + any of text, position, start_ms, duration_ms, the look
//     (color, box_color, size, size_px, bold, box, outline: edit/TextLook.h); all (every text)
//   add_text also: the look
//   remove_text: style (absent: all)                 target_length: target_ms, best
//   export_settings: format, resolution, platform, max_bytes (a file size to stay under)
//   set_aspect also: platform; reframe "centre" (absent: a crop follows the subject); no
//     ratio: the draft's frame, or 9:16 when it has none ("auto reframe")
//   cut_pauses also: scope "start" | "end", at_ms (the one pause nearest that time)
//   add_text also: at "end" (it ends with the video; duration_ms how long before the end)
//   remove_music, remove_intro, propose, confirm, cancel, describe: no arguments
//   fade_in, fade_out: target "music" | "sound" (absent: picture and sound), color "white"
//     (absent: black), duration_ms (0 removes the fade), clip (0-based, -1 last; absent: the
//     start or end of the whole video)
//   add_logo: file (absent: the latest uploaded image), position (a corner, top, bottom,
//     center), size (percent of the width), opacity (0-1), start_ms, duration_ms
//   set_voiceover: file (absent: the latest uploaded recording), start_ms, replace (true:
//     the clips' own sound is muted: "replace the audio with X")
//   remove_logo: no arguments (every logo put on here)
//   clean_audio: no arguments (high-pass, noise reduction, de-essing, loudness)
//   reverse: from_ms/to_ms or last_ms or clip (absent: the whole video)
//   freeze_frame: at_ms (-1 the last frame; absent: the last), duration_ms (absent: 2 s)
//   loop: times (plays in all), clip (absent: the whole video)
//   zoom: from_ms/to_ms or last_ms or clip, factor (absent: 1.3; 1 removes), gradual (a
//     slow push in from 1x instead of a punch-in)
//   stabilise: from_ms/to_ms or last_ms or clip (absent: the whole video), off (true: take
//     the stabilisation off)
//   add_pip: file or clip (0-based main-track clip; absent: the latest other video), position,
//     size (percent of the width, 10-60), border (true), sound ("main" | "other"), start_ms,
//     duration_ms
//   split_screen: file or clip, layout "v" (top and bottom; absent: side by side), fit "pad"
//     (letterboxed; absent: cropped to fill), sound, start_ms, duration_ms
//   remove_layout: role "pip" | "split" (absent: both)
//   split_scenes: no arguments (at every scene change of the main track's videos)
//   remove_scene: at_ms (required; the shot playing then goes, ripple)
//   montage: target_ms (absent: the song's length up to 60 s), file (the song; absent: the
//     music on the timeline or the latest uploaded song), transitions (a type: on the cuts
//     that fall on a downbeat; edit/MontageTransitions.h)
//   add_transitions at "downbeats": only on the montage's cuts on a downbeat
//   audiogram: style, color, background, background_file or background_image, progress,
//     bar_color (a progress bar asked alone; over footage it is drawn on the video), off
//     (edit/Audiogram.h; agent/PlannerAudiogram.cpp)
//   shorts: count + target_ms, aspect ("9:16"); or remove (true); or export (short n, 1-based)
//     (edit/ShortsPick.h; agent/PlannerShorts.cpp)
// tests/data/phrases/README.md describes them for the phrase corpus.
struct Operation {
    QString name; // Op::*
    QJsonObject args;
};

// A part of the message that is understood but not done: the engine cannot do it here, or it
// needs something the user has not given (need: "logo", "file", "text").
struct Declined {
    QString clause;
    QString id; // the lexicon's decline id ("fade_text", "avatar", ...), or "text" for a title
    QString need;
    QString en; // what cannot be done, as a noun phrase
    QString zh;
};

struct Plan {
    QList<Operation> operations; // in the order the message mentions them
    bool chinese = false;        // the message is written (at least partly) in Chinese
    QStringList unrecognized;    // clauses that planned nothing
    QList<Declined> declined;    // clauses understood but not done
    QStringList suggestions;     // 2-3 phrasings to offer when nothing was planned
};

Plan planInstruction(const QString& text);
bool containsChinese(const QString& text);

} // namespace cw::engine
