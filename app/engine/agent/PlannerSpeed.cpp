// The planner's speed and clip-volume parsers (declared in PlannerParts.h; the other
// per-operation parsers are in PlannerEdits.cpp): "speed up the middle 1.5x", "slow motion",
// 加速2倍, "make it 10% faster"; "mute", "volume 80%", "turn the volume up 20%", 人声太小了.
// Each reads one normalised clause and returns at most one operation.
#include "agent/PlannerParts.h"

#include "agent/Lexicon.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cw::engine::planner {

using RX = QRegularExpression;
using namespace plannertext;

std::optional<Operation> speed(const QString& c)
{
    const bool faster = has(
        c, "speed up|\\bfaster\\b|\\bas fast\\b|\\bquicker\\b|fast[- ]forward|double "
           "speed|\\bplays? at "
           "[\\d.]+ ?x\\b|\\b(?:thing|everything|video|all|it) (?:at )?[\\d.]+ ?x\\b(?! "
           "?\\d)(?!\\s*(?:slower|as "
           "slow))|\\btimelapse\\b|\\btime-lapse\\b|快[1一]?点|快些|\\bspeed\\b|加速|快进|加快|"
           "倍速|快放|调快|变快|播放速度|变速|调速|速度(?:设为|设成|调到|调成|改成|改为|为|到)|"
           "\\bspeed (?:to|at)\\b|\\bplayback speed\\b|\\bquicken\\b|\\bhurry\\b|\\b(?:go|goes|run|"
           "runs|play|plays|on) [\\d.]+ ?x\\b|^[\\d.]+ ?x (?:it|this|that|everything)\\b|\\b(?:run|"
           "play)s? (?:it|this|everything|the (?:video|clip|footage|whole thing)) at [\\d.]+\\s*%");
    const bool slower = has(
        c,
        "\\bslow\\b.{0,30}\\bdown\\b|slow(?: it)? down|\\bslower\\b|slow[- ]?mo|\\bslo-?mo|\\b(?:"
        "super|really|very|extra|ultra|nice and) slow\\b|\\bslow (?:the|this|that|it|everything|"
        "all) (?:first|last|final|opening|middle|end|part|bit|section|clip|video|whole|[\\d])|slow "
        "motion|half speed|quarter speed|\\bas slow\\b|half as "
        "fast|慢[1一]?点|慢些|减速|放慢|慢放|慢动作|慢速|调慢|变慢");
    if (!faster && !slower)
        return std::nullopt;
    // "... then return to normal speed": how a change said before ends, no change of its own.
    // "play it at normal speed" is no faster speed either (which speed is meant, not said).
    if (has(c, "\\b(?:at|to) (?:normal|regular|the original|original|real-?time) "
               "speed\\b(?!.{0,40}\\b(?:"
               "then|after|until)\\b)|\\b(?:return|returns|go back|goes back|come back|comes "
               "back|back) to (?:normal|"
               "regular|the original)(?: speed)?\\b|恢复(?:正常|原来的?)速度"))
        return std::nullopt;
    double factor = findFactor(c);
    static const RX bareRx(QStringLiteral("(?:速度|倍速|变速|调速)(?:改成|改为|调到|调成|设为|设成|"
                                          "为|到)?\\s*(\\d+(?:\\.\\d+)?)(?!\\s*(?:秒|分|%))"));
    // "bump the speed to 1.25": a bare factor after the speed.
    static const RX speedTo(QStringLiteral(
        "\\bspeed (?:to|at|of) ([\\d.]+)\\b(?!\\s*(?:seconds?|secs?|s\\b|%|percent|:|minutes?))"));
    if (const QRegularExpressionMatch st = speedTo.match(c); factor <= 0 && st.hasMatch())
        factor = st.captured(1).toDouble();
    if (factor <= 0) {
        const QRegularExpressionMatch b = bareRx.match(c);
        if (b.hasMatch())
            factor = b.captured(1).toDouble();
    }
    // "加快到120%", "慢放到70%", "play it at 80% speed": a percentage is the new speed; "by 20%"
    // changes it by that much.
    if (factor <= 0 && findPercent(c) > 0) {
        const double pct = findPercent(c);
        // "speed up 50%", "slow it down 20%": with no "to", a change by that much.
        if (has(c,
                "\\bby [\\d.]+\\s*(?:%|percent)|[\\d.]+\\s*(?:%|percent) "
                "(?:faster|slower|quicker)\\b|"
                "(?:快|慢)了?[\\d.]+%|提高了?[\\d.]+%|增加了?[\\d.]+%|加快了?[\\d.]+%|"
                "(?:加速|减速|提速|降速|放慢)了?[\\d.]+%|"
                "\\b(?:speed|slow) (?:(?:it|this|that|the|whole|entire|video|clip|thing|"
                "everything|footage) ){0,3}(?:up|down) [\\d.]+\\s*(?:%|percent)|\\b(?:speed|slow) "
                "(?:up|down) (?:(?:the|whole|entire|video|clip|thing|everything|footage) "
                "){1,3}[\\d.]+\\s*(?:%|percent)"))
            factor = slower && !faster ? 1.0 - pct : 1.0 + pct;
        else
            factor = pct;
    }
    if (factor <= 0) {
        if (has(c, "double (?:the )?(?:playback |play )?speed|twice as (?:fast|slow)|two times "
                   "(?:faster|slower)|"
                   "half as fast|双倍"))
            factor = 2.0;
        else if (has(c, "triple (?:the )?speed|three times faster"))
            factor = 3.0;
        else if (has(c, "quadruple (?:the )?speed|four times faster"))
            factor = 4.0;
        else if (has(c, "quarter speed|1/4 speed|四分之一"))
            factor = 0.25;
        else if (has(c, "half speed|一半"))
            factor = 0.5;
        else
            factor = slower ? 0.5 : 1.5;
    }
    if (slower && !faster && factor > 1)
        factor = 1.0 / factor;
    // "视频变速想要100倍": a speed the engine cannot play is kept as said, so the clause is
    // declined by name (Planner.cpp) instead of being made at 4x.
    QJsonObject args{{QStringLiteral("factor"),
                      factor > 4.001 || factor < 0.2499 ? factor : std::clamp(factor, 0.25, 4.0)}};
    if (has(c, "middle|中间")) {
        args.insert(QStringLiteral("part"), QStringLiteral("middle"));
    } else {
        const Range r = findRange(c);
        if (r.found())
            putRange(args, r);
    }
    return op(Op::setSpeed(), args);
}

