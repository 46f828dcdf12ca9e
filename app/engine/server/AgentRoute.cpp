// POST /run_sse: the agent turn as Server-Sent Events in the ADK form of PROTOCOL.md.
// The body is validated before the stream starts (400/4000; unknown session: 404 with a
// FastAPI-style {"detail"}). Then, per planned operation, a functionCall event, the
// operation (run on a helper thread so `: keep-alive` comments go out every 10 s while it
// works), a functionResponse event; finally one text event with turnComplete. A long analysis
// inside an operation (scenes, subjects, beats on first use) sends progress events (an ADK
// event whose stateDelta carries {"progress":{text, fraction}}), at most two a second. When
// the client goes away the stream stops after the running operation (whose result is
// stored); an analysis it was waiting for stops at once and caches nothing.
// Test hooks (environment): CLIPWRIGHT_KEEPALIVE_MS shortens the keep-alive interval and
// CLIPWRIGHT_AGENT_DELAY_MS makes every operation take that much longer, so clients can test
// heartbeats and disconnects against the real engine.
#include "server/Http.h"
#include "server/Routes.h"

#include "AgentEvent.h"
#include "ApiError.h"
#include "agent/Executor.h"
#include "agent/Planner.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

namespace cw::engine {

namespace {

std::chrono::milliseconds envMs(const char* name, int fallback, int min, int max)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return std::chrono::milliseconds(ok ? std::clamp(value, min, max) : fallback);
}

std::chrono::milliseconds keepAliveInterval()
{
    static const auto interval = envMs("CLIPWRIGHT_KEEPALIVE_MS", 10000, 50, 14000);
    return interval;
}

std::chrono::milliseconds operationDelay()
{
    static const auto delay = envMs("CLIPWRIGHT_AGENT_DELAY_MS", 0, 0, 600000);
    return delay;
}

struct Turn {
    QString sessionId;
    QString text;
    bool chinese = false;
    Plan plan;
    QString invocationId;
};

bool sendEvent(httplib::DataSink& sink, const QByteArray& json)
{
    const std::string line = "data: " + json.toStdString() + "\n\n";
    return sink.write(line.data(), line.size());
}

// The latest progress an operation's analysis reported (its thread writes, the stream reads).
class ProgressBox {
public:
    void set(const QString& text, double fraction)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_text = text;
        m_fraction = fraction;
        ++m_serial;
    }
    // True with the values when something new was reported since *seen.
    bool takeNew(int* seen, QString* text, double* fraction) const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_serial == *seen)
            return false;
        *seen = m_serial;
        *text = m_text;
        *fraction = m_fraction;
        return true;
    }

private:
    mutable std::mutex m_mutex;
    QString m_text;
    double m_fraction = -1;
    int m_serial = 0;
};

