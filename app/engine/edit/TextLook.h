// How a title, lower third or caption looks beyond its style: colour, size, weight, the box
// behind it and an outline around the letters. Stored on the text segment's m (absent = the
// style's own look, so older drafts render as before):
//   color "#rrggbb", size (factor on the style's size, 0.3..4), bold, box (bool: the style's
//   box on or off), box_color "#rrggbb" (implies box), outline (bool).
// Only validated values reach the draft, and the renderer reads nothing else from them, so a
// colour can never carry filter syntax.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cw::engine {

struct TextLook {
    QString color;    // "#rrggbb" or a name from textColorHex; "" = unchanged
    QString boxColor; // the same for the box behind the text
    double size = -1; // factor: on the current size when editing, on the style's when adding
    int sizePx = -1;  // a font size in pixels of a 1080-line picture (instead of size)
    int bold = -1;    // -1 unchanged, 0 off, 1 on
    int box = -1;
    int outline = -1;

    bool empty() const;
};

// The look an operation's JSON arguments ask for (color, box_color, size, size_px, bold, box,
// outline).
TextLook textLookFromArgs(const QJsonObject& args);
// "" when the look can be applied, else the reason in English.
QString textLookProblem(const TextLook& look);
// Writes the look into a text segment's m. `relative`: size multiplies the current size.
void applyTextLook(QJsonObject& m, const TextLook& look, bool relative);
// What the look changed, for the operation's response (color, size, bold, box, outline).
QJsonObject textLookDetails(const QJsonObject& m);

// A text style's font size in pixels, on a picture whose shorter side is `base` pixels.
int styleTextPx(const QString& style, int base);
// "#rrggbb" for "#rgb", "#rrggbb", "0xrrggbb" or a colour name of resources/agent/colors.json
// (English), else "".
QString textColorHex(const QString& color);

// The colour words of resources/agent/colors.json, longest first so "dark blue" is found
// before "blue": the planner reads them.
struct ColorWord {
    QString word;
    QString hex;
    bool zh = false;
};
const QList<ColorWord>& textColorWords();
// The table's first name for a "#rrggbb" (English or Chinese), else the hex itself.
QString textColorName(const QString& hex, bool zh);

} // namespace cw::engine
