// "Add transitions on the downbeats" to a montage made earlier (edit/MontageTransitions.h):
// the song is the music segment on the timeline, its beats come from the store's cache (or
// are found again), moved to the timeline where the music plays, and the main track's cuts
// that sit on a downbeat get the transition. A timeline with no music, or whose cuts are not
// on that music's beats (not a montage), is refused with what to say instead; nothing changes.
// Also the song's beats for the montage itself (agent/SongBeats.h).
#include "agent/ExecutorSupport.h"
#include "agent/SongBeats.h"
#include "edit/MontageTransitions.h"
#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <QJsonArray>
#include <cmath>

namespace cw::engine {

std::optional<BeatAnalysis> songBeats(Store& store, const MediaRecord& song, bool zh,
                                      OpOutcome* failed)
{
    const QString key = beatCacheKey(song.hash);
    BeatAnalysis beats;
    if (const std::optional<QByteArray> json = store.analysis(key))
        beats = BeatAnalysis::fromJson(*json);
    if (beats.ok)
        return beats;
    const AnalysisHooks hooks =
        analysisHooks("Finding the beats of %1", "正在分析 %1 的节拍", song.filename);
    beats = detectBeats(song.path, song.durationMs, hooks.progress, hooks.cancel);
    if (!beats.ok) {
        // A generated calm or cinematic bed swells without a beat; lo-fi and upbeat have one.
        const bool bed = song.path.startsWith(store.dataDir() + QStringLiteral("/generated/"));
        *failed = failure(
            beats.error +
            (bed ? pick(zh,
                        " Say \"add lo-fi background music\" or \"add upbeat "
                        "background music\" for a bed with a beat.",
                        "说“添加 lo-fi 背景音乐”或“添加欢快的背景音乐”可以换成有节拍的音乐。")
                 : QString()) +
            pick(zh, " Nothing was changed.", "（没有修改）"));
        return std::nullopt;
    }
    store.putAnalysis(key, beats.toJson());
    return beats;
}

QList<qint64> songToTimeline(const QList<qint64>& fileMs, qint64 inMs, qint64 atMs)
{
    QList<qint64> out;
    for (const qint64 t : fileMs)
        if (t >= inMs)
            out << t - inMs + atMs;
    return out;
}

QString downbeatSentence(const QJsonObject& details, bool zh)
{
    const int n = details.value(QLatin1String("transitions")).toInt();
    const int cuts = details.value(QLatin1String("cuts")).toInt();
    const QString type = details.value(QLatin1String("type")).toString();
    const QString secs = QString::number(
        double(details.value(QLatin1String("duration_ms")).toInteger()) / 1000.0, 'f', 2);
    const bool fade = type == QLatin1String("fade");
    if (zh)
        return QStringLiteral("其中 %1 个剪辑点在重拍（每小节的第一拍）上，加了 %2 秒的%3转场"
                              "（从重拍开始）；其余 %4 个保持硬切。")
            .arg(n)
            .arg(secs, fade ? QStringLiteral("淡入淡出") : type)
            .arg(cuts - n);
    const QString what =
        fade ? (n == 1 ? QStringLiteral("crossfade") : QStringLiteral("crossfades"))
             : type + (n == 1 ? QStringLiteral(" transition") : QStringLiteral(" transitions"));
    return QStringLiteral("%1 of the %2 cuts fall on a downbeat (the first beat of a bar): %1 %3 "
                          "of %4 s there, each starting on its downbeat; the other %5 stay hard "
                          "cuts.")
        .arg(n)
        .arg(cuts)
        .arg(what, secs)
        .arg(cuts - n);
}

namespace {

struct Music {
    MediaRecord media;
    qint64 inMs = 0;
    qint64 atMs = 0;
};

std::optional<Music> musicOn(Store& store, const QString& sessionId, const Draft& d)
{
    for (const Track& t : d.t)
        for (const Segment& s : t.sg)
            if (t.tt == int(TrackType::Audio) && ops::isMusicSegment(t, s))
                if (const std::optional<MediaRecord> m = store.media(s.src);
                    m && m->sessionId == sessionId && m->hasAudio)
                    return Music{*m, s.in, s.st};
    return std::nullopt;
}

OpOutcome notMontage(bool zh)
{
    return failure(pick(zh,
                        "This timeline is not cut to the beat of a song (there is no montage "
                        "here), so there are no downbeats to put transitions on; nothing was "
                        "changed. Say \"make a montage to the beat with transitions\" instead.",
                        "时间线没有按歌曲的节拍剪辑（这里还没有卡点视频），所以没有可以加转场的"
                        "重拍，没有修改。请改说“做一个卡点视频，加转场”。"));
}

} // namespace

OpOutcome Executor::applyDownbeatTransitions(const QString& sessionId, const Operation& op, bool zh)
{
    OpOutcome failed;
    std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    std::optional<Music> music = musicOn(m_store, sessionId, *draft);
    if (!music)
        return notMontage(zh);
    const std::optional<BeatAnalysis> beats = songBeats(m_store, music->media, zh, &failed);
    if (!beats)
        return failed;

    std::lock_guard<std::mutex> lock(m_store.editMutex());
    draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    music = musicOn(m_store, sessionId, *draft);
    if (!music)
        return notMontage(zh);
    const QList<qint64> grid = songToTimeline(beats->beats, music->inMs, music->atMs);
    const QList<qint64> downs = songToTimeline(beats->downbeats, music->inMs, music->atMs);
    const EditResult r = addDownbeatTransitions(*draft, grid, downs,
                                                op.args.value(QLatin1String("type")).toString());
    if (!r.ok) {
        if (r.errorCode == int(ErrorCode::Conflict))
            return notMontage(zh);
        return failure(pick(zh,
                            "None of the montage's cuts falls on a downbeat (the first beat of a "
                            "bar), so no transition was added and nothing was changed.",
                            "卡点视频的剪辑点都不在重拍（每小节的第一拍）上，所以没有加转场，"
                            "没有修改。"));
    }
    OpOutcome out =
        saveEdit(m_store, sessionId, r, QStringLiteral("transitions on the downbeats"), zh);
    if (!out.ok)
        return out;
    out.reply = (zh ? QStringLiteral("在卡点视频的重拍上加了转场（%1 BPM）：")
                    : QStringLiteral("Transitions on the downbeats of the montage (%1 BPM): "))
                    .arg(std::lround(beats->bpm)) +
                downbeatSentence(r.details, zh) +
                pick(zh, " Every cut stays on its beat and the length is unchanged.",
                     "每个剪辑点仍在节拍上，时长不变。");
    return out;
}

} // namespace cw::engine
