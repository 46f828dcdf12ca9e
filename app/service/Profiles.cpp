// Keys: backend/profile (local|cloud|custom), backend/customUrl, backend/platform. A custom
// profile without a valid URL falls back to the local engine rather than to nothing.
#include "Profiles.h"

#include <QCoreApplication>
#include <QSettings>

namespace cw {

namespace {
const QString kProfileKey = QStringLiteral("backend/profile");
const QString kCustomUrlKey = QStringLiteral("backend/customUrl");
const QString kPlatformKey = QStringLiteral("backend/platform");

QUrl cleaned(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    QUrl out = url;
    out.setUserInfo({});
    out.setFragment({});
    out.setQuery(QString());
    return out;
}
} // namespace

Profiles::Profiles(const QString& settingsPath)
    : m_settings(settingsPath.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(settingsPath, QSettings::IniFormat))
{}

Profiles::~Profiles() = default;

Profile Profiles::local()
{
    Profile p;
    p.kind = Profile::Kind::Local;
    p.id = QStringLiteral("local");
    p.name = QCoreApplication::translate("Profiles", "Local engine");
    p.renderPollMs = 1000;
    return p;
}

Profile Profiles::cloud()
{
    Profile p;
    p.kind = Profile::Kind::Cloud;
    p.id = QStringLiteral("cloud");
    p.name = QCoreApplication::translate("Profiles", "NemoVideo cloud");
    p.baseUrl = cloudUrl();
    p.renderPollMs = 30 * 1000;
    p.showsCredits = true;
    p.needsAuth = true;
    p.registrationUrl = QUrl(QStringLiteral("https://nemovideo.ai/"));
    return p;
}

Profile Profiles::custom(const QUrl& url)
{
    Profile p;
    p.kind = Profile::Kind::Custom;
    p.id = QStringLiteral("custom");
    p.name = QCoreApplication::translate("Profiles", "Custom server");
    p.baseUrl = cleaned(url);
    p.renderPollMs = 1000;
    p.showsCredits = true; // shown only when the server reports a limit
    p.needsAuth = true;
    return p;
}

QList<Profile> Profiles::all() const
{
    return {local(), cloud(), custom(customUrl())};
}

Profile Profiles::current() const
{
    const QString id = m_settings->value(kProfileKey).toString();
    if (id == QLatin1String("cloud"))
        return cloud();
    if (id == QLatin1String("custom") && customUrl().isValid())
        return custom(customUrl());
    return local();
}

void Profiles::setCurrent(Profile::Kind kind)
{
    const char* id = kind == Profile::Kind::Cloud    ? "cloud"
                     : kind == Profile::Kind::Custom ? "custom"
                                                     : "local";
    m_settings->setValue(kProfileKey, QString::fromLatin1(id));
}

bool Profiles::setCustomUrl(const QUrl& url)
{
    const QUrl clean = cleaned(url);
    if (!clean.isValid() || clean.isEmpty())
        return false;
    m_settings->setValue(kCustomUrlKey, clean.toString());
    return true;
}

QUrl Profiles::customUrl() const
{
    return cleaned(QUrl(m_settings->value(kCustomUrlKey).toString()));
}

QString Profiles::lastSession(const QString& profileId) const
{
    return m_settings->value(QStringLiteral("sessions/") + profileId).toString();
}

void Profiles::setLastSession(const QString& profileId, const QString& sessionId)
{
    m_settings->setValue(QStringLiteral("sessions/") + profileId, sessionId);
}

QString Profiles::platform() const
{
    const QString p = m_settings->value(kPlatformKey).toString().trimmed();
    return p.isEmpty() ? QStringLiteral("unknown") : p;
}

void Profiles::setPlatform(const QString& platform)
{
    m_settings->setValue(kPlatformKey, platform.trimmed());
}

void Profiles::sync()
{
    m_settings->sync();
}

} // namespace cw
