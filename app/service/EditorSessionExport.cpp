// Export: fetch the state (so the render gets the draft the user sees), POST a render job,
// poll it at the profile's interval (1 s local, 30 s cloud), then download the output to
// "<dest>.part" and rename it over dest. Cancel asks the backend to stop the job and aborts
// the download; a generation counter makes late answers of a cancelled export harmless.
// Accepted jobs are recorded in the RenderJournal until they end, so resumeExport() in a new
// run picks them up; a job the backend no longer knows ends with a clear message.
#include "ApiClient.h"
#include "EditorSessionPrivate.h"
#include "Shorts.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QUrlQuery>

namespace cw {

namespace {
constexpr int kMaxPollFailures = 3;

bool isKnownPreset(const QString& preset)
{
    static const QStringList presets = {QStringLiteral("1080p"), QStringLiteral("vertical-1080"),
                                        QStringLiteral("square-1080"), QStringLiteral("720p"),
                                        QStringLiteral("4k")};
    return presets.contains(preset);
}

// The render's output.format follows the destination's extension (the Export dialog names the
// file after the chosen format); anything else is rendered as MP4. The local engine knows all
// of these (RenderRoutes.cpp); the cloud documents mp4.
QString formatOf(const QString& destination)
{
    static const QStringList formats = {
        QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("webm"), QStringLiteral("gif"),
        QStringLiteral("mp3"), QStringLiteral("m4a"), QStringLiteral("wav")};
    const QString suffix = QFileInfo(destination).suffix().toLower();
    return formats.contains(suffix) ? suffix : QStringLiteral("mp4");
}
} // namespace

bool EditorSession::isExporting() const
{
    return d->exporting;
}

void EditorSession::exportVideo(const QString& destinationPath, const QString& preset,
                                int shortIndex, qint64 maxBytes, std::optional<bool> fast)
{
    if (d->exporting) {
        Q_EMIT errorOccurred(tr("An export is already running."));
        return;
    }
    const QString chosen = preset.isEmpty() ? QStringLiteral("1080p") : preset;
    if (!isKnownPreset(chosen)) {
        Q_EMIT exportFailed(tr("Unknown export format \"%1\".").arg(chosen));
        return;
    }
    const QFileInfo dest(destinationPath);
    if (destinationPath.isEmpty() || dest.isDir()) {
        Q_EMIT exportFailed(tr("Choose a file name for the exported video."));
        return;
    }
    if (!dest.absoluteDir().exists()) {
        Q_EMIT exportFailed(
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(dest.absolutePath())));
        return;
    }
    if (!d->ready) {
        Q_EMIT exportFailed(tr("Not connected to the editor yet. Wait a moment and try again."));
        return;
    }
    // The engine renders one job at a time: a running preview would hold the export back.
    cancelPreview();
    d->exporting = true;
    const int generation = ++d->exportGeneration;
    d->exportDest = dest.absoluteFilePath();
    d->exportPreset = chosen;
    d->exportShort = std::max(0, shortIndex);
    d->exportMaxBytes = std::max<qint64>(0, maxBytes);
    d->exportFast = fast;
    d->renderId.clear();
    d->renderPhase = QStringLiteral("rendering");
    d->lastPercent = -1;
    d->pollFailures = 0;
    d->fetchState([this, generation](bool ok) {
        if (generation != d->exportGeneration || !d->exporting)
            return;
        if (!ok) {
            d->endExport(false, tr("Could not read the timeline to export it."));
            return;
        }
        if (!d->draft.isExportable()) {
            d->endExport(false, tr("There is nothing to export yet. Add a clip first."));
            return;
        }
        d->submitRender();
    });
}

bool EditorSession::resumeExport()
{
    if (d->exporting || !d->ready)
        return false;
    const std::optional<RenderJob> job = d->journal.find(d->sessionId);
    if (!job)
        return false;
    d->exporting = true;
    ++d->exportGeneration;
    d->resumed = true;
    d->exportDest = job->destination;
    d->exportPreset = job->preset;
    d->renderId = job->renderId;
    d->renderPhase = QStringLiteral("rendering");
    d->lastPercent = -1;
    d->pollFailures = 0;
    Q_EMIT exportResumed(job->renderId);
    d->pollTimer.start(0);
    return true;
}

void EditorSession::cancelExport()
{
    if (!d->exporting)
        return;
    if (!d->renderId.isEmpty() && d->renderPhase == QLatin1String("rendering"))
        d->api->postJson(QStringLiteral("/api/render/proxy/lambda/%1/cancel").arg(d->renderId),
                         QJsonObject{}); // fire and forget; the call deletes itself
    d->endExport(false, tr("Export cancelled."));
}

