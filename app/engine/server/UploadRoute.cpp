// POST /api/upload-video/<app>/<user>/<sid>: multipart with one or more `files` parts.
// Each part streams straight to a temp file in <data-dir>/tmp (never whole in memory) while
// its sha256 is computed; a part passing 500 MiB is deleted and the request aborted with
// 4002. Other parts (form fields) are read and ignored. The JSON form ({"urls":[...]}) is
// fetched by the engine (UrlFetch: http/https only, no private addresses unless allowed).
// Links are checked (scheme, resolved address) before the answer starts, so those refusals
// carry their HTTP status; the download itself runs inside a chunked answer that writes a
// space every second (valid leading JSON whitespace) so a client that hangs up is noticed
// and the download stops with nothing stored. Errors met mid-download therefore come as
// HTTP 200 with a non-zero envelope code, the way the cloud reports them.
#include "server/AnalysisQueue.h"
#include "server/FaultInjection.h"
#include "server/Http.h"
#include "server/MediaIngest.h"
#include "server/MediaJson.h"
#include "server/ProxyMaker.h"
#include "server/Routes.h"
#include "server/UrlFetch.h"

#include "ApiError.h"
#include "MediaTypes.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <memory>
#include <vector>

namespace cw::engine {

namespace {

constexpr size_t kMaxDrainBytes = 16 * 1024 * 1024;
constexpr size_t kMaxUrlBodyBytes = 64 * 1024;
constexpr int kMaxUrls = 10;

struct Part {
    QString name;
    QString tempPath;
    QFile file;
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 size = 0;
    bool failed = false;
};

struct Upload {
    std::vector<std::unique_ptr<Part>> parts;
    Part* current = nullptr;
    bool tooLarge = false;
    bool writeFailed = false;
    QString tooLargeName;

    ~Upload()
    {
        for (const auto& p : parts) {
            p->file.close();
            if (!p->tempPath.isEmpty())
                QFile::remove(p->tempPath);
        }
    }
};

// Reads and discards a body we are refusing, so the reply reaches the client instead of a
// reset connection; gives up (closing the connection) past a few MiB.
void drain(const httplib::ContentReader& reader, const httplib::Request& req)
{
    size_t seen = 0;
    auto sink = [&seen](const char*, size_t n) {
        seen += n;
        return seen <= kMaxDrainBytes;
    };
    if (req.is_multipart_form_data())
        reader([](const httplib::MultipartFormData&) { return true; }, sink);
    else
        reader(sink);
}

bool isJsonBody(const httplib::Request& req)
{
    const std::string type = req.get_header_value("Content-Type");
    return type.rfind("application/json", 0) == 0;
}

// The answer to a stored upload; starts the preview proxies and the scene analysis. `notes` (a
// local extension) says what the engine chose for the user: the project's orientation, a sound file
// as the main track, HDR converted.
QJsonObject answerOf(ServerContext& ctx, const IngestResult& result)
{
    QJsonArray list;
    for (const MediaRecord& m : result.media) {
        ctx.proxies.request(m);
        if (ctx.analyses)
            ctx.analyses->request(m);
        list.append(mediaJson(m, ctx.baseUrl));
    }
    QJsonObject answer{{QStringLiteral("files"), list},
                       {QStringLiteral("session_state_applied"), true},
                       {QStringLiteral("version"), result.version}};
    if (!result.notes.isEmpty())
        answer.insert(QStringLiteral("notes"), QJsonArray::fromStringList(result.notes));
    return answer;
}

QByteArray resultBody(ServerContext& ctx, const QString& sid, const QList<ReceivedFile>& files)
{
    const IngestResult result = ingestUploads(ctx.store, sid, files);
    if (!result.ok)
        return errorBody(result.code, result.error);
    return okBody(answerOf(ctx, result));
}

// The body of a URL upload's answer: the downloads (a space each second while bytes arrive),
// then the ingest, then the envelope. A client gone mid-way stops everything; nothing is kept.
bool streamUrlUpload(ServerContext& ctx, const QString& sid, const QList<FetchTarget>& targets,
                     bool allowPrivate, httplib::DataSink& sink)
{
    FetchOptions options;
    options.allowPrivate = allowPrivate;
    options.keepGoing = [&ctx, &sink] { return !ctx.stopping && sink.write(" ", 1); };
    QList<ReceivedFile> files;
    auto removeFiles = [&files] {
        for (const ReceivedFile& f : std::as_const(files))
            QFile::remove(f.tempPath);
    };
    QByteArray answer;
    for (const FetchTarget& target : targets) {
        FetchedFile fetched;
        FetchError error;
        if (!fetchToFile(target, ctx.store.tmpDir(), options, &fetched, &error)) {
            removeFiles();
            answer = errorBody(error.code, error.message);
            break;
        }
        files << ReceivedFile{fetched.fileName, fetched.tempPath, fetched.hash, fetched.size};
    }
    if (answer.isEmpty()) {
        if (!sink.write(" ", 1)) { // the client left while the last download ended
            removeFiles();
            return false;
        }
        answer = resultBody(ctx, sid, files);
    }
    sink.write(answer.constData(), size_t(answer.size()));
    sink.done();
    return true;
}

// {"urls":["https://..."],"source_type":"url"}: every link is checked before the answer
// starts; the downloads and the ingest run in the chunked answer (see the top of the file).
void handleUrlUpload(ServerContext& ctx, const httplib::Request&, httplib::Response& res,
                     const httplib::ContentReader& reader, const QString& sid)
{
    std::string body;
    bool tooLong = false;
    reader([&](const char* data, size_t n) {
        if (body.size() + n > kMaxUrlBodyBytes) {
            tooLong = true;
            return false;
        }
        body.append(data, n);
        return true;
    });
    if (tooLong) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("The list of links is too long."));
        res.status = 413;
        res.set_header("Connection", "close");
        return;
    }
    const QJsonValue urls = QJsonDocument::fromJson(QByteArray::fromStdString(body))
                                .object()
                                .value(QStringLiteral("urls"));
    const QJsonArray list = urls.toArray();
    if (!urls.isArray() || list.isEmpty() || list.size() > kMaxUrls) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("Send {\"urls\":[...]} with 1 to %1 links.").arg(kMaxUrls));
        return;
    }
    if (applyUploadFaults(res))
        return;
    const bool allowPrivate = allowPrivateUrlsFromEnvironment();
    QList<FetchTarget> targets;
    for (const QJsonValue& v : list) {
        FetchTarget target;
        FetchError error;
        if (!v.isString() ||
            !resolveTarget(QUrl(v.toString(), QUrl::StrictMode), allowPrivate, &target, &error)) {
            sendError(res, v.isString() ? error.code : int(ErrorCode::BadRequest),
                      v.isString() ? error.message
                                   : QStringLiteral("Every entry of \"urls\" must be a link."));
            return;
        }
        targets << target;
    }
    ServerContext* context = &ctx;
    res.status = 200;
    // With a charset httplib does not gzip the answer: a gzip stream would hold the keep-alive
    // bytes back, and a client that hung up would go unnoticed.
    res.set_chunked_content_provider(
        "application/json; charset=utf-8",
        [context, sid, targets, allowPrivate](size_t, httplib::DataSink& sink) {
            return streamUrlUpload(*context, sid, targets, allowPrivate, sink);
        });
}

