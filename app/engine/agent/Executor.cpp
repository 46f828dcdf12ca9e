// Operation executor. Replies are picked per request (the language of the message or the
// session), not from the machine's locale, so each sentence is written here in English and
// Chinese side by side instead of going through tr() and an installed translator.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "Draft.h"
#include "edit/CutPauses.h"
#include "media/AudioAnalysis.h"
#include "store/Store.h"

#include <QHash>
#include <mutex>

namespace cw::engine {

namespace {

// Version labels are stored in English; the Chinese reply names the known ones in Chinese.
QString labelText(const QString& label, bool zh)
{
    if (!zh)
        return label;
    if (label == QLatin1String("cut pauses"))
        return QStringLiteral("剪掉停顿");
    static const QHash<QString, QString> known{
        {QStringLiteral("remove range"), QStringLiteral("删除片段范围")},
        {QStringLiteral("keep range"), QStringLiteral("保留范围")},
        {QStringLiteral("split"), QStringLiteral("分割")},
        {QStringLiteral("delete clip"), QStringLiteral("删除片段")},
        {QStringLiteral("move clip"), QStringLiteral("移动片段")},
        {QStringLiteral("change speed"), QStringLiteral("改变速度")},
        {QStringLiteral("change volume"), QStringLiteral("调整音量")},
        {QStringLiteral("add music"), QStringLiteral("添加背景音乐")},
        {QStringLiteral("add text"), QStringLiteral("添加文字")},
        {QStringLiteral("add transitions"), QStringLiteral("添加转场")},
        {QStringLiteral("change aspect"), QStringLiteral("改变画面比例")},
        {QStringLiteral("normalise loudness"), QStringLiteral("响度标准化")},
        {QStringLiteral("denoise"), QStringLiteral("降噪")},
        {QStringLiteral("colour look"), QStringLiteral("调色")},
        {QStringLiteral("start over"), QStringLiteral("重新开始")},
        {QStringLiteral("add intro"), QStringLiteral("添加片头")},
        {QStringLiteral("add B-roll"), QStringLiteral("添加空镜")}};
    if (known.contains(label))
        return known.value(label);
    if (label.startsWith(QLatin1String("upload ")))
        return QStringLiteral("上传 ") + label.mid(7);
    return label;
}

} // namespace

QString formatClock(qint64 ms)
{
    const qint64 total = std::max<qint64>(0, (ms + 500) / 1000);
    const qint64 h = total / 3600;
    const qint64 m = (total / 60) % 60;
    const qint64 s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString formatSeconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

QString Executor::capabilitiesReply(bool zh, const QStringList& suggestions)
{
    QString text = pick(zh,
                        "I can't do that here yet, so nothing was changed. I can cut pauses, trim "
                        "and rearrange clips, change speed and volume, add background music, "
                        "titles and transitions, change the aspect ratio, normalise loudness, "
                        "reduce noise, apply colour looks, undo, redo, start over and describe the "
                        "timeline.",
                        "这个目前还做不到，所以没有做任何修改。我可以剪掉停顿、剪切和调整片段、"
                        "改变速度和音量、添加背景音乐、标题和转场、改变画面比例、响度标准化、降噪、"
                        "应用调色风格、撤销、重做、重新开始以及描述时间线。");
    const QStringList tries = suggestions.isEmpty()
                                  ? QStringList{pick(zh, "cut the pauses", "剪掉停顿"),
                                                pick(zh, "add background music", "添加背景音乐"),
                                                pick(zh, "make it vertical for TikTok", "改成竖屏")}
                                  : suggestions;
    QStringList quoted;
    for (const QString& t : tries)
        quoted << (zh ? QStringLiteral("“%1”").arg(t) : QStringLiteral("\"%1\"").arg(t));
    if (zh)
        text +=
            QStringLiteral("可以试试：") + quoted.join(QStringLiteral("、")) + QStringLiteral("。");
    else
        text += QStringLiteral(" Try ") + quoted.join(QStringLiteral(", ")) + QLatin1Char('.');
    return text;
}

QString Executor::unrecognizedNote(const Plan& plan, bool zh)
{
    QStringList parts;
    for (const QString& clause : plan.unrecognized) {
        // Clauses with lifted-out quotes are not shown (their text is elsewhere).
        if (clause.contains(QChar(0xE000)) || clause.size() > 80 || parts.size() >= 3)
            continue;
        parts << (zh ? QStringLiteral("“%1”") : QStringLiteral("\"%1\"")).arg(clause);
    }
    if (parts.isEmpty() || plan.operations.isEmpty())
        return QString();
    return zh ? QStringLiteral("没有理解：%1，这部分没有修改。")
                    .arg(parts.join(QStringLiteral("、")))
              : QStringLiteral("I did not understand %1, so that part was not done.")
                    .arg(parts.join(QStringLiteral(", ")));
}

OpOutcome Executor::applyCutPauses(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    const std::optional<DraftVersion> head = m_store.headDraft(sessionId);
    if (!head)
        return failure(pick(zh, "This session has no timeline.", "这个会话没有时间线。"));
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const QHash<QString, AudioAnalysis> analyses = analysesOf(m_store, sessionId, *draft);

    PauseOptions options;
    options.minPauseMs = op.args.value(QStringLiteral("min_pause_ms")).toInteger(500);
    options.thresholdDb = op.args.value(QStringLiteral("threshold_db")).toDouble(0);
    PauseCutResult result = cutPauses(*draft, analyses, options);

    OpOutcome out;
    out.ok = true;
    const QString minText = formatSeconds(options.minPauseMs);
    QStringList silentFiles;
    for (const QString& id : std::as_const(result.sourcesWithoutSpeech))
        if (const std::optional<MediaRecord> m = m_store.media(id))
            silentFiles << m->filename;
    const QString silentList = silentFiles.join(zh ? QStringLiteral("、") : QStringLiteral(", "));
    if (result.pausesRemoved <= 0) {
        out.response = QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("pauses_removed"), 0},
                                   {QStringLiteral("removed_ms"), 0},
                                   {QStringLiteral("version"), head->version}};
        if (!silentFiles.isEmpty())
            out.reply =
                zh ? QStringLiteral("没有可剪的停顿：%1 里没有找到说话声（只有静音、环境声或"
                                    "音乐），所以没有删除任何内容。")
                         .arg(silentList)
                   : QStringLiteral("Nothing to cut: I found no speech in %1 (only silence, "
                                    "room tone or music), so nothing was removed.")
                         .arg(silentList);
        else
            out.reply =
                zh ? QStringLiteral("没有可剪的停顿：没有 %1 秒或更长的停顿。").arg(minText)
                   : QStringLiteral("Nothing to cut: no pauses of %1 s or longer.").arg(minText);
        return out;
    }
    result.draft.d = result.draft.computedDuration();
    const int version =
        m_store.addDraftVersion(sessionId, result.draft.toBytes(), QStringLiteral("cut pauses"));
    if (version <= 0)
        return failure(pick(zh, "The edit could not be saved.", "无法保存这次编辑。"));
    out.response = QJsonObject{{QStringLiteral("ok"), true},
                               {QStringLiteral("pauses_removed"), result.pausesRemoved},
                               {QStringLiteral("removed_ms"), result.removedMs},
                               {QStringLiteral("duration_ms"), result.draft.d},
                               {QStringLiteral("threshold_db"), qRound(result.thresholdDb)},
                               {QStringLiteral("version"), version}};
    const QString removed = formatSeconds(result.removedMs);
    const QString now = formatClock(result.draft.d);
    const QString db = QString::number(qRound(result.thresholdDb));
    // Plural by hand: replies are picked per request, not translated (see the top of the file).
    if (zh)
        out.reply =
            QStringLiteral("已剪掉 %1 处停顿（低于 %2 dB 且不短于 %3 秒），缩短 %4 秒（现在 %5）。")
                .arg(QString::number(result.pausesRemoved), db, minText, removed, now);
    else
        out.reply =
            QStringLiteral("Removed %1 %2 (quieter than %3 dB for %4 s or longer), %5 s "
                           "shorter (now %6).")
                .arg(QString::number(result.pausesRemoved),
                     result.pausesRemoved == 1 ? QStringLiteral("pause") : QStringLiteral("pauses"),
                     db, minText, removed, now);
    if (!silentFiles.isEmpty())
        out.reply +=
            zh ? QStringLiteral(" %1 里没有说话声，保持原样。").arg(silentList)
               : QStringLiteral(" %1 has no speech and was left as it is.").arg(silentList);
    return out;
}

