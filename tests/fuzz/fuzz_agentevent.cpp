// libFuzzer target for core's agent-event decoder (ADK and schematic forms). Any payload
// decodes without crashing; invalid JSON sets an error and yields nothing. Every decoded
// event is re-encoded with the engine's encoders and decoded again: kind, text, call id,
// name, args/response and error fields must come back the same.
#include "AgentEvent.h"
#include "FuzzUtil.h"

namespace {

QByteArray reencode(const cw::AgentEvent& e)
{
    const QString inv = e.invocationId;
    switch (e.kind) {
    case cw::AgentEvent::Kind::Text:
        return cw::encodeAdkText(inv, e.text, e.partial, e.turnComplete);
    case cw::AgentEvent::Kind::FunctionCall:
        return cw::encodeAdkFunctionCall(inv, e.callId, e.name, e.args);
    case cw::AgentEvent::Kind::FunctionResponse:
        return cw::encodeAdkFunctionResponse(inv, e.callId, e.name, e.response);
    case cw::AgentEvent::Kind::Error:
        return cw::encodeAdkError(inv, e.errorCode, e.errorMessage);
    case cw::AgentEvent::Kind::Heartbeat:
    case cw::AgentEvent::Kind::Progress: // a status line, not part of the conversation
        break;
    }
    return QByteArray();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString payload = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const QList<cw::AgentEvent> events = cw::decodeAgentEvents(payload, &error);
    if (!error.isEmpty())
        CW_FUZZ_CHECK(events.isEmpty());
    for (const cw::AgentEvent& e : events) {
        const QByteArray encoded = reencode(e);
        if (encoded.isEmpty())
            continue;
        QString err2;
        const QList<cw::AgentEvent> back = cw::decodeAgentEvents(QString::fromUtf8(encoded), &err2);
        CW_FUZZ_CHECK(err2.isEmpty());
        if (e.kind == cw::AgentEvent::Kind::Text && e.text.isEmpty())
            continue; // an empty text part may legitimately decode to nothing
        CW_FUZZ_CHECK(back.size() == 1);
        const cw::AgentEvent& b = back.first();
        CW_FUZZ_CHECK(b.kind == e.kind);
        CW_FUZZ_CHECK(b.text == e.text);
        CW_FUZZ_CHECK(b.callId == e.callId);
        CW_FUZZ_CHECK(b.name == e.name);
        CW_FUZZ_CHECK(b.args == e.args);
        CW_FUZZ_CHECK(b.response == e.response);
        CW_FUZZ_CHECK(b.errorCode == e.errorCode);
        CW_FUZZ_CHECK(b.errorMessage == e.errorMessage);
    }
    return 0;
}
