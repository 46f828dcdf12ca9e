// The planner. The message is prepared (quotes lifted out, numbers normalised; see
// PlannerText.h), split into clauses ("cut the pauses, add music and a title" -> three), and
// each clause is read by parseClause (PlannerClause.cpp). This file looks across clauses: an
// answer to a question ("yes", 算了), corrections ("no, 10 seconds"), modifiers that adjust the
// operation before them ("don't crop", "no ducking"), a verb or a stretch that carries over to
// the next clause, exclusions, and the notes for what was not understood. "summary" is only
// planned when no edit is, since 时间线 and "timeline" also occur inside edits. When nothing is
// recognised the plan carries 2-3 suggested phrasings related to the message.
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
        cutPauses(),      removeRange(),    keepRange(),      splitAt(),    deleteClip(),
        moveClip(),       setSpeed(),       setVolume(),      addMusic(),   addText(),
        addTransitions(), setAspect(),      setLoudness(),    denoise(),    setLook(),
        addIntro(),       addBroll(),       undo(),           redo(),       reset(),
        summary(),        setMusicVolume(), removeMusic(),    editText(),   removeText(),
        removeIntro(),    targetLength(),   exportSettings(), propose(),    confirm(),
        cancel(),         describe(),       fadeIn(),         fadeOut(),    addLogo(),
        setVoiceOver(),   reverse(),        freezeFrame(),    loop(),       zoom(),
        addPip(),         splitScreen(),    stabilise(),      cleanAudio(), removeLogo(),
        splitScenes(),    removeScene(),    removeLayout(),   montage(),    audiogram(),
        shorts()};
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
    p.text = lexicon::fixTypos(p.text);
    const qint64 sourceMs = sourceLength(p.text); // before restateScope drops it
    p.text = restateScope(p.text);
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
    QStringList pendingCorrection; // words after a "no" that changed nothing (yet)
    QString lastStep;
    QString lastStepClause;
    qsizetype addedFrom = -1; // the first operation the clause before added
    qsizetype madeAt = -1;    // the last clause that made operations, and their names
    QStringList madeNames;
    // A reading of words on their own, for the passes that try clauses together: no
    // operations when any part of them is declined.
    auto trial = [&](const QString& text) {
        Plan scratch;
        QString target = lastTarget;
        const QList<Operation> out = parseClause(text, p, scratch, &target);
        return scratch.declined.isEmpty() ? out : QList<Operation>();
    };
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
                corrected(words, correction, plan.operations.last(), trial);
            if (fixed.isEmpty()) {
                pendingCorrection << words; // chatter between the "no" and the new words
                continue;
            }
            pendingCorrection.clear();
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
        // "speed it up 2x, hmm make it 1.25x instead": said again, it replaces (PlannerFollowUp).
        if (const QString again = insteadWords(clause);
            !again.isEmpty() && !plan.operations.isEmpty()) {
            const QList<Operation> out = trial(again);
            auto same = out.size() == 1
                            ? std::find_if(
                                  plan.operations.rbegin(), plan.operations.rend(),
                                  [&out](const Operation& x) { return x.name == out.first().name; })
                            : plan.operations.rend();
            if (same != plan.operations.rend()) {
                *same = out.first();
                continue;
            }
        }
        if (applyModifier(clause, p, plan.operations))
            continue;
        if (montageEdit(clause, plan.operations)) // PlannerMontage.cpp: before the declines
            continue;
        if (shortsEdit(clause, plan.operations)) // PlannerShorts.cpp: before the "pieces" decline
            continue;
        if (sceneEdit(clause, plan.operations)) // PlannerScene.cpp: before the "scenes" decline
            continue;
        if (reframeEdit(clause, plan.operations)) // PlannerReframe.cpp
            continue;
        if (audiogramEdit(clause, p, plan.operations)) // PlannerAudiogram.cpp
            continue;
        if (fastEdit(clause, plan.operations)) // PlannerFast.cpp: fast export (keep the codec)
            continue;
        if (sizeEdit(clause, plan.operations)) // PlannerSize.cpp: before the "output" decline
            continue;
        // "dividing a 12-minute file into 3 parts", "it's 4:20 long, split it every minute": with
        // the length said, the splits are known; without it the clause is declined below.
        if (const QList<Operation> splits = splitsFor(clause, sourceMs); !splits.isEmpty()) {
            // "it's a 12-minute file" said the length the splits used: it was understood.
            plan.unrecognized.removeIf([](const QString& u) {
                return has(u, "^(?:so |and )?(?:it'?s|this is|i have|i'?ve got|(?:the|my|this) "
                              "(?:video|clip|file|recording) is|这是|这个是|这段是)\\b");
            });
            addedFrom = plan.operations.size();
            plan.operations << splits.mid(0, kMaxOperations - plan.operations.size());
            continue;
        }
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
            const QList<Operation> out =
                trial(QStringLiteral("remove ") + clause.mid(excluded.capturedEnd()).trimmed());
            if (out.size() == 1 && out.first().name == Op::removeRange()) {
                plan.unrecognized.removeAll(clauses.at(i - 1));
                addedFrom = plan.operations.size();
                plan.operations << out;
                continue;
            }
        }
        addedFrom = -1;
        // "加个音效，声音大一点", "add a voiceover, make it louder": a level said right after a
        // declined sound is that sound's, not the clips'.
        const bool afterDeclinedSound =
            i > 0 && !plan.declined.isEmpty() && plan.declined.last().clause == clauses.at(i - 1) &&
            has(plan.declined.last().id, "^(?:sound_fx|voiceover|voice|song)$");
        QList<Operation> ops = parseClause(clause, p, plan, &lastTarget, clauses.size() == 1);
        // "最后20秒太拖了，加速": the stretch complained about is where the next request acts.
        if (const QString scene = complaintScene(clause);
            !scene.isEmpty() && i + 1 < clauses.size()) {
            const QList<Operation> next = trial(clauses.at(i + 1));
            const QList<Operation> together = trial(scene + QLatin1Char(' ') + clauses.at(i + 1));
            if (!next.isEmpty() && next.first().name != Op::removeRange() &&
                next.first().name != Op::keepRange() && together.size() == next.size()) {
                ops = together;
                ++i;
            }
        }
        if (afterDeclinedSound && ops.size() == 1 && ops.first().name == Op::setVolume() &&
            !has(clause, "人声|说话|视频|原声|\\bvoice|\\bvideo|\\bclip|\\bmy\\b")) {
            plan.unrecognized << clause;
            continue;
        }
        // "there's a long pause around 4:20, get rid of it": the verb comes after the thing.
        // "there's a gap at 0:31, take it out": the pronoun inside the verb.
        static const RX pointBack(
            QStringLiteral("^(?:just |please |so |and )?(?:can you |could you )?(?:(get rid "
                           "of|cut|remove|delete|trim|drop|kill|lose|take out) "
                           "(?:just |only )?(?:it|that|them|those|this)|(take|cut|chop|edit|get) "
                           "(?:it|that|them|those|this) out)\\b"));
        const QRegularExpressionMatch back =
            i + 1 < clauses.size() ? pointBack.match(clauses.at(i + 1)) : QRegularExpressionMatch();
        const QString backVerb = back.captured(1).isEmpty()
                                     ? back.captured(2) + QStringLiteral(" out")
                                     : back.captured(1);
        const bool declinedHere = !plan.declined.isEmpty() && plan.declined.last().clause == clause;
        if (ops.isEmpty() && back.hasMatch() && !negated(clause)) {
            ops = trial(backVerb + QLatin1Char(' ') + clause);
            if (!ops.isEmpty())
                ++i;
        }
        // "keep the intro, remove the outro", "leave the first 10 seconds alone": a clause that
        // keeps something is a request of its own, never the scene of the next one.
        const bool keeps = lexicon::has(clause, QStringLiteral("action.keep")) ||
                           has(clause, "\\bleave\\b|\\balone\\b|\\buntouched\\b|\\bas (?:it "
                                       "is|is)\\b|别动|不动|保留|留着");
        // "前10秒和最后10秒都剪掉": a stretch named before the clause whose verb covers it.
        // "leave the first 10 seconds alone and cut the rest": the rest goes, the stretch stays.
        if (ops.isEmpty() && !declinedHere && !negated(clause) && i + 1 < clauses.size() &&
            findRange(clause).found()) {
            const QList<Operation> next = trial(clauses.at(i + 1));
            const bool rest = has(clauses.at(i + 1), "\\b(?:the rest|everything else|all else|the "
                                                     "remainder|anything else)\\b|其余|其他|剩下");
            if (keeps && rest && lexicon::has(clauses.at(i + 1), QStringLiteral("action.remove"))) {
                QJsonObject args;
                putRange(args, findRange(clause));
                ops << op(Op::keepRange(), args);
                ++i;
            } else if (!keeps && next.size() == 1 &&
                       (next.first().name == Op::removeRange() ||
                        next.first().name == Op::keepRange())) {
                QJsonObject args;
                putRange(args, findRange(clause));
                ops << op(next.first().name, args);
            }
        }
        // "the title is on screen too long, 2 seconds is plenty" (PlannerFollowUp.cpp).
        if (ops.isEmpty() && i + 1 < clauses.size())
            if (const QString joined = textLengthFollowUp(clause, clauses.at(i + 1));
                !joined.isEmpty())
                if (const QList<Operation> out = trial(joined); !out.isEmpty()) {
                    ops = out;
                    ++i;
                }
        // "中间那段太拖了，加速一下", "the part from 1:00 to 1:20, speed it up": a clause that
        // only sets the scene belongs to the request after it when together they say more.
        if (ops.isEmpty() && !declinedHere && !negated(clause) && !keeps &&
            i + 1 < clauses.size() && !negated(clauses.at(i + 1)) &&
            !exclusion().match(clauses.at(i + 1)).hasMatch()) {
            const QList<Operation> together = trial(clause + QLatin1Char(' ') + clauses.at(i + 1));
            const QList<Operation> alone = trial(clauses.at(i + 1));
            // Only where something happens (a time, a part, a clip) is taken from the scene: "I
            // recorded over 8 minutes" is no pause length, "开头那段" no start for the title after
            // it; "the first clip has no useful sound, mute it" mutes that clip.
            auto onlyWhere = [&] {
                static const QStringList where{QStringLiteral("part"),  QStringLiteral("from_ms"),
                                               QStringLiteral("to_ms"), QStringLiteral("last_ms"),
                                               QStringLiteral("scope"), QStringLiteral("at_ms"),
                                               QStringLiteral("clip")};
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
            } else if (!alone.isEmpty() && complaintOnly(clause) &&
                       together.size() == alone.size() &&
                       together.first().name == alone.first().name) {
                // "太长了，剪到40秒", "the pace drags, make it faster": the reason for the request
                // after it, understood with it (PlannerFollowUp.cpp).
                ops = alone;
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
            "\\s*(?:seconds?|secs?|s|minutes?|mins?|m|秒|分钟))\\s*(?:处|的地方|那里)?(?: too| as "
            "well)?$"));
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
        // "the volume jumps around a lot, can you even it out": the clause before said the
        // request already; this one is only a verb pointing back at it. One that says anything
        // more ("make it purple", "convert it to 1080p") is a request of its own.
        if (ops.isEmpty() && i > 0 && madeAt == i - 1 && !negated(clause) &&
            has(clause, "^(?:and |so |then |just |please |pls |can you |could you |would you )*"
                        "[a-z]+ (?:it|that|them|this)(?: (?:out|up|down|off|away))?(?: please| "
                        "for me| pls)?$")) {
            QStringList names;
            for (const Operation& o : trial(clauses.at(i - 1) + QLatin1Char(' ') + clause))
                names << o.name;
            if (!names.isEmpty() && names == madeNames)
                continue;
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
        // "保留前10秒的原声", "keep the audio of the first 10 seconds": the sound of a stretch,
        // which is no stretch of the video either.
        const bool soundOf =
            named == QLatin1String("clip_sound") &&
            has(clause,
                "\\b(?:keep|remove|cut|delete|trim)\\s+(?:only )?(?:the |my )?(?:audio|sound|"
                "voice)\\b|的(?:原声|声音|人声|音频)(?:$|[，。,.])|(?:保留|去掉|删掉|删除).{0,8}的?"
                "(?:原声|"
                "人声|声音)$");
        const bool otherTrack = (named == QLatin1String("music") || isText(named) || soundOf) &&
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
        madeAt = i;
        madeNames.clear();
        for (const Operation& o : ops)
            madeNames << o.name;
        for (const Operation& o : ops) {
            const bool repeat = o.name == Op::undo() || o.name == Op::redo();
            const bool seen = std::any_of(
                plan.operations.cbegin(), plan.operations.cend(),
                [&o](const Operation& x) { return x.name == o.name && x.args == o.args; });
            if (repeat || !seen)
                plan.operations << o;
        }
    }
    // "make it black and white, actually sepia": a correction that was never understood leaves
    // the request it corrects undone, and says so, instead of making what was taken back.
    if (correction.active && !pendingCorrection.isEmpty() && !plan.operations.isEmpty() &&
        plan.operations.last().name != Op::confirm() &&
        plan.operations.last().name != Op::cancel()) {
        plan.operations.removeLast();
        plan.unrecognized << correction.lastClause + QStringLiteral(" → ") +
                                 pendingCorrection.join(QStringLiteral(", "));
    }
    // "发抖音用的，横屏素材改成9:16竖屏": the platform said as what the video is for names the
    // frame made elsewhere in the message (it made no frame of its own).
    for (const QString& u : plan.unrecognized)
        if (const lexicon::Platform* pf = lexicon::findPlatform(u))
            for (Operation& o : plan.operations)
                if (o.name == Op::setAspect() && !o.args.contains(QStringLiteral("platform")) &&
                    o.args.value(QStringLiteral("ratio")).toString() == pf->ratio)
                    o.args.insert(QStringLiteral("platform"), pf->id);
    montageAlone(plan, clauses); // PlannerMontage.cpp
    finish(plan, p);
    if (plan.operations.isEmpty() && !summaries.isEmpty())
        plan.operations << summaries.first();
    if (plan.operations.isEmpty())
        plan.suggestions = suggestionsFor(p.text, plan.chinese);
    return plan;
}

} // namespace cw::engine
