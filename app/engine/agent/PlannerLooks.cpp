// The planner's parsers for how the video looks and sounds as a whole: transitions at the
// cuts, the frame (ratio, platform, crop or blur), loudness, noise and colour looks. Each reads
// one normalised clause and returns at most one operation (see PlannerParts.h).
#include "agent/PlannerParts.h"

#include <QRegularExpression>
#include <algorithm>

namespace cw::engine::planner {

using RX = QRegularExpression;
using namespace plannertext;

std::optional<Operation> transitions(const QString& c)
{
    if (!has(c,
             "transitions?\\b|cross-?fades?|dissolves?\\b|\\bwipes?\\b|\\bfades? "
             "between|\\bfades? on (?:the |every |each )?(?:down-?|strong )beats?\\b|(?:重拍|强拍)"
             ".{0,6}(?:淡入淡出|淡化|渐变)|转场|过渡|叠化|渐变.{0,3}(?:拼|连|接)|之间.{0,4}(?:渐变|"
             "淡入淡出|叠化)|加."
             "{0,2}渐变|"
             "交叉淡化|切换.{0,3}(?:生硬|太硬|突兀)|(?:切换|衔接|过渡|连接)(?:的地方|处)?.{0,4}("
             "?:顺滑|自然|平滑|柔和|流畅)|"
             "衔接处|溶解|\\bcuts?\\b.{0,30}\\b(?:harsh|abrupt|"
             "jarring|sudden|choppy)\\b|\\b(?:slides?|zooms?|spins?) (?:in )?between (?:the |each "
             "|all |every |my )*(?:clips?|cuts?|shots?|scenes?|segments?|parts?|videos?)\\b"))
        return std::nullopt;
    // "skip the transitions", "I don't need transitions", "hard cuts instead of transitions":
    // no transitions wanted, which adds none (and removes none: nothing says any are there).
    if (has(c, "\\b(?:skip|without|instead of|no need for|(?:don'?t|do not) (?:need|want|add|use)|"
               "hard cuts?)\\b.{0,20}\\btransitions?\\b|\\btransitions?\\b.{0,12}\\b(?:not "
               "needed|unnecessary|instead)\\b|不需要.{0,4}(?:转场|过渡)"))
        return std::nullopt;
    // "remove all the transitions", "去掉转场": the transitions that are there go (the cuts are
    // hard cuts again), which addTransitions does with the type "none".
    if (removeVerbBefore(c, "transitions?\\b", 20) ||
        has(c, "\\b(?:disable|turn off|no more)\\b.{0,20}\\btransitions?\\b|(?:去掉|删除|删掉|取消|"
               "拿掉).{0,6}(?:转场|过渡)"))
        return op(Op::addTransitions(),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("none")}});
    // "make the transitions shorter", "转场太慢了": a change by an amount to transitions that
    // exist, which no operation makes; adding more would be the opposite ("set all the
    // transitions to 1 second" names the length, and is made).
    if (has(c, "\\btransitions? (?:are|is|feel|feels|look|looks) (?:\\w+ )?(?:too|so)\\b|"
               "转场(?:太|有点)(?:慢|长|快|短|多)|不要.{0,6}(?:转场|过渡)") ||
        (has(c, "\\b(?:shorter|longer|faster|quicker|slower|snappier)\\b") &&
         !has(c, "\\b(?:add|put|use|insert|apply|give)\\b")))
        return std::nullopt;
    QString type;
    if (has(c, "cross-?fades?|cross[- "
               "]?dissolves?|\\bfades?\\b|交叉|渐变|淡化|淡入|淡出|渐入|渐出|渐隐|"
               "渐显"))
        type = QStringLiteral("fade");
    else if (has(c, "\\bwipe|擦除"))
        type = QStringLiteral("wipe");
    else if (has(c, "\\bslide|滑动"))
        type = QStringLiteral("slide");
    else if (has(c, "\\bzoom|缩放"))
        type = QStringLiteral("zoom");
    else if (has(c, "\\bdissolve|溶解|叠化"))
        type = QStringLiteral("dissolve");
    QJsonObject args;
    if (!type.isEmpty())
        args.insert(QStringLiteral("type"), type);
    // "每隔5秒加个转场", "a transition every 10 seconds": a place, not a length (transitions go
    // at the cuts, so the time is left for the reply to name).
    // "在1分钟处加个转场": a place, which is no length either.
    if (has(c, "(?:在|于)\\s*\\d[^，,]{0,8}(?:处|的地方|的位置)"))
        return std::nullopt;
    const qint64 d = has(c, "\\bevery\\b|\\beach [\\d.]+|每隔|每\\d") ? -1 : findDuration(c);
    if (d > 0)
        args.insert(QStringLiteral("duration_ms"), std::clamp<qint64>(d, 100, 5000));
    return op(Op::addTransitions(), args);
}

