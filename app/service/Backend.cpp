// Composition for the desktop app: LocalEngine -> ApiClient (base URL + token) ->
// EditorSession. After an engine restart the client follows the new port and token and the
// session re-reads its state (the engine keeps sessions in its data dir).
#include "Backend.h"

#include "ApiClient.h"
#include "CloudAuth.h"
#include "EditorSession.h"
#include "LocalEngine.h"
#include "TokenStore.h"

namespace cw {

Backend::Backend(QObject* parent)
    : QObject(parent), m_api(new ApiClient(this)), m_engine(new LocalEngine(m_api, this)),
      m_session(new EditorSession(m_api, this))
{
    m_engine->setDataDir(LocalEngine::defaultDataDir());
    connect(m_engine, &LocalEngine::started, this, [this](const QUrl& url) {
        m_api->setBaseUrl(url);
        m_api->setToken(m_engine->token());
        if (m_session->isReady()) {
            Q_EMIT statusMessage(tr("Local engine restarted."));
            m_session->refreshState();
        } else {
            openSession();
        }
    });
    connect(m_engine, &LocalEngine::restarted, this, &Backend::statusMessage);
    connect(m_engine, &LocalEngine::failed, this, [this](const QString& message) {
        m_connected = false;
        Q_EMIT connectionFailed(message);
    });
    connect(m_session, &EditorSession::ready, this, [this] {
        const bool first = !m_connected;
        m_connected = true;
        if (m_profiles) {
            m_profiles->setLastSession(m_profile.id, m_session->sessionId());
            m_profiles->sync();
        }
        if (m_session->resumeExport())
            Q_EMIT statusMessage(tr("Continuing the export that was running."));
        if (first)
            Q_EMIT connected();
        Q_EMIT statusMessage(tr("Connected to %1.").arg(m_profile.name));
    });
    connect(m_api, &ApiClient::notice, this, &Backend::statusMessage);
    connect(m_session, &EditorSession::errorOccurred, this, [this](const QString& message) {
        if (!m_connected && !m_session->isReady())
            Q_EMIT connectionFailed(message);
    });
}

Backend::~Backend()
{
    delete m_auth; // before the client whose reauthenticator it is
    m_auth = nullptr;
    delete m_session; // before the engine and the client it uses
    m_session = nullptr;
    m_engine->stop();
}

void Backend::setEngineProgram(const QString& path)
{
    m_engine->setProgram(path);
}

void Backend::setEngineDataDir(const QString& dir)
{
    m_engine->setDataDir(dir);
}

void Backend::openSession()
{
    Q_EMIT statusMessage(tr("Opening a session…"));
    const QString last = m_profiles ? m_profiles->lastSession(m_profile.id) : QString();
    if (last.isEmpty())
        m_session->start(m_language);
    else
        m_session->open(last, m_language); // a session the backend lost: 1002, a new one
}

void Backend::setProfile(const Profile& profile, TokenStore* store)
{
    m_profile = profile;
    m_store = store;
}

bool Backend::ensureAuth()
{
    if (m_auth)
        return true;
    if (m_profile.kind == Profile::Kind::Local || !m_store || !m_profile.baseUrl.isValid())
        return false;
    m_api->setBaseUrl(m_profile.baseUrl);
    m_auth = new CloudAuth(m_api, m_store, m_profile.id, this);
    connect(m_auth, &CloudAuth::failed, this, [this](const QString& message) {
        m_connected = false;
        Q_EMIT connectionFailed(message);
        Q_EMIT accountChanged();
    });
    connect(m_auth, &CloudAuth::authenticated, this, [this] {
        const QString bindId = m_auth->userId().isEmpty() ? m_auth->clientId() : m_auth->userId();
        m_session->setRegistrationLink(m_profile.registrationUrl, bindId);
        Q_EMIT accountChanged();
        openSession();
    });
    connect(m_auth, &CloudAuth::sourceChanged, this, [this] {
        Q_EMIT statusMessage(tr("The sign-in expired; continuing without an account."));
        Q_EMIT accountChanged();
    });
    return true;
}

void Backend::signIn(const QString& token)
{
    if (m_profile.kind == Profile::Kind::Local) {
        Q_EMIT statusMessage(tr("The local engine needs no sign-in."));
        Q_EMIT accountChanged();
        return;
    }
    if (!ensureAuth()) {
        Q_EMIT statusMessage(tr("No system keychain is available to keep the sign-in token "
                                "safe, so Clipwright cannot sign in to %1.")
                                 .arg(m_profile.name));
        Q_EMIT accountChanged();
        return;
    }
    Q_EMIT statusMessage(tr("Signing in to %1…").arg(m_profile.name));
    m_auth->signIn(token, [this](bool ok, const QString& message) {
        if (ok) {
            Q_EMIT statusMessage(tr("Signed in to %1.").arg(m_profile.name));
            m_session->refreshCredits();
        } else {
            Q_EMIT statusMessage(message);
        }
        Q_EMIT accountChanged();
    });
}

void Backend::signOut()
{
    if (!m_auth) {
        Q_EMIT accountChanged();
        return;
    }
    m_auth->signOut([this](bool ok, const QString& message) {
        Q_EMIT statusMessage(ok ? tr("Signed out; continuing without an account.") : message);
        if (ok) {
            const QString bindId =
                m_auth->userId().isEmpty() ? m_auth->clientId() : m_auth->userId();
            m_session->setRegistrationLink(m_profile.registrationUrl, bindId);
            m_session->refreshCredits();
        }
        Q_EMIT accountChanged();
    });
}

QString Backend::accountDescription() const
{
    if (m_profile.kind == Profile::Kind::Local)
        return {};
    switch (m_auth ? m_auth->source() : CloudAuth::Source::None) {
    case CloudAuth::Source::Environment:
        return tr("Signed in (NEMO_TOKEN)");
    case CloudAuth::Source::SignedIn:
        return tr("Signed in");
    case CloudAuth::Source::Stored:
    case CloudAuth::Source::Anonymous:
        return tr("Anonymous");
    case CloudAuth::Source::None:
        break;
    }
    return tr("Not signed in");
}

void Backend::start(const QString& language)
{
    m_language = language;
    m_session->setRenderPollInterval(m_profile.renderPollMs);
    if (m_profiles)
        m_api->setPlatform(m_profiles->platform());
    m_session->setCreditsVisible(m_profile.showsCredits);
    if (m_profile.kind == Profile::Kind::Local) {
        Q_EMIT statusMessage(tr("Starting the local engine…"));
        m_engine->start();
        return;
    }
    if (!m_profile.baseUrl.isValid() || m_profile.baseUrl.host().isEmpty()) {
        Q_EMIT connectionFailed(tr("The server address of this profile is not valid."));
        return;
    }
    if (!m_store) {
        Q_EMIT connectionFailed(tr("No system keychain is available to keep the sign-in token "
                                   "safe, so Clipwright cannot sign in to %1.")
                                    .arg(m_profile.name));
        return;
    }
    delete m_auth;
    m_auth = nullptr;
    ensureAuth();
    Q_EMIT statusMessage(tr("Signing in to %1…").arg(m_profile.name));
    m_auth->authenticate();
}

EditorSession* Backend::session() const
{
    return m_session;
}

ApiClient* Backend::api() const
{
    return m_api;
}

LocalEngine* Backend::engine() const
{
    return m_engine;
}

QString Backend::backendName() const
{
    return m_profile.name;
}

bool Backend::isConnected() const
{
    return m_connected;
}

} // namespace cw
