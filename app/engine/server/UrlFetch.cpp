// See UrlFetch.h. cpp-httplib's client connects to the address given by
// set_hostname_addr_map instead of resolving the host again, which is what keeps the checked
// address and the connected one the same. Debian's libcpp-httplib is built with OpenSSL, so
// https works with certificate and host-name verification against the system CA store.
#include "server/UrlFetch.h"

#include "server/MediaJson.h"

#include "ApiError.h"
#include "MediaTypes.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <arpa/inet.h>
#include <cstring>
#include <httplib.h>
#include <memory>
#include <netdb.h>
#include <sys/socket.h>

namespace cw::engine {

namespace {

AddressClass classifyV4(const unsigned char* b)
{
    if (b[0] == 0)
        return AddressClass::Unspecified;
    if (b[0] == 127)
        return AddressClass::Loopback;
    if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168) ||
        (b[0] == 100 && (b[1] & 0xc0) == 64))
        return AddressClass::Private;
    if (b[0] == 169 && b[1] == 254)
        return AddressClass::LinkLocal;
    if ((b[0] & 0xf0) == 224)
        return AddressClass::Multicast;
    if ((b[0] & 0xf0) == 240)
        return AddressClass::Reserved;
    return AddressClass::Public;
}

bool allZero(const unsigned char* b, int n)
{
    for (int i = 0; i < n; ++i)
        if (b[i] != 0)
            return false;
    return true;
}

QString className(AddressClass c)
{
    switch (c) {
    case AddressClass::Loopback:
        return QStringLiteral("loopback (this machine)");
    case AddressClass::Private:
        return QStringLiteral("private network");
    case AddressClass::LinkLocal:
        return QStringLiteral("link-local");
    case AddressClass::Unspecified:
        return QStringLiteral("unspecified");
    case AddressClass::Multicast:
        return QStringLiteral("multicast");
    case AddressClass::Reserved:
        return QStringLiteral("reserved");
    case AddressClass::Invalid:
        return QStringLiteral("invalid");
    case AddressClass::Public:
        break;
    }
    return QStringLiteral("public");
}

FetchError refuse(int code, const QString& message)
{
    return FetchError{code, message};
}

QString extensionForType(const std::string& contentType)
{
    static const QHash<QString, QString> types{
        {QStringLiteral("video/mp4"), QStringLiteral(".mp4")},
        {QStringLiteral("video/quicktime"), QStringLiteral(".mov")},
        {QStringLiteral("video/webm"), QStringLiteral(".webm")},
        {QStringLiteral("video/x-matroska"), QStringLiteral(".mkv")},
        {QStringLiteral("video/x-msvideo"), QStringLiteral(".avi")},
        {QStringLiteral("audio/mpeg"), QStringLiteral(".mp3")},
        {QStringLiteral("audio/wav"), QStringLiteral(".wav")},
        {QStringLiteral("audio/x-wav"), QStringLiteral(".wav")},
        {QStringLiteral("audio/mp4"), QStringLiteral(".m4a")},
        {QStringLiteral("audio/aac"), QStringLiteral(".aac")},
        {QStringLiteral("image/jpeg"), QStringLiteral(".jpg")},
        {QStringLiteral("image/png"), QStringLiteral(".png")},
        {QStringLiteral("image/gif"), QStringLiteral(".gif")},
        {QStringLiteral("image/webp"), QStringLiteral(".webp")},
        {QStringLiteral("image/svg+xml"), QStringLiteral(".svg")}, // drawn at ingest (SvgImage.h)
    };
    const QString type =
        QString::fromStdString(contentType).section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return types.value(type);
}

QString nameFor(const QUrl& url, const std::string& contentType)
{
    QString name = url.fileName(QUrl::FullyDecoded);
    name = name.isEmpty() ? QStringLiteral("download") : sanitizeFileName(name);
    if (safeExtension(name).isEmpty())
        name += extensionForType(contentType);
    return name;
}

std::string requestPath(const QUrl& url)
{
    QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (url.hasQuery())
        path += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    return path.toStdString();
}

} // namespace

AddressClass classifyAddress(const std::string& numeric)
{
    unsigned char b[16];
    if (inet_pton(AF_INET, numeric.c_str(), b) == 1)
        return classifyV4(b);
    if (inet_pton(AF_INET6, numeric.c_str(), b) != 1)
        return AddressClass::Invalid;
    if (allZero(b, 16))
        return AddressClass::Unspecified;
    if (allZero(b, 15) && b[15] == 1)
        return AddressClass::Loopback;
    // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): the IPv4
    // address is where the packets end up.
    static const unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if ((allZero(b, 10) && b[10] == 0xff && b[11] == 0xff) || allZero(b, 12) ||
        std::memcmp(b, nat64, 12) == 0)
        return classifyV4(b + 12);
    if ((b[0] & 0xfe) == 0xfc)
        return AddressClass::Private;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return AddressClass::LinkLocal;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
        return AddressClass::Private; // deprecated site-local
    if (b[0] == 0xff)
        return AddressClass::Multicast;
    return AddressClass::Public;
}

