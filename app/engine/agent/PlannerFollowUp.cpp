// Follow-ups said in a clause of their own, which refine the request just before or after
// them instead of asking for something new (and a complaint that only sets the scene): a length
// given after the thing it measures ("make the fade at the end longer, like 3 seconds", "the title
// is on screen too long, 2 seconds is plenty", 标题停留时间太长了，2秒就够), and a request said
// again with "instead" ("speed it up 2x, hmm make it 1.25x instead"), which replaces the one it
// repeats rather than adding a second. Without these the first wording was made and the second
// reported as not understood, or both were made (two speeds, one after the other).
#include "agent/PlannerParts.h"

#include <QRegularExpression>
#include <algorithm>

namespace cw::engine::planner {

using RX = QRegularExpression;
using namespace plannertext;

namespace {

// "like 3 seconds", "about 2 s", "2 seconds is plenty", "make it 3 seconds", 2秒就够, 改成3秒:
// a clause that says only a length. `enough` tells whether it said the length suffices.
qint64 bareDuration(const QString& c, bool* enough)
{
    static const RX en(QStringLiteral(
        "^(?:and |so |but )?(?:just |only )?(?:make (?:it|that|them) |(?:hold|keep|stay|leave)(?: "
        "it| that| there| on it)? (?:for )?|for |maybe |like |say |about "
        "|around |roughly |approximately |something like )?(?:just |only )?"
        "(\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s))(?: long| or so|ish)?"
        "( (?:is|are|would be|should be|will do|would do|is plenty|is enough)(?: plenty| "
        "enough| fine| ok| okay| good| long enough)?| (?:max|tops|at most|is fine))?$"));
    static const RX zh(QStringLiteral("^(?:就|只要|只|改成|改为|大概|差不多|停|停留|定格|保持|持续)"
                                      "?(\\d+(?:\\.\\d+)?\\s*秒钟?)(?:左右)?"
                                      "((?:就)?(?:够了|够|足够了?|行了?|好了?|可以了?)|吧)?$"));
    const QString t = c.trimmed();
    QRegularExpressionMatch m = en.match(t);
    if (!m.hasMatch())
        m = zh.match(t);
    if (!m.hasMatch())
        return -1;
    if (enough)
        *enough = !m.captured(2).isEmpty();
    return parseTimeToken(m.captured(1));
}

} // namespace

// The fade, freeze or text just asked for takes the length said after it. A text takes it only
// when the words say it is enough ("…, 3 seconds is plenty"): a time alone after a text may be
// where it starts.
bool refineLength(const QString& c, QList<Operation>& ops)
{
    if (ops.isEmpty())
        return false;
    Operation& last = ops.last();
    // "定格在最后一帧，停2秒": how long a freeze holds is said like a fade's length.
    const bool fade =
        last.name == Op::fadeIn() || last.name == Op::fadeOut() || last.name == Op::freezeFrame();
    const bool text = last.name == Op::addText() || last.name == Op::editText();
    if ((!fade && !text) || last.args.contains(QStringLiteral("duration_ms")))
        return false;
    bool enough = false;
    const qint64 ms = bareDuration(c, &enough);
    if (ms <= 0 || (text && !enough))
        return false;
    last.args.insert(QStringLiteral("duration_ms"), std::clamp<qint64>(ms, 100, 60000));
    return true;
}

// "the title is on screen too long, 2 seconds is plenty", "字幕显示太久了，3秒就行": a text's
// time on screen complained about, and the length said in the next clause. Returns the two
// said as one request, or nothing.
QString textLengthFollowUp(const QString& clause, const QString& next)
{
    if (!has(clause, "\\btoo long\\b|\\blonger than\\b|太长|太久|过长|太慢"))
        return {};
    if (has(clause, "\\b(?:video|clip|intro|outro|ending|music|song|pause|pauses|transitions?|"
                    "fade)\\b|视频|片头|片尾|音乐|停顿|转场"))
        return {};
    const QString target = readFrame(clause).target;
    if (target.isEmpty() || !has(target, "^(?:title|caption|lower_third|text)$"))
        return {};
    bool enough = false;
    const qint64 ms = bareDuration(next, &enough);
    if (ms <= 0)
        return {};
    const bool chinese = containsChinese(clause);
    static const QHash<QString, QPair<QString, QString>> words{
        {QStringLiteral("title"), {QStringLiteral("title"), QStringLiteral("标题")}},
        {QStringLiteral("caption"), {QStringLiteral("caption"), QStringLiteral("字幕")}},
        {QStringLiteral("lower_third"), {QStringLiteral("lower third"), QStringLiteral("人名条")}},
        {QStringLiteral("text"), {QStringLiteral("text"), QStringLiteral("文字")}}};
    const auto w = words.value(target);
    const QString seconds = QString::number(double(ms) / 1000.0);
    if (chinese)
        return w.second + QStringLiteral("显示") + seconds + QStringLiteral("秒");
    return QStringLiteral("make the ") + w.first + QStringLiteral(" stay for ") + seconds +
           QStringLiteral(" seconds");
}

// "make it 1.25x instead", "hmm, use a slide instead": the words without the "instead" (and
// the hesitation before them), or nothing when the clause does not end so. "instead of the
// music" names what is replaced, and is read as it is.
QString insteadWords(const QString& clause)
{
    static const RX rx(QStringLiteral(
        "^(?:(?:hmm+|umm*|uh|ok|okay|well|actually|no|oh)[,\\s]+)*(.+?)[,\\s]+(?:instead|"
        "rather)(?: please| then)?[.!]?$"));
    const QRegularExpressionMatch m = rx.match(clause.trimmed());
    return m.hasMatch() ? m.captured(1) : QString();
}

// "太长了", "the pace drags", "it's way too long": a reason, with no request of its own.
bool complaintOnly(const QString& clause)
{
    static const char* en =
        "^(?:(?:the |this |my )?(?:video|clip|pace|whole thing|edit|intro|opening|start|"
        "beginning|ending|end|middle|it|it's|it is|this|that)\\s*)?(?:is |feels |seems |'s )?"
        "(?:way |far |much |a bit |kind of |really |so )?(?:too (?:long|slow)|drags?(?: on)?|"
        "boring)$";
    static const char* zh = "^(?:视频|整个视频|节奏|这个|这段|开头|结尾|中间)?(?:太|有点|有些|特别)"
                            "(?:长|慢|拖|拖沓|无聊)了?$";
    return !has(clause, "\\d") && (has(clause, en) || has(clause, zh));
}

// "export just the audio, wav format", 只导出声音，wav格式: the format said after the export.
bool refineExport(const QString& c, QList<Operation>& ops)
{
    if (ops.isEmpty() || ops.last().name != Op::exportSettings() ||
        ops.last().args.contains(QStringLiteral("format")))
        return false;
    if (!has(c, "^(?:and |in |as |to |an? )*(?:mp4|mov|webm|gif|mp3|m4a|wav)(?: ?(?:format|file|"
                "please))?$|^(?:格式)?(?:用|要|为|是)?(?:mp4|mov|webm|gif|mp3|m4a|wav)(?:格式|的)?("
                "?:吧)?$"))
        return false;
    const QString format = formatSaid(c);
    if (format.isEmpty())
        return false;
    ops.last().args.insert(QStringLiteral("format"), format);
    return true;
}

// "get rid of the dead air at the beginning and the end", 开头和结尾的空白: the other end, said
// alone after a pause cut at one end, is a pause cut there too.
bool carryScope(const QString& c, QList<Operation>& ops)
{
    if (ops.isEmpty() || ops.last().name != Op::cutPauses() ||
        !ops.last().args.contains(QStringLiteral("scope")))
        return false;
    static const RX rx(QStringLiteral(
        "^(?:and |also )?(?:at |from )?(?:the )?(?:very )?(end|ending|"
        "beginning|start)(?: too| as well)?$|^(?:和|还有)?(结尾|开头)(?:的)?(?:也是)?$"));
    const QRegularExpressionMatch m = rx.match(c.trimmed());
    if (!m.hasMatch())
        return false;
    const QString scope = has(m.captured(1) + m.captured(2), "end|结尾") ? QStringLiteral("end")
                                                                         : QStringLiteral("start");
    if (ops.last().args.value(QStringLiteral("scope")).toString() == scope)
        return false;
    ops << op(Op::cutPauses(), QJsonObject{{QStringLiteral("scope"), scope}});
    return true;
}

// "最后20秒太拖了，加速", "the middle is boring, speed it up": a stretch complained about, and
// what to do with it said next. The complaint alone would read as a cut (太拖 is one when
// nothing follows); with a request of its own after it, the stretch is only where that
// request acts. Returns the stretch without the complaint, or nothing.
QString complaintScene(const QString& clause)
{
    static const RX rx(QStringLiteral(
        "\\s*(?:(?:is|are|feels?|seems?|gets?) (?:so |really |way |kind of |a bit )?(?:boring|"
        "slow|too slow|dull|draggy)|drags?(?: on)?)$|(?:太|有点|有些|很|特别|比较)(?:拖沓|拖|无聊|"
        "慢|没意思)了?$"));
    const QRegularExpressionMatch m = rx.match(clause);
    if (!m.hasMatch() || m.capturedStart() == 0 || !findRange(clause).found())
        return {};
    return clause.left(m.capturedStart()).trimmed();
}

} // namespace cw::engine::planner
