// Frames: a clause read as action + target + value + position + degree, with every word
// taken from resources/agent/lexicon.json. The first version matched one regular expression
// per operation, so "turn the music down to 10%" (an existing track) read like "add music at
// 10%", and "change the title" read like a new title. Here the action decides between adding
// and changing, the target decides what is changed, and values are read where they belong
// ("down to 10%" is a level, "by 20%" a change). Everything is pure and table-tested.
#include "agent/PlannerParts.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cw::engine::planner {

namespace {

using RX = QRegularExpression;
using namespace plannertext;
using lexicon::find;

// The list whose phrase occurs earliest in the clause, among `lists` ("" when none).
QString earliest(const QString& c, const QStringList& lists, const QString& prefix)
{
    QString best;
    qsizetype bestAt = c.size() + 1;
    for (const QString& l : lists) {
        const QRegularExpressionMatch m = find(c, prefix + l);
        if (m.hasMatch() && m.capturedStart() < bestAt) {
            bestAt = m.capturedStart();
            best = l;
        }
    }
    return best;
}

const QStringList& positions()
{
    static const QStringList p{QStringLiteral("top_left"),    QStringLiteral("top_right"),
                               QStringLiteral("bottom_left"), QStringLiteral("bottom_right"),
                               QStringLiteral("top"),         QStringLiteral("bottom"),
                               QStringLiteral("center")};
    return p;
}

QString textStyle(const QString& target)
{
    if (target == QLatin1String("title") || target == QLatin1String("lower_third") ||
        target == QLatin1String("caption"))
        return target;
    return QString();
}

bool isTextTarget(const QString& target)
{
    return target == QLatin1String("title") || target == QLatin1String("lower_third") ||
           target == QLatin1String("caption") || target == QLatin1String("text");
}

} // namespace

Frame readFrame(const QString& c)
{
    Frame f;
    f.action =
        earliest(c,
                 {QStringLiteral("remove"), QStringLiteral("lower"), QStringLiteral("raise"),
                  QStringLiteral("change"), QStringLiteral("move"), QStringLiteral("export")},
                 QStringLiteral("action."));
    // A corner beats its edge ("bottom right" is not "bottom").
    for (const QString& p : positions())
        if (lexicon::has(c, QStringLiteral("pos.") + p)) {
            f.position = p;
            break;
        }
    // The earliest named thing is the target. The clips' own sound ("sound", 人声) counts only
    // when nothing else is named: "lower the volume of the music" is about the music.
    f.target =
        earliest(c,
                 {QStringLiteral("music"), QStringLiteral("lower_third"), QStringLiteral("title"),
                  QStringLiteral("caption"), QStringLiteral("text"), QStringLiteral("intro")},
                 QStringLiteral("target."));
    if (f.target.isEmpty() && lexicon::has(c, QStringLiteral("target.clip_sound")))
        f.target = QStringLiteral("clip_sound");
    f.quote = quoteIndex(c);
    f.percent = findPercent(c);
    f.slight = lexicon::has(c, QStringLiteral("degree.slight"));
    f.addVerb = has(c, "\\b(?:add|insert|include|create|overlay|generate|put (?:in|on) an?|give "
                       "(?:it|me) an?|want an?|need an?|put (?:some|a|an)|stick "
                       "(?:a|an|some))\\b|添加|加上|加[1一]?个|插入|生成|配上|加入|加(?!的)(?=.{0,"
                       "3}(?:标题|字幕|文字|人名条|片头))");
    static const RX durationRx(
        QStringLiteral("(?:\\blasting|\\blast|\\bfor|\\bstay(?: on(?: screen)?)? "
                       "(?:for)?|持续|停留|显示)(?:时间|时长)?(?:改成|改为|设为|设成|为|到)?\\s*("
                       "\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s|minutes?|mins?|秒钟?|分钟))"));
    const QRegularExpressionMatch d = durationRx.match(c);
    if (d.hasMatch())
        f.durationMs = parseTimeToken(d.captured(1));
    return f;
}

std::optional<Operation> describeContent(const QString& c)
{
    if (lexicon::has(c, QStringLiteral("action.summarise_content")))
        return op(Op::describe());
    return std::nullopt;
}

