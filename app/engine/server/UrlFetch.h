// URL uploads ({"urls":[...]}, PROTOCOL.md): the engine downloads a link itself, so it must not
// become a way into the machine's own network (server-side request forgery). Only http and
// https are fetched; the host is resolved once per hop and the connection goes to exactly the
// address that was checked (the Host header and TLS name stay the URL's), so a name that
// resolves differently on a second lookup cannot slip past. Loopback, private, link-local,
// unspecified, multicast and reserved addresses are refused unless the engine runs with
// CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS=1 (tests, or an engine fetching from its own LAN).
// Redirects are followed by hand (at most 5), every hop checked the same way. The body
// streams to a temp file under the 500 MiB cap (nothing is kept past it).
#pragma once

#include <QString>
#include <QUrl>
#include <functional>
#include <string>

namespace cw::engine {

enum class AddressClass {
    Public,
    Loopback,    // 127/8, ::1
    Private,     // 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, fec0::/10
    LinkLocal,   // 169.254/16, fe80::/10
    Unspecified, // 0/8, ::
    Multicast,   // 224/4, ff00::/8
    Reserved,    // 240/4 (incl. 255.255.255.255)
    Invalid,     // not a numeric address
};

// Pure: a numeric IPv4 or IPv6 address (IPv4-mapped/compatible IPv6 counts as its IPv4).
AddressClass classifyAddress(const std::string& numericAddress);
bool isFetchAllowed(AddressClass c, bool allowPrivate);
bool allowPrivateUrlsFromEnvironment(); // CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS=1

// One checked hop: where to connect and what to ask for.
struct FetchTarget {
    QUrl url;
    std::string host; // as in the URL (Host header, TLS name)
    std::string ip;   // the checked address the connection goes to
    int port = 0;
    bool https = false;
};

struct FetchError {
    int code = 0; // ErrorCode (4000 refused/unreachable, 4001 not media-like, 4002 too large)
    QString message;
};

// Scheme, shape, name resolution and address class of one URL. False with *error set.
bool resolveTarget(const QUrl& url, bool allowPrivate, FetchTarget* out, FetchError* error);

struct FetchOptions {
    bool allowPrivate = false;
    qint64 maxBytes = 0; // 0: kMaxUploadBytes
    int maxRedirects = 5;
    int connectTimeoutSec = 10;
    int readTimeoutSec = 30;
    int totalTimeoutSec = 15 * 60;
    // Called about once a second while bytes arrive; false stops the fetch (client gone).
    std::function<bool()> keepGoing;
};

struct FetchedFile {
    QString tempPath; // the caller owns it (ingest or delete)
    QString fileName; // the last hop's path (or "download"), sanitised, extension from the type
    QString hash;     // sha256 hex
    qint64 size = 0;
};

// Downloads `first` (already resolved and checked) into tmpDir. On failure nothing is left
// on disk and *error says why.
bool fetchToFile(const FetchTarget& first, const QString& tmpDir, const FetchOptions& options,
                 FetchedFile* out, FetchError* error);

} // namespace cw::engine
