// Request building and the call factories. Uploads use QHttpMultiPart over a QFile body
// device, so a 500 MB clip is streamed from disk rather than read into memory.
#include "ApiClient.h"

#include "MediaTypes.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

namespace cw {

namespace {

QByteArray contentTypeFor(const QString& fileName)
{
    const QString ext = QFileInfo(fileName).suffix().toLower();
    static const QHash<QString, QByteArray> types = {
        {QStringLiteral("mp4"), "video/mp4"},        {QStringLiteral("mov"), "video/quicktime"},
        {QStringLiteral("avi"), "video/x-msvideo"},  {QStringLiteral("webm"), "video/webm"},
        {QStringLiteral("mkv"), "video/x-matroska"}, {QStringLiteral("jpg"), "image/jpeg"},
        {QStringLiteral("jpeg"), "image/jpeg"},      {QStringLiteral("png"), "image/png"},
        {QStringLiteral("gif"), "image/gif"},        {QStringLiteral("webp"), "image/webp"},
        {QStringLiteral("svg"), "image/svg+xml"},    {QStringLiteral("mp3"), "audio/mpeg"},
        {QStringLiteral("wav"), "audio/wav"},        {QStringLiteral("m4a"), "audio/mp4"},
        {QStringLiteral("aac"), "audio/aac"},
    };
    return types.value(ext, QByteArrayLiteral("application/octet-stream"));
}

// A quoted-string for Content-Disposition: no quotes, backslashes or line breaks inside.
QByteArray quotedFileName(const QString& name)
{
    QByteArray out = name.toUtf8();
    for (char& c : out)
        if (c == '"' || c == '\\' || c == '\r' || c == '\n')
            c = '_';
    return '"' + out + '"';
}

QString pathOf(const QUrl& url)
{
    return url.path(QUrl::FullyEncoded);
}

} // namespace

ApiClient::ApiClient(QObject* parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ApiClient::~ApiClient()
{
    // Calls still running abort their replies, which needs the access manager: end them first.
    const QList<ApiCall*> calls = findChildren<ApiCall*>(QString(), Qt::FindDirectChildrenOnly);
    for (ApiCall* call : calls)
        delete call;
}

void ApiClient::setBaseUrl(const QUrl& url)
{
    m_baseUrl = url;
}

void ApiClient::setToken(const QString& token)
{
    m_token = token;
}

void ApiClient::setPlatform(const QString& platform)
{
    m_platform = platform.isEmpty() ? QStringLiteral("unknown") : platform;
}

QUrl ApiClient::resolve(const QString& pathOrUrl) const
{
    const QUrl rel(pathOrUrl);
    if (!rel.scheme().isEmpty())
        return rel;
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    QString path = rel.path();
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    url.setPath(basePath + path);
    url.setQuery(rel.query());
    return url;
}

bool ApiClient::sameOrigin(const QUrl& url) const
{
    return url.scheme() == m_baseUrl.scheme() && url.host() == m_baseUrl.host() &&
           url.port(url.scheme() == QLatin1String("https") ? 443 : 80) ==
               m_baseUrl.port(m_baseUrl.scheme() == QLatin1String("https") ? 443 : 80);
}

QNetworkRequest ApiClient::makeRequest(const char* method, const QUrl& url, int timeoutMs)
{
    QNetworkRequest req(url);
    Q_EMIT requestStarted(QLatin1String(method) + QLatin1Char(' ') + pathOf(url));
    if (!m_token.isEmpty() && sameOrigin(url))
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_clientId.isEmpty() && sameOrigin(url))
        req.setRawHeader("X-Client-Id", m_clientId.toUtf8());
    req.setRawHeader("X-Skill-Source", attributionSource());
    req.setRawHeader("X-Skill-Version", attributionVersion());
    req.setRawHeader("X-Skill-Platform", m_platform.toUtf8());
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QByteArray(QByteArrayLiteral("Clipwright/") + attributionVersion()));
    req.setTransferTimeout(timeoutMs);
    return req;
}

