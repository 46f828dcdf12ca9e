// Media visuals and the preview of the current edit.
// Waveforms (JSON) and thumbnails (JPEG, downloaded through ApiClient into a private temp
// dir, then read) are cached in memory per media id, so the media bin and the timeline can
// ask as often as they like; at most four thumbnails are fetched at once. A backend without
// these routes (the cloud) fails quietly: a failed item is not asked for again, and after
// three failures without any success no more visuals are requested at all.
// The preview is an ordinary render job with the engine's "preview" preset (640 on the long
// side; assembled from proxies, see the engine's PreviewAssembly.h), polled every 100 ms and
// hard-linked (local engine) or downloaded to <cache>/previews/<session>-v<version>-<hash>.mp4
// (a MOV inside: H.264 and PCM sound; players go by content, not by the name). It is
// never recorded in the RenderJournal and never touches the export's state. A request for the
// draft already rendered (or being rendered) costs nothing; a request for a newer draft
// cancels the running job. Cloud renders cost credits, so previews are local-only.
// A preview that changes every frame of a long edit comes in two steps: the engine reports a
// playable window from the playhead while it draws the rest (status "window"), linked to
// <...>-window.mov and announced once; it is removed when the whole arrives or is cancelled.
#include "ApiClient.h"
#include "EditorSessionPrivate.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <unistd.h>

namespace cw {

namespace {
constexpr int kMaxThumbnailCalls = 4;
constexpr int kGiveUpAfterFailures = 3;
constexpr int kKeptPreviews = 3;

QString thumbKey(const QString& mediaId, qint64 atMs)
{
    return mediaId + QLatin1Char('@') + QString::number(atMs);
}
} // namespace

struct EditorSession::Private::MediaState : QObject {
    explicit MediaState(EditorSession::Private* d) : QObject(d->q), d(d)
    {
        previewPoll.setSingleShot(true);
        connect(&previewPoll, &QTimer::timeout, this, [this] { pollPreview(); });
    }

    bool gaveUp() const { return successes == 0 && failures >= kGiveUpAfterFailures; }
    void failed() { ++failures; }

    void pumpThumbnails();
    void fetchThumbnail(const QString& mediaId, qint64 atMs);
    void submitPreview(const QString& file, int version, qint64 atMs);
    void pollPreview();
    bool linkFile(const QString& enginePath, const QString& file);
    void removeWindow();
    void downloadPreview(const QString& url);
    void endPreview(bool ok, const QString& message);
    void prunePreviews(const QString& keep);
    QString previewDir() const;

    EditorSession::Private* d;
    int successes = 0;
    int failures = 0;

    struct Waveform {
        double peaksPerSecond = 0;
        QVector<float> peaks;
    };
    QHash<QString, Waveform> waveforms;
    QSet<QString> waveformPending;
    QSet<QString> waveformFailed;

    QHash<QString, QByteArray> thumbnails; // thumbKey -> JPEG
    QSet<QString> thumbnailFailed;
    QList<QPair<QString, qint64>> thumbnailQueue;
    QSet<QString> thumbnailQueued; // queued or running
    int thumbnailCalls = 0;
    std::unique_ptr<QTemporaryDir> tempDir;
    int thumbSerial = 0;