bool isFetchAllowed(AddressClass c, bool allowPrivate)
{
    switch (c) {
    case AddressClass::Public:
        return true;
    case AddressClass::Loopback:
    case AddressClass::Private:
    case AddressClass::LinkLocal:
        return allowPrivate;
    case AddressClass::Unspecified:
    case AddressClass::Multicast:
    case AddressClass::Reserved:
    case AddressClass::Invalid:
        break;
    }
    return false;
}

bool allowPrivateUrlsFromEnvironment()
{
    return qEnvironmentVariableIntValue("CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS") == 1;
}

bool resolveTarget(const QUrl& url, bool allowPrivate, FetchTarget* out, FetchError* error)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || scheme.isEmpty()) {
        *error = refuse(ErrorCode::BadRequest, QStringLiteral("This is not a valid link."));
        return false;
    }
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        *error = refuse(ErrorCode::BadRequest,
                        QStringLiteral("Only http:// and https:// links can be fetched, not %1:.")
                            .arg(scheme.left(20)));
        return false;
    }
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.isEmpty()) {
        *error = refuse(ErrorCode::BadRequest, QStringLiteral("The link has no server name."));
        return false;
    }
    if (!url.userInfo().isEmpty()) {
        *error = refuse(ErrorCode::BadRequest,
                        QStringLiteral("Links with a user name or password are not supported."));
        return false;
    }
    const bool localName =
        host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost"));
    if (localName && !allowPrivate) {
        *error = refuse(ErrorCode::BadRequest,
                        QStringLiteral("The engine does not fetch links to this machine "
                                       "(localhost)."));
        return false;
    }

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* list = nullptr;
    if (getaddrinfo(host.toStdString().c_str(), nullptr, &hints, &list) != 0 || !list) {
        *error =
            refuse(ErrorCode::BadRequest, QStringLiteral("Cannot find the server %1.").arg(host));
        return false;
    }
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> guard(list, freeaddrinfo);
    std::string chosen;
    std::string blocked;
    AddressClass blockedClass = AddressClass::Invalid;
    for (addrinfo* ai = list; ai; ai = ai->ai_next) {
        char text[INET6_ADDRSTRLEN] = {};
        const void* raw =
            ai->ai_family == AF_INET
                ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(ai->ai_addr)->sin_addr)
                : static_cast<const void*>(
                      &reinterpret_cast<sockaddr_in6*>(ai->ai_addr)->sin6_addr);
        if ((ai->ai_family != AF_INET && ai->ai_family != AF_INET6) ||
            !inet_ntop(ai->ai_family, raw, text, sizeof text))
            continue;
        const AddressClass c = classifyAddress(text);
        if (isFetchAllowed(c, allowPrivate)) {
            chosen = text;
            break;
        }
        if (blocked.empty()) {
            blocked = text;
            blockedClass = c;
        }
    }
    if (chosen.empty()) {
        *error = refuse(ErrorCode::BadRequest,
                        QStringLiteral("The link points to a %1 address (%2); the engine only "
                                       "fetches from public internet addresses.")
                            .arg(className(blockedClass), QString::fromStdString(blocked)));
        return false;
    }
    out->url = url;
    out->https = scheme == QLatin1String("https");
    out->port = url.port(out->https ? 443 : 80);
    out->ip = chosen;
    // An IPv6 literal needs its brackets in the Host header httplib builds from the name.
    out->host =
        host.contains(QLatin1Char(':')) ? "[" + host.toStdString() + "]" : host.toStdString();
    return true;
}

