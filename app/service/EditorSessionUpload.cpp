// Uploads: every path is checked on the client first (exists, readable, accepted type, not
// empty, at most 500 MB; folders expand to their accepted files) so a bad file fails at once
// with a clear reason and no request. Accepted files go one multipart request each, at most
// maxParallelUploads at a time; when the queue drains the state is fetched once. Links
// (uploadUrls) share the queue and the signals: one {"urls":[url]} request each, named by
// the URL, with indeterminate progress (the backend reports nothing until it has the file).
#include "ApiClient.h"
#include "EditorSessionPrivate.h"
#include "MediaTypes.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace cw {

namespace {

QString checkFile(const QFileInfo& fi)
{
    const QString name = fi.fileName();
    if (!fi.exists())
        return EditorSession::tr("%1 does not exist.").arg(name);
    if (!fi.isFile())
        return EditorSession::tr("%1 is not a file.").arg(name);
    if (!isAcceptedFileName(name))
        return EditorSession::tr("%1 is not a supported file type. Accepted types: %2.")
            .arg(name, acceptedExtensions().join(QStringLiteral(", ")));
    if (fi.size() > kMaxUploadBytes)
        return EditorSession::tr(
                   "%1 is larger than 500 MB. Trim it or compress it, then add it again.")
            .arg(name);
    if (fi.size() == 0)
        return EditorSession::tr("%1 is empty.").arg(name);
    if (!fi.isReadable())
        return EditorSession::tr("%1 cannot be read. Check its permissions.").arg(name);
    return {};
}

} // namespace

void EditorSession::upload(const QStringList& paths)
{
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo fi(path);
        if (!fi.isDir()) {
            files << path;
            continue;
        }
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            if (isAcceptedFileName(f))
                found << f;
        }
        if (found.isEmpty()) {
            Q_EMIT uploadFailed(
                fi.fileName(),
                tr("The folder %1 has no files Clipwright can use. Accepted "
                   "types: %2.")
                    .arg(fi.fileName(), acceptedExtensions().join(QStringLiteral(", "))));
            continue;
        }
        found.sort();
        files << found;
    }
    for (const QString& path : std::as_const(files)) {
        const QFileInfo fi(path);
        const QString problem = checkFile(fi);
        if (!problem.isEmpty()) {
            Q_EMIT uploadFailed(fi.fileName(), problem);
            continue;
        }
        if (!d->ready) {
            Q_EMIT uploadFailed(fi.fileName(), tr("Not connected to the editor yet. Wait a "
                                                  "moment and add the file again."));
            continue;
        }
        d->uploadQueue.append({fi.absoluteFilePath(), fi.fileName(), nullptr, QUrl()});
    }
    d->pumpUploads();
}

void EditorSession::uploadUrls(const QList<QUrl>& urls)
{
    for (const QUrl& url : urls) {
        // The name shown is the link without any user:password part.
        const QString name = url.toDisplayString(QUrl::RemoveUserInfo);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            Q_EMIT uploadFailed(name, tr("Only http:// and https:// links can be added."));
            continue;
        }
        if (!url.userInfo().isEmpty()) {
            Q_EMIT uploadFailed(name, tr("Links with a user name or password are not supported."));
            continue;
        }
        if (!d->ready) {
            Q_EMIT uploadFailed(name, tr("Not connected to the editor yet. Wait a moment and add "
                                         "the link again."));
            continue;
        }
        Private::Upload u;
        u.name = name;
        u.url = url;
        d->uploadQueue.append(u);
    }
    d->pumpUploads();
}

void EditorSession::cancelUploads()
{
    const auto queued = std::exchange(d->uploadQueue, {});
    for (const auto& u : queued)
        Q_EMIT uploadFailed(u.name, tr("Upload cancelled."));
    const auto active = d->uploadsActive;
    for (const auto& u : active)
        if (u.call)
            u.call->abort(); // finishUpload() reports it
}

void EditorSession::Private::pumpUploads()
{
    while (uploadsActive.size() < maxParallelUploads && !uploadQueue.isEmpty()) {
        Upload u = uploadQueue.takeFirst();
        const QString path = QStringLiteral("/api/upload-video/nemo_agent/me/%1").arg(sessionId);
        const QString name = u.name;
        if (u.url.isEmpty()) {
            u.call = api->uploadFile(path, u.path);
            QObject::connect(u.call, &ApiCall::progress, q,
                             [this, name](qint64 sent, qint64 total) {
                                 Q_EMIT q->uploadProgress(name, sent, total);
                             });
        } else {
            u.call =
                api->postJson(path,
                              QJsonObject{{QStringLiteral("urls"),
                                           QJsonArray{u.url.toString(QUrl::FullyEncoded)}},
                                          {QStringLiteral("source_type"), QStringLiteral("url")}},
                              api->uploadTimeout());
        }
        uploadsActive.append(u);
        Q_EMIT q->uploadStarted(u.name);
        if (!u.url.isEmpty())
            Q_EMIT q->uploadProgress(name, 0, -1); // indeterminate until the backend answers
        QObject::connect(u.call, &ApiCall::finished, q,
                         [this, u](const Envelope& env) { finishUpload(u, env); });
    }
    if (uploadsActive.isEmpty() && uploadQueue.isEmpty() && uploadsSucceeded > 0) {
        uploadsSucceeded = 0;
        fetchState();
    }
}

void EditorSession::Private::finishUpload(const Upload& upload, const Envelope& env)
{
    for (int i = 0; i < uploadsActive.size(); ++i)
        if (uploadsActive[i].path == upload.path && uploadsActive[i].call == upload.call) {
            uploadsActive.removeAt(i);
            break;
        }
    if (!env.ok) {
        const QString message = env.code == ErrorCode::Cancelled
                                    ? EditorSession::tr("Upload cancelled.")
                                    : describeError(env.httpStatus, env.code, env.message).message;
        Q_EMIT q->uploadFailed(upload.name, message);
        if (env.code == ErrorCode::SessionNotFound)
            reportError(env);
    } else {
        const QJsonArray files = env.data.toObject().value(QStringLiteral("files")).toArray();
        if (files.isEmpty() || !files.first().isObject()) {
            Q_EMIT q->uploadFailed(
                upload.name, describeError(env.httpStatus, ErrorCode::InvalidResponse).message);
        } else {
            MediaItem item = MediaItem::fromJson(files.first().toObject());
            if (item.fileName.isEmpty())
                item.fileName = upload.name;
            bool known = false;
            for (const MediaItem& m : std::as_const(media))
                known = known || (!item.id.isEmpty() && m.id == item.id);
            if (!known) {
                media.append(item);
                Q_EMIT q->mediaChanged();
            }
            ++uploadsSucceeded;
            Q_EMIT q->uploadFinished(item);
            const QJsonArray notes = env.data.toObject().value(QStringLiteral("notes")).toArray();
            for (const QJsonValue& note : notes)
                if (note.isString() && !note.toString().isEmpty())
                    Q_EMIT q->uploadNote(note.toString().left(500));
        }
    }
    pumpUploads();
}

} // namespace cw