void ApiClient::setClientId(const QString& id)
{
    m_clientId = id;
}

QString ApiClient::ensureClientId()
{
    if (m_clientId.isEmpty()) {
        m_clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Q_EMIT clientIdChanged(m_clientId);
    }
    return m_clientId;
}

ApiCall* ApiClient::get(const QString& pathOrUrl)
{
    const QUrl url = resolve(pathOrUrl);
    auto send = [this, url] {
        QNetworkRequest req = makeRequest("GET", url, m_requestTimeoutMs);
        req.setRawHeader("Accept", "application/json");
        return m_nam->get(req);
    };
    auto* call =
        new ApiCall(send(), ApiCall::Mode::Json, QStringLiteral("GET ") + pathOf(url), this);
    call->setResend(send);
    return call;
}

ApiCall* ApiClient::postJson(const QString& pathOrUrl, const QJsonObject& body, int timeoutMs)
{
    const QUrl url = resolve(pathOrUrl);
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    auto send = [this, url, bytes, timeoutMs] {
        QNetworkRequest req =
            makeRequest("POST", url, timeoutMs > 0 ? timeoutMs : m_requestTimeoutMs);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Accept", "application/json");
        return m_nam->post(req, bytes);
    };
    auto* call =
        new ApiCall(send(), ApiCall::Mode::Json, QStringLiteral("POST ") + pathOf(url), this);
    call->setResend(send);
    return call;
}

ApiCall* ApiClient::uploadFile(const QString& pathOrUrl, const QString& filePath,
                               const QString& partName)
{
    const QUrl url = resolve(pathOrUrl);
    const QString description = QStringLiteral("POST ") + pathOf(url);
    // Builds the whole multipart request again for each attempt (a retry re-reads the file).
    auto send = [this, url, filePath, partName]() -> QNetworkReply* {
        auto* multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        auto* file = new QFile(filePath, multi);
        if (!file->open(QIODevice::ReadOnly)) {
            delete multi;
            return nullptr;
        }
        QHttpPart part;
        part.setRawHeader("Content-Disposition",
                          "form-data; name=" + quotedFileName(partName) +
                              "; filename=" + quotedFileName(QFileInfo(filePath).fileName()));
        part.setRawHeader("Content-Type", contentTypeFor(filePath));
        part.setBodyDevice(file);
        multi->append(part);
        QNetworkRequest req = makeRequest("POST", url, m_uploadTimeoutMs);
        req.setRawHeader("Accept", "application/json");
        QNetworkReply* reply = m_nam->post(req, multi);
        multi->setParent(reply);
        return reply;
    };
    QNetworkReply* reply = send();
    if (!reply) {
        QFile file(filePath);
        (void)file.open(QIODevice::ReadOnly);
        Envelope e;
        e.code = ErrorCode::NotFound;
        e.message = QCoreApplication::translate("ApiClient", "Cannot read %1: %2")
                        .arg(QFileInfo(filePath).fileName(), file.errorString());
        auto* call = new ApiCall(nullptr, ApiCall::Mode::Upload, description, this);
        call->finishLater(e);
        return call;
    }
    auto* call = new ApiCall(reply, ApiCall::Mode::Upload, description, this);
    call->setResend(send);
    return call;
}

ApiCall* ApiClient::download(const QString& pathOrUrl, const QString& destination)
{
    const QUrl url = resolve(pathOrUrl);
    QNetworkRequest req = makeRequest("GET", url, m_downloadTimeoutMs);
    auto* call = new ApiCall(m_nam->get(req), ApiCall::Mode::Download,
                             QStringLiteral("GET ") + pathOf(url), this);
    call->setDownloadTarget(destination);
    return call;
}

QNetworkReply* ApiClient::postStream(const QString& pathOrUrl, const QJsonObject& body,
                                     int transferTimeoutMs)
{
    const QUrl url = resolve(pathOrUrl);
    QNetworkRequest req = makeRequest("POST", url, transferTimeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Accept", "text/event-stream");
    req.setRawHeader("Cache-Control", "no-cache");
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return m_nam->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace cw