bool dontCrop(const QString& c)
{
    return has(
        c,
        "don'?t crop|do not crop|no crop|without crop|instead of crop|not cut (?:off "
        ")?(?:my|the)|don'?t cut (?:off )?(?:my|the|anything)|fill the "
        "rest|\\bblur|\\bpad|letterbox|without (?:cutting|cropping|losing) (?:anything|any of|the "
        "sides|stuff)|keep (?:everything|the whole (?:frame|picture)) in|\\b(?:keep|fit|show) the "
        "(?:whole|entire|full) (?:picture|frame|image|shot|video)\\b|\\bnothing (?:gets )?cut "
        "off\\b|\\b(?:with|add|adding|keep|use|leave|put) (?:the |some )?black "
        "(?:bars|borders|edges)\\b|"
        "\\bpillarbox|不要裁|不裁|别裁|模糊|留边|留黑|加黑边|"
        "黑边填充|完整(?:的)?画面|画面完整");
}

// The frame asked for. Several may be named ("convert this 16:9 demo to vertical"): the one
// after "to/into/as/for" (改成/变成) is the target and the others describe the source.
std::optional<Operation> aspect(const QString& c)
{
    struct Candidate {
        qsizetype at;
        QString ratio;
    };
    QList<Candidate> found;
    static const RX ratioRx(QStringLiteral("\\b(16|9|1|4)\\s*[:x×/]\\s*(9|16|1|5)\\b"));
    const bool ratioContext =
        has(c, "aspect|ratio|\\bmake\\b|convert|format|\\bcrop|reframe|resize|change|\\bset\\b|"
               "\\bturn\\b|\\bswitch|\\bexport|\\buse\\b|比例|画幅|改成|变成|转成|转为|设为|设置|"
               "调成|改为|用") ||
        ratioRx.match(c).captured(0) == c.trimmed() || lexicon::findPlatform(c);
    // "改成21:9电影宽屏", "make it 4:3": a frame this editor does not make is not replaced by the
    // nearest one it does (a source named with one, "this 4:3 video to 9:16", still converts).
    static const RX anyRatio(
        QStringLiteral("\\b(\\d{1,2}(?:\\.\\d{1,2})?)\\s*[:x×]\\s*(\\d{1,2})\\b"));
    bool supported = false;
    bool unsupported = false;
    for (auto it = anyRatio.globalMatch(c); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString pair = m.captured(1) + QLatin1Char(':') + m.captured(2);
        const bool known = pair == QLatin1String("16:9") || pair == QLatin1String("9:16") ||
                           pair == QLatin1String("1:1") || pair == QLatin1String("4:5");
        (known ? supported : unsupported) = true;
    }
    if (unsupported && !supported && ratioContext)
        return std::nullopt;
    for (auto it = ratioRx.globalMatch(c); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString pair = m.captured(1) + QLatin1Char(':') + m.captured(2);
        if (ratioContext && (pair == QLatin1String("16:9") || pair == QLatin1String("9:16") ||
                             pair == QLatin1String("1:1") || pair == QLatin1String("4:5")))
            found << Candidate{m.capturedStart(), pair};
    }
    const struct {
        const char* pattern;
        const char* ratio;
    } words[] = {
        {"\\bvertical|\\bportrait(?! post)|竖屏|竖版|竖向|竖的|转竖|改竖|变竖|快手|小红书|视频号",
         "9:16"},
        {"\\bsquare\\b|正方形|方形", "1:1"},
        {"\\bportrait post|\\b4 by 5\\b", "4:5"},
        {"\\blandscape|\\bhorizontal|\\bwidescreen|(?:横屏|横版|宽屏|横的)(?!(?:的)?(?:视频|画面|"
         "素材)?(?:直接)?(?:放|居中|在中间|摆))|转横|改横|变横",
         "16:9"}};
    // "my clip is vertical, ...": what the source is, not what to make.
    static const RX sourceRx(QStringLiteral(
        "\\b(?:is|was|are|it'?s|currently|already|shot|filmed|recorded|this|my|these)\\s+(?:(?!(?:"
        "to|into|as|for)\\b)\\S+\\s+){0,3}$|(?:是|拍的|这个|原来的)$"));
    for (const auto& w : words) {
        const QRegularExpressionMatch m = cachedRx(w.pattern).match(c);
        if (m.hasMatch() && !sourceRx.match(c.left(m.capturedStart())).hasMatch())
            found << Candidate{m.capturedStart(), QString::fromLatin1(w.ratio)};
    }
    // "from 16:9 to something more TikTok like": the frame it comes from is not the one to make.
    static const RX fromRx(QStringLiteral("(?:\\bfrom|从|由)\\s*$"));
    found.removeIf([&](const Candidate& k) { return fromRx.match(c.left(k.at)).hasMatch(); });
    qsizetype platformAt = -1;
    const lexicon::Platform* pf = lexicon::findPlatform(c, &platformAt);
    if (found.isEmpty() && (!pf || platformAsReason(c)))
        return std::nullopt;
    std::sort(found.begin(), found.end(),
              [](const Candidate& a, const Candidate& b) { return a.at < b.at; });
    // The target is the one right after "to/into/as/for" (改成...); with none, the last named.
    QString ratio;
    static const RX toRx(QStringLiteral(
        "(?:\\b(?:to|into|as|for|in)\\b(?:\\s+(?:a|an|the))?(?:\\s+(?:tall|wide|proper|true|real|"
        "full|nice))?|改成|变成|转成|转为|改为|调成|设为|换成|做成)\\s*$"));
    for (const Candidate& k : found)
        if (toRx.match(c.left(k.at)).hasMatch()) {
            ratio = k.ratio;
            break;
        }
    if (ratio.isEmpty() && !found.isEmpty())
        ratio = found.last().ratio;
    if (ratio.isEmpty())
        ratio = pf->ratio;
    QJsonObject args{
        {QStringLiteral("ratio"), ratio},
        {QStringLiteral("mode"), dontCrop(c) ? QStringLiteral("blur") : QStringLiteral("crop")}};
    if (!dontCrop(c) && reframeAsked(c) == QLatin1String("centre")) // PlannerReframe.cpp
        args.insert(QStringLiteral("reframe"), QStringLiteral("centre"));
    // "vertical for Instagram": a frame said that is not the platform's own (the feed takes 4:5
    // or 1:1) is the frame asked for; the platform's preset (another frame) is not what is made.
    if (pf && (pf->ratio == ratio ||
               (pf->id == QLatin1String("instagram_feed") && ratio == QLatin1String("1:1"))))
        args.insert(QStringLiteral("platform"), pf->id);
    return op(Op::setAspect(), args);
}