    // preview
    bool previewing = false;
    int previewGeneration = 0;
    QString previewFile;
    QString windowFile; // the linked window of the running preview, if any
    int previewVersion = -1;
    QString previewRenderId;
    QString previewPhase;
    int previewPercent = -1;
    int previewPollFailures = 0;
    QTimer previewPoll;
    QPointer<ApiCall> previewCall;
};

EditorSession::Private::MediaState& EditorSession::Private::visuals()
{
    if (!mediaState)
        mediaState = new MediaState(this);
    return *mediaState;
}

void EditorSession::requestWaveform(const QString& mediaId)
{
    Private::MediaState& m = d->visuals();
    if (mediaId.isEmpty() || d->sessionId.isEmpty())
        return;
    const auto cached = m.waveforms.constFind(mediaId);
    if (cached != m.waveforms.constEnd()) {
        const Private::MediaState::Waveform w = *cached;
        QMetaObject::invokeMethod(
            this, [this, mediaId, w] { Q_EMIT waveformReady(mediaId, w.peaksPerSecond, w.peaks); },
            Qt::QueuedConnection);
        return;
    }
    if (m.gaveUp() || m.waveformPending.contains(mediaId) || m.waveformFailed.contains(mediaId))
        return;
    m.waveformPending.insert(mediaId);
    ApiCall* call = d->api->get(QStringLiteral("/api/media/%1/%2/waveform")
                                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(d->sessionId)),
                                         QString::fromLatin1(QUrl::toPercentEncoding(mediaId))));
    connect(call, &ApiCall::finished, &m, [this, &m, mediaId](const Envelope& env) {
        m.waveformPending.remove(mediaId);
        const QJsonObject data = env.data.toObject();
        const QJsonArray peaks = data.value(QStringLiteral("peaks")).toArray();
        const double pps = data.value(QStringLiteral("peaks_per_second")).toDouble();
        if (!env.ok || pps <= 0) {
            m.waveformFailed.insert(mediaId);
            m.failed();
            return;
        }
        ++m.successes;
        Private::MediaState::Waveform w;
        w.peaksPerSecond = pps;
        w.peaks.reserve(peaks.size());
        for (const QJsonValue& v : peaks)
            w.peaks.append(float(std::clamp(v.toDouble(), 0.0, 1.0)));
        m.waveforms.insert(mediaId, w);
        Q_EMIT waveformReady(mediaId, w.peaksPerSecond, w.peaks);
    });
}

void EditorSession::requestThumbnail(const QString& mediaId, qint64 atMs)
{
    Private::MediaState& m = d->visuals();
    if (mediaId.isEmpty() || d->sessionId.isEmpty())
        return;
    atMs = std::max<qint64>(-1, atMs);
    const QString key = thumbKey(mediaId, atMs);
    const auto cached = m.thumbnails.constFind(key);
    if (cached != m.thumbnails.constEnd()) {
        const QByteArray jpeg = *cached;
        QMetaObject::invokeMethod(
            this, [this, mediaId, atMs, jpeg] { Q_EMIT thumbnailReady(mediaId, atMs, jpeg); },
            Qt::QueuedConnection);
        return;
    }
    if (m.gaveUp() || m.thumbnailQueued.contains(key) || m.thumbnailFailed.contains(key))
        return;
    m.thumbnailQueued.insert(key);
    m.thumbnailQueue.append({mediaId, atMs});
    m.pumpThumbnails();
}

void EditorSession::Private::MediaState::pumpThumbnails()
{
    while (thumbnailCalls < kMaxThumbnailCalls && !thumbnailQueue.isEmpty()) {
        const auto next = thumbnailQueue.takeFirst();
        fetchThumbnail(next.first, next.second);
    }
}

void EditorSession::Private::MediaState::fetchThumbnail(const QString& mediaId, qint64 atMs)
{
    const QString key = thumbKey(mediaId, atMs);
    if (gaveUp()) {
        thumbnailQueued.remove(key);
        return;
    }
    if (!tempDir)
        tempDir = std::make_unique<QTemporaryDir>();
    if (!tempDir->isValid()) {
        thumbnailQueued.remove(key);
        return;
    }
    const QString file = tempDir->filePath(QStringLiteral("t%1.jpg").arg(++thumbSerial));
    const QString path = QStringLiteral("/api/media/%1/%2/thumbnail?at=%3&w=160")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(d->sessionId)),
                                  QString::fromLatin1(QUrl::toPercentEncoding(mediaId)))
                             .arg(atMs);
    ++thumbnailCalls;
    ApiCall* call = d->api->download(path, file);
    connect(call, &ApiCall::finished, this, [this, mediaId, atMs, key, file](const Envelope& env) {
        --thumbnailCalls;
        thumbnailQueued.remove(key);
        QFile f(file);
        const QByteArray jpeg = env.ok && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        f.close();
        QFile::remove(file);
        if (jpeg.startsWith("\xFF\xD8")) {
            ++successes;
            thumbnails.insert(key, jpeg);
            Q_EMIT d->q->thumbnailReady(mediaId, atMs, jpeg);
        } else {
            thumbnailFailed.insert(key);
            failed();
        }
        pumpThumbnails();
    });
}

