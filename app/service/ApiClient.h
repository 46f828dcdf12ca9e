// The one gateway to the network (STYLE.md point 2): owns the application's only
// QNetworkAccessManager, builds every request (Bearer token, attribution headers, transfer
// timeouts) and hands back ApiCall handles. The token is sent only to the base URL's origin
// and is never logged or put into an error message.
#pragma once

#include "ApiCall.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace cw {

class ApiClient : public QObject {
    Q_OBJECT
public:
    explicit ApiClient(QObject* parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl& url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString& token); // never logged
    bool hasToken() const { return !m_token.isEmpty(); }
    QString token() const { return m_token; }  // for CloudAuth's sign-in check; never log it
    void setPlatform(const QString& platform); // X-Skill-Platform, default "unknown"
    QString platform() const { return m_platform; }
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }   // JSON calls; default 60 s
    void setUploadTimeout(int ms) { m_uploadTimeoutMs = ms; }     // inactivity; default 120 s
    void setDownloadTimeout(int ms) { m_downloadTimeoutMs = ms; } // inactivity; default 120 s
    void setRateLimitWait(int ms) { m_rateLimitWaitMs = ms; }     // after HTTP 429; default 30 s

    // X-Client-Id, sent on every request to the base URL's origin when set.
    void setClientId(const QString& id);
    QString clientId() const { return m_clientId; }
    QString ensureClientId(); // makes a UUID (emits clientIdChanged) when there is none

    // Called when a JSON call meets code 1001: get a new token (setToken), then call done(ok).
    // The call is retried once when ok. Unset: 1001 simply fails the call.
    using Reauthenticator = std::function<void(std::function<void(bool ok)> done)>;
    void setReauthenticator(Reauthenticator r) { m_reauthenticator = std::move(r); }

    // pathOrUrl: "/api/..." relative to the base URL, or an absolute URL.
    QUrl resolve(const QString& pathOrUrl) const;

    ApiCall* get(const QString& pathOrUrl);
    // timeoutMs: inactivity timeout; 0 = the request timeout (URL uploads use the upload one).
    ApiCall* postJson(const QString& pathOrUrl, const QJsonObject& body, int timeoutMs = 0);
    int uploadTimeout() const { return m_uploadTimeoutMs; }
    // Multipart upload of one file under `partName`, streamed from disk; progress() reports
    // bytes sent of the whole request body.
    ApiCall* uploadFile(const QString& pathOrUrl, const QString& filePath,
                        const QString& partName = QStringLiteral("files"));
    // Streams the body into "<destination>.part", renamed to destination on success.
    ApiCall* download(const QString& pathOrUrl, const QString& destination);

Q_SIGNALS:
    // Every request, as "METHOD /path" (no query, no token): for status displays and tests.
    void requestStarted(const QString& description);
    void clientIdChanged(const QString& clientId);
    // User-facing notes about automatic recovery, e.g. "Too many requests. Waiting 30 s...".
    void notice(const QString& message);

public:
    static QByteArray attributionSource() { return QByteArrayLiteral("clipwright"); }
    static QByteArray attributionVersion() { return QByteArrayLiteral(CLIPWRIGHT_VERSION); }

private:
    friend class AgentStream;
    friend class ApiCall;
    // For AgentStream only: a POST whose reply is read incrementally as an event stream.
    QNetworkReply* postStream(const QString& pathOrUrl, const QJsonObject& body,
                              int transferTimeoutMs);
    QNetworkRequest makeRequest(const char* method, const QUrl& url, int timeoutMs);
    bool sameOrigin(const QUrl& url) const;

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    QString m_token;
    QString m_platform = QStringLiteral("unknown");
    int m_requestTimeoutMs = 60 * 1000;
    int m_uploadTimeoutMs = 120 * 1000;
    int m_downloadTimeoutMs = 120 * 1000;
    int m_rateLimitWaitMs = 30 * 1000;
    QString m_clientId;
    Reauthenticator m_reauthenticator;
};

} // namespace cw
