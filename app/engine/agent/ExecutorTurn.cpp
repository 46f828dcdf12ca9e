// The conversation around the edits: one message's times (TurnState), questions the engine
// asks before a removal the user may not have meant, proposals for vague requests ("make it
// better"), and the "yes" / "no" that answer them. What waits for an answer is kept per
// session in memory: a restarted engine forgets it, and the reply to a later "yes" says that
// nothing is waiting, so nothing is ever applied without the words that asked for it.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "Draft.h"
#include "edit/CutPauses.h"
#include "store/Store.h"

#include <algorithm>
#include <limits>

namespace cw::engine {

namespace {

constexpr qint64 kForever = std::numeric_limits<qint64>::max() / 4;

thread_local const TurnState* t_turn = nullptr;
thread_local bool t_zh = false;

} // namespace

CurrentTurn::CurrentTurn(const TurnState* turn, bool zh) : m_previous(t_turn), m_previousZh(t_zh)
{
    t_turn = turn;
    t_zh = zh;
}

CurrentTurn::~CurrentTurn()
{
    t_turn = m_previous;
    t_zh = m_previousZh;
}

AnalysisHooks analysisHooks(const char* en, const char* zh, const QString& file)
{
    AnalysisHooks hooks;
    if (!t_turn)
        return hooks;
    hooks.cancel = t_turn->cancel;
    if (t_turn->progress) {
        const auto report = t_turn->progress;
        const QString what = pick(t_zh, en, zh).arg(file);
        hooks.progress = [report, what](double f) { report(what, f); };
    }
    return hooks;
}

qint64 TurnState::toCurrent(qint64 t) const
{
    qint64 shift = 0;
    for (const auto& r : removed) {
        if (r.first >= t)
            break;
        shift += std::min(t, r.second) - r.first;
    }
    return std::max<qint64>(0, t - shift);
}

qint64 TurnState::toMessage(qint64 t) const
{
    for (const auto& r : removed) {
        if (r.first > t)
            break;
        t += r.second - r.first;
    }
    return t;
}

void TurnState::remember(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return;
    removed.append({fromMs, toMs});
    std::sort(removed.begin(), removed.end());
    QList<QPair<qint64, qint64>> merged;
    for (const auto& r : removed) {
        if (!merged.isEmpty() && r.first <= merged.last().second)
            merged.last().second = std::max(merged.last().second, r.second);
        else
            merged.append(r);
    }
    removed = merged;
}

Operation TurnState::mapped(const Operation& op) const
{
    if (removed.isEmpty())
        return op;
    Operation out = op;
    for (const char* key : {"from_ms", "to_ms", "at_ms", "start_ms"}) {
        const QJsonValue v = op.args.value(QLatin1String(key));
        if (v.isDouble() && v.toDouble() >= 0)
            out.args.insert(QLatin1String(key), toCurrent(qint64(v.toDouble())));
    }
    return out;
}

OpOutcome Executor::run(const QString& sessionId, const Operation& asked, bool zh, TurnState* turn)
{
    TurnState lone;
    if (!turn)
        turn = &lone;
    const QString& n = asked.name;
    // A new message that is not an answer drops any question left open.
    if (!turn->started && n != Op::confirm() && n != Op::cancel())
        takePending(sessionId);
    turn->started = true;
    const CurrentTurn current(turn, zh);
    Operation op = turn->mapped(asked);
    if (!turn->interactive)
        op.args.insert(QStringLiteral("confirmed"), true);
    const bool confirmed = op.args.value(QStringLiteral("confirmed")).toBool();

    OpOutcome out;
    if (n == Op::confirm() || n == Op::cancel())
        return answer(sessionId, n == Op::confirm(), zh, turn);
    if (n == Op::propose())
        return propose(sessionId, zh);
    if (n == Op::describe())
        return describe(sessionId, zh);
    if (n == Op::cutPauses() &&
        (op.args.contains(QStringLiteral("at_ms")) || op.args.contains(QStringLiteral("scope"))))
        out = applyPauseAt(sessionId, op, zh);
    else if (n == Op::cutPauses())
        out = applyCutPauses(sessionId, op, zh);
    else if (n == Op::undo())
        out = moveHead(sessionId, true, zh);
    else if (n == Op::redo())
        out = moveHead(sessionId, false, zh);
    else if (n == Op::reset())
        out = reset(sessionId, zh);
    else if (n == Op::summary())
        out = summary(sessionId, zh);
    else if (n == Op::addIntro())
        out = applyIntro(sessionId, op, zh);
    else if (n == Op::addBroll())
        out = applyBroll(sessionId, op, zh);
    else if (n == Op::fadeIn() || n == Op::fadeOut())
        out = applyFade(sessionId, op, zh);
    else if (n == Op::addLogo())
        out = applyLogo(sessionId, op, zh);
    else if (n == Op::setVoiceOver())
        out = applyVoiceOver(sessionId, op, zh);
    else if (n == Op::addPip() || n == Op::splitScreen() || n == Op::removeLayout())
        out = applyLayout(sessionId, op, zh);
    else if (n == Op::reverse() || n == Op::freezeFrame() || n == Op::loop() || n == Op::zoom())
        out = applyMotion(sessionId, op, zh);
    else if (n == Op::removeLogo())
        out = applyRemoveLogo(sessionId, zh);
    else if (n == Op::cleanAudio())
        out = applyCleanAudio(sessionId, zh);
    else if (n == Op::stabilise())
        out = applyStabilise(sessionId, op, zh);
    else if (n == Op::splitScenes() || n == Op::removeScene())
        out = applyScenes(sessionId, op, zh);
    else if (n == Op::montage())
        out = applyMontage(sessionId, op, zh);
    else if (n == Op::addTransitions() &&
             op.args.value(QStringLiteral("at")).toString() == QLatin1String("downbeats"))
        out = applyDownbeatTransitions(sessionId, op, zh);
    else if (n == Op::audiogram())
        out = applyAudiogram(sessionId, op, zh);
    else if (n == Op::shorts())
        out = applyShorts(sessionId, op, zh);
    else if (n == Op::targetLength())
        out = applyTargetLength(sessionId, op, zh, confirmed);
    else if (n == Op::setMusicVolume() || n == Op::removeMusic() || n == Op::editText() ||
             n == Op::removeText() || n == Op::removeIntro() || n == Op::exportSettings() ||
             (n == Op::setAspect() && op.args.contains(QStringLiteral("platform"))))
        out = applyChange(sessionId, op, zh);
    else
        out = applyEdit(sessionId, op, zh);
    if (out.ok && n == Op::setAspect()) // ExecutorReframe.cpp: what the crop follows
        out.reply += reframeNote(sessionId, zh);

    // Remember what this message removed, in its own times, for the operations after it.
    if (out.ok && !out.response.value(QStringLiteral("pending")).toBool()) {
        const qint64 from = asked.args.value(QStringLiteral("from_ms")).toInteger(-1);
        qint64 to = asked.args.value(QStringLiteral("to_ms")).toInteger(-2);
        if (to == -1)
            to = kForever;
        if (n == Op::removeRange() && from >= 0 && to > from)
            turn->remember(from, to);
        if (n == Op::keepRange() && from >= 0 && to > from) {
            turn->remember(0, from);
            turn->remember(to, kForever);
        }
        // A scene is found in the current timeline: its range goes back to message time.
        const qint64 a = out.response.value(QStringLiteral("from_ms")).toInteger(-1);
        const qint64 b = out.response.value(QStringLiteral("to_ms")).toInteger(-1);
        if (n == Op::removeScene() && a >= 0 && b > a)
            turn->remember(turn->toMessage(a), turn->toMessage(a) + (b - a));
    }
    return out;
}

void Executor::setPending(const QString& sessionId, const QList<Operation>& ops)
{
    std::lock_guard<std::mutex> lock(m_pendingMutex);
    m_pending.insert(sessionId, ops);
}

QList<Operation> Executor::takePending(const QString& sessionId)
{
    std::lock_guard<std::mutex> lock(m_pendingMutex);
    return m_pending.take(sessionId);
}

OpOutcome Executor::ask(const QString& sessionId, const Operation& op, const QString& question)
{
    Operation later = op;
    later.args.insert(QStringLiteral("confirmed"), true);
    setPending(sessionId, {later});
    OpOutcome out;
    out.ok = true;
    out.response = QJsonObject{{QStringLiteral("ok"), true},
                               {QStringLiteral("pending"), true},
                               {QStringLiteral("question"), question}};
    out.reply = question;
    return out;
}

OpOutcome Executor::answer(const QString& sessionId, bool yes, bool zh, TurnState* turn)
{
    const QList<Operation> ops = takePending(sessionId);
    OpOutcome out;
    out.ok = true;
    if (ops.isEmpty()) {
        out.response = QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("applied"), 0}};
        out.reply =
            yes ? pick(zh,
                       "There is nothing waiting for a yes, so nothing was changed. Tell me "
                       "what to do, e.g. \"cut the pauses\".",
                       "没有等待确认的操作，所以没有修改。告诉我要做什么，例如“剪掉停顿”。")
                : pick(zh, "OK, nothing was changed.", "好的，没有做任何修改。");
        return out;
    }
    if (!yes) {
        out.response = QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("applied"), 0}};
        out.reply = pick(zh, "OK, I left the video as it is.", "好的，视频保持原样。");
        return out;
    }
    QStringList replies;
    int applied = 0;
    for (const Operation& op : ops) {
        const OpOutcome one = run(sessionId, op, zh, turn);
        applied += one.ok ? 1 : 0;
        replies << one.reply;
    }
    out.ok = applied > 0;
    out.response =
        QJsonObject{{QStringLiteral("ok"), out.ok}, {QStringLiteral("applied"), applied}};
    out.reply = replies.join(zh ? QString() : QStringLiteral(" "));
    return out;
}

