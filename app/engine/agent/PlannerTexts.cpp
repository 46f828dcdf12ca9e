// The planner's parser for words on screen (declared in PlannerParts.h): "add a title
// 'Urban Dreams' for the first 3 seconds", "lower third 'Ana Silva' at 0:05", "a caption 'Bye'
// in the last 2 seconds", 添加字幕「你好」. The words come from the quote lifted out of the message
// (PlannerText.h), times and places from the rest of the clause.
#include "agent/PlannerParts.h"

#include <QRegularExpression>

namespace cw::engine::planner {

using RX = QRegularExpression;
using namespace plannertext;

std::optional<Operation> text(const QString& c, const Prepared& p)
{
    const int q = quoteIndex(c);
    if (q < 0 || q >= p.quotes.size())
        return std::nullopt;
    QString style;
    if (has(c, "lower[- ]?third|name (?:tag|strap)|名条|下方字幕|人名条"))
        style = QStringLiteral("lower_third");
    else if (has(c, "caption|subtitle|字幕"))
        style = QStringLiteral("caption");
    else if (has(c, "\\btitles?\\b|\\bheading\\b|\\bheadline\\b|标题"))
        style = QStringLiteral("title");
    // "put 'Chapter 1' at the start", "text 'Sale' in the corner": words on screen with no
    // style named (the executor's default).
    else if (!has(c, "\\btext\\b|\\boverlay\\b|\\bwrite\\b|\\bsays?\\b|\\blabel\\b|\\bwords\\b|"
                     "\\b(?:appear|appears|pop up|pops up|show up|shows up|on "
                     "screen|on-screen)\\b|文字|文本|写上?|"
                     "[1一](?:句话|行字|段话|行文字)|几个字|^(?:please "
                     "|can you |could you )?(?:put|show|display|place|add)\\b|^(?:在|把)") ||
             has(p.quotes.at(q).toLower(), "\\.[a-z0-9]{2,4}$"))
        return std::nullopt;
    QJsonObject args{{QStringLiteral("text"), p.quotes.at(q)}};
    if (!style.isEmpty())
        args.insert(QStringLiteral("style"), style);
    // Times are read outside the quote, so digits in the title are not taken as times; a colon
    // before the words ("for 4.5 s: 'Ana'") is not part of a time.
    QString rest = c;
    rest.remove(RX(QStringLiteral("\\x{E000}\\d+\\x{E001}")));
    rest.replace(RX(QStringLiteral(":\\s*$|:\\s+")), QStringLiteral(" "));
    const QJsonObject look = textLook(rest);
    for (auto it = look.begin(); it != look.end(); ++it)
        args.insert(it.key(), it.value());
    const QString position = readFrame(rest).position;
    if (!position.isEmpty())
        args.insert(QStringLiteral("position"), position);
    const Range r = findRange(rest);
    if (r.found() && r.lastMs < 0 && r.toMs > r.fromMs) {
        args.insert(QStringLiteral("start_ms"), r.fromMs);
        args.insert(QStringLiteral("duration_ms"), r.toMs - r.fromMs);
        return op(Op::addText(), args);
    }
    static const RX atRx(QStringLiteral("(?:\\bat\\b|\\bfrom\\b|\\bstarting\\b|@|在|从)\\s*[\\d]"));
    if (atRx.match(rest).hasMatch()) {
        const qint64 at = findAt(rest);
        if (at >= 0)
            args.insert(QStringLiteral("start_ms"), at);
    }
    static const RX appearRx(
        QStringLiteral("(\\d+(?:\\.\\d+)?\\s*秒)(?:时|处|的时候)?(?:出现|显示|开始)"));
    const QRegularExpressionMatch appear = appearRx.match(rest);
    if (!args.contains(QStringLiteral("start_ms")) && appear.hasMatch())
        args.insert(QStringLiteral("start_ms"), parseTimeToken(appear.captured(1)));
    if (!args.contains(QStringLiteral("start_ms")) &&
        has(rest, "\\bat the (?:very )?(?:start|beginning)\\b|\\bto start\\b|\\bopening\\b|\\bup "
                  "front\\b|开头|片头处|一开始"))
        args.insert(QStringLiteral("start_ms"), 0);
    static const RX forRx(QStringLiteral("(?:\\bfor\\b|\\blasting\\b|持续|时长)"));
    if (forRx.match(rest).hasMatch()) {
        const qint64 d = findDuration(rest.mid(forRx.match(rest).capturedStart()));
        if (d > 0)
            args.insert(QStringLiteral("duration_ms"), d);
    }
    // "at the end", "in the last 5 seconds", "3 seconds before the end", 结尾, 最后5秒: placed so
    // it ends with the video (at "end": the executor counts back from the end).
    if (!args.contains(QStringLiteral("start_ms"))) {
        static const RX beforeEnd(
            QStringLiteral("(\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s|秒))\\s*(?:before the end\\b|"
                           "(?:before|from) the end of (?:the|my) video\\b)"));
        const QRegularExpressionMatch be = beforeEnd.match(rest);
        qint64 last = r.lastMs;
        if (last <= 0 && be.hasMatch())
            last = parseTimeToken(be.captured(1));
        if (last > 0 || has(rest, "\\bat the (?:very )?end(?:ing)?\\b|\\bat the close\\b|结尾|片尾|"
                                  "最后(?:那|几)"))
            args.insert(QStringLiteral("at"), QStringLiteral("end"));
        if (last > 0)
            args.insert(QStringLiteral("duration_ms"), last);
    }
    return op(Op::addText(), args);
}

// "called Urban Dreams": the name as the user wrote it (case kept) when it can be found.
QString originalCase(const QString& lower, const Prepared& p)
{
    const qsizetype at = p.original.indexOf(lower, 0, Qt::CaseInsensitive);
    return at >= 0 ? p.original.mid(at, lower.size()) : lower;
}

} // namespace cw::engine::planner
