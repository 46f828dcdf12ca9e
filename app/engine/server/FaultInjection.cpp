// The faults are read once from the environment. "Once" faults fire on the first request
// that passes the token check (the anonymous-token endpoint does not count), so a client
// test knows exactly which request meets them. Stream faults wrap the /run_sse content
// provider: the agent route writes one SSE message per sink write, so each write is
// rewritten or dropped whole. Tokens handed out here are kept in memory only.
#include "server/FaultInjection.h"

#include "server/Http.h"
#include "server/Routes.h"

#include "AgentEvent.h"
#include "ApiError.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>
#include <QUuid>
#include <atomic>
#include <mutex>

namespace cw::engine {

namespace {

struct Faults {
    bool authExpireOnce = false;
    bool rateLimitOnce = false;
    bool creditsEmpty = false;
    bool export402 = false;
    bool schematic = false;
    bool noText = false;
    bool renderTopLevel = false;
    bool creditsLimited = false;
    bool guiProse = false;
    QString prose;
    bool anonymous = false;
    bool uploadExpireOnce = false;
    bool uploadRateOnce = false;
    std::atomic_bool uploadExpireFired{false};
    std::atomic_bool uploadRateFired{false};
    std::string authScope; // empty: any authenticated request
    std::string rateScope;
    std::atomic_bool authFired{false};
    std::atomic_bool rateFired{false};
    std::mutex mutex;
    QSet<QString> anonymousTokens;