QString Executor::declinedNote(const Plan& plan, bool zh)
{
    QStringList cannot;
    QStringList asks;
    for (const Declined& d : plan.declined) {
        if (d.need == QLatin1String("text")) {
            asks << pick(zh,
                         "What should the text say? Put the words in quotes, e.g. add a "
                         "title 'My Trip' for the first 3 seconds.",
                         "文字写什么？请把内容放在引号里，例如：添加标题「我的旅行」，持续3秒。");
            continue;
        }
        const QString what = zh ? d.zh : d.en;
        if (!what.isEmpty() && !cannot.contains(what))
            cannot << what;
        if (d.need == QLatin1String("logo"))
            asks << pick(zh, "If you have a logo, upload the image so it is ready.",
                         "如果有标志图片，可以先上传备用。");
    }
    QString note;
    if (!cannot.isEmpty())
        note = zh ? QStringLiteral("这里还不能做%1，所以这部分没有修改。")
                        .arg(cannot.join(QStringLiteral("、")))
                  : QStringLiteral("I can't do %1 here yet, so that part was not done.")
                        .arg(cannot.join(QStringLiteral("; ")));
    asks.removeDuplicates();
    for (const QString& a : asks)
        note += (note.isEmpty() || zh ? QString() : QStringLiteral(" ")) + a;
    return note;
}

