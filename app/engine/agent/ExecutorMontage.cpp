// "Cut these clips into a 60-second montage synced to the music" (edit/Montage.h). The song
// is, in order: the upload the message names, the music on the timeline (an upload or the
// generated bed), a song uploaded onto the timeline's sound track, the latest uploaded sound
// file. Its beats (media/BeatDetect.h) are found on first use and cached in the store per
// content hash like the scene changes, before the edit lock is taken; the head draft is read
// again under the lock. The montage starts on the song's first beat at or after where the
// music started (its first downbeat when one comes within 4 s), so the timeline's 0 is a beat
// and every cut is one. Asked "with transitions", the cuts on a downbeat get one
// (edit/MontageTransitions.h).
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"
#include "agent/SongBeats.h"
#include "edit/Montage.h"
#include "edit/MontageTransitions.h"
#include "edit/OperationsUtil.h"
#include "media/BeatDetect.h"
#include "store/Store.h"

#include <QJsonArray>
#include <cmath>

namespace cw::engine {

namespace {

struct Song {
    MediaRecord media;
    qint64 fromMs = 0; // where the music started in the file
};

std::optional<Song> songFor(Store& store, const QString& sessionId, const Draft& d,
                            const QString& file)
{
    auto usable = [&](const QString& id) -> std::optional<MediaRecord> {
        const std::optional<MediaRecord> m = store.media(id);
        if (m && m->sessionId == sessionId && m->hasAudio && m->kind == QLatin1String("audio"))
            return m;
        return std::nullopt;
    };
    if (!file.isEmpty()) {
        const std::optional<MediaRecord> m = pickUpload(store, sessionId, file, QString());
        if (m && m->hasAudio)
            return Song{*m, 0};
        return std::nullopt;
    }
    for (const bool musicOnly : {true, false})
        for (const Track& t : d.t)
            for (const Segment& s : t.sg)
                if (t.tt == int(TrackType::Audio) && ops::isMusicSegment(t, s) == musicOnly)
                    if (const std::optional<MediaRecord> m = usable(s.src))
                        return Song{*m, musicOnly ? s.in : 0};
    if (const std::optional<MediaRecord> m =
            pickUpload(store, sessionId, {}, QStringLiteral("audio")))
        return Song{*m, 0};
    return std::nullopt;
}

QList<MontageSource> sourcesOf(Store& store, const QString& sessionId, const Draft& d)
{
    QList<MontageSource> out;
    const int vi = ops::mainVideoTrack(d);
    if (vi < 0)
        return out;
    const QHash<QString, AudioAnalysis> levels = analysesOf(store, sessionId, d);
    for (const int i : ops::sortedIndices(d.t[vi])) {
        const Segment& s = d.t[vi].sg[i];
        const std::optional<MediaRecord> m = store.media(s.src);
        if (!m || m->sessionId != sessionId || s.d <= 0 ||
            (m->kind != QLatin1String("video") && m->kind != QLatin1String("image")))
            continue;
        MontageSource src;
        src.src = s.src;
        src.name = m->filename;
        src.still = m->kind == QLatin1String("image");
        src.inMs = src.still ? 0 : s.in;
        src.lengthMs = src.still ? s.d
                                 : std::min(qint64(std::llround(s.d * ops::speedOf(s))),
                                            std::max<qint64>(0, m->durationMs - s.in));
        if (const auto it = levels.constFind(s.src); it != levels.cend() && it->ok) {
            src.levelsDb = it->levelsDb;
            src.windowMs = it->windowMs;
        }
        out << src;
    }
    return out;
}

QString secondsText(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

OpOutcome Executor::applyMontage(const QString& sessionId, const Operation& op, bool zh)
{
    OpOutcome failed;
    std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    if (sourcesOf(m_store, sessionId, *draft).isEmpty())
        return failure(
            pick(zh,
                 "There are no video clips on the timeline to cut into a montage, so "
                 "nothing was changed. Upload the clips first.",
                 "时间线上没有可以剪成卡点视频的视频片段，所以没有修改。请先上传片段。"));
    const QString file = op.args.value(QLatin1String("file")).toString();
    const std::optional<Song> song = songFor(m_store, sessionId, *draft, file);
    if (!song)
        return file.isEmpty()
                   ? failure(
                         pick(zh,
                              "A montage is cut to the beat of a song, and there is none here, so "
                              "nothing was changed. Upload a song (or say \"add lo-fi background "
                              "music\" for a generated one), then ask again.",
                              "卡点剪辑要跟着一首歌的节拍，这里还没有音乐，所以没有修改。请上传一首"
                              "歌（或说"
                              "“添加 lo-fi 背景音乐”生成一段），然后再说一次。"))
                   : notUploaded(file, zh);
    const std::optional<BeatAnalysis> found = songBeats(m_store, song->media, zh, &failed);
    if (!found)
        return failed;
    const BeatAnalysis& beats = *found;

    std::lock_guard<std::mutex> lock(m_store.editMutex());
    draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const QList<MontageSource> sources = sourcesOf(m_store, sessionId, *draft);
    // The montage starts on the first downbeat (the one of a bar) at or after where the music
    // started, so its bars are the song's: parts of 4 or 8 beats keep their cuts on the bars.
    qint64 startMs = 0;
    for (const qint64 b : std::as_const(beats.beats))
        if (b >= song->fromMs) {
            startMs = b;
            break;
        }
    for (const qint64 b : std::as_const(beats.downbeats))
        if (b >= song->fromMs) {
            if (b - startMs < 4000)
                startMs = b;
            break;
        }
    const QList<qint64> grid = songToTimeline(beats.beats, startMs, 0);
    const QList<qint64> downs = songToTimeline(beats.downbeats, startMs, 0);
    const qint64 musicMs = std::max<qint64>(0, song->media.durationMs - startMs);
    const qint64 asked = op.args.value(QLatin1String("target_ms")).toInteger(0);
    const qint64 target = asked > 0 ? asked : std::min(kMontageDefaultMs, musicMs);
    const QList<MontagePart> parts = planMontage(sources, grid, target);
    MontageMusic music;
    music.media = refOf(song->media);
    music.inMs = startMs;
    EditResult r = engine::applyMontage(*draft, sources, grid, parts, music);
    // "with transitions", "crossfade on the downbeats": on the cuts that are on a downbeat.
    const QString transition = op.args.value(QLatin1String("transitions")).toString();
    QString transitionNote;
    if (r.ok && !transition.isEmpty()) {
        const EditResult t = addDownbeatTransitions(r.draft, grid, downs, transition);
        if (t.ok) {
            r.draft = t.draft;
            transitionNote =
                (zh ? QString() : QStringLiteral(" ")) + downbeatSentence(t.details, zh);
        } else {
            transitionNote =
                pick(zh, " None of the cuts falls on a downbeat, so there are no transitions.",
                     "没有剪辑点落在重拍上，所以没有加转场。");
        }
    }
    OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("montage"), zh);
    if (!out.ok)
        return out;
    const qint64 length = r.details.value(QLatin1String("length_ms")).toInteger();
    const int cuts = int(r.details.value(QLatin1String("cuts")).toArray().size());
    const int count = r.details.value(QLatin1String("parts")).toInt();
    const int clips = r.details.value(QLatin1String("clips")).toInt();
    const double perPart = double(r.details.value(QLatin1String("beats")).toInt()) / count;
    QString shortNote;
    if (asked > 0 && length + 1000 < asked)
        shortNote = zh ? QStringLiteral("（素材或音乐只够 %1 秒）").arg(secondsText(length))
                       : QStringLiteral(" (the clips and the song hold %1 s at this tempo, not "
                                        "%2 s)")
                             .arg(secondsText(length), secondsText(asked));
    out.reply =
        zh ? QStringLiteral("把 %1 个片段剪成了 %2 秒的卡点视频%3，配 %4（%5 BPM）：%6 段、%7 "
                            "个剪辑点，每个都在节拍上（每段平均 %8 拍）。每个片段按时间顺序取"
                            "声音最响的部分；片段原声已静音，只保留音乐。")
                 .arg(clips)
                 .arg(secondsText(length), shortNote, song->media.filename)
                 .arg(std::lround(beats.bpm))
                 .arg(count)
                 .arg(cuts)
                 .arg(perPart, 0, 'f', 1)
           : QStringLiteral("Cut %1 clip%2 into a %3-s montage%4 to %5 at %6 BPM: %7 parts, "
                            "%8 cuts, each on a beat (%9 beats a part on average). From each "
                            "clip I took its loudest stretches, in their order; the clips' own "
                            "sound is muted under the music.")
                 .arg(clips)
                 .arg(clips == 1 ? QString() : QStringLiteral("s"))
                 .arg(secondsText(length), shortNote, song->media.filename)
                 .arg(std::lround(beats.bpm))
                 .arg(count)
                 .arg(cuts)
                 .arg(perPart, 0, 'f', 1);
    out.reply += transitionNote;
    return out;
}

} // namespace cw::engine
