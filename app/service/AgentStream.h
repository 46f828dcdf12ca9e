// One agent turn over POST /run_sse. Parses the event stream as it arrives (core SseParser +
// decodeAgentEvents), shows text, turns tool calls into quiet progress lines, tolerates
// heartbeats, says "Still working…" after long silences, and enforces a transfer (inactivity)
// timeout. When the stream ends without text, or is cut off, it polls the session state and
// replies with a summary of what changed against the draft it was given (PROTOCOL.md).
#pragma once

#include "Draft.h"
#include "SessionState.h"
#include "SseParser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace cw {

class ApiCall;
class ApiClient;
struct Envelope;

class AgentStream : public QObject {
    Q_OBJECT
public:
    AgentStream(ApiClient* api, const QString& sessionId, QObject* parent = nullptr);
    ~AgentStream() override;

    void setPreviousDraft(const Draft& draft) { m_previous = draft; }
    void setStillWorkingInterval(int ms);                        // default 2 minutes
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }        // inactivity; default 15 minutes
    void setUserId(const QString& userId) { m_userId = userId; } // default "me"

    void start(const QString& message);
    void abort(); // ends quietly: finished() without failed()
    bool isRunning() const { return m_running; }
    bool timedOut() const { return m_timedOut; }
    bool receivedText() const { return m_gotText; }

    // "Cutting pauses…" for known tools, "Working: <name>…" otherwise.
    static QString progressLineForTool(const QString& name);

Q_SIGNALS:
    void text(const QString& text, bool partial); // partial chunks, then one final text
    void progressLine(const QString& line);
    void stateFetched(const cw::SessionState& state); // from the fallback poll
    void failed(const QString& message, int code);    // user-facing; code is an ErrorCode
    void finished();                                  // always, once, last

private:
    void onReadyRead();
    void onReplyFinished();
    void handleItems(const QList<SseItem>& items);
    void pollState(bool broken);
    bool retryBeforeStream(const Envelope& env);
    void fail(const QString& message, int code);
    void done();

    ApiClient* m_api;
    QString m_sessionId;
    QString m_userId = QStringLiteral("me");
    Draft m_previous;
    QPointer<QNetworkReply> m_reply;
    QPointer<ApiCall> m_poll;
    SseParser m_parser;
    QTimer m_stillWorking;
    int m_timeoutMs = 15 * 60 * 1000;
    int m_httpStatus = 0;
    bool m_eventStream = true;
    QByteArray m_body; // non-stream answers (errors)
    QString m_partialText;
    QString m_streamError;
    int m_streamErrorCode = 0;
    bool m_running = false;
    bool m_aborted = false;
    bool m_timedOut = false;
    bool m_gotText = false;
    bool m_turnComplete = false;
    bool m_done = false;
    bool m_reauthTried = false;
    bool m_rateLimitTried = false;
    QString m_message;
};

} // namespace cw

Q_DECLARE_METATYPE(cw::SessionState)
