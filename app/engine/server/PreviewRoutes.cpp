// GET /api/media/<sid>/<media id>/thumbnail?at=<ms>&w=<px>: one JPEG frame of a source clip,
// for the media bin and the timeline. The frame is cut by the ffmpeg program (seek before the
// input: a keyframe seek plus a short decode, ~50 ms) and cached on disk under
// <data dir>/thumbs/<media id>-<at>-<w>.jpg, so each frame is decoded once per engine data
// dir. at=-1 (or absent, or not a number) asks for a representative frame: a third into the
// clip, at most 20 s in, which skips black leaders and fade-ins. w is clamped to 32..640;
// the height follows the clip's aspect. Audio-only media answers 4001 (nothing to show).
// At most two frames are cut at once: a timeline asks for many and the machine has few cores.
//
// GET /api/preview/<sid>/frame?at=<ms>&version=<v>: one JPEG frame of the edit (version v of
// the session's draft, the head when absent) at timeline time `at`, as the export shows it:
// the render graph run on a one-frame window of the draft, reading proxies where made
// (PreviewMedia.h). The size is the preview's (640 on the long side, the draft's aspect).
// Headers X-Draft-Version and X-Frame-At-Ms say what was drawn (`at` snapped to the frame
// grid and kept inside the timeline). Not cached: a frame of an edit is asked for once.
#include "server/Http.h"
#include "server/Routes.h"

#include "ApiError.h"
#include "render/FfmpegRunner.h"
#include "render/PreviewMedia.h"
#include "render/RenderFilters.h"
#include "server/ProxyMaker.h"
#include "store/RenderInputs.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace cw::engine {

namespace {

constexpr int kMinWidth = 32;
constexpr int kMaxWidth = 640;
constexpr int kDefaultWidth = 160;
constexpr int kMaxConcurrent = 2;

class Slots {
public:
    void acquire()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_free.wait(lock, [this] { return m_used < kMaxConcurrent; });
        ++m_used;
    }
    void release()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            --m_used;
        }
        m_free.notify_one();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_free;
    int m_used = 0;
};

Slots& decodeSlots()
{
    static Slots s;
    return s;
}

qint64 representativeMs(const MediaRecord& m)
{
    return std::min<qint64>(m.durationMs / 3, 20000);
}

// Cuts one frame at atMs into `out` (written to a unique .part file, then renamed).
bool cutFrame(const MediaRecord& m, qint64 atMs, int width, const QString& out, QString* error)
{
    const QString part = out + QLatin1Char('.') +
                         QUuid::createUuid().toString(QUuid::Id128).left(8) +
                         QStringLiteral(".part");
    const RenderInput fix = renderInputOf(m);
    QStringList args{QStringLiteral("-v"), QStringLiteral("error")};
    if (m.kind != QLatin1String("image") && atMs > 0)
        args << QStringLiteral("-ss") << QString::number(double(atMs) / 1000.0, 'f', 3);
    args << QStringLiteral("-i") << m.path << QStringLiteral("-frames:v") << QStringLiteral("1")
         << QStringLiteral("-an") << QStringLiteral("-vf")
         << render::squarePixels(fix) + QStringLiteral("scale=%1:-2:flags=bilinear,").arg(width) +
                render::toneMap(fix) +
                // A JPEG is read as BT.601 full range, whatever the source's samples were.
                QStringLiteral("scale=in_color_matrix=%1:out_color_matrix=bt601:out_range=full,"
                               "format=yuvj420p")
                    .arg(fix.hdrTransfer.isEmpty() ? fix.matrix : QStringLiteral("bt709"))
         << QStringLiteral("-q:v") << QStringLiteral("5") << QStringLiteral("-f")
         << QStringLiteral("image2") << QStringLiteral("-c:v") << QStringLiteral("mjpeg")
         << QStringLiteral("-y") << part;
    QByteArray err;
    decodeSlots().acquire();
    const int rc = runFfmpegStep(args, nullptr, &err);
    decodeSlots().release();
    const bool ok = rc == 0 && QFileInfo(part).size() > 0;
    if (!ok || !QFile::rename(part, out)) {
        QFile::remove(part);
        if (ok && QFileInfo(out).size() > 0)
            return true; // a concurrent request for the same frame renamed first
        *error = QString::fromUtf8(err.trimmed().right(300));
        return false;
    }
    return true;
}

