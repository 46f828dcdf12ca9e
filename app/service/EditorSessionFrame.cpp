// A still of the current edit for the viewer: GET /api/preview/<sid>/frame of the version the
// app shows, downloaded into a temporary file and handed over as JPEG bytes. A newer request
// aborts the older one, so a viewer that follows a dragged playhead only ever gets the
// frame it asked for last. Local engine only (the cloud has no such route).
#include "ApiClient.h"
#include "EditorSessionPrivate.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <QUuid>

namespace cw {

void EditorSession::requestEditFrame(qint64 atMs)
{
    const int serial = ++d->frameSerial;
    if (d->frameCall)
        d->frameCall->abort();
    auto fail = [this](const QString& message) {
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT editFrameFailed(message); }, Qt::QueuedConnection);
    };
    if (d->creditsVisible)
        return fail(tr("A preview of the edit needs the local engine."));
    if (!d->ready || d->sessionId.isEmpty())
        return fail(tr("Not connected to the editor yet. Wait a moment and try again."));
    if (!d->draft.isExportable())
        return fail(tr("There is nothing to preview yet. Add a clip first."));
    const int version = d->version;
    atMs = std::max<qint64>(0, atMs);
    const QString file = QDir::temp().filePath(
        QStringLiteral("clipwright-frame-%1.jpg").arg(QUuid::createUuid().toString(QUuid::Id128)));
    const QString path = QStringLiteral("/api/preview/%1/frame?at=%2&version=%3")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(d->sessionId)))
                             .arg(atMs)
                             .arg(version);
    d->frameCall = d->api->download(path, file);
    connect(d->frameCall, &ApiCall::finished, this,
            [this, serial, atMs, version, file](const Envelope& env) {
                QFile f(file);
                const QByteArray jpeg =
                    env.ok && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                f.close();
                QFile::remove(file);
                if (serial != d->frameSerial)
                    return; // a newer request is on its way
                d->frameCall = nullptr;
                if (jpeg.startsWith("\xFF\xD8"))
                    Q_EMIT editFrameReady(jpeg, atMs, version);
                else
                    Q_EMIT editFrameFailed(
                        env.ok ? tr("The engine sent no picture.")
                               : describeError(env.httpStatus, env.code, env.message).message);
            });
}

} // namespace cw
