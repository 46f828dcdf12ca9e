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

namespace cw::engine {

namespace {

using namespace plannertext;
using namespace planner;

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
    return d;
}

// The main operation of a clause, in priority order: history, the frame-based changes to what
// exists, then the first-version parsers that add things.
std::optional<Operation> mainOperation(const QString& c, const Prepared& p, const Frame& f)
{
    if (const auto o = describeContent(c))
        return o;
    if (const auto o = exportSettings(c, f))
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
    for (auto parse : {cutPauses, transitions, aspect, soundAndLook, arrange, speed, volume})
        if (const auto o = parse(c))
            return o;
    return propose(c);
}

QList<Operation> parseClause(const QString& c, const Prepared& p, Plan& plan)
{
    if (const auto h = history(c)) {
        if (h->name == Op::reset())
            return {*h};
        return QList<Operation>(repeatCount(c), *h);
    }
    if (negated(c))
        return {};
    if (const lexicon::Decline* d = declineOf(c)) {
        plan.declined << Declined{c, d->id, d->need, d->en, d->zh};
        return {};
    }
    const Frame f = readFrame(c);
    const std::optional<Operation> main = mainOperation(c, p, f);
    if (!main) {
        // "add a title" with no words: ask for them rather than invent a title.
        if (f.addVerb &&
            (f.target == QLatin1String("title") || f.target == QLatin1String("lower_third") ||
             f.target == QLatin1String("caption") || f.target == QLatin1String("text")))
            plan.declined << Declined{c, QStringLiteral("text"), QStringLiteral("text"),
                                      QStringLiteral("a text with no words given"),
                                      QStringLiteral("没有给出文字的标题")};
        return {};
    }
    QList<Operation> ops{*main};
    // One clause may carry a second request: "a 30-second Instagram Reel" is a frame and a
    // length, "cut the pauses for TikTok" a cut and a frame.
    if (main->name == Op::setAspect()) {
        if (const auto len = targetLength(c))
            ops << *len;
    } else if (main->name != Op::exportSettings() && main->name != Op::targetLength() &&
               main->name != Op::describe()) {
        if (const auto frame = platformAspect(c))
            ops << *frame;
    } else if (main->name == Op::targetLength()) {
        if (const auto frame = aspect(c))
            ops.prepend(*frame);
    }
    return ops;
}

// "don't crop" / "no ducking" after a comma modify the operation before them.
bool applyModifier(const QString& c, QList<Operation>& ops)
{
    if (ops.isEmpty())
        return false;
    Operation& last = ops.last();
    if (last.name == Op::setAspect() && dontCrop(c)) {
        last.args.insert(QStringLiteral("mode"), QStringLiteral("blur"));
        return true;
    }
    if (last.name == Op::addMusic()) {
        if (has(c, "\\bno duck|without duck|don'?t duck|do not duck|不要闪避|不闪避")) {
            last.args.insert(QStringLiteral("duck"), false);
            return true;
        }
        const double v = findPercent(c);
        if (v >= 0 && has(c, "^(?:at |volume )?[\\d.]+\\s*%(?: volume)?$|^音量[\\d.]+%$")) {
            last.args.insert(QStringLiteral("volume"), std::clamp(v, 0.0, 1.0));
            return true;
        }
    }
    return false;
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
    const Prepared p = prepare(message);
    const QStringList clauses = splitClauses(p.text);
    // "yes" / "go ahead" / 好的 answer the engine's last question; "no" / 算了 drop it. Only a
    // whole message (or its first clause, before more requests) is read that way, so "no
    // music" or "ok, add a title" keep their meaning.
    if (!clauses.isEmpty() && lexicon::whole(clauses.first(), QStringLiteral("confirm")))
        plan.operations << op(Op::confirm());
    else if (clauses.size() == 1 && lexicon::whole(clauses.first(), QStringLiteral("cancel")))
        plan.operations << op(Op::cancel());
    if (!plan.operations.isEmpty() && clauses.size() == 1)
        return plan;
    QList<Operation> summaries;
    for (qsizetype i = plan.operations.isEmpty() ? 0 : 1; i < clauses.size(); ++i) {
        const QString& clause = clauses.at(i);
        if (plan.operations.size() >= kMaxOperations)
            break;
        if (applyModifier(clause, plan.operations))
            continue;
        QList<Operation> ops = parseClause(clause, p, plan);
        if (ops.isEmpty() && !plan.operations.isEmpty() && !negated(clause) &&
            (plan.operations.last().name == Op::removeRange() ||
             plan.operations.last().name == Op::keepRange())) {
            // "cut the first 5 seconds and the last 3 seconds": the verb carries over.
            const Range r = findRange(clause);
            if (r.found()) {
                QJsonObject args;
                putRange(args, r);
                ops << op(plan.operations.last().name, args);
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
        plan.operations += ops;
    }
    if (plan.operations.isEmpty() && !summaries.isEmpty())
        plan.operations << summaries.first();
    if (plan.operations.isEmpty())
        plan.suggestions = suggestionsFor(p.text, plan.chinese);
    return plan;
}

} // namespace cw::engine
