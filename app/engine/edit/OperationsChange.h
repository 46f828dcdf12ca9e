// Changing and removing what earlier edits added: the music bed's volume, the music itself,
// titles/lower thirds/captions and the generated intro. Pure Draft -> Draft like the rest of
// Operations.h; when the thing to change is not on the timeline the result says so in words
// (ErrorCode::Conflict) and nothing is changed.
#pragma once

#include "edit/Operations.h"

#include <QString>

namespace cw::engine {

// volume >= 0: set every music segment's m.vol to it (clamped to 0..1). volume < 0: multiply
// each segment's vol (0.35 where absent) by factor, clamped to 0..1.
EditResult setMusicVolume(const Draft& draft, double volume, double factor);
// Removes the music segments, and a music track left empty.
EditResult removeMusic(const Draft& draft);

// Empty / negative fields (and an empty look) are left as they are. style picks the texts: "title",
// "lower_third", "caption" = every text of that style; "" = the only text, or when there are
// several the first title (by start), else the first text.
struct TextChange {
    QString style;
    QString text;
    QString position; // top, bottom, center, top_left, top_right, bottom_left, bottom_right
    qint64 startMs = -1;
    qint64 durationMs = -1; // clamped to the end of the footage
    TextLook look;          // size multiplies the current size
    bool all = false;       // with no style: every text, not the one picked
};
EditResult editText(const Draft& draft, const TextChange& change);
// Removes the texts of that style ("" = all texts), and text tracks left empty.
EditResult removeText(const Draft& draft, const QString& style);

// Removes the intro the agent generated (m.role "intro" on its main-track segments; drafts
// from before that marker: a first clip "intro.mp4" that insertClip added) and ripples later
// content left like deleteClip.
EditResult removeIntro(const Draft& draft);

} // namespace cw::engine