int voiceComplaint(const QString& c)
{
    // "my audio is way too quiet compared to the music": the voice is what is too quiet, even
    // though the music is named (and named first would make it the frame's target).
    static const RX rx(QStringLiteral(
        "(?<!background )(?<!backing "
        ")\\b(?:video|clip|recording|footage|audio|voice|voices|sound|speech|dialogue|vocals?|"
        "talking|narration|mic|speaker)\\b"
        "(?: \\w+){0,2} (?:is|are|was|were|'s|sounds?|seems?|gets?) (?:\\w+ ){0,2}too "
        "(quiet|soft|low|faint|loud|high)\\b|(?<!音乐)(?<!音乐的)(?<!配乐)(?<!配乐的)(?:人声|"
        "说话声|"
        "声音|讲话)(?:太|有点|比较)(小|轻|低|大|响)"));
    const QRegularExpressionMatch m = rx.match(c);
    if (!m.hasMatch())
        return 0;
    const QString w = m.captured(1) + m.captured(2);
    return has(w, "quiet|soft|low|faint|小|轻|低") ? 1 : -1;
}

std::optional<Operation> musicChange(const QString& c, const Frame& f)
{
    if (f.target != QLatin1String("music"))
        return std::nullopt;
    // "加个音乐，声音小一点", "add some music, not too loud": the sound of a clause that follows
    // the music, naming neither it nor the voice, is the music's.
    const bool musicNamed = lexicon::has(c, QStringLiteral("target.music"));
    const bool voiceNamed =
        has(c, "人声|说话|解说|旁白|原声|视频(?:的)?(?:声音|音量)|\\bvoices?\\b|"
               "\\bspeech\\b|\\bdialogue\\b|\\bnarrat|\\btalking\\b");
    if (voiceComplaint(c) != 0 && (musicNamed || voiceNamed))
        return std::nullopt;
    // "背景音乐过大/过小、忽高忽低": a level that swings is evened out (set_loudness), not moved.
    if (has(c,
            "忽高忽低|忽大忽小|时大时小|时高时低|过大.{0,3}过小|过小.{0,3}过大|\\bup and down\\b"))
        return std::nullopt;
    const QRegularExpressionMatch lowerAt = lexicon::find(c, QStringLiteral("action.lower"));
    const QRegularExpressionMatch raiseAt = lexicon::find(c, QStringLiteral("action.raise"));
    bool lower = lowerAt.hasMatch();
    bool raise = raiseAt.hasMatch();
    // "make the music barely audible": an instruction, not the complaint "I can barely hear it".
    if (has(c, "\\bmake (?:\\w+ ){0,3}barely audible\\b")) {
        lower = true;
        raise = false;
    }
    // "the voice is hard to hear over the music": the music is what is to be quieter.
    if (has(c, "\\b(?:voice|me|speech|talking|dialogue|narration|words)\\b.{0,30}\\bover the "
               "(?:music|song|bgm|soundtrack|beat)\\b|\\bhear (?:me|my voice|the voice|the speech|"
               "what i say)\\b")) {
        lower = true;
        raise = false;
    }
    // "the music should be quieter than my voice": the music is what is to be quieter.
    if (has(c,
            "\\b(?:music|bgm|song|soundtrack)\\b(?: \\w+){0,3} (?:quieter|softer|lower) than\\b")) {
        lower = true;
        raise = false;
    }
    // A file or a mood names new music: that is add_music (which replaces the old bed). A mood
    // that only says which music is there ("the calm music is too loud") changes nothing.
    if (f.addVerb || has(c, "\\.(?:mp3|m4a|wav|aac|flac|ogg|opus)\\b") ||
        (!lower && !raise &&
         has(c, "\\b(?:lo-?fi|upbeat|calm|cinematic|relaxing|chill|epic|happy|energetic|"
                "dramatic)\\b|\\buse\\b|\\bwith\\b|换成|用")))
        return std::nullopt;
    // "turn the music off", 把音乐关掉 (turned back on later) silences it like "mute", keeping
    // the bed.
    if (has(c, "\\bmute\\b|\\bsilence\\b|\\b(?:turn|switch) "
               "off\\b|静音|关掉|关了|关闭|关上"))
        return op(Op::setMusicVolume(), QJsonObject{{QStringLiteral("volume"), 0.0}});
    // "music down a bit", "bgm up": the direction said as an adverb after the music.
    static const RX adverb(QStringLiteral("\\b(?:music|bgm|song|soundtrack|tunes)(?: volume| "
                                          "level)? (?:way |a bit |a little |slightly "
                                          "|just )?(down|up)\\b"));
    if (const QRegularExpressionMatch a = adverb.match(c); a.hasMatch() && !lower && !raise)
        (a.captured(1) == QLatin1String("down") ? lower : raise) = true;
    // "the music is louder than my voice": a comparison says which way, whatever else is said.
    if (lower && raise) {
        if (has(c, "louder than|too loud|drown|overpower|over my voice|fighting|hear (?:me|my|the "
                   "voice)|盖过|压过|太吵"))
            raise = false;
        else if (has(c, "too quiet|too soft|hear the (?:music|song)"))
            lower = false;
        // 太大声: "too big" and "loud" overlap; the phrase that starts first is the one said.
        else if (lowerAt.capturedEnd() > raiseAt.capturedStart() &&
                 raiseAt.capturedEnd() > lowerAt.capturedStart())
            (lowerAt.capturedStart() <= raiseAt.capturedStart() ? raise : lower) = false;
    }
    const bool levelWord = has(c, "\\bvolume\\b|\\blevel\\b|\\bgain\\b|音量|声音");
    if (f.action == QLatin1String("remove") && !lower && !raise && !levelWord)
        return op(Op::removeMusic());
    static const RX byRx(QStringLiteral("(?:\\bby|\\bdown|\\bup|降低|提高|减少|增加|减小|加大)\\s*("
                                        "\\d+(?:\\.\\d+)?)\\s*(%|percent|db)"));
    const QRegularExpressionMatch by = byRx.match(c);
    if (by.hasMatch() && (lower || raise)) {
        const double v = by.captured(1).toDouble();
        double factor = by.captured(2) == QLatin1String("db")
                            ? std::pow(10.0, (lower ? -v : v) / 20.0)
                            : 1.0 + (lower ? -v : v) / 100.0;
        factor = std::round(std::clamp(factor, 0.0, 4.0) * 100.0) / 100.0;
        return op(Op::setMusicVolume(), QJsonObject{{QStringLiteral("factor"), factor}});
    }
    if (f.percent >= 0 &&
        (lower || raise || levelWord || f.action == QLatin1String("change") ||
         has(c, "\\b(?:to|at)\\s*\\d|调到|调成|设为|设成|改成|改为|降到|升到|减到|调整到")))
        return op(Op::setMusicVolume(),
                  QJsonObject{{QStringLiteral("volume"), std::clamp(f.percent, 0.0, 1.0)}});
    // "set the music volume 0.2": a level said as a fraction.
    static const RX fraction(
        QStringLiteral("\\b(?:volume|level|gain)(?: to| at| of)?\\s*(0?\\.\\d{1,3})(?![\\d.%])"));
    if (const QRegularExpressionMatch fr = fraction.match(c); fr.hasMatch())
        return op(Op::setMusicVolume(),
                  QJsonObject{{QStringLiteral("volume"), fr.captured(1).toDouble()}});
    if (lower == raise)
        return std::nullopt;
    const double factor = lower ? (f.slight ? 0.75 : 0.5) : (f.slight ? 1.25 : 1.5);
    return op(Op::setMusicVolume(), QJsonObject{{QStringLiteral("factor"), factor}});
}

