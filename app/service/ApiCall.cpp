// Turns one QNetworkReply into an Envelope. Downloads stream into "<dest>.part" and are
// renamed over the destination only after the whole body arrived with a 2xx status, so an
// existing file is never replaced by a partial or an error page. A transfer timeout ends a
// reply with OperationCanceledError just like abort() does; m_cancelled tells them apart.
#include "ApiCall.h"

#include "ApiClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>
#include <cstdio>

namespace cw {

namespace {
constexpr qint64 kMaxJsonBody = 64LL * 1024 * 1024;
constexpr qint64 kMaxErrorBody = 1024 * 1024;

Envelope failure(int code, int httpStatus, const QString& message)
{
    Envelope e;
    e.ok = false;
    e.code = code;
    e.httpStatus = httpStatus;
    e.message = message;
    return e;
}
} // namespace

ApiCall::ApiCall(QNetworkReply* reply, Mode mode, const QString& description, QObject* parent)
    : QObject(parent), m_mode(mode), m_description(description)
{
    attach(reply);
}

void ApiCall::attach(QNetworkReply* reply)
{
    m_reply = reply;
    if (!reply)
        return;
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &ApiCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
    // Qt ends an upload with a (0, 0) report; it carries no information, so it is dropped.
    auto forward = [this](qint64 done, qint64 total) {
        if (done > 0 || total > 0)
            Q_EMIT progress(done, total);
    };
    if (m_mode == Mode::Upload)
        connect(reply, &QNetworkReply::uploadProgress, this, forward);
    else
        connect(reply, &QNetworkReply::downloadProgress, this, forward);
}

ApiCall::~ApiCall()
{
    if (m_reply && m_reply->isRunning()) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
    }
    downloadDiscard();
}

void ApiCall::abort()
{
    if (m_finished || !m_reply)
        return;
    m_cancelled = true;
    if (m_reply->isRunning()) {
        m_reply->abort(); // emits finished() synchronously
        return;
    }
    // Between attempts (waiting out a 429 or a new token): nothing is on the wire.
    finish(failure(ErrorCode::Cancelled, 0, QCoreApplication::translate("ApiCall", "Cancelled.")));
}

void ApiCall::setDownloadTarget(const QString& destination)
{
    m_destination = destination;
}

void ApiCall::finishLater(const Envelope& e)
{
    QMetaObject::invokeMethod(
        this, [this, e] { finish(e); }, Qt::QueuedConnection);
}

bool ApiCall::isSuccessStatus() const
{
    const int status =
        m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    return status >= 200 && status < 300;
}

void ApiCall::onReadyRead()
{
    if (!m_reply || !m_reply->isReadable())
        return;
    if (m_mode == Mode::Download && isSuccessStatus()) {
        if (!m_part) {
            m_part = new QFile(m_destination + QStringLiteral(".part"), this);
            if (!m_part->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                const QString why = m_part->errorString();
                delete m_part;
                m_part = nullptr;
                disconnect(m_reply, nullptr, this, nullptr);
                m_reply->abort();
                finish(failure(ErrorCode::Internal, 0,
                               QCoreApplication::translate("ApiCall", "Cannot write %1: %2")
                                   .arg(m_destination, why)));
                return;
            }
        }
        const QByteArray chunk = m_reply->readAll();
        if (m_part->write(chunk) != chunk.size()) {
            const QString why = m_part->errorString();
            disconnect(m_reply, nullptr, this, nullptr);
            m_reply->abort();
            downloadDiscard();
            finish(failure(ErrorCode::Internal, 0,
                           QCoreApplication::translate("ApiCall", "Cannot write %1: %2")
                               .arg(m_destination, why)));
            return;
        }
        m_written += chunk.size();
        return;
    }
    const qint64 limit = m_mode == Mode::Download ? kMaxErrorBody : kMaxJsonBody;
    m_body += m_reply->readAll();
    if (m_body.size() > limit) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        finish(failure(ErrorCode::InvalidResponse, 0,
                       QCoreApplication::translate("ApiCall", "The answer was too large.")));
    }
}

