// See AgentStream.h. The end of a turn is decided in onReplyFinished():
//  - HTTP error or a non-stream error envelope: failed() with the mapped message (a 404
//    {"detail":"Session not found"} becomes SessionNotFound);
//  - a complete stream with text: finished();
//  - no text, or cut off (also before the response headers, unless the connection was
//    refused), or our timeout: poll the state, diff it
//    against the previous draft and reply with that summary (or a clear error).
#include "AgentStream.h"

#include "AgentEvent.h"
#include "ApiClient.h"
#include "DraftDiff.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcAgent, "cw.service.agent", QtWarningMsg)

namespace cw {

namespace {
constexpr qsizetype kMaxErrorBody = 1024 * 1024;
} // namespace

AgentStream::AgentStream(ApiClient* api, const QString& sessionId, QObject* parent)
    : QObject(parent), m_api(api), m_sessionId(sessionId)
{
    m_stillWorking.setInterval(2 * 60 * 1000);
    connect(&m_stillWorking, &QTimer::timeout, this,
            [this] { Q_EMIT progressLine(tr("Still working…")); });
}

AgentStream::~AgentStream()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_poll)
        m_poll->abort();
}

void AgentStream::setStillWorkingInterval(int ms)
{
    m_stillWorking.setInterval(ms);
}

QString AgentStream::progressLineForTool(const QString& name)
{
    static const QHash<QString, const char*> lines = {
        {QStringLiteral("cut_pauses"), QT_TRANSLATE_NOOP("cw::AgentStream", "Cutting pauses…")},
        {QStringLiteral("remove_silence"), QT_TRANSLATE_NOOP("cw::AgentStream", "Cutting pauses…")},
        {QStringLiteral("add_music"), QT_TRANSLATE_NOOP("cw::AgentStream", "Adding music…")},
        {QStringLiteral("add_bgm"), QT_TRANSLATE_NOOP("cw::AgentStream", "Adding music…")},
        {QStringLiteral("add_text"), QT_TRANSLATE_NOOP("cw::AgentStream", "Adding text…")},
        {QStringLiteral("add_title"), QT_TRANSLATE_NOOP("cw::AgentStream", "Adding a title…")},
        {QStringLiteral("add_subtitles"),
         QT_TRANSLATE_NOOP("cw::AgentStream", "Adding subtitles…")},
        {QStringLiteral("add_intro"), QT_TRANSLATE_NOOP("cw::AgentStream", "Adding an intro…")},
        {QStringLiteral("add_transition"),
         QT_TRANSLATE_NOOP("cw::AgentStream", "Adding transitions…")},
        {QStringLiteral("trim"), QT_TRANSLATE_NOOP("cw::AgentStream", "Trimming…")},
        {QStringLiteral("split"), QT_TRANSLATE_NOOP("cw::AgentStream", "Splitting…")},
        {QStringLiteral("remove_segment"),
         QT_TRANSLATE_NOOP("cw::AgentStream", "Removing a clip…")},
        {QStringLiteral("delete_segment"),
         QT_TRANSLATE_NOOP("cw::AgentStream", "Removing a clip…")},
        {QStringLiteral("move_segment"), QT_TRANSLATE_NOOP("cw::AgentStream", "Moving a clip…")},
        {QStringLiteral("set_volume"), QT_TRANSLATE_NOOP("cw::AgentStream", "Adjusting volume…")},
        {QStringLiteral("set_speed"), QT_TRANSLATE_NOOP("cw::AgentStream", "Changing speed…")},
        {QStringLiteral("undo"), QT_TRANSLATE_NOOP("cw::AgentStream", "Undoing…")},
        {QStringLiteral("redo"), QT_TRANSLATE_NOOP("cw::AgentStream", "Redoing…")},
        {QStringLiteral("render"), QT_TRANSLATE_NOOP("cw::AgentStream", "Rendering…")},
    };
    const auto it = lines.constFind(name.trimmed().toLower());
    if (it != lines.constEnd())
        return tr(it.value());
    QString shown = name.simplified();
    if (shown.isEmpty())
        shown = tr("tool");
    if (shown.size() > 60)
        shown = shown.left(59) + QChar(0x2026);
    return tr("Working: %1…").arg(shown);
}

