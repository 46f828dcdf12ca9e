// Small pieces every part of the executor (Executor*.cpp) uses: the reply language switch,
// a failed outcome, and store rows as operation inputs.
#pragma once

#include "agent/Executor.h"
#include "edit/Operations.h"

#include "Draft.h"
#include "media/AudioAnalysis.h"

#include <QHash>
#include <QString>
#include <optional>

namespace cw::engine {

struct MediaRecord;
class Store;

QString pick(bool zh, const char* en, const char* chinese);
// The look a text operation was asked for (its args), in words from the result (details):
// "red", "bold", "1.5x the size", "without a box" / 红色、加粗.
QStringList textLookWords(const QJsonObject& args, const QJsonObject& details, bool zh);
OpOutcome failure(const QString& message); // draft unchanged; the message is the reply
MediaRef refOf(const MediaRecord& media);
// A file name the user typed matches an upload by full name or base name, ignoring case.
bool sameFileName(const QString& stored, const QString& asked);
// The session's head draft when it can be edited; otherwise *failed says why (unreadable, or
// nothing uploaded yet) and the result is empty.
std::optional<Draft> editableHead(Store& store, const QString& sessionId, bool zh,
                                  OpOutcome* failed);
// Media id -> stored audio analysis, for the draft's media of this session.
QHash<QString, AudioAnalysis> analysesOf(Store& store, const QString& sessionId, const Draft& d);
bool hasMusic(const Draft& d);
// The scene analysis (media/SceneDetect.h) of every video under the main track of `d`,
// cached per content hash or run now (blocking: call it before taking the edit lock).
struct SourceScenes {
    QHash<QString, QList<qint64>> cuts;  // media id -> cuts in file time
    QHash<QString, QList<float>> motion; // media id -> activity per second of the file
    QStringList names;                   // the videos looked at
    bool still = false;                  // a picture with no motion was under the main track
    QString error;                       // an analysis failed
    bool cancelled = false;              // ... because the turn was stopped
};
SourceScenes sourceScenes(Store& store, const QString& sessionId, const Draft& d);
// Executor::run makes the operation's turn current on its thread, so the analyses deep inside
// an operation report to the chat and stop with the turn without a turn parameter in every
// apply* function.
class CurrentTurn {
public:
    CurrentTurn(const TurnState* turn, bool zh);
    ~CurrentTurn();
    CurrentTurn(const CurrentTurn&) = delete;
    CurrentTurn& operator=(const CurrentTurn&) = delete;

private:
    const TurnState* m_previous;
    bool m_previousZh;
};
struct AnalysisHooks {
    std::function<void(double)> progress; // 0..1 of the analysis; empty outside a turn
    const std::atomic_bool* cancel = nullptr;
};
// The current turn's hooks for an analysis described by `en` / `zh` (%1 = the file's name):
// "Finding the scene changes in talk.mp4".
AnalysisHooks analysisHooks(const char* en, const char* zh, const QString& file);
// Stores `draft` (its length recomputed) as the session's next version named `label` and
// answers ok with `details` plus ok, version and duration_ms; a failure when it cannot be saved.
OpOutcome saveVersion(Store& store, const QString& sessionId, Draft draft, const QString& label,
                      const QJsonObject& details, bool zh);
// saveVersion of an operation's result, or its error with "Nothing was changed." when it failed.
OpOutcome saveEdit(Store& store, const QString& sessionId, const EditResult& r,
                   const QString& label, bool zh);
// The upload named `file` (sameFileName), or when none is named the latest upload of `kind`
// ("image", "audio") that the engine did not generate itself.
std::optional<MediaRecord> pickUpload(Store& store, const QString& sessionId, const QString& file,
                                      const QString& kind);
// "I can't find <file> among your uploads, so nothing was changed. Upload it first."
OpOutcome notUploaded(const QString& file, bool zh);
// "top-right corner" / 右上角 for a position name (top_left ... bottom_right, center).
QString positionWords(const QString& pos, bool zh);
// The stretch an operation names on `d`: from_ms/to_ms, the last last_ms, or clip N's span on
// the main track; {0, 0} the whole video, past the end when the clip does not exist (the
// operation then says so).
QPair<qint64, qint64> stretchOf(const Operation& op, const Draft& d);

} // namespace cw::engine
