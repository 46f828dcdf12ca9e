// What a crop that follows the subject follows, said after "make it vertical". The subject
// of each video under the main track is found here (media/SubjectTrack.h, one pass over the
// file, cached per content hash where the render reads it), after the edit and outside the
// edit lock, so the reply can say whether the crop follows the speaker's face or the movement,
// or stays centred because nothing stands out; the export then needs no analysis of its own.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"
#include "media/SubjectTrack.h"
#include "store/Store.h"

namespace cw::engine {

QString Executor::reframeNote(const QString& sessionId, bool zh)
{
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft || !draftFollowsSubject(*draft))
        return {};
    QStringList kinds;
    QStringList seen;
    for (const Track& t : draft->t) {
        if (t.tt != int(TrackType::Video) || t.sg.isEmpty())
            continue;
        for (const Segment& s : t.sg) {
            if (s.src.isEmpty() || seen.contains(s.src))
                continue;
            seen << s.src;
            const std::optional<MediaRecord> m = m_store.media(s.src);
            if (!m || m->sessionId != sessionId || m->kind != QLatin1String("video") ||
                !m->hasVideo)
                continue;
            const AnalysisHooks hooks =
                analysisHooks("Finding the subject in %1", "正在识别 %1 的拍摄主体", m->filename);
            const SubjectTrack found =
                cachedSubjects(m->path, m->durationMs, subjectCachePath(m_store.dataDir(), m->hash),
                               hooks.progress, hooks.cancel);
            if (!found.ok)
                return zh ? QStringLiteral("（没能找到 %1 里的主体：%2 导出时会再试一次。）")
                                .arg(m->filename, found.error)
                          : QStringLiteral(" (Could not find the subject in %1: %2 The export "
                                           "will try again.)")
                                .arg(m->filename, found.error);
            kinds << found.kind;
        }
        break; // the main track only
    }
    if (kinds.contains(QLatin1String("face")))
        return pick(zh,
                    " The crop follows the speaker: it pans smoothly to keep the face in frame.",
                    "裁剪会跟随说话的人，平滑移动，让人脸始终在画面里。");
    if (kinds.contains(QLatin1String("motion")))
        return pick(zh, " The crop follows the movement: it pans smoothly to keep it in frame.",
                    "裁剪会跟随画面里的运动主体，平滑移动，让它始终在画面里。");
    if (!kinds.isEmpty())
        return pick(zh, " No face or movement stands out, so the crop stays centred.",
                    "画面里没有明显的人脸或运动，所以裁剪保持居中。");
    return {};
}

} // namespace cw::engine
