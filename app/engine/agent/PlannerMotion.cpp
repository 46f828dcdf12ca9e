// Motion and time edits said in a clause (edit/Motion.h): "play the last 3 seconds backwards",
// "freeze the last frame for 2 seconds", "loop it 3 times", "zoom in on 0:12-0:15", "slowly
// zoom in over the last 5 seconds", 倒放最后3秒, 最后一帧定格2秒, 循环播放3次, 在0:12到0:15放大.
// What is said without what it needs (a loop with no count: a GIF's endless loop, a zoom out)
// is left to the "motion" decline of resources/agent/lexicon.json.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

namespace {

using namespace plannertext;
using RX = QRegularExpression;

// The stretch or clip a motion edit applies to: a range, "the last 3 seconds", or a clip
// named as one ("the second clip", 第2段). False when the clause names neither.
bool putScope(const QString& c, QJsonObject& args)
{
    const Range r = findRange(c);
    if (r.found()) {
        putRange(args, r);
        return true;
    }
    if (has(c, "\\b(?:clips?|segments?|shots?)\\b|片段|第\\d+(?:个|段)|最后(?:一|1)?(?:个|段)")) {
        const int clip = findOrdinal(c);
        if (clip != -2 && clip != -3) {
            args.insert(QStringLiteral("clip"), clip);
            return true;
        }
    }
    return false;
}

std::optional<Operation> reverse(const QString& c)
{
    if (!has(c, "\\breverse(?:d)?\\b|\\bbackwards?\\b|\\brewind "
                "effect\\b|倒放|倒着放|反向播放|倒序播放"))
        return std::nullopt;
    // "reverse the order of the clips", "reverse the last edit" are not a picture played
    // backwards; reversed music is a sound effect, not done here.
    if (has(c,
            "\\border\\b|\\bedits?\\b|\\bchanges?\\b|\\bundo\\b|\\bmusic\\b|\\bsong\\b|顺序|撤销|"
            "音乐|歌"))
        return std::nullopt;
    QJsonObject args;
    putScope(c, args);
    return op(Op::reverse(), args);
}

std::optional<Operation> freeze(const QString& c)
{
    if (!has(c, "\\bfreeze\\b|\\bfreeze[- ]frame\\b|\\bhold (?:the |on the )?(?:last |final |first "
                ")?frame\\b|定格|冻结画面|画面静止"))
        return std::nullopt;
    QJsonObject args;
    const bool last = has(c, "\\b(?:last|final|ending|end)\\b|最后|结尾|末尾");
    const bool first = has(c, "\\bfirst frame\\b|第一帧|开头");
    // "freeze the last frame for 2 seconds": the 2 seconds are how long, not where.
    const qint64 at = last && !has(c, "\\bat\\s*\\d|在\\s*\\d") ? -1 : findAt(c);
    const Range r = findRange(c);
    if (at >= 0)
        args.insert(QStringLiteral("at_ms"), at);
    else if (r.fromMs >= 0 && r.toMs > r.fromMs && !last)
        args.insert(QStringLiteral("at_ms"), r.fromMs);
    else if (first)
        args.insert(QStringLiteral("at_ms"), 0);
    else if (last)
        args.insert(QStringLiteral("at_ms"), -1);
    // "for 2 seconds", 定格2秒: how long it holds (a range's length when a range was the time).
    static const RX length(QStringLiteral("(?:\\bfor\\s+|定格\\s*|静止\\s*|停留\\s*)(\\d+(?:\\.\\d+"
                                          ")?\\s*(?:seconds?|secs?|s|秒钟?))"));
    const QRegularExpressionMatch m = length.match(c);
    if (m.hasMatch())
        args.insert(QStringLiteral("duration_ms"), parseTimeToken(m.captured(1)));
    else if (const qint64 d = findDuration(c); d > 0 && at < 0 && !r.found())
        args.insert(QStringLiteral("duration_ms"), d);
    else if (r.fromMs >= 0 && r.toMs > r.fromMs)
        args.insert(QStringLiteral("duration_ms"), r.toMs - r.fromMs);
    return op(Op::freezeFrame(), args);
}

std::optional<Operation> loop(const QString& c)
{
    static const RX count(QStringLiteral(
        "\\b(?:loop|repeat|play)(?:s|ed)?\\b.{0,40}?\\b(\\d+) "
        "times\\b|\\b(?:loop|repeat|play)(?:s|ed)?"
        "\\b.{0,40}?\\b(twice|thrice)\\b|(?:循环|重复)(?:播放)?\\s*(\\d+)\\s*(?:次|遍)|"
        "(?:播放|播|放)\\s*(\\d+)\\s*(?:次|遍)"));
    const QRegularExpressionMatch m = count.match(c);
    if (!m.hasMatch())
        return std::nullopt;
    int times = 0;
    for (int i : {1, 3, 4})
        if (!m.captured(i).isEmpty())
            times = m.captured(i).toInt();
    if (m.captured(2) == QLatin1String("twice"))
        times = 2;
    else if (m.captured(2) == QLatin1String("thrice"))
        times = 3;
    // "play it 3 times faster", "play twice as fast" are speeds.
    if (times < 1 || has(c, "\\bfaster\\b|\\bslower\\b|\\bspeed\\b|\\bas "
                            "(?:fast|slow|quick)(?:ly)?\\b|倍速|加速|减速"))
        return std::nullopt;
    QJsonObject args{{QStringLiteral("times"), times}};
    if (has(c, "\\b(?:clips?|segments?|shots?)\\b|片段|第\\d+(?:个|段)")) {
        const int clip = findOrdinal(c);
        if (clip >= -1)
            args.insert(QStringLiteral("clip"), clip);
    }
    return op(Op::loop(), args);
}

std::optional<Operation> zoom(const QString& c)
{
    if (!has(c,
             "\\bzoom(?:s|ed|ing)? (?:in|into|on|onto)\\b|\\bpunch(?:es|ed)?[- ]in\\b|\\bpush[- ]"
             "in\\b|\\bken burns\\b|\\ba (?:slow |slight |gentle )?zoom\\b|放大|推近|拉近|推镜头"))
        return std::nullopt;
    // A zoom between the clips is a transition; "zoom out" pulls back and "zoom in on my face"
    // follows a subject (not done here: the zoom is on the centre).
    if (has(c, "\\btransitions?\\b|转场|\\bzoom(?:s|ed|ing)? out\\b|拉远|缩小|\\b(?:on|into|onto) "
               "(?:my |the |his |her |their |our |a )?(?:face|product|person|speaker|subject|eyes?|"
               "hands?|object|item|details?|logo|sign|screen|car|dog|cat|him|her|them|me|us)\\b|"
               "(?:脸|人物|产品|主体|眼睛|手)"))
        return std::nullopt;
    QJsonObject args;
    putScope(c, args);
    if (has(c,
            "\\bslow(?:ly)?\\b|\\bgradual(?:ly)?\\b|\\bgentle\\b|\\bken burns\\b|\\bpush[- ]in\\b|"
            "\\bcreep\\b|缓慢|慢慢|逐渐|渐渐|缓缓"))
        args.insert(QStringLiteral("gradual"), true);
    if (const double f = findFactor(c); f > 1.0)
        args.insert(QStringLiteral("factor"), f);
    else if (const double pct = findPercent(c); pct > 0)
        args.insert(QStringLiteral("factor"), 1.0 + pct);
    return op(Op::zoom(), args);
}

// "at 0:05", "starting at 12 seconds", 在0:05: where a timer starts (findAt also reads "a
// 10 second countdown at the start" as 0:10).
const QRegularExpression& startSaid()
{
    static const RX rx(QStringLiteral(
        "(?:\\bat|\\bstarting "
        "(?:at|from)|\\bfrom|在|从)\\s*(\\d{1,2}:\\d{2}(?:\\.\\d{1,3})?|\\d+(?:\\.\\d+)?"
        "\\s*(?:seconds?|secs?|s|秒)(?![a-z]))"));
    return rx;
}

// "add a 10-second countdown", "a countdown from 5 at the end", "show a timecode", 加个10秒
// 倒计时, 显示时间码: an add_text of the countdown or timecode style.
std::optional<Operation> timer(const QString& c)
{
    const bool countdown = has(c, "\\bcount ?downs?\\b|倒计时|倒数");
    const bool timecode = has(c, "\\btime ?codes?\\b|\\b(?:running|elapsed) (?:time|clock)\\b|"
                                 "\\b(?:a |the )?timer\\b|时间码|计时器|时间戳");
    if (!countdown && !timecode)
        return std::nullopt;
    if (has(c, "\\b(?:remove|delete|get rid of|take off|hide)\\b|去掉|删除|删掉|不要"))
        return std::nullopt; // taking one off is remove_text's
    QJsonObject args{{QStringLiteral("style"),
                      countdown ? QStringLiteral("countdown") : QStringLiteral("timecode")}};
    // "a countdown from 5", "a 10-second countdown", 倒数5秒: how many seconds it counts;
    // "from 0:05 to 0:15" where it runs, "at 0:05" where it starts.
    static const RX from(
        QStringLiteral("\\bfrom (\\d{1,3})\\b(?![:.]\\d)(?! to\\b)|倒数\\s*(\\d{1,3})"));
    const QRegularExpressionMatch m = from.match(c);
    const Range r = findRange(c);
    const bool span = r.fromMs >= 0 && r.toMs > r.fromMs;
    if (countdown && m.hasMatch())
        args.insert(QStringLiteral("duration_ms"),
                    1000 * (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toInt());
    else if (r.lastMs > 0)
        args.insert(QStringLiteral("duration_ms"), r.lastMs);
    else if (span)
        args.insert(QStringLiteral("duration_ms"), r.toMs - r.fromMs);
    else if (const qint64 d = findDuration(c); d > 0)
        args.insert(QStringLiteral("duration_ms"), d);
    if (r.lastMs > 0 || has(c, "\\bat the end\\b|\\bbefore the end\\b|结尾|最后|片尾"))
        args.insert(QStringLiteral("at"), QStringLiteral("end"));
    else if (span)
        args.insert(QStringLiteral("start_ms"), r.fromMs);
    else if (const QRegularExpressionMatch a = startSaid().match(c); a.hasMatch())
        args.insert(QStringLiteral("start_ms"), parseTimeToken(a.captured(1)));
    if (countdown && !args.contains(QStringLiteral("duration_ms")))
        args.insert(QStringLiteral("duration_ms"), 10000);
    return op(Op::addText(), args);
}

} // namespace

std::optional<Operation> motion(const QString& c)
{
    for (auto parse : {timer, freeze, loop, reverse, zoom})
        if (auto o = parse(c))
            return o;
    return std::nullopt;
}

} // namespace cw::engine::planner
