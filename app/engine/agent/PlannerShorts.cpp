// Several shorts said in a clause (edit/ShortsPick.h): "make 3 shorts of 30 s each", "3
// vertical shorts from this", "cut it into three 30-second clips for TikTok", "give me 5 reels",
// 剪成3个30秒的短视频, 做3条抖音短视频 (shorts count + target_ms, aspect 9:16 when vertical or a
// vertical platform is said); "remove the shorts", 删掉短视频 (remove); "export short 2", "export
// the second short", 导出第2条短视频 (export). planInstruction reads these before the clause
// parsers, whose "pieces" decline (resources/agent/lexicon.json) keeps what is not a set of
// shorts: cutting the whole video into parts ("split it into 3 parts", 分成3段), which needs
// the places to cut. Plain "clips"/"videos" count as shorts only with a length, "short", a
// platform or a vertical frame said ("3 clips of 30 seconds"), and only with a verb that
// makes something: "trim the 2 videos to 30 seconds" is no request for shorts.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

namespace {

using namespace plannertext;
using RX = QRegularExpression;

int chineseDigit(const QString& s)
{
    static const QString digits = QStringLiteral("零一二三四五六七八九十");
    if (s == QStringLiteral("两"))
        return 2;
    const int i = int(digits.indexOf(s));
    return i > 0 ? i : s.toInt();
}

// The length of each short said in the clause, in ms; 0 when none.
qint64 eachLength(const QString& c)
{
    static const RX rx(QStringLiteral(
        "(\\d+(?:\\.\\d+)?)\\s*-?\\s*(seconds?|secs?|s|minutes?|mins?|秒钟?|分钟)(?![a-z])"));
    const QRegularExpressionMatch m = rx.match(c);
    if (!m.hasMatch())
        return 0;
    const double v = m.captured(1).toDouble();
    const bool minutes =
        m.captured(2).startsWith(QLatin1Char('m')) || m.captured(2) == QStringLiteral("分钟");
    return qRound64(v * (minutes ? 60000.0 : 1000.0));
}

QString frameSaid(const QString& c)
{
    if (has(c, "\\b(?:vertical|portrait|9:16|tiktoks?|tik tok|reels?|instagram|youtube shorts|"
               "stories)\\b|竖屏|竖版|抖音|快手|视频号|小红书"))
        return QStringLiteral("9:16");
    if (has(c, "\\bsquare\\b|1:1|方形"))
        return QStringLiteral("1:1");
    return QString();
}

bool removeSaid(const QString& c)
{
    return has(c, "\\b(?:remove|delete|clear|drop|discard|get rid of|scrap|forget|undo)\\b (?:all "
                  "|the |my |these |those )*(?:vertical )?shorts\\b|\\bno (?:more )?shorts\\b|"
                  "(?:删掉|删除|去掉|清除|不要)(?:所有|全部|这些|那些)?(?:的)?短视频");
}

// Short n of "export short 2", "export the 2nd short", 导出第2条短视频; 0 when not said.
int exportSaid(const QString& c)
{
    static const RX en(QStringLiteral(
        "\\b(?:export|render|save|download)\\b (?:the )?(?:(\\d{1,2})(?:st|nd|rd|th)? short|"
        "short (?:number |no\\.? |#)?(\\d{1,2}))\\b"));
    static const RX zh(QStringLiteral("(?:导出|渲染|保存|下载)(?:第\\s*(\\d{1,2}|["
                                      "一二两三四五六七八九十])\\s*(?:条|个|段)?短视频|"
                                      "短视频\\s*(\\d{1,2}))"));
    QRegularExpressionMatch m = en.match(c);
    if (!m.hasMatch())
        m = zh.match(c);
    if (!m.hasMatch())
        return 0;
    const QString n = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    return chineseDigit(n);
}

// The count of shorts asked for, or 0.
int countSaid(const QString& c)
{
    static const RX en(QStringLiteral(
        "\\b(\\d{1,2}) (?:(?:more |separate |different |short |vertical |portrait |square |"
        "(?:\\d+(?:\\.\\d+)?[- ]?(?:seconds?|secs?|s|minutes?|mins?)|\\d+s)[- ]?(?:long )?)"
        "){0,3}(shorts|reels|tiktoks|clips|videos)\\b"));
    static const RX zh(
        QStringLiteral("(?:剪|做|切|拆|分|出|生成|弄)(?:成|出)?\\s*(\\d{1,2}|[两二三四五六七八九十]"
                       ")\\s*(?:个|条|段)"
                       "(?:\\d+(?:\\.\\d+)?\\s*(?:秒钟?|分钟)(?:左右)?的?)?(?:竖屏|竖版)?(?:的)?"
                       "(短视频|短片|小视频|抖音(?:短)?视频|竖屏视频|视频|片段)"));
    const bool makes =
        has(c, "\\b(?:make|create|cut|split|turn|give|get|pull|generate|produce|chop|break|"
               "slice|divide|edit|want|need|export|render|into|from|out of)\\b");
    if (const QRegularExpressionMatch m = en.match(c); m.hasMatch() && makes) {
        if (has(c, "\\b(?:trim|merge|join|combine|add|delete|remove|mute|reorder|swap|between)\\b"))
            return 0;
        const QString noun = m.captured(2);
        const bool plain = noun == QLatin1String("clips") || noun == QLatin1String("videos");
        if (plain && eachLength(c) <= 0 && frameSaid(c).isEmpty() && !has(c, "\\bshort\\b"))
            return 0;
        return m.captured(1).toInt();
    }
    if (const QRegularExpressionMatch m = zh.match(c); m.hasMatch()) {
        const QString noun = m.captured(2);
        const bool plain = noun == QStringLiteral("视频") || noun == QStringLiteral("片段");
        if (plain && eachLength(c) <= 0 && frameSaid(c).isEmpty())
            return 0;
        return chineseDigit(m.captured(1));
    }
    return 0;
}

} // namespace

bool shortsEdit(const QString& c, QList<Operation>& ops)
{
    if (!has(c, "\\bshorts?\\b|\\breels\\b|\\btiktoks\\b|\\bclips\\b|\\bvideos\\b|短视频|短片|"
                "小视频|视频|片段"))
        return false;
    if (removeSaid(c)) {
        ops << op(Op::shorts(), QJsonObject{{QStringLiteral("remove"), true}});
        return true;
    }
    if (const int n = exportSaid(c); n > 0) {
        ops << op(Op::shorts(), QJsonObject{{QStringLiteral("export"), n}});
        return true;
    }
    const int count = countSaid(c);
    if (count < 2 || negated(c))
        return false;
    QJsonObject args{{QStringLiteral("count"), count}};
    // A length said next to the count ("3 30-second clips") or after it ("of 30 s each").
    const qint64 each = eachLength(c);
    if (each > 0)
        args.insert(QStringLiteral("target_ms"), each);
    if (const QString frame = frameSaid(c); !frame.isEmpty())
        args.insert(QStringLiteral("aspect"), frame);
    ops << op(Op::shorts(), args);
    return true;
}

} // namespace cw::engine::planner