void thumbnail(ServerContext& ctx, const httplib::Request& req, httplib::Response& res)
{
    const QString sid = qs(req.matches[1]);
    const QString mediaId = qs(req.matches[2]);
    const std::optional<MediaRecord> m = sessionMedia(ctx, sid, mediaId, res);
    if (!m)
        return;
    if (!m->hasVideo && m->kind != QLatin1String("image")) {
        sendError(res, ErrorCode::UnsupportedFile,
                  QStringLiteral("This media is audio only: it has no picture to show."));
        return;
    }
    bool atOk = false;
    qint64 at = req.has_param("at") ? qs(req.get_param_value("at")).toLongLong(&atOk) : -1;
    if (!atOk || at < 0)
        at = representativeMs(*m);
    if (m->kind == QLatin1String("image"))
        at = 0;
    if (m->durationMs > 0)
        at = std::min(at, std::max<qint64>(0, m->durationMs - 50));
    bool wOk = false;
    int width = req.has_param("w") ? qs(req.get_param_value("w")).toInt(&wOk) : kDefaultWidth;
    if (req.has_param("w") && !wOk)
        width = kDefaultWidth;
    width = std::clamp(width, kMinWidth, kMaxWidth) / 2 * 2;

    const QString dir = QDir(ctx.store.dataDir()).filePath(QStringLiteral("thumbs"));
    QDir().mkpath(dir);
    const QString out =
        QDir(dir).filePath(QStringLiteral("%1-%2-%3.jpg").arg(m->id).arg(at).arg(width));
    if (!QFileInfo::exists(out)) {
        QString error;
        // A seek at the very end of a stream can give no frame: fall back to the first one.
        if (!cutFrame(*m, at, width, out, &error) &&
            (at == 0 || !cutFrame(*m, 0, width, out, &error))) {
            sendError(res, ErrorCode::Internal,
                      QStringLiteral("The frame could not be decoded: %1").arg(error));
            return;
        }
    }
    QFile file(out);
    if (!file.open(QIODevice::ReadOnly)) {
        sendError(res, ErrorCode::Internal, QStringLiteral("The frame could not be read."));
        return;
    }
    const QByteArray jpeg = file.readAll();
    res.set_header("Cache-Control", "private, max-age=86400");
    res.set_header("X-Frame-At-Ms", std::to_string(at));
    res.set_content(jpeg.constData(), size_t(jpeg.size()), "image/jpeg");
}

void editFrame(ServerContext& ctx, const httplib::Request& req, httplib::Response& res)
{
    const QString sid = qs(req.matches[1]);
    bool versionOk = false;
    const int version = qs(req.get_param_value("version")).toInt(&versionOk);
    const std::optional<DraftVersion> stored = !ctx.store.session(sid) ? std::nullopt
                                               : req.has_param("version") && versionOk
                                                   ? ctx.store.draftVersion(sid, version)
                                                   : ctx.store.headDraft(sid);
    if (!stored) {
        sendError(res, ErrorCode::NotFound,
                  QStringLiteral("There is no such session or draft version."));
        return;
    }
    QString error;
    const std::optional<Draft> draft = Draft::fromBytes(stored->json, &error);
    QHash<QString, RenderInput> sources;
    QString missing;
    if (!draft || !collectRenderInputs(ctx.store, sid, *draft, &sources, &missing)) {
        sendError(res, ErrorCode::Internal, QStringLiteral("The draft cannot be drawn."));
        return;
    }
    ctx.proxies.useProxies(&sources);
    for (RenderInput& in : sources)
        if (!in.proxyVideo.isEmpty()) { // a still has no sound: the picture proxy is enough
            in.path = in.proxyVideo;
            in.hasAudio = false;
        }
    const RenderPreset preset = RenderPreset::byName(QStringLiteral("preview"));
    const qint64 total = draft->computedDuration();
    bool atOk = false;
    qint64 at = qs(req.get_param_value("at")).toLongLong(&atOk);
    const qint64 fps = preset.fps.num; // the preview is a whole 30 fps
    const qint64 frameMs = 1000 / fps;
    at = std::clamp<qint64>(atOk ? at : 0, 0, std::max<qint64>(0, total - frameMs));
    at = at * fps / 1000 * 1000 / fps; // the frame that shows at `at`
    QHash<QString, RenderInput> inputs;
    const Draft window = draftWindow(*draft, at, frameMs, sources, &inputs);
    QTemporaryDir work(QDir(ctx.store.tmpDir()).filePath(QStringLiteral("frame-XXXXXX")));
    const QString out = work.filePath(QStringLiteral("frame.jpg"));
    const RenderCommand cmd = frameCommand(window, inputs, preset, out, work.path());
    QByteArray err;
    decodeSlots().acquire();
    const int rc = cmd.args.isEmpty() ? 1 : runFfmpegStep(cmd.args, nullptr, &err);
    decodeSlots().release();
    QFile file(out);
    if (rc != 0 || !file.open(QIODevice::ReadOnly)) {
        sendError(res, ErrorCode::Internal,
                  QStringLiteral("The frame could not be drawn: %1")
                      .arg(cmd.error.isEmpty() ? QString::fromUtf8(err.trimmed().right(300))
                                               : cmd.error));
        return;
    }
    const QByteArray jpeg = file.readAll();
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Draft-Version", std::to_string(stored->version));
    res.set_header("X-Frame-At-Ms", std::to_string(at));
    res.set_content(jpeg.constData(), size_t(jpeg.size()), "image/jpeg");
}

} // namespace

void registerPreviewRoutes(httplib::Server& http, ServerContext& ctx)
{
    http.Get(
        "/api/preview/([^/]+)/frame",
        [&ctx](const httplib::Request& req, httplib::Response& res) { editFrame(ctx, req, res); });
    http.Get(
        "/api/media/([^/]+)/([^/]+)/thumbnail",
        [&ctx](const httplib::Request& req, httplib::Response& res) { thumbnail(ctx, req, res); });
}

} // namespace cw::engine
