// The per-operation clause parsers of the planner (see PlannerClause.cpp for which parser runs
// when): cut pauses, ranges, clips, music, intro, B-roll, history and the timeline summary.
// Words on screen are in PlannerTexts.cpp, speed and the clips' volume in PlannerSpeed.cpp, the
// whole-video looks and sound in PlannerLooks.cpp. Each reads one normalised clause and returns at
// most one operation.
#include "agent/PlannerParts.h"

#include "agent/Lexicon.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cw::engine::planner {

using RX = QRegularExpression;
using namespace plannertext;

const RX& cachedRx(const char* pattern)
{
    // Patterns are literals; cache them by address.
    static thread_local QHash<const char*, RX> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, RX(QString::fromUtf8(pattern)));
    return *it;
}

bool has(const QString& c, const char* pattern)
{
    return cachedRx(pattern).match(c).hasMatch();
}

bool removeVerbBefore(const QString& c, const char* target, int gap)
{
    for (qsizetype from = 0;;) {
        const QRegularExpressionMatch verb =
            lexicon::find(c, QStringLiteral("action.remove"), from);
        if (!verb.hasMatch())
            return false;
        const QRegularExpressionMatch t = cachedRx(target).match(c, verb.capturedEnd());
        if (t.hasMatch() && t.capturedStart() - verb.capturedEnd() <= gap)
            return true;
        from = verb.capturedEnd();
    }
}

Operation op(const QString& name, QJsonObject args)
{
    return Operation{name, std::move(args)};
}

void putRange(QJsonObject& args, const Range& r)
{
    if (r.lastMs >= 0) {
        args.insert(QStringLiteral("last_ms"), r.lastMs);
        return;
    }
    args.insert(QStringLiteral("from_ms"), r.fromMs);
    args.insert(QStringLiteral("to_ms"), r.toMs);
}

std::optional<Operation> history(const QString& c)
{
    if (has(c,
            "\\bbring (?:that|the|it) (?:change |edit )?back\\b|\\bput (?:that|it) back\\b|\\bput "
            "back (?:the (?:change|edit|step)|that|what)\\b"))
        return op(Op::redo());
    if (has(c, "\\bbegin again\\b|\\bfrom scratch\\b|\\bstart afresh\\b|\\bfresh start\\b"))
        return op(Op::reset());
    if (has(c, "\\bgo back (?:before|1 step|one step|a step)\\b|\\bdon'?t like (?:this|that|the "
               "last) (?:change|edit)\\b|\\b(?:wanted|meant) to keep\\b|\\bby "
               "(?:mistake|accident)\\b|删错|误删"))
        return op(Op::undo());
    // "undo everything", "scrap everything": every edit, not the last one.
    if (has(c,
            "\\bundo (?:everything|it all|all of it|all(?: the| my)? "
            "(?:changes|edits))\\b|\\bscrap "
            "(?:everything|it all|all (?:the |my )?(?:changes|edits))\\b|\\b(?:discard|throw away|"
            "throw out|ditch) (?:all )?(?:the |my )?(?:changes|edits)\\b"))
        return op(Op::reset());
    if (has(c, "\\brevert (?:everything|it all|all)\\b|\\bhow it was when i "
               "(?:imported|uploaded|added)|\\bback to the (?:original|raw|uploaded) "
               "(?:version|footage|video|clip)"))
        return op(Op::reset());
    if (has(c, "\\bredo\\b|重做|ctrl[- +]?(?:shift[- +]?z|y)\\b|\\b(?:bring|put) (?:it |that "
               ")?back what i (?:just )?undid|\\bundo (?:the|my|that) "
               "undo|恢复刚才撤销|撤销的.{0,4}恢复|恢复回来|撤多了|撤销多|多撤|\\bundid too "
               "(?:much|many|far)\\b|\\bwent back too far\\b"))
        return op(Op::redo());
    if (has(c, "\\bundo\\b|\\brevert\\b|\\btake (?:that|it) back\\b|\\b(?:ctrl|cmd)[- "
               "+]?z\\b|\\bgo back \\d{1,2} "
               "steps?\\b|撤销|撤消|撤回|返回上一步|回退|退回上一步|后退\\d"))
        return op(Op::undo());
    if (has(c, "\\bstart (?:over|again|from scratch)\\b|\\breset\\b|\\bback to the "
               "original\\b|\\brestore the original\\b|\\bundo (?:everything|all(?: the)? "
               "(?:changes|edits))\\b|重新开始|从头开始|重来|恢复原样|恢复到原始|清空.{0,4}修改|"
               "(?:恢复|还原|变回)(?:成|到)?(?:原样|原来的样子|原始|最初|一开始)|"
               "撤销所有|全部撤销|回到原始"))
        return op(Op::reset());
    return std::nullopt;
}

