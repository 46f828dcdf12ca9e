// Private state of EditorSession, shared by its three source files (session and agent,
// uploads, export). Not installed, not included outside app/service.
#pragma once

#include <optional>

#include "EditorSession.h"
#include "RenderJournal.h"
#include "SessionState.h"

#include <QPointer>
#include <QTimer>
#include <functional>

namespace cw {

class AgentStream;
class ApiCall;
struct Envelope;

struct EditorSession::Private {
    explicit Private(EditorSession* q, ApiClient* api) : q(q), api(api) {}

    EditorSession* q;
    ApiClient* api;
    QString language = QStringLiteral("en");
    QString sessionId;
    QString taskId;
    bool ready = false;
    bool starting = false;
    Draft draft;
    int version = -1;
    QList<MediaItem> media;
    QPointer<ApiCall> stateCall;
    QList<std::function<void(bool)>> stateWaiters; // run when the running state fetch ends
    bool stateRefetch = false; // a fetch was asked for while one ran: run another after it

    // agent
    QPointer<AgentStream> agent;
    bool agentBusy = false; // from agentStarted() until agentFinished()
    GuiAction turnAction = GuiAction::None;
    QString turnActionText;
    bool followUpTurn = false; // a turn started by a SendEdit translation: no second one
    int stillWorkingMs = 2 * 60 * 1000;
    int agentTimeoutMs = 15 * 60 * 1000;

    // uploads
    struct Upload {
        QString path; // a local file, or empty for a link
        QString name;
        QPointer<ApiCall> call;
        QUrl url; // a link the backend fetches ({"urls":[...]})
    };
    QList<Upload> uploadQueue;
    QList<Upload> uploadsActive;
    int maxParallelUploads = 2;
    int uploadsSucceeded = 0;

    // export
    bool exporting = false;
    int exportGeneration = 0;
    QString exportDest;
    QString exportPreset;
    int exportShort = 0;       // 1-based short of the draft's m.shorts to render; 0 the edit
    qint64 exportMaxBytes = 0; // a size to stay under (m.export.max_bytes); 0 as the draft says
    std::optional<bool> exportFast; // output.fast (fast export); unset: the draft's m.export.fast
    QString renderId;
    QString renderPhase;
    int lastPercent = -1;
    int pollFailures = 0;
    int pollMs = 1000;
    QTimer pollTimer;
    QPointer<ApiCall> exportCall;
    QPointer<ApiCall> frameCall; // the newest still of the edit (EditorSessionFrame.cpp)
    int frameSerial = 0;
    RenderJournal journal;
    bool resumed = false;

    // credits
    bool creditsVisible = false;
    QUrl registrationBase;
    QString bindId;
    struct Credits {
        bool unlimited = false;
        qint64 available = 0, frozen = 0, total = 0;
    };
    // GET the balance (the one place it is asked for); errors go to reportError.
    void fetchCredits(std::function<void(const Credits&)> then);

    // media visuals and the preview of the edit (EditorSessionMedia.cpp): a child of q,
    // made on first use
    struct MediaState;
    MediaState* mediaState = nullptr;
    MediaState& visuals();

    QString statePath() const;
    void fetchState(std::function<void(bool ok)> then = {});
    void applyState(const SessionState& state);
    void reportError(const Envelope& env);
    void routedReply(const QString& text);

    void pumpUploads();
    void finishUpload(const Upload& upload, const Envelope& env);

    void submitRender();
    void pollRender();
    void downloadRender(const QString& url);
    void endExport(bool ok, const QString& message);
    QString exportError(const Envelope& env) const;
    void actOnTurnText();
};

} // namespace cw