std::optional<Operation> soundAndLook(const QString& c)
{
    // "黑白改回彩色", "make it colour again": back to the colours the footage has (before the
    // look words below read "black and white" as the look wanted).
    if (has(c, "(?:改回|变回|恢复|回到|换回)(?:成|到|为)?(?:彩色|原色|原来的颜色)|\\bback to "
               "(?:full )?colou?rs?\\b|"
               "\\b(?:in )?colou?rs? again\\b|\\bno more black-white\\b|\\bnot black-white "
               "anymore\\b"))
        return op(Op::setLook(), QJsonObject{{QStringLiteral("look"), QStringLiteral("none")}});
    if (has(c, "normali[sz]e|loudness|loudnorm|\\blufs\\b|\\beven out the "
               "(?:volume|audio|sound|levels)|\\blevel out\\b|\\bbalance the "
               "(?:audio|volume|sound|levels)|\\bconsistent "
               "(?:volume|loudness|audio)|\\b(?:volume|audio|sound|levels?|loudness) (?:more |is "
               "|are )?"
               "(?:consistent|even|uniform)\\b|\\b(?:volume|audio|sound|levels?|loudness) (?:keeps "
               ")?(?:jumps?|jumping|goes up and down|going up and down|is all over the place|is "
               "(?:inconsistent|uneven))\\b|\\b(?:inconsistent|uneven) (?:volume|audio|sound|"
               "levels?|loudness)\\b|响度|标准化|归一化|音量均衡|统[1一].{0,3}音量|"
               "音量统[1一]"
               "|忽大忽小|忽高忽低|时大时小|时高时低|(?:声音|音量)(?:大小)?统[1一]")) {
        double lufs = findLufs(c);
        static const RX bare(
            QStringLiteral("(?:^|\\s|到|为|成)-\\s*(\\d{1,2}(?:\\.\\d)?)(?![\\d.:])"));
        const QRegularExpressionMatch b = bare.match(c);
        if (lufs >= 0 && b.hasMatch())
            lufs = -std::clamp(b.captured(1).toDouble(), 5.0, 40.0);
        return op(Op::setLoudness(),
                  lufs < 0 ? QJsonObject{{QStringLiteral("lufs"), lufs}} : QJsonObject{});
    }
    if (has(c, "\\b(?:no|without) (?:audio|sound)\\b|\\bmute\\b|静音"))
        return std::nullopt; // "no audio at all, it only has noise": the sound goes
    // "clean up the audio", "make my voice sound better", 优化一下音质: the whole chain; a noise
    // named ("clean up the hiss") is noise reduction alone.
    if (!has(
            c,
            "noise|hiss|hum\\b|噪|杂音|电流声|嗡嗡|\\bsync|\\blevels?\\b|\\bvolume\\b|同步|音量") &&
        has(c,
            "\\b(?:clean(?:ing)? up|improve|enhance|polish|sweeten|tidy up|fix up)\\b (?:the "
            "|my |our )?(?:audio|sound|voice|vocals?|voiceover|narration)\\b|\\b(?:audio|sound) "
            "clean-?up\\b|\\bmake (?:the |my )?(?:audio|sound|voice) (?:sound )?(?:a (?:bit|lot) "
            "|much "
            "|more )?(?:better|"
            "professional|pro|nicer|clean(?:er)?|crisp(?:er)?|clear(?:er)?)\\b|(?:优化|美化|改善|"
            "提升|处理|"
            "清理)(?:一下)?(?:音频|声音|音质|人声)|(?:音频|声音|音质|人声)(?:优化|处理一下|清理)"))
        return op(Op::cleanAudio());
    if (has(c,
            "denoise|de-noise|noise|hiss|hum\\b|\\bclean(?:ing)? up the "
            "(?:audio|sound)\\b|\\b(?:audio|"
            "sound) "
            "clean-?up\\b|降噪|减噪|降.{0,2}噪|去噪|噪音|噪声|杂音|风噪|风声|底噪|电流声|嗡嗡声"))
        return op(Op::denoise());
    if (has(c, "\\bintro\\b|片头"))
        return std::nullopt;
    // "remove the black and white", "去掉滤镜": the look that is there goes (look "none"); adding
    // the look named would be the opposite.
    if (has(c,
            "\\b(?:remove|delete|get rid of|take off|take away|turn off|drop|lose|undo|no "
            "more|switch off)\\b.{0,12}\\b(?:the |that |this )?(?:black-white|bw|b&w|filter|look|"
            "colou?r (?:grade|grading|look|filter)|warm look|cool look|cinematic look|vivid "
            "look|tint)\\b|(?:去掉|取消|删掉|删除|关掉|不要)(?:这个|那个)?(?:滤镜|调色|黑白|色调)|"
            "恢复(?:原来的|原始)?(?:颜色|色彩)"))
        return has(c, "^undo\\b")
                   ? std::nullopt
                   : std::optional<Operation>(
                         op(Op::setLook(),
                            QJsonObject{{QStringLiteral("look"), QStringLiteral("none")}}));
    QString look;
    if (has(c, "black-white|monochrome|gr[ae]yscale|desaturat|去色|黑白"))
        look = QStringLiteral("bw");
    else if (has(c, "\\bcinematic|\\bfilm look|\\bfilmic|like a "
                    "(?:movie|film)\\b|电影感|电影风格|电影色调"))
        look = QStringLiteral("cinematic");
    else if (has(c, "\\bwarm|暖色|暖调|温暖|暖[1一]点|暖[1一]些|偏暖|更暖"))
        look = QStringLiteral("warm");
    else if (has(c, "\\bcool(?:er)? "
                    "(?:look|tone|colou?rs?|grade)|\\bcold\\b|\\bcooler\\b|\\bblu(?:e|ish) "
                    "(?:tint|tone|look)|\\bbluish\\b|冷色|冷调|偏冷|冷[1一]点|冷[1一]些"))
        look = QStringLiteral("cool");
    else if (has(c,
                 "washed[- "
                 "]out|\\bdull\\b|\\blifeless\\b|\\bfaded\\b|灰蒙蒙|发灰|颜色太淡|没有色彩|colou?"
                 "rs? pop|\\bpop "
                 "more\\b|vivid|vibrant|(?<!de)saturat|punchy|colou?rful|鲜艳|艳丽|饱和"))
        look = QStringLiteral("vivid");
    if (look.isEmpty())
        return std::nullopt;
    return op(Op::setLook(), QJsonObject{{QStringLiteral("look"), look}});
}

} // namespace cw::engine::planner