void EditorSession::requestPreview(qint64 atMs)
{
    Private::MediaState& m = d->visuals();
    if (d->creditsVisible) {
        Q_EMIT previewFailed(tr("A preview of the edit needs the local engine."));
        return;
    }
    if (!d->ready) {
        Q_EMIT previewFailed(tr("Not connected to the editor yet. Wait a moment and try again."));
        return;
    }
    if (!d->draft.isExportable()) {
        Q_EMIT previewFailed(tr("There is nothing to preview yet. Add a clip first."));
        return;
    }
    const QByteArray json = QJsonDocument(d->draft.toJson()).toJson(QJsonDocument::Compact);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(json, QCryptographicHash::Sha1).toHex().left(10));
    const QString dir = m.previewDir();
    if (dir.isEmpty()) {
        Q_EMIT previewFailed(tr("There is no folder to keep the preview in."));
        return;
    }
    const QString safeSession =
        QString(d->sessionId)
            .replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString file = QDir(dir).filePath(
        QStringLiteral("%1-v%2-%3.mp4").arg(safeSession).arg(d->version).arg(hash));
    if (m.previewing && m.previewFile == file)
        return; // already rendering this draft
    if (QFileInfo(file).size() > 0) {
        cancelPreview();
        const int version = d->version;
        QMetaObject::invokeMethod(
            this, [this, file, version] { Q_EMIT previewReady(file, version); },
            Qt::QueuedConnection);
        return;
    }
    cancelPreview();
    m.submitPreview(file, d->version, atMs);
}

void EditorSession::cancelPreview()
{
    if (!d->mediaState || !d->mediaState->previewing)
        return;
    Private::MediaState& m = *d->mediaState;
    if (!m.previewRenderId.isEmpty() && m.previewPhase == QLatin1String("rendering"))
        d->api->postJson(
            QStringLiteral("/api/render/proxy/lambda/%1/cancel").arg(m.previewRenderId),
            QJsonObject{});
    m.previewing = false;
    ++m.previewGeneration;
    m.removeWindow();
    m.previewPoll.stop();
    if (m.previewCall)
        m.previewCall->abort();
    m.previewCall = nullptr;
}

QString EditorSession::Private::MediaState::previewDir() const
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty())
        base = QDir::temp().filePath(QStringLiteral("clipwright-cache"));
    const QString dir = QDir(base).filePath(QStringLiteral("previews"));
    return QDir().mkpath(dir) ? dir : QString();
}

void EditorSession::Private::MediaState::submitPreview(const QString& file, int version,
                                                       qint64 atMs)
{
    previewing = true;
    const int generation = ++previewGeneration;
    previewFile = file;
    previewVersion = version;
    previewPhase = QStringLiteral("rendering");
    previewPercent = -1;
    previewPollFailures = 0;
    previewRenderId = QStringLiteral("preview_%1").arg(QDateTime::currentMSecsSinceEpoch());
    QJsonObject output{{QStringLiteral("format"), QStringLiteral("mp4")},
                       {QStringLiteral("quality"), QStringLiteral("low")},
                       {QStringLiteral("preset"), QStringLiteral("preview")}};
    if (atMs >= 0)
        output.insert(QStringLiteral("at_ms"), atMs);
    const QJsonObject body{
        {QStringLiteral("id"), previewRenderId},
        {QStringLiteral("sessionId"), d->sessionId},
        {QStringLiteral("draft"), d->draft.toJson()},
        {QStringLiteral("output"), output},
    };
    previewCall = d->api->postJson(QStringLiteral("/api/render/proxy/lambda"), body);
    connect(previewCall, &ApiCall::finished, this, [this, generation](const Envelope& env) {
        if (generation != previewGeneration || !previewing)
            return;
        previewCall = nullptr;
        if (!env.ok) {
            endPreview(false, describeError(env.httpStatus, env.code, env.message).message);
            return;
        }
        const RenderStatus r = RenderStatus::fromJson(env.data);
        if (!r.id.isEmpty())
            previewRenderId = r.id;
        previewPoll.start(0);
    });
}

