#include "server/MediaIngest.h"

#include "ApiError.h"
#include "Draft.h"
#include "media/AudioAnalysis.h"
#include "media/MediaProbe.h"
#include "server/MediaJson.h"

#include <QFile>
#include <mutex>

namespace cw::engine {

namespace {

constexpr qint64 kImageDurationMs = 5000;

void removeAll(const QList<ReceivedFile>& files)
{
    for (const ReceivedFile& f : files)
        QFile::remove(f.tempPath);
}

void ensureAnalysis(Store& store, const MediaRecord& m)
{
    if (m.kind == QLatin1String("image") || store.analysis(m.hash))
        return;
    const AudioAnalysis analysis = analyzeAudio(m.path);
    if (analysis.ok)
        store.putAnalysis(m.hash, analysis.toJson());
    else
        qWarning("engine: audio analysis of %s failed: %s", qPrintable(m.id),
                 qPrintable(analysis.error));
}

Track& trackFor(Draft& draft, bool audio)
{
    const QString id = audio ? QStringLiteral("a1") : QStringLiteral("v1");
    if (Track* t = draft.track(id))
        return *t;
    Track t;
    t.id = id;
    t.tt = audio ? int(TrackType::Audio) : int(TrackType::Video);
    t.n = audio ? QStringLiteral("Audio") : QStringLiteral("Video");
    if (audio) {
        draft.t.append(t);
        return draft.t.last();
    }
    draft.t.prepend(t); // the picture track leads, as in every editor
    return draft.t.first();
}

void appendSegment(Draft& draft, const MediaRecord& m)
{
    Track& track = trackFor(draft, m.kind == QLatin1String("audio"));
    qint64 start = 0;
    for (const Segment& s : std::as_const(track.sg))
        start = std::max(start, s.end());
    Segment s;
    s.id = newId(QStringLiteral("s_"));
    s.src = m.id;
    s.st = start;
    s.in = 0;
    s.d = m.kind == QLatin1String("image") ? kImageDurationMs : m.durationMs;
    s.m = QJsonObject{{QStringLiteral("name"), m.filename}};
    track.sg.append(s);
}

} // namespace

IngestResult ingestUploads(Store& store, const QString& sessionId, const QList<ReceivedFile>& files)
{
    IngestResult result;
    QList<MediaInfo> infos;
    for (const ReceivedFile& f : files) {
        MediaInfo info;
        if (f.size > 0)
            info = probeMedia(f.tempPath);
        const bool usable = info.ok && !info.kind.isEmpty() &&
                            (info.kind == QLatin1String("image") || info.durationMs > 0);
        if (!usable) {
            removeAll(files);
            result.code = ErrorCode::UnsupportedFile;
            result.error =
                f.size == 0
                    ? QStringLiteral("%1 is empty.").arg(f.displayName)
                    : QStringLiteral("%1 is not a video, audio or image file the engine can "
                                     "read%2")
                          .arg(f.displayName, info.error.isEmpty()
                                                  ? QStringLiteral(".")
                                                  : QStringLiteral(": ") + info.error);
            return result;
        }
        infos << info;
    }

    for (int i = 0; i < files.size(); ++i) {
        const ReceivedFile& f = files.at(i);
        const MediaInfo& info = infos.at(i);
        MediaRecord m;
        m.id = newId(QStringLiteral("med_"));
        m.sessionId = sessionId;
        m.filename = f.displayName;
        m.kind = info.kind;
        m.path = store.mediaDir() + QLatin1Char('/') + m.id + safeExtension(f.displayName);
        m.hash = f.hash;
        m.durationMs = info.durationMs;
        m.width = info.width;
        m.height = info.height;
        m.fps = info.fps;
        m.hasAudio = info.hasAudio;
        m.hasVideo = info.hasVideo;
        if (!QFile::rename(f.tempPath, m.path)) {
            removeAll(files.mid(i));
            result.code = ErrorCode::Internal;
            result.error = QStringLiteral("The upload could not be stored.");
            return result;
        }
        ensureAnalysis(store, m);
        if (!store.addMedia(m)) {
            QFile::remove(m.path);
            removeAll(files.mid(i + 1));
            result.code = ErrorCode::Internal;
            result.error = QStringLiteral("The upload could not be recorded.");
            return result;
        }
        result.media << m;
    }

    std::lock_guard<std::mutex> lock(store.editMutex());
    const std::optional<DraftVersion> head = store.headDraft(sessionId);
    std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft) {
        result.code = ErrorCode::Internal;
        result.error = QStringLiteral("The session's timeline cannot be read.");
        return result;
    }
    for (const MediaRecord& m : std::as_const(result.media))
        appendSegment(*draft, m);
    draft->d = draft->computedDuration();
    const QString label = result.media.size() == 1
                              ? QStringLiteral("upload ") + result.media.first().filename
                              : QStringLiteral("upload %1 files").arg(result.media.size());
    result.version = store.addDraftVersion(sessionId, draft->toBytes(), label);
    if (result.version <= 0) {
        result.code = ErrorCode::Internal;
        result.error = QStringLiteral("The timeline could not be updated.");
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace cw::engine