int repeatCount(const QString& c)
{
    static const RX rx(QStringLiteral(
        "\\b(\\d{1,2}) times\\b|\\btwice\\b|\\bthrice\\b|(\\d{1,2})\\s*(?:次|步|下)|\\blast "
        "(\\d{1,2})\\b(?! ?(?:s|sec|seconds?|minutes?|mins?|秒))|\\b(\\d{1,2}) "
        "(?:changes|edits|steps|operations)\\b"));
    const QRegularExpressionMatch m = rx.match(c);
    if (!m.hasMatch())
        return 1;
    if (m.captured(0) == QLatin1String("twice"))
        return 2;
    if (m.captured(0) == QLatin1String("thrice"))
        return 3;
    int n = 1;
    for (int g = 1; g <= 4; ++g)
        if (!m.captured(g).isEmpty())
            n = m.captured(g).toInt();
    return std::clamp(n, 1, 10);
}

std::optional<Operation> intro(const QString& c, const Prepared& p)
{
    // "make the intro short", "make the intro play at double speed": a change to the intro
    // that is there (or to the opening of the footage), not a new one.
    if (has(c, "\\b(?:make|have|let) (?:the|my|this|that) (?:intro|opening)(?: card| part)? "
               "(?:play|go|run|move|be|look|sound|feel|fade|start|end)\\b") ||
        has(c, "\\b(?:make|get|keep) (?:the|my|this|that) (?:intro|opening)(?: card)? (?:a "
               "(?:bit|little) "
               ")?(?:\\w+er|short|long|quick|slow|snappy|better|punchy)\\b|片头(?:太|有点)?(?:短|"
               "长|快|慢)"))
        return std::nullopt;
    // "add some intro music", 片头曲: music for the opening, not an intro card.
    if (has(c, "\\b(?:intro|outro|opening) "
               "(?:music|song|tune|track|theme|jingle)s?\\b|片头(?:音乐|曲|配乐)|"
               "片尾(?:音乐|曲|配乐)"))
        return std::nullopt;
    // "put 'Holidays' as a title card before the video starts": any intro word of the
    // vocabulary after a verb of making.
    const bool introWord =
        lexicon::has(c, QStringLiteral("target.intro")) &&
        !has(c, "\\b(?:after|before|during|in|of|from|into|under|over) (?:the|my|this) "
                "(?:intro|title|opening)|片头(?:后|之后|前|里)") &&
        has(c,
            "\\b(?:put|add|make|create|use|have|start with|open with|begin with)\\b|加|做|用|生成");
    if (!introWord && !has(c, "^(?:an? |the )?(?:intro|title card|intro card|opening card)\\s*:") &&
        !has(c, "\\b(?:generate|make|create|add|build|give|want|need|put|start with|open "
                "with|begin with)\\b(?: me| it| us)?(?: an?| the| some)?(?: "
                "(?!after\\b|before\\b|from\\b|in\\b|of\\b|to\\b)[a-z-]+){0,3}? (?:intro|opening "
                "(?:sequence|shot|title))\\b|(?:生成|做|制作|添加|加).{0,10}(?:片头|开场)"))
        return std::nullopt;
    QJsonObject args;
    const int q = quoteIndex(c);
    static const RX calledRx(QStringLiteral(
        "\\b(?:called|named|titled|saying|with the "
        "title)\\s+([^\\x{E000}]{1,80})$|(?:叫|名为|标题为|标题是)\\s*([^\\x{E000}]{1,40})$"));
    const QRegularExpressionMatch m = calledRx.match(c);
    if (q >= 0 && q < p.quotes.size())
        args.insert(QStringLiteral("title"), p.quotes.at(q));
    else if (m.hasMatch())
        args.insert(
            QStringLiteral("title"),
            originalCase(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1), p).trimmed());
    return op(Op::addIntro(), args);
}