bool fetchToFile(const FetchTarget& first, const QString& tmpDir, const FetchOptions& options,
                 FetchedFile* out, FetchError* error)
{
    const qint64 maxBytes = options.maxBytes > 0 ? options.maxBytes : kMaxUploadBytes;
    const QString tempPath =
        tmpDir + QLatin1Char('/') + newId(QStringLiteral("url_")) + QStringLiteral(".part");
    QFile file(tempPath);
    auto fail = [&](int code, const QString& message) {
        file.close();
        QFile::remove(tempPath);
        *error = refuse(code, message);
        return false;
    };
    QElapsedTimer total;
    total.start();
    FetchTarget target = first;
    for (int hop = 0;; ++hop) {
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(ErrorCode::Internal, QStringLiteral("The download could not be saved."));
        std::unique_ptr<httplib::ClientImpl> client;
        if (target.https)
            client = std::make_unique<httplib::SSLClient>(target.host, target.port);
        else
            client = std::make_unique<httplib::ClientImpl>(target.host, target.port);
        client->set_hostname_addr_map({{target.host, target.ip}});
        client->set_connection_timeout(options.connectTimeoutSec, 0);
        client->set_read_timeout(options.readTimeoutSec, 0);
        client->set_write_timeout(10, 0);
        client->set_follow_location(false);
        client->set_keep_alive(false);
        client->set_url_encode(false); // the path is already percent-encoded
        client->set_decompress(true);  // the cap below counts decoded bytes
        if (target.https)
            client->enable_server_certificate_verification(true);
        const httplib::Headers headers{
            {"User-Agent", "clipwright-engine/" CLIPWRIGHT_VERSION},
            {"Accept", "*/*"},
            {"Accept-Encoding", "identity"},
        };

        int status = 0;
        std::string location;
        std::string contentType;
        bool tooLarge = false, stopped = false, timedOut = false, writeFailed = false;
        qint64 size = 0;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QElapsedTimer sinceCheck;
        sinceCheck.start();
        const httplib::Result result = client->Get(
            requestPath(target.url), headers,
            [&](const httplib::Response& r) {
                status = r.status;
                if (status >= 300 && status < 400) {
                    location = r.get_header_value("Location");
                    return false;
                }
                if (status != 200)
                    return false;
                contentType = r.get_header_value("Content-Type");
                const auto declared = r.get_header_value<uint64_t>("Content-Length");
                if (declared > uint64_t(maxBytes)) {
                    tooLarge = true;
                    return false;
                }
                return true;
            },
            [&](const char* data, size_t length) {
                size += qint64(length);
                if (size > maxBytes) {
                    tooLarge = true;
                    return false;
                }
                if (file.write(data, qint64(length)) != qint64(length)) {
                    writeFailed = true;
                    return false;
                }
                hash.addData(QByteArrayView(data, qsizetype(length)));
                if (sinceCheck.elapsed() >= 1000) {
                    sinceCheck.restart();
                    if (total.elapsed() > qint64(options.totalTimeoutSec) * 1000) {
                        timedOut = true;
                        return false;
                    }
                    if (options.keepGoing && !options.keepGoing()) {
                        stopped = true;
                        return false;
                    }
                }
                return true;
            });
        file.close();

        const QString where = target.url.host();
        if (tooLarge)
            return fail(ErrorCode::FileTooLarge,
                        QStringLiteral("The file at %1 is larger than 500 MB; trim or compress "
                                       "it first.")
                            .arg(where));
        if (stopped)
            return fail(ErrorCode::BadRequest, QStringLiteral("The download was cancelled."));
        if (timedOut)
            return fail(ErrorCode::BadRequest,
                        QStringLiteral("The download from %1 took too long.").arg(where));
        if (writeFailed)
            return fail(ErrorCode::Internal, QStringLiteral("The download could not be saved."));
        if (status >= 300 && status < 400) {
            if (location.empty())
                return fail(ErrorCode::BadRequest,
                            QStringLiteral("%1 redirected without a new address.").arg(where));
            if (hop >= options.maxRedirects)
                return fail(ErrorCode::BadRequest,
                            QStringLiteral("The link redirects too many times."));
            const QUrl next = target.url.resolved(QUrl(QString::fromStdString(location)));
            FetchTarget hopTarget;
            if (!resolveTarget(next, options.allowPrivate, &hopTarget, error)) {
                QFile::remove(tempPath);
                error->message = QStringLiteral("The link redirects to a place the engine does "
                                                "not fetch from: ") +
                                 error->message;
                return false;
            }
            target = hopTarget;
            continue;
        }
        if (status == 0 || (!result && result.error() != httplib::Error::Canceled))
            return fail(
                ErrorCode::BadRequest,
                QStringLiteral("Could not download from %1: %2")
                    .arg(where, QString::fromStdString(httplib::to_string(result.error()))));
        if (status != 200)
            return fail(ErrorCode::BadRequest,
                        QStringLiteral("%1 answered HTTP %2 for the link.").arg(where).arg(status));
        if (!result)
            return fail(ErrorCode::BadRequest,
                        QStringLiteral("The download from %1 was interrupted.").arg(where));
        out->tempPath = tempPath;
        out->fileName = nameFor(target.url, contentType); // the last hop names the file
        out->hash = QString::fromLatin1(hash.result().toHex());
        out->size = size;
        return true;
    }
}

} // namespace cw::engine
