// Running one agent turn against the real engine and reading the session's head draft: shared
// by the agent's end-to-end tests (tst_agentops, tst_agentconversation).
#pragma once

#include "Draft.h"
#include "EngineClient.h"

#include <QJsonObject>
#include <QStringList>

namespace cw::test {

struct Turn {
    QStringList calls;          // function names, in order
    QList<QJsonObject> results; // function responses
    QString text;               // the final text
    bool complete = false;
};

inline Turn runTurn(EngineClient& c, const QString& sid, const QString& message)
{
    QList<cw::AgentEvent> events;
    c.runSse(sid, message, &events);
    Turn t;
    for (const cw::AgentEvent& e : events) {
        if (e.kind == cw::AgentEvent::Kind::FunctionCall)
            t.calls << e.name;
        else if (e.kind == cw::AgentEvent::Kind::FunctionResponse)
            t.results << e.response;
        else if (e.kind == cw::AgentEvent::Kind::Text && !e.partial) {
            t.text = e.text;
            t.complete = e.turnComplete;
        }
    }
    return t;
}

struct State {
    int version = 0;
    cw::Draft draft;
    qint64 durationMs = 0;
};

inline State stateOf(EngineClient& c, const QString& sid)
{
    const QJsonObject data = c.state(sid).data();
    State s;
    s.version = data.value("version").toInt();
    const auto d = cw::Draft::fromJson(data.value("state").toObject().value("draft").toObject());
    if (d) {
        s.draft = *d;
        s.durationMs = d->computedDuration();
    }
    return s;
}

// Segments of tracks of type `tt` (1 audio, 7 text) whose metadata key equals value.
inline int countSegments(const cw::Draft& d, int tt, const QString& key, const QString& value)
{
    int n = 0;
    for (const cw::Track& t : d.t)
        if (t.tt == tt)
            for (const cw::Segment& s : t.sg)
                if (s.m.value(key).toString() == value)
                    ++n;
    return n;
}

} // namespace cw::test