std::optional<Operation> textChange(const QString& c, const Frame& f, const Prepared& p)
{
    if (!isTextTarget(f.target))
        return std::nullopt;
    QJsonObject args;
    // "white text on a black box for the title": the style named wins over "text" or "font".
    QString style = textStyle(f.target);
    for (const char* named : {"title", "lower_third", "caption"})
        if (style.isEmpty() && lexicon::has(c, QStringLiteral("target.") + QLatin1String(named)))
            style = QLatin1String(named);
    if (!style.isEmpty())
        args.insert(QStringLiteral("style"), style);
    const bool quoted = f.quote >= 0 && f.quote < p.quotes.size();
    // "remove the box behind the captions" changes their look; it does not remove them.
    const QJsonObject look = textLook(c);
    for (auto it = look.begin(); it != look.end(); ++it)
        args.insert(it.key(), it.value());
    if (f.action == QLatin1String("remove") && !quoted && !f.addVerb && look.isEmpty()) {
        // "remove all the text" takes every text off; "把所有字幕都删掉" only the captions.
        if (f.target == QLatin1String("text") ||
            (textStyle(f.target).isEmpty() && lexicon::has(c, QStringLiteral("misc.delete_all"))))
            args.remove(QStringLiteral("style"));
        return op(Op::removeText(), args);
    }
    if (f.addVerb)
        return std::nullopt;
    if (style.isEmpty() && has(c, "\\b(?:all|every|each)\\b(?: (?:of )?(?:the|my))? "
                                  "(?:texts?|titles?|words|captions?)\\b|所有|全部"))
        args.insert(QStringLiteral("all"), true);
    if (quoted && (f.action == QLatin1String("change") ||
                   has(c, "\\b(?:should|to) (?:say|read)\\b|\\bsay\\b|\\bread\\b"))) {
        args.insert(QStringLiteral("text"), p.quotes.at(f.quote));
        return op(Op::editText(), args);
    }
    if (quoted)
        return std::nullopt;
    bool changed = !look.isEmpty();
    if (!f.position.isEmpty()) {
        args.insert(QStringLiteral("position"), f.position);
        changed = true;
    }
    qint64 duration = f.durationMs;
    static const RX makeRx(
        QStringLiteral("\\b(?:make|keep|cut|shorten|trim) (?:it|them|that) (?:only |just )?(?:to "
                       ")?(\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s))\\b|(?:改成|改为|缩短到|只要)("
                       "\\d+(?:\\.\\d+)?\\s*秒)"));
    const QRegularExpressionMatch mk = makeRx.match(c);
    if (duration <= 0 && mk.hasMatch())
        duration = parseTimeToken(mk.captured(1).isEmpty() ? mk.captured(2) : mk.captured(1));
    if (duration > 0) {
        args.insert(QStringLiteral("duration_ms"), duration);
        changed = true;
    }
    // "show the title from 0:02 to 0:06", "标题在0:02到0:06显示": when it is on screen.
    if (const Range shown = findRange(c);
        shown.found() && shown.lastMs < 0 && shown.toMs > shown.fromMs && duration <= 0) {
        args.insert(QStringLiteral("start_ms"), shown.fromMs);
        args.insert(QStringLiteral("duration_ms"), shown.toMs - shown.fromMs);
        return op(Op::editText(), args);
    }
    static const RX startRx(
        QStringLiteral("(?:\\b(?:appear|show(?: up)?|start|come in|pop "
                       "up|begin)s?\\b[^\\d]{0,20}|出现|开始)\\s*(?:at|from|在|于)?\\s*(\\d{1,2}:"
                       "\\d{2}(?:\\.\\d{1,3})?|\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s|秒))"));
    static const RX fromRx(QStringLiteral("(?:从|在|于)\\s*(\\d{1,2}:\\d{2}|\\d+(?:\\.\\d+)?\\s*秒)"
                                          "\\s*(?:开始(?:出现|显示)?|出现|显示)"));
    QRegularExpressionMatch s = startRx.match(c);
    if (!s.hasMatch())
        s = fromRx.match(c);
    if (s.hasMatch()) {
        args.insert(QStringLiteral("start_ms"), parseTimeToken(s.captured(1)));
        changed = true;
    }
    return changed ? std::optional<Operation>(op(Op::editText(), args)) : std::nullopt;
}

