// "Stabilise the shaky part", "stabilize 0:10-0:20", 防抖 (edit/Stabilise.h) from the chat. The
// stretch is the one said (a range, the last N seconds, a clip), else the whole video. The
// reply says what the export will do and what it costs: the first export of a clip analyses
// its motion once (media/Stabilise.h), the picture is zoomed in slightly, and the preview does
// not show it (a preview reads proxies, whose frames are not the analysed ones).
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "edit/Stabilise.h"
#include "store/Store.h"

#include <algorithm>
#include <mutex>

namespace cw::engine {

OpOutcome Executor::applyStabilise(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const bool off = op.args.value(QLatin1String("off")).toBool();
    const qint64 length = draft->computedDuration();
    const QPair<qint64, qint64> asked = stretchOf(op, *draft);
    const EditResult result = stabiliseRange(*draft, asked.first, asked.second, !off);
    OpOutcome out =
        saveEdit(m_store, sessionId, result,
                 off ? QStringLiteral("stabilise off") : QStringLiteral("stabilise"), zh);
    if (!out.ok)
        return out;
    const qint64 a = result.details.value(QLatin1String("from_ms")).toInteger();
    const qint64 b = result.details.value(QLatin1String("to_ms")).toInteger();
    const bool whole = a <= 0 && b >= length;
    const QString span = whole ? pick(zh, "the whole video", "整个视频")
                               : (zh ? QStringLiteral("%1 到 %2") : QStringLiteral("%1-%2"))
                                     .arg(formatClock(a), formatClock(b));
    if (off) {
        out.reply = zh ? QStringLiteral("已取消%1的防抖。").arg(span)
                       : QStringLiteral("Took the stabilisation off %1.").arg(span);
        return out;
    }
    out.reply =
        zh ? QStringLiteral("已为%1防抖：导出时会平滑这段的镜头抖动（画面会略微放大，以免露出晃动的"
                            "边缘）。每个素材第一次导出时会先分析一次画面运动，之后直接复用；预览里"
                            "看不到防抖效果。")
                 .arg(span)
           : QStringLiteral("Stabilised %1: the export smooths out the camera shake there (the "
                            "picture is zoomed in a little so no moving edge shows). A clip's "
                            "first export analyses its motion once and later ones reuse it; the "
                            "preview does not show the stabilisation.")
                 .arg(span);
    if (whole && !op.args.contains(QLatin1String("clip")))
        out.reply += pick(zh,
                          " To stabilise only the shaky part, name it, e.g. \"stabilise "
                          "0:10-0:20\".",
                          "只想稳定抖动的那一段，可以说“防抖 0:10-0:20”。");
    return out;
}

} // namespace cw::engine
