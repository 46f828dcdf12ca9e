// clipwright-engine: the offline editing backend.
//   clipwright-engine [serve] --listen 127.0.0.1:0 --data-dir DIR   the HTTP engine the
//       desktop app starts as a child process (cli/ServeCommand.cpp)
//   clipwright-engine edit INPUT... --do TEXT -o OUT                 the headless batch
//       editor: same agent and renderer, no server (cli/EditCommand.cpp)
// The parent pid is read first, before Qt starts threads, for --exit-with-parent.
#include "EngineInfo.h"
#include "cli/EditCommand.h"
#include "cli/ServeCommand.h"

#include <QCoreApplication>
#include <unistd.h>

int main(int argc, char* argv[])
{
    const pid_t startedBy = ::getppid();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clipwright-engine"));
    QCoreApplication::setApplicationVersion(cw::engine::engineVersion());

    QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == QLatin1String("edit")) {
        args.removeAt(1);
        return cw::engine::cli::runEdit(args);
    }
    if (command == QLatin1String("serve"))
        args.removeAt(1);
    return cw::engine::cli::runServe(args, startedBy);
}