OpOutcome Executor::moveHead(const QString& sessionId, bool undo, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    const HeadMove move = undo ? m_store.undo(sessionId) : m_store.redo(sessionId);
    if (!move.ok) {
        OpOutcome out = failure(undo ? pick(zh, "Nothing to undo.", "没有可以撤销的操作。")
                                     : pick(zh, "Nothing to redo.", "没有可以重做的操作。"));
        return out;
    }
    const QString label = labelText(undo ? move.from.label : move.to.label, zh);
    OpOutcome out;
    out.ok = true;
    out.response = QJsonObject{{QStringLiteral("ok"), true},
                               {QStringLiteral("version"), move.to.version},
                               {undo ? QStringLiteral("undone") : QStringLiteral("redone"),
                                undo ? move.from.label : move.to.label}};
    if (undo)
        out.reply = zh ? QStringLiteral("已撤销：%1。").arg(label)
                       : QStringLiteral("Undid: %1.").arg(label);
    else
        out.reply = zh ? QStringLiteral("已重做：%1。").arg(label)
                       : QStringLiteral("Redid: %1.").arg(label);
    return out;
}

// "Start over": a new version equal to the latest upload version on the head's ancestry (the
// footage as uploaded, before any edit), so even starting over can be undone.
OpOutcome Executor::reset(const QString& sessionId, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    std::optional<DraftVersion> v = m_store.headDraft(sessionId);
    std::optional<DraftVersion> target;
    for (int guard = 0; v && guard < 100000; ++guard) {
        if (v->label.startsWith(QLatin1String("upload "))) {
            target = v;
            break;
        }
        if (v->parentVersion <= 0 || v->parentVersion == v->version)
            break;
        v = m_store.draftVersion(sessionId, v->parentVersion);
    }
    if (!target)
        return failure(
            pick(zh, "There is no uploaded footage to go back to.", "没有可以恢复的原始素材。"));
    const int version =
        m_store.addDraftVersion(sessionId, target->json, QStringLiteral("start over"));
    if (version <= 0)
        return failure(pick(zh, "The edit could not be saved.", "无法保存这次编辑。"));
    const std::optional<Draft> draft = Draft::fromBytes(target->json);
    const qint64 d = draft ? draft->computedDuration() : 0;
    OpOutcome out;
    out.ok = true;
    out.response = QJsonObject{{QStringLiteral("ok"), true},
                               {QStringLiteral("version"), version},
                               {QStringLiteral("restored_version"), target->version},
                               {QStringLiteral("duration_ms"), d}};
    out.reply = zh ? QStringLiteral("已重新开始：回到上传时的素材（%1）。").arg(formatClock(d))
                   : QStringLiteral("Started over: back to the footage as uploaded (%1).")
                         .arg(formatClock(d));
    return out;
}

OpOutcome Executor::summary(const QString& sessionId, bool zh)
{
    const std::optional<DraftVersion> head = m_store.headDraft(sessionId);
    const std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft)
        return failure(pick(zh, "The stored timeline cannot be read.", "无法读取保存的时间线。"));
    OpOutcome out;
    out.ok = true;
    const QString text = draft->isExportable()
                             ? draft->summary()
                             : pick(zh, "The timeline is empty: upload a clip to start.",
                                    "时间线是空的：上传一个片段开始吧。");
    out.response = QJsonObject{{QStringLiteral("ok"), true},
                               {QStringLiteral("summary"), text},
                               {QStringLiteral("duration_ms"), draft->computedDuration()},
                               {QStringLiteral("version"), head->version}};
    out.reply = (zh && draft->isExportable()) ? QStringLiteral("当前时间线：") + text : text;
    return out;
}

} // namespace cw::engine