    Faults()
    {
        const QStringList names = qEnvironmentVariable("CLIPWRIGHT_ENGINE_FAULTS")
                                      .split(QLatin1Char(','), Qt::SkipEmptyParts);
        // "name@/path" limits a once fault to requests whose path starts with /path.
        auto has = [&](const char* name, std::string* scope = nullptr) {
            for (const QString& n : names) {
                const QString bare = n.section(QLatin1Char('@'), 0, 0).trimmed();
                if (bare != QLatin1String(name))
                    continue;
                if (scope)
                    *scope = n.section(QLatin1Char('@'), 1).trimmed().toStdString();
                return true;
            }
            return false;
        };
        authExpireOnce = has("auth-expire-once", &authScope);
        rateLimitOnce = has("rate-limit-once", &rateScope);
        creditsEmpty = has("credits-empty");
        export402 = has("export-402");
        schematic = has("schematic-events");
        noText = has("no-text-stream");
        renderTopLevel = has("render-shape-toplevel");
        creditsLimited = has("credits-limited");
        guiProse = has("gui-prose");
        prose = qEnvironmentVariable("CLIPWRIGHT_ENGINE_GUI_PROSE");
        uploadExpireOnce = has("upload-expire-once");
        uploadRateOnce = has("upload-rate-limit-once");
        anonymous = has("allow-anonymous") ||
                    qEnvironmentVariableIntValue("CLIPWRIGHT_ENGINE_ALLOW_ANONYMOUS") == 1;
    }
};

Faults& faults()
{
    static Faults f;
    return f;
}

void setJson(httplib::Response& res, int status, const QJsonObject& o)
{
    res.status = status;
    const QByteArray body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    res.set_content(body.constData(), size_t(body.size()), "application/json");
}

bool isAnonymousToken(const std::string& header)
{
    static const std::string prefix = "Bearer ";
    if (header.rfind(prefix, 0) != 0)
        return false;
    Faults& f = faults();
    std::lock_guard<std::mutex> lock(f.mutex);
    return f.anonymousTokens.contains(qs(header.substr(prefix.size())));
}

void issueAnonymousToken(const httplib::Request& req, httplib::Response& res)
{
    const std::string clientId = req.get_header_value("X-Client-Id");
    if (clientId.empty()) {
        setJson(res, 400,
                QJsonObject{
                    {QStringLiteral("detail"), QStringLiteral("X-Client-Id header is required")}});
        return;
    }
    const QString token = QStringLiteral("anon-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        Faults& f = faults();
        std::lock_guard<std::mutex> lock(f.mutex);
        f.anonymousTokens.insert(token);
    }
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + 7 * 24 * 3600;
    sendOk(res,
           QJsonObject{{QStringLiteral("token"), token},
                       {QStringLiteral("user_id"), QString(QStringLiteral("anon_") + qs(clientId))},
                       {QStringLiteral("expires_at"), double(expires)},
                       {QStringLiteral("credits"), 100}});
}

QByteArray schematicLine(const QByteArray& json)
{
    QByteArray out;
    for (const AgentEvent& e : decodeAgentEvents(QString::fromUtf8(json))) {
        QJsonObject o;
        switch (e.kind) {
        case AgentEvent::Kind::Text:
            o = {{QStringLiteral("type"), QStringLiteral("text")},
                 {QStringLiteral("content"), e.text}};
            break;
        case AgentEvent::Kind::FunctionCall:
            o = {{QStringLiteral("type"), QStringLiteral("tool_call")},
                 {QStringLiteral("name"), e.name},
                 {QStringLiteral("args"), e.args}};
            break;
        case AgentEvent::Kind::FunctionResponse:
            o = {{QStringLiteral("type"), QStringLiteral("tool_result")},
                 {QStringLiteral("name"), e.name},
                 {QStringLiteral("result"), e.response}};
            break;
        case AgentEvent::Kind::Error:
            o = {{QStringLiteral("error"), e.errorMessage}};
            break;
        case AgentEvent::Kind::Heartbeat:
        case AgentEvent::Kind::Progress: // the schematic form has no progress
            o = {{QStringLiteral("type"), QStringLiteral("heartbeat")}};
            break;
        }
        out += "data: " + QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n\n";
    }
    return out;
}

// One SSE message in, what the faulty cloud would send out (possibly nothing).
QByteArray rewriteMessage(const QByteArray& message)
{
    if (!message.startsWith("data: "))
        return message; // comments (keep-alives) pass
    QByteArray json = message.mid(6).trimmed();
    if (faults().guiProse) {
        const QList<AgentEvent> events = decodeAgentEvents(QString::fromUtf8(json));
        if (events.size() == 1 && events.first().kind == AgentEvent::Kind::Text &&
            !events.first().partial) {
            const AgentEvent& e = events.first();
            json = encodeAdkText(e.invocationId, e.text + QLatin1Char(' ') + faults().prose, false,
                                 e.turnComplete);
            if (!faults().noText && !faults().schematic)
                return "data: " + json + "\n\n";
        }
    }
    if (faults().noText) {
        for (const AgentEvent& e : decodeAgentEvents(QString::fromUtf8(json)))
            if (e.kind == AgentEvent::Kind::Text)
                return {};
    }
    if (faults().schematic)
        return schematicLine(json);
    return message;
}

void replaceBody(httplib::Response& res, const QByteArray& body)
{
    res.body.assign(body.constData(), size_t(body.size()));
    res.headers.erase("Content-Length");
    res.set_header("Content-Length", std::to_string(res.body.size()));
}

void rewriteRenderShape(const httplib::Request& req, httplib::Response& res)
{
    const QJsonObject envelope =
        QJsonDocument::fromJson(QByteArray::fromStdString(res.body)).object();
    if (res.status != 200 || envelope.value(QStringLiteral("code")).toInt(-1) != 0)
        return;
    const QJsonObject data = envelope.value(QStringLiteral("data")).toObject();
    if (req.method == "POST" && req.path == "/api/render/proxy/lambda")
        replaceBody(res, QJsonDocument(data).toJson(QJsonDocument::Compact));
    else if (req.method == "GET")
        replaceBody(res, QJsonDocument(QJsonObject{{QStringLiteral("success"), true},
                                                   {QStringLiteral("data"), data}})
                             .toJson(QJsonDocument::Compact));
}

} // namespace

FaultDecision applyFaultsBeforeRouting(const httplib::Request& req, httplib::Response& res,
                                       const std::string& token)
{
    Faults& f = faults();
    if (req.path == "/health")
        return FaultDecision::Continue;
    if (f.anonymous && req.method == "POST" && req.path == "/api/auth/anonymous-token") {
        issueAnonymousToken(req, res);
        return FaultDecision::Handled;
    }
    const std::string auth = req.get_header_value("Authorization");
    const bool anonymous = f.anonymous && isAnonymousToken(auth);
    if (!anonymous && !tokenMatches(auth, token))
        return FaultDecision::Continue; // the guard answers 401
    auto inScope = [&req](const std::string& scope) { return req.path.rfind(scope, 0) == 0; };
    if (f.authExpireOnce && inScope(f.authScope) && !f.authFired.exchange(true)) {
        sendError(res, ErrorCode::TokenInvalid, QStringLiteral("Token expired."));
        return FaultDecision::Handled;
    }
    if (f.rateLimitOnce && inScope(f.rateScope) && !f.rateFired.exchange(true)) {
        setJson(res, 429, QJsonObject{{QStringLiteral("detail"), QStringLiteral("Rate limited")}});
        res.set_header("Retry-After", "30");
        return FaultDecision::Handled;
    }
    const bool renderSubmit = req.method == "POST" && req.path == "/api/render/proxy/lambda";
    if (renderSubmit && f.creditsEmpty) {
        sendError(res, ErrorCode::NoCredits, QStringLiteral("Insufficient credits."));
        return FaultDecision::Handled;
    }
    if (f.creditsLimited && req.method == "GET" && req.path == "/api/credits/balance/simple") {
        sendOk(res, QJsonObject{{QStringLiteral("available"), 120},
                                {QStringLiteral("frozen"), 30},
                                {QStringLiteral("total"), 150}});
        return FaultDecision::Handled;
    }
    if (renderSubmit && f.export402) {
        setJson(res, 402,
                QJsonObject{{QStringLiteral("detail"), QStringLiteral("Payment required")}});
        return FaultDecision::Handled;
    }
    return anonymous ? FaultDecision::Authorized : FaultDecision::Continue;
}

bool applyUploadFaults(httplib::Response& res)
{
    Faults& f = faults();
    if (f.uploadExpireOnce && !f.uploadExpireFired.exchange(true)) {
        sendError(res, ErrorCode::TokenInvalid, QStringLiteral("Token expired."));
        return true;
    }
    if (f.uploadRateOnce && !f.uploadRateFired.exchange(true)) {
        setJson(res, 429, QJsonObject{{QStringLiteral("detail"), QStringLiteral("Rate limited")}});
        res.set_header("Retry-After", "30");
        return true;
    }
    return false;
}

void installFaultPostRouting(httplib::Server& http)
{
    Faults& f = faults();
    if (!f.schematic && !f.noText && !f.renderTopLevel && !f.guiProse)
        return;
    http.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        Faults& f = faults();
        if (f.renderTopLevel && req.path.rfind("/api/render/proxy/lambda", 0) == 0) {
            rewriteRenderShape(req, res);
            return;
        }
        if ((f.schematic || f.noText || f.guiProse) && req.path == "/run_sse" &&
            res.content_provider_) {
            auto inner = res.content_provider_;
            res.content_provider_ = [inner](size_t offset, size_t length, httplib::DataSink& sink) {
                httplib::DataSink proxy;
                proxy.write = [&sink](const char* data, size_t n) {
                    const QByteArray out = rewriteMessage(QByteArray(data, qsizetype(n)));
                    return out.isEmpty() ? sink.is_writable()
                                         : sink.write(out.constData(), size_t(out.size()));
                };
                proxy.done = [&sink] { sink.done(); };
                proxy.is_writable = [&sink] { return sink.is_writable(); };
                return inner(offset, length, proxy);
            };
        }
    });
}

} // namespace cw::engine
