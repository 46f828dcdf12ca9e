// Keyword planner. Works on the lower-cased message; each operation is recognised by a verb +
// object pattern (so "pause" alone, as in "add a pause", is not a request to cut), ignored
// when a negation ("don't", 不要) directly precedes it, and ordered by where it appears.
// "summary" is only planned when no editing operation is, since words like 时间线 also occur
// inside edit requests. Numbers: the first duration ("1.5s", "800 ms", "one second", "1秒")
// becomes min_pause_ms and the first level ("-40 dB", "40分贝") threshold_db (always
// negative: levels below full scale). Only the first 4000 characters are read, and a verb
// and its object may be at most 80 characters (30 in Chinese) apart.
#include "agent/Planner.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cw::engine {

namespace {

using RX = QRegularExpression;

constexpr qsizetype kMaxPlannedChars = 4000;

const RX& cutRx()
{
    static const RX rx(QStringLiteral(
        "\\b(?:cut|cutting|remove|removing|delete|trim|drop|strip|skip|kill|eliminate|"
        "get rid of|take out|edit "
        "out|lose)\\b(?:[^.!?;]|\\.(?=\\d)){0,80}?\\b(?:pauses?|silences?|silent "
        "(?:parts?|bits?|sections?)|gaps?|dead air)\\b"
        "|\\btighten(?:s|ed|ing)?\\b|\\bjump[- ]?cut(?:s|ting)?\\b"
        "|(?:剪|删|去|移除|砍|切|裁|清除|减少)[^。！？；]{0,30}?(?:停顿|静音|空白|沉默|间隙|气口)"
        "|(?:停顿|静音|沉默|空白)[^。！？；]{0,30}?(?:剪|删|去|移除|砍|切|裁)"
        "|紧凑|跳剪"));
    return rx;
}

const RX& undoRx()
{
    static const RX rx(QStringLiteral("\\bundo\\b|\\brevert\\b|\\btake (?:that|it) back\\b|"
                                      "撤销|撤消|撤回"));
    return rx;
}

const RX& redoRx()
{
    static const RX rx(QStringLiteral("\\bredo\\b|重做"));
    return rx;
}

const RX& summaryRx()
{
    static const RX rx(QStringLiteral(
        "what'?s (?:on|in) the timeline|what is (?:on|in) the timeline|"
        "\\bshow (?:me )?(?:the )?(?:tracks|timeline)\\b|\\blist (?:the )?tracks\\b|"
        "\\bstatus\\b|\\bsummary\\b|\\bsummari[sz]e\\b|状态|时间线上有什么|显示轨道|概况"));
    return rx;
}

const RX& negationRx()
{
    static const RX rx(QStringLiteral("(?:\\bdon'?t|\\bdo not|\\bnever|\\bno need to|不要|别|"
                                      "不用|无需)\\s*(?:\\w+\\s+)?$"));
    return rx;
}

// First match not preceded by a negation; -1 when none.
qsizetype findIntent(const QString& text, const RX& rx)
{
    auto it = rx.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype start = m.capturedStart();
        const QString before = text.mid(std::max<qsizetype>(0, start - 16),
                                        start - std::max<qsizetype>(0, start - 16));
        if (!negationRx().match(before).hasMatch())
            return start;
    }
    return -1;
}

double wordNumber(const QString& w)
{
    static const QHash<QString, double> words{
        {QStringLiteral("a"), 1},         {QStringLiteral("an"), 1},
        {QStringLiteral("one"), 1},       {QStringLiteral("two"), 2},
        {QStringLiteral("three"), 3},     {QStringLiteral("four"), 4},
        {QStringLiteral("five"), 5},      {QStringLiteral("half a"), 0.5},
        {QStringLiteral("half an"), 0.5}, {QStringLiteral("一"), 1},
        {QStringLiteral("二"), 2},        {QStringLiteral("两"), 2},
        {QStringLiteral("三"), 3},        {QStringLiteral("四"), 4},
        {QStringLiteral("五"), 5},        {QStringLiteral("半"), 0.5},
    };
    return words.value(w, -1);
}