void ApiCall::onFinished()
{
    if (m_finished || !m_reply)
        return;
    onReadyRead();
    if (m_finished)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError err = m_reply->error();

    if (m_cancelled) {
        downloadDiscard();
        finish(failure(ErrorCode::Cancelled, status,
                       QCoreApplication::translate("ApiCall", "Cancelled.")));
        return;
    }
    if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) {
        downloadDiscard();
        finish(failure(ErrorCode::Timeout, status, {}));
        return;
    }
    if (status == 0) {
        downloadDiscard();
        finish(failure(ErrorCode::NetworkError, 0, m_reply->errorString()));
        return;
    }
    if (m_mode == Mode::Download && status >= 200 && status < 300) {
        if (err != QNetworkReply::NoError) { // cut off after the headers
            downloadDiscard();
            finish(failure(ErrorCode::NetworkError, status, m_reply->errorString()));
            return;
        }
        QString why;
        if (!downloadCommit(&why)) {
            finish(failure(ErrorCode::Internal, status,
                           QCoreApplication::translate("ApiCall", "Cannot write %1: %2")
                               .arg(m_destination, why)));
            return;
        }
        Envelope e;
        e.ok = true;
        e.httpStatus = status;
        e.data = QJsonObject{{QStringLiteral("path"), m_destination},
                             {QStringLiteral("bytes"), double(m_written)}};
        finish(e);
        return;
    }
    downloadDiscard();
    Envelope e = decodeEnvelope(status, m_body);
    if (e.ok && err != QNetworkReply::NoError) // a 2xx body cut off mid-way
        e = failure(ErrorCode::NetworkError, status, m_reply->errorString());
    if (!e.ok && recover(e))
        return;
    finish(e);
}

bool ApiCall::recover(const Envelope& e)
{
    auto* client = qobject_cast<ApiClient*>(parent());
    if (!m_resend || !client || m_mode == Mode::Download)
        return false;
    if ((e.code == ErrorCode::TokenInvalid || e.httpStatus == 401) && !m_reauthTried &&
        client->m_reauthenticator) {
        m_reauthTried = true;
        QPointer<ApiCall> self(this);
        client->m_reauthenticator([self, e](bool ok) {
            if (!self || self->m_finished || self->m_cancelled)
                return;
            if (ok)
                self->resend();
            else
                self->finish(e);
        });
        return true;
    }
    if (e.httpStatus == 429 && !m_rateLimitTried) {
        m_rateLimitTried = true;
        Q_EMIT client->notice(describeError(e.httpStatus, e.code, e.message).message);
        QTimer::singleShot(client->m_rateLimitWaitMs, this, [this] {
            if (!m_finished && !m_cancelled)
                resend();
        });
        return true;
    }
    if (e.httpStatus == 400 && !m_clientIdTried &&
        describeError(e.httpStatus, e.code, e.message).recovery == Recovery::NewClientId &&
        client->clientId().isEmpty()) {
        m_clientIdTried = true;
        client->ensureClientId();
        resend();
        return true;
    }
    return false;
}

void ApiCall::resend()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->deleteLater();
    }
    m_body.clear();
    QNetworkReply* reply = m_resend();
    if (!reply) { // an upload whose file went away between attempts
        m_reply = nullptr;
        finish(failure(ErrorCode::NotFound, 0,
                       QCoreApplication::translate("ApiCall", "The file can no longer be read.")));
        return;
    }
    attach(reply);
}

bool ApiCall::downloadCommit(QString* error)
{
    if (!m_part) { // empty body: still produce the (empty) file
        m_part = new QFile(m_destination + QStringLiteral(".part"), this);
        if (!m_part->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = m_part->errorString();
            downloadDiscard();
            return false;
        }
    }
    if (!m_part->flush()) {
        *error = m_part->errorString();
        downloadDiscard();
        return false;
    }
    m_part->close();
    const QString part = m_part->fileName();
    delete m_part;
    m_part = nullptr;
    // std::rename replaces the destination atomically on POSIX; elsewhere remove first.
    if (std::rename(QFile::encodeName(part).constData(),
                    QFile::encodeName(m_destination).constData()) != 0) {
        QFile::remove(m_destination);
        if (!QFile::rename(part, m_destination)) {
            *error = QCoreApplication::translate("ApiCall", "rename failed");
            QFile::remove(part);
            return false;
        }
    }
    return true;
}

void ApiCall::downloadDiscard()
{
    if (!m_part)
        return;
    m_part->close();
    m_part->remove();
    delete m_part;
    m_part = nullptr;
}

void ApiCall::finish(const Envelope& e)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = e;
    if (m_reply)
        disconnect(m_reply, nullptr, this, nullptr);
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace cw
