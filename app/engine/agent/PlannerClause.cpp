// One clause of a message -> its operations (planInstruction in Planner.cpp runs this on each
// clause and then looks across clauses). A clause is declined by name (resources/agent/
// lexicon.json), read as a frame, or matched against the operations in a fixed priority order:
// one main operation per clause, plus a frame or a length when the clause also names a platform
// or a target length. A clause led by a negation ("don't", 不要) plans nothing.
#include "agent/PlannerParts.h"

#include <QRegularExpression>
#include <algorithm>

namespace cw::engine::planner {

namespace {

using namespace plannertext;
using RX = QRegularExpression;

// A clause that names something the engine cannot do (or a file it does not have) is
// declined by name before any parser sees it, so "remove the background" never reaches the
// noise filter and "stabilise the end" never becomes a cut. Quoted captions are texts, not
// transcription requests.
const lexicon::Decline* declineOf(const QString& c)
{
    const lexicon::Decline* d = lexicon::findDecline(c);
    if (d && d->id == QLatin1String("transcribe") && quoteIndex(c) >= 0)
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
    if (const auto o = formatExport(c))
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
    // "导出成抖音格式": the export preset too, said with "format"/格式 instead of a resolution.
    if (f.action == QLatin1String("export") && lexicon::findPlatform(c) &&
        (lexicon::has(c, QStringLiteral("resolution.1080p")) ||
         lexicon::has(c, QStringLiteral("resolution.720p")) ||
         lexicon::has(c, QStringLiteral("resolution.4k")) ||
         has(c, "\\bmp4\\b|\\bmov\\b|\\bformat\\b|\\bpreset\\b|格式|规格|预设")) &&
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
        (has(c, "^(?:so |and |but )?(?:i'?m|i am|we'?re|we are|this is|it'?s|i|we|my|our|this "
                "(?:video|clip) is)\\b") ||
         has(c, "^(?:这是|这个是|我要|我想|我准备|准备|打算)?(?:发|投|上传到?|传到?)?\\S{0,4}(?:"
                "用的|的视频)$")) &&
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

// "fade in at the start", "add music that fades in and out", 背景音乐淡入淡出: the fades, and
// the clause's other request when the words left say one (before the fades when said before).
std::optional<QList<Operation>> fadeClause(const QString& c, const Prepared& p, const Frame& f,
                                           const QString& lastTarget)
{
    const std::optional<FadeReading> r = fades(c, f, lastTarget);
    if (!r || r->ops.isEmpty())
        return r ? std::optional<QList<Operation>>(QList<Operation>()) : std::nullopt;
    QList<Operation> out = r->ops;
    const Frame rf = readFrame(r->rest);
    if ((rf.addVerb || !rf.action.isEmpty()) && !lexicon::findDecline(r->rest))
        if (const auto o = mainOperation(r->rest, p, rf);
            o && o->name != Op::addTransitions() && o->name != Op::propose()) {
            if (has(c.left(r->at), "[a-z]{3,}|[\\x{4e00}-\\x{9fff}]{2,}"))
                out.prepend(*o);
            else
                out << *o;
        }
    return out;
}

} // namespace

bool isText(const QString& target)
{
    return target == QLatin1String("title") || target == QLatin1String("lower_third") ||
           target == QLatin1String("caption") || target == QLatin1String("text");
}

// "keep the music, just lower it to 30%": "it" is what the clause before named.
QList<Operation> parseClause(const QString& c, const Prepared& p, Plan& plan, QString* lastTarget,
                             bool alone)
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
    // "no more black and white": the look that is there goes.
    if (has(c, "^(?:please |and )?no more black-white\\b"))
        return {op(Op::setLook(), QJsonObject{{QStringLiteral("look"), QStringLiteral("none")}})};
    if (const lexicon::Decline* d = declineOf(c); !d || d->id != QLatin1String("text_style"))
        if (const auto o = lookChange(c, p, lastTarget))
            return {*o};
    // "no more picture in picture" takes the layout off (PlannerLayout.cpp).
    if (negated(c) && !noFade(c) && !(declineOf(c) && declineOf(c)->id == QLatin1String("pip")))
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
    // "音乐声音太大了，盖过了人声": the voice that is drowned out is not what to turn down.
    if (f.target == QLatin1String("clip_sound") && *lastTarget == QLatin1String("music") &&
        has(c, "盖过|压过|盖住|压住|\\bdrown(?:s|ing)? out\\b|\\boverpower(?:s|ing)?\\b|"
               "\\bdrown(?:s|ing)?\\b"))
        f.target = QStringLiteral("music");
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
    // "make the title bigger and bold": a look said alone is of the text just named.
    else if (f.target.isEmpty() && isText(*lastTarget) && !textLook(c).isEmpty())
        f.target = *lastTarget;
    else if (!f.target.isEmpty())
        *lastTarget = f.target;
    // A clause that also names something declined reads its fades in the part not declined.
    if (!declineOf(c))
        if (const auto fl = fadeClause(c, p, f, *lastTarget))
            return *fl;
    if (!declineOf(c))
        if (const auto o = stabilise(c))
            return QList<Operation>{*o};
    if (const lexicon::Decline* d = declineOf(c);
        !d || d->id == QLatin1String("motion") || d->id == QLatin1String("overlay"))
        if (const auto o = motion(c))
            return QList<Operation>{*o};
    // A recording named by its file is the user's own, whatever words call it (配音).
    if (!declineOf(c) || has(c, "\\.(?:mp3|m4a|wav|aac|ogg|opus|flac)\\b"))
        if (const auto o = voiceOver(c, p))
            return QList<Operation>{*o};
    // A picture-in-picture or split screen, or a clause saying more about the one just asked.
    if (const auto o = layoutClause(c, p, f, plan))
        return QList<Operation>{*o};
    if (const lexicon::Decline* d = declineOf(c);
        d ? d->id == QLatin1String("logo") || d->id == QLatin1String("logo_removal")
          : !f.position.isEmpty())
        if (const auto o = logo(c, p, f))
            return QList<Operation>{*o};
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
            if (const auto fl = fadeClause(rest, p, rf, *lastTarget))
                return *fl;
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
                       "(?:关掉|去掉|关了|换成|"
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
            "替换(?:掉)?(?:背景音乐|音乐|配乐|bgm)|(?:背景音乐|音乐|配乐|bgm)(?:换掉|替换掉?|换1首|"
            "换1个)|"
            "换(?:1首|首|个|1个)(?:别的|其他|新的)?(?:背景音乐|音乐|配乐|歌)|"
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
        static const QStringList reasonOnly{
            Op::setLoudness(),    Op::denoise(),    Op::cleanAudio(),  Op::setVolume(),
            Op::setMusicVolume(), Op::addMusic(),   Op::removeMusic(), Op::addText(),
            Op::editText(),       Op::removeText(), Op::setSpeed()};
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

} // namespace cw::engine::planner
