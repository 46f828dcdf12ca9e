// GET /files/media/<media id>, GET /files/renders/<job id>.<format> and the waveform peaks.
// A URL never names a path: ids are looked up in the store, which knows where the file is.
// Files are served through a content provider with a known length, which lets httplib
// answer Range requests (206, one range) without reading the whole file.
#include "server/Http.h"
#include "server/MediaJson.h"
#include "server/RenderQueue.h"
#include "server/Routes.h"

#include "ApiError.h"
#include "media/AudioAnalysis.h"
#include "store/Store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>
#include <memory>

namespace cw::engine {

namespace {

constexpr size_t kChunk = 256 * 1024;

void serveFile(const QString& path, httplib::Response& res)
{
    const QFileInfo info(path);
    std::FILE* f = info.isFile() ? std::fopen(QFile::encodeName(path).constData(), "rb") : nullptr;
    if (!f) {
        sendError(res, ErrorCode::NotFound, QStringLiteral("The file is no longer there."));
        return;
    }
    auto file = std::shared_ptr<std::FILE>(f, [](std::FILE* p) { std::fclose(p); });
    const size_t size = size_t(info.size());
    res.set_header("Accept-Ranges", "bytes");
    res.set_content_provider(size, ss(mimeTypeForFile(path)),
                             [file](size_t offset, size_t length, httplib::DataSink& sink) {
                                 if (fseeko(file.get(), off_t(offset), SEEK_SET) != 0)
                                     return false;
                                 std::unique_ptr<char[]> buffer(new char[kChunk]);
                                 size_t left = length;
                                 while (left > 0) {
                                     const size_t n = std::fread(
                                         buffer.get(), 1, std::min(left, kChunk), file.get());
                                     if (n == 0)
                                         return false;
                                     if (!sink.write(buffer.get(), n))
                                         return false;
                                     left -= n;
                                 }
                                 return true;
                             });
}

void waveform(ServerContext& ctx, const QString& sid, const QString& mediaId,
              httplib::Response& res)
{
    const std::optional<MediaRecord> m = sessionMedia(ctx, sid, mediaId, res);
    if (!m)
        return;
    const std::optional<QByteArray> json = ctx.store.analysis(m->hash);
    const AudioAnalysis analysis = json ? AudioAnalysis::fromJson(*json) : AudioAnalysis();
    QJsonArray peaks;
    for (float p : analysis.peaks)
        peaks.append(std::round(double(p) * 1000.0) / 1000.0);
    sendOk(res, QJsonObject{{QStringLiteral("media_id"), m->id},
                            {QStringLiteral("peaks_per_second"), analysis.peaksPerSecond},
                            {QStringLiteral("duration_ms"), m->durationMs},
                            {QStringLiteral("peaks"), peaks}});
}

} // namespace

std::optional<MediaRecord> sessionMedia(ServerContext& ctx, const QString& sid,
                                        const QString& mediaId, httplib::Response& res)
{
    if (!ctx.store.session(sid)) {
        sendSessionNotFound(res, sid);
        return std::nullopt;
    }
    std::optional<MediaRecord> m = ctx.store.media(mediaId);
    if (!m || m->sessionId != sid) {
        sendError(res, ErrorCode::NotFound, QStringLiteral("No such media in this session."));
        return std::nullopt;
    }
    return m;
}

void registerFileRoutes(httplib::Server& http, ServerContext& ctx)
{
    http.Get("/files/media/([A-Za-z0-9_-]{1,64})",
             [&ctx](const httplib::Request& req, httplib::Response& res) {
                 const std::optional<MediaRecord> m = ctx.store.media(qs(req.matches[1]));
                 if (!m) {
                     sendError(res, ErrorCode::NotFound, QStringLiteral("No such media."));
                     return;
                 }
                 serveFile(m->path, res);
             });
    // The suffix is the render's format (RenderOutput.h); the job's file is what is served.
    http.Get("/files/renders/([A-Za-z0-9_-]{1,64})\\.(?:mp4|mov|webm|gif|mp3|m4a|wav)",
             [&ctx](const httplib::Request& req, httplib::Response& res) {
                 const std::optional<JobRecord> job = ctx.renders.status(qs(req.matches[1]));
                 if (!job || job->status != QLatin1String("completed") ||
                     job->outputPath.isEmpty()) {
                     sendError(res, ErrorCode::NotFound, QStringLiteral("No such render."));
                     return;
                 }
                 serveFile(job->outputPath, res);
             });
    http.Get("/api/media/([^/]+)/([^/]+)/waveform",
             [&ctx](const httplib::Request& req, httplib::Response& res) {
                 waveform(ctx, qs(req.matches[1]), qs(req.matches[2]), res);
             });
}

} // namespace cw::engine
