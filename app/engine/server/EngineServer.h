// The local engine as one object: store, render queue, agent executor and the HTTP server
// (cpp-httplib, a 32-thread pool because every open event stream holds a thread). start()
// opens the store and binds; run() serves until stop() (callable from any thread; it has no
// effect before run() has started listening, so callers repeat it until run() returns).
#pragma once

#include <QString>
#include <memory>

namespace cw::engine {

struct EngineConfig {
    QString host = QStringLiteral("127.0.0.1");
    int port = 0; // 0: any free port
    QString token;
    QString dataDir;
    bool logRequests = false;
};

class EngineServer {
public:
    EngineServer();
    ~EngineServer();

    bool start(const EngineConfig& config, QString* error = nullptr);
    int port() const;
    QString baseUrl() const; // http://host:port
    bool run();              // blocks until stop()
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cw::engine
