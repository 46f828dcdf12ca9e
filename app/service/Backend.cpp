// Composition for the desktop app: LocalEngine -> ApiClient (base URL + token) ->
// EditorSession. After an engine restart the client follows the new port and token and the
// session re-reads its state (the engine keeps sessions in its data dir).
#include "Backend.h"

#include "ApiClient.h"
#include "EditorSession.h"
#include "LocalEngine.h"

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
            Q_EMIT statusMessage(tr("Opening a session…"));
            m_session->start(m_language);
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
        if (first)
            Q_EMIT connected();
        Q_EMIT statusMessage(tr("Connected to the local engine."));
    });
    connect(m_session, &EditorSession::errorOccurred, this, [this](const QString& message) {
        if (!m_connected && !m_session->isReady())
            Q_EMIT connectionFailed(message);
    });
}

Backend::~Backend()
{
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

void Backend::start(const QString& language)
{
    m_language = language;
    Q_EMIT statusMessage(tr("Starting the local engine…"));
    m_engine->start();
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
    return tr("Local engine");
}

bool Backend::isConnected() const
{
    return m_connected;
}

} // namespace cw
