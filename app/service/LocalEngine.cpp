// See LocalEngine.h. The token goes to the child in CLIPWRIGHT_ENGINE_TOKEN; the listening
// line is the only stdout the engine promises, everything else (and stderr) is drained so a
// chatty engine never blocks on a full pipe. The last stderr lines are kept for messages.
#include "LocalEngine.h"

#include "ApiClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcEngine, "cw.service.engine", QtWarningMsg)

namespace cw {

namespace {
constexpr qsizetype kStderrTail = 4096;
const char kProgramName[] = "clipwright-engine";

QString randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

bool isExecutableFile(const QString& path)
{
    const QFileInfo fi(path);
    return fi.isFile() && fi.isExecutable();
}
} // namespace

LocalEngine::LocalEngine(ApiClient* api, QObject* parent) : QObject(parent), m_api(api)
{
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, &LocalEngine::onStartTimeout);
}

LocalEngine::~LocalEngine()
{
    stop();
}

QString LocalEngine::findProgram()
{
    const QString fromEnv = qEnvironmentVariable("CLIPWRIGHT_ENGINE");
    if (!fromEnv.isEmpty() && isExecutableFile(fromEnv))
        return fromEnv;
    if (QCoreApplication::instance()) {
        const QString beside =
            QCoreApplication::applicationDirPath() + QLatin1Char('/') + QLatin1String(kProgramName);
        if (isExecutableFile(beside))
            return beside;
    }
    return QStandardPaths::findExecutable(QLatin1String(kProgramName));
}

QString LocalEngine::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/engine");
}

qint64 LocalEngine::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void LocalEngine::start()
{
    if (m_state == State::Starting || m_state == State::Running)
        return;
    m_restarts = 0;
    launch();
}

void LocalEngine::launch()
{
    m_state = State::Starting;
    m_url.clear();
    m_stdoutBuffer.clear();
    m_stderrTail.clear();
    if (m_program.isEmpty())
        m_program = findProgram();
    if (m_program.isEmpty() || !isExecutableFile(m_program)) {
        // Queued, so a caller that connects after start() still hears about it.
        QMetaObject::invokeMethod(
            this,
            [this] {
                failStart(tr("Could not find the Clipwright engine (clipwright-engine). "
                             "Reinstall Clipwright or set CLIPWRIGHT_ENGINE to its path."));
            },
            Qt::QueuedConnection);
        return;
    }
    if (m_dataDir.isEmpty())
        m_dataDir = defaultDataDir();
    if (!QDir().mkpath(m_dataDir)) {
        const QString dir = m_dataDir;
        QMetaObject::invokeMethod(
            this,
            [this, dir] {
                failStart(tr("Could not create the engine data folder %1.")
                              .arg(QDir::toNativeSeparators(dir)));
            },
            Qt::QueuedConnection);
        return;
    }

    m_token = randomToken();
    delete m_process;
    m_process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CLIPWRIGHT_ENGINE_TOKEN"), m_token);
    m_process->setProcessEnvironment(env);
    m_process->setProgram(m_program);
    m_process->setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                             QStringLiteral("--data-dir"), m_dataDir});
#ifdef Q_OS_LINUX
    const pid_t parentPid = ::getpid();
    m_process->setChildProcessModifier([parentPid] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parentPid) // the app died between fork and prctl
            ::raise(SIGTERM);
    });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalEngine::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &LocalEngine::onStderr);
    connect(m_process, &QProcess::finished, this, &LocalEngine::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart && m_state == State::Starting)
            failStart(
                tr("Could not start the Clipwright engine: %1").arg(m_process->errorString()));
    });
    m_startTimer.start(m_startTimeoutMs);
    m_process->start();
}

