// A handle for one request made through ApiClient. Callers connect to finished() and
// progress() and never see the QNetworkReply (STYLE.md point 2: one gateway to the network).
// The call deletes itself after finished() has been delivered; hold it in a QPointer when
// you may want to abort() it later. finished() is emitted exactly once, also after abort().
// JSON calls and uploads recover from the cloud's transient answers before finishing (PROTOCOL.md):
// 1001
// -> ApiClient's reauthenticator, then one retry; HTTP 429 -> wait, then one retry; a bare
// HTTP 400 (missing X-Client-Id) -> ApiClient makes a client id, then one retry.
#pragma once

#include "ApiError.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class QFile;
class QNetworkReply;

namespace cw {

class ApiCall : public QObject {
    Q_OBJECT
public:
    ~ApiCall() override;

    void abort(); // ends with ErrorCode::Cancelled
    bool isFinished() const { return m_finished; }
    const Envelope& result() const { return m_result; }
    QString description() const { return m_description; } // method + path, never the token
    // Default on for JSON calls; off for the token request itself (it must not wait on itself).
    void setReauthenticate(bool on) { m_reauthTried = !on; }

Q_SIGNALS:
    void finished(const cw::Envelope& envelope);
    void progress(qint64 done, qint64 total); // total is -1 when unknown

private:
    friend class ApiClient;
    enum class Mode { Json, Upload, Download };
    ApiCall(QNetworkReply* reply, Mode mode, const QString& description, QObject* parent);

    void attach(QNetworkReply* reply);
    // JSON calls and uploads: how to send the request again (current token and client id).
    void setResend(std::function<QNetworkReply*()> resend) { m_resend = std::move(resend); }
    bool recover(const Envelope& e); // true when a retry is under way
    void resend();

    void setDownloadTarget(const QString& destination); // before the first byte arrives
    void finishLater(const Envelope& e);                // a call that failed before sending
    void onReadyRead();
    void onFinished();
    void finish(const Envelope& e);
    bool downloadCommit(QString* error);
    void downloadDiscard();
    bool isSuccessStatus() const;

    QPointer<QNetworkReply> m_reply;
    Mode m_mode;
    QString m_description;
    QByteArray m_body;
    QString m_destination;
    QFile* m_part = nullptr;
    qint64 m_written = 0;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_reauthTried = false;
    bool m_rateLimitTried = false;
    bool m_clientIdTried = false;
    std::function<QNetworkReply*()> m_resend;
    Envelope m_result;
};

} // namespace cw

Q_DECLARE_METATYPE(cw::Envelope)
