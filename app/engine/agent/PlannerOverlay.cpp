// "Put my logo in the bottom-right corner at 80% opacity starting at 3 seconds", 右下角放我们
// 公司的logo, "add a watermark 'DRAFT'": a picture (or, with words in quotes, a text) drawn
// over the video. The planner cannot know what was uploaded: add_logo without a file takes the
// latest image, and the executor asks for one when there is none. Removing a logo or watermark
// that is in the footage stays declined, as does a logo placed at several moments without
// times ("briefly at the start and at the end"): guessing those would be a wrong edit.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

namespace {

using RX = QRegularExpression;

double sizeOf(const QString& c)
{
    static const RX number(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:of the )?(?:width|size|"
                                          "wide)|(?:size|width)\\s*(?:of)?\\s*(\\d+(?:\\.\\d+)?)"
                                          "\\s*%"));
    const QRegularExpressionMatch m = number.match(c);
    if (m.hasMatch())
        return std::clamp((m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toDouble(), 2.0,
                          100.0);
    if (has(c, "\\b(?:small|tiny|little)\\b|小一点|小的"))
        return 10;
    if (has(c, "\\b(?:big|large|bigger)\\b|大一点|大的"))
        return 25;
    return -1;
}

} // namespace

double opacityOf(const QString& c)
{
    static const RX number(
        QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:opacity|opaque)|"
                       "opacity\\s*(?:of|at|to)?\\s*(\\d+(?:\\.\\d+)?)\\s*%|"
                       "不透明度\\s*(?:为|是|调到|设为)?\\s*(\\d+(?:\\.\\d+)?)\\s*%"));
    // Transparency is the other side of opacity: "30% transparent" leaves 70% of the picture.
    // A bare 透明度 is left alone: people say it for both sides.
    static const RX clear(
        QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:transparent|transparency)|"
                       "transparency\\s*(?:of|at|to)?\\s*(\\d+(?:\\.\\d+)?)\\s*%"));
    for (const RX* rx : {&number, &clear}) {
        const QRegularExpressionMatch m = rx->match(c);
        for (int i = 1; m.hasMatch() && i <= 3; ++i) // unused groups are empty
            if (!m.captured(i).isEmpty()) {
                const double v = m.captured(i).toDouble() / 100.0;
                return std::clamp(rx == &number ? v : 1.0 - v, 0.05, 1.0);
            }
    }
    if (has(c, "semi[- ]?transparent|translucent|see[- ]through|faint|subtle|半透明"))
        return 0.5;
    return -1;
}

std::optional<Operation> logo(const QString& c, const Prepared& p, const Frame& f)
{
    // A picture named by its file and put at a place is one too ("stick brand.png top right").
    const bool placedPicture =
        !f.position.isEmpty() && has(c, "\\.(?:png|jpe?g|webp|bmp|tiff?)\\b");
    if (!placedPicture &&
        !has(c, "\\blogos?\\b|watermark|brand (?:mark|image)|\\bmy brand\\b|标志|水印|台标|徽标"))
        return std::nullopt;
    // "remove my logo", "take the logo off", 去掉我的logo: the logo put on here (the executor
    // says so when there is none). One in the footage ("the logo in the corner of my footage",
    // "the iStock logo") stays declined.
    if (has(c, "\\b(?:remove|delete|get rid of|take (?:off|out)|drop|hide)\\b "
               "(?:my|the|that|this|our) "
               "(?:added |new |company |brand )?logos?\\b|\\btake (?:my|the|that) logos? "
               "(?:off|out|away)\\b|(?:去掉|删除|删掉|拿掉|去除)(?:我的|我们的|刚才加的|那个)?(?:"
               "logo|标志|台标)") &&
        !has(c, "footage|\\bvideo(?:'s)? logo|istock|tiktok|shutterstock|getty|burn|original|"
                "\\bcorner of\\b|\\bfrom (?:the|my) (?:video|footage|clip|recording)\\b|last frame|"
                "素材|原视频|视频里|视频上原"))
        return op(Op::removeLogo());
    if (has(c, "\\b(?:remove|erase|delete|get rid of|take (?:off|out)|hide|blur|without)\\b|"
               "去掉|去除|删除|删掉|去水印|抹掉|消除") ||
        f.target == QLatin1String("intro") || has(c, "\\b(?:animate|animation|reveal|3d)\\b|动画"))
        return std::nullopt;
    // Something must say to put it there: a verb or a place ("logo) on the video" alone, left of
    // a split, is not a request).
    if (!f.addVerb && f.position.isEmpty() &&
        !has(c,
             "\\b(?:add|put|place|stick|embed|attach|show|insert|overlay|burn|stamp|want|need|use|"
             "include|apply)\\b|"
             "加|放|添加|打上|嵌入"))
        return std::nullopt;
    const plannertext::Range range = plannertext::findRange(c);
    if (!range.found() && has(c, "\\bstart\\b.*\\bend\\b|开头.*结尾|briefly"))
        return std::nullopt;
    // Words in quotes with "watermark": the words are the watermark.
    if (f.quote >= 0 && has(c, "watermark|水印")) {
        QJsonObject args{{QStringLiteral("style"), QStringLiteral("watermark")},
                         {QStringLiteral("text"), p.quotes.value(f.quote)}};
        if (!f.position.isEmpty())
            args.insert(QStringLiteral("position"), f.position);
        return op(Op::addText(), args);
    }
    QJsonObject args;
    static const RX file(
        QStringLiteral("[^\\s/\\\\:*?\"<>|，。、；：]+\\.(?:png|jpe?g|webp|bmp|tiff?)\\b"));
    const QRegularExpressionMatch named = file.match(c);
    if (named.hasMatch())
        args.insert(QStringLiteral("file"), originalCase(named.captured(0), p));
    if (!f.position.isEmpty())
        args.insert(QStringLiteral("position"), f.position);
    if (const double o = opacityOf(c); o > 0)
        args.insert(QStringLiteral("opacity"), o);
    if (const double s = sizeOf(c); s > 0)
        args.insert(QStringLiteral("size"), s);
    if (range.fromMs >= 0) {
        args.insert(QStringLiteral("start_ms"), range.fromMs);
        if (range.toMs > range.fromMs)
            args.insert(QStringLiteral("duration_ms"), range.toMs - range.fromMs);
    } else if (const qint64 at = plannertext::findAt(c); at >= 0) {
        args.insert(QStringLiteral("start_ms"), at);
    } else if (has(c, "\\b(?:starting|start|from|after)\\b")) {
        if (const qint64 d = plannertext::findDuration(c); d >= 0)
            args.insert(QStringLiteral("start_ms"), d);
    }
    return op(Op::addLogo(), args);
}

} // namespace cw::engine::planner