std::optional<Operation> removeIntro(const QString& c, const Frame& f)
{
    if (has(c, "\\bwithout (?:the|my|an?) (?:intro|title card|opening card|intro card)\\b|\\bskip "
               "the intro\\b|\\bno (?:more )?intro\\b"))
        return op(Op::removeIntro());
    if (f.target != QLatin1String("intro") || f.action != QLatin1String("remove") || f.addVerb)
        return std::nullopt;
    if (findRange(c).found())
        return std::nullopt; // "cut the first 5 seconds of the intro" is a range
    // "remove everything but the intro", "everything after the intro": the intro is where,
    // not what, goes.
    if (has(c, "\\b(?:everything|all|the rest|anything)\\b.{0,12}\\b(?:but|except|after|before|"
               "apart from|other than|besides)\\b|除了|之后的|以后的|之前的"))
        return std::nullopt;
    return op(Op::removeIntro());
}

std::optional<Operation> targetLength(const QString& c)
{
    // "make a cut at 1:10": a place to split, not a length. "make it end at 2:00": a place too.
    if (has(c,
            "\\b(?:cut|split|chop)s? (?:it |this )?(?:at|@)\\s*(?:the )?[\\d:.]|\\b(?:start|starts|"
            "begin|begins|end|ends|stop|stops|finish|finishes) (?:at|from|by)\\s*[\\d]"))
        return std::nullopt;
    // "make every clip 3 seconds long", 每段剪成10秒: a length for each clip, which no operation
    // makes; the whole video cut to that length would be a destructive guess.
    if (has(c,
            "\\b(?:each|every|all(?: of)?(?: the)?) (?:clips?|segments?|shots?|scenes?|parts?)\\b|"
            "每(?:1|一)?(?:段|个片段|个镜头|个视频|个)"))
        return std::nullopt;
    // "cut 30 seconds from the video": an amount taken off, not the length to reach.
    if (has(c, "\\b(?:cut|trim|remove|shave|take|chop|lose|drop)\\b[^\\d]{0,12}[\\d.]+ "
               "?(?:seconds?|secs?|"
               "s|minutes?|mins?) (?:from|off|out of)\\b"))
        return std::nullopt;
    // "make it black and white for the first 10 seconds": a stretch of the video, not its length.
    if (has(c, "\\bfor (?:the )?(?:first|last|final|opening|closing) [\\d.]+ ?(?:seconds?|secs?|s|"
               "minutes?|mins?)\\b|(?:前|最后|后)\\s*[\\d.]+\\s*(?:秒|分钟)(?:内|里|的时候)"))
        return std::nullopt;
    static const RX timeRx(QStringLiteral(
        "(\\d+(?:\\.\\d+)?)\\s*(seconds?|secs?|s|minutes?|mins?|m|秒钟?|分钟|分)(?![a-z0-9])"));
    // A clock time that is an aspect ratio ("a tall 9:16 one") is not a length.
    static const RX clockRx(
        QStringLiteral("\\b(?!(?:16:9|9:16|4:5|5:4|4:3|3:4|1:1|21:9)\\b)(\\d{1,2}:\\d{2})\\b"));
    const QRegularExpressionMatch verbTo = lexicon::find(c, QStringLiteral("length.to"));
    const QRegularExpressionMatch verbMake = lexicon::find(c, QStringLiteral("length.make"));
    const bool to = verbTo.hasMatch() || verbMake.hasMatch();
    const bool limit = lexicon::has(c, QStringLiteral("length.limit"));
    const bool best = lexicon::has(c, QStringLiteral("length.best"));
    QRegularExpressionMatch t = timeRx.match(c);
    qint64 ms = -1;
    qsizetype end = 0;
    if (t.hasMatch()) {
        ms = parseTimeToken(t.captured(0));
        end = t.capturedEnd();
        // "1 minute 30 seconds", "1分30秒"
        static const RX moreRx(
            QStringLiteral("^\\s*(?:and\\s+)?(\\d+)\\s*(?:seconds?|secs?|s|秒)"));
        const QRegularExpressionMatch more = moreRx.match(c.mid(end));
        if (ms % 60000 == 0 && more.hasMatch()) {
            ms += more.captured(1).toLongLong() * 1000;
            end += more.capturedEnd();
        }
    } else if (const QRegularExpressionMatch k = clockRx.match(c); k.hasMatch() && (to || limit)) {
        ms = parseTimeToken(k.captured(1));
        end = k.capturedEnd();
    }
    // "turn this 60-second recording into a 1080p MP4", "this clip is 60 seconds long": a
    // length that describes the source, said before the verb, is not a request.
    const qsizetype numberAt = t.hasMatch() ? t.capturedStart() : end;
    const qsizetype verbAt = std::min(verbTo.hasMatch() ? verbTo.capturedStart() : c.size(),
                                      verbMake.hasMatch() ? verbMake.capturedStart() : c.size());
    const bool describesSource =
        ms > 0 && (verbAt > numberAt || !to) &&
        has(c.left(numberAt),
            "\\b(?:is|was|are|it'?s|this|my|the|counts|from|took|have|had|recorded|shot|filmed|got)"
            "\\b(?!.*\\b(?:make|cut|trim|get|bring|keep|shorten)\\b)|是|这段|这个");
    if (describesSource && !best && !lexicon::has(c, QStringLiteral("length.limit")))
        return std::nullopt;
    if (ms <= 0) {
        // "pick the best moments", "just keep the highlights": the length is the engine's.
        if (best &&
            has(c, "\\b(?:pick|keep|give|show|find|make|cut|choose|select|only|just|pull|grab|take|"
                   "extract)\\b|"
                   "剪出|挑|选出|保留|只要|做成|剪成"))
            return op(Op::targetLength(), QJsonObject{{QStringLiteral("best"), true}});
        return std::nullopt;
    }
    const QString after = c.mid(end, 24);
    const bool nounAfter =
        has(after, "^\\s*(?:long\\b|(?:\\w+\\s+){0,2}(?:video|clip|cut|version|edit|reel|short|"
                   "teaser|trailer|promo|highlight|montage|recap|tiktok|story|ad)s?\\b)|^\\s*(?:的)"
                   "?(?:视频|短片|版本|精华|预告|短视频|以内|以下|之内)");
    const Range r = findRange(c);
    if (r.found() && ((!to && !best) || (r.fromMs > 0 && r.toMs > r.fromMs)))
        return std::nullopt; // a stretch of the video, not a length for it
    if (!(to || limit || best || nounAfter))
        return std::nullopt;
    if (has(c, "\\bpauses?\\b|\\bsilences?\\b|停顿|静音|\\bspeed\\b|\\bslow|\\bfaster\\b|倍|慢动作|"
               "慢放|加速|减速|变速|速度"))
        return std::nullopt;
    QJsonObject args{{QStringLiteral("target_ms"), ms}};
    if (best)
        args.insert(QStringLiteral("best"), true);
    return op(Op::targetLength(), args);
}

