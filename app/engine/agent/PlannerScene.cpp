// Scene edits said in a clause (edit/Scenes.h): "split it at every scene change", "cut at each
// shot change", "split into scenes", 按场景切分, 在每个镜头切换处分割 (split_scenes); "remove the
// scene at 1:20", "delete the shot at 0:45", 删掉1:20那个镜头 (remove_scene at_ms). planInstruction
// reads these before the clause parsers, whose "scenes" decline (resources/agent/lexicon.json)
// still covers what is not done here: B-roll or music cut to the scenes, montages, beats.
// "Cut" alone is a removal: "cut the shot at 0:45" removes it, "cut at each shot change" splits.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

namespace {

using namespace plannertext;
using RX = QRegularExpression;

// A scene or shot as a whole: "scene", "shots", 场景, 镜头 (not "screenshot", "shoot").
constexpr const char* kScene = "(?:scenes?|shots?)";

// Something else made from the scenes (B-roll on them, music to them, a montage): not a split.
bool elsewhere(const QString& c)
{
    return has(c, "\\bb-?roll\\b|\\bmusic\\b|\\bbeats?\\b|\\bmontage\\b|\\btransitions?\\b|"
                  "\\btitles?\\b|\\btext\\b|\\bcaptions?\\b|\\bthumbnails?\\b|\\bexport\\b|"
                  "\\bshorts\\b|\\breels\\b|\\bbest\\b|\\bfunniest\\b|\\bslow\\b|\\bspeed\\b|"
                  "\\bpauses?\\b|\\bsilences?\\b|\\bdead air\\b|停顿|静音|"
                  "空镜|音乐|卡点|节拍|转场|字幕|标题|导出|加速|慢放|混剪");
}

bool splitSaid(const QString& c)
{
    static const QString verb = QStringLiteral(
        "\\b(?:split|cut|divide|chop|break|slice|separate|segment)(?:s|ting|ted|ing)?\\b");
    static const QString scene = QString::fromLatin1(kScene);
    static const RX en(
        verb +
        QStringLiteral(".{0,24}?\\b(?:at|on|by|into|per|wherever|whenever)\\b(?: "
                       "(?:every|each|all(?: the)?|the|its|their|every single|any))? ") +
        scene +
        QStringLiteral("(?:[- ](?:changes?|cuts?|boundar(?:y|ies)|breaks?|transitions?|"
                       "switch(?:es)?))?\\b|") +
        verb + QStringLiteral(".{0,24}?\\b") + scene + QStringLiteral(" by ") + scene +
        QStringLiteral(
            "\\b|\\b(?:split|cut|divide|chop|break)\\w* (?:it |the video |this |the "
            "clip |my video )?(?:up )?(?:into|in) (?:separate |individual |its |the )?") +
        scene + QStringLiteral("\\b|\\bscene[- ]detect(?:ion)?\\b.{0,20}\\bsplit"));
    static const RX zh(QStringLiteral(
        "(?:按|根据|依|以|照)(?:照)?(?:每个|每一个)?(?:场景|镜头)(?:切换|变化|转换)?(?:来|进行)?"
        "(?:切分|分割|切开|拆分|分段|切|分|剪开)|(?:每个|每一个|每次|所有|全部)?(?:场景|镜头|画面)"
        "(?:切换|变化|转换)(?:处|点|的地方|时)?(?:都)?(?:切分|分割|切开|拆分|分段|切一刀|切|分|"
        "剪开)|"
        "(?:切分|分割|拆分|切|分|拆)成(?:一个个|1个个|多个|各个)?(?:的)?(?:场景|镜头)"));
    return en.match(c).hasMatch() || zh.match(c).hasMatch();
}

// The time of the shot to remove; -1 when the clause asks no such removal.
qint64 removalAt(const QString& c)
{
    static const QString time = QStringLiteral(
        "(\\d{1,2}:\\d{2}(?:\\.\\d{1,3})?|\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s|秒)(?![a-z])|"
        "\\d+分\\d+秒)");
    static const RX en(
        QStringLiteral("\\b(?:remove|delete|cut|drop|lose|ditch|kill|get rid of|take out|cut "
                       "out|trim out|scrap|skip)\\b (?:the |that |this )?(?:whole |entire )?") +
        QString::fromLatin1(kScene) +
        QStringLiteral(" (?:(?:that (?:is|starts|plays|shows|comes) )?(?:at|around|from) "
                       "|(?:which|that)(?:'s| is) (?:at|around) )(?:about |roughly )?") +
        time);
    static const RX zh(QStringLiteral("(?:删掉|删除|去掉|剪掉|删了|移除|删去|拿掉|砍掉)(?:在)?") +
                       time +
                       QStringLiteral("(?:处|左右)?(?:那个|那一个|这个|的|处的|那段|那里的|开始的)"
                                      "?(?:镜头|场景)|") +
                       time +
                       QStringLiteral("(?:处|左右)?(?:那个|那一个|这个|的|处的|开始的)(?:镜头|场景)"
                                      "(?:删掉|删除|去掉|剪掉|删了|移除|不要了?)"));
    QRegularExpressionMatch m = en.match(c);
    if (!m.hasMatch())
        m = zh.match(c);
    if (!m.hasMatch())
        return -1;
    QString t = m.captured(1) + m.captured(2);
    static const RX minSec(QStringLiteral("^(\\d+)分(\\d+)秒$"));
    if (const QRegularExpressionMatch ms = minSec.match(t); ms.hasMatch())
        return (ms.captured(1).toLongLong() * 60 + ms.captured(2).toLongLong()) * 1000;
    return parseTimeToken(t);
}

} // namespace

bool sceneEdit(const QString& c, QList<Operation>& ops)
{
    if (!has(c, "\\bscenes?\\b|\\bshots?\\b|场景|镜头") || elsewhere(c))
        return false;
    if (const qint64 at = removalAt(c); at >= 0) {
        if (has(c, "^(?:please |pls )?(?:don'?t|do not|never)\\b|不要删|别删|不用删"))
            return false;
        ops << op(Op::removeScene(), QJsonObject{{QStringLiteral("at_ms"), at}});
        return true;
    }
    if (!splitSaid(c) || negated(c))
        return false;
    ops << op(Op::splitScenes());
    return true;
}

} // namespace cw::engine::planner