std::optional<Operation> broll(const QString& c, const Prepared& p)
{
    // A video file laid over a stretch ("第30秒到45秒盖上 food.mp4", "cover 0:10-0:15 with
    // city.mp4") is B-roll even when the word is not said.
    const bool overlaid =
        has(c, "\\.(?:mp4|mov|mkv|webm|m4v|avi)\\b") &&
        has(c, "盖上|覆盖|叠在|\\bcover\\b|\\bover(?:lay)?\\b|\\bon top\\b|\\bcut ?away\\b");
    // "the b-roll part drags" names B-roll without asking for any.
    const bool asked =
        has(c, "\\b(?:add|use|put|insert|include|overlay|cover|drop|throw|sprinkle|intercut|cut "
               "to|layer|place|want|need|give|more|some|every)\\b|加|插|用|放|盖|来点|配上|当");
    if (!(overlaid || (asked && has(c, "\\bb-? ?roll\\b|\\bcutaways?\\b|空镜|辅助镜头"))) ||
        has(c, "b-? ?roll transitions?"))
        return std::nullopt;
    static const RX fileRx(
        QStringLiteral("([^\\s\"'“”「」/\\\\]{1,120}\\.(?:mp4|mov|mkv|webm|m4v|avi))(?![a-z0-9])"));
    QJsonObject args;
    const int q = quoteIndex(c);
    const QRegularExpressionMatch fm = fileRx.match(c);
    if (q >= 0 && q < p.quotes.size() && fileRx.match(p.quotes.at(q).toLower()).hasMatch())
        args.insert(QStringLiteral("file"), p.quotes.at(q).trimmed());
    else if (fm.hasMatch())
        args.insert(
            QStringLiteral("file"),
            originalCase(fm.captured(1), p).remove(RX(QStringLiteral("^(?:用|把|将|拿|加|放)+"))));
    static const RX everyRx(
        QStringLiteral("(?:\\bevery|每隔?)\\s*(\\d+(?:\\.\\d+)?\\s*[a-z秒分钟]*)"));
    const QRegularExpressionMatch em = everyRx.match(c);
    if (em.hasMatch()) {
        const qint64 every = parseTimeToken(em.captured(1));
        if (every > 0)
            args.insert(QStringLiteral("every_ms"), std::clamp<qint64>(every, 2000, 600000));
    } else {
        const Range r = findRange(c);
        if (r.found() && r.lastMs < 0 && r.toMs > r.fromMs) {
            args.insert(QStringLiteral("from_ms"), r.fromMs);
            args.insert(QStringLiteral("to_ms"), r.toMs);
        }
    }
    return op(Op::addBroll(), args);
}

