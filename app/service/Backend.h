// Composition root of the service layer for the desktop app: for the local profile (the
// default) it starts the local engine, points the API client at it and opens an editor
// session; for the cloud or a custom URL it authenticates with CloudAuth first, and tunes
// the session to the profile (render poll interval, credits shown, registration link).
#pragma once

#include "Profiles.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace cw {

class ApiClient;
class CloudAuth;
class EditorSession;
class LocalEngine;
class TokenStore;

class Backend : public QObject {
    Q_OBJECT
public:
    explicit Backend(QObject* parent = nullptr);
    ~Backend() override; // stops the engine

    void setEngineProgram(const QString& path); // default: beside the app, then PATH
    void setEngineDataDir(const QString& dir);  // default: app data dir + "/engine"
    // Before start(). Non-local profiles need a TokenStore (the keychain; a memory store in
    // tests); without one they fail with a clear message instead of storing tokens in clear.
    void setProfile(const Profile& profile, TokenStore* store = nullptr);
    Profile profile() const { return m_profile; }
    // Optional, before start(): the attribution platform comes from here, the session is
    // remembered per profile and continued on the next start (with its in-flight export).
    void setProfiles(Profiles* profiles) { m_profiles = profiles; }
    CloudAuth* auth() const { return m_auth; }
    void start(const QString& language = QStringLiteral("en"));

    EditorSession* session() const;
    ApiClient* api() const;
    LocalEngine* engine() const;
    QString backendName() const; // the profile's name, e.g. "Local engine"
    bool isConnected() const;

    // Cloud sign-in: keeps the token in the profile's TokenStore (the keychain) and
    // re-authenticates with it; signOut() forgets it and falls back to an anonymous token.
    // Both end in accountChanged(); failures come as statusMessage + accountChanged.
    void signIn(const QString& token);
    void signOut();
    // User-facing account line for settings/status bar: "" for the local engine, else e.g.
    // "Signed in", "Signed in (NEMO_TOKEN)", "Anonymous", "Not signed in".
    QString accountDescription() const;

Q_SIGNALS:
    void connected();
    void connectionFailed(const QString& message);
    void statusMessage(const QString& message);
    void accountChanged();

private:
    void openSession();
    bool ensureAuth(); // creates CloudAuth for a non-local profile with a TokenStore
    ApiClient* m_api;
    LocalEngine* m_engine;
    EditorSession* m_session;
    CloudAuth* m_auth = nullptr;
    QPointer<TokenStore> m_store;
    Profile m_profile = Profiles::local();
    Profiles* m_profiles = nullptr;
    QString m_language;
    bool m_connected = false;
};

} // namespace cw
