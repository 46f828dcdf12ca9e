// Fades of the whole video (or of one clip, the music or the video's own sound) from and to
// black or white: "fade in at the start and fade out at the end", "a 2-second fade to white",
// "fade the music out over the last 3 seconds", 片头淡入，片尾淡出, 背景音乐淡入淡出. The
// words are lists of resources/agent/lexicon.json ("fade.*"). A fade between clips (a crossfade,
// "fade transitions between the clips", 淡入淡出的转场) is a transition and is left to that
// parser; a text's fade is an animation, declined by name ("fade_text").
#include "agent/PlannerParts.h"

#include <QRegularExpression>
#include <algorithm>

namespace cw::engine::planner {

namespace {

using namespace plannertext;

struct Said {
    qsizetype at = 0;
    qsizetype end = 0;
    bool in = false;
    bool out = false;
};

// Every fade said, in the order said: "fade in/out" and 淡入淡出 are both, and a phrase inside
// one already taken is not read again.
QList<Said> fadesSaid(const QString& c)
{
    QList<Said> all;
    for (const char* list : {"fade.both", "fade.in", "fade.out"}) {
        const QString name = QLatin1String(list);
        for (qsizetype from = 0; from < c.size();) {
            const QRegularExpressionMatch m = lexicon::find(c, name, from);
            if (!m.hasMatch())
                break;
            const qsizetype at = m.capturedStart();
            const qsizetype end = std::max(m.capturedEnd(), at + 1);
            const bool taken = std::any_of(all.cbegin(), all.cend(),
                                           [&](const Said& s) { return at < s.end && end > s.at; });
            if (!taken)
                all << Said{at, end, name != QLatin1String("fade.out"),
                            name != QLatin1String("fade.in")};
            from = end;
        }
    }
    std::sort(all.begin(), all.end(), [](const Said& a, const Said& b) { return a.at < b.at; });
    return all;
}

// How long a fade lasts, from the part of the clause that belongs to it: "a 2-second fade",
// "over the last 3 seconds", "during the first 2 seconds", 淡出3秒. -1 when not said.
qint64 lengthSaid(const QString& part)
{
    const Range r = findRange(part);
    if (r.lastMs > 0)
        return r.lastMs;
    if (r.fromMs == 0 && r.toMs > 0)
        return r.toMs;
    static const QRegularExpression length(QStringLiteral(
        "(\\d+(?:\\.\\d+)?)\\s*(?:seconds?|secs?|s|ms|milliseconds?|秒钟?|毫秒)(?![a-z])"));
    const QRegularExpressionMatch m = length.match(part);
    if (!m.hasMatch() || r.found())
        return -1;
    const qint64 ms = parseTimeToken(m.captured(0));
    return ms > 0 ? std::min<qint64>(ms, 60000) : -1;
}

// A clip named in words that say it is a clip ("the second clip", 第2段), not a part of the
// video ("the last part").
int clipSaid(const QString& part)
{
    if (!has(part,
             "\\b(?:clips?|segments?|shots?|scenes?)\\b|片段|镜头|第\\d+(?:个|段)|最后(?:一|1)?"
             "(?:个|段)"))
        return -2;
    return findOrdinal(part);
}

} // namespace

bool noFade(const QString& c)
{
    return has(c, "^(?:please |and |but )?(?:no|without)(?: a| any| the)? (?:[\\w-]+ "
                  ")?fad|^(?:请)?不要.{0,8}(?:淡入|淡出|渐显|渐隐|渐入|渐出|黑场|白场).{0,4}了$");
}

std::optional<FadeReading> fades(const QString& c, const Frame& f, const QString& lastTarget)
{
    if (!lexicon::has(c, QStringLiteral("fade.word")))
        return std::nullopt;
    // A text's fade is an animation (declined by name); a fade between the clips a transition.
    if (const lexicon::Decline* d = lexicon::findDecline(c);
        d && d->id == QLatin1String("fade_text"))
        return std::nullopt;
    QList<Said> said = fadesSaid(c);
    const bool both =
        std::any_of(said.cbegin(), said.cend(), [](const Said& s) { return s.in && s.out; });
    // "转场用淡入淡出", "fade in and out transitions": both ways at once, said of the
    // transitions, is the fade transition; so is a fade "on the downbeats" (重拍加淡入淡出): a
    // downbeat is a cut of a montage, not the start or end of the video.
    if ((both && has(c, "转场|\\btransitions\\b")) ||
        lexicon::has(c, QStringLiteral("montage.downbeats")))
        return std::nullopt;
    if (lexicon::has(c, QStringLiteral("fade.between"))) {
        // "add a fade-in transition" is a fade from black; "fade transitions", "淡入淡出的转场"
        // and anything between the clips are transitions.
        const bool oneWay = said.size() == 1 && !both;
        if (!oneWay || has(c, "\\bbetween\\b|\\bcross|\\bcuts\\b|之间|每段|衔接|交叉|拼"))
            return std::nullopt;
    }
    if (said.isEmpty() && lexicon::has(c, QStringLiteral("fade.bare"))) {
        // "a fade at the end", 结尾加黑场: the place says which fade.
        const QRegularExpressionMatch s = lexicon::find(c, QStringLiteral("fade.start"));
        const QRegularExpressionMatch e = lexicon::find(c, QStringLiteral("fade.end"));
        if (s.hasMatch())
            said << Said{s.capturedStart(), s.capturedEnd(), true, false};
        if (e.hasMatch())
            said << Said{e.capturedStart(), e.capturedEnd(), false, true};
        std::sort(said.begin(), said.end(),
                  [](const Said& a, const Said& b) { return a.at < b.at; });
    }
    // "get rid of the fades", 去掉黑场: every fade there is goes.
    if (said.isEmpty() && lexicon::has(c, QStringLiteral("fade.remove")) &&
        lexicon::has(c, QStringLiteral("fade.bare"))) {
        const QRegularExpressionMatch m = lexicon::find(c, QStringLiteral("fade.bare"));
        said << Said{m.capturedStart(), m.capturedEnd(), true, true};
    }
    if (said.isEmpty()) {
        // "fade the music" with no way or place: which fade is not said (a bare "add fades"
        // stays the transitions it always was).
        if (f.target == QLatin1String("music") || has(c, "\\bfade (?:the |my )?(?:audio|sound)\\b"))
            return FadeReading{};
        return std::nullopt;
    }
    FadeReading r;
    const bool removing = lexicon::has(c, QStringLiteral("fade.remove"));
    QString target;
    // "fade it out", and "add music and fade in/out": a fade said with nothing named right
    // after the music is the music's (not when it names the picture: "fade to black", nor
    // when a fade of its own is added: "turn the music down and add a fade in").
    const bool it = has(c, "\\bfad(?:e|es|ing) (?:it|them)\\b|把它|将它") ||
                    (said.first().at <= 12 && !has(c, "\\b(?:add|put|insert) (?:a |an )?fade") &&
                     !has(c, "\\b(?:video|picture|image|clip|screen|black|white|"
                             "everything|whole)\\b|视频|画面|黑|白|整个") &&
                     !lexicon::has(c, QStringLiteral("fade.sound")));
    if (f.target == QLatin1String("music") || (it && lastTarget == QLatin1String("music")))
        target = QStringLiteral("music");
    else if (lexicon::has(c, QStringLiteral("fade.sound")) &&
             !lexicon::has(c, QStringLiteral("fade.picture")))
        target = QStringLiteral("sound");
    const bool white = target.isEmpty() && lexicon::has(c, QStringLiteral("fade.white"));
    r.at = said.first().at;
    r.rest = c;
    for (qsizetype i = said.size() - 1; i >= 0; --i)
        r.rest.replace(said.at(i).at, said.at(i).end - said.at(i).at, QStringLiteral(" "));
    for (qsizetype i = 0; i < said.size(); ++i) {
        const Said& s = said.at(i);
        // The words that belong to this fade: from the end of the one before to the start of
        // the next ("a 2-second fade in and a 3-second fade out").
        const qsizetype from = i == 0 ? 0 : said.at(i - 1).end;
        const qsizetype to = i + 1 < said.size() ? said.at(i + 1).at : c.size();
        const QString part = c.mid(from, to - from);
        QJsonObject args;
        if (!target.isEmpty())
            args.insert(QStringLiteral("target"), target);
        if (white)
            args.insert(QStringLiteral("color"), QStringLiteral("white"));
        if (removing) {
            args.insert(QStringLiteral("duration_ms"), 0);
        } else if (const qint64 ms = lengthSaid(part); ms > 0) {
            args.insert(QStringLiteral("duration_ms"), ms);
        }
        if (const int clip = clipSaid(part); clip != -2 && target.isEmpty())
            args.insert(QStringLiteral("clip"), clip);
        if (s.in)
            r.ops << op(Op::fadeIn(), args);
        if (s.out)
            r.ops << op(Op::fadeOut(), args);
    }
    // The words that only described the fades go with them: what is left is another request
    // of the same clause ("add music that fades in and out") or nothing.
    static const QRegularExpression described(QStringLiteral(
        "\\b(?:from|to|into) "
        "(?:black|white)\\b|\\bfad(?:e|es|ing|e-ins?|e-outs?)\\b|淡入|淡出|渐入|渐出|渐显|渐隐|"
        "渐强|渐弱|\\b(?:remove|delete|get rid of|take out|cancel|"
        "turn off|disable|no|without)\\b|\\btransitions?\\b|\\beffects?\\b|\\bthat\\b|黑场|白场|"
        "转场|效果|去掉|去除|删除|删掉|取消|不要了|(?:慢慢|逐渐|渐渐)地?(?:变|转)?(?:黑|暗|亮)(?:"
        "起来)?|"
        "\\b(?:slowly|gradually) (?:go|goes|turn|turns) (?:to )?(?:black|dark)\\b"));
    r.rest.replace(described, QStringLiteral(" "));
    r.rest = r.rest.simplified();
    return r;
}

} // namespace cw::engine::planner