std::optional<Operation> music(const QString& c, const Prepared& p)
{
    static const RX fileRx(QStringLiteral(
        "([^\\s\"'“”「」/\\\\]{1,120}\\.(?:mp3|m4a|wav|aac|flac|ogg|opus|aiff?))(?![a-z0-9])"));
    QString file;
    const int q = quoteIndex(c);
    if (q >= 0 && q < p.quotes.size() && fileRx.match(p.quotes.at(q).toLower()).hasMatch())
        file = p.quotes.at(q).trimmed();
    const QRegularExpressionMatch fm = fileRx.match(c);
    if (file.isEmpty() && fm.hasMatch())
        file = fm.captured(1);
    // "背景音乐用song.mp3": the words before the verb are not part of the name.
    static const RX zhVerb(
        QStringLiteral("^.*(?:用|换成|改成|设为|为|是|配上|放)(?=[^\\x{4E00}-\\x{9FFF}])"));
    // "换成我上传的music.mp3": neither is "我上传的" (a name that is Chinese to its end is kept).
    static const RX zhOwner(QStringLiteral("^.*的(?=[^\\x{4E00}-\\x{9FFF}]+$)"));
    if (quoteIndex(c) < 0 && containsChinese(file))
        file.remove(zhVerb).remove(zhOwner);
    const bool musicWord = has(
        c, "\\bmusic\\b|\\bbgm\\b|\\bsoundtrack\\b|\\bsong\\b|\\btunes\\b|\\bbackground "
           "(?:track|audio)\\b|\\bbacking (?:track|music)\\b|\\b(?:happy|upbeat|calm|chill|"
           "catchy|nice) tunes?\\b|\\b(?:upbeat|calm|chill|lo-?fi|cinematic|happy|relaxing|"
           "energetic|epic|mellow|dramatic|uplifting) (?:track|beat|instrumental)\\b|\\bmusic "
           "bed\\b|背景音乐|配乐|配(?:个|点|一段|首)乐|音乐|背景乐|bgm|钢琴曲|吉他曲|曲子|纯音乐");
    const bool verb =
        has(c, "\\b(?:add|use|put|play|include|insert|give|get|want|need|needs|love|like|set|lay|"
               "layer|with|"
               "overlay|apply|choose|pick|throw|slap|pop|stick|chuck|drop in|"
               "score|swap|switch|replace|change)\\b|加|添|用|配|放|来|换");
    // "some calm music at 20%", "lofi music please": a request said as the thing wanted. "the
    // song ends too early" names music that is there.
    const bool nounPhrase =
        has(c, "^(?:some |a |an |the "
               ")?(?:(?:lo-?fi|calm|upbeat|cinematic|relaxing|chill|soft|epic|happy|energetic|"
               "gentle|dramatic) ){0,2}(?:background "
               ")?(?:music|song|soundtrack|bgm)\\b(?:\\s+(?:please|pls|at [\\d.]+\\s*(?:%|percent)|"
               "in the background|(?:under|behind|over) (?:it|this|everything|the \\w+)|throughout|"
               "too|as well|(?:for|on) (?:it|this|the \\w+)|with (?:no|without) "
               "ducking|(?:no|without) "
               "ducking|(?:that|which) (?:fits|matches|suits) .*|like .*))*\\s*$|^(?:\\S{0,6})?(?:"
               "背景音乐|配乐)") &&
        !has(c, "^the (?:background )?(?:music|song|soundtrack|bgm)\\s*$");
    if (!(verb || nounPhrase) || (!musicWord && file.isEmpty()))
        return std::nullopt;
    // "the music is distracting", "背景音乐太吵": a clause that says how the music is (or
    // asks to change its level) adds none.
    if (file.isEmpty() && !verb &&
        (has(c, "\\b(?:music|bgm|soundtrack|song|tunes)\\b (?:\\w+ ){0,3}?(?:is|are|was|'s|sounds?|"
                "seems?|feels?|gets?)\\b|(?:音乐|配乐|bgm)(?:的声音|声音|音量)?(?:太|有点|好|很|"
                "特别|比较|过)") ||
         lexicon::has(c, QStringLiteral("action.lower")) ||
         lexicon::has(c, QStringLiteral("action.raise")) ||
         lexicon::has(c, QStringLiteral("action.remove"))))
        return std::nullopt;
    // "只留背景音乐", "leave only the music": the music that is there stays; nothing is added.
    if (has(c,
            "只留|只保留|只剩|\\b(?:keep|leave) (?:only |just )?the music\\b|\\bjust the music\\b"))
        return std::nullopt;
    QJsonObject args;
    if (!file.isEmpty())
        args.insert(QStringLiteral("file"), file);
    if (has(c, "lo-?fi|lo fi|低保真"))
        args.insert(QStringLiteral("mood"), QStringLiteral("lofi"));
    else if (has(c, "upbeat|energetic|happy|happier|cheerful|livelier|欢快|动感|活泼|轻快|节奏快|"
                    "快节奏|"
                    "\\bfast[- ]paced\\b|\\bup-?tempo\\b"))
        args.insert(QStringLiteral("mood"), QStringLiteral("upbeat"));
    else if (has(c, "calm|relax|chill|soft|gentle|peaceful|舒缓|平静|轻松|安静|柔和"))
        args.insert(QStringLiteral("mood"), QStringLiteral("calm"));
    else if (has(c, "cinematic|epic|dramatic|电影|史诗|大气|磅礴|宏大"))
        args.insert(QStringLiteral("mood"), QStringLiteral("cinematic"));
    const double v = findPercent(c);
    if (v >= 0)
        args.insert(QStringLiteral("volume"), std::clamp(v, 0.0, 1.0));
    if (has(c, "\\bno duck|without duck|don'?t duck|do not duck|不要闪避|不闪避|不要压低"))
        args.insert(QStringLiteral("duck"), false);
    return op(Op::addMusic(), args);
}