void handleUpload(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader& reader)
{
    const QString sid = qs(req.matches[3]);
    if (!ctx.store.session(sid)) {
        drain(reader, req);
        sendSessionNotFound(res, sid);
        return;
    }
    if (isJsonBody(req)) {
        handleUrlUpload(ctx, req, res, reader, sid);
        return;
    }
    if (!req.is_multipart_form_data()) {
        drain(reader, req);
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("Send the files as multipart/form-data parts named \"files\", "
                                 "or links as JSON {\"urls\":[...]}."));
        return;
    }

    Upload up;
    const QString tmpDir = ctx.store.tmpDir();
    const bool read = reader(
        [&](const httplib::MultipartFormData& header) {
            up.current = nullptr;
            if (header.name != "files")
                return true;
            auto part = std::make_unique<Part>();
            part->name = sanitizeFileName(qs(header.filename));
            part->tempPath = tmpDir + QStringLiteral("/") + newId(QStringLiteral("upload_")) +
                             QStringLiteral(".part");
            part->file.setFileName(part->tempPath);
            if (!part->file.open(QIODevice::WriteOnly)) {
                up.writeFailed = true;
                return false;
            }
            up.current = part.get();
            up.parts.push_back(std::move(part));
            return true;
        },
        [&](const char* data, size_t length) {
            Part* p = up.current;
            if (!p)
                return true;
            p->size += qint64(length);
            if (p->size > kMaxUploadBytes) {
                up.tooLarge = true;
                up.tooLargeName = p->name;
                p->file.close();
                QFile::remove(p->tempPath);
                return false;
            }
            if (p->file.write(data, qint64(length)) != qint64(length)) {
                up.writeFailed = true;
                return false;
            }
            p->hash.addData(QByteArrayView(data, qsizetype(length)));
            return true;
        });

    if (up.tooLarge) {
        sendError(res, ErrorCode::FileTooLarge,
                  QStringLiteral("%1 is larger than 500 MB; trim or compress it first.")
                      .arg(up.tooLargeName));
        res.set_header("Connection", "close");
        return;
    }
    if (up.writeFailed) {
        sendError(res, ErrorCode::Internal, QStringLiteral("The upload could not be saved."));
        res.set_header("Connection", "close");
        return;
    }
    if (!read) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("The upload was interrupted."));
        res.set_header("Connection", "close");
        return;
    }
    if (up.parts.empty()) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("The upload has no part named \"files\"."));
        return;
    }
    if (applyUploadFaults(res))
        return; // the parts' temp files go with `up`

    QList<ReceivedFile> files;
    for (const auto& p : up.parts) {
        p->file.close();
        files << ReceivedFile{p->name, p->tempPath, QString::fromLatin1(p->hash.result().toHex()),
                              p->size};
        p->tempPath.clear(); // ingestUploads owns it now
    }
    const IngestResult result = ingestUploads(ctx.store, sid, files);
    if (!result.ok) {
        sendError(res, result.code, result.error);
        return;
    }
    sendOk(res, answerOf(ctx, result));
}

} // namespace

void registerUploadRoute(httplib::Server& http, ServerContext& ctx)
{
    http.Post(
        "/api/upload-video/([^/]+)/([^/]+)/([^/]+)",
        [&ctx](const httplib::Request& req, httplib::Response& res,
               const httplib::ContentReader& reader) { handleUpload(ctx, req, res, reader); });
}

} // namespace cw::engine
