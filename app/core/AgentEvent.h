// Events of the agent stream (/run_sse). The cloud speaks Google ADK events (camelCase);
// some deployments emit a schematic {"type":...} form instead. decodeAgentEvents accepts
// both, and the engine uses the encoders so both sides share one wire format.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cw {

struct AgentEvent {
    enum class Kind { Text, FunctionCall, FunctionResponse, Error, Heartbeat, Progress };
    Kind kind = Kind::Heartbeat;
    QString text;              // Text; Progress: what the agent is doing
    double fraction = -1;      // Progress: 0..1 done, -1 when unknown
    bool partial = false;      // Text: a streaming chunk, replaced by the next complete event
    bool turnComplete = false; // the event carried turnComplete:true
    QString callId;            // FunctionCall / FunctionResponse
    QString name;              // FunctionCall / FunctionResponse
    QJsonObject args;          // FunctionCall
    QJsonObject response;      // FunctionResponse
    QString errorCode;         // Error
    QString errorMessage;      // Error
    QString author;
    QString eventId;
    QString invocationId;
};

// Decodes one SSE data payload. An ADK event yields one AgentEvent per part (parts marked
// "thought":true are dropped); an empty payload or {"type":"heartbeat"} is a Heartbeat.
// Invalid JSON returns an empty list and sets *error.
QList<AgentEvent> decodeAgentEvents(const QString& data, QString* error = nullptr);

// Engine side: compact ADK event JSON for one SSE data line.
QByteArray encodeAdkText(const QString& invocationId, const QString& text, bool partial,
                         bool turnComplete);
QByteArray encodeAdkFunctionCall(const QString& invocationId, const QString& callId,
                                 const QString& name, const QJsonObject& args);
QByteArray encodeAdkFunctionResponse(const QString& invocationId, const QString& callId,
                                     const QString& name, const QJsonObject& response);
// A long step inside an operation (an analysis): an ADK event without content whose
// actions.stateDelta carries {"progress":{"text","fraction"}}.
QByteArray encodeAdkProgress(const QString& invocationId, const QString& text, double fraction);
QByteArray encodeAdkError(const QString& invocationId, const QString& code, const QString& message);

} // namespace cw
