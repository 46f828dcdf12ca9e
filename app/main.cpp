// Desktop entry: the app object, the interface language, the backend (local engine) and the
// main window. Everything else lives in ui/ and app/service/.
#include "Backend.h"
#include "Icons.h"
#include "MainWindow.h"
#include "UiLocale.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Clipwright"));
    QApplication::setOrganizationName(QStringLiteral("Clipwright"));
    QApplication::setApplicationVersion(QStringLiteral(CLIPWRIGHT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.clipwright.Clipwright"));
    QApplication::setWindowIcon(cw::icon(QStringLiteral("clipwright")));

    // CLIPWRIGHT_LANG, else the "ui/language" setting (Settings dialog), else the system.
    const QLocale locale = cw::uiLocale();
    cw::installTranslations(&app, locale);

    cw::Backend backend;
    cw::MainWindow window(&backend);
    window.show();
    backend.start(cw::agentLanguage(locale));
    return app.exec();
}
