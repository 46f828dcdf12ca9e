// Authentication for non-local profiles (PROTOCOL.md, issue 4): NEMO_TOKEN from the
// environment if set; otherwise the token kept in the TokenStore; otherwise an anonymous
// token from POST /api/auth/anonymous-token under a persistent X-Client-Id (a UUID, kept in
// the TokenStore too). It also installs ApiClient's reauthenticator, so a 1001 anywhere
// fetches one new anonymous token (shared by all calls waiting for it) and the call retries.
// Tokens are never logged, emitted in messages or written anywhere but the TokenStore.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace cw {

class ApiClient;
class TokenStore;

class CloudAuth : public QObject {
    Q_OBJECT
public:
    enum class Source { None, Environment, Stored, Anonymous };

    // keyPrefix: the profile id; keys are "<prefix>/token" and "<prefix>/client_id".
    CloudAuth(ApiClient* api, TokenStore* store, const QString& keyPrefix,
              QObject* parent = nullptr);
    ~CloudAuth() override;

    void setEnvironmentToken(const QString& token); // default: $NEMO_TOKEN
    void authenticate();                            // ends in authenticated() or failed()
    Source source() const { return m_source; }
    QString userId() const { return m_userId; } // from the anonymous token, when known
    QString clientId() const;

Q_SIGNALS:
    void authenticated();
    void failed(const QString& message);

private:
    void readClientId();
    void readStoredToken();
    void fetchAnonymous(std::function<void(bool, const QString&)> done);
    QString key(const char* name) const;

    QPointer<ApiClient> m_api;
    QPointer<TokenStore> m_store;
    QString m_prefix;
    QString m_envToken;
    QString m_userId;
    Source m_source = Source::None;
    bool m_fetching = false;
    QList<std::function<void(bool, const QString&)>> m_waiting;
};

} // namespace cw
