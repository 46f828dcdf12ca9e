// Render endpoints of PROTOCOL.md (/api/render/proxy/lambda...). The draft is checked fully
// before a job exists: it must decode and validate (4000), use only media of the session
// (4004) and have something on it (4009). A cancelled job reads as status "failed" with
// cancelled:true, so a client that only knows the four statuses stops polling.
// CLIPWRIGHT_X264_PRESET overrides the preset's encoder speed (tests use "ultrafast").
// Local extensions for the app on the same machine: output.path (the finished file) and, for
// the "preview" preset given output.at_ms (the viewer's playhead), window {path, from_ms,
// to_ms} while a progressive preview is drawn (PreviewAssembly.h).
// output.format (PROTOCOL.md knows "mp4"; local extension): mp4 (default), mov, webm, gif,
// mp3, m4a or wav (RenderOutput.h has the codecs). The audio formats carry the draft's whole
// mix without a picture; a GIF is 480 px on its long side at 12 fps and at most 60 s long
// (longer drafts get 400 with the limit in the message). Anything else is a 400 that lists
// the formats. A finished job's URL ends in its format: /files/renders/<id>.<format>.
#include "server/Http.h"
#include "server/MediaJson.h"
#include "server/RenderQueue.h"
#include "server/Routes.h"

#include "ApiError.h"
#include "render/RenderOutput.h"
#include "server/ProxyMaker.h"
#include "store/RenderInputs.h"
#include "store/Store.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace cw::engine {

namespace {

QJsonObject jobJson(const JobRecord& job, const QString& baseUrl)
{
    QJsonObject o{{QStringLiteral("id"), job.id},
                  {QStringLiteral("status"), job.status},
                  {QStringLiteral("progress"), job.progress}};
    if (job.status == QLatin1String("completed")) {
        const QString suffix = QFileInfo(job.outputPath).suffix();
        const QString url = baseUrl + QStringLiteral("/files/renders/") + job.id +
                            QLatin1Char('.') +
                            (isOutputFormat(suffix) ? suffix : QStringLiteral("mp4"));
        // The path lets an app on this machine link the file instead of downloading it.
        o.insert(QStringLiteral("output"), QJsonObject{{QStringLiteral("url"), url},
                                                       {QStringLiteral("path"), job.outputPath}});
        o.insert(QStringLiteral("outputUrl"), url);
    }
    // Local only (a path on this machine), like output.path.
    if (job.status == QLatin1String("processing") && !job.windowPath.isEmpty())
        o.insert(QStringLiteral("window"),
                 QJsonObject{{QStringLiteral("path"), job.windowPath},
                             {QStringLiteral("from_ms"), job.windowFromMs},
                             {QStringLiteral("to_ms"), job.windowToMs}});
    if (!job.stages.isEmpty())
        o.insert(QStringLiteral("stages"), job.stages);
    if (job.status == QLatin1String("failed"))
        o.insert(QStringLiteral("error"), job.error);
    if (job.cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    return o;
}

QString x264PresetOverride()
{
    static const QRegularExpression rx(QStringLiteral("^[a-z]{1,16}$"));
    const QString value = qEnvironmentVariable("CLIPWRIGHT_X264_PRESET");
    return rx.match(value).hasMatch() ? value : QString();
}

// Reads the draft of the request (or the session's head); sends the error and returns
// nullopt when it is not renderable.
std::optional<Draft> requestDraft(ServerContext& ctx, const QJsonObject& body,
                                  const QString& sessionId, httplib::Response& res)
{
    QJsonValue value = body.value(QStringLiteral("draft"));
    if (value.isString()) { // a draft JSON-encoded in a string is accepted too
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(false);
    }
    QJsonObject json;
    if (value.isUndefined() || value.isNull()) {
        const std::optional<DraftVersion> head = ctx.store.headDraft(sessionId);
        json = head ? QJsonDocument::fromJson(head->json).object() : QJsonObject();
    } else if (value.isObject()) {
        json = value.toObject();
    } else {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("draft must be a JSON object (or a string holding one)."));
        return std::nullopt;
    }
    QString error;
    std::optional<Draft> draft = Draft::fromJson(json, &error);
    if (!draft) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("The draft is invalid: %1").arg(error));
        return std::nullopt;
    }
    const QStringList problems = draft->validate();
    if (!problems.isEmpty()) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("The draft is invalid: %1")
                      .arg(problems.mid(0, 3).join(QLatin1Char(' '))));
        return std::nullopt;
    }
    if (!draft->isExportable()) {
        sendError(res, ErrorCode::Conflict,
                  QStringLiteral("The timeline is empty: add a clip first"));
        return std::nullopt;
    }
    return draft;
}

