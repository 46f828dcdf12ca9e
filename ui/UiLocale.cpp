// See UiLocale.h.
#include "UiLocale.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace cw {

QLocale uiLocale()
{
    const QString forced = qEnvironmentVariable("CLIPWRIGHT_LANG");
    if (!forced.isEmpty())
        return QLocale(forced);
    const QString chosen = QSettings().value(QStringLiteral("ui/language")).toString();
    return chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
}

bool installTranslations(QCoreApplication* app, const QLocale& locale)
{
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(app);
    if (own->load(locale, QStringLiteral("clipwright"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        app->installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

QString agentLanguage(const QLocale& locale)
{
    return locale.language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
}

} // namespace cw
