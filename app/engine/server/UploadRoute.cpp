// POST /api/upload-video/<app>/<user>/<sid>: multipart with one or more `files` parts.
// Each part streams straight to a temp file in <data-dir>/tmp (never whole in memory) while
// its sha256 is computed; a part passing 500 MiB is deleted and the request aborted with
// 4002. Other parts (form fields) are read and ignored. The JSON form ({"urls":[...]}) of the
// cloud is refused: the local engine does not download from the internet.
#include "server/Http.h"
#include "server/MediaIngest.h"
#include "server/MediaJson.h"
#include "server/Routes.h"

#include "ApiError.h"
#include "MediaTypes.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <memory>
#include <vector>

namespace cw::engine {

namespace {

constexpr size_t kMaxDrainBytes = 16 * 1024 * 1024;

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

void handleUpload(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader& reader)
{
    const QString sid = qs(req.matches[3]);
    if (!ctx.store.session(sid)) {
        drain(reader, req);
        sendSessionNotFound(res, sid);
        return;
    }
    if (!req.is_multipart_form_data()) {
        drain(reader, req);
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("Send the files as multipart/form-data parts named \"files\"; "
                                 "the local engine does not download URLs."));
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
    QJsonArray list;
    for (const MediaRecord& m : result.media)
        list.append(mediaJson(m, ctx.baseUrl));
    sendOk(res, QJsonObject{{QStringLiteral("files"), list},
                            {QStringLiteral("session_state_applied"), true},
                            {QStringLiteral("version"), result.version}});
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
