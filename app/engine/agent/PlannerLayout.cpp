// "Put my face cam in the corner", "picture in picture of clip 2 in the bottom right", "put
// both clips side by side", "split screen, top and bottom", 画中画, 左右分屏, 上下分屏: a second
// clip shown with the main one (edit/Layouts.h). Asked only when the lexicon's "pip" decline
// names one of these; what is not built stays declined by it: more than two pictures, and
// grids. Taking a layout off is remove_layout. The planner cannot know what was uploaded: without
// a file or a clip named, the executor takes the latest other video and says which.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

namespace {

// Whose sound plays: "other" for the second picture's, "main" for the main one's, "" unsaid.
QString soundSaid(const QString& c)
{
    if (!has(c, "\\b(?:sound|audio|voice)\\b|声音|音频|原声|人声"))
        return {};
    if (has(c, "\\b(?:sound|audio|voice) (?:from|of) (?:the )?(?:second|other|2nd|clip 2|face ?cam|"
               "webcam|camera|right|bottom|small)|\\b(?:second|other|2nd|face ?cam|webcam|"
               "camera)(?: clip)?'?s? (?:sound|audio|voice)\\b|"
               "(?:第二|第2|另一|小画面|画中画|右边|下面)(?:个|段)?(?:片段|视频|画面)?的?(?:声音|"
               "音频|原声)|"
               "(?:声音|音频)用第?(?:二|2)"))
        return QStringLiteral("other");
    if (has(c, "\\b(?:sound|audio|voice) (?:from|of) (?:the )?(?:first|main|1st|clip 1|original)|"
               "\\b(?:first|main|original)(?: clip)?'?s? (?:sound|audio|voice)\\b|"
               "(?:第一|第1|主)(?:个|段)?(?:片段|视频|画面)?的?(?:声音|音频)|保留原声"))
        return QStringLiteral("main");
    return {};
}

std::optional<Operation> layout(const QString& c, const Prepared& p, const Frame& f)
{
    // "remove the picture in picture", "no more split screen", 去掉画中画: the layout goes.
    if (has(c, "\\b(?:remove|delete|get rid of|turn off|take (?:off|out|away)|lose|drop|ditch|no "
               "more)\\b|去掉|去除|删除|删掉|取消|关掉|不要")) {
        QJsonObject args;
        const bool pip = has(c, "picture[- ]in[- ]picture|\\bpip\\b|face ?cam|webcam|画中画|小窗");
        const bool split = has(c, "side[- ]by[- ]side|split[- ]?screen|分屏|并排");
        if (pip != split)
            args.insert(QStringLiteral("role"),
                        pip ? QStringLiteral("pip") : QStringLiteral("split"));
        return op(Op::removeLayout(), args);
    }
    if (has(c, "\\bundo\\b") || negated(c))
        return std::nullopt;
    // More than two pictures or a grid: not built.
    if (has(c, "\\b(?:three|four|3|4|all (?:three|four|my)|multiple|several) (?:clips|videos|"
               "pictures|screens|ways?|panels)\\b|\\bgrid\\b|\\b(?:2x2|3-way|three-way|4-way|"
               "quad)\\b|三分屏|四分屏|多分屏|九宫格|三个画面|四个画面"))
        return std::nullopt;
    const bool split = has(c, "side[- ]by[- ]side|split[- ]?screen|\\bsplit\\b|分屏|并排|左右|上下|"
                              "top and bottom|one above the other|stacked");
    QJsonObject args;
    static const QRegularExpression file(QStringLiteral(
        "[^\\s/\\\\:*?\"<>|，。、；：]+\\.(?:mp4|mov|m4v|mkv|webm|avi|png|jpe?g)\\b"));
    const QRegularExpressionMatch named = file.match(c);
    if (named.hasMatch())
        args.insert(QStringLiteral("file"), originalCase(named.captured(0), p));
    else if (!has(c, "\\bboth\\b|\\btwo (?:clips|videos)\\b|两个|两段") &&
             has(c, "\\b(?:clips?|videos?|segments?|shots?)\\b|片段|视频|第\\d+(?:个|段)"))
        if (const int k = plannertext::findOrdinal(c); k >= 0)
            args.insert(QStringLiteral("clip"), k);
    const QString sound = soundSaid(c);
    if (!sound.isEmpty())
        args.insert(QStringLiteral("sound"), sound);
    const plannertext::Range range = plannertext::findRange(c);
    if (range.fromMs >= 0) {
        args.insert(QStringLiteral("start_ms"), range.fromMs);
        if (range.toMs > range.fromMs)
            args.insert(QStringLiteral("duration_ms"), range.toMs - range.fromMs);
    }
    if (split) {
        if (has(c, "top and bottom|top/bottom|above|below|stacked|vertical(?:ly)?|上下") ||
            (has(c, "\\b(?:top|bottom)\\b") && has(p.text, "top and bottom")))
            args.insert(QStringLiteral("layout"), QStringLiteral("v"));
        if (has(c, "letterbox|\\bwhole\\b|\\bfull (?:picture|frame)|(?:don'?t|do not|without|no) "
                   "crop|\\bfit\\b|完整|不裁剪|不要裁剪|黑边"))
            args.insert(QStringLiteral("fit"), QStringLiteral("pad"));
        return op(Op::splitScreen(), args);
    }
    if (!f.position.isEmpty())
        args.insert(QStringLiteral("position"), f.position);
    static const QRegularExpression percent(QStringLiteral("(\\d{1,2})\\s*%"));
    if (const QRegularExpressionMatch m = percent.match(c); m.hasMatch() && !has(c, "opacity"))
        args.insert(QStringLiteral("size"), std::clamp(m.captured(1).toInt(), 10, 60));
    else if (has(c, "\\b(?:small|tiny|little|smaller)\\b|小一点|小一些|小的"))
        args.insert(QStringLiteral("size"), 20);
    else if (has(c, "\\b(?:big|large|bigger|larger)\\b|大一点|大一些|大的"))
        args.insert(QStringLiteral("size"), 40);
    if (has(c, "\\b(?:border|frame|outline|outlined|framed)\\b|边框|描边|白边") &&
        !has(c, "\\bno (?:border|frame|outline)\\b|不要边框|无边框"))
        args.insert(QStringLiteral("border"), true);
    return op(Op::addPip(), args);
}

// "split screen, top and bottom", "画中画，右上角", "side by side, use the second clip's sound":
// a short clause after the layout that only says more about it.
std::optional<Operation> layoutFollowUp(const QString& c, const Frame& f, const Operation& prev)
{
    const bool pip = prev.name == Op::addPip();
    if ((!pip && prev.name != Op::splitScreen()) || c.size() > 60 ||
        (!f.target.isEmpty() && f.target != QLatin1String("clip_sound")))
        return std::nullopt;
    Operation merged = prev;
    if (!pip && has(c, "^(?:and |but |with )*(?:make it |do it |have (?:it|them) |put (?:it|them) "
                       ")?(?:top and bottom|one above the other|stacked|vertical(?:ly)?|"
                       "上下(?:的|排列|分屏)?)$")) {
        merged.args.insert(QStringLiteral("layout"), QStringLiteral("v"));
        return merged;
    }
    if (!pip && has(c, "^(?:the )?(?:top|bottom|above|below|上|下|上面|下面)$")) {
        merged.args.insert(QStringLiteral("layout"), QStringLiteral("v"));
        return merged;
    }
    if (!pip && has(c, "^(?:the )?(?:left|right|左|右|左边|右边)$"))
        return merged;
    static const QRegularExpression size(QStringLiteral("^(?:at |make it )?(\\d{1,2})\\s*%$"));
    if (const QRegularExpressionMatch m = size.match(c); pip && m.hasMatch()) {
        merged.args.insert(QStringLiteral("size"), std::clamp(m.captured(1).toInt(), 10, 60));
        return merged;
    }
    if (!pip && has(c, "^(?:and |but |with )*(?:(?:don'?t|do not|without|no) "
                       "crop(?:ping)?(?: (?:them|it|the (?:clips|videos)))?|letterbox(?:ed)?|"
                       "(?:show|keep) (?:the )?whole (?:pictures?|frames?)|不要裁剪|不裁剪|加黑边|"
                       "完整显示)$")) {
        merged.args.insert(QStringLiteral("fit"), QStringLiteral("pad"));
        return merged;
    }
    if (const QString sound = soundSaid(c);
        !sound.isEmpty() && !has(c, "\\b(?:louder|quieter|volume|mute|music|down|up)\\b|音量|大声|"
                                    "小声|静音|音乐|调")) {
        merged.args.insert(QStringLiteral("sound"), sound);
        // "use the second clip's sound": the clip named is the other picture.
        if (const int k = plannertext::findOrdinal(c); sound == QLatin1String("other") && k >= 1)
            merged.args.insert(QStringLiteral("clip"), k);
        return merged;
    }
    if (pip && !f.position.isEmpty() && c.count(QLatin1Char(' ')) <= 6 &&
        !has(c, "\\b(?:text|title|logo|caption)\\b|文字|标题|字幕"))
        merged.args.insert(QStringLiteral("position"), f.position);
    else
        return std::nullopt;
    return merged;
}

} // namespace

std::optional<Operation> layoutClause(const QString& c, const Prepared& p, const Frame& f,
                                      Plan& plan)
{
    const lexicon::Decline* d = lexicon::findDecline(c);
    if (d && d->id == QLatin1String("pip")) {
        std::optional<Operation> o = layout(c, p, f);
        // "top and bottom split screen": the bare "top" before it was part of it.
        if (o && !plan.unrecognized.isEmpty() &&
            has(plan.unrecognized.last(), "^(?:the )?(?:top|bottom|left|right)$") &&
            has(c, "^(?:the )?(?:top|bottom|left|right)\\b"))
            plan.unrecognized.removeLast();
        return o;
    }
    if (d || plan.operations.isEmpty())
        return std::nullopt;
    std::optional<Operation> o = layoutFollowUp(c, f, plan.operations.last());
    if (o)
        plan.operations.removeLast();
    return o;
}

} // namespace cw::engine::planner
