// EditorSession: session creation, state refresh and the chat turn. Messages the client can
// answer itself (IntentRouter: export, status, credits, upload) never reach /run_sse; the
// rest stream through AgentStream, after which the state is fetched so the timeline follows.
// Uploads live in EditorSessionUpload.cpp, export in EditorSessionExport.cpp.
#include "EditorSession.h"

#include "AgentStream.h"
#include "ApiClient.h"
#include "EditorSessionPrivate.h"
#include "IntentRouter.h"

#include <QJsonObject>

namespace cw {

EditorSession::EditorSession(ApiClient* api, QObject* parent)
    : QObject(parent), d(new Private(this, api))
{
    d->pollTimer.setSingleShot(true);
    connect(&d->pollTimer, &QTimer::timeout, this, [this] { d->pollRender(); });
}

EditorSession::~EditorSession()
{
    if (d->agent)
        delete d->agent.data();
    for (const auto& u : std::as_const(d->uploadsActive))
        if (u.call)
            u.call->disconnect(this);
    if (d->exportCall)
        d->exportCall->disconnect(this);
    if (d->stateCall)
        d->stateCall->disconnect(this);
    delete d;
}

void EditorSession::start(const QString& language)
{
    if (d->starting)
        return;
    d->language = language.isEmpty() ? QStringLiteral("en") : language;
    d->starting = true;
    d->ready = false;
    ApiCall* call =
        d->api->postJson(QStringLiteral("/api/tasks/me/with-session/nemo_agent"),
                         QJsonObject{{QStringLiteral("task_name"), QStringLiteral("project")},
                                     {QStringLiteral("language"), d->language}});
    connect(call, &ApiCall::finished, this, [this](const Envelope& env) {
        d->starting = false;
        const QJsonObject data = env.data.toObject();
        const QString sid = data.value(QStringLiteral("session_id")).toString();
        if (!env.ok || sid.isEmpty()) {
            if (env.ok) {
                Envelope bad = env;
                bad.code = ErrorCode::InvalidResponse;
                d->reportError(bad);
            } else {
                d->reportError(env);
            }
            return;
        }
        d->sessionId = sid;
        d->taskId = data.value(QStringLiteral("task_id")).toString();
        d->draft = Draft();
        d->media.clear();
        d->version = -1;
        d->ready = true;
        Q_EMIT ready();
        d->fetchState();
    });
}

void EditorSession::open(const QString& sessionId, const QString& language)
{
    if (sessionId.isEmpty()) {
        start(language);
        return;
    }
    d->language = language.isEmpty() ? QStringLiteral("en") : language;
    d->sessionId = sessionId;
    d->taskId.clear();
    d->draft = Draft();
    d->media.clear();
    d->version = -1;
    d->ready = true;
    // A session the backend no longer knows ends in 1002, and reportError starts a new one.
    d->fetchState([this](bool ok) {
        if (ok)
            Q_EMIT ready();
    });
}

bool EditorSession::isReady() const
{
    return d->ready;
}

QString EditorSession::sessionId() const
{
    return d->sessionId;
}

const Draft& EditorSession::draft() const
{
    return d->draft;
}

QList<MediaItem> EditorSession::media() const
{
    return d->media;
}

QString EditorSession::language() const
{
    return d->language;
}

void EditorSession::setRenderPollInterval(int ms)
{
    d->pollMs = qMax(10, ms);
}

void EditorSession::setStillWorkingInterval(int ms)
{
    d->stillWorkingMs = qMax(10, ms);
}

void EditorSession::setAgentTimeout(int ms)
{
    d->agentTimeoutMs = qMax(10, ms);
}

void EditorSession::setMaxParallelUploads(int n)
{
    d->maxParallelUploads = qBound(1, n, 8);
}

void EditorSession::setRenderJournalPath(const QString& path)
{
    d->journal = RenderJournal(path);
}

void EditorSession::setCreditsVisible(bool visible)
{
    d->creditsVisible = visible;
}

void EditorSession::setRegistrationLink(const QUrl& base, const QString& bindId)
{
    d->registrationBase = base;
    d->bindId = bindId;
}

void EditorSession::refreshState()
{
    d->fetchState();
}

void EditorSession::refreshCredits()
{
    if (!d->creditsVisible || !d->ready) {
        Q_EMIT creditsHidden();
        return;
    }
    d->fetchCredits([this](const Private::Credits& c) {
        if (c.unlimited)
            Q_EMIT creditsHidden();
        else
            Q_EMIT creditsChanged(c.available, c.frozen, c.total);
    });
}

void EditorSession::Private::fetchCredits(std::function<void(const Credits&)> then)
{
    ApiCall* call = api->get(QStringLiteral("/api/credits/balance/simple"));
    QObject::connect(call, &ApiCall::finished, q, [this, then](const Envelope& env) {
        if (!env.ok) {
            reportError(env);
            return;
        }
        const QJsonObject data = env.data.toObject();
        Credits c;
        c.unlimited = data.value(QStringLiteral("unlimited")).toBool();
        c.available = qint64(data.value(QStringLiteral("available")).toDouble());
        c.frozen = qint64(data.value(QStringLiteral("frozen")).toDouble());
        const QJsonValue total = data.value(QStringLiteral("total"));
        c.total = total.isDouble() ? qint64(total.toDouble()) : c.available + c.frozen;
        then(c);
    });
}

void EditorSession::Private::actOnTurnText()
{
    const GuiAction action = std::exchange(turnAction, GuiAction::None);
    const QString text = std::exchange(turnActionText, {});
    switch (action) {
    case GuiAction::Export:
        if (draft.isExportable())
            Q_EMIT q->exportRequested();
        break;
    case GuiAction::ShowSummary:
        Q_EMIT q->agentText(draft.summary(), false);
        break;
    case GuiAction::SendEdit:
        if (!followUpTurn) {
            QMetaObject::invokeMethod(
                q,
                [this, text] {
                    followUpTurn = true;
                    q->sendMessage(text);
                },
                Qt::QueuedConnection);
            return;
        }
        break;
    case GuiAction::FetchState: // the state was fetched at the end of the turn
    case GuiAction::None:
        break;
    }
    followUpTurn = false;
}

QString EditorSession::Private::statePath() const
{
    return QStringLiteral("/api/state/nemo_agent/me/%1/latest").arg(sessionId);
}

void EditorSession::Private::fetchState(std::function<void(bool)> then)
{
    if (then)
        stateWaiters.append(std::move(then));
    if (!ready) {
        const auto waiters = std::exchange(stateWaiters, {});
        for (const auto& w : waiters)
            w(false);
        return;
    }
    if (stateCall) {
        // The running fetch may have started before the change this one is for: fetch once
        // more when it ends, and answer every waiter with that newer state.
        stateRefetch = true;
        return;
    }
    stateRefetch = false;
    stateCall = api->get(statePath());
    QObject::connect(stateCall, &ApiCall::finished, q, [this](const Envelope& env) {
        stateCall = nullptr;
        bool ok = false;
        if (env.ok) {
            QString why;
            if (const auto state = SessionState::fromJson(env.data, &why)) {
                applyState(*state);
                ok = true;
            } else {
                Q_EMIT q->errorOccurred(
                    EditorSession::tr("The editor sent a timeline Clipwright could not read: %1")
                        .arg(why));
            }
        } else {
            reportError(env);
        }
        if (ok && stateRefetch) {
            fetchState();
            return;
        }
        const auto waiters = std::exchange(stateWaiters, {});
        for (const auto& w : waiters)
            w(ok);
    });
}

void EditorSession::Private::applyState(const SessionState& state)
{
    version = state.version;
    const bool mediaChanged = [&] {
        if (state.media.size() != media.size())
            return true;
        for (int i = 0; i < media.size(); ++i)
            if (media[i].id != state.media[i].id || media[i].url != state.media[i].url)
                return true;
        return false;
    }();
    if (mediaChanged) {
        media = state.media;
        Q_EMIT q->mediaChanged();
    }
    if (!(state.draft == draft)) {
        draft = state.draft;
        Q_EMIT q->draftChanged(draft);
    }
}

void EditorSession::Private::reportError(const Envelope& env)
{
    const ErrorInfo info = describeError(env.httpStatus, env.code, env.message);
    Q_EMIT q->errorOccurred(info.message);
    if (info.recovery == Recovery::NewSession && !starting) {
        ready = false;
        q->start(language);
    }
}

void EditorSession::Private::routedReply(const QString& text)
{
    Q_EMIT q->agentStarted();
    Q_EMIT q->agentText(text, false);
    Q_EMIT q->agentFinished();
}

bool EditorSession::isAgentBusy() const
{
    return d->agentBusy;
}

void EditorSession::stopAgent()
{
    if (!d->agent || !d->agent->isRunning())
        return;
    d->agent->abort();
    Q_EMIT agentText(tr("Stopped. An edit that was already being applied may still finish; undo "
                        "takes it back."),
                     false);
}

void EditorSession::sendMessage(const QString& text)
{
    const QString message = text.trimmed();
    if (message.isEmpty())
        return;
    if (!d->ready) {
        Q_EMIT errorOccurred(tr("Not connected to the editor yet. Wait a moment and try again."));
        return;
    }
    if (isAgentBusy()) {
        Q_EMIT errorOccurred(tr("The agent is still working on your previous message."));
        return;
    }

    switch (routeMessage(message)) {
    case Intent::Export:
        d->fetchState([this](bool) {
            if (!d->draft.isExportable()) {
                d->routedReply(tr("There is nothing to export yet. Add a clip first."));
                return;
            }
            d->routedReply(tr("Choose where to save the video, then Clipwright renders it."));
            Q_EMIT exportRequested();
        });
        return;
    case Intent::Upload:
        d->routedReply(tr("Drop files into the window, or use Add media, to upload them."));
        Q_EMIT uploadRequested();
        return;
    case Intent::Status:
        d->fetchState([this](bool ok) {
            if (ok)
                d->routedReply(d->draft.summary());
        });
        return;
    case Intent::Credits:
        d->fetchCredits([this](const Private::Credits& c) {
            d->routedReply(
                c.unlimited
                    ? tr("The local engine has no credit limit.")
                    : tr("Credits: %1 available, %2 reserved.").arg(c.available).arg(c.frozen));
        });
        return;
    case Intent::Agent:
        break;
    }

    auto* stream = new AgentStream(d->api, d->sessionId, this);
    d->agent = stream;
    stream->setPreviousDraft(d->draft);
    stream->setStillWorkingInterval(d->stillWorkingMs);
    stream->setTransferTimeout(d->agentTimeoutMs);
    auto fetched = std::make_shared<bool>(false);
    connect(stream, &AgentStream::text, this, [this](const QString& text, bool partial) {
        Q_EMIT agentText(text, partial);
        if (partial || d->turnAction != GuiAction::None)
            return;
        const GuiAction action = translateGuiText(text);
        if (action != GuiAction::None) {
            d->turnAction = action;
            d->turnActionText = text;
            Q_EMIT guiInstruction(action, text);
        }
    });
    connect(stream, &AgentStream::progressLine, this, &EditorSession::agentProgress);
    connect(stream, &AgentStream::stateFetched, this, [this, fetched](const SessionState& s) {
        *fetched = true;
        d->applyState(s);
    });
    connect(stream, &AgentStream::failed, this, [this](const QString& message, int code) {
        Q_EMIT errorOccurred(message);
        if (code == ErrorCode::SessionNotFound && !d->starting) {
            d->ready = false;
            start(d->language);
        }
    });
    connect(stream, &AgentStream::finished, this, [this, stream, fetched] {
        stream->deleteLater();
        if (*fetched || !d->ready) {
            d->agentBusy = false;
            Q_EMIT agentFinished();
            d->actOnTurnText();
            return;
        }
        d->fetchState([this](bool) {
            d->agentBusy = false;
            Q_EMIT agentFinished();
            d->actOnTurnText();
        });
    });
    d->agentBusy = true;
    d->turnAction = GuiAction::None;
    Q_EMIT agentStarted();
    stream->start(message);
}

} // namespace cw
