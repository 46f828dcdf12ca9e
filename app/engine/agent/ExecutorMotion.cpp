// Reverse, freeze frame, loop and zoom (edit/Motion.h) from the chat. The stretch is the one
// said (a range, the last N seconds, a clip), else the whole video; the reply says what
// played how, with the new length where it changed.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"
#include "edit/Motion.h"
#include "store/Store.h"

#include <algorithm>

namespace cw::engine {

namespace {

QString span(QPair<qint64, qint64> r, qint64 length, bool zh)
{
    if (r.first <= 0 && r.second >= length)
        return pick(zh, "the whole video", "整个视频");
    return (zh ? QStringLiteral("%1 到 %2") : QStringLiteral("%1-%2"))
        .arg(formatClock(r.first), formatClock(r.second));
}

} // namespace

OpOutcome Executor::applyMotion(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const qint64 length = draft->computedDuration();
    QPair<qint64, qint64> r = stretchOf(op, *draft);
    EditResult result;
    QString label;
    if (op.name == Op::reverse()) {
        result = reverseRange(*draft, r.first, r.second);
        label = QStringLiteral("reverse");
    } else if (op.name == Op::freezeFrame()) {
        result = freezeFrame(*draft, op.args.value(QLatin1String("at_ms")).toInteger(-1),
                             op.args.value(QLatin1String("duration_ms")).toInteger(2000));
        label = QStringLiteral("freeze frame");
    } else if (op.name == Op::loop()) {
        result = loopVideo(*draft, op.args.value(QLatin1String("times")).toInt(2),
                           op.args.value(QLatin1String("clip")).toInt(-2));
        label = QStringLiteral("loop");
    } else {
        const bool gradual = op.args.value(QLatin1String("gradual")).toBool();
        result = zoomRange(*draft, r.first, r.second,
                           op.args.value(QLatin1String("factor")).toDouble(gradual ? 1.2 : 1.3),
                           gradual);
        label = QStringLiteral("zoom");
    }
    OpOutcome out = saveEdit(m_store, sessionId, result, label, zh);
    if (!out.ok)
        return out;
    const QJsonObject& d = result.details;
    const qint64 now = result.draft.computedDuration();
    r = {d.value(QLatin1String("from_ms")).toInteger(),
         d.value(QLatin1String("to_ms")).toInteger()};
    if (op.name == Op::reverse()) {
        out.reply = zh ? QStringLiteral("%1 现在倒放（画面和声音）。").arg(span(r, length, true))
                       : QStringLiteral("%1 now plays backwards (picture and sound).")
                             .arg(span(r, length, false));
        if (r.first <= 0 && r.second >= length)
            out.reply = pick(zh, "The whole video now plays backwards (picture and sound).",
                             "整个视频现在倒放（画面和声音）。");
    } else if (op.name == Op::freezeFrame()) {
        const qint64 at = d.value(QLatin1String("at_ms")).toInteger();
        const QString hold = formatSeconds(d.value(QLatin1String("hold_ms")).toInteger());
        out.reply = at >= length
                        ? (zh ? QStringLiteral("最后一帧定格 %1 秒，视频现在 %2。")
                              : QStringLiteral("The last frame now holds for %1 s; the video is "
                                               "now %2."))
                              .arg(hold, formatClock(now))
                        : (zh ? QStringLiteral(
                                    "%1 处的画面定格 %2 秒（静音），之后的内容顺延，视频现在 %3。")
                              : QStringLiteral("The frame at %1 now holds for %2 s (silent) and "
                                               "what follows starts later; the video is now %3."))
                              .arg(formatClock(at), hold, formatClock(now));
    } else if (op.name == Op::loop()) {
        const int times = d.value(QLatin1String("times")).toInt();
        const bool whole = !op.args.contains(QLatin1String("clip"));
        out.reply = whole ? (zh ? QStringLiteral("整个视频现在连续播放 %1 遍（%2 → %3）。")
                                : QStringLiteral("The whole video now plays %1 times in a row "
                                                 "(%2 → %3)."))
                                .arg(times)
                                .arg(formatClock(length), formatClock(now))
                          : (zh ? QStringLiteral("这个片段现在连续播放 %1 遍，视频现在 %2。")
                                : QStringLiteral("That clip now plays %1 times in a row; the "
                                                 "video is now %2."))
                                .arg(times)
                                .arg(formatClock(now));
    } else {
        const double factor =
            op.args.value(QLatin1String("factor"))
                .toDouble(op.args.value(QLatin1String("gradual")).toBool() ? 1.2 : 1.3);
        const QString x = QString::number(factor, 'g', 3) + QLatin1Char('x');
        if (factor == 1.0)
            out.reply = zh ? QStringLiteral("去掉了 %1 的缩放。").arg(span(r, length, true))
                           : QStringLiteral("Removed the zoom on %1.").arg(span(r, length, false));
        else if (op.args.value(QLatin1String("gradual")).toBool())
            out.reply = zh ? QStringLiteral("%1 从原大小缓慢推近到 %2（画面中心）。")
                                 .arg(span(r, length, true), x)
                           : QStringLiteral("%1 now slowly zooms in from 1x to %2 (on the centre "
                                            "of the picture).")
                                 .arg(span(r, length, false), x);
        else
            out.reply =
                zh ? QStringLiteral("%1 放大到 %2（画面中心）。").arg(span(r, length, true), x)
                   : QStringLiteral("%1 is now zoomed in %2 (on the centre of the "
                                    "picture).")
                         .arg(span(r, length, false), x);
    }
    if (op.name == Op::reverse() || op.name == Op::zoom())
        out.reply[0] = out.reply[0].toUpper();
    return out;
}

} // namespace cw::engine