void AgentStream::start(const QString& message)
{
    if (m_running || m_done)
        return;
    m_running = true;
    m_message = message;
    const QJsonObject body{
        {QStringLiteral("app_name"), QStringLiteral("nemo_agent")},
        {QStringLiteral("user_id"), m_userId},
        {QStringLiteral("session_id"), m_sessionId},
        {QStringLiteral("new_message"),
         QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                     {QStringLiteral("parts"),
                      QJsonArray{QJsonObject{{QStringLiteral("text"), message}}}}}},
        {QStringLiteral("streaming"), true},
    };
    m_reply = m_api->postStream(QStringLiteral("/run_sse"), body, m_timeoutMs);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::readyRead, this, &AgentStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &AgentStream::onReplyFinished);
    m_stillWorking.start();
}

void AgentStream::abort()
{
    if (m_done)
        return;
    m_aborted = true;
    if (m_reply)
        m_reply->abort(); // onReplyFinished() ends the turn
    else if (m_poll)
        m_poll->abort();
    else
        done();
}

void AgentStream::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_httpStatus == 0) {
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
        m_eventStream =
            m_httpStatus < 400 && (type.isEmpty() || type.contains(QLatin1String("event-stream")));
    }
    const QByteArray chunk = m_reply->isReadable() ? m_reply->readAll() : QByteArray();
    if (!m_eventStream) {
        if (m_body.size() < kMaxErrorBody)
            m_body += chunk.left(kMaxErrorBody - m_body.size());
        return;
    }
    handleItems(m_parser.feed(chunk));
    if (m_parser.overflowed()) {
        m_streamError = tr("The agent sent an event that is too large.");
        m_streamErrorCode = ErrorCode::InvalidResponse;
        disconnect(m_reply, &QNetworkReply::readyRead, this, &AgentStream::onReadyRead);
        m_reply->abort();
    }
}

void AgentStream::handleItems(const QList<SseItem>& items)
{
    for (const SseItem& item : items) {
        if (item.kind == SseItem::Kind::Comment)
            continue; // keep-alive
        QString why;
        const QList<AgentEvent> events = decodeAgentEvents(item.event.data, &why);
        if (!why.isEmpty())
            qCDebug(lcAgent) << "undecodable event skipped:" << why;
        for (const AgentEvent& e : events) {
            if (e.turnComplete)
                m_turnComplete = true;
            switch (e.kind) {
            case AgentEvent::Kind::Text:
                if (e.text.isEmpty())
                    break;
                m_stillWorking.start();
                if (e.partial) {
                    m_partialText += e.text;
                    Q_EMIT text(e.text, true);
                } else {
                    m_partialText.clear();
                    m_gotText = true;
                    Q_EMIT text(e.text, false);
                }
                break;
            case AgentEvent::Kind::FunctionCall:
                Q_EMIT progressLine(progressLineForTool(e.name));
                break;
            case AgentEvent::Kind::Error:
                m_streamError = !e.errorMessage.isEmpty() ? e.errorMessage : e.errorCode;
                m_streamErrorCode = ErrorCode::Internal;
                break;
            case AgentEvent::Kind::Progress:
                m_stillWorking.start();
                Q_EMIT progressLine(e.fraction >= 0
                                        ? tr("%1… %2%").arg(e.text).arg(qRound(e.fraction * 100))
                                        : tr("%1…").arg(e.text));
                break;
            case AgentEvent::Kind::FunctionResponse:
            case AgentEvent::Kind::Heartbeat:
                break;
            }
        }
    }
}