void LocalEngine::onStdout()
{
    if (!m_process)
        return;
    const QByteArray chunk = m_process->readAllStandardOutput();
    if (m_state != State::Starting || !m_url.isEmpty())
        return;
    m_stdoutBuffer += chunk;
    static const QRegularExpression listening(
        QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)/?\\s*$"));
    int nl;
    while ((nl = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stdoutBuffer.left(nl)).trimmed();
        m_stdoutBuffer.remove(0, nl + 1);
        const QRegularExpressionMatch m = listening.match(line);
        if (m.hasMatch()) {
            m_url = QUrl(m.captured(1));
            m_stdoutBuffer.clear();
            checkHealth();
            return;
        }
    }
    if (m_stdoutBuffer.size() > 64 * 1024)
        m_stdoutBuffer.clear();
}

void LocalEngine::onStderr()
{
    if (!m_process)
        return;
    const QByteArray chunk = m_process->readAllStandardError();
    qCDebug(lcEngine).noquote() << QString::fromUtf8(chunk).trimmed();
    m_stderrTail += chunk;
    if (m_stderrTail.size() > kStderrTail)
        m_stderrTail = m_stderrTail.right(kStderrTail);
}

void LocalEngine::checkHealth()
{
    QUrl health = m_url;
    health.setPath(QStringLiteral("/health"));
    m_health = m_api->get(health.toString());
    connect(m_health, &ApiCall::finished, this, [this](const Envelope& env) {
        m_health = nullptr;
        if (m_state != State::Starting)
            return;
        if (!env.ok) {
            failStart(tr("The Clipwright engine started but does not answer: %1")
                          .arg(describeError(env.httpStatus, env.code, env.message).message));
            return;
        }
        m_startTimer.stop();
        m_state = State::Running;
        Q_EMIT started(m_url);
    });
}

void LocalEngine::onStartTimeout()
{
    if (m_state != State::Starting)
        return;
    failStart(tr("The Clipwright engine did not start within %1 s.")
                  .arg(qRound(m_startTimeoutMs / 100.0) / 10.0));
}

void LocalEngine::onFinished(int exitCode, QProcess::ExitStatus status)
{
    onStderr();
    const State was = m_state;
    if (was == State::Stopping || was == State::Idle)
        return;
    const QString how = status == QProcess::CrashExit ? tr("it crashed")
                                                      : tr("it exited with code %1").arg(exitCode);
    if (was == State::Starting) {
        const QString tail =
            QString::fromUtf8(m_stderrTail).trimmed().section(QLatin1Char('\n'), -3);
        failStart(tail.isEmpty()
                      ? tr("The Clipwright engine stopped while starting (%1).").arg(how)
                      : tr("The Clipwright engine stopped while starting (%1): %2").arg(how, tail));
        return;
    }
    // Running: unexpected exit.
    if (m_restarts < m_maxRestarts) {
        ++m_restarts;
        m_process->deleteLater();
        m_process = nullptr;
        Q_EMIT restarted(
            tr("The local engine stopped unexpectedly (%1) and is being restarted.").arg(how));
        launch();
        return;
    }
    m_state = State::Idle;
    m_url.clear();
    Q_EMIT failed(tr("The local engine stopped unexpectedly (%1). Restart Clipwright to "
                     "continue editing.")
                      .arg(how));
}

void LocalEngine::failStart(const QString& message)
{
    if (m_state != State::Starting)
        return;
    m_state = State::Stopping; // so the aborted health check and the exit stay quiet
    m_startTimer.stop();
    if (m_health)
        m_health->abort();
    killProcess();
    m_state = State::Idle;
    m_url.clear();
    Q_EMIT failed(message);
}

void LocalEngine::killProcess()
{
    if (!m_process)
        return;
    QProcess* p = m_process;
    m_process = nullptr;
    disconnect(p, nullptr, this, nullptr);
    if (p->state() != QProcess::NotRunning) {
        p->terminate();
        if (!p->waitForFinished(m_stopTimeoutMs)) {
            p->kill();
            p->waitForFinished(1000);
        }
    }
    p->deleteLater();
}

void LocalEngine::stop()
{
    if (m_state == State::Idle && !m_process)
        return;
    const bool wasActive = m_state != State::Idle;
    m_state = State::Stopping;
    m_startTimer.stop();
    if (m_health)
        m_health->abort();
    killProcess();
    m_state = State::Idle;
    m_url.clear();
    if (wasActive)
        Q_EMIT stopped();
}

} // namespace cw