QString formatSaid(const QString& c)
{
    // The engine's export formats (render/RenderOutput.h). A format inside a file name
    // ("song.mp3") names the file, not the export. An audio-only export with no format named is
    // an MP3.
    static const struct {
        const char* format;
        const char* words;
    } formats[] = {
        {"gif", "(?<![.\\w])gifs?\\b|动图"},
        {"webm", "(?<![.\\w])webm\\b"},
        {"mp3", "(?<![.\\w])mp3\\b"},
        {"m4a", "(?<![.\\w])m4a\\b"},
        {"wav", "(?<![.\\w])wav\\b|\\bwave file\\b"},
        {"mov", "(?<![.\\w])mov\\b|\\bquicktime\\b"},
        {"mp4", "(?<![.\\w])mp4\\b|\\bh\\.?264\\b"},
        {"mp3",
         "\\b(?:audio|sound)[- ]only\\b|\\b(?:just|only) (?:the )?(?:audio|sound)\\b|"
         "\\bextract (?:the )?(?:audio|sound)\\b|\\baudio (?:version|file)\\b|\\b(?:as|to|"
         "into) (?:an? )?audio\\b|\\b(?:give|send) me (?:just |only )?the (?:audio|sound)(?: "
         "track| file)?$|提取音频|导出音频|只要声音|音频文件|纯音频|导出.{0,4}音频"}};
    for (const auto& fm : formats)
        if (has(c, fm.words))
            return QLatin1String(fm.format);
    return {};
}