void AgentStream::onReplyFinished()
{
    if (!m_reply)
        return;
    onReadyRead();
    m_stillWorking.stop();
    const QNetworkReply::NetworkError err = m_reply->error();
    const QString errorString = m_reply->errorString();
    if (m_httpStatus == 0)
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    disconnect(m_reply, nullptr, this, nullptr);
    m_reply->deleteLater();
    m_reply = nullptr;
    // Qt may report a connection closed inside a chunk as a clean end: an unfinished event
    // says the stream was cut all the same.
    const bool cutMidEvent = m_eventStream && m_parser.midEvent();
    if (m_eventStream)
        handleItems(m_parser.finish());
    if (!m_partialText.isEmpty() && !m_gotText) { // partial chunks never confirmed
        m_gotText = true;
        Q_EMIT text(m_partialText, false);
        m_partialText.clear();
    }

    if (m_aborted) {
        done();
        return;
    }
    if (err == QNetworkReply::OperationCanceledError)
        m_timedOut = true;
    // Never connected: nothing can have happened on the server. Any other failure before the
    // response (reset, closed) may follow a received message, so it takes the poll path.
    if (m_httpStatus == 0 && !m_timedOut &&
        (err == QNetworkReply::ConnectionRefusedError || err == QNetworkReply::HostNotFoundError ||
         err == QNetworkReply::UnknownNetworkError ||
         err == QNetworkReply::NetworkSessionFailedError)) {
        qCDebug(lcAgent) << "stream failed before a response:" << errorString;
        fail(describeError(0, ErrorCode::NetworkError).message, ErrorCode::NetworkError);
        return;
    }
    if (m_httpStatus >= 400 || !m_eventStream) {
        const Envelope env = decodeEnvelope(m_httpStatus, m_body);
        if (!env.ok && retryBeforeStream(env))
            return;
        if (!env.ok) {
            fail(describeError(env.httpStatus, env.code, env.message).message, env.code);
            return;
        }
    }
    if (!m_streamError.isEmpty() && !m_gotText) {
        fail(describeError(500, m_streamErrorCode, m_streamError).message, m_streamErrorCode);
        return;
    }
    const bool broken =
        ((err != QNetworkReply::NoError || cutMidEvent) && !m_turnComplete) || m_timedOut;
    if (m_gotText && !broken) {
        done();
        return;
    }
    pollState(broken);
}

// Refused before the stream started (1001, 429): nothing ran on the server, so the turn is
// sent again once, after a new token or the rate-limit wait (ApiClient's settings).
bool AgentStream::retryBeforeStream(const Envelope& env)
{
    auto again = [this] {
        if (m_aborted || m_done)
            return;
        m_running = false;
        m_httpStatus = 0;
        m_body.clear();
        m_eventStream = true;
        start(m_message);
    };
    if ((env.code == ErrorCode::TokenInvalid || env.httpStatus == 401) && !m_reauthTried &&
        m_api->m_reauthenticator) {
        m_reauthTried = true;
        QPointer<AgentStream> self(this);
        m_api->m_reauthenticator([self, again, env](bool ok) {
            if (!self)
                return;
            if (ok)
                again();
            else
                self->fail(describeError(env.httpStatus, env.code, env.message).message, env.code);
        });
        return true;
    }
    if (env.httpStatus == 429 && !m_rateLimitTried) {
        m_rateLimitTried = true;
        Q_EMIT progressLine(describeError(env.httpStatus, env.code, env.message).message);
        QTimer::singleShot(m_api->m_rateLimitWaitMs, this, again);
        return true;
    }
    return false;
}

void AgentStream::pollState(bool broken)
{
    m_poll = m_api->get(QStringLiteral("/api/state/nemo_agent/me/%1/latest").arg(m_sessionId));
    connect(m_poll, &ApiCall::finished, this, [this, broken](const Envelope& env) {
        m_poll = nullptr;
        if (m_aborted) {
            done();
            return;
        }
        QString why;
        const auto state = env.ok ? SessionState::fromJson(env.data, &why) : std::nullopt;
        if (!state) {
            const QString reason =
                env.ok ? why : describeError(env.httpStatus, env.code, env.message).message;
            if (broken)
                fail(tr("The connection to the editing engine was lost before the agent "
                        "finished, and the current state could not be read: %1")
                         .arg(reason),
                     env.ok ? int(ErrorCode::InvalidResponse) : env.code);
            else
                fail(reason, env.ok ? int(ErrorCode::InvalidResponse) : env.code);
            return;
        }
        const DraftChange change = diffDrafts(m_previous, state->draft);
        Q_EMIT stateFetched(*state);
        if (m_timedOut && change.isEmpty()) {
            fail(describeError(0, ErrorCode::Timeout).message, ErrorCode::Timeout);
            return;
        }
        if (broken && change.isEmpty()) {
            fail(tr("The connection to the agent was interrupted before it finished. Nothing "
                    "changed on the timeline; try again."),
                 ErrorCode::NetworkError);
            return;
        }
        if (!m_gotText) {
            const QString summary = describeChange(change);
            Q_EMIT text(broken ? tr("The connection to the agent was interrupted, but the edit "
                                    "was saved. %1")
                                     .arg(summary)
                               : summary,
                        false);
        }
        done();
    });
}

void AgentStream::fail(const QString& message, int code)
{
    Q_EMIT failed(message, code);
    done();
}

void AgentStream::done()
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    m_stillWorking.stop();
    Q_EMIT finished();
}

} // namespace cw
