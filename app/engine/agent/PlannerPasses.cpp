// Passes of the planner over a whole message (see Planner.cpp): clauses that only add detail
// to the operation before them, corrections ("no wait, 10 s"), and the readings that need
// every clause at once (advice, repeated levels, kept stretches, a loose threshold).
#include "agent/PlannerParts.h"
#include "edit/TextLook.h"

#include <QRegularExpression>
#include <algorithm>
#include <functional>

namespace cw::engine::planner {

using RX = QRegularExpression;
using namespace plannertext;

// A clause that only adds detail to the operation before it: "don't crop", "no ducking",
// "at 20%", "half a second each", "move it to the top left", "make it last 4 seconds",
// 超过0.8秒的就剪, 写「2024年度总结」.
bool applyModifier(const QString& c, const Prepared& p, QList<Operation>& ops)
{
    if (ops.isEmpty())
        return false;
    Operation& last = ops.last();
    auto set = [&last](const char* key, const QJsonValue& v) {
        last.args.insert(QLatin1String(key), v);
        return true;
    };
    const QString& n = last.name;
    if (n == Op::setAspect() && dontCrop(c))
        return set("mode", QStringLiteral("blur"));
    const bool noOtherVerb = !has(c, "\\b(?:add|cut|remove|delete|make it|change|use|put|insert)\\b"
                                     "|添加|加上|删|剪掉|去掉|改成") ||
                             has(c, "\\b(?:it|that|them)\\b|它");
    // "add music, make it calm", "配乐，要欢快一点的": the mood of the music just added.
    static const RX moodRx(QStringLiteral(
        "^(?:and |but )?(?:make it |keep it |something |go |要|来点)?(?:more |a bit |1点|一点)?"
        "(calm|chill|relaxing|soft|upbeat|energetic|happy|lo-?fi|cinematic|epic|dramatic|舒缓|轻松|"
        "安静|柔和|温柔|抒情|"
        "欢快|动感|轻快|大气)(?:一点|1点|些|的)*(?: (?:one|music|please|vibes?))?$"));
    if (n == Op::addMusic() && !last.args.contains(QStringLiteral("mood")))
        if (const QRegularExpressionMatch m = moodRx.match(c); m.hasMatch()) {
            const QString w = m.captured(1);
            return set("mood",
                       has(w, "lo-?fi")                                  ? QStringLiteral("lofi")
                       : has(w, "upbeat|energetic|happy|欢快|动感|轻快") ? QStringLiteral("upbeat")
                       : has(w, "cinematic|epic|dramatic|大气") ? QStringLiteral("cinematic")
                                                                : QStringLiteral("calm"));
        }
    if (n == Op::addMusic() || n == Op::setMusicVolume()) {
        if (n == Op::addMusic() &&
            has(c, "\\bno duck|without duck|don'?t duck|do not duck|\\b(?:don'?t|do not|never) "
                   "(?:lower|dip|reduce|duck|turn down) (?:it|the music|the song)(?: down)? "
                   "(?:when|while|whenever|during)\\b|不要闪避|不闪避|"
                   "不要(?:把音乐)?压(?:下去|低)|(?:别|不要).{0,4}压(?:低|下)|不要压"))
            return set("duck", false);
        // "music at 20% and duck it under my voice": the music ducks under speech already.
        if (has(c, "^(?:and |but )?(?:duck|dip) (?:it|the music|the song)(?: (?:under|below|"
                   "beneath|for|when|while) [a-z ]{1,30})?$"))
            return true;
        const double v = findPercent(c);
        if (v >= 0 && noOtherVerb && !lexicon::has(c, QStringLiteral("target.title"))) {
            if (n == Op::setMusicVolume())
                last.args.remove(QStringLiteral("factor"));
            return set("volume", std::clamp(v, 0.0, 1.0));
        }
    }
    // "put my logo top right, 30% transparent", 加上logo，透明度80%: how see-through it is.
    if (n == Op::addLogo() && !last.args.contains(QStringLiteral("opacity")) && noOtherVerb &&
        c.size() <= 40)
        if (const double o = opacityOf(c); o > 0)
            return set("opacity", o);
    if ((n == Op::setVolume() || n == Op::setMusicVolume()) && findPercent(c) < 0 &&
        !lexicon::has(c, QStringLiteral("target.music")) &&
        !lexicon::has(c, QStringLiteral("target.clip_sound")) &&
        has(c,
            "^(?:just |please |and )?(?:调大|调小|大[1一]?(?:些|点)|小[1一]?(?:些|点)|再大|再小)|"
            "^(?:just |please |and |so )?(?:make it |turn it )?(?:(?:a )?(?:bit|little|touch|tad) "
            "|slightly |much |way )?(?:louder|quieter|softer|up|down)(?: please)?$")) {
        // "人声太小了，调大一些", "the music is too quiet, a bit louder": said twice, done once,
        // by the amount the second wording says.
        const double factor = last.args.value(QStringLiteral("factor")).toDouble(0);
        if (factor > 0 && lexicon::has(c, QStringLiteral("degree.slight")))
            last.args.insert(QStringLiteral("factor"), factor > 1 ? 1.25 : 0.75);
        return true;
    }
    if (n == Op::addTransitions() && !last.args.contains(QStringLiteral("duration_ms")) &&
        has(c, "^(?:maybe |like |say |roughly |approximately |of |about |around |at |each |every "
               "|with )?"
               "(?:[\\d.]+\\s*(?:seconds?|secs?|s|ms|"
               "milliseconds?|秒|毫秒))(?: each| long| apiece| or so|ish)?"
               "(?:就行|就好|就可以|左右|吧)?$|^每个?[\\d.]+秒$")) {
        const qint64 d = findDuration(c);
        return d > 0 && set("duration_ms", std::clamp<qint64>(d, 100, 5000));
    }
    if (n == Op::setSpeed() && !last.args.contains(QStringLiteral("from_ms")) &&
        !last.args.contains(QStringLiteral("last_ms")) &&
        !last.args.contains(QStringLiteral("part")) &&
        has(c, "^(?:from |between |for |over |during "
               ")?[\\d:.]+\\s*(?:s|sec|seconds)?\\s*(?:-|to|until|till|到|至)\\s*[\\d:.]+")) {
        const Range r = findRange(c);
        if (r.found()) {
            putRange(last.args, r);
            return true;
        }
    }
    if (n == Op::exportSettings() && !last.args.contains(QStringLiteral("resolution")))
        for (const char* res : {"4k", "1080p", "720p"})
            if (lexicon::whole(c, QStringLiteral("resolution.") + QLatin1String(res)))
                return set("resolution", QLatin1String(res));
    if (n == Op::cutPauses() && !last.args.contains(QStringLiteral("min_pause_ms")) &&
        has(c, "longer than|over|more than|at least|超过|以上|大于|多于") && noOtherVerb) {
        const qint64 d = findDuration(c);
        return d > 0 && set("min_pause_ms", std::clamp<qint64>(d, 100, 60000));
    }
    if ((n == Op::addIntro() || n == Op::addText()) && quoteIndex(c) >= 0 &&
        quoteIndex(c) < p.quotes.size() &&
        has(c, "^(?:写|标题|叫|名为|题为|内容是|写上|saying|says|"
               "that says|called|titled|reading)")) {
        return set(n == Op::addIntro() ? "title" : "text", p.quotes.at(quoteIndex(c)));
    }
    if ((n == Op::addText() || n == Op::editText()) && noOtherVerb &&
        has(c, "^(?:and )?(?:then "
               ")?(?:顺便|然后|再|并且?|also "
               ")?(?:move|put|place|make|keep|have|let|show|start|lasting|stay|stays|remain|"
               "last|持续|显示|停留|放在|放到|移到|挪到|往|从|starting|from)|\\b(?:it|that)\\b|^(?:"
               "在|于)?(?:左上|右上|左下|右下|顶部|底部|上方|"
               "下方)")) {
        const Frame f = readFrame(c);
        bool changed = false;
        if (!f.position.isEmpty())
            changed = set("position", f.position);
        if (f.durationMs > 0)
            changed = set("duration_ms", f.durationMs);
        static const RX startRx(
            QStringLiteral("^(?:starting (?:at|from)|start(?:ing)? at|from|从|在)\\s*"
                           "(\\d{1,2}:\\d{2}(?:\\.\\d{1,3})?|\\d+(?:\\.\\d+)?\\s*(?:seconds?|"
                           "secs?|s|秒))\\s*(?:开始|出现|on)?$"));
        const QRegularExpressionMatch st = startRx.match(c);
        if (st.hasMatch())
            changed = set("start_ms", parseTimeToken(st.captured(1)));
        return changed;
    }
    // "make a highlights version, about a minute and a half"
    if (n == Op::targetLength() && !last.args.contains(QStringLiteral("target_ms")) &&
        noOtherVerb) {
        const qint64 d = findDuration(c);
        if (d > 0 && has(c, "^(?:about |around |roughly |maybe |like |approximately |say "
                            "|大概|大约|差不多)?[\\d.:]+"))
            return set("target_ms", d);
    }
    // "用 street.mp4 当B-roll，放在第20秒到第40秒"
    if (n == Op::addBroll() && !last.args.contains(QStringLiteral("from_ms")) &&
        !last.args.contains(QStringLiteral("every_ms")) && noOtherVerb) {
        const Range r = findRange(c);
        if (r.found() && r.lastMs < 0 && r.toMs > r.fromMs) {
            set("from_ms", r.fromMs);
            return set("to_ms", r.toMs);
        }
    }
    return refineLength(c, ops) || refineExport(c, ops) || carryScope(c, ops); // PlannerFollowUp
}

// "cut the first 5 s, no wait, 10 s", "split at 1:20, oops I meant 1:02", "加到两倍速，不对，
// 1.5倍就够了": a correction replaces the request before it. The corrected words either plan
// on their own (replacing the last operation of that name) or are a value of the same kind as
// one in the request before (a time, a factor, a level, a resolution, a type), put in its place.

const QRegularExpression& correctionMarker()
{
    static const QRegularExpression rx(QStringLiteral(
        "^(?:(?:sorry|oops|actually|i mean|i meant|scratch that|make that|wait|hmm,? no|no,? wait|"
        "wait,? no|no no|correction|my bad|or "
        "rather)\\b|(?:(?:哦|噢|喔|啊|呃|额|唉)[\\s,，]*)+不(?:对|是)?|"
        "不对|不是|我是说|我的意思是|应该是|更正|算了[\\s,，]*还是)[\\s,，:]*(?:i "
        "meant?\\b\\s*|make "
        "(?:it|that)\\s*)?"));
    return rx;
}

bool bareNo(const QString& c)
{
    return has(c, "^(?:no|nope|nah|hmm|hmm no|no no|呃|额|嗯|(?:哦|噢|喔|啊)+不(?:对|是)?)$");
}

// The corrected request, or nothing when the words do not fit the one before.
QList<Operation> corrected(const QString& words, const Correction& k, const Operation& last,
                           const std::function<QList<Operation>(const QString&)>& parse)
{
    // The words alone, when they plan the same kind of thing; when they plan another kind
    // ("转场用擦除，不对，用淡入淡出" is a fade transition, not fades), a value put in the
    // request before comes first.
    const QList<Operation> alone = parse(words);
    if (!alone.isEmpty() && std::any_of(alone.cbegin(), alone.cend(), [&last](const Operation& o) {
            return o.name == last.name;
        }))
        return alone;
    QList<Operation> ops;
    static const QStringList kinds{
        QStringLiteral(
            "\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?|\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s|"
            "minutes?|mins?|ms|秒钟?|分钟|毫秒)(?![a-z])"),
        QStringLiteral("\\d+(?:\\.\\d+)?\\s*(?:x|倍)(?![a-z])"),
        QStringLiteral("\\d+(?:\\.\\d+)?\\s*%"),
        QStringLiteral("\\b(?:4k|1080p|720p)\\b"),
        QStringLiteral("\\b(?:crossfades?|fades?|dissolves?|wipes?|slides?|zooms?)\\b|淡入淡出|"
                       "交叉淡化|擦除|溶解|叠化|滑动|缩放"),
        QStringLiteral("\\b(?:lo-?fi|upbeat|calm|cinematic|chill|relaxing|energetic|happy|epic|"
                       "dramatic)\\b"),
        QStringLiteral("\\b(?:warm|cool|black-white|vivid|cinematic)\\b"),
        QStringLiteral("\\b\\d+(?:\\.\\d+)?\\b")};
    for (const QString& kind : kinds) {
        const QRegularExpression rx(kind);
        const QRegularExpressionMatch now = rx.match(words);
        const QRegularExpressionMatch before = rx.match(k.lastClause);
        if (!now.hasMatch() || !before.hasMatch())
            continue;
        QString fixed = k.lastClause;
        fixed.replace(before.capturedStart(), before.capturedLength(), now.captured(0));
        ops = parse(fixed);
        if (!ops.isEmpty() && ops.first().name == last.name)
            return ops;
    }
    return alone;
}

// Whole-message readings after the clauses: a request for advice is answered with a
// proposal only; a proposal gives way to any concrete edit; a loudness threshold said in a
// clause of its own ("below -40 dB counts as silence") belongs to the pause cut.
void finish(Plan& plan, const Prepared& p)
{
    if (lexicon::has(p.text, QStringLiteral("advice"))) {
        plan.operations = {op(Op::propose())};
        plan.unrecognized.clear();
        return;
    }
    QList<Operation>& ops = plan.operations;
    // Export settings are no edit: "edit my video into a 1080p mp4" keeps its proposal.
    const bool edits = std::any_of(ops.cbegin(), ops.cend(), [](const Operation& o) {
        return o.name != Op::propose() && o.name != Op::exportSettings();
    });
    if (ops.size() > 1 && edits)
        ops.erase(std::remove_if(ops.begin(), ops.end(),
                                 [](const Operation& o) { return o.name == Op::propose(); }),
                  ops.end());
    // "the music is louder than the voice, lower it a bit": one change, the later wording
    // refining the earlier (a frame keeps the platform it was named for).
    for (qsizetype i = ops.size() - 1; i > 0; --i) {
        const QString& n = ops.at(i).name;
        const bool sameText =
            n == Op::editText() && ops.at(i).args.value(QStringLiteral("style")) ==
                                       ops.at(i - 1).args.value(QStringLiteral("style"));
        if (n != ops.at(i - 1).name ||
            (n != Op::setMusicVolume() && n != Op::setVolume() && n != Op::setAspect() &&
             n != Op::setLook() && n != Op::targetLength() && n != Op::exportSettings() &&
             !sameText))
            continue;
        // A frame, a length and a text edit gather what each wording added; a level or a look
        // is the last one said.
        const bool gather = n == Op::setAspect() || n == Op::targetLength() ||
                            n == Op::exportSettings() || sameText;
        QJsonObject merged = gather ? ops.at(i - 1).args : QJsonObject();
        for (auto it = ops.at(i).args.begin(); it != ops.at(i).args.end(); ++it)
            merged.insert(it.key(), it.value());
        ops[i].args = merged;
        ops.removeAt(i - 1);
    }
    // "add a title 'Hi' and make it red": the look goes into the new text.
    for (qsizetype i = ops.size() - 1; i > 0; --i) {
        const QJsonObject& look = ops.at(i).args;
        const QJsonObject& added = ops.at(i - 1).args;
        const QString style = look.value(QStringLiteral("style")).toString();
        if (ops.at(i).name != Op::editText() || ops.at(i - 1).name != Op::addText() ||
            (!style.isEmpty() &&
             style != added.value(QStringLiteral("style")).toString(QStringLiteral("title"))))
            continue;
        QJsonObject merged = added;
        bool lookOnly = true;
        for (auto it = look.begin(); it != look.end() && lookOnly; ++it) {
            if (it.key() == QLatin1String("style"))
                continue;
            lookOnly = !textLookFromArgs(QJsonObject{{it.key(), it.value()}}).empty();
            merged.insert(it.key(), it.value());
        }
        if (!lookOnly)
            continue;
        ops[i - 1].args = merged;
        ops.removeAt(i);
    }
    // "I only want 0-10 s and 20-31 s": two kept stretches are the gaps between them removed.
    QList<QPair<qint64, qint64>> kept;
    for (const Operation& o : ops)
        if (o.name == Op::keepRange() && o.args.value(QStringLiteral("from_ms")).toInteger(-1) >= 0)
            kept.append({o.args.value(QStringLiteral("from_ms")).toInteger(),
                         o.args.value(QStringLiteral("to_ms")).toInteger()});
    if (kept.size() >= 2) {
        std::sort(kept.begin(), kept.end());
        const qsizetype at =
            std::find_if(ops.cbegin(), ops.cend(),
                         [](const Operation& o) { return o.name == Op::keepRange(); }) -
            ops.cbegin();
        ops.erase(std::remove_if(ops.begin(), ops.end(),
                                 [](const Operation& o) { return o.name == Op::keepRange(); }),
                  ops.end());
        QList<Operation> gaps;
        qint64 from = 0;
        for (const auto& k : kept) {
            if (k.first > from)
                gaps << op(Op::removeRange(), QJsonObject{{QStringLiteral("from_ms"), from},
                                                          {QStringLiteral("to_ms"), k.first}});
            from = k.second < 0 ? -1 : std::max(from, k.second);
            if (from < 0)
                break;
        }
        if (from >= 0)
            gaps << op(Op::removeRange(), QJsonObject{{QStringLiteral("from_ms"), from},
                                                      {QStringLiteral("to_ms"), -1}});
        for (qsizetype g = 0; g < gaps.size(); ++g)
            ops.insert(std::min(at + g, ops.size()), gaps.at(g));
    }
    // Muting every clip makes noise reduction moot ("no audio at all, it only has noise").
    const bool muted = std::any_of(ops.cbegin(), ops.cend(), [](const Operation& o) {
        return o.name == Op::setVolume() && o.args.value(QStringLiteral("gain")).toDouble(1) == 0;
    });
    if (muted)
        ops.erase(std::remove_if(ops.begin(), ops.end(),
                                 [](const Operation& o) { return o.name == Op::denoise(); }),
                  ops.end());
    for (Operation& o : ops) {
        if (o.name != Op::cutPauses() || o.args.contains(QStringLiteral("threshold_db")))
            continue;
        for (qsizetype i = 0; i < plan.unrecognized.size(); ++i) {
            const double db = findDb(plan.unrecognized.at(i));
            if (db < 0) {
                o.args.insert(QStringLiteral("threshold_db"), db);
                plan.unrecognized.removeAt(i);
                break;
            }
        }
    }
}

} // namespace cw::engine::planner
