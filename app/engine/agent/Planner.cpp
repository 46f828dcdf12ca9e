// The planner. The message is prepared (quotes lifted out, numbers normalised; see
// PlannerText.h), split into clauses ("cut the pauses, add music and a title" -> three), and
// each clause is declined by name (resources/agent/lexicon.json), read as a frame, or matched
// against the operations in a fixed priority order: one main operation per clause, plus a
// frame or a length when the clause also names a platform or a target length. A clause led by a
// negation ("don't", 不要) plans nothing, except the modifiers "don't crop" and "no ducking", which
// adjust the operation before them. "summary" is only planned when no edit is, since 时间线 and
// "timeline" also occur inside edits. When nothing is recognised the plan carries 2-3 suggested
// phrasings related to the message.
#include "agent/Planner.h"

#include "agent/PlannerParts.h"

#include <QRegularExpression>
#include <algorithm>
#include <functional>

namespace cw::engine {

namespace {

using namespace plannertext;
using namespace planner;
using RX = QRegularExpression;

constexpr int kMaxOperations = 20;

// A clause that names something the engine cannot do (or a file it does not have) is
// declined by name before any parser sees it, so "remove the background" never reaches the
// noise filter and "fade out at the end" never becomes a cut. Quoted captions are texts, not
// transcription requests.
const lexicon::Decline* declineOf(const QString& c)
{
    const lexicon::Decline* d = lexicon::findDecline(c);
    if (d && d->id == QLatin1String("transcribe") && quoteIndex(c) >= 0)
        return nullptr;
    // "片段之间加上淡入淡出的转场", "fade between the clips": a transition type, not a fade
    // of the picture ("a fade-in transition" still is one).
    if (d && d->id == QLatin1String("fade") &&
        has(c, "\\bbetween (?:the |all the |each )?(?:clips|shots|cuts|scenes)\\b|"
               "淡入淡出的?(?:转场|过渡)|片段之间|镜头之间|段之间|每段|衔接"))
        return nullptr;
    return d;
}

// The clause names a frame in words ("vertical", "9:16", 竖屏), not only a platform.
bool framed(const QString& c)
{
    return has(c, "vertical|portrait|landscape|horizontal|square|widescreen|\\b\\d+:\\d+\\b|竖屏|"
                  "横屏|竖版|横版|竖的|横的|方形|正方形");
}

// Audio, music, texts and speed are what such a clause is about: a platform named with them
// says why ("loudness for YouTube"), it asks for no frame.
bool platformIsReason(const QString& c, const Frame& f)
{
    return f.target == QLatin1String("music") || f.target == QLatin1String("title") ||
           f.target == QLatin1String("caption") || f.target == QLatin1String("lower_third") ||
           f.target == QLatin1String("text") ||
           has(c, "\\b(?:audio|sound|loud|louder|quiet|loudness|volume|voice|speed|faster|slower|"
                  "captions?|"
                  "subtitles?|titles?|text|music|song)\\b|声音|音量|响度|音乐|配乐|字幕|标题|文字|"
                  "速度|加速|倍速");
}

// The main operation of a clause, in priority order: history, the frame-based changes to what
// exists, then the first-version parsers that add things.
std::optional<Operation> mainOperation(const QString& c, const Prepared& p, const Frame& f)
{
    if (const auto o = describeContent(c))
        return o;
    if (const auto o = musicChange(c, f))
        return o;
    if (const auto o = textChange(c, f, p))
        return o;
    if (const auto o = removeIntro(c, f))
        return o;
    for (auto parse : {intro, broll, text, music})
        if (const auto o = parse(c, p))
            return o;
    if (const auto o = targetLength(c))
        return o;
    // "export for TikTok in 1080p": with a resolution or format, a platform after an export
    // verb names the export preset, not a new frame (a frame word still makes it one).
    if (f.action == QLatin1String("export") && lexicon::findPlatform(c) &&
        (lexicon::has(c, QStringLiteral("resolution.1080p")) ||
         lexicon::has(c, QStringLiteral("resolution.720p")) ||
         lexicon::has(c, QStringLiteral("resolution.4k")) || has(c, "\\bmp4\\b|\\bmov\\b")) &&
        !has(c,
             "vertical|portrait|landscape|horizontal|square|\\b\\d+:\\d+\\b|竖屏|横屏|竖版|横版"))
        if (const auto o = exportSettings(c, f))
            return o;
    // A platform alone names a frame only when nothing else in the clause is asked: "normalize
    // the audio for YouTube" is loudness, "speed it up for TikTok" a speed, "add a title that
    // works on TikTok" a title (with no words given).
    std::optional<Operation> platformOnly;
    for (auto parse : {cutPauses, transitions, aspect, soundAndLook, arrange, speed, volume})
        if (const auto o = parse(c)) {
            if (o->name == Op::setAspect() && !platformOnly && !framed(c)) {
                platformOnly = o;
                continue;
            }
            return o;
        }
    // "I'm making a YouTube video, ...", "I uploaded this to YouTube and ...": a platform in a
    // clause that only tells what the video is for changes no frame.
    const bool context =
        has(c, "^(?:so |and |but )?(?:i'?m|i am|we'?re|we are|this is|it'?s|i|we|my|our|this "
               "(?:video|clip) is)\\b") &&
        !has(c, "\\b(?:make|convert|format|reformat|resize|crop|turn|reframe|fit|optimi[sz]e|"
                "prepare|adapt|change|switch|set|ready|need|want|should)\\b");
    if (platformOnly && !platformIsReason(c, f) && !context)
        return platformOnly;
    // Export words only when nothing else is asked: "输出成黑白色" is a look, "the output video
    // twice as fast" a speed.
    if (const auto o = exportSettings(c, f))
        return o;
    return propose(c);
}

bool isText(const QString& target)
{
    return target == QLatin1String("title") || target == QLatin1String("lower_third") ||
           target == QLatin1String("caption") || target == QLatin1String("text");
}

// "keep the music, just lower it to 30%": "it" is what the clause before named.
QList<Operation> parseClause(const QString& c, const Prepared& p, Plan& plan, QString* lastTarget,
                             bool alone = false)
{
    if (const auto h = history(c)) {
        if (h->name == Op::reset())
            return {*h};
        return QList<Operation>(repeatCount(c), *h);
    }
    // "no music please", "no text on screen", "I don't want any titles": a removal, not a
    // negation of nothing.
    static const RX noneOf(QStringLiteral(
        "^(?:please |and )?(?:no|no more|(?:i )?don'?t want (?:any|the)|get rid of all(?: the)?) "
        "(music|background music|bgm|soundtrack|text|texts|titles?|captions?|subtitles?|"
        "lower thirds?)(?: on screen| at all| anymore| please| on this one| in this "
        "(?:one|video))*$"));
    const QRegularExpressionMatch none = noneOf.match(c);
    if (none.hasMatch() && (alone || !has(c, "^(?:please |and )?no "))) {
        const QString what = none.captured(1);
        if (lexicon::has(what, QStringLiteral("target.music")))
            return {op(Op::removeMusic())};
        const QString style = what.startsWith(QLatin1String("title")) ? QStringLiteral("title")
                              : what.startsWith(QLatin1String("lower"))
                                  ? QStringLiteral("lower_third")
                              : what.startsWith(QLatin1String("caption")) ||
                                      what.startsWith(QLatin1String("subtitle"))
                                  ? QStringLiteral("caption")
                                  : QString();
        return {op(Op::removeText(), style.isEmpty()
                                         ? QJsonObject{}
                                         : QJsonObject{{QStringLiteral("style"), style}})};
    }
    // "不要背景音乐了", "字幕不要了": 了 says the thing is there and should go.
    static const RX noLonger(QStringLiteral(
        "^(?:把)?(?:(背景音乐|音乐|配乐|bgm)|(字幕|标题|文字))(?:就|也)?(?:不要|不需要)了$|"
        "^(?:不要|不需要)(?:(背景音乐|音乐|配乐|bgm)|(字幕|标题|文字))了$"));
    if (const QRegularExpressionMatch m = noLonger.match(c); m.hasMatch()) {
        if (!m.captured(1).isEmpty() || !m.captured(3).isEmpty())
            return {op(Op::removeMusic())};
        const QString w = m.captured(2) + m.captured(4);
        return {op(Op::removeText(),
                   w == QStringLiteral("字幕")
                       ? QJsonObject{{QStringLiteral("style"), QStringLiteral("caption")}}
                   : w == QStringLiteral("标题")
                       ? QJsonObject{{QStringLiteral("style"), QStringLiteral("title")}}
                       : QJsonObject{})};
    }
    if (negated(c))
        return {};
    // "能不能保持原有视频比例", "keep the original aspect ratio": nothing to change.
    // "竖屏会强制改成 横屏", "it keeps turning it landscape": what happens, told as a problem, is
    // no request.
    if (has(c,
            "保持(?:原有|原来|原始|现在)的?(?:视频|画面)?(?:的)?(?:比例|尺寸|画幅)|\\bkeep (?:the "
            ")?(?:original |same |current |existing )?(?:aspect(?: ratio)?|ratio|frame size)\\b|"
            "(?:会|被)(?:强制|自动)?(?:改成|变成|转成|转为)|\\b(?:it|this) (?:keeps|always|"
            "automatically) (?:turns?|changes?|converts?|crops?)\\b"))
        return {};
    Frame f = readFrame(c);
    // "make it last 5 seconds", "move it to the top": only words on screen last or sit there.
    if (f.target.isEmpty() && lastTarget->isEmpty() &&
        has(c,
            "\\b(?:make|have|let|keep) (?:it|them) (?:last|stay)\\b|\\bstay on (?:the )?screen\\b|"
            "\\b(?:move|put|place) (?:it|them) (?:to |at |in |on )?(?:the "
            ")?(?:top|bottom|upper|lower|"
            "left|right|corner|cent(?:er|re))"))
        f.target = QStringLiteral("text");
    // "加个音乐，声音小一点", "add music, keep the volume low": a level said right after the
    // music, naming no voice or clip, is the music's.
    if (f.target == QLatin1String("clip_sound") && *lastTarget == QLatin1String("music") &&
        !has(c, "人声|说话|解说|旁白|原声|视频|片段|素材|\\bvoices?\\b|\\bspeech\\b|\\bdialogue\\b|"
                "\\bnarrat|\\btalking\\b|\\bvideo\\b|\\bclips?\\b|\\bfootage\\b|\\bmy\\b"))
        f.target = QStringLiteral("music");
    if (f.target.isEmpty() &&
        (containsChinese(c) ||
         has(c,
             "\\b(?:lower|raise|move|put|place|make|turn|set|change|remove|delete|mute|keep|drop|"
             "take|bring|get rid of|shorten|lengthen|center|centre)\\s+(?:it|them)\\b|\\bit "
             "should\\b|"
             "\\ba (?:new|different|another) (?:one|1)\\b|把它|将它")))
        f.target = *lastTarget;
    else if (!f.target.isEmpty())
        *lastTarget = f.target;
    if (const lexicon::Decline* d = declineOf(c)) {
        // Partial declines keep the rest of the clause: text styling when a text is named
        // ("move the caption to the top in yellow"), posting when a frame is named ("make it
        // vertical and post it to TikTok"). Otherwise the clause is declined whole.
        // ..., a logo on an intro card ("add an intro with my logo").
        const bool styling = d->id == QLatin1String("text_style");
        bool keepRest = false;
        if (styling)
            keepRest = isText(f.target);
        else if (d->id == QLatin1String("logo"))
            keepRest = f.target == QLatin1String("intro");
        // "add music that fades in and out": the music is made, its fades are declined.
        else if (d->id == QLatin1String("fade"))
            keepRest = f.target == QLatin1String("music") && f.addVerb;
        else if (d->partial)
            keepRest = has(c, "vertical|portrait|landscape|horizontal|square|\\d+:\\d+|"
                              "竖屏|横屏|竖版|横版|方形");
        if (!styling || keepRest)
            plan.declined << Declined{c, d->id, d->need, d->en, d->zh};
        // "make it vertical for TikTok with big captions": what comes before "with" (and, plus)
        // is a request of its own; only the part after it is declined. The same holds after
        // the declined part ("stabilise it and also make it vertical"), though "with" there still
        // describes what was declined ("a looping GIF with no sound").
        if (!keepRest && !styling) {
            const QRegularExpressionMatch m = d->rx.match(c);
            static const RX joint(QStringLiteral("^(.*\\S)\\s+(?:with|and|plus|including|also|"
                                                 "together with)(?: (?:some|a|an|the))?\\s*$"));
            static const RX jointAfter(
                QStringLiteral("^\\s*(?:and|plus|also|then|while|but)\\s+(\\S.*)$"));
            const QRegularExpressionMatch before = joint.match(c.left(m.capturedStart()));
            const QRegularExpressionMatch after = jointAfter.match(c.mid(m.capturedEnd()));
            const QString rest = before.hasMatch()  ? before.captured(1)
                                 : after.hasMatch() ? after.captured(1)
                                                    : QString();
            if (rest.isEmpty() || lexicon::findDecline(rest))
                return {};
            Frame rf = readFrame(rest);
            if (const std::optional<Operation> o = mainOperation(rest, p, rf)) {
                QList<Operation> out{*o};
                if (o->name != Op::setAspect() && o->name != Op::exportSettings())
                    if (const auto frame = platformAspect(rest))
                        out << *frame;
                return out;
            }
            return {};
        }
    }
    // "add 'Sunny Days' as the music": a song by name, not a file the engine has.
    const int q = quoteIndex(c);
    if (f.target == QLatin1String("music") && q >= 0 && q < p.quotes.size() &&
        !has(p.quotes.at(q).toLower(), "\\.[a-z0-9]{2,4}\\s*$")) {
        plan.declined << Declined{c, QStringLiteral("song"), QStringLiteral("file"),
                                  QStringLiteral("a song that is not among your uploads (upload "
                                                 "the file, then say e.g. use song.mp3 as "
                                                 "background music)"),
                                  QStringLiteral("不在上传文件里的歌曲（请先上传文件）")};
        return {};
    }
    // "get rid of the intro and add a new one called Season 2"
    if (f.target == QLatin1String("intro") && f.addVerb && q >= 0 && q < p.quotes.size())
        return {op(Op::addIntro(), QJsonObject{{QStringLiteral("title"), p.quotes.at(q)}})};
    // Asking for advice is answered with a proposal, not by applying everything it names.
    if (lexicon::has(c, QStringLiteral("advice")))
        return {op(Op::propose())};
    const std::optional<Operation> main = mainOperation(c, p, f);
    if (!main) {
        // "add a title" with no words: ask for them rather than invent a title.
        if (f.addVerb && isText(f.target))
            plan.declined << Declined{c, QStringLiteral("text"), QStringLiteral("text"),
                                      QStringLiteral("a text with no words given"),
                                      QStringLiteral("没有给出文字的标题")};
        return {};
    }
    if (main->name == Op::setSpeed()) {
        const double factor = main->args.value(QStringLiteral("factor")).toDouble();
        if (factor > 4.001 || factor < 0.2499) {
            plan.declined << Declined{c, QStringLiteral("speed_range"), QString(),
                                      QStringLiteral("a speed outside 0.25x to 4x (say e.g. speed "
                                                     "it up 4x)"),
                                      QStringLiteral("0.25倍到4倍以外的速度（可以说：加速4倍）")};
            return {};
        }
    }
    QList<Operation> ops{*main};
    // "把视频声音关掉换成音乐", "replace the audio with music": the clips' sound goes too.
    static const RX soundOff(
        QStringLiteral("(?<!音乐)(?<!音乐的)(?<!配乐)(?:视频|原始|原视频)?(?:的)?(?:声音|原声|人声)"
                       "(?:关掉|去掉|关了|"
                       "静音|不要)|\\bmute (?:the |my "
                       ")?(?:video|clip|original|voice|audio|sound)\\b|\\breplace (?:the "
                       "|my )?(?:original )?(?:audio|sound|voice) with\\b"));
    if (main->name == Op::addMusic() && soundOff.match(c).hasMatch())
        ops.prepend(op(Op::setVolume(), QJsonObject{{QStringLiteral("gain"), 0.0}}));
    // "edit my video into a 1080p mp4": the vague part is a proposal, the rest the export. An
    // export read past another verb ("edit a screen recording into a 1080p mp4") says the
    // verb's part was not done.
    if (main->name == Op::exportSettings()) {
        if (const auto vague = propose(c))
            ops.prepend(*vague);
        else if (!f.action.isEmpty() && f.action != QLatin1String("export"))
            plan.unrecognized << c;
    }
    // "swap the music for something upbeat": the old bed goes, a new one comes (换成 X is just
    // add_music, which replaces the bed).
    if (main->name == Op::addMusic() &&
        has(c,
            "\\b(?:swap|switch|replace|change)\\b.{0,20}\\b(?:music|song|track|soundtrack|bgm)\\b|"
            "\\b(?:different|another|new) (?:music|song|track|soundtrack)\\b") &&
        !main->args.contains(QStringLiteral("file")))
        ops.prepend(op(Op::removeMusic()));
    // "remove the captions and put a new one saying 'Link in bio'": the one is a caption.
    if (main->name == Op::addText() && !main->args.contains(QStringLiteral("style")) &&
        (f.target == QLatin1String("title") || f.target == QLatin1String("caption") ||
         f.target == QLatin1String("lower_third")))
        ops.first().args.insert(QStringLiteral("style"), f.target);
    // One clause may carry a second request: "a 30-second Instagram Reel" is a frame and a
    // length, "cut the pauses for TikTok" a cut and a frame.
    if (main->name == Op::setAspect()) {
        if (const auto len = targetLength(c))
            ops << *len;
    } else if (main->name != Op::exportSettings() && main->name != Op::targetLength() &&
               main->name != Op::describe()) {
        static const QStringList reasonOnly{Op::setLoudness(),    Op::denoise(),  Op::setVolume(),
                                            Op::setMusicVolume(), Op::addMusic(), Op::removeMusic(),
                                            Op::addText(),        Op::editText(), Op::removeText(),
                                            Op::setSpeed()};
        if (const auto frame = platformAspect(c);
            frame && (!reasonOnly.contains(main->name) || framed(c)))
            ops << *frame;
    } else if (main->name == Op::targetLength()) {
        // "cut it down to 60 s for TikTok" cuts first; "make it a 15-second TikTok" frames
        // first (the length describes the video being made).
        if (const auto frame = aspect(c)) {
            if (lexicon::has(c, QStringLiteral("length.to")))
                ops << *frame;
            else
                ops.prepend(*frame);
        }
    }
    return ops;
}

// "except the intro", "but not during the intro" (the "but" is split off): a clause that
// takes a part out of the request before it.
const QRegularExpression& exclusion()
{
    static const RX rx(
        QStringLiteral("^(?:except(?: for)?|excepting|apart from|other than|not (?=(?:the|during|"
                       "in|on|for|over)\\b))"));
    return rx;
}

QStringList suggestionsFor(const QString& text, bool zh)
{
    auto s = [zh](const char* en, const char* chinese) {
        return zh ? QString::fromUtf8(chinese) : QString::fromUtf8(en);
    };
    if (has(text, "title|text|caption|subtitle|lower third|标题|字幕|文字"))
        return {s("add a title 'My Trip' for the first 3 seconds", "添加标题「我的旅行」，持续3秒"),
                s("add a lower third 'Ana Silva, Designer' at 0:05", "在0:05添加字幕「你好」"),
                s("add a caption 'Thanks for watching' at the end", "添加字幕「谢谢观看」")};
    if (has(text, "music|song|audio|sound|音乐|声音"))
        return {s("add calm background music at 30%", "添加舒缓的背景音乐，音量30%"),
                s("use song.mp3 as background music", "用 song.mp3 作为背景音乐"),
                s("normalize loudness to -14 LUFS", "响度标准化")};
    if (has(text, "cut|remove|delete|trim|clip|删|剪"))
        return {s("cut the first 5 seconds", "删除前5秒"), s("remove 0:12-0:20", "删除0:12到0:20"),
                s("cut the pauses longer than 1 second", "剪掉超过1秒的停顿")};
    return {s("cut the pauses", "剪掉停顿"), s("add background music", "添加背景音乐"),
            s("make it vertical for TikTok", "改成竖屏")};
}

} // namespace

const QStringList& Op::all()
{
    static const QStringList names{
        cutPauses(),      removeRange(),    keepRange(),      splitAt(),  deleteClip(),
        moveClip(),       setSpeed(),       setVolume(),      addMusic(), addText(),
        addTransitions(), setAspect(),      setLoudness(),    denoise(),  setLook(),
        addIntro(),       addBroll(),       undo(),           redo(),     reset(),
        summary(),        setMusicVolume(), removeMusic(),    editText(), removeText(),
        removeIntro(),    targetLength(),   exportSettings(), propose(),  confirm(),
        cancel(),         describe()};
    return names;
}

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
    plan.chinese = containsChinese(message.left(4000));
    Prepared p = prepare(message);
    p.text = restateScope(lexicon::fixTypos(p.text));
    const QStringList clauses = splitClauses(p.text);
    // "yes" / "go ahead" / 好的 answer the engine's last question; "no" / 算了 drop it. Only a
    // whole message (or its first clause, before more requests) is read that way, so "no
    // music" or "ok, add a title" keep their meaning.
    // "go ahead and cut the pauses" is an idiom for "cut the pauses", not an answer.
    if (!clauses.isEmpty() && lexicon::whole(clauses.first(), QStringLiteral("confirm")) &&
        (clauses.size() == 1 ||
         !has(clauses.first(), "go ahead|go on|proceed|please do|let'?s|do it|开始吧")))
        plan.operations << op(Op::confirm());
    else if (std::all_of(
                 clauses.cbegin(), clauses.cend(),
                 [](const QString& c) { return lexicon::whole(c, QStringLiteral("cancel")); }) &&
             !clauses.isEmpty())
        return Plan{{op(Op::cancel())}, plan.chinese, {}, {}, {}};
    // "perfect, go for it", "好，开始": an answer said twice is one answer.
    if (!plan.operations.isEmpty() &&
        std::all_of(clauses.cbegin() + 1, clauses.cend(),
                    [](const QString& c) { return lexicon::whole(c, QStringLiteral("confirm")); }))
        return plan;
    QList<Operation> summaries;
    QString lastTarget;
    QString previousVerb;
    Correction correction;
    QString lastStep;
    QString lastStepClause;
    qsizetype addedFrom = -1; // the first operation the clause before added
    for (qsizetype i = plan.operations.isEmpty() ? 0 : 1; i < clauses.size(); ++i) {
        const QString& clause = clauses.at(i);
        if (plan.operations.size() >= kMaxOperations)
            break;
        const QRegularExpressionMatch marker = correctionMarker().match(clause);
        if (!plan.operations.isEmpty() &&
            (marker.hasMatch() || bareNo(clause) || correction.active)) {
            const QString words = marker.hasMatch() ? clause.mid(marker.capturedEnd()).trimmed()
                                  : bareNo(clause)  ? QString()
                                                    : clause;
            correction.active = true;
            if (words.isEmpty())
                continue;
            const QList<Operation> fixed =
                corrected(words, correction, plan.operations.last(), [&](const QString& text) {
                    Plan scratch;
                    QString target = lastTarget;
                    const QList<Operation> out = parseClause(text, p, scratch, &target);
                    return scratch.declined.isEmpty() ? out : QList<Operation>();
                });
            if (fixed.isEmpty())
                continue; // chatter between the "no" and the new words
            correction.active = false;
            for (const Operation& o : fixed) {
                auto same = std::find_if(plan.operations.rbegin(), plan.operations.rend(),
                                         [&o](const Operation& x) { return x.name == o.name; });
                if (same != plan.operations.rend())
                    *same = o;
                else
                    plan.operations << o;
            }
            continue;
        }
        if (applyModifier(clause, p, plan.operations))
            continue;
        // "比如音量小于一定阈值的", "e.g. the ones under -40 dB": an example of what was just asked
        // is no request of its own (and no verb carries over to it).
        if (has(clause, "^(?:比如|例如|譬如|像是|e\\.?g\\.?|for example|for instance|such as)\\b|"
                        "^(?:比如|例如|譬如)")) {
            plan.unrecognized << clause;
            continue;
        }
        // "make it black and white except the intro", "add music but not during the intro": an
        // exclusion that no operation can take; what the clause before planned for the whole
        // video is not made at all (the reply names both parts as not done).
        const QRegularExpressionMatch excluded = exclusion().match(clause);
        if (excluded.hasMatch() && addedFrom >= 0 && addedFrom < plan.operations.size() && i > 0) {
            plan.operations.resize(addedFrom);
            plan.unrecognized << clauses.at(i - 1) + QLatin1Char(' ') + clause;
            addedFrom = -1;
            continue;
        }
        // "keep everything except the first 10 seconds": what is excepted is what goes.
        if (excluded.hasMatch() && i > 0 &&
            has(clauses.at(i - 1),
                "^(?:please |just )?(?:keep|leave) (?:everything|all|the rest)\\b|"
                "^(?:其他|其余|别的)(?:都|全)?(?:保留|留着)")) {
            Plan scratch;
            QString target = lastTarget;
            const QList<Operation> out = parseClause(
                QStringLiteral("remove ") + clause.mid(excluded.capturedEnd()).trimmed(), p,
                scratch, &target);
            if (out.size() == 1 && out.first().name == Op::removeRange() &&
                scratch.declined.isEmpty()) {
                plan.unrecognized.removeAll(clauses.at(i - 1));
                addedFrom = plan.operations.size();
                plan.operations << out;
                continue;
            }
        }
        addedFrom = -1;
        QList<Operation> ops = parseClause(clause, p, plan, &lastTarget, clauses.size() == 1);
        // "there's a long pause around 4:20, get rid of it": the verb comes after the thing.
        static const RX pointBack(
            QStringLiteral("^(?:just |please |so |and )?(get rid "
                           "of|cut|remove|delete|trim|drop|kill|lose|take out) "
                           "(?:just |only )?(?:it|that|them|those|this)\\b"));
        const QRegularExpressionMatch back =
            i + 1 < clauses.size() ? pointBack.match(clauses.at(i + 1)) : QRegularExpressionMatch();
        const bool declinedHere = !plan.declined.isEmpty() && plan.declined.last().clause == clause;
        auto trial = [&](const QString& text) {
            Plan scratch;
            QString target = lastTarget;
            const QList<Operation> out = parseClause(text, p, scratch, &target);
            return scratch.declined.isEmpty() ? out : QList<Operation>();
        };
        if (ops.isEmpty() && back.hasMatch() && !negated(clause)) {
            ops = trial(back.captured(1) + QLatin1Char(' ') + clause);
            if (!ops.isEmpty())
                ++i;
        }
        // "前10秒和最后10秒都剪掉": a stretch named before the clause whose verb covers it.
        if (ops.isEmpty() && !declinedHere && !negated(clause) && i + 1 < clauses.size() &&
            findRange(clause).found()) {
            const QList<Operation> next = trial(clauses.at(i + 1));
            if (next.size() == 1 &&
                (next.first().name == Op::removeRange() || next.first().name == Op::keepRange())) {
                QJsonObject args;
                putRange(args, findRange(clause));
                ops << op(next.first().name, args);
            }
        }
        // "中间那段太拖了，加速一下", "the part from 1:00 to 1:20, speed it up": a clause that
        // only sets the scene belongs to the request after it when together they say more.
        if (ops.isEmpty() && !declinedHere && !negated(clause) && i + 1 < clauses.size() &&
            !negated(clauses.at(i + 1)) && !exclusion().match(clauses.at(i + 1)).hasMatch()) {
            const QList<Operation> together = trial(clause + QLatin1Char(' ') + clauses.at(i + 1));
            const QList<Operation> alone = trial(clauses.at(i + 1));
            // Only where something happens is taken from the scene: "I recorded over 8 minutes"
            // is no pause length, "开头那段" no start for the title after it.
            auto onlyWhere = [&] {
                static const QStringList where{QStringLiteral("part"),  QStringLiteral("from_ms"),
                                               QStringLiteral("to_ms"), QStringLiteral("last_ms"),
                                               QStringLiteral("scope"), QStringLiteral("at_ms")};
                const QJsonObject& a = together.first().args;
                const QJsonObject& b = alone.first().args;
                for (auto it = a.begin(); it != a.end(); ++it)
                    if (!b.contains(it.key()) && !where.contains(it.key()))
                        return false;
                return a.size() > b.size();
            };
            const bool saysMore =
                !together.isEmpty() &&
                (alone.isEmpty() || (together.size() == alone.size() &&
                                     together.first().name == alone.first().name && onlyWhere()));
            if (saysMore) {
                ops = together;
                ++i;
            }
        }
        // "delete all the ums, and the pauses", "去掉废话和停顿": the verb carries over to a
        // clause that has none.
        if (ops.isEmpty() && !previousVerb.isEmpty() && !negated(clause) && clause.size() <= 24 &&
            !lexicon::has(clause, QStringLiteral("action.remove")) &&
            !has(clause, "别|不要|不用|留|只要|\\bdon'?t\\b|\\bnot\\b|\\bnever\\b|\\bleave\\b|"
                         "\\bkeep\\b|\\bonly\\b"))
            ops = trial(previousVerb + QLatin1Char(' ') + clause);
        // It carries over a list ("the ums, hems, pauses"), not past a clause of its own.
        const QRegularExpressionMatch verb = lexicon::find(clause, QStringLiteral("action.remove"));
        if (verb.hasMatch())
            previousVerb = verb.captured(0);
        else if (clause.count(QLatin1Char(' ')) >= 3 || clause.size() > 12)
            previousVerb.clear();
        const Operation* prev = plan.operations.isEmpty() ? nullptr : &plan.operations.last();
        const bool rangedSpeed = prev && prev->name == Op::setSpeed() &&
                                 (prev->args.contains(QStringLiteral("from_ms")) ||
                                  prev->args.contains(QStringLiteral("last_ms")));
        // "split at 0:30, 1:00 and 1:30", "在0:30和1:00处分割": a time said alone next to a
        // split is one more split.
        static const RX timeAlone(QStringLiteral(
            "^(?:and |at |@ |then |also "
            ")*(?:在|和|第)?\\s*(\\d{1,2}:\\d{2}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?"
            "\\s*(?:seconds?|secs?|s|秒))\\s*(?:处|的地方|那里)?(?: too| as well)?$"));
        const QRegularExpressionMatch alone = timeAlone.match(clause.trimmed());
        if (ops.isEmpty() && alone.hasMatch() && !negated(clause)) {
            const qint64 at = parseTimeToken(alone.captured(1));
            if (prev && prev->name == Op::splitAt() && at > 0) {
                ops << op(Op::splitAt(), QJsonObject{{QStringLiteral("at_ms"), at}});
            } else if (at > 0 && i + 1 < clauses.size()) {
                const QList<Operation> next = trial(clauses.at(i + 1));
                if (!next.isEmpty() && next.first().name == Op::splitAt())
                    ops << op(Op::splitAt(), QJsonObject{{QStringLiteral("at_ms"), at}});
            }
        }
        if (ops.isEmpty() && prev && !negated(clause) &&
            (prev->name == Op::removeRange() || prev->name == Op::keepRange() || rangedSpeed)) {
            // "cut the first 5 seconds and the last 3 seconds", "speed up 0:10-0:15 and again
            // 0:50-1:00": the verb (and its speed) carries over to a stretch said alone. "the
            // first 15 seconds and the last 10": the unit too.
            Range r = findRange(clause);
            static const RX bare(
                QStringLiteral("^(?:the )?(?:last|final|first|opening|closing) "
                               "\\d+(?:\\.\\d+)?$|^(?:前|最后|后)\\d+(?:\\.\\d+)?$"));
            static const RX unit(
                QStringLiteral("\\d\\s*(seconds?|secs?|s|minutes?|mins?|秒|分钟)(?![a-z])"));
            const QRegularExpressionMatch u = unit.match(correction.lastClause);
            if (!r.found() && u.hasMatch() && bare.match(clause.trimmed()).hasMatch())
                r = findRange(clause.trimmed() + QLatin1Char(' ') + u.captured(1));
            if (r.found()) {
                QJsonObject args;
                if (rangedSpeed)
                    args.insert(QStringLiteral("factor"),
                                prev->args.value(QStringLiteral("factor")));
                putRange(args, r);
                ops << op(prev->name, args);
            }
        }
        if (ops.isEmpty()) {
            if (const auto s = summary(clause))
                summaries << *s;
            else if (!negated(clause) &&
                     (plan.declined.isEmpty() || plan.declined.last().clause != clause))
                plan.unrecognized << clause;
            continue;
        }
        // Edits that cannot be limited to the clip or part named are not made everywhere instead.
        // "音乐只要前30秒", "cut the music at 0:30": a stretch of the music or of a text is not a
        // stretch of the video.
        const QString named = readFrame(clause).target;
        const bool otherTrack = (named == QLatin1String("music") || isText(named)) &&
                                std::any_of(ops.cbegin(), ops.cend(), [](const Operation& o) {
                                    return o.name == Op::removeRange() ||
                                           o.name == Op::keepRange() || o.name == Op::splitAt() ||
                                           o.name == Op::targetLength();
                                });
        if (otherTrack || clipScopeLost(clause, ops) || partScopeLost(clause, ops) ||
            relativeTimeLost(clause, ops)) {
            plan.unrecognized << clause;
            continue;
        }
        // Never silent: a number or time the clause's operations do not carry is named in the
        // reply ("I did not understand "45 minute"…"), so a dropped detail is not hidden. A time
        // left over by an edit that took no time at all usually says where the edit belongs
        // ("speed up from 1:00 to 1:20 and 3:00 to 3:10"): the edit is then not made on the
        // wrong stretch (the whole video), the clause is reported instead.
        if (const QString unused = unusedNumber(clause, ops); !unused.isEmpty()) {
            const bool timed = std::any_of(ops.cbegin(), ops.cend(), [](const Operation& o) {
                for (auto it = o.args.begin(); it != o.args.end(); ++it)
                    if (it.key().endsWith(QLatin1String("_ms")))
                        return true;
                return false;
            });
            // A clock time left over is a place the edit lost; a length next to other times may
            // just have been clamped ("transitions of 20 seconds" get the 5 s maximum).
            if (isTimeToken(unused) && (!timed || unused.contains(QLatin1Char(':')))) {
                plan.unrecognized << clause;
                continue;
            }
            if (!plan.unrecognized.contains(unused))
                plan.unrecognized << unused;
        }
        correction.lastClause = clause;
        // "i don't like this change, go back before", "撤销撤多了，重做一下": one step said twice.
        const bool sameStep = ops.size() == 1 && lastStep == ops.first().name &&
                              clause != lastStepClause &&
                              (ops.first().name == Op::undo() || ops.first().name == Op::redo()) &&
                              !has(clause, "\\bagain\\b|\\bone more\\b|\\balso\\b|再|又");
        lastStep = ops.size() == 1 ? ops.first().name : QString();
        lastStepClause = clause;
        if (sameStep)
            continue;
        // "tighten it up, kill the dead air": one request said twice is done once.
        addedFrom = plan.operations.size();
        for (const Operation& o : ops) {
            const bool repeat = o.name == Op::undo() || o.name == Op::redo();
            const bool seen = std::any_of(
                plan.operations.cbegin(), plan.operations.cend(),
                [&o](const Operation& x) { return x.name == o.name && x.args == o.args; });
            if (repeat || !seen)
                plan.operations << o;
        }
    }
    finish(plan, p);
    if (plan.operations.isEmpty() && !summaries.isEmpty())
        plan.operations << summaries.first();
    if (plan.operations.isEmpty())
        plan.suggestions = suggestionsFor(p.text, plan.chinese);
    return plan;
}

} // namespace cw::engine