bool runTurn(ServerContext& ctx, const Turn& turn, httplib::DataSink& sink)
{
    using Clock = std::chrono::steady_clock;
    QStringList replies;
    int callNo = 0;
    ProgressBox progress;
    std::atomic_bool clientGone{false};
    TurnState state;
    state.progress = [&progress](const QString& what, double f) { progress.set(what, f); };
    state.cancel = &clientGone;
    int seen = 0; // progress reports sent, over the whole turn (the box keeps the last one)
    for (const Operation& op : turn.plan.operations) {
        const QString callId =
            QStringLiteral("call_%1_%2").arg(turn.invocationId.right(8)).arg(++callNo);
        if (!sendEvent(sink, encodeAdkFunctionCall(turn.invocationId, callId, op.name, op.args)))
            return false;
        std::future<OpOutcome> result = std::async(std::launch::async, [&ctx, &turn, &state, op] {
            std::this_thread::sleep_for(operationDelay());
            return ctx.executor.run(turn.sessionId, op, turn.chinese, &state);
        });
        const auto tick = std::min<std::chrono::milliseconds>(keepAliveInterval(),
                                                              std::chrono::milliseconds(500));
        auto lastWrite = Clock::now();
        QString text;
        double fraction = -1;
        while (result.wait_for(tick) != std::future_status::ready) {
            if (clientGone)
                continue;
            bool written = true;
            if (progress.takeNew(&seen, &text, &fraction)) {
                written = sendEvent(sink, encodeAdkProgress(turn.invocationId, text, fraction));
                lastWrite = Clock::now();
            } else if (Clock::now() - lastWrite >= keepAliveInterval()) {
                static const char keepAlive[] = ": keep-alive\n\n";
                written = sink.write(keepAlive, sizeof(keepAlive) - 1);
                lastWrite = Clock::now();
            }
            if (!written)
                clientGone = true;
        }
        const OpOutcome outcome = result.get();
        if (clientGone)
            return false;
        if (!sendEvent(sink, encodeAdkFunctionResponse(turn.invocationId, callId, op.name,
                                                       outcome.response)))
            return false;
        replies << outcome.reply;
    }
    const QString declined = Executor::declinedNote(turn.plan, turn.chinese);
    if (turn.plan.operations.isEmpty() && declined.isEmpty())
        replies << Executor::capabilitiesReply(turn.chinese, turn.plan.suggestions);
    for (const QString& note : {declined, Executor::unrecognizedNote(turn.plan, turn.chinese)})
        if (!note.isEmpty())
            replies << note;
    const QString text = replies.join(turn.chinese ? QString() : QStringLiteral(" "));
    if (!sendEvent(sink, encodeAdkText(turn.invocationId, text, false, true)))
        return false;
    sink.done();
    return true;
}

// Validates the body; on failure the error response is already set.
bool parseTurn(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, Turn* turn)
{
    QJsonObject body;
    if (!parseJsonBody(req, res, &body))
        return false;
    const QJsonValue app = body.value(QStringLiteral("app_name"));
    const QJsonValue sid = body.value(QStringLiteral("session_id"));
    const QJsonValue message = body.value(QStringLiteral("new_message"));
    if (!app.isString() || app.toString().isEmpty()) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("app_name is required."));
        return false;
    }
    if (!sid.isString() || sid.toString().isEmpty()) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("session_id is required."));
        return false;
    }
    const QJsonValue parts = message.toObject().value(QStringLiteral("parts"));
    if (!message.isObject() || !parts.isArray()) {
        sendError(res, ErrorCode::BadRequest, QStringLiteral("new_message.parts is required."));
        return false;
    }
    QStringList texts;
    for (const QJsonValue& part : parts.toArray()) {
        const QJsonValue text = part.toObject().value(QStringLiteral("text"));
        if (text.isString() && !text.toString().trimmed().isEmpty())
            texts << text.toString();
    }
    if (texts.isEmpty()) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("new_message.parts has no text part."));
        return false;
    }
    turn->sessionId = sid.toString();
    const std::optional<SessionRecord> session = ctx.store.session(turn->sessionId);
    if (!session) {
        res.status = 404;
        const QByteArray detail =
            QJsonDocument(
                QJsonObject{{QStringLiteral("detail"),
                             QStringLiteral("Session not found: %1").arg(turn->sessionId)}})
                .toJson(QJsonDocument::Compact);
        res.set_content(detail.constData(), size_t(detail.size()), "application/json");
        return false;
    }
    turn->text = texts.join(QLatin1Char('\n'));
    turn->plan = planInstruction(turn->text);
    turn->chinese = turn->plan.chinese ||
                    session->language.startsWith(QLatin1String("zh"), Qt::CaseInsensitive);
    turn->invocationId = QStringLiteral("e-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return true;
}

} // namespace

void registerAgentRoute(httplib::Server& http, ServerContext& ctx)
{
    http.Post("/run_sse", [&ctx](const httplib::Request& req, httplib::Response& res) {
        auto turn = std::make_shared<Turn>();
        if (!parseTurn(ctx, req, res, turn.get()))
            return;
        res.status = 200;
        res.set_header("Cache-Control", "no-cache");
        res.set_header("X-Accel-Buffering", "no");
        res.set_chunked_content_provider(
            "text/event-stream",
            [&ctx, turn](size_t, httplib::DataSink& sink) { return runTurn(ctx, *turn, sink); });
    });
}

} // namespace cw::engine
