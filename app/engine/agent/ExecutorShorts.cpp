// "Make 3 shorts of 30 s each", "3 vertical shorts from this", 剪成3个30秒的短视频, "remove the
// shorts", "export short 2", from the chat. The shorts are chosen by edit/ShortsPick.h and kept
// in the draft's metadata (core Shorts.h: m.shorts), so the main timeline stays as it was and
// undo takes them back like any edit. The picture's motion comes from the scene pass, run
// before the edit lock as in applyTargetLength. Exporting one is rendering core shortDraft():
// "export short 2" remembers the choice in m.export.short for the Export dialog and the CLI.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"
#include "edit/OperationsUtil.h"
#include "edit/ShortsPick.h"
#include "store/Store.h"

#include "ApiError.h"
#include "Shorts.h"

#include <QJsonArray>

namespace cw::engine {

namespace {

// "0:12–0:42 + 1:05–1:20" (at most three parts, then "…").
QString rangesText(const QList<TimeRange>& ranges)
{
    QStringList parts;
    for (const TimeRange& r : ranges) {
        if (parts.size() == 3) {
            parts << QStringLiteral("…");
            break;
        }
        parts << QStringLiteral("%1–%2").arg(formatClock(r.from), formatClock(r.to));
    }
    return parts.join(QStringLiteral(" + "));
}

// The metadata a short takes for a frame ("9:16"): what set_aspect would set, a crop that
// follows the subject.
QJsonObject frameFor(const QString& ratio)
{
    if (ratio.isEmpty())
        return {};
    const EditResult r = setAspect(Draft{}, ratio, QStringLiteral("crop"), QString());
    if (!r.ok)
        return {};
    QJsonObject m;
    for (const char* key : {"width", "height", "aspect", "aspect_mode", "reframe"})
        if (r.draft.m.contains(QLatin1String(key)))
            m.insert(QLatin1String(key), r.draft.m.value(QLatin1String(key)));
    return m;
}

} // namespace

OpOutcome Executor::applyShorts(const QString& sessionId, const Operation& op, bool zh)
{
    OpOutcome failed;
    auto arg = [&op](const char* key) { return op.args.value(QLatin1String(key)); };
    const bool remove = arg("remove").toBool();
    const int exportN = arg("export").toInt(0);
    SourceScenes scenes;
    if (!remove && exportN == 0) {
        const std::optional<Draft> head = editableHead(m_store, sessionId, zh, &failed);
        if (!head)
            return failed;
        scenes = sourceScenes(m_store, sessionId, *head);
    }
    std::unique_lock<std::mutex> lock(m_store.editMutex());
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const QList<ShortSpec> existing = shortsOf(*draft);

    if (remove) {
        if (existing.isEmpty())
            return failure(pick(zh, "There are no shorts to remove; nothing was changed.",
                                "没有可删除的短视频，没有修改。"));
        Draft d = withShorts(*draft, {});
        QJsonObject exp = d.m.value(QLatin1String("export")).toObject();
        exp.remove(QLatin1String("short"));
        d.m.insert(QStringLiteral("export"), exp);
        OpOutcome out = saveVersion(m_store, sessionId, d, QStringLiteral("remove shorts"),
                                    {{QStringLiteral("shorts"), 0}}, zh);
        if (out.ok)
            out.reply =
                zh ? QStringLiteral("已删除 %1 条短视频，主时间线没有变化。").arg(existing.size())
                   : QStringLiteral("Removed the %1 shorts; the main edit is unchanged.")
                         .arg(existing.size());
        return out;
    }

    if (exportN != 0) {
        QString error;
        const std::optional<Draft> one = shortDraft(*draft, exportN, &error);
        if (!one)
            return failure(zh ? (existing.isEmpty()
                                     ? QStringLiteral("还没有短视频：先说“剪成3个30秒的短视频”。")
                                     : QStringLiteral("没有第 %1 条短视频：现在有 %2 条（1–%2）。")
                                           .arg(exportN)
                                           .arg(existing.size()))
                              : error);
        Draft d = *draft;
        QJsonObject exp = d.m.value(QLatin1String("export")).toObject();
        exp.insert(QStringLiteral("short"), exportN);
        d.m.insert(QStringLiteral("export"), exp);
        OpOutcome out = saveVersion(m_store, sessionId, d, QStringLiteral("export short"),
                                    {{QStringLiteral("short"), exportN}}, zh);
        if (out.ok)
            out.reply = zh ? QStringLiteral("第 %1 条短视频（%2）已选好，点“导出”即可导出。")
                                 .arg(exportN)
                                 .arg(formatClock(one->computedDuration()))
                           : QStringLiteral("Short %1 (%2) is chosen for export: click Export to "
                                            "save it.")
                                 .arg(exportN)
                                 .arg(formatClock(one->computedDuration()));
        return out;
    }

    ShortsOptions o;
    o.count = arg("count").toInt(3);
    // No length said: 30 s each, or an equal share of the footage when that is less.
    const qint64 share = ops::footageEnd(*draft) / std::max(1, o.count) / 1000 * 1000;
    o.targetMs = arg("target_ms").toInteger(std::clamp<qint64>(share, 3000, 30000));
    if (scenes.error.isEmpty())
        o.motion = scenes.motion;
    bool moving = false;
    for (const QList<float>& m : std::as_const(o.motion))
        moving = moving || std::any_of(m.begin(), m.end(), [](float x) { return x > 0.05f; });
    const QString ratio = arg("aspect").toString();
    o.frame = frameFor(ratio);
    const ShortsResult r = pickShorts(*draft, analysesOf(m_store, sessionId, *draft), o);
    if (!r.ok) {
        QString offer;
        if (r.fits >= 1 && r.fits < o.count)
            offer = zh ? QStringLiteral("可以做 %1 条 %2 的短视频")
                             .arg(r.fits)
                             .arg(formatClock(o.targetMs))
                       : QStringLiteral("It has room for %1 short%2 of %3")
                             .arg(r.fits)
                             .arg(r.fits == 1 ? QString() : QStringLiteral("s"))
                             .arg(formatClock(o.targetMs));
        if (r.fitsMs > 0 && o.count > 1)
            offer += (offer.isEmpty() ? QString()
                                      : (zh ? QStringLiteral("，或 ") : QStringLiteral(", or "))) +
                     (zh ? QStringLiteral("%1 条 %2 的").arg(o.count).arg(formatClock(r.fitsMs))
                         : QStringLiteral("%1 of %2").arg(o.count).arg(formatClock(r.fitsMs)));
        if (!offer.isEmpty())
            offer = zh ? QStringLiteral("%1。").arg(offer) : QStringLiteral(" %1.").arg(offer);
        if (zh)
            return failure(
                r.totalMs > 0 && r.fits < o.count
                    ? QStringLiteral(
                          "视频只有 %1，%2 条 %3 的短视频（互不重复）放不下。%4没有修改。")
                          .arg(formatClock(r.totalMs))
                          .arg(o.count)
                          .arg(formatClock(o.targetMs), offer)
                    : r.error + QStringLiteral("（没有修改）"));
        return failure(r.error + offer + QStringLiteral(" Nothing was changed."));
    }

    QList<ShortSpec> specs;
    QStringList lines;
    for (const PickedShort& s : r.shorts) {
        specs << s.spec;
        const int n = int(specs.size());
        lines << (zh ? QStringLiteral("短视频 %1：%2（%3）").arg(n)
                     : QStringLiteral("%1 %2 (%3)").arg(s.spec.name))
                     .arg(rangesText(s.ranges), formatClock(s.durationMs));
    }
    Draft d = withShorts(*draft, specs);
    QJsonObject exp = d.m.value(QLatin1String("export")).toObject();
    exp.remove(QLatin1String("short"));
    d.m.insert(QStringLiteral("export"), exp);
    QJsonArray details;
    for (const PickedShort& s : r.shorts)
        details.append(s.durationMs);
    OpOutcome out = saveVersion(
        m_store, sessionId, d, QStringLiteral("shorts"),
        {{QStringLiteral("shorts"), int(specs.size())}, {QStringLiteral("durations_ms"), details}},
        zh);
    if (!out.ok)
        return out;
    const QString frame = o.frame.value(QLatin1String("aspect")).toString();
    if (zh)
        out.reply =
            QStringLiteral("已做好 %1 条 %2 的短视频（按音量、说话密度%3挑出最精彩的部分，在停顿处"
                           "剪开，按时间顺序，互不重复%4）：%5。说“导出第2条短视频”或在导出窗口里"
                           "选择要导出的短视频；主时间线没有改动。")
                .arg(specs.size())
                .arg(formatClock(o.targetMs))
                .arg(moving ? QStringLiteral("和画面动作") : QString())
                .arg(frame.isEmpty() ? QString() : QStringLiteral("，画面 %1").arg(frame))
                .arg(lines.join(QStringLiteral("；")));
    else
        out.reply =
            QStringLiteral("Made %1 shorts of %2 (the liveliest stretches by loudness, how densely "
                           "people speak%3, cut in pauses, in order, none used twice%4): %5. "
                           "Export them with 'export short 2' or from the Export dialog; the "
                           "main edit is unchanged.")
                .arg(specs.size())
                .arg(formatClock(o.targetMs))
                .arg(moving ? QStringLiteral(" and how much the picture moves") : QString())
                .arg(frame.isEmpty() ? QString() : QStringLiteral(", framed %1").arg(frame))
                .arg(lines.join(QStringLiteral("; ")));
    return out;
}

} // namespace cw::engine
