// Agent stream payload codec. The decoder accepts every form PROTOCOL.md lists:
//  - ADK events: one AgentEvent per usable part (text, functionCall, functionResponse);
//    "thought":true parts are hidden; id, invocationId, author, partial and turnComplete are
//    copied onto each produced event. An event without usable parts yields nothing, except
//    that a stateDelta "progress" {text, fraction} (the local engine's analyses) yields one
//    Progress event and a bare turnComplete:true one Heartbeat carrying it, so the client
//    still learns the turn ended.
//  - errors: {"error":"..."} (or {"error":{"code","message"}}) and events with
//    errorCode/errorMessage become one Error event.
//  - the schematic {"type":...} form: heartbeat, text, tool_call, tool_result, error, and
//    done (a Heartbeat with turnComplete). Unknown types yield nothing.
//  - an empty or all-whitespace payload (our keep-alive "data:" line) is one Heartbeat.
// A functionResponse/tool_result whose response is not an object is wrapped as {"result":v},
// the ADK convention. The encoders write the ADK shape the cloud emits (compact JSON).
#include "AgentEvent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <algorithm>

namespace cw {

namespace {

QString str(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QJsonObject asObject(const QJsonValue& v)
{
    if (v.isObject())
        return v.toObject();
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isString()) {
        // Some servers send args as a JSON string; accept it when it holds an object.
        const QJsonDocument doc = QJsonDocument::fromJson(v.toString().toUtf8());
        if (doc.isObject())
            return doc.object();
    }
    return QJsonObject{{QStringLiteral("result"), v}};
}

AgentEvent errorEvent(const QJsonObject& o)
{
    AgentEvent e;
    e.kind = AgentEvent::Kind::Error;
    const QJsonValue err = o.value(QStringLiteral("error"));
    if (err.isObject()) {
        const QJsonObject eo = err.toObject();
        e.errorCode = str(eo.value(QStringLiteral("code")));
        e.errorMessage = str(eo.value(QStringLiteral("message")));
    } else {
        e.errorMessage = str(err);
    }
    const QString code = str(o.value(QStringLiteral("errorCode")));
    const QString message = str(o.value(QStringLiteral("errorMessage")));
    if (!code.isEmpty())
        e.errorCode = code;
    if (!message.isEmpty())
        e.errorMessage = message;
    if (e.errorMessage.isEmpty())
        e.errorMessage = e.errorCode;
    return e;
}

bool isError(const QJsonObject& o)
{
    const QJsonValue err = o.value(QStringLiteral("error"));
    const bool hasError =
        (err.isString() && !err.toString().isEmpty()) || err.isObject() || err.isDouble();
    auto present = [&o](const char* key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return !v.isUndefined() && !v.isNull();
    };
    return hasError || present("errorCode") || present("errorMessage");
}

QList<AgentEvent> decodeSchematic(const QJsonObject& o, const QString& type)
{
    AgentEvent e;
    e.partial = o.value(QStringLiteral("partial")).toBool();
    e.turnComplete = o.value(QStringLiteral("turnComplete")).toBool();
    // "id" names the call on tool events and the event itself on the others (as in ADK), and
    // only tool events have a (tool) name, so a text event re-encoded and decoded again keeps
    // every field.
    const QString id = str(o.value(QStringLiteral("id")));
    if (type == QLatin1String("tool_call") || type == QLatin1String("tool_result")) {
        e.callId = id;
        e.name = str(o.value(QStringLiteral("name")));
    } else {
        e.eventId = id;
    }
    if (type == QLatin1String("heartbeat") || type == QLatin1String("ping")) {
        e.kind = AgentEvent::Kind::Heartbeat;
    } else if (type == QLatin1String("done")) {
        e.kind = AgentEvent::Kind::Heartbeat;
        e.turnComplete = true;
    } else if (type == QLatin1String("text")) {
        e.kind = AgentEvent::Kind::Text;
        const QJsonValue content = o.value(QStringLiteral("content"));
        e.text = content.isString() ? content.toString() : str(o.value(QStringLiteral("text")));
    } else if (type == QLatin1String("tool_call")) {
        e.kind = AgentEvent::Kind::FunctionCall;
        e.args = asObject(o.value(QStringLiteral("args")));
    } else if (type == QLatin1String("tool_result")) {
        e.kind = AgentEvent::Kind::FunctionResponse;
        const QJsonValue result = o.contains(QStringLiteral("result"))
                                      ? o.value(QStringLiteral("result"))
                                      : o.value(QStringLiteral("response"));
        e.response = asObject(result);
    } else if (type == QLatin1String("error")) {
        e.kind = AgentEvent::Kind::Error;
        e.errorCode = str(o.value(QStringLiteral("code")));
        e.errorMessage = str(o.value(QStringLiteral("message")));
        if (e.errorMessage.isEmpty())
            e.errorMessage = str(o.value(QStringLiteral("error")));
        if (e.errorMessage.isEmpty())
            e.errorMessage = str(o.value(QStringLiteral("content")));
    } else {
        return {};
    }
    return {e};
}

QList<AgentEvent> decodeAdk(const QJsonObject& o)
{
    AgentEvent base;
    base.partial = o.value(QStringLiteral("partial")).toBool();
    base.turnComplete = o.value(QStringLiteral("turnComplete")).toBool();
    base.author = str(o.value(QStringLiteral("author")));
    base.eventId = str(o.value(QStringLiteral("id")));
    base.invocationId = str(o.value(QStringLiteral("invocationId")));

    if (isError(o)) {
        AgentEvent e = errorEvent(o);
        e.partial = base.partial;
        e.turnComplete = base.turnComplete;
        e.author = base.author;
        e.eventId = base.eventId;
        e.invocationId = base.invocationId;
        return {e};
    }

    QList<AgentEvent> out;
    const QJsonArray parts =
        o.value(QStringLiteral("content")).toObject().value(QStringLiteral("parts")).toArray();
    for (const QJsonValue& pv : parts) {
        const QJsonObject part = pv.toObject();
        if (part.value(QStringLiteral("thought")).toBool())
            continue;
        AgentEvent e = base;
        const QJsonValue text = part.value(QStringLiteral("text"));
        const QJsonValue call = part.value(QStringLiteral("functionCall"));
        const QJsonValue resp = part.value(QStringLiteral("functionResponse"));
        if (text.isString()) {
            e.kind = AgentEvent::Kind::Text;
            e.text = text.toString();
        } else if (call.isObject()) {
            const QJsonObject c = call.toObject();
            e.kind = AgentEvent::Kind::FunctionCall;
            e.callId = str(c.value(QStringLiteral("id")));
            e.name = str(c.value(QStringLiteral("name")));
            e.args = asObject(c.value(QStringLiteral("args")));
        } else if (resp.isObject()) {
            const QJsonObject r = resp.toObject();
            e.kind = AgentEvent::Kind::FunctionResponse;
            e.callId = str(r.value(QStringLiteral("id")));
            e.name = str(r.value(QStringLiteral("name")));
            e.response = asObject(r.value(QStringLiteral("response")));
        } else {
            continue;
        }
        out.append(e);
    }
    const QJsonObject progress = o.value(QStringLiteral("actions"))
                                     .toObject()
                                     .value(QStringLiteral("stateDelta"))
                                     .toObject()
                                     .value(QStringLiteral("progress"))
                                     .toObject();
    if (out.isEmpty() && !str(progress.value(QStringLiteral("text"))).isEmpty()) {
        base.kind = AgentEvent::Kind::Progress;
        base.text = str(progress.value(QStringLiteral("text")));
        const QJsonValue f = progress.value(QStringLiteral("fraction"));
        base.fraction = f.isDouble() ? std::clamp(f.toDouble(), 0.0, 1.0) : -1.0;
        out.append(base);
    } else if (out.isEmpty() && base.turnComplete) {
        base.kind = AgentEvent::Kind::Heartbeat;
        out.append(base);
    }
    return out;
}

QJsonObject adkEnvelope(const QString& invocationId, const QString& role, const QJsonArray& parts,
                        bool partial, bool turnComplete)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    o.insert(QStringLiteral("invocationId"), invocationId);
    o.insert(QStringLiteral("author"), QStringLiteral("nemo_agent"));
    o.insert(QStringLiteral("timestamp"), double(QDateTime::currentMSecsSinceEpoch()) / 1000.0);
    if (!role.isEmpty())
        o.insert(QStringLiteral("content"),
                 QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("parts"), parts}});
    o.insert(QStringLiteral("partial"), partial);
    o.insert(QStringLiteral("turnComplete"), turnComplete);
    o.insert(QStringLiteral("actions"),
             QJsonObject{{QStringLiteral("stateDelta"), QJsonObject()},
                         {QStringLiteral("artifactDelta"), QJsonObject()}});
    return o;
}

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QList<AgentEvent> decodeAgentEvents(const QString& data, QString* error)
{
    if (data.trimmed().isEmpty())
        return {AgentEvent{}};
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("invalid JSON at offset %1: %2")
                         .arg(QString::number(pe.offset), pe.errorString());
        return {};
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("agent event: expected a JSON object");
        return {};
    }
    const QJsonObject o = doc.object();
    const QJsonValue type = o.value(QStringLiteral("type"));
    if (type.isString() && !o.value(QStringLiteral("content")).isObject())
        return decodeSchematic(o, type.toString());
    return decodeAdk(o);
}