namespace cw::engine::planner {

// "use voiceover.m4a as the narration from 0:05", "add my voice-over", "replace the audio
// with take2.wav", 用旁白.m4a作为配音, 把原声换成 voice.mp3: a recording under the video. A
// voice to be made (read a script, clone, translate) is declined before this is asked.
std::optional<Operation> voiceOver(const QString& c, const Prepared& p)
{
    static const QRegularExpression audioFile(QStringLiteral(
        "[^\\s/\\\\:*?\"<>|，。、；：]+\\.(?:mp3|m4a|wav|aac|ogg|oga|opus|flac|aiff?)\\b"));
    const QRegularExpressionMatch named = audioFile.match(c);
    const bool voiceWords =
        has(c, "\\bvoice[- ]?overs?\\b|\\bnarration\\b|\\bnarrator\\b|\\bcommentary\\b|"
               "\\bvoice track\\b|旁白|配音|解说");
    const bool replace =
        has(c, "\\breplace (?:the |its |my |all )?(?:original )?(?:audio|sound)(?: track)? "
               "with\\b|\\bswap (?:the )?(?:audio|sound) (?:for|with)\\b|"
               "把(?:声音|音频|原声)(?:换成|替换成|替换为)");
    if (!replace && !(voiceWords && (named.hasMatch() || has(c, "\\bmy\\b|\\bthis\\b|我的")) &&
                      has(c, "\\b(?:use|add|put|set|lay|place|insert|make)\\b|用|作为|当|加")))
        return std::nullopt;
    // A voice to be made is not a recording the user has.
    if (has(c, "\\b(?:clone|cloned|ai|generate|synthesi[sz]e|text to speech|tts|read|reading|"
               "translate|dub)\\b|克隆|合成|朗读|翻译|生成"))
        return std::nullopt;
    if (replace && !named.hasMatch())
        return std::nullopt; // "replace the audio with music": the music's own request
    if (has(c, "\\b(?:remove|delete|mute|lower|quieter|louder|volume|sync)\\b|去掉|删除|调|同步"))
        return std::nullopt; // about a voice-over that is there, not a new one
    QJsonObject args;
    if (named.hasMatch())
        args.insert(QStringLiteral("file"), originalCase(named.captured(0), p));
    if (replace)
        args.insert(QStringLiteral("replace"), true);
    if (const qint64 at = plannertext::findAt(c); at >= 0)
        args.insert(QStringLiteral("start_ms"), at);
    return op(Op::setVoiceOver(), args);
}

} // namespace cw::engine::planner