OpOutcome Executor::propose(const QString& sessionId, bool zh)
{
    const std::optional<DraftVersion> head = m_store.headDraft(sessionId);
    const std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft || !draft->isExportable())
        return failure(pick(zh,
                            "Upload a clip first; then I can suggest an edit (cutting pauses, "
                            "music, loudness).",
                            "请先上传一个片段，然后我可以给出剪辑建议（剪掉停顿、配乐、响度）。"));
    const PauseCutResult pauses = cutPauses(*draft, analysesOf(m_store, sessionId, *draft));
    QList<Operation> plan;
    QStringList en;
    QStringList cn;
    if (pauses.pausesRemoved > 0) {
        plan << Operation{Op::cutPauses(), {}};
        en << QStringLiteral("cut %1 pause%2 (-%3 s)")
                  .arg(pauses.pausesRemoved)
                  .arg(pauses.pausesRemoved == 1 ? QString() : QStringLiteral("s"))
                  .arg(formatSeconds(pauses.removedMs));
        cn << QStringLiteral("剪掉 %1 处停顿（缩短 %2 秒）")
                  .arg(pauses.pausesRemoved)
                  .arg(formatSeconds(pauses.removedMs));
    }
    if (draft->m.value(QLatin1String("loudness_lufs")).isUndefined()) {
        plan << Operation{Op::setLoudness(), {{QStringLiteral("lufs"), -14.0}}};
        en << QStringLiteral("normalise the loudness to -14 LUFS");
        cn << QStringLiteral("把响度标准化到 -14 LUFS");
    }
    if (!hasMusic(*draft)) {
        plan << Operation{Op::addMusic(), {{QStringLiteral("mood"), QStringLiteral("calm")}}};
        en << QStringLiteral("add a calm music bed that ducks under speech");
        cn << QStringLiteral("加一段有人声时自动压低的舒缓背景音乐");
    }
    OpOutcome out;
    out.ok = true;
    if (plan.isEmpty()) {
        out.response = QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("proposal"), 0}};
        out.reply =
            pick(zh,
                 "The pauses are cut, the loudness is set and there is music already. "
                 "Tell me what else to change, e.g. \"add a title 'My Trip'\" or \"make it "
                 "vertical for TikTok\".",
                 "停顿已剪、响度已设、也已有音乐。告诉我还要改什么，例如“添加标题「我的旅行」”"
                 "或“改成竖屏”。");
        return out;
    }
    setPending(sessionId, plan);
    QString last = en.takeLast();
    const QString list =
        en.isEmpty() ? last : en.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
    out.response = QJsonObject{{QStringLiteral("ok"), true},
                               {QStringLiteral("pending"), true},
                               {QStringLiteral("proposal"), int(plan.size())}};
    out.reply =
        zh ? QStringLiteral("我可以%1。说“好的”就开始，或者告诉我想怎么改。")
                 .arg(cn.join(QStringLiteral("、")))
           : QStringLiteral("I can %1 — say \"go ahead\" to do it, or tell me what to change.")
                 .arg(list);
    return out;
}