namespace {

std::optional<Operation> clipsVolume(const QString& c)
{
    // The music's level is musicChange's (PlannerFrames.cpp); these change the clips' sound.
    if (const int v = voiceComplaint(c); v != 0)
        return op(Op::setVolume(), QJsonObject{{QStringLiteral("gain"), v > 0 ? 1.3 : 0.7}});
    if (lexicon::has(c, QStringLiteral("target.music")))
        return std::nullopt;
    if (has(c, "\\bunmute|取消静音"))
        return op(Op::setVolume(), QJsonObject{{QStringLiteral("gain"), 1.0}});
    if (has(c, "\\bmute\\b|\\bsilence the "
               "(?:audio|sound|video|clip)|(?<!算|是|为|叫)静音|消音|\\b(?:no|without) "
               "(?:audio|sound)\\b"))
        return op(Op::setVolume(), QJsonObject{{QStringLiteral("gain"), 0.0}});
    // "turn clip 1 down", "turn the first clip's audio down": a clip named and turned down/up.
    const bool clipTurned =
        has(c, "\\bclip \\d|\\b(?:first|second|third|fourth|fifth|last|\\d+(?:st|nd|rd|th)) "
               "clip\\b") &&
        has(c, "\\bturn\\b") &&
        (lexicon::has(c, QStringLiteral("action.lower")) ||
         lexicon::has(c, QStringLiteral("action.raise")));
    if (!lexicon::has(c, QStringLiteral("target.clip_sound")) &&
        !has(c, "\\bquieter\\b|\\blouder\\b|大声|小声") && !clipTurned)
        return std::nullopt;
    double gain = findPercent(c);
    // "turn the volume up 20%", "lower it by 6 dB", "音量降低20%": a change by that much, not
    // the new level ("volume 80%", "turn it up to 80%" are levels).
    static const RX byRx(QStringLiteral(
        "(?:\\bby|\\bup|\\bdown|提高|增加|降低|减少|调大|调小|加大|减小)了?\\s*(\\d+(?:\\.\\d+)?)"
        "\\s*(%|percent|db)|"
        "(\\d+(?:\\.\\d+)?)\\s*(%|percent|db) (louder|quieter|softer|more|less|higher|lower)\\b"));
    if (const QRegularExpressionMatch by = byRx.match(c); by.hasMatch()) {
        const bool trailing = !by.captured(3).isEmpty();
        const double v = (trailing ? by.captured(3) : by.captured(1)).toDouble();
        const QString unit = trailing ? by.captured(4) : by.captured(2);
        const bool down = trailing ? has(by.captured(5), "quieter|softer|less|lower")
                                   : lexicon::has(c, QStringLiteral("action.lower")) ||
                                         has(by.captured(0), "down|降低|减少|调小|减小");
        const double signedV = down ? -v : v;
        gain = unit == QLatin1String("db") ? std::pow(10.0, signedV / 20.0) : 1.0 + signedV / 100.0;
        gain = std::round(std::clamp(gain, 0.0, 4.0) * 100.0) / 100.0;
    }
    // "把声音提高一倍": up by one time as much, i.e. twice as loud.
    static const RX timesMore(QStringLiteral("(?:提高|增加|加大|调大)了?(\\d+(?:\\.\\d+)?)倍"));
    if (const QRegularExpressionMatch t = timesMore.match(c); gain < 0 && t.hasMatch())
        gain = 1.0 + t.captured(1).toDouble();
    if (gain < 0 && has(c, "音量|\\bvolume\\b"))
        gain = findFactor(c);
    if (gain < 0) {
        const bool lower = lexicon::has(c, QStringLiteral("action.lower"));
        const bool raise = lexicon::has(c, QStringLiteral("action.raise"));
        if (lower && !raise)
            gain = 0.7;
        else if (raise && !lower)
            gain = 1.3;
        else if (lexicon::has(c, QStringLiteral("action.remove")) && !has(c, "noise|hiss|hum|噪"))
            gain = 0; // "remove the audio", "take all the sound out"
        else
            return std::nullopt;
    }
    return op(Op::setVolume(), QJsonObject{{QStringLiteral("gain"), std::clamp(gain, 0.0, 4.0)}});
}

} // namespace

// "mute the second clip", "make clip 3 louder", 把第2段静音: one clip's sound, the others kept.
std::optional<Operation> volume(const QString& c)
{
    std::optional<Operation> o = clipsVolume(c);
    if (o &&
        has(c, "\\b(?:clips?|segments?|shots?)\\b|片段|第\\d+(?:个|段)|最后(?:一|1)?(?:个|段)")) {
        const int clip = plannertext::findOrdinal(c);
        if (clip >= -1)
            o->args.insert(QStringLiteral("clip"), clip);
    }
    return o;
}

} // namespace cw::engine::planner
