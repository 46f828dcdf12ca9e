// Runs the bundled clipwright-engine as a child process: loopback only, a free port chosen by
// the engine, a fresh random token per launch passed in the environment (never in argv, where
// `ps` would show it). Emits started(url) once the engine printed its listening line and
// answered GET /health. An unexpected exit is restarted once (restarted()); after that, or on
// a failed start, failed(). stop() and the destructor never leave an orphan: SIGTERM, then
// SIGKILL after the stop timeout; on Linux the child also gets SIGTERM if the app dies.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace cw {

class ApiCall;
class ApiClient;

class LocalEngine : public QObject {
    Q_OBJECT
public:
    // api is used for the health check only; it is not reconfigured here.
    explicit LocalEngine(ApiClient* api, QObject* parent = nullptr);
    ~LocalEngine() override; // stop()

    // env CLIPWRIGHT_ENGINE, then beside the application, then PATH; empty when not found.
    static QString findProgram();
    static QString defaultDataDir(); // AppLocalDataLocation + "/engine"

    void setProgram(const QString& path) { m_program = path; }
    QString program() const { return m_program; }
    void setDataDir(const QString& dir) { m_dataDir = dir; }
    QString dataDir() const { return m_dataDir; }
    void setStartTimeout(int ms) { m_startTimeoutMs = ms; } // default 15 s
    void setStopTimeout(int ms) { m_stopTimeoutMs = ms; }   // default 3 s
    void setMaxRestarts(int n) { m_maxRestarts = n; }       // default 1

    void start();
    void stop(); // blocks for at most the stop timeout plus one second
    bool isRunning() const { return m_state == State::Running; }
    bool isStarting() const { return m_state == State::Starting; }
    QUrl url() const { return m_url; }
    QString token() const { return m_token; } // for ApiClient only; never log it
    qint64 processId() const;
    int restartCount() const { return m_restarts; }
    QString lastErrorOutput() const { return QString::fromUtf8(m_stderrTail); }

Q_SIGNALS:
    void started(const QUrl& url); // also after a restart (new port, new token)
    void restarted(const QString& message);
    void failed(const QString& message);
    void stopped();

private:
    enum class State { Idle, Starting, Running, Stopping };
    void launch();
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onStartTimeout();
    void checkHealth();
    void failStart(const QString& message);
    void killProcess();

    ApiClient* m_api;
    QProcess* m_process = nullptr;
    QTimer m_startTimer;
    QPointer<ApiCall> m_health;
    State m_state = State::Idle;
    QString m_program;
    QString m_dataDir;
    QString m_token;
    QUrl m_url;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrTail;
    int m_startTimeoutMs = 15000;
    int m_stopTimeoutMs = 3000;
    int m_maxRestarts = 1;
    int m_restarts = 0;
    bool m_restarting = false;
};

} // namespace cw
