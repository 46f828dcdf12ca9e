// Splits when the video's length is said in the message ("dividing a 12-minute file into 3
// parts", "it's 4:20 long, split it every minute"): the length, then the split points, which
// the engine could not place without it (the planner reads text only).
#include "agent/PlannerParts.h"

#include <QRegularExpression>

namespace cw::engine::planner {

using namespace plannertext;
using RX = QRegularExpression;

// The length of the source when the message says it: "a 12-minute file", "a video with 4:20
// minutes length", "the video is 4:20 long", 4分20秒的视频. -1 when it does not.
qint64 sourceLength(const QString& text)
{
    static const RX rx(QStringLiteral(
        "\\b(\\d+(?:\\.\\d+)?[- ]?(?:minutes?|mins?|seconds?|secs?))[- ](?:long )?(?:file|video|"
        "recording|clip|footage|vlog|podcast|interview|talk|stream|vod)\\b|\\b(?:video|clip|file|"
        "recording|it)(?: is|'s| has| with| of)(?: a)? (\\d{1,2}:\\d{2}|\\d+(?:\\.\\d+)? "
        "?(?:minutes?|mins?"
        "|seconds?|secs?))(?: minutes?)? (?:long|length|in "
        "length)\\b|(\\d+)分(?:钟)?(\\d+)秒的(?:视频|"
        "素材|录像|文件)|(\\d+(?:\\.\\d+)?)分钟的(?:视频|素材|录像|文件)|(\\d{1,2}:\\d{2})的(?:"
        "视频|"
        "素材|录像|文件)"));
    const QRegularExpressionMatch m = rx.match(text);
    if (!m.hasMatch())
        return -1;
    if (!m.captured(1).isEmpty() || !m.captured(2).isEmpty())
        return parseTimeToken(m.captured(1) + m.captured(2), 1000);
    if (!m.captured(3).isEmpty())
        return (m.captured(3).toLongLong() * 60 + m.captured(4).toLongLong()) * 1000;
    if (!m.captured(6).isEmpty())
        return parseTimeToken(m.captured(6), 1000);
    return qint64(m.captured(5).toDouble() * 60000);
}

// "split it into 3 parts", "split it every minute", 每1分钟分割一次, on a source whose length is
// known: the split_at operations (none when the clause asks no such split or the length is not
// known).
QList<Operation> splitsFor(const QString& c, qint64 sourceMs)
{
    if (sourceMs <= 0)
        return {};
    static const RX parts(QStringLiteral("\\b(?:split|divide|dividing|cut|chop|break)\\w*\\b.{0,40}"
                                         "?\\binto (\\d{1,2}) (?:equal |even "
                                         ")?(?:parts|pieces|segments|chunks|clips|sections)\\b|(?:"
                                         "分成|切成|拆成|分割成)(\\d{1,2})(?:段|份|"
                                         "部分|个片段)"));
    static const RX every(QStringLiteral(
        "\\b(?:split|divide|cut|chop|break)\\w*\\b.{0,40}?(?:\\bevery|\\bparts? (?:of |with )?(?:a "
        ")?max(?:imum)? (?:duration|length) (?:of )?)\\s*(\\d+(?:\\.\\d+)? "
        "?(?:seconds?|secs?|s|minutes?|"
        "mins?)|minute|second)\\b|每(?:隔)?(\\d+(?:\\.\\d+)?(?:秒|分钟))(?:分割|切|剪|分)"));
    qint64 step = 0;
    if (const QRegularExpressionMatch m = parts.match(c); m.hasMatch()) {
        const int n = QString(m.captured(1) + m.captured(2)).toInt();
        if (n < 2 || n > 20)
            return {};
        step = sourceMs / n;
    } else if (const QRegularExpressionMatch e = every.match(c); e.hasMatch()) {
        const QString t = QString(e.captured(1) + e.captured(2));
        step = parseTimeToken(t == QLatin1String("minute")   ? QStringLiteral("1 minute")
                              : t == QLatin1String("second") ? QStringLiteral("1 second")
                                                             : t,
                              1000);
    }
    if (step < 500)
        return {};
    QList<Operation> out;
    for (qint64 at = step; at < sourceMs - 250 && out.size() < 19; at += step)
        out << op(Op::splitAt(), QJsonObject{{QStringLiteral("at_ms"), at}});
    return out;
}

} // namespace cw::engine::planner