void submitRender(ServerContext& ctx, const httplib::Request& req, httplib::Response& res)
{
    QJsonObject body;
    if (!parseJsonBody(req, res, &body))
        return;
    QString sid = body.value(QStringLiteral("sessionId")).toString();
    if (sid.isEmpty())
        sid = body.value(QStringLiteral("session_id")).toString();
    if (sid.isEmpty()) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("sessionId is required."));
        return;
    }
    if (!ctx.store.session(sid)) {
        sendSessionNotFound(res, sid);
        return;
    }
    const QJsonValue idValue = body.value(QStringLiteral("id"));
    QString id = idValue.toString();
    if (!idValue.isUndefined() && !idValue.isNull() && !isValidJobId(id)) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("id must be 1-64 letters, digits, '_' or '-'."));
        return;
    }
    if (id.isEmpty())
        id = QStringLiteral("render_%1").arg(QDateTime::currentMSecsSinceEpoch()) +
             newId(QStringLiteral("_")).left(9);

    const QJsonObject output = body.value(QStringLiteral("output")).toObject();
    const QString format = output.value(QStringLiteral("format")).toString(QStringLiteral("mp4"));
    if (!isOutputFormat(format)) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("Unknown output format %1; use %2.")
                      .arg(format.left(40), outputFormats().join(QStringLiteral(", "))));
        return;
    }
    const QString presetName =
        output.value(QStringLiteral("preset")).toString(QStringLiteral("1080p"));
    bool presetOk = false;
    RenderPreset preset = RenderPreset::byName(presetName, &presetOk);
    if (!presetOk) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("Unknown preset %1; use 1080p, vertical-1080, square-1080, "
                                 "720p or 4k.")
                      .arg(presetName.left(40)));
        return;
    }
    // The viewer's playhead (previews only): a long preview is playable from there first.
    const QJsonValue at = output.value(QStringLiteral("at_ms"));
    if (!at.isUndefined() && (!at.isDouble() || at.toDouble() < 0 || at.toDouble() > 1e10)) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("output.at_ms must be a time in milliseconds (0 or more)."));
        return;
    }
    preset.format = format;
    // Fast export (render/SmartCodec.h): keep the source's codec; absent: the draft's
    // m.export.fast (the chat's) decides. The cloud ignores the field.
    const QJsonValue fast = output.value(QStringLiteral("fast"));
    if (!fast.isUndefined() && !fast.isNull() && !fast.isBool()) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("output.fast must be true or false."));
        return;
    }
    preset.keepCodec = fast.toBool(false);
    if (preset.name == QLatin1String("preview") && format != QLatin1String("mp4")) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("A preview is always mp4."));
        return;
    }
    const QString speed = x264PresetOverride();
    if (!speed.isEmpty() && preset.name != QLatin1String("preview"))
        preset.x264Preset = speed;

    std::optional<Draft> draft = requestDraft(ctx, body, sid, res);
    if (!draft)
        return;
    if (format == QLatin1String("gif") && draft->computedDuration() > kGifMaxMs) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("A GIF can be at most %1 s long; this edit is %2 s. Trim it, or "
                                 "export it as mp4 or webm.")
                      .arg(kGifMaxMs / 1000)
                      .arg(double(draft->computedDuration()) / 1000.0, 0, 'f', 1));
        return;
    }
    if (fast.isBool() && !fast.toBool()) { // an explicit false outranks the chat's m.export.fast
        QJsonObject exp = draft->m.value(QStringLiteral("export")).toObject();
        exp.remove(QStringLiteral("fast"));
        draft->m.insert(QStringLiteral("export"), exp);
    }
    RenderRequest request;
    request.id = id;
    request.sessionId = sid;
    request.preset = preset;
    QString missing;
    if (!collectRenderInputs(ctx.store, sid, *draft, &request.inputs, &missing)) {
        sendError(res, ErrorCode::NotFound,
                  QStringLiteral("The draft uses media that is not in this session: %1")
                      .arg(missing.left(80)));
        return;
    }
    if (preset.name == QLatin1String("preview")) {
        ctx.proxies.useProxies(&request.inputs);
        request.previewAtMs = at.isDouble() ? qint64(at.toDouble()) : -1;
    }
    request.draft = std::move(*draft);
    switch (ctx.renders.submit(request)) {
    case RenderQueue::Submit::Ok:
        sendOk(res, QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("status"), QStringLiteral("pending")},
                                {QStringLiteral("progress"), 0}});
        return;
    case RenderQueue::Submit::Duplicate:
        sendError(res, ErrorCode::Conflict,
                  QStringLiteral("A render with id %1 already exists.").arg(id));
        return;
    case RenderQueue::Submit::StoreError:
        sendError(res, ErrorCode::Internal, QStringLiteral("The render could not be queued."));
        return;
    }
}

} // namespace

void registerRenderRoutes(httplib::Server& http, ServerContext& ctx)
{
    http.Post("/api/render/proxy/lambda",
              [&ctx](const httplib::Request& req, httplib::Response& res) {
                  submitRender(ctx, req, res);
              });
    http.Get("/api/render/proxy/lambda/([^/]+)",
             [&ctx](const httplib::Request& req, httplib::Response& res) {
                 const QString id = qs(req.matches[1]);
                 const std::optional<JobRecord> job =
                     isValidJobId(id) ? ctx.renders.status(id) : std::nullopt;
                 if (!job) {
                     sendError(res, ErrorCode::NotFound, QStringLiteral("No render with that id."));
                     return;
                 }
                 sendOk(res, jobJson(*job, ctx.baseUrl));
             });
    http.Post("/api/render/proxy/lambda/([^/]+)/cancel", [&ctx](const httplib::Request& req,
                                                                httplib::Response& res) {
        const QString id = qs(req.matches[1]);
        const std::optional<JobRecord> job =
            isValidJobId(id) ? ctx.renders.cancel(id) : std::nullopt;
        if (!job) {
            sendError(res, ErrorCode::NotFound, QStringLiteral("No render with that id."));
            return;
        }
        QJsonObject o = jobJson(*job, ctx.baseUrl);
        if (job->cancelled)
            o.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
        sendOk(res, o);
    });
}

} // namespace cw::engine
