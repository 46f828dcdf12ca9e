// A montage cut to the music (edit/Montage.h) said in a clause: "cut these clips into a
// 60-second montage synced to the music", "make a montage to the beat", "sync the cuts to the
// music", "edit to the beat", "beat-synced montage", 卡点, 做一个卡点视频, 按音乐节奏剪辑,
// 踩点剪辑, 混剪. planInstruction reads it before the clause parsers, whose "scenes" decline
// (resources/agent/lexicon.json) keeps what is not done: a montage opener (the "intro"
// decline), music cut to the pictures ("sync the beat drop to the cut", 音乐节奏卡在画面切换点上),
// audiograms. A length in the clause ("a 30-second montage", 30秒) is the target; a song file
// named ("to song.mp3") is the music. Transitions said with it ("with transitions", "crossfade
// on the downbeats", 卡点视频，加转场; lexicon "montage.transitions" or any transition the
// transitions parser reads, in the clause or another clause of the message) go on the cuts on
// a downbeat (args transitions: the type); "add transitions on the downbeats" alone (lexicon
// "montage.downbeats") is add_transitions at "downbeats", for a montage made earlier. In a message
// that also cuts the footage or changes the music ("trim the pauses and sync the cuts to the beat")
// the montage is declined: the cuts asked for there are those edits' own, and a montage would
// remake the timeline over them.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

namespace {

using namespace plannertext;
using RX = QRegularExpression;

bool montageSaid(const QString& c)
{
    // "edit to the music", "sync the cuts with the beat"; not "cut it to the song's length" or
    // "edit with music" (music added, nothing cut to it).
    static const QString object = QStringLiteral(
        "(?: (?:it|them|these|those|the clips|my clips|these clips|the cuts|all the cuts|my "
        "cuts|cuts|everything|the video|my video|the edit))?(?: up)? ");
    static const QString beat = QStringLiteral(
        "(?:the |its |the song'?s? |the music'?s? )?(?:beats?|rhythm|tempo|music|song|bpm)\\b"
        "(?! length| duration|'s length)");
    static const RX en(
        QStringLiteral("\\bmontages?\\b|\\bbeat[- ]?(?:sync(?:ed|hed)?|matched|cut)\\b|"
                       "\\b(?:edit|edited|editing|cut|cuts|cutting|chop|chopped|time|timed)\\b") +
        object + QStringLiteral("(?:to|on) ") + beat +
        QStringLiteral("|\\b(?:sync|synced|synch|synched|match|matched|line up|snap)\\b") + object +
        QStringLiteral("(?:to|on|with) ") + beat +
        QStringLiteral("|\\bcuts? (?:on|to) (?:the |every |each )?beats?\\b"));
    static const RX zh(QStringLiteral(
        "卡点|踩点|混剪|(?:按|跟着|根据|配合|随着|对着|跟随)(?:照)?(?:音乐|歌曲|背景音乐|歌|bgm)?"
        "的?(?:节奏|节拍|鼓点|拍子)(?:来)?(?:剪辑|剪|切|卡)|(?:剪辑|切换|剪切|画面)(?:点)?(?:跟着|"
        "踩|卡|对上|对准)(?:音乐|歌曲|bgm)?的?(?:节奏|节拍|鼓点)"));
    return en.match(c).hasMatch() || zh.match(c).hasMatch();
}

// Music cut to the pictures, or the montage as an opener: declined elsewhere, not a montage.
bool otherWay(const QString& c)
{
    return has(c, "\\bbeat drop\\b|\\b(?:highlight|teaser|montage) (?:intro|opener)\\b|"
                  "\\bmontage (?:of|from) (?:the )?(?:best|funniest|highlights?)\\b|"
                  "音乐节奏卡在|音乐.{0,6}(?:匹配|对上)画面|调整音乐");
}

qint64 lengthSaid(const QString& c)
{
    static const RX en(QStringLiteral(
        "(\\d+(?:\\.\\d+)?)\\s*-?\\s*(seconds?|secs?|s|minutes?|mins?|m|秒钟?|分钟)(?![a-z])"));
    const QRegularExpressionMatch m = en.match(c);
    if (!m.hasMatch())
        return -1;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const bool minutes = unit.startsWith(QLatin1Char('m')) || unit == QStringLiteral("分钟");
    const qint64 ms = qint64(v * (minutes ? 60000 : 1000));
    return ms >= 2000 && ms <= 3600000 ? ms : -1;
}

QString songFile(const QString& c)
{
    static const RX file(QStringLiteral(
        "([^\\s\"'“”「」/\\\\]{1,120}\\.(?:mp3|m4a|wav|aac|flac|ogg|opus|aiff?))(?![a-z0-9])"));
    return file.match(c).captured(1);
}

// The transition type said in a montage clause ("fade" when only "with transitions" is), or "".
QString transitionSaid(const QString& c)
{
    const std::optional<Operation> t = transitions(c);
    const QString type = t ? t->args.value(QStringLiteral("type")).toString() : QString();
    if (type == QLatin1String("none"))
        return {};
    if (!type.isEmpty())
        return type;
    return t || lexicon::has(c, QStringLiteral("montage.transitions")) ? QStringLiteral("fade")
                                                                       : QString();
}

// "卡点视频，加转场", "make a montage to the beat. crossfade on the downbeats": a transition
// asked in another clause of the montage's message goes on its downbeats; without a montage,
// transitions said "on the downbeats" are for the one on the timeline.
void downbeatTransitions(Plan& plan, const QStringList& clauses)
{
    const bool downbeats = std::any_of(clauses.cbegin(), clauses.cend(), [](const QString& c) {
        return lexicon::has(c, QStringLiteral("montage.downbeats"));
    });
    auto montage = std::find_if(plan.operations.begin(), plan.operations.end(),
                                [](const Operation& o) { return o.name == Op::montage(); });
    for (int i = int(plan.operations.size()) - 1; i >= 0; --i) {
        Operation& o = plan.operations[i];
        const QString type = o.args.value(QStringLiteral("type")).toString();
        if (o.name != Op::addTransitions() || type == QLatin1String("none"))
            continue;
        if (montage != plan.operations.end()) {
            if (!montage->args.contains(QStringLiteral("transitions")))
                montage->args.insert(QStringLiteral("transitions"),
                                     type.isEmpty() ? QStringLiteral("fade") : type);
            plan.operations.removeAt(i);
            montage = std::find_if(plan.operations.begin(), plan.operations.end(),
                                   [](const Operation& x) { return x.name == Op::montage(); });
        } else if (downbeats) {
            o.args.insert(QStringLiteral("at"), QStringLiteral("downbeats"));
        }
    }
}

} // namespace

