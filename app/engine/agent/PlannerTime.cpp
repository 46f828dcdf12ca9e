// Times, levels and ordinals read from one clause of the planner (declared in PlannerText.h):
// timecodes and lengths with their units, ranges ("0:12-0:20", "the first 5 seconds", 前5秒),
// percentages, factors, decibels, LUFS and clip ordinals. Regexes are linear in practice
// (bounded repetition, no nested quantifiers) and clauses come from a message cut to 4000
// characters.
#include "agent/PlannerText.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cw::engine::plannertext {

namespace {

using RX = QRegularExpression;

// A time with optional unit; TU requires a unit or a timecode.
const QString kTimecode = QStringLiteral("\\d{1,2}:\\d{1,2}(?::\\d{1,2})?(?:\\.\\d{1,3})?");
const QString kUnit = QStringLiteral(
    "(?:milliseconds?|millis|msecs?|ms|minutes?|mins?|seconds?|secs?|sec|s|m|毫秒|秒钟|秒|分钟)");
const QString kAfter = QStringLiteral("(?![a-z0-9.:%×倍])");

QString timePattern(bool unitRequired)
{
    return QStringLiteral("(?:%1|\\d+(?:\\.\\d+)?\\s*%2%3%4)")
        .arg(kTimecode, kUnit, unitRequired ? QString() : QStringLiteral("?"), kAfter);
}

} // namespace