void EditorSession::Private::submitRender()
{
    const QString id = QStringLiteral("render_%1").arg(QDateTime::currentMSecsSinceEpoch());
    // A short is the draft cut to its source ranges (the engine's CLI derives the same).
    Draft sent = draft;
    if (exportShort > 0) {
        const std::optional<Draft> one = shortDraft(draft, exportShort);
        if (!one) {
            endExport(false, EditorSession::tr("Short %1 is not in this edit any more; make the "
                                               "shorts again.")
                                 .arg(exportShort));
            return;
        }
        sent = *one;
    }
    if (exportMaxBytes > 0) {
        QJsonObject exp = sent.m.value(QLatin1String("export")).toObject();
        exp.insert(QStringLiteral("max_bytes"), exportMaxBytes);
        sent.m.insert(QStringLiteral("export"), exp);
    }
    QJsonObject output{{QStringLiteral("format"), formatOf(exportDest)},
                       {QStringLiteral("quality"), QStringLiteral("high")},
                       {QStringLiteral("preset"), exportPreset}};
    if (exportFast) // the cloud ignores it; the local engine keeps the source's codec
        output.insert(QStringLiteral("fast"), *exportFast);
    const QJsonObject body{
        {QStringLiteral("id"), id},
        {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("draft"), sent.toJson()},
        {QStringLiteral("output"), output},
    };
    const int generation = exportGeneration;
    exportCall = api->postJson(QStringLiteral("/api/render/proxy/lambda"), body);
    QObject::connect(
        exportCall, &ApiCall::finished, q, [this, generation, id](const Envelope& env) {
            if (generation != exportGeneration || !exporting)
                return;
            exportCall = nullptr;
            if (!env.ok) {
                endExport(false, exportError(env));
                return;
            }
            const RenderStatus r = RenderStatus::fromJson(env.data);
            renderId = r.id.isEmpty() ? id : r.id;
            journal.record(RenderJob{sessionId, renderId, exportDest, exportPreset});
            if (r.isFailed()) {
                endExport(false, r.error.isEmpty()
                                     ? EditorSession::tr("The export failed.")
                                     : EditorSession::tr("The export failed: %1").arg(r.error));
                return;
            }
            lastPercent = r.progress;
            Q_EMIT q->exportProgress(r.progress, renderPhase);
            pollTimer.start(pollMs);
        });
}

void EditorSession::Private::pollRender()
{
    if (!exporting || renderId.isEmpty())
        return;
    const int generation = exportGeneration;
    exportCall = api->get(QStringLiteral("/api/render/proxy/lambda/%1").arg(renderId));
    QObject::connect(exportCall, &ApiCall::finished, q, [this, generation](const Envelope& env) {
        if (generation != exportGeneration || !exporting)
            return;
        exportCall = nullptr;
        if (!env.ok) {
            const bool transient = env.code == ErrorCode::NetworkError ||
                                   env.code == ErrorCode::Timeout || env.httpStatus >= 500;
            if (transient && ++pollFailures < kMaxPollFailures) {
                pollTimer.start(pollMs);
                return;
            }
            if (env.code == ErrorCode::NotFound) {
                endExport(false, EditorSession::tr("The export job was lost (the editor was "
                                                   "restarted). Export again."));
                return;
            }
            endExport(false, exportError(env));
            return;
        }
        pollFailures = 0;
        const RenderStatus r = RenderStatus::fromJson(env.data);
        if (r.isFailed()) {
            endExport(false, r.error.isEmpty()
                                 ? EditorSession::tr("The export failed.")
                                 : EditorSession::tr("The export failed: %1").arg(r.error));
            return;
        }
        if (r.progress > lastPercent) {
            lastPercent = r.progress;
            Q_EMIT q->exportProgress(r.progress, renderPhase);
        }
        if (r.status == QLatin1String("completed")) {
            if (r.outputUrl.isEmpty()) {
                endExport(false, describeError(200, ErrorCode::InvalidResponse).message);
                return;
            }
            downloadRender(r.outputUrl);
            return;
        }
        pollTimer.start(pollMs);
    });
}

void EditorSession::Private::downloadRender(const QString& url)
{
    renderPhase = QStringLiteral("downloading");
    lastPercent = 0;
    Q_EMIT q->exportProgress(0, renderPhase);
    const int generation = exportGeneration;
    exportCall = api->download(url, exportDest);
    QObject::connect(exportCall, &ApiCall::progress, q,
                     [this, generation](qint64 got, qint64 total) {
                         if (generation != exportGeneration || total <= 0)
                             return;
                         const int percent = int(got * 100 / total);
                         if (percent > lastPercent) {
                             lastPercent = percent;
                             Q_EMIT q->exportProgress(percent, renderPhase);
                         }
                     });
    QObject::connect(exportCall, &ApiCall::finished, q, [this, generation](const Envelope& env) {
        if (generation != exportGeneration || !exporting)
            return;
        exportCall = nullptr;
        if (!env.ok) {
            endExport(false, describeError(env.httpStatus, env.code, env.message).message);
            return;
        }
        endExport(true, {});
    });
}

void EditorSession::Private::endExport(bool ok, const QString& message)
{
    if (!exporting)
        return;
    exporting = false;
    resumed = false;
    ++exportGeneration;
    pollTimer.stop();
    journal.remove(sessionId);
    if (exportCall)
        exportCall->abort(); // a download removes its .part file
    exportCall = nullptr;
    const QString dest = exportDest;
    if (ok)
        Q_EMIT q->exportFinished(dest);
    else
        Q_EMIT q->exportFailed(message);
}

QString EditorSession::Private::exportError(const Envelope& env) const
{
    const ErrorInfo info = describeError(env.httpStatus, env.code, env.message);
    if (env.code != ErrorCode::NoCredits || !registrationBase.isValid() || bindId.isEmpty())
        return info.message;
    QUrl link = registrationBase;
    QUrlQuery query(link);
    query.addQueryItem(QStringLiteral("bind"), bindId);
    link.setQuery(query);
    return info.message + QLatin1Char(' ') +
           EditorSession::tr("Register here: %1").arg(link.toString(QUrl::FullyEncoded));
}

} // namespace cw
