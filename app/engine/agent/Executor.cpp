// Operation executor. Replies are picked per request (the language of the message or the
// session), not from the machine's locale, so each sentence is written here in English and
// Chinese side by side instead of going through tr() and an installed translator.
#include "agent/Executor.h"

#include "Draft.h"
#include "edit/CutPauses.h"
#include "media/AudioAnalysis.h"
#include "store/Store.h"

#include <QHash>
#include <mutex>

namespace cw::engine {

namespace {

QString pick(bool zh, const char* en, const char* chinese)
{
    return zh ? QString::fromUtf8(chinese) : QString::fromUtf8(en);
}

OpOutcome failure(const QString& message)
{
    OpOutcome out;
    out.ok = false;
    out.response = QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}};
    out.reply = message;
    return out;
}

// Version labels are stored in English; the Chinese reply names the known ones in Chinese.
QString labelText(const QString& label, bool zh)
{
    if (!zh)
        return label;
    if (label == QLatin1String("cut pauses"))
        return QStringLiteral("剪掉停顿");
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

QString Executor::capabilitiesReply(bool zh)
{
    return pick(zh,
                "I can't do that here yet. The local engine can cut the pauses out of your "
                "clips, undo and redo edits, and describe the timeline. Try \"cut the pauses\", "
                "\"remove silences longer than 1 second\" or \"undo\".",
                "这个目前还做不到。本地引擎可以剪掉片段中的停顿、撤销和重做编辑，以及描述时间线。"
                "可以试试：“剪掉停顿”、“删除超过1秒的静音”或“撤销”。");
}

OpOutcome Executor::run(const QString& sessionId, const Operation& op, bool zh)
{
    if (op.name == Op::cutPauses())
        return applyCutPauses(sessionId, op, zh);
    if (op.name == Op::undo())
        return moveHead(sessionId, true, zh);
    if (op.name == Op::redo())
        return moveHead(sessionId, false, zh);
    if (op.name == Op::summary())
        return summary(sessionId, zh);
    return failure(capabilitiesReply(zh));
}

OpOutcome Executor::applyCutPauses(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    const std::optional<DraftVersion> head = m_store.headDraft(sessionId);
    if (!head)
        return failure(pick(zh, "This session has no timeline.", "这个会话没有时间线。"));
    QString error;
    const std::optional<Draft> draft = Draft::fromBytes(head->json, &error);
    if (!draft)
        return failure(pick(zh, "The stored timeline cannot be read.", "无法读取保存的时间线。"));
    if (!draft->isExportable())
        return failure(pick(zh, "The timeline is empty: upload a clip first.",
                            "时间线是空的：请先上传一个片段。"));

    QHash<QString, AudioAnalysis> analyses;
    for (const Track& track : draft->t) {
        for (const Segment& s : track.sg) {
            if (s.src.isEmpty() || analyses.contains(s.src))
                continue;
            const std::optional<MediaRecord> media = m_store.media(s.src);
            if (!media || media->sessionId != sessionId)
                continue;
            const std::optional<QByteArray> json = m_store.analysis(media->hash);
            if (json)
                analyses.insert(s.src, AudioAnalysis::fromJson(*json));
        }
    }

    PauseOptions options;
    options.minPauseMs = op.args.value(QStringLiteral("min_pause_ms")).toInteger(500);
    options.thresholdDb = op.args.value(QStringLiteral("threshold_db")).toDouble(0);
    PauseCutResult result = cutPauses(*draft, analyses, options);

    OpOutcome out;
    out.ok = true;
    const QString minText = formatSeconds(options.minPauseMs);
    if (result.pausesRemoved <= 0) {
        out.response = QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("pauses_removed"), 0},
                                   {QStringLiteral("removed_ms"), 0},
                                   {QStringLiteral("version"), head->version}};
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
                               {QStringLiteral("version"), version}};
    const QString removed = formatSeconds(result.removedMs);
    const QString now = formatClock(result.draft.d);
    if (zh)
        out.reply = QStringLiteral("已剪掉 %1 处停顿，缩短 %2 秒（现在 %3）。")
                        .arg(result.pausesRemoved)
                        .arg(removed, now);
    else
        out.reply = (result.pausesRemoved == 1
                         ? QStringLiteral("Removed 1 pause, %2 s shorter (now %3).")
                         : QStringLiteral("Removed %1 pauses, %2 s shorter (now %3)."))
                        .arg(QString::number(result.pausesRemoved), removed, now);
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
