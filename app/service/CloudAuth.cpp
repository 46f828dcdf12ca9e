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
        // A rejected sign-in token is forgotten too: the user is told (accountChanged) and
        // work continues anonymously rather than failing every request.
        if (m_store)
            m_store->remove(key(m_source == Source::SignedIn ? "account" : "token"), this, {});
        const Source before = m_source;
        fetchAnonymous([this, done, before](bool ok, const QString&) {
            if (ok && before != m_source)
                Q_EMIT sourceChanged();
            done(ok);
        });
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
    m_store->read(key("account"), this, [this](const TokenResult& r) {
        if (!r.ok && !r.notFound) {
            Q_EMIT failed(tr("Could not read the system keychain: %1").arg(r.error));
            return;
        }
        if (r.ok && !r.value.isEmpty()) {
            m_api->setToken(r.value);
            m_source = Source::SignedIn;
            Q_EMIT authenticated();
            return;
        }
        readAnonymousToken();
    });
}

void CloudAuth::readAnonymousToken()
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

void CloudAuth::signIn(const QString& token, Done done)
{
    const QString candidate = token.trimmed();
    if (candidate.isEmpty() || !m_store || !m_api) {
        done(false, candidate.isEmpty()
                        ? tr("Paste a sign-in token first.")
                        : tr("No secure storage for the sign-in token is available."));
        return;
    }
    // The candidate is tried on one request that must not re-authenticate (that would hide a
    // rejected token behind a fresh anonymous one); the previous token comes back on failure.
    const QString previous = m_api->token();
    m_api->setToken(candidate);
    ApiCall* call = m_api->get(QStringLiteral("/api/credits/balance/simple"));
    call->setReauthenticate(false);
    connect(call, &ApiCall::finished, this, [this, candidate, previous, done](const Envelope& env) {
        if (!env.ok) {
            m_api->setToken(previous);
            const bool rejected = env.code == ErrorCode::TokenInvalid || env.httpStatus == 401;
            done(false,
                 rejected ? tr("The server did not accept this sign-in token.")
                          : tr("Could not sign in: %1")
                                .arg(describeError(env.httpStatus, env.code, env.message).message));
            return;
        }
        m_store->write(key("account"), candidate, this,
                       [this, candidate, previous, done](const TokenResult& r) {
                           if (!r.ok) {
                               m_api->setToken(previous);
                               done(false, tr("Could not keep the sign-in token in the system "
                                              "keychain: %1")
                                               .arg(r.error));
                               return;
                           }
                           m_source = Source::SignedIn;
                           done(true, {});
                       });
    });
}

void CloudAuth::signOut(Done done)
{
    if (!m_store || !m_api) {
        done(false, tr("No secure storage for the sign-in token is available."));
        return;
    }
    m_store->remove(key("account"), this, [this, done](const TokenResult& r) {
        if (!r.ok && !r.notFound) {
            done(
                false,
                tr("Could not remove the sign-in token from the system keychain: %1").arg(r.error));
            return;
        }
        if (m_source == Source::Environment) { // NEMO_TOKEN still rules; nothing else changes
            done(true, {});
            return;
        }
        m_api->setToken({});
        m_source = Source::None;
        fetchAnonymous(done);
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
