// The look of a text a clause asks for (declared in PlannerParts.h): "make the title red and
// bigger", "yellow captions on a black box", "bold the lower third", "font size 60",
// 字幕改成黄色加粗, 去掉字幕的黑底. The words are lists of resources/agent/lexicon.json (look.*)
// and the colours resources/agent/colors.json; the arguments are those of edit/TextLook.h.
// Read from the clause with the quoted words lifted out, so a title 'Red Sky' is not red.
#include "agent/PlannerParts.h"
#include "edit/TextLook.h"

#include <QRegularExpression>

namespace cw::engine::planner {

namespace {

using RX = QRegularExpression;
using lexicon::has;
using plannertext::quoteIndex;

// Where colour word `w` occurs in c as a word (Latin) or anywhere (Chinese), else -1.
qsizetype colorAt(const QString& c, const ColorWord& w, qsizetype from = 0)
{
    if (w.zh)
        return c.indexOf(w.word, from);
    const RX rx(QStringLiteral("(?<![\\w-])") + RX::escape(w.word) + QStringLiteral("(?![\\w-])"));
    const QRegularExpressionMatch m = rx.match(c, from);
    return m.hasMatch() ? m.capturedStart() : -1;
}

// A colour said of the box behind the text: "on a black box", "with a yellow background",
// 黑色背景, 红色底框.
bool saysBox(const QString& c, qsizetype at, qsizetype length)
{
    static const RX after(QStringLiteral(
        "^\\s*(?:(?:semi-transparent|translucent|solid)\\s+)?(?:box|background|backdrop|banner|"
        "bar|highlight|fill)\\b|^的?(?:背景|底色|底框|底)"));
    return after.match(c.mid(at + length)).hasMatch();
}

} // namespace

QJsonObject textLook(const QString& c)
{
    QJsonObject look;
    // "black and white" is a look of the picture, not a colour of the text.
    QString rest = c;
    rest.remove(RX(QStringLiteral("\\bblack (?:and|&) white\\b|黑白")));
    for (const ColorWord& w : textColorWords()) {
        for (qsizetype at = colorAt(rest, w); at >= 0; at = colorAt(rest, w, at + 1)) {
            const char* key = saysBox(rest, at, w.word.size()) ? "box_color" : "color";
            if (!look.contains(QLatin1String(key)))
                look.insert(QLatin1String(key), w.hex);
            // "dark blue" is not also "blue".
            rest.replace(at, w.word.size(), QString(w.word.size(), QLatin1Char(' ')));
        }
    }
    if (const QRegularExpressionMatch hex = lexicon::find(rest, QStringLiteral("look.hex"));
        hex.hasMatch() && !look.contains(QLatin1String("color")))
        look.insert(QStringLiteral("color"), hex.captured(0));
    const bool slight = has(c, QStringLiteral("degree.slight"));
    if (const QRegularExpressionMatch px = lexicon::find(c, QStringLiteral("look.size_px"));
        px.hasMatch()) {
        static const RX digits(QStringLiteral("(\\d{1,3})\\D*$"));
        look.insert(QStringLiteral("size_px"), digits.match(px.captured(0)).captured(1).toInt());
    } else if (has(c, QStringLiteral("look.twice"))) {
        look.insert(QStringLiteral("size"), 2.0);
    } else if (has(c, QStringLiteral("look.half"))) {
        look.insert(QStringLiteral("size"), 0.5);
    } else if (has(c, QStringLiteral("look.smaller"))) {
        look.insert(QStringLiteral("size"), slight ? 0.8 : 0.67);
    } else if (has(c, QStringLiteral("look.bigger"))) {
        look.insert(QStringLiteral("size"), slight ? 1.25 : 1.5);
    }
    if (has(c, QStringLiteral("look.not_bold")))
        look.insert(QStringLiteral("bold"), false);
    else if (has(c, QStringLiteral("look.bold")))
        look.insert(QStringLiteral("bold"), true);
    if (has(c, QStringLiteral("look.box_off"))) {
        look.insert(QStringLiteral("box"), false);
        look.remove(QStringLiteral("box_color")); // "remove the black box"
    } else if (has(c, QStringLiteral("look.box_on")) && !look.contains(QLatin1String("box_color")))
        look.insert(QStringLiteral("box"), true);
    if (has(c, QStringLiteral("look.outline_off")))
        look.insert(QStringLiteral("outline"), false);
    else if (has(c, QStringLiteral("look.outline_on")))
        look.insert(QStringLiteral("outline"), true);
    return look;
}

std::optional<Operation> lookChange(const QString& c, const Prepared& p, QString* lastTarget)
{
    // A clause that also changes the frame ("vertical for TikTok with big captions") is read
    // whole by the usual path.
    if (textLook(c).isEmpty() || quoteIndex(c) >= 0 ||
        has(c, "vertical|portrait|landscape|horizontal|square|\\d+:\\d+|竖屏|横屏|竖版|横版|方形"))
        return std::nullopt;
    Frame f = readFrame(c);
    if (f.target.isEmpty() && isText(*lastTarget))
        f.target = *lastTarget;
    // "add an outline to the title" adds to its look; "add yellow captions" is a new text.
    static const RX addsLook(QStringLiteral(
        "\\b(?:add|put|give|use)\\b.{0,16}\\b(?:outline|stroke|border|box|background|backdrop|"
        "banner)|加.{0,3}(?:描边|背景|底色|黑底|底框)"));
    if (!isText(f.target) || (f.addVerb && !addsLook.match(c).hasMatch()))
        return std::nullopt;
    f.addVerb = false;
    *lastTarget = f.target;
    return textChange(c, f, p);
}

} // namespace cw::engine::planner
