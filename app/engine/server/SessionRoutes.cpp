// Health, sessions, state and credits. A new session starts with draft version 1: an empty
// 1920x1080 / 30 fps timeline. The local engine has no accounts, so credits are unlimited.
#include "server/Http.h"
#include "server/MediaJson.h"
#include "server/Routes.h"

#include "ApiError.h"
#include "EngineInfo.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cw::engine {

namespace {

QJsonObject canvasOf(const QJsonObject& draft)
{
    const QJsonObject m = draft.value(QStringLiteral("m")).toObject();
    return QJsonObject{{QStringLiteral("width"), m.value(QStringLiteral("width")).toInt(1920)},
                       {QStringLiteral("height"), m.value(QStringLiteral("height")).toInt(1080)},
                       {QStringLiteral("fps"), m.value(QStringLiteral("fps")).toDouble(30)}};
}

void createSession(ServerContext& ctx, const httplib::Request& req, httplib::Response& res)
{
    QJsonObject body;
    if (!parseJsonBody(req, res, &body, true))
        return;
    const QJsonValue lang = body.value(QStringLiteral("language"));
    if (!lang.isUndefined() && !lang.isNull() && !lang.isString()) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("language must be a string."));
        return;
    }
    const QJsonValue name = body.value(QStringLiteral("task_name"));
    if (!name.isUndefined() && !name.isNull() && !name.isString()) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("task_name must be a string."));
        return;
    }
    QString language = lang.toString().trimmed().left(16);
    if (language.isEmpty())
        language = QStringLiteral("en");
    const std::optional<SessionRecord> s = ctx.store.createSession(language);
    if (!s) {
        sendError(res, ErrorCode::Internal, QStringLiteral("The session could not be created."));
        return;
    }
    sendOk(res, QJsonObject{{QStringLiteral("task_id"), s->taskId},
                            {QStringLiteral("session_id"), s->id},
                            {QStringLiteral("user_id"), QStringLiteral("local")}});
}

void sessionState(ServerContext& ctx, const QString& sid, httplib::Response& res)
{
    const std::optional<SessionRecord> s = ctx.store.session(sid);
    const std::optional<DraftVersion> head = s ? ctx.store.headDraft(sid) : std::nullopt;
    if (!s || !head) {
        sendSessionNotFound(res, sid);
        return;
    }
    const QJsonObject draft = QJsonDocument::fromJson(head->json).object();
    QJsonArray infos;
    for (const MediaRecord& m : ctx.store.sessionMedia(sid))
        infos.append(mediaJson(m, ctx.baseUrl));
    const QJsonObject state{{QStringLiteral("draft"), draft},
                            {QStringLiteral("video_infos"), infos},
                            {QStringLiteral("generated_media"), QJsonArray()},
                            {QStringLiteral("canvas_config"), canvasOf(draft)}};
    sendOk(res, QJsonObject{{QStringLiteral("session_id"), s->id},
                            {QStringLiteral("task_id"), s->taskId},
                            {QStringLiteral("version"), head->version},
                            {QStringLiteral("language"), s->language},
                            {QStringLiteral("state"), state}});
}

} // namespace

void registerSessionRoutes(httplib::Server& http, ServerContext& ctx)
{
    http.Get("/health", [](const httplib::Request&, httplib::Response& res) {
        sendOk(res, QJsonObject{{QStringLiteral("version"), engineVersion()},
                                {QStringLiteral("engine"), QStringLiteral("clipwright-engine")}});
    });
    http.Post("/api/tasks/([^/]+)/with-session/([^/]+)",
              [&ctx](const httplib::Request& req, httplib::Response& res) {
                  createSession(ctx, req, res);
              });
    // /api/state/<app>/<user>/<sid>/latest
    http.Get("/api/state/([^/]+)/([^/]+)/([^/]+)/latest",
             [&ctx](const httplib::Request& req, httplib::Response& res) {
                 sessionState(ctx, qs(req.matches[3]), res);
             });
    http.Get("/api/credits/balance/simple", [](const httplib::Request&, httplib::Response& res) {
        sendOk(res, QJsonObject{{QStringLiteral("available"), 1000000},
                                {QStringLiteral("frozen"), 0},
                                {QStringLiteral("total"), 1000000},
                                {QStringLiteral("unlimited"), true}});
    });
}

} // namespace cw::engine
