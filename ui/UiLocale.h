// Language of the interface: CLIPWRIGHT_LANG (e.g. "zh_CN", "en") wins over the setting
// "ui/language" (SettingsDialog; read at start-up), which wins over the system locale, so tests and
// users can switch without changing the desktop settings. The translations are embedded under
// :/i18n by qt_add_translations.
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace cw {

QLocale uiLocale();
// Installs the Clipwright (and, when available, Qt's own) translation for locale; returns
// whether a Clipwright translation was found. English needs none.
bool installTranslations(QCoreApplication* app, const QLocale& locale);
QString agentLanguage(const QLocale& locale); // "zh" or "en", for the backend session

} // namespace cw
