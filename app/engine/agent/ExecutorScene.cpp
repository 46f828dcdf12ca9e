// Split at scene changes and remove a scene, from the chat. The scene changes of each video
// under the main track are found after its upload or on first use (media/SceneDetect.h: one
// ffmpeg pass over the file; agent/SceneCache.h: a request joins a pass already running) and
// cached in the store per content hash, so a second request, in any session with the same
// file, reads them back. The pass runs before the edit lock is taken: a long analysis
// never holds up other edits; the head draft is read again under the lock and the cuts are
// mapped onto that one.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"
#include "agent/SceneCache.h"
#include "edit/OperationsUtil.h"
#include "edit/Scenes.h"
#include "media/SceneDetect.h"
#include "store/Store.h"

#include <QJsonArray>

namespace cw::engine {

namespace {

// "0:03.2", "1:18.4": a tenth of a second tells cuts a few frames apart.
QString tenths(qint64 ms)
{
    return ops::clock(std::max<qint64>(0, ms));
}

} // namespace

SourceScenes sourceScenes(Store& store, const QString& sessionId, const Draft& d)
{
    SourceScenes out;
    const int vi = ops::mainVideoTrack(d);
    if (vi < 0)
        return out;
    for (const Segment& s : d.t[vi].sg) {
        if (s.src.isEmpty() || out.cuts.contains(s.src))
            continue;
        const std::optional<MediaRecord> m = store.media(s.src);
        if (!m || m->sessionId != sessionId)
            continue;
        if (m->kind != QLatin1String("video") || !m->hasVideo) {
            out.still = out.still || m->kind == QLatin1String("image");
            continue;
        }
        const AnalysisHooks hooks =
            analysisHooks("Finding the scene changes in %1", "正在查找 %1 的镜头切换", m->filename);
        const SceneAnalysis a = sceneAnalysisOf(store, *m, hooks.progress, hooks.cancel);
        if (!a.ok) {
            out.error = a.error;
            out.cancelled = a.cancelled;
            return out;
        }
        QList<qint64>& list = out.cuts[s.src];
        for (const SceneCut& c : a.cuts)
            list << c.ms;
        out.motion.insert(s.src, a.motion);
        out.names << m->filename;
    }
    return out;
}

OpOutcome Executor::applyScenes(const QString& sessionId, const Operation& op, bool zh)
{
    OpOutcome failed;
    std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const SourceScenes src = sourceScenes(m_store, sessionId, *draft);
    if (!src.error.isEmpty())
        return failure(src.error + pick(zh, " Nothing was changed.", "（没有修改）"));
    if (src.names.isEmpty())
        return failure(
            src.still ? pick(zh,
                             "A still picture has no scene changes, so nothing was changed. Upload "
                             "a video to split it into its shots.",
                             "静态图片没有场景切换，所以没有修改。请上传视频再按镜头切分。")
                      : pick(zh,
                             "There is no video on the timeline to look for scene changes in (only "
                             "sound), so nothing was changed.",
                             "时间线上没有可以检测场景切换的视频（只有声音），所以没有修改。"));
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const QList<qint64> cuts = timelineSceneCuts(*draft, src.cuts);
    const QString names = src.names.join(QStringLiteral(", "));
    const bool split = op.name == Op::splitScenes();
    const int vi = ops::mainVideoTrack(*draft);
    if (cuts.isEmpty() && (split || vi < 0 || draft->t[vi].sg.size() < 2))
        return failure(zh ? QStringLiteral("在 %1 里没有找到场景切换，所以没有修改。").arg(names)
                          : QStringLiteral("No scene changes found in %1, so nothing was changed.")
                                .arg(names));
    if (split) {
        const EditResult r = splitScenes(*draft, cuts);
        OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("split scenes"), zh);
        if (!out.ok)
            return out;
        const QJsonArray at = r.details.value(QLatin1String("cuts")).toArray();
        QStringList times;
        for (int i = 0; i < at.size() && i < 6; ++i)
            times << tenths(at.at(i).toInteger());
        if (at.size() > 6)
            times << QStringLiteral("…");
        out.reply = zh ? QStringLiteral("在 %1 处场景切换分割了视频（%2），现在有 %3 个片段。")
                             .arg(at.size())
                             .arg(times.join(QStringLiteral("、")))
                             .arg(r.details.value(QLatin1String("segments")).toInt())
                       : QStringLiteral("Split at %1 scene change%2 (%3); the video now has %4 "
                                        "clips.")
                             .arg(at.size())
                             .arg(at.size() == 1 ? QString() : QStringLiteral("s"))
                             .arg(times.join(QStringLiteral(", ")))
                             .arg(r.details.value(QLatin1String("segments")).toInt());
        return out;
    }
    const qint64 atMs = op.args.value(QLatin1String("at_ms")).toInteger(-1);
    const EditResult r = removeScene(*draft, cuts, atMs);
    OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("remove scene"), zh);
    if (!out.ok)
        return out;
    const qint64 from = r.details.value(QLatin1String("from_ms")).toInteger();
    const qint64 to = r.details.value(QLatin1String("to_ms")).toInteger();
    const QString now = formatClock(r.draft.computedDuration());
    out.reply = zh ? QStringLiteral("删除了 %1–%2 的镜头（%3 秒），视频现在 %4。")
                         .arg(tenths(from), tenths(to), formatSeconds(to - from), now)
                   : QStringLiteral("Removed the scene %1–%2 (%3 s); the video is now %4.")
                         .arg(tenths(from), tenths(to), formatSeconds(to - from), now);
    return out;
}

} // namespace cw::engine