bool montageEdit(const QString& c, QList<Operation>& ops)
{
    if (!montageSaid(c) || otherWay(c) || negated(c))
        return false;
    QJsonObject args;
    if (const qint64 ms = lengthSaid(c); ms > 0)
        args.insert(QStringLiteral("target_ms"), ms);
    if (const QString file = songFile(c); !file.isEmpty())
        args.insert(QStringLiteral("file"), file);
    if (const QString type = transitionSaid(c); !type.isEmpty())
        args.insert(QStringLiteral("transitions"), type);
    ops << op(Op::montage(), args);
    return true;
}

namespace {

void declineWithCuts(Plan& plan, const QStringList& clauses)
{
    static const QStringList others{Op::cutPauses(),   Op::targetLength(), Op::removeRange(),
                                    Op::keepRange(),   Op::splitAt(),      Op::deleteClip(),
                                    Op::splitScenes(), Op::removeScene(),  Op::addMusic(),
                                    Op::removeMusic(), Op::setSpeed()};
    const auto isMontage = [](const Operation& o) { return o.name == Op::montage(); };
    if (std::none_of(plan.operations.cbegin(), plan.operations.cend(), isMontage) ||
        std::none_of(plan.operations.cbegin(), plan.operations.cend(),
                     [](const Operation& o) { return others.contains(o.name); }))
        return;
    plan.operations.removeIf(isMontage);
    Declined d;
    for (const QString& c : clauses)
        if (montageSaid(c))
            d.clause = c;
    d.id = QStringLiteral("montage_with_cuts");
    d.en = QStringLiteral("a montage cut to the beat in the same message as other cuts or music "
                          "(once those are done, ask for it on its own: \"make a montage to the "
                          "beat\")");
    d.zh = QStringLiteral(
        "在同一条消息里既做其他剪切或配乐又做卡点剪辑（先完成那些，再单独说“做一个卡点"
        "视频”）");
    plan.declined << d;
}

} // namespace

void montageAlone(Plan& plan, const QStringList& clauses)
{
    declineWithCuts(plan, clauses);
    downbeatTransitions(plan, clauses);
}

} // namespace cw::engine::planner