std::optional<Operation> formatExport(const QString& c)
{
    // "make a GIF", "gif this", "give me the audio as MP3", 导出成GIF, 导出为mp3音频: a format
    // that is made from the video is an export, even with no export verb.
    const QString format = formatSaid(c);
    if (format.isEmpty() || format == QLatin1String("mp4") || format == QLatin1String("mov"))
        return std::nullopt;
    if (!lexicon::has(c, QStringLiteral("action.export")) &&
        !has(c,
             "\\b(?:make|create|turn|convert|give|send|save|render|get|produce|output|"
             "generate|extract)\\b|^(?:please "
             ")?gif\\b|\\b(?:as|into|to|in)\\s+(?:an?\\s+)?(?:\\w+\\s+)?"
             "(?:gif|webm|mp3|m4a|wav)\\b|\\b(?:audio|sound)[- ]only\\b|\\b(?:just|only) "
             "(?:the )?(?:audio|sound)\\b|导出|输出|转成|转为|转换|做成|做个|做一个|生成|保存|存成|"
             "弄成|变成|给我|提取|只要声音"))
        return std::nullopt;
    QJsonObject args{{QStringLiteral("format"), format}};
    for (const char* res : {"4k", "1080p", "720p"})
        if (lexicon::has(c, QStringLiteral("resolution.") + QLatin1String(res))) {
            args.insert(QStringLiteral("resolution"), QLatin1String(res));
            break;
        }
    return op(Op::exportSettings(), args);
}

