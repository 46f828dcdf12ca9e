// A real clipwright-engine (tests/common/TestEngine.h) with an ApiClient pointed at it, plus
// small helpers to wait for calls. tst_localengine tests the service's own LocalEngine; the
// other service tests use the shared fixture so a LocalEngine bug cannot hide elsewhere.
#pragma once

#include "ApiClient.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>
#include <memory>

namespace cw::test {

struct EngineFixture {
    TestEngine engine;
    std::unique_ptr<ApiClient> api = std::make_unique<ApiClient>();
    QString error;

    // Starts the engine and configures the client; false with `error` set on failure.
    bool start()
    {
        if (!engine.start(&error))
            return false;
        api->setBaseUrl(engine.baseUrl());
        api->setToken(engine.token());
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
            QObject::disconnect(call, nullptr, nullptr, nullptr);
            call->abort();
            result.code = ErrorCode::Timeout;
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

inline QString engineProgram()
{
    return binDir() + QStringLiteral("/clipwright-engine");
}

// True while `pid` runs (a zombie does not count).
inline bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const int close = s.lastIndexOf(')');
    return close > 0 && close + 2 < s.size() && s.at(close + 2) != 'Z';
}

} // namespace cw::test