// Returns milliseconds, or -1 when the text names no duration.
qint64 findDurationMs(const QString& text)
{
    static const RX digits(QStringLiteral(
        "(\\d+(?:\\.\\d+)?)\\s*(milliseconds?|millis|msecs?|ms|seconds?|secs?|s|毫秒|秒)"
        "(?![a-z])"));
    static const RX words(
        QStringLiteral("\\b(one|two|three|four|five|half an?|an?)\\s+(seconds?|milliseconds?)\\b|"
                       "(一|二|两|三|四|五|半)\\s*(秒|毫秒)"));
    const QRegularExpressionMatch d = digits.match(text);
    const QRegularExpressionMatch w = words.match(text);
    double value = -1;
    QString unit;
    if (d.hasMatch() && (!w.hasMatch() || d.capturedStart() <= w.capturedStart())) {
        value = d.captured(1).toDouble();
        unit = d.captured(2);
    } else if (w.hasMatch()) {
        const bool zh = !w.captured(3).isEmpty();
        value = wordNumber(w.captured(zh ? 3 : 1));
        unit = w.captured(zh ? 4 : 2);
    }
    if (value < 0)
        return -1;
    const bool millis = unit.startsWith(QLatin1String("ms")) ||
                        unit.startsWith(QLatin1String("milli")) ||
                        unit.startsWith(QLatin1String("msec")) || unit == QStringLiteral("毫秒");
    const double ms = millis ? value : value * 1000.0;
    return std::clamp<qint64>(std::llround(ms), 100, 60000);
}

// Returns a negative dBFS level, or 0 when the text names none.
double findThresholdDb(const QString& text)
{
    static const RX rx(QStringLiteral("(-?)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:dbfs|db|分贝)"));
    const QRegularExpressionMatch m = rx.match(text);
    if (!m.hasMatch())
        return 0;
    const double level = m.captured(2).toDouble();
    if (level <= 0)
        return 0;
    return -std::clamp(level, 1.0, 100.0);
}

} // namespace

bool containsChinese(const QString& text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF))
            return true;
    }
    return false;
}

Plan planInstruction(const QString& message)
{
    Plan plan;
    plan.chinese = containsChinese(message);
    // Instructions are short; a bound keeps hostile input from costing regex time.
    QString text = message.left(kMaxPlannedChars).toLower();
    text.replace(QChar(0x2019), QLatin1Char('\'')); // typographic apostrophe
    text = text.simplified();

    struct Found {
        qsizetype at;
        Operation op;
    };
    QList<Found> found;
    const qsizetype cutAt = findIntent(text, cutRx());
    if (cutAt >= 0) {
        Operation op{Op::cutPauses(), {}};
        const qint64 ms = findDurationMs(text);
        if (ms > 0)
            op.args.insert(QStringLiteral("min_pause_ms"), ms);
        const double db = findThresholdDb(text);
        if (db < 0)
            op.args.insert(QStringLiteral("threshold_db"), db);
        found.append({cutAt, op});
    }
    const qsizetype undoAt = findIntent(text, undoRx());
    if (undoAt >= 0)
        found.append({undoAt, Operation{Op::undo(), {}}});
    const qsizetype redoAt = findIntent(text, redoRx());
    if (redoAt >= 0)
        found.append({redoAt, Operation{Op::redo(), {}}});
    if (found.isEmpty()) {
        const qsizetype at = findIntent(text, summaryRx());
        if (at >= 0)
            found.append({at, Operation{Op::summary(), {}}});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Found& a, const Found& b) { return a.at < b.at; });
    for (const Found& f : found)
        plan.operations.append(f.op);
    return plan;
}

} // namespace cw::engine
