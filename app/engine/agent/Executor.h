// Applies one planned Operation to a session's head draft in the store and says what it did
// in words, with numbers ("Removed 3 pauses, 4.5 s shorter (now 0:13)."). Every change is a
// new draft version; undo/redo move the head. Replies are in Chinese when the message or the
// session is.
#pragma once

#include "agent/Planner.h"

#include <QJsonObject>
#include <QString>

namespace cw::engine {

class Store;

struct OpOutcome {
    bool ok = false;
    QJsonObject response; // functionResponse payload: {"ok":true,...} or {"ok":false,"error"}
    QString reply;        // one or two sentences for the final text event
};

class Executor {
public:
    explicit Executor(Store& store) : m_store(store) {}

    OpOutcome run(const QString& sessionId, const Operation& op, bool chinese);

    // For messages that plan nothing: an honest answer listing what the engine can do.
    static QString capabilitiesReply(bool chinese);

private:
    OpOutcome applyCutPauses(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome moveHead(const QString& sessionId, bool undo, bool zh);
    OpOutcome summary(const QString& sessionId, bool zh);

    Store& m_store;
};

// "0:13", "1:02:03"
QString formatClock(qint64 ms);
// "4.5"
QString formatSeconds(qint64 ms);

} // namespace cw::engine
