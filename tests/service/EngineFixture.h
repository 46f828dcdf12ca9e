// A real clipwright-engine for a service test, started through the service's own
// LocalEngine (the code under test in tst_localengine) in a temporary data dir, with an
// ApiClient pointed at it.
#pragma once

#include "ApiClient.h"
#include "LocalEngine.h"
#include "TestMedia.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace cw::test {

inline QString engineProgram()
{
    return binDir() + QStringLiteral("/clipwright-engine");
}

struct EngineFixture {
    QTemporaryDir dir;
    std::unique_ptr<ApiClient> api = std::make_unique<ApiClient>();
    std::unique_ptr<LocalEngine> engine = std::make_unique<LocalEngine>(api.get());
    QString error;

    EngineFixture()
    {
        engine->setProgram(engineProgram());
        engine->setDataDir(dir.path() + QStringLiteral("/engine"));
    }
    ~EngineFixture()
    {
        engine.reset();
        api.reset();
    }

    // Starts the engine and configures the client; false with `error` set on failure.
    bool start(int timeoutMs = 20000)
    {
        QSignalSpy started(engine.get(), &LocalEngine::started);
        QSignalSpy failed(engine.get(), &LocalEngine::failed);
        engine->start();
        if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, timeoutMs)) {
            error = QStringLiteral("engine did not start in time");
            return false;
        }
        if (!failed.isEmpty()) {
            error = failed.first().first().toString();
            return false;
        }
        api->setBaseUrl(engine->url());
        api->setToken(engine->token());
        return true;
    }

    // Waits for one ApiCall; returns its envelope.
    static Envelope wait(ApiCall* call, int timeoutMs = 30000)
    {
        Envelope result;
        bool done = false;
        QObject::connect(call, &ApiCall::finished, [&](const Envelope& e) {
            result = e;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, timeoutMs);
        if (!done) {
            result.code = ErrorCode::Timeout;
            call->abort();
        }
        return result;
    }

    // POST /api/tasks/...: a new session id, or empty.
    QString createSession()
    {
        const Envelope e =
            wait(api->postJson(QStringLiteral("/api/tasks/me/with-session/nemo_agent"),
                               QJsonObject{{QStringLiteral("task_name"), QStringLiteral("t")},
                                           {QStringLiteral("language"), QStringLiteral("en")}}));
        return e.data.toObject().value(QStringLiteral("session_id")).toString();
    }
};

inline bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    // A zombie still answers kill(0); /proc state tells them apart.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const int close = s.lastIndexOf(')');
    return close > 0 && close + 2 < s.size() && s.at(close + 2) != 'Z';
}

} // namespace cw::test
