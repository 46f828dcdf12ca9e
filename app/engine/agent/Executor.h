// Applies one planned Operation to a session's head draft in the store and says what it did
// in words, with numbers ("Removed 3 pauses, 4.5 s shorter (now 0:13)."). Every change is a
// new draft version; undo/redo move the head. Replies are in Chinese when the message or the
// session is.
#pragma once

#include "agent/Planner.h"
#include "edit/Operations.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

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

    // For messages that plan nothing: an honest answer listing what the engine can do and,
    // when given, 2-3 phrasings to try.
    static QString capabilitiesReply(bool chinese, const QStringList& suggestions = {});
    // For parts of a message that planned nothing while others did: "I did not understand
    // “make it purple”." Empty when every clause was understood.
    static QString unrecognizedNote(const Plan& plan, bool chinese);

private:
    OpOutcome applyCutPauses(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyEdit(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome moveHead(const QString& sessionId, bool undo, bool zh);
    OpOutcome reset(const QString& sessionId, bool zh);
    OpOutcome applyIntro(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyBroll(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome summary(const QString& sessionId, bool zh);
    // The music for add_music: a named upload, the latest audio upload or a generated bed.
    // Returns false with *reply set when a named file is not among the uploads.
    bool resolveMusic(const QString& sessionId, const Operation& op, qint64 lengthMs, bool zh,
                      MediaRef* music, bool* generated, QString* reply);

    Store& m_store;
};

// "0:13", "1:02:03"
QString formatClock(qint64 ms);
// "4.5"
QString formatSeconds(qint64 ms);

} // namespace cw::engine
