// Authentication for non-local profiles (PROTOCOL.md, issue 4): NEMO_TOKEN from the
// environment if set; otherwise the token kept in the TokenStore; otherwise an anonymous
// token from POST /api/auth/anonymous-token under a persistent X-Client-Id (a UUID, kept in
// the TokenStore too). It also installs ApiClient's reauthenticator, so a 1001 anywhere
// fetches one new anonymous token (shared by all calls waiting for it) and the call retries.
// A token the user signs in with (signIn) is checked against the server first and kept
// under its own key ("<prefix>/account"), so an anonymous token is never taken for a
// sign-in; it is read before the anonymous one. signOut forgets it and goes anonymous.
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
    // Stored: an anonymous token kept from an earlier run; SignedIn: the user's own token.
    enum class Source { None, Environment, SignedIn, Stored, Anonymous };
    using Done = std::function<void(bool ok, const QString& message)>;

    // keyPrefix: the profile id; keys are "<prefix>/token" and "<prefix>/client_id".
    CloudAuth(ApiClient* api, TokenStore* store, const QString& keyPrefix,
              QObject* parent = nullptr);
    ~CloudAuth() override;

    void setEnvironmentToken(const QString& token); // default: $NEMO_TOKEN
    void authenticate();                            // ends in authenticated() or failed()
    // Checks `token` with one authenticated request, keeps it in the TokenStore and uses it.
    // On failure (rejected token, keychain error) the previous token stays in use.
    void signIn(const QString& token, Done done);
    // Forgets the signed-in token and continues with an anonymous one.
    void signOut(Done done);
    Source source() const { return m_source; }
    QString userId() const { return m_userId; } // from the anonymous token, when known
    QString clientId() const;

Q_SIGNALS:
    void authenticated();
    void failed(const QString& message);
    // A 1001 replaced the token in use by a new anonymous one (e.g. a signed-in token expired).
    void sourceChanged();

private:
    void readClientId();
    void readStoredToken();
    void readAnonymousToken();
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