std::optional<Operation> cutPauses(const QString& c)
{
    // A verb before a pause word ("cut the dead air", 把停顿剪掉 the other way round), or a
    // complaint about the pauses ("too many long pauses"): lexicon "pauses.*".
    const QRegularExpressionMatch verb = lexicon::find(c, QStringLiteral("pauses.verb"));
    const QRegularExpressionMatch noun = lexicon::find(c, QStringLiteral("pauses.noun"));
    const bool verbThenNoun =
        verb.hasMatch() && noun.hasMatch() &&
        lexicon::find(c, QStringLiteral("pauses.noun"), verb.capturedEnd()).hasMatch();
    const bool nounThenVerb =
        noun.hasMatch() && containsChinese(c) &&
        lexicon::find(c, QStringLiteral("pauses.verb"), noun.capturedEnd()).hasMatch();
    if (!verbThenNoun && !nounThenVerb && !lexicon::has(c, QStringLiteral("pauses.complaint")))
        return std::nullopt;
    // "the jump cuts are too jarring", "make the jump cuts less noticeable": a complaint about
    // the cuts, which more cutting would make worse.
    if (has(c,
            "\\bjump[- ]?cuts? (?:are|is|feel|feels|look|looks|seem|seems)\\b|\\b(?:less|more) "
            "noticeable\\b|\\b(?:hide|smooth(?: out)?|soften) the jump[- ]?cuts?\\b|\\bjarring\\b"))
        return std::nullopt;
    // "delete it and close the gap": the gap a removal leaves is closed by the removal itself.
    if (has(c, "\\bclose (?:up )?(?:the |that |any )?gaps?\\b|\\b(?:without|leaving no|leave no) "
               "(?:a |any )?gaps?\\b"))
        return std::nullopt;
    // "cut the last 30 seconds of dead air": a stretch with a length is a range.
    if (has(c, "\\b(?:first|last|final) [\\d.]+ ?(?:seconds?|secs?|s|minutes?|mins?) of\\b"))
        return std::nullopt;
    QJsonObject args;
    // "the pause at 4:20": that one pause, not every pause (and 4:20 is no minimum length).
    static const RX atRx(QStringLiteral(
        "\\b(?:pause|silence|gap)\\b[^\\d]{0,12}(?:at|@|around)\\s*(\\d{1,2}:\\d{2}(?:\\.\\d{1,3})?"
        "|\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s)\\b)|(?:在|于)\\s*(\\d{1,2}:\\d{2}|\\d+(?:\\.\\d+"
        ")?\\s*秒)(?:处|那里|的地方)?的?(?:停顿|静音|空白)|(\\d{1,2}:\\d{2})\\s*(?:处|那里|那儿|"
        "的地方|左右|那个|这个)的?(?:停顿|静音|空白)"));
    const QRegularExpressionMatch at = atRx.match(c);
    if (at.hasMatch()) {
        QString t = at.captured(1);
        for (int g = 2; t.isEmpty() && g <= 3; ++g)
            t = at.captured(g);
        args.insert(QStringLiteral("at_ms"), parseTimeToken(t));
    } else {
        // "remove the jump cut at 1:00": a place, which is no pause length.
        if (has(c,
                "\\b(?:at|@|around)\\s*\\d{1,2}:\\d{2}|(?:在|于)\\s*\\d[^，,]{0,8}(?:处|的地方)"))
            return std::nullopt;
        // "cut the pauses in the first minute": a stretch, which is no pause length, and the cut
        // cannot be limited to it (reported, rather than cut everywhere or cut whole).
        const bool stretch = has(
            c,
            "\\b(?:in|during|from|over|for|within) (?:the )?(?:first|last|final|opening|closing) "
            "[\\d.]+ "
            "?(?:seconds?|secs?|s|minutes?|mins?)\\b|(?:前|最后|后)\\s*[\\d.]+\\s*(?:秒|分钟)"
            "(?:内|里|中|的)");
        if (stretch)
            return std::nullopt;
        const qint64 ms = findDuration(c);
        if (ms > 0)
            args.insert(QStringLiteral("min_pause_ms"), std::clamp<qint64>(ms, 100, 60000));
    }
    const bool everywhere =
        has(c, "开头.{0,6}结尾|结尾.{0,6}开头|\\b(?:beginning|start)\\b.{0,20}\\bend\\b|中间");
    if (!at.hasMatch() && !everywhere) {
        // "the dead air at the beginning", "the silence after I finish talking", 说完之后的空白.
        if (lexicon::has(c, QStringLiteral("pauses.scope_start")))
            args.insert(QStringLiteral("scope"), QStringLiteral("start"));
        else if (lexicon::has(c, QStringLiteral("pauses.scope_end")))
            args.insert(QStringLiteral("scope"), QStringLiteral("end"));
    }
    const double db = findDb(c);
    if (db < 0)
        args.insert(QStringLiteral("threshold_db"), db);
    return op(Op::cutPauses(), args);
}

