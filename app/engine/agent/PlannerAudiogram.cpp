// An audiogram said in a clause (edit/Audiogram.h): "turn my podcast audio into a video with a
// waveform", "make an audiogram", "spectrum visualiser", "add a progress bar", "waveform in
// yellow on a dark blue background", "use cover.png as the background", 音频可视化, 加上声波,
// 做成带波形的视频. The words are lists of resources/agent/lexicon.json (audiogram.*), the
// colours resources/agent/colors.json. Read before the clause parsers, whose declines would
// take "progress bar" (stickers) for themselves. Whether the timeline is sound alone is the
// executor's to check: the planner cannot see it.
// Arguments: style, color, background (#rrggbb), background_file (an image named),
// background_image (true: the uploaded picture), progress (bool), bar_color (#rrggbb: a bar
// asked alone, which over footage is drawn on the video, edit/ProgressBar.h), off (true:
// remove it).
#include "agent/PlannerParts.h"
#include "edit/TextLook.h"

#include <QRegularExpression>

namespace cw::engine::planner {

namespace {

using RX = QRegularExpression;

// The clause is about something else that mentions a waveform or a progress bar: the
// timeline's waveform, pauses found in it, a text placed next to the bar.
bool elsewhere(const QString& c)
{
    return has(c, "\\btimeline\\b|\\bpauses?\\b|\\bsilences?\\b|\\bdead air\\b|\\bsits?\\b|"
                  "\\b(?:under|above|over|below|next to) the (?:progress bar|waveform)|"
                  "\\bcaptions?\\b|\\bsubtitles?\\b|\\blower third\\b|停顿|静音|时间线|字幕");
}

qsizetype colorAt(const QString& c, const ColorWord& w)
{
    if (w.zh)
        return c.indexOf(w.word);
    const RX rx(QStringLiteral("(?<![\\w-])") + RX::escape(w.word) + QStringLiteral("(?![\\w-])"));
    const QRegularExpressionMatch m = rx.match(c);
    return m.hasMatch() ? m.capturedStart() : -1;
}

// A colour said of the background: "on a dark blue background", "background in navy",
// 深蓝色背景, 背景用深蓝色.
bool ofBackground(const QString& c, qsizetype at, qsizetype length)
{
    static const RX after(QStringLiteral("^\\s*(?:colou?r(?:ed)?\\s+)?(?:background|backdrop|bg)\\b"
                                         "|^的?(?:背景|底色)"));
    static const RX before(QStringLiteral("(?:background|backdrop|bg)(?: colou?r)?(?: (?:is|to|in|"
                                          "of|as|should be|=|:))?(?: an?| the)?\\s*$|"
                                          "背景(?:色)?(?:用|是|为|改成|换成|设成|要)?\\s*$"));
    return after.match(c.mid(at + length)).hasMatch() || before.match(c.left(at)).hasMatch();
}

void readColours(const QString& c, QJsonObject& args)
{
    QString rest = c;
    rest.remove(RX(QStringLiteral("\\bblack (?:and|&) white\\b|黑白")));
    for (const ColorWord& w : textColorWords()) {
        for (qsizetype at = colorAt(rest, w); at >= 0; at = colorAt(rest, w)) {
            const char* key = ofBackground(rest, at, w.word.size()) ? "background" : "color";
            if (!args.contains(QLatin1String(key)))
                args.insert(QLatin1String(key), w.hex);
            rest.replace(at, w.word.size(), QString(w.word.size(), QLatin1Char(' ')));
        }
    }
}

std::optional<Operation> audiogramOp(const QString& c, const Prepared& p)
{
    if ((!lexicon::has(c, QStringLiteral("audiogram.ask")) &&
         !lexicon::has(c, QStringLiteral("audiogram.picture"))) ||
        elsewhere(c))
        return std::nullopt;
    const bool onlyBar = has(c, "progress bar|进度条") &&
                         !has(c, "\\baudiogram|wave|visuali[sz]|spectrum|frequency|\\bbars\\b|"
                                 "声波|波形|音波|频谱|可视化");
    if (lexicon::has(c, QStringLiteral("audiogram.off"))) {
        if (onlyBar)
            return op(Op::audiogram(), QJsonObject{{QStringLiteral("progress"), false}});
        return op(Op::audiogram(), QJsonObject{{QStringLiteral("off"), true}});
    }
    if (negated(c))
        return std::nullopt;
    QJsonObject args;
    if (has(c, "progress bar|进度条"))
        args.insert(QStringLiteral("progress"), true);
    if (onlyBar) { // "a yellow progress bar": the bar's own colour (over footage)
        QJsonObject colours;
        readColours(c, colours);
        if (colours.contains(QLatin1String("color")))
            args.insert(QStringLiteral("bar_color"), colours.value(QLatin1String("color")));
        return op(Op::audiogram(), args);
    }
    // "frequency bars" are bars, "spectrum" the curve; "progress bar" is no style.
    const QString styled = QString(c).remove(RX(QStringLiteral("progress bars?|进度条")));
    if (lexicon::has(styled, QStringLiteral("audiogram.bars")))
        args.insert(QStringLiteral("style"), QStringLiteral("bars"));
    else if (lexicon::has(styled, QStringLiteral("audiogram.spectrum")))
        args.insert(QStringLiteral("style"), QStringLiteral("spectrum"));
    else if (lexicon::has(styled, QStringLiteral("audiogram.line")))
        args.insert(QStringLiteral("style"), QStringLiteral("line"));
    else if (has(styled, "wave|声波|波形|音波"))
        args.insert(QStringLiteral("style"), QStringLiteral("wave"));
    readColours(c, args);
    static const RX file(
        QStringLiteral("[^\\s/\\\\:*?\"<>|，。、；：]+\\.(?:png|jpe?g|webp|bmp|tiff?)\\b"));
    if (const QRegularExpressionMatch named = file.match(c); named.hasMatch())
        args.insert(QStringLiteral("background_file"), originalCase(named.captured(0), p));
    else if (lexicon::has(c, QStringLiteral("audiogram.picture")))
        args.insert(QStringLiteral("background_image"), true);
    return op(Op::audiogram(), args);
}

} // namespace

bool audiogramEdit(const QString& c, const Prepared& p, QList<Operation>& ops)
{
    const std::optional<Operation> a = audiogramOp(c, p);
    if (!a)
        return false;
    ops << *a;
    // "a vertical waveform video for TikTok", "a 9:16 audiogram": the frame is said with it.
    if (std::optional<Operation> frame = aspect(c);
        frame && !a->args.contains(QLatin1String("off")))
        ops << *frame;
    else if (std::optional<Operation> platform = platformAspect(c); platform)
        ops << *platform;
    return true;
}

} // namespace cw::engine::planner
