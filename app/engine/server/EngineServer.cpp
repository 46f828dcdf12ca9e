#include "server/EngineServer.h"

#include "agent/Executor.h"
#include "agent/Planner.h"
#include "server/AnalysisQueue.h"
#include "server/ProxyMaker.h"
#include "server/RenderQueue.h"
#include "server/Routes.h"
#include "store/Store.h"

#include <chrono>
#include <thread>

namespace cw::engine {

namespace {
constexpr size_t kPoolThreads = 32;
constexpr time_t kReadTimeoutS = 60;
constexpr time_t kWriteTimeoutS = 60;
} // namespace

struct EngineServer::Private {
    Store store;
    RenderQueue renders{store};
    Executor executor{store};
    ProxyMaker proxies{store};
    AnalysisQueue analyses{store};
    ServerContext ctx{store, renders, executor, proxies, QString(), {}, &analyses};
    httplib::Server http;
    int port = -1;
    bool started = false;
    std::thread warmUp;
};

EngineServer::EngineServer() : d(std::make_unique<Private>())
{
    // After an upload the preview proxy goes before the scene analysis: the viewer needs it.
    d->analyses.setYieldTo([p = d.get()] { return p->proxies.busy(); });
}

EngineServer::~EngineServer()
{
    stop();
    d->renders.stop();
    d->proxies.stop();
    d->analyses.stop();
    if (d->warmUp.joinable())
        d->warmUp.join();
}

bool EngineServer::start(const EngineConfig& config, QString* error)
{
    // The planner reads and compiles its vocabulary on first use (~60 ms, several times that
    // under sanitizers). Warming it up beside the start keeps it off the first chat message
    // without delaying the port (a message that arrives first just waits for the load).
    if (!d->warmUp.joinable())
        d->warmUp = std::thread([] { (void)planInstruction(QStringLiteral("cut the pauses")); });
    if (config.token.isEmpty()) {
        if (error)
            *error = QStringLiteral("an access token is required");
        return false;
    }
    if (!d->store.open(config.dataDir, error))
        return false;

    httplib::Server& http = d->http;
    http.new_task_queue = [] { return new httplib::ThreadPool(kPoolThreads); };
    http.set_read_timeout(kReadTimeoutS, 0);
    http.set_write_timeout(kWriteTimeoutS, 0);
    http.set_payload_max_length(std::numeric_limits<size_t>::max());
    if (config.logRequests) {
        http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            qInfo("engine: %s %s -> %d", req.method.c_str(), req.path.c_str(), res.status);
        });
    }
    installGuards(http, config.token.toStdString());
    registerSessionRoutes(http, d->ctx);
    registerUploadRoute(http, d->ctx);
    registerAgentRoute(http, d->ctx);
    registerRenderRoutes(http, d->ctx);
    registerFileRoutes(http, d->ctx);
    registerPreviewRoutes(http, d->ctx);

    const std::string host = config.host.toStdString();
    if (config.port == 0) {
        d->port = http.bind_to_any_port(host);
    } else {
        d->port = http.bind_to_port(host, config.port) ? config.port : -1;
    }
    if (d->port <= 0) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2").arg(config.host).arg(config.port);
        d->store.close();
        return false;
    }
    QString shownHost = config.host;
    if (shownHost == QLatin1String("0.0.0.0"))
        shownHost = QStringLiteral("127.0.0.1");
    else if (shownHost.contains(QLatin1Char(':')))
        shownHost = QLatin1Char('[') + shownHost + QLatin1Char(']');
    d->ctx.baseUrl = QStringLiteral("http://%1:%2").arg(shownHost).arg(d->port);
    d->renders.start();
    d->started = true;
    return true;
}

int EngineServer::port() const
{
    return d->port;
}

QString EngineServer::baseUrl() const
{
    return d->ctx.baseUrl;
}

bool EngineServer::run()
{
    if (!d->started)
        return false;
    const bool ok = d->http.listen_after_bind();
    // The pool has drained: no handler can queue a render any more.
    d->renders.stop();
    return ok;
}

void EngineServer::stop()
{
    d->ctx.stopping = true;
    d->http.stop();
}

} // namespace cw::engine