void EditorSession::Private::MediaState::pollPreview()
{
    if (!previewing)
        return;
    const int generation = previewGeneration;
    previewCall = d->api->get(QStringLiteral("/api/render/proxy/lambda/%1").arg(previewRenderId));
    connect(previewCall, &ApiCall::finished, this, [this, generation](const Envelope& env) {
        if (generation != previewGeneration || !previewing)
            return;
        previewCall = nullptr;
        const int interval = std::min(d->pollMs, 100); // a preview takes a second or two
        if (!env.ok) {
            const bool transient = env.code == ErrorCode::NetworkError ||
                                   env.code == ErrorCode::Timeout || env.httpStatus >= 500;
            if (transient && ++previewPollFailures < 3) {
                previewPoll.start(interval);
                return;
            }
            endPreview(false, describeError(env.httpStatus, env.code, env.message).message);
            return;
        }
        previewPollFailures = 0;
        const RenderStatus r = RenderStatus::fromJson(env.data);
        if (r.isFailed()) {
            endPreview(false,
                       r.error.isEmpty()
                           ? EditorSession::tr("The preview could not be made.")
                           : EditorSession::tr("The preview could not be made: %1").arg(r.error));
            return;
        }
        const int percent = std::clamp(r.progress, 0, 99);
        if (percent > previewPercent) {
            previewPercent = percent;
            Q_EMIT d->q->previewProgress(percent);
        }
        if (!r.windowPath.isEmpty() && windowFile.isEmpty()) {
            const QString file = previewFile.chopped(4) + QStringLiteral("-window.mov");
            if (linkFile(r.windowPath, file)) {
                windowFile = file;
                Q_EMIT d->q->previewWindowReady(file, r.windowFromMs, r.windowToMs, previewVersion);
            }
        }
        if (r.status == QLatin1String("completed") && linkFile(r.outputPath, previewFile)) {
            endPreview(true, {});
            return;
        }
        if (r.status == QLatin1String("completed") && !r.outputUrl.isEmpty()) {
            downloadPreview(r.outputUrl);
            return;
        }
        previewPoll.start(interval);
    });
}

// The local engine's file is on this disk: a hard link costs nothing where a download of a
// ten-minute preview copies 250 MB. Another file system (or a cloud URL) downloads.
bool EditorSession::Private::MediaState::linkFile(const QString& enginePath, const QString& file)
{
    if (enginePath.isEmpty() || !QFileInfo(enginePath).isFile())
        return false;
    const QByteArray from = QFile::encodeName(enginePath);
    const QByteArray to = QFile::encodeName(file);
    QFile::remove(file);
    return ::link(from.constData(), to.constData()) == 0;
}

// The viewer may still play it: the open file outlives its name.
void EditorSession::Private::MediaState::removeWindow()
{
    if (!windowFile.isEmpty())
        QFile::remove(std::exchange(windowFile, QString()));
}

void EditorSession::Private::MediaState::downloadPreview(const QString& url)
{
    previewPhase = QStringLiteral("downloading");
    const int generation = previewGeneration;
    previewCall = d->api->download(url, previewFile);
    connect(previewCall, &ApiCall::finished, this, [this, generation](const Envelope& env) {
        if (generation != previewGeneration || !previewing)
            return;
        previewCall = nullptr;
        if (!env.ok) {
            endPreview(false, describeError(env.httpStatus, env.code, env.message).message);
            return;
        }
        endPreview(true, {});
    });
}

void EditorSession::Private::MediaState::endPreview(bool ok, const QString& message)
{
    if (!previewing)
        return;
    previewing = false;
    ++previewGeneration;
    previewPoll.stop();
    previewCall = nullptr;
    removeWindow();
    if (!ok) {
        Q_EMIT d->q->previewFailed(message);
        return;
    }
    prunePreviews(previewFile);
    Q_EMIT d->q->previewProgress(100);
    Q_EMIT d->q->previewReady(previewFile, previewVersion);
}

// Keeps the newest previews of this session (the pane may still be playing the one before).
void EditorSession::Private::MediaState::prunePreviews(const QString& keep)
{
    const QFileInfo kept(keep);
    const QString prefix =
        kept.fileName().section(QStringLiteral("-v"), 0, 0) + QStringLiteral("-v");
    QFileInfoList files =
        kept.dir().entryInfoList({prefix + QStringLiteral("*.mp4")}, QDir::Files, QDir::Time);
    for (int i = kKeptPreviews; i < files.size(); ++i)
        if (files.at(i).absoluteFilePath() != kept.absoluteFilePath())
            QFile::remove(files.at(i).absoluteFilePath());
}

} // namespace cw
