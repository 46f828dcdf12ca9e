// Starts a real clipwright-engine for a test: loopback, any free port, a random token passed
// through the environment (so it is not in `ps`), and a temporary data dir unless one is
// given (restart-after-kill tests pass the same dir to a second engine), and
// --exit-with-parent so a crashed test leaves no engine behind. Header-only, Qt
// Core only; used by the engine, service, UI and e2e tests.
//   cw::test::TestEngine engine;
//   QVERIFY2(engine.start(&error), qPrintable(error));
//   engine.baseUrl(); engine.token();
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace cw::test {

class TestEngine {
public:
    TestEngine() = default;
    TestEngine(const TestEngine&) = delete;
    TestEngine& operator=(const TestEngine&) = delete;
    ~TestEngine() { stop(); }

    // Before start(): use this data dir instead of a fresh temporary one.
    void setDataDir(const QString& dir) { m_dataDir = dir; }
    // Before start(): extra environment for the engine (e.g. CLIPWRIGHT_X264_PRESET).
    void setEnv(const QString& name, const QString& value) { m_env.insert(name, value); }
    // Before start(): reuse a token (e.g. across a restart); a random one otherwise.
    void setToken(const QString& token) { m_token = token; }

    bool start(QString* error = nullptr, const QStringList& extraArgs = {})
    {
        stop();
        if (m_dataDir.isEmpty()) {
            m_tempDir = std::make_unique<QTemporaryDir>();
            if (!m_tempDir->isValid())
                return fail(error, QStringLiteral("cannot create a temporary data dir"));
            m_dataDir = m_tempDir->path() + QStringLiteral("/engine");
        }
        if (m_token.isEmpty())
            m_token = QString::number(QRandomGenerator::system()->generate64(), 36) +
                      QString::number(QRandomGenerator::system()->generate64(), 36);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLIPWRIGHT_ENGINE_TOKEN"), m_token);
        const QStringList names = m_env.keys();
        for (const QString& name : names)
            env.insert(name, m_env.value(name));

        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(env);
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(QStringLiteral(CLIPWRIGHT_BIN_DIR "/clipwright-engine"),
                         QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                     QStringLiteral("--data-dir"), m_dataDir,
                                     QStringLiteral("--exit-with-parent")} +
                             extraArgs);
        if (!m_process->waitForStarted(10000))
            return fail(error, QStringLiteral("clipwright-engine did not start: ") +
                                   m_process->errorString());
        QByteArray out;
        const QDeadlineTimer deadline(10000);
        while (!out.contains('\n')) {
            if (deadline.hasExpired() || m_process->state() != QProcess::Running) {
                const QString why = QStringLiteral("clipwright-engine printed no listening line");
                stop();
                return fail(error, why);
            }
            m_process->waitForReadyRead(100);
            out += m_process->readAllStandardOutput();
        }
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        const QByteArray prefix = "listening ";
        if (!line.startsWith(prefix)) {
            stop();
            return fail(error, QStringLiteral("unexpected first line: ") + QString::fromUtf8(line));
        }
        m_baseUrl = QUrl(QString::fromUtf8(line.mid(prefix.size())));
        return m_baseUrl.isValid() && m_baseUrl.port() > 0;
    }

    QUrl baseUrl() const { return m_baseUrl; }
    int port() const { return m_baseUrl.port(); }
    QString token() const { return m_token; }
    QString dataDir() const { return m_dataDir; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    int exitCode() const { return m_process ? m_process->exitCode() : -1; }
    QProcess::ExitStatus exitStatus() const
    {
        return m_process ? m_process->exitStatus() : QProcess::CrashExit;
    }

    // SIGKILL, as when the machine or the app dies; the data dir is kept.
    void kill()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }

    // SIGTERM and wait for a clean exit (SIGKILL after 10 s). Returns true on a clean exit.
    bool stop()
    {
        if (!m_process)
            return true;
        bool clean = true;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000)) {
                clean = false;
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        clean =
            clean && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
        return clean;
    }

private:
    static bool fail(QString* error, const QString& message)
    {
        if (error)
            *error = message;
        return false;
    }

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QProcessEnvironment m_env;
    QString m_dataDir;
    QString m_token;
    QUrl m_baseUrl;
};

} // namespace cw::test
