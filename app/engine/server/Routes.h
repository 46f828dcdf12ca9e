// What the route handlers share, and one registration function per group of routes (each
// in its own file). Handlers run on httplib's pool threads; everything they touch here is
// thread-safe (Store, RenderQueue) or fixed before the server starts listening (baseUrl).
#pragma once

#include <QString>
#include <atomic>
#include <httplib.h>
#include <optional>

namespace cw::engine {

class Store;
class RenderQueue;
class Executor;
class ProxyMaker;
class AnalysisQueue;
struct MediaRecord;

struct ServerContext {
    Store& store;
    RenderQueue& renders;
    Executor& executor;
    ProxyMaker& proxies;
    QString baseUrl; // "http://127.0.0.1:<port>", set once bound
    std::atomic_bool stopping{false};
    AnalysisQueue* analyses = nullptr; // scene changes after upload; none in the fuzzer
};

void registerSessionRoutes(httplib::Server& http, ServerContext& ctx);
void registerUploadRoute(httplib::Server& http, ServerContext& ctx);
void registerAgentRoute(httplib::Server& http, ServerContext& ctx);
void registerRenderRoutes(httplib::Server& http, ServerContext& ctx);
void registerFileRoutes(httplib::Server& http, ServerContext& ctx);
void registerPreviewRoutes(httplib::Server& http, ServerContext& ctx); // thumbnails

// The media `mediaId` of session `sid`, or nothing after answering 1002 (unknown session)
// or 4004 (no such media in this session). Shared by the media routes (FileRoutes.cpp).
std::optional<MediaRecord> sessionMedia(ServerContext& ctx, const QString& sid,
                                        const QString& mediaId, httplib::Response& res);

// Bearer-token check for every route but GET /health, plus a hard cap on bodies of routes
// that read them whole. Also turns httplib's bare errors (404, 500) into envelopes.
void installGuards(httplib::Server& http, const std::string& token);
bool tokenMatches(const std::string& authorizationHeader, const std::string& token);

} // namespace cw::engine