std::optional<Operation> arrange(const QString& c)
{
    qsizetype end = 0;
    if (has(c, "\\bmove\\b|\\bput\\b|移到|移动|放到|挪到")) {
        const int from = findOrdinal(c, 0, &end);
        if (from >= -1) {
            int to = -3;
            if (has(c, "(?:to|at) the (?:start|beginning|front|top)|\\bfirst\\b.*$|开头|最前|开始"))
                to = 0;
            if (has(c, "(?:to|at) the end|\\blast\\b\\s*$|结尾|最后面|末尾|(?:到|至)最后"))
                to = -1;
            static const RX posRx(QStringLiteral("position\\s*(\\d{1,3})|第(\\d{1,3})个?位"));
            static const RX placeRx(
                QStringLiteral("(?:into|to|in) (?:the "
                               ")?(first|second|third|fourth|fifth|sixth|(\\d{1,2})(?:st|nd|rd|th))"
                               " (?:place|position|spot|slot)"));
            const QRegularExpressionMatch pl = placeRx.match(c, end);
            if (pl.hasMatch()) {
                static const QStringList ordinals{QStringLiteral("first"), QStringLiteral("second"),
                                                  QStringLiteral("third"), QStringLiteral("fourth"),
                                                  QStringLiteral("fifth"), QStringLiteral("sixth")};
                to = pl.captured(2).isEmpty() ? int(ordinals.indexOf(pl.captured(1)))
                                              : pl.captured(2).toInt() - 1;
            }
            const QRegularExpressionMatch pm = posRx.match(c, end);
            if (pm.hasMatch())
                to = std::max(
                    0, (pm.captured(1).isEmpty() ? pm.captured(2) : pm.captured(1)).toInt() - 1);
            if (to == -3) {
                const int second = findOrdinal(c, end);
                if (second >= -1)
                    to = second;
            }
            if (to >= -1)
                return op(Op::moveClip(),
                          QJsonObject{{QStringLiteral("from"), from}, {QStringLiteral("to"), to}});
        }
    }
    // "swap the first two clips", "swap clips 2 and 3": neighbours trade places.
    static const RX swapRx(QStringLiteral(
        "\\b(?:swap|switch) (?:the order of |the positions of )?(?:the )?first 2 "
        "(?:clips|shots|segments|parts)\\b|\\bswap (?:clips? )?(\\d{1,3}) "
        "(?:and|with) (?:clip )?(\\d{1,3})\\b|(?:交换|调换)前(?:两|2)个?(?:片段|镜头|段)|"
        "第(\\d{1,3})(?:段|个|个片段|个镜头)?(?:和|与|跟)第(\\d{1,3})(?:段|个|个片段|个镜头)?.{0,3}"
        "(?:换|交换|调换|互换|对调)"));
    // "swap the first and second clips", "switch the 2nd clip with the 3rd one".
    static const RX swapOrdRx(QStringLiteral(
        "\\b(?:swap|switch) (?:the order of |the positions of )?(?:the )?(first|second|third|"
        "fourth|fifth|sixth|[1-9](?:st|nd|rd|th))(?: (?:clip|shot|segment|part|one))? (?:and|with) "
        "(?:the )?(first|second|third|fourth|fifth|sixth|[1-9](?:st|nd|rd|th))(?: "
        "(?:clips?|shots?|segments?|parts?|ones?))?\\b"));
    static const QStringList ordinalWords{QStringLiteral("first"), QStringLiteral("second"),
                                          QStringLiteral("third"), QStringLiteral("fourth"),
                                          QStringLiteral("fifth"), QStringLiteral("sixth")};
    const auto ordinalNumber = [](const QString& w) {
        const int word = int(ordinalWords.indexOf(w));
        return QString::number(word >= 0 ? word + 1 : w.left(1).toInt());
    };
    const QRegularExpressionMatch so = swapOrdRx.match(c);
    const QRegularExpressionMatch sw = so.hasMatch() ? so : swapRx.match(c);
    if (sw.hasMatch()) {
        QString x = sw.captured(1).isEmpty() ? sw.captured(3) : sw.captured(1);
        QString y = sw.captured(2).isEmpty() ? sw.captured(4) : sw.captured(2);
        if (so.hasMatch()) {
            x = ordinalNumber(x);
            y = ordinalNumber(y);
        }
        const int a = x.isEmpty() ? 0 : x.toInt() - 1;
        const int b = y.isEmpty() ? 1 : y.toInt() - 1;
        if (a >= 0 && b >= 0 && std::abs(a - b) == 1)
            return op(Op::moveClip(), QJsonObject{{QStringLiteral("from"), std::min(a, b)},
                                                  {QStringLiteral("to"), std::max(a, b)}});
    }
    const bool removeVerb =
        lexicon::has(c, QStringLiteral("action.remove")) || has(c, "删|剪|去掉|去除|裁掉|移除");
    // "delete the last two clips": several clips, which one delete_clip is not.
    if (removeVerb &&
        has(c, "\\b(?:first|last|final) (?:[2-9]|\\d{2}) (?:clips|segments|shots|"
               "scenes|videos|parts)\\b|(?:前|最后)(?:[2-9]|\\d{2})(?:段|个片段|个镜头)"))
        return std::nullopt;
    // "把第一段的声音关掉", "remove the sound of the first clip", "delete the title on clip 2":
    // something of the clip goes, not the clip.
    if (removeVerb &&
        !has(c, "(?:声音|音量|原声|音乐|字幕|标题|文字|噪音|杂音|画面|颜色)|\\b(?:sound|audio|"
                "volume|voice|music|noise|title|caption|text|colou?r)s?\\b")) {
        const int index = findOrdinal(c);
        if (index >= -1)
            return op(Op::deleteClip(), QJsonObject{{QStringLiteral("index"), index}});
    }
    if (has(c, "\\bsplit|\\b(?:cut|chop|slice|break|divide|separate) (?:it |this |the clip |the "
               "video |this clip |this video )?(?:(?:in|into) (?:two|2|half)(?: (?:parts|pieces|"
               "clips|halves))? )?(?:at|@)|\\b(?:make|put|add|do) (?:a |one )?(?:cut|split)s? "
               "(?:at|@)|分割|切开|拆分|切成|分开|分成|切一刀|剪一刀|切1刀|剪1刀|断开|拆成|"
               "\\bblade\\b|\\brazor\\b|\\bslice (?:it |the clip )?(?:at|in)\\b")) {
        // "split every 30 seconds", "split it into 3 parts": many cuts at times not said; not
        // one cut at the first number.
        // "remove the jump cut at 1:00": a cut that is there, to be taken away, is no new split.
        if (has(c, "\\b(?:remove|delete|undo|get rid of|fix|smooth)\\b.{0,20}\\bcut\\b|\\bjump[- "
                   "]cut"))
            return std::nullopt;
        // "2 seconds before the end", 倒数第5秒: a time counted from the end, which at_ms is not.
        if (has(c, "\\bevery\\b|每隔|\\b(?:before|from) the (?:very )?end\\b|\\bto the "
                   "end\\b.{0,4}$|倒数|结束前|"
                   "结尾前"))
            return std::nullopt;
        const qint64 at = findAt(c);
        if (at > 0)
            return op(Op::splitAt(), QJsonObject{{QStringLiteral("at_ms"), at}});
        return std::nullopt;
    }
    // "I just want the first 10 seconds removed", "only want the last minute cut": what is
    // wanted is the removal (keeping it would remove everything else).
    const bool wantedGone =
        has(c, "\\b(?:want|need|like|have)\\b.{0,40}\\b(?:removed|deleted|gone|cut(?: out| off)?|"
               "trimmed(?: off| out)?|taken out|chopped(?: off)?|dropped|erased|got rid of)\\s*"
               "(?:please)?[.!]*$");
    if (wantedGone) {
        const Range r = findRange(c);
        if (r.found()) {
            QJsonObject args;
            putRange(args, r);
            return op(Op::removeRange(), args);
        }
    }
    // "keep 0:10-0:40", "trim it to just 0:20-0:50", 只保留 (lexicon "action.keep").
    if (lexicon::has(c, QStringLiteral("action.keep"))) {
        // "keep it between 30 and 45 seconds": a length wanted, not a stretch to keep (keeping
        // would remove everything else).
        if (has(c, "\\bkeep (?:it|this|the video|the length|the whole thing) (?:from|between) "
                   "[\\d.]+ (?:to|and) [\\d.]+ ?(?:seconds?|secs?|s|minutes?|mins?)\\b(?! "
                   "(?:of|in|into))"))
            return std::nullopt;
        const Range r = findRange(c);
        if (r.found()) {
            QJsonObject args;
            putRange(args, r);
            return op(Op::keepRange(), args);
        }
        return std::nullopt;
    }
    // "cut the pauses in the first minute": the pauses in a stretch, not the stretch ("the last
    // 30 seconds of dead air" is the stretch).
    if (removeVerb && lexicon::has(c, QStringLiteral("pauses.noun")) &&
        !has(c, "\\bof (?:the )?(?:dead "
                "air|silence|pauses?|gaps?|quiet|nothing)\\b|的(?:停顿|静音|空白)"))
        return std::nullopt;
    if (removeVerb) {
        const Range r = findRange(c);
        if (r.found()) {
            QJsonObject args;
            putRange(args, r);
            return op(Op::removeRange(), args);
        }
    }
    return std::nullopt;
}

std::optional<Operation> summary(const QString& c)
{
    // "what's on the timeline", "what did you change", 时间线上有什么 (lexicon "summary").
    if (lexicon::has(c, QStringLiteral("summary")))
        return op(Op::summary());
    return std::nullopt;
}

bool negated(const QString& c)
{
    // "I don't want the title at the top anymore": what is not wanted is no instruction to do
    // it (a removal said this way is read before: "I don't want any music"). "no longer than
    // 90 s" is a limit, not a negation.
    return has(
        c, "^(?:please |pls )?(?:for now,? )?(?:(?:don'?t|do not|never|no need "
           "to|no(?! (?:longer|more|shorter|less) than\\b))\\b|(?:i|we) (?:don'?t|do not) "
           "(?:want|need) (?:the |it |them |this |that )?\\w+ "
           "(?:at|on|in|to|for|during|before|after)\\b|不要|别|不用|无需|请不要|先不用|先别|先不要|"
           "暂时不|暂时别|还不用)|(?:不要|别|不用|无需)(?:动|碰|改)(?:它|了)*$|保持(?:原样|不变)$");
}

} // namespace cw::engine::planner
