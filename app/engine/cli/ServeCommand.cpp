// Serve: binds, prints exactly one line `listening http://<host>:<port>` (flushed), then
// serves until SIGTERM/SIGINT. The token may be given with --token, but then it shows up in
// `ps`, so CLIPWRIGHT_ENGINE_TOKEN is preferred. The HTTP server runs on its own thread; the
// main thread runs the Qt event loop, which turns signals (through a self-pipe) into a
// clean stop. --allow-anonymous is the allow-anonymous switch of FaultInjection (set through
// its environment variable, which it reads once when the server first needs it).
#include "cli/ServeCommand.h"

#include "EngineInfo.h"
#include "cli/ExitCode.h"
#include "server/EngineServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <thread>
#include <unistd.h>

namespace cw::engine::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 's';
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &c, 1);
}

bool parseListen(const QString& value, QString* host, int* port)
{
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString h = value.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const int p = value.mid(colon + 1).toInt(&ok);
    if (!ok || p < 0 || p > 65535 || h.isEmpty())
        return false;
    *host = h;
    *port = p;
    return true;
}

} // namespace

int runServe(const QStringList& arguments, pid_t startedBy)
{
    QCoreApplication* app = QCoreApplication::instance();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Clipwright's local editing engine.\n\n"
        "  clipwright-engine [serve] [options]   serve the editing protocol (default)\n"
        "  clipwright-engine edit --help         the headless batch editor\n\n"
        "Serve listens on a loopback port; every request but /health needs the token (prefer "
        "CLIPWRIGHT_ENGINE_TOKEN to --token, which other users can see in the process list).\n"
        "Exit codes: 0 stopped by SIGTERM/SIGINT, 1 the server could not start or stopped "
        "unexpectedly, 2 usage error. See clipwright-engine(1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOpt(QStringLiteral("listen"),
                                       QStringLiteral("Address to listen on (port 0: any)."),
                                       QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption tokenOpt(QStringLiteral("token"),
                                      QStringLiteral("Access token (default: "
                                                     "$CLIPWRIGHT_ENGINE_TOKEN)."),
                                      QStringLiteral("token"));
    const QCommandLineOption dataOpt(QStringLiteral("data-dir"),
                                     QStringLiteral("Folder for the database, media and renders."),
                                     QStringLiteral("dir"));
    const QCommandLineOption parentOpt(
        QStringLiteral("exit-with-parent"),
        QStringLiteral("Stop (as on SIGTERM) when the process that started the engine dies."));
    const QCommandLineOption verboseOpt(
        QStringLiteral("verbose"), QStringLiteral("Log every request (method, path, status)."));
    const QCommandLineOption anonymousOpt(
        QStringLiteral("allow-anonymous"),
        QStringLiteral("Also serve POST /api/auth/anonymous-token (X-Client-Id required) and "
                       "accept the tokens it hands out, as the cloud does."));
    const QCommandLineOption privateUrlsOpt(
        QStringLiteral("allow-private-urls"),
        QStringLiteral("Let URL uploads fetch from loopback, private and link-local addresses "
                       "(refused by default: they reach this machine and its network)."));
    parser.addOptions(
        {listenOpt, tokenOpt, dataOpt, parentOpt, verboseOpt, anonymousOpt, privateUrlsOpt});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "clipwright-engine: %s\nTry 'clipwright-engine --help'.\n",
                     qPrintable(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(ExitOk);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr,
                     "clipwright-engine: unknown command '%s' (commands: serve, edit)\n"
                     "Try 'clipwright-engine --help'.\n",
                     qPrintable(parser.positionalArguments().first()));
        return ExitUsage;
    }

    EngineConfig config;
    if (!parseListen(parser.value(listenOpt), &config.host, &config.port)) {
        std::fprintf(stderr, "clipwright-engine: --listen expects host:port\n");
        return ExitUsage;
    }
    config.token = qEnvironmentVariable("CLIPWRIGHT_ENGINE_TOKEN");
    if (parser.isSet(tokenOpt))
        config.token = parser.value(tokenOpt);
    if (config.token.isEmpty()) {
        std::fprintf(stderr, "clipwright-engine: no token: set CLIPWRIGHT_ENGINE_TOKEN or "
                             "pass --token\n");
        return ExitUsage;
    }
    config.dataDir = parser.value(dataOpt);
    if (config.dataDir.isEmpty())
        config.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    config.logRequests = parser.isSet(verboseOpt);
    if (parser.isSet(anonymousOpt))
        qputenv("CLIPWRIGHT_ENGINE_ALLOW_ANONYMOUS", "1");
    if (parser.isSet(privateUrlsOpt))
        qputenv("CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS", "1");

    if (::pipe(g_signalPipe) != 0) {
        std::perror("clipwright-engine: pipe");
        return ExitInternal;
    }
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    if (parser.isSet(parentOpt)) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != startedBy) // it died before prctl took effect
            onSignal(SIGTERM);
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, app, [] {
        char c;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &c, 1);
        QCoreApplication::quit();
    });

    EngineServer server;
    QString error;
    if (!server.start(config, &error)) {
        std::fprintf(stderr, "clipwright-engine: %s\n", qPrintable(error));
        return ExitInternal;
    }
    std::atomic_bool serving{true};
    std::thread listener([&] {
        if (!server.run())
            std::fprintf(stderr, "clipwright-engine: the server stopped unexpectedly\n");
        serving = false;
        QMetaObject::invokeMethod(app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    std::printf("listening %s\n", qPrintable(server.baseUrl()));
    std::fflush(stdout);

    const int rc = QCoreApplication::exec();
    while (serving) {
        server.stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    listener.join();
    return rc;
}

} // namespace cw::engine::cli
