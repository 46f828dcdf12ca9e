// The order is fixed by the issue: environment, stored, anonymous. A keychain that cannot
// be read is reported (failed()) rather than silently replaced by a plaintext store.
#include "CloudAuth.h"

#include "ApiClient.h"
#include "TokenStore.h"

#include <QJsonObject>

namespace cw {

CloudAuth::CloudAuth(ApiClient* api, TokenStore* store, const QString& keyPrefix, QObject* parent)
    : QObject(parent), m_api(api), m_store(store), m_prefix(keyPrefix),
      m_envToken(qEnvironmentVariable("NEMO_TOKEN").trimmed())
{
    connect(m_api, &ApiClient::clientIdChanged, this, [this](const QString& id) {
        if (m_store)
            m_store->write(key("client_id"), id, this, {});
    });
    m_api->setReauthenticator([this](std::function<void(bool)> done) {
        if (m_store)
            m_store->remove(key("token"), this, {});
        fetchAnonymous([done](bool ok, const QString&) { done(ok); });
    });
}

CloudAuth::~CloudAuth()
{
    if (m_api)
        m_api->setReauthenticator({});
}

void CloudAuth::setEnvironmentToken(const QString& token)
{
    m_envToken = token.trimmed();
}

QString CloudAuth::clientId() const
{
    return m_api ? m_api->clientId() : QString();
}

QString CloudAuth::key(const char* name) const
{
    return m_prefix + QLatin1Char('/') + QLatin1String(name);
}

void CloudAuth::authenticate()
{
    if (!m_store) {
        Q_EMIT failed(tr("No secure storage for the sign-in token is available."));
        return;
    }
    readClientId();
}

void CloudAuth::readClientId()
{
    m_store->read(key("client_id"), this, [this](const TokenResult& r) {
        if (!r.ok && !r.notFound && m_envToken.isEmpty()) {
            Q_EMIT failed(tr("Could not read the system keychain: %1").arg(r.error));
            return;
        }
        if (r.ok && !r.value.isEmpty())
            m_api->setClientId(r.value);
        if (!m_envToken.isEmpty()) {
            m_api->setToken(m_envToken);
            m_source = Source::Environment;
            Q_EMIT authenticated();
            return;
        }
        readStoredToken();
    });
}

void CloudAuth::readStoredToken()
{
    m_store->read(key("token"), this, [this](const TokenResult& r) {
        if (!r.ok && !r.notFound) {
            Q_EMIT failed(tr("Could not read the system keychain: %1").arg(r.error));
            return;
        }
        if (r.ok && !r.value.isEmpty()) {
            m_api->setToken(r.value);
            m_source = Source::Stored;
            Q_EMIT authenticated();
            return;
        }
        fetchAnonymous([this](bool ok, const QString& message) {
            if (ok)
                Q_EMIT authenticated();
            else
                Q_EMIT failed(message);
        });
    });
}

void CloudAuth::fetchAnonymous(std::function<void(bool, const QString&)> done)
{
    m_waiting.append(std::move(done));
    if (m_fetching)
        return;
    m_fetching = true;
    m_api->setToken({}); // the old token is not sent along
    ApiCall* call = m_api->postJson(QStringLiteral("/api/auth/anonymous-token"), QJsonObject{});
    connect(call, &ApiCall::finished, this, [this](const Envelope& env) {
        m_fetching = false;
        const QJsonObject data = env.data.toObject();
        const QString token = data.value(QStringLiteral("token")).toString();
        bool ok = env.ok && !token.isEmpty();
        QString message;
        if (ok) {
            m_api->setToken(token);
            m_userId = data.value(QStringLiteral("user_id")).toString();
            m_source = Source::Anonymous;
            if (m_store)
                m_store->write(key("token"), token, this, {});
        } else {
            message = env.ok
                          ? describeError(200, ErrorCode::InvalidResponse).message
                          : tr("Could not sign in: %1")
                                .arg(describeError(env.httpStatus, env.code, env.message).message);
        }
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto& w : waiting)
            w(ok, message);
    });
    call->setReauthenticate(false); // 429 and client-id recovery still apply
}

} // namespace cw
