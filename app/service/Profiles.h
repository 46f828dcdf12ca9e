// Backend profiles: the local engine (default), the NemoVideo cloud and a custom URL (an
// engine on another machine). The choice, the custom URL and the attribution platform live
// in QSettings; secrets never do (tokens go to the TokenStore), and a custom URL is stored
// without any user:password part. Tests pass their own settings file (STYLE.md point 8).
#pragma once

#include <QList>
#include <QString>
#include <QUrl>
#include <memory>

class QSettings;

namespace cw {

struct Profile {
    enum class Kind { Local, Cloud, Custom };
    Kind kind = Kind::Local;
    QString id;   // "local", "cloud", "custom": also the TokenStore key prefix
    QString name; // user-facing
    QUrl baseUrl; // empty for Local (the engine's port is chosen at start)
    int renderPollMs = 1000;
    bool showsCredits = false; // the local engine has no credit limit
    bool needsAuth = false;    // token from NEMO_TOKEN / TokenStore / anonymous
    QUrl registrationUrl;      // where "?bind=<id>" links point (cloud)
};

class Profiles {
public:
    explicit Profiles(const QString& settingsPath = {}); // empty: the app's QSettings
    ~Profiles();

    static Profile local();
    static Profile cloud();
    static Profile custom(const QUrl& url);
    static QUrl cloudUrl() { return QUrl(QStringLiteral("https://mega-api-prod.nemovideo.ai")); }

    QList<Profile> all() const;
    Profile current() const;
    void setCurrent(Profile::Kind kind);
    // http(s) with a host only; credentials and fragments are dropped. False when invalid.
    bool setCustomUrl(const QUrl& url);
    QUrl customUrl() const;
    // The session to continue per profile (ids are not secrets), so reopening continues it.
    QString lastSession(const QString& profileId) const;
    void setLastSession(const QString& profileId, const QString& sessionId);
    QString platform() const; // X-Skill-Platform; "unknown" unless configured
    void setPlatform(const QString& platform);
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace cw