std::optional<Operation> exportSettings(const QString& c, const Frame& f)
{
    // "edit a screen recording into a 1080p mp4": an earlier verb ("edit") names no other
    // operation, so the export words still say what to make.
    if (f.action != QLatin1String("export") && !lexicon::has(c, QStringLiteral("action.export")))
        return std::nullopt;
    // "导出竖屏视频", "export it vertical": the frame is the request; the export is the button.
    if (has(c, "vertical|portrait|landscape|horizontal|square|\\b\\d+:\\d+\\b|竖屏|横屏|竖版|横版|"
               "方形") &&
        !lexicon::has(c, QStringLiteral("resolution.1080p")) &&
        !lexicon::has(c, QStringLiteral("resolution.720p")) &&
        !lexicon::has(c, QStringLiteral("resolution.4k")))
        return std::nullopt;
    QJsonObject args;
    for (const char* res : {"4k", "1080p", "720p"})
        if (lexicon::has(c, QStringLiteral("resolution.") + QLatin1String(res))) {
            args.insert(QStringLiteral("resolution"), QLatin1String(res));
            break;
        }
    if (const QString format = formatSaid(c); !format.isEmpty())
        args.insert(QStringLiteral("format"), format);
    if (const lexicon::Platform* pf = lexicon::findPlatform(c))
        args.insert(QStringLiteral("platform"), pf->id);
    return op(Op::exportSettings(), args);
}

std::optional<Operation> propose(const QString& c)
{
    if (lexicon::has(c, QStringLiteral("vague")))
        return op(Op::propose());
    return std::nullopt;
}

// "too long for TikTok" names a platform as a reason, not as a frame to make.
bool platformAsReason(const QString& c)
{
    // "YouTube counts a 60 second video as 61": the platform said as the one that does
    // something is the reason for the request, not a frame to make.
    return has(
        c, "\\btoo (?:long|short|big)\\b|\\bover the limit\\b|太长|太短|发不了|不能发|超过了|超时|"
           "\\b(?:youtube|tiktok|instagram|insta|reels|shorts|linkedin|twitter|facebook) "
           "(?:counts?|says?|requires?|only (?:allows?|accepts?|lets?|takes?)|allows?|limits?|"
           "caps?|rejects?|won'?t|doesn'?t|has a (?:limit|max))\\b|"
           "(?:抖音|快手|b站|视频号|小红书)(?:只|限制|要求|不让|不允许|最多)");
}

std::optional<Operation> platformAspect(const QString& c)
{
    const lexicon::Platform* pf = lexicon::findPlatform(c);
    if (!pf || platformAsReason(c))
        return std::nullopt;
    // "add an intro to my YouTube video": the platform says what kind of video it is, not a
    // frame to make (unless it is what the video is made for, into or as).
    if (has(c, "(?<!\\bfor )(?<!\\binto )(?<!\\bas )\\b(?:a|my|the|this|our|your) (?:\\w+ "
               ")?(?:youtube|"
               "tiktok|instagram|linkedin|facebook|twitter) (?:video|channel|clip|vlog|content|"
               "audience|viewers|upload)s?\\b"))
        return std::nullopt;
    return op(Op::setAspect(),
              QJsonObject{{QStringLiteral("ratio"), pf->ratio},
                          {QStringLiteral("mode"),
                           dontCrop(c) ? QStringLiteral("blur") : QStringLiteral("crop")},
                          {QStringLiteral("platform"), pf->id}});
}

} // namespace cw::engine::planner