OpOutcome Executor::describe(const QString& sessionId, bool zh)
{
    const std::optional<DraftVersion> head = m_store.headDraft(sessionId);
    const std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft || !draft->isExportable())
        return failure(pick(zh, "The timeline is empty: upload a clip to start.",
                            "时间线是空的：上传一个片段开始吧。"));
    // What can be said without watching: length, clips, how much is speech, pauses, music and
    // texts. The content itself (what is said or shown) needs recognition the engine lacks.
    int clips = 0;
    qint64 speechMs = 0;
    qint64 analysedMs = 0;
    int texts = 0;
    const bool music = hasMusic(*draft);
    const QHash<QString, AudioAnalysis> analyses = analysesOf(m_store, sessionId, *draft);
    for (const Track& t : draft->t)
        for (const Segment& s : t.sg) {
            clips += t.tt == 0 ? 1 : 0;
            texts += t.tt == 7 ? 1 : 0;
            const auto found = analyses.constFind(s.src);
            if (t.tt != 0 || found == analyses.cend())
                continue;
            const AudioAnalysis& a = *found;
            const double threshold = adaptiveSilenceThresholdDb(a);
            qint64 silent = 0;
            for (const Interval& i : findSilences(a, threshold, 500))
                silent +=
                    std::max<qint64>(0, std::min(i.endMs, s.in + s.d) - std::max(i.startMs, s.in));
            analysedMs += s.d;
            speechMs += std::max<qint64>(0, s.d - silent);
        }
    const PauseCutResult pauses = cutPauses(*draft, analyses);
    const qint64 length = draft->computedDuration();
    const int speechPct = analysedMs > 0 ? int(100 * speechMs / analysedMs) : -1;
    OpOutcome out;
    out.ok = true;
    out.response = QJsonObject{{QStringLiteral("ok"), true},
                               {QStringLiteral("duration_ms"), length},
                               {QStringLiteral("clips"), clips},
                               {QStringLiteral("speech_percent"), speechPct},
                               {QStringLiteral("pauses"), pauses.pausesRemoved},
                               {QStringLiteral("texts"), texts},
                               {QStringLiteral("music"), music}};
    if (zh)
        out.reply =
            QStringLiteral("这个视频长 %1，有 %2 个片段%3；%4%5%6。我听不懂内容本身，所以无法总结"
                           "讲了什么。")
                .arg(formatClock(length))
                .arg(clips)
                .arg(speechPct >= 0 ? QStringLiteral("，约 %1% 是说话").arg(speechPct) : QString())
                .arg(pauses.pausesRemoved > 0 ? QStringLiteral("有 %1 处可剪的停顿（共 %2 秒）")
                                                    .arg(pauses.pausesRemoved)
                                                    .arg(formatSeconds(pauses.removedMs))
                                              : QStringLiteral("没有明显的停顿"))
                .arg(music ? QStringLiteral("，有背景音乐") : QString())
                .arg(texts > 0 ? QStringLiteral("，有 %1 段文字").arg(texts) : QString());
    else
        out.reply =
            QStringLiteral(
                "The video is %1 long in %2 clip%3%4; %5%6%7. I can't understand what is "
                "said or shown, so I can't summarise its content.")
                .arg(formatClock(length))
                .arg(clips)
                .arg(clips == 1 ? QString() : QStringLiteral("s"))
                .arg(speechPct >= 0 ? QStringLiteral(", about %1% of it speech").arg(speechPct)
                                    : QString())
                .arg(pauses.pausesRemoved > 0
                         ? QStringLiteral("there %1 %2 pause%3 I could cut (%4 s)")
                               .arg(pauses.pausesRemoved == 1 ? QStringLiteral("is")
                                                              : QStringLiteral("are"))
                               .arg(pauses.pausesRemoved)
                               .arg(pauses.pausesRemoved == 1 ? QString() : QStringLiteral("s"))
                               .arg(formatSeconds(pauses.removedMs))
                         : QStringLiteral("there are no long pauses"))
                .arg(music ? QStringLiteral(", it has background music") : QString())
                .arg(texts > 0 ? QStringLiteral(", and %1 text%2 on screen")
                                     .arg(texts)
                                     .arg(texts == 1 ? QString() : QStringLiteral("s"))
                               : QString());
    return out;
}

} // namespace cw::engine