qint64 parseTimeToken(const QString& token, qint64 defaultUnitMs)
{
    static const RX tc(QStringLiteral("^(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.(\\d{1,3}))?$"));
    static const RX num(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(\\S*)$"));
    const QString t = token.trimmed();
    QRegularExpressionMatch m = tc.match(t);
    if (m.hasMatch()) {
        qint64 ms = 0;
        if (m.captured(3).isEmpty())
            ms = (m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) * 1000;
        else
            ms = (m.captured(1).toLongLong() * 3600 + m.captured(2).toLongLong() * 60 +
                  m.captured(3).toLongLong()) *
                 1000;
        if (!m.captured(4).isEmpty())
            ms += std::llround(QStringLiteral("0.%1").arg(m.captured(4)).toDouble() * 1000);
        return ms;
    }
    m = num.match(t);
    if (!m.hasMatch())
        return -1;
    const double value = std::min(m.captured(1).toDouble(), 1e7);
    const QString unit = m.captured(2);
    qint64 unitMs = defaultUnitMs;
    if (unit.startsWith(QLatin1String("ms")) || unit.startsWith(QLatin1String("milli")) ||
        unit.startsWith(QLatin1String("msec")) || unit == QStringLiteral("毫秒"))
        unitMs = 1;
    else if (unit.startsWith(QLatin1Char('s')) || unit.startsWith(u'秒'))
        unitMs = 1000;
    else if (unit.startsWith(QLatin1Char('m')) || unit == QStringLiteral("分钟"))
        unitMs = 60000;
    return std::llround(value * double(unitMs));
}

namespace {

bool hasUnit(const QString& token)
{
    return token.contains(QLatin1Char(':')) ||
           std::any_of(token.begin(), token.end(), [](QChar c) { return c.isLetter(); });
}

qint64 unitOf(const QString& token)
{
    return parseTimeToken(QStringLiteral("1 ") +
                              token.section(QRegularExpression(QStringLiteral("[\\d.\\s]+")), 1),
                          1000);
}

} // namespace

Range findRange(const QString& c)
{
    Range r;
    const QString t = timePattern(false);
    const QString tu = timePattern(true);
    static const RX explicitRx(
        QStringLiteral("(?:from\\s+|从)?(%1)\\s*(?:-|~|〜|\\bto\\b|\\btill\\b|\\buntil\\b|"
                       "\\bthrough\\b|\\bthru\\b|到|至)\\s*(%1)")
            .arg(t));
    QRegularExpressionMatch m = explicitRx.match(c);
    if (m.hasMatch()) {
        const QString a = m.captured(1);
        const QString b = m.captured(2);
        const qint64 unit =
            hasUnit(a) || !hasUnit(b) || b.contains(QLatin1Char(':')) ? 1000 : unitOf(b);
        const qint64 from = parseTimeToken(a, unit);
        const qint64 to = parseTimeToken(b, 1000);
        if (from >= 0 && to > from) {
            r.fromMs = from;
            r.toMs = to;
            return r;
        }
    }
    // "15 seconds starting at 0:30", "从30秒开始 剪出15秒": a start and a length.
    static const RX startForRx(QStringLiteral("(%2)\\s+(?:starting|beginning|from)\\s+(?:at\\s+)?(%"
                                              "1)|(?:\\bfrom|\\bstarting (?:at|from)|\\bstart "
                                              "at|从)\\s*(%1)\\s*(?:开始)?[\\s,，]*(?:剪出|截取|取|"
                                              "保留|keep|take|for|lasting)\\s*(%2)")
                                   .arg(t, tu));
    m = startForRx.match(c);
    if (m.hasMatch()) {
        const bool lengthFirst = !m.captured(1).isEmpty();
        const qint64 from = parseTimeToken(lengthFirst ? m.captured(2) : m.captured(3));
        const qint64 length = parseTimeToken(lengthFirst ? m.captured(1) : m.captured(4));
        if (from >= 0 && length > 0) {
            r.fromMs = from;
            r.toMs = from + length;
            return r;
        }
    }
    static const RX toEndRx(
        QStringLiteral("(?:from\\s+|从)?(%1)\\s*(?:-|to|till|until|到|至)\\s*(?:the (?:very "
                       ")?end\\b|the finish\\b|结尾|最后|末尾|结束)")
            .arg(t));
    m = toEndRx.match(c);
    if (m.hasMatch()) {
        r.fromMs = parseTimeToken(m.captured(1));
        r.toMs = -1;
        return r;
    }
    static const RX fromStartRx(
        QStringLiteral("(%1)\\s+(?:from|at|off|of)\\s+the\\s+(start|beginning|front|end)\\b")
            .arg(tu));
    m = fromStartRx.match(c);
    if (m.hasMatch()) {
        if (m.captured(2) == QLatin1String("end")) {
            r.lastMs = parseTimeToken(m.captured(1));
        } else {
            r.fromMs = 0;
            r.toMs = parseTimeToken(m.captured(1));
        }
        return r;
    }
    // "everything after the first minute" starts where the first minute ends; "before the last
    // 10 seconds" ends at a time counted from the end, which no range here says (none rather
    // than the wrong stretch).
    static const RX afterFirstRx(
        QStringLiteral(
            "(?:\\bafter|\\bpast|\\bbeyond|\\bfollowing) (?:the )?(?:first|opening)\\s*(%1)|"
            "(?:前|开头)\\s*(%1)(?:之后|以后|后面)")
            .arg(tu));
    m = afterFirstRx.match(c);
    if (m.hasMatch()) {
        r.fromMs = parseTimeToken(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
        r.toMs = -1;
        return r;
    }
    static const RX beforeLastRx(
        QStringLiteral("(?:\\bbefore|\\bup to|\\buntil|\\bexcept) (?:the )?(?:last|final)\\s*(%1)|"
                       "(?:最后|结尾)\\s*(%1)(?:之前|以前)")
            .arg(tu));
    if (beforeLastRx.match(c).hasMatch())
        return r;
    static const RX firstRx(
        QStringLiteral(
            "(?:\\bfirst|\\bopening|\\bbeginning|前面的?|前|开头(?:的|那|这)?|开始的?)\\s*(%1)")
            .arg(tu));
    m = firstRx.match(c);
    if (m.hasMatch()) {
        r.fromMs = 0;
        r.toMs = parseTimeToken(m.captured(1));
        return r;
    }
    static const RX lastRx(
        QStringLiteral(
            "(?:\\blast|\\bfinal|\\bending|最后面的?|最后的?|末尾的?|结尾的?|后面的?|后)\\s*(%1)")
            .arg(tu));
    m = lastRx.match(c);
    if (m.hasMatch()) {
        r.lastMs = parseTimeToken(m.captured(1));
        return r;
    }
    static const RX afterRx(QStringLiteral("(?:\\bafter|\\bpast|\\bbeyond|\\bfrom|从)\\s*(%1)|(%1)"
                                           "\\s*(?:之后|以后|后面|onwards|on\\b)")
                                .arg(tu));
    m = afterRx.match(c);
    if (m.hasMatch()) {
        r.fromMs = parseTimeToken(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
        r.toMs = -1;
        return r;
    }
    static const RX beforeRx(
        QStringLiteral("(?:\\bbefore|\\bup to)\\s*(%1)|(%1)\\s*(?:之前|以前)").arg(tu));
    m = beforeRx.match(c);
    if (m.hasMatch()) {
        r.fromMs = 0;
        r.toMs = parseTimeToken(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
    }
    return r;
}

qint64 findAt(const QString& c)
{
    static const RX atRx(QStringLiteral("(?:\\bat|@|在|从)\\s*(%1)").arg(timePattern(false)));
    const QRegularExpressionMatch m = atRx.match(c);
    if (m.hasMatch())
        return parseTimeToken(m.captured(1));
    static const RX any(timePattern(true));
    const QRegularExpressionMatch a = any.match(c);
    return a.hasMatch() ? parseTimeToken(a.captured(0)) : -1;
}

qint64 findDuration(const QString& c)
{
    static const RX forRx(
        QStringLiteral("(?:\\bfor|\\bof|\\blasting|持续|时长)\\s*(%1)").arg(timePattern(true)));
    const QRegularExpressionMatch m = forRx.match(c);
    if (m.hasMatch())
        return parseTimeToken(m.captured(1));
    static const RX any(timePattern(true));
    const QRegularExpressionMatch a = any.match(c);
    return a.hasMatch() ? parseTimeToken(a.captured(0)) : -1;
}

double findPercent(const QString& c)
{
    static const RX rx(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b)"));
    const QRegularExpressionMatch m = rx.match(c);
    return m.hasMatch() ? std::min(m.captured(1).toDouble(), 1000.0) / 100.0 : -1;
}

double findFactor(const QString& c)
{
    static const RX rx(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(?:x|×|times)(?![a-z])|(\\d+(?:\\.\\d+"
                                      ")?)\\s*倍|\\bx\\s*(\\d+(?:\\.\\d+)?)"));
    const QRegularExpressionMatch m = rx.match(c);
    if (!m.hasMatch())
        return -1;
    for (int i = 1; i <= 3; ++i)
        if (!m.captured(i).isEmpty())
            return m.captured(i).toDouble();
    return -1;
}

double findDb(const QString& c)
{
    static const RX rx(QStringLiteral("(-?)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:dbfs|db|分贝)"));
    const QRegularExpressionMatch m = rx.match(c);
    if (!m.hasMatch())
        return 0;
    const double level = m.captured(2).toDouble();
    return level <= 0 ? 0 : -std::clamp(level, 1.0, 100.0);
}

double findLufs(const QString& c)
{
    static const RX rx(QStringLiteral("(-?)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:lufs|lu\\b)"));
    const QRegularExpressionMatch m = rx.match(c);
    if (!m.hasMatch())
        return 0;
    const double level = m.captured(2).toDouble();
    return level <= 0 ? 0 : -std::clamp(level, 5.0, 40.0);
}

int findOrdinal(const QString& c, qsizetype from, qsizetype* end)
{
    static const QStringList words{QStringLiteral("first"),   QStringLiteral("second"),
                                   QStringLiteral("third"),   QStringLiteral("fourth"),
                                   QStringLiteral("fifth"),   QStringLiteral("sixth"),
                                   QStringLiteral("seventh"), QStringLiteral("eighth"),
                                   QStringLiteral("ninth"),   QStringLiteral("tenth")};
    // "four 15 second segments": a "second" after a number is a unit, not the 2nd.
    static const RX rx(QStringLiteral(
        "(?<![\\d.][\\s-])(?<![\\d.])\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|"
        "ninth|tenth|last|final|(\\d{1,3})"
        "(?:st|nd|rd|th))\\s+(?:\\w+\\s+)?(?:clip|segment|shot|video|part)s?\\b|\\b(?:clip|segment|"
        "shot|video)\\s*(?:#|no\\.?|number)?\\s*(\\d{1,3})\\b|第\\s*(\\d{1,3})\\s*(?:个|段)?(?:"
        "片段|视频|镜头|段)?|(最后)\\s*(?:一|1)?\\s*(?:个|段)?(?:片段|视频|镜头|段)"));
    const QRegularExpressionMatch m = rx.match(c, from);
    if (!m.hasMatch())
        return -2;
    // "the 2nd to last clip", "next-to-last", 倒数第2个: counted from the end, which no index
    // here says (-1 is only the last); none rather than the wrong clip.
    static const RX fromEnd(
        QStringLiteral("(?:\\b(?:2nd|second|3rd|third|next)[- ]to[- ]|倒数\\s*)$"));
    if (fromEnd.match(c.left(m.capturedStart())).hasMatch())
        return -2;
    if (end)
        *end = m.capturedEnd();
    if (!m.captured(5).isEmpty())
        return -1;
    for (int g : {2, 3, 4})
        if (!m.captured(g).isEmpty())
            return std::max(0, m.captured(g).toInt() - 1);
    const QString w = m.captured(1);
    if (w == QLatin1String("last") || w == QLatin1String("final"))
        return -1;
    return int(words.indexOf(w));
}

} // namespace cw::engine::plannertext