QByteArray encodeAdkText(const QString& invocationId, const QString& text, bool partial,
                         bool turnComplete)
{
    const QJsonArray parts{QJsonObject{{QStringLiteral("text"), text}}};
    return compact(
        adkEnvelope(invocationId, QStringLiteral("model"), parts, partial, turnComplete));
}

QByteArray encodeAdkFunctionCall(const QString& invocationId, const QString& callId,
                                 const QString& name, const QJsonObject& args)
{
    const QJsonObject call{{QStringLiteral("id"), callId},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("args"), args}};
    const QJsonArray parts{QJsonObject{{QStringLiteral("functionCall"), call}}};
    return compact(adkEnvelope(invocationId, QStringLiteral("model"), parts, false, false));
}

QByteArray encodeAdkFunctionResponse(const QString& invocationId, const QString& callId,
                                     const QString& name, const QJsonObject& response)
{
    const QJsonObject resp{{QStringLiteral("id"), callId},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("response"), response}};
    const QJsonArray parts{QJsonObject{{QStringLiteral("functionResponse"), resp}}};
    return compact(adkEnvelope(invocationId, QStringLiteral("user"), parts, false, false));
}

QByteArray encodeAdkProgress(const QString& invocationId, const QString& text, double fraction)
{
    QJsonObject o = adkEnvelope(invocationId, QString(), QJsonArray(), true, false);
    QJsonObject progress{{QStringLiteral("text"), text}};
    if (fraction >= 0)
        progress.insert(QStringLiteral("fraction"), std::clamp(fraction, 0.0, 1.0));
    o.insert(QStringLiteral("actions"),
             QJsonObject{{QStringLiteral("stateDelta"),
                          QJsonObject{{QStringLiteral("progress"), progress}}},
                         {QStringLiteral("artifactDelta"), QJsonObject()}});
    return compact(o);
}

QByteArray encodeAdkError(const QString& invocationId, const QString& code, const QString& message)
{
    QJsonObject o = adkEnvelope(invocationId, QString(), QJsonArray(), false, false);
    o.insert(QStringLiteral("error"), message);
    o.insert(QStringLiteral("errorCode"), code);
    o.insert(QStringLiteral("errorMessage"), message);
    return compact(o);
}

} // namespace cw
