// Desktop entry: the app object, the interface language, the backend (local engine) and the
// main window. Everything else lives in ui/ and app/service/.
//   clipwright [FILE...]   opens the window and uploads the files once the backend is ready
// --version and --help are answered before QApplication exists, so they work without a
// display (the package test and `clipwright --version` in a terminal over ssh).
// Without a display (an ssh session, a server) Qt would abort with advice to reinstall; the
// app says what is missing and what works instead, and exits with kNoDisplay.
// CLIPWRIGHT_STARTUP_REPORT=1 prints "clipwright: usable after <ms> ms" (window shown and
// session ready) to stderr and quits: the start-up benchmark reads it.
#include "Backend.h"
#include "EditorSession.h"
#include "Icons.h"
#include "MainWindow.h"
#include "UiLocale.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>
#include <cstdio>
#include <cstring>
#include <utility>

namespace {

const char kUsage[] = "Usage: clipwright [FILE...]\n"
                      "Chat-driven video editor. FILEs (video, audio, images) are added to\n"
                      "the project once the editing engine is ready.\n\n"
                      "  -h, --help     show this help\n"
                      "  -v, --version  show the version\n\n"
                      "Environment: CLIPWRIGHT_LANG (en, zh_CN), CLIPWRIGHT_ENGINE (engine path),\n"
                      "NEMO_TOKEN (NemoVideo cloud token).\n"
                      "Exit status: 0 ok, 3 no display to open the window on.\n";

const char kNoDisplay[] =
    "clipwright: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
    "Run it in a desktop session, under a virtual display (xvfb-run -a clipwright), or edit\n"
    "without a window: clipwright-engine edit FILE --do \"cut the pauses\" -o out.mp4\n";
constexpr int kNoDisplayExit = 3;

// Qt's xcb and wayland platforms need a display; offscreen, vnc and the like do not.
bool hasDisplay()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && !platform.startsWith("xcb") && !platform.startsWith("wayland"))
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v")) {
            std::printf("clipwright %s\n", CLIPWRIGHT_VERSION);
            return 0;
        }
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
            std::fputs(kUsage, stdout);
            return 0;
        }
    }

    if (!hasDisplay()) {
        std::fputs(kNoDisplay, stderr);
        return kNoDisplayExit;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Clipwright"));
    QApplication::setOrganizationName(QStringLiteral("Clipwright"));
    QApplication::setApplicationVersion(QStringLiteral(CLIPWRIGHT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.clipwright.Clipwright"));
    QApplication::setWindowIcon(cw::icon(QStringLiteral("clipwright")));

    // CLIPWRIGHT_LANG, else the "ui/language" setting (Settings dialog), else the system.
    const QLocale locale = cw::uiLocale();
    cw::installTranslations(&app, locale);

    QStringList files;
    for (const QString& arg : QApplication::arguments().mid(1)) {
        if (arg.startsWith(QLatin1Char('-'))) {
            std::fprintf(stderr, "clipwright: unknown option %s\n%s", qPrintable(arg), kUsage);
            return 2;
        }
        files << QFileInfo(arg).absoluteFilePath();
    }

    cw::Backend backend;
    cw::MainWindow window(&backend);
    window.show();
    const bool reportStartup = qEnvironmentVariableIntValue("CLIPWRIGHT_STARTUP_REPORT") == 1;
    QObject::connect(backend.session(), &cw::EditorSession::ready, &app, [&] {
        if (!files.isEmpty())
            backend.session()->upload(std::exchange(files, {}));
        if (reportStartup) {
            std::fprintf(stderr, "clipwright: usable after %lld ms\n",
                         static_cast<long long>(sinceStart.elapsed()));
            QTimer::singleShot(0, &app, &QApplication::quit);
        }
    });
    backend.start(cw::agentLanguage(locale));
    return app.exec();
}
