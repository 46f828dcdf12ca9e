// Applies one planned Operation to a session's head draft in the store and says what it did
// in words, with numbers ("Removed 3 pauses (quieter than -42 dB for 0.5 s or longer), 4.5 s
// shorter (now 0:13)."). Every change is a new draft version; undo/redo move the head.
// Replies are in Chinese when the message or the session is.
#pragma once

#include "agent/Planner.h"
#include "edit/Operations.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <mutex>

namespace cw::engine {

class Store;

struct OpOutcome {
    bool ok = false;
    QJsonObject response; // functionResponse payload: {"ok":true,...} or {"ok":false,"error"}
    QString reply;        // one or two sentences for the final text event
};

// One message's operations run in order, but every time the message names refers to the
// timeline as it was when it was sent: "trim the first 30 seconds and cut out 4:15-5:40"
// removes exactly those two stretches of the original. The state remembers what earlier
// operations of the message removed and maps later times onto the edited timeline.
struct TurnState {
    bool started = false;
    // Headless runs (the CLI) have nobody to answer a question: large removals go ahead.
    bool interactive = true;
    QList<QPair<qint64, qint64>> removed; // [from, to) in message time, sorted, disjoint
    // Long analyses inside an operation (scenes, subjects, beats) report what they do and how
    // far they are (0..1) here, and stop when *cancel becomes true (the client went away).
    std::function<void(const QString& what, double fraction)> progress;
    const std::atomic_bool* cancel = nullptr;

    qint64 toCurrent(qint64 messageMs) const;
    qint64 toMessage(qint64 currentMs) const;  // the inverse, for removals found on the way
    void remember(qint64 fromMs, qint64 toMs); // message time
    // The operation with its message times (from_ms, to_ms, at_ms, start_ms) mapped.
    Operation mapped(const Operation& op) const;
};

class Executor {
public:
    explicit Executor(Store& store) : m_store(store) {}

    // `turn` carries what earlier operations of the same message did; null for a lone op.
    OpOutcome run(const QString& sessionId, const Operation& op, bool chinese,
                  TurnState* turn = nullptr);

    // For messages that plan nothing: an honest answer listing what the engine can do and,
    // when given, 2-3 phrasings to try.
    static QString capabilitiesReply(bool chinese, const QStringList& suggestions = {});
    // For parts of a message that planned nothing while others did: "I did not understand
    // “make it purple”." Empty when every clause was understood.
    static QString unrecognizedNote(const Plan& plan, bool chinese);
    // For parts understood but not done: "I can't do fades here yet, so that part was not
    // done." or a question for what is missing ("What should the title say? ...").
    static QString declinedNote(const Plan& plan, bool chinese);

private:
    OpOutcome applyCutPauses(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyEdit(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome moveHead(const QString& sessionId, bool undo, bool zh);
    OpOutcome reset(const QString& sessionId, bool zh);
    OpOutcome applyIntro(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyBroll(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome summary(const QString& sessionId, bool zh);
    OpOutcome describe(const QString& sessionId, bool zh);
    OpOutcome applyChange(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyFade(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyLogo(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyVoiceOver(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyRemoveLogo(const QString& sessionId, bool zh);
    OpOutcome applyLayout(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome takeOff(const QString& sessionId, const Draft& draft, const QString& role, bool zh);
    OpOutcome applyMotion(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyCleanAudio(const QString& sessionId, bool zh);
    OpOutcome applyStabilise(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyScenes(const QString& sessionId, const Operation& op, bool zh);
    // After an aspect change: what a crop that follows the subject follows (" The crop follows
    // the speaker."), finding the subject first when needed; "" for other frames.
    QString reframeNote(const QString& sessionId, bool zh);
    OpOutcome applyMontage(const QString& sessionId, const Operation& op, bool zh);
    // add_transitions at "downbeats" (ExecutorDownbeats.cpp)
    OpOutcome applyDownbeatTransitions(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyAudiogram(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome applyShorts(const QString& sessionId, const Operation& op, bool zh); // ExecutorShorts
    OpOutcome progressOverFootage(const QString& sessionId, const Draft& draft, const Operation& op,
                                  bool zh);
    OpOutcome applyTargetLength(const QString& sessionId, const Operation& op, bool zh,
                                bool confirmed);
    OpOutcome applyPauseAt(const QString& sessionId, const Operation& op, bool zh);
    OpOutcome propose(const QString& sessionId, bool zh);
    OpOutcome answer(const QString& sessionId, bool yes, bool zh, TurnState* turn);
    // A removal the user may not have meant (over half the timeline, or a whole clip they did
    // not name) is kept for a "yes" instead of applied; returns the question.
    OpOutcome ask(const QString& sessionId, const Operation& op, const QString& question);
    void setPending(const QString& sessionId, const QList<Operation>& ops);
    QList<Operation> takePending(const QString& sessionId);
    // The music for add_music: a named upload, the latest audio upload or a generated bed.
    // Returns false with *reply set when a named file is not among the uploads.
    bool resolveMusic(const QString& sessionId, const Draft& draft, const Operation& op, bool zh,
                      MediaRef* music, bool* generated, QString* reply);

    Store& m_store;
    std::mutex m_pendingMutex;
    QHash<QString, QList<Operation>> m_pending; // session -> operations waiting for a "yes"
};

// "0:13", "1:02:03"
QString formatClock(qint64 ms);
// "4.5"
QString formatSeconds(qint64 ms);

} // namespace cw::engine
