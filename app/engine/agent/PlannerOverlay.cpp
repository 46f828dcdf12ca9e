// "Put my logo in the bottom-right corner at 80% opacity starting at 3 seconds", 右下角放我们
// 公司的logo, "add a watermark 'DRAFT'": a picture (or, with words in quotes, a text) drawn
// over the video. The planner cannot know what was uploaded: add_logo without a file takes the
// latest image, and the executor asks for one when there is none. Removing a logo or watermark
// that is in the footage stays declined, as does a logo placed at several moments without
// times ("briefly at the start and at the end"): guessing those would be a wrong edit.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

namespace {

using RX = QRegularExpression;

double opacityOf(const QString& c)
{
    static const RX number(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:opacity|opaque)|"
                                          "opacity\\s*(?:of|at|to)?\\s*(\\d+(?:\\.\\d+)?)\\s*%|"
                                          "不透明度\\s*(\\d+(?:\\.\\d+)?)\\s*%"));
    const QRegularExpressionMatch m = number.match(c);
    if (m.hasMatch()) {
        for (int i = 1; i <= 3; ++i)
            if (!m.captured(i).isEmpty())
                return std::clamp(m.captured(i).toDouble() / 100.0, 0.05, 1.0);
    }
    if (has(c, "semi[- ]?transparent|translucent|see[- ]through|faint|subtle|半透明"))
        return 0.5;
    return -1;
}

double sizeOf(const QString& c)
{
    static const RX number(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:of the )?(?:width|size|"
                                          "wide)|(?:size|width)\\s*(?:of)?\\s*(\\d+(?:\\.\\d+)?)"
                                          "\\s*%"));
    const QRegularExpressionMatch m = number.match(c);
    if (m.hasMatch())
        return std::clamp((m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toDouble(), 2.0,
                          100.0);
    if (has(c, "\\b(?:small|tiny|little)\\b|小一点|小的"))
        return 10;
    if (has(c, "\\b(?:big|large|bigger)\\b|大一点|大的"))
        return 25;
    return -1;
}

} // namespace

std::optional<Operation> logo(const QString& c, const Prepared& p, const Frame& f)
{
    if (!has(c, "\\blogos?\\b|watermark|brand (?:mark|image)|\\bmy brand\\b|标志|水印|台标|徽标"))
        return std::nullopt;
    if (has(c, "\\b(?:remove|erase|delete|get rid of|take (?:off|out)|hide|blur|without)\\b|"
               "去掉|去除|删除|删掉|去水印|抹掉|消除") ||
        f.target == QLatin1String("intro") || has(c, "\\b(?:animate|animation|reveal|3d)\\b|动画"))
        return std::nullopt;
    // Something must say to put it there: a verb or a place ("logo) on the video" alone, left of
    // a split, is not a request).
    if (!f.addVerb && f.position.isEmpty() &&
        !has(c,
             "\\b(?:add|put|place|stick|embed|attach|show|insert|overlay|burn|stamp|want|need)\\b|"
             "加|放|添加|打上|嵌入"))
        return std::nullopt;
    const plannertext::Range range = plannertext::findRange(c);
    if (!range.found() && has(c, "\\bstart\\b.*\\bend\\b|开头.*结尾|briefly"))
        return std::nullopt;
    // Words in quotes with "watermark": the words are the watermark.
    if (f.quote >= 0 && has(c, "watermark|水印")) {
        QJsonObject args{{QStringLiteral("style"), QStringLiteral("watermark")},
                         {QStringLiteral("text"), p.quotes.value(f.quote)}};
        if (!f.position.isEmpty())
            args.insert(QStringLiteral("position"), f.position);
        return op(Op::addText(), args);
    }
    QJsonObject args;
    static const RX file(QStringLiteral("[\\w.-]+\\.(?:png|jpe?g|webp|bmp|tiff?)\\b"));
    const QRegularExpressionMatch named = file.match(c);
    if (named.hasMatch())
        args.insert(QStringLiteral("file"), originalCase(named.captured(0), p));
    if (!f.position.isEmpty())
        args.insert(QStringLiteral("position"), f.position);
    if (const double o = opacityOf(c); o > 0)
        args.insert(QStringLiteral("opacity"), o);
    if (const double s = sizeOf(c); s > 0)
        args.insert(QStringLiteral("size"), s);
    if (range.fromMs >= 0) {
        args.insert(QStringLiteral("start_ms"), range.fromMs);
        if (range.toMs > range.fromMs)
            args.insert(QStringLiteral("duration_ms"), range.toMs - range.fromMs);
    } else if (const qint64 at = plannertext::findAt(c); at >= 0) {
        args.insert(QStringLiteral("start_ms"), at);
    } else if (has(c, "\\b(?:starting|start|from|after)\\b")) {
        if (const qint64 d = plannertext::findDuration(c); d >= 0)
            args.insert(QStringLiteral("start_ms"), d);
    }
    return op(Op::addLogo(), args);
}

} // namespace cw::engine::planner
