// libFuzzer target for the engine's HTTP handlers: the real routes (sessions, run_sse, render,
// upload, files) and guards registered on an httplib::Server, driven without sockets through
// httplib's protected process_request() over an in-memory Stream. The first input byte picks
// a mode: 0-2 wrap the rest as the JSON body of POST create-session / run_sse / render with a
// valid token; 3 sends the rest as a raw request. "@SID@" and "@TOKEN@" in the input are
// replaced by a live session id and the token, so the fuzzer gets past the lookups. Oracles:
// no crash, no sanitizer report, and no 5xx for anything but the server's own faults.
// The render queue is never started (jobs stay pending) and the event stream is never run
// (httplib does not call content providers of a server that is not listening), so one input
// costs a few SQLite statements at most.
#include "FuzzUtil.h"

#include "agent/Executor.h"
#include "server/ProxyMaker.h"
#include "server/RenderQueue.h"
#include "server/Routes.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <httplib.h>

namespace {

using namespace cw::engine;

class MemoryStream : public httplib::Stream {
public:
    explicit MemoryStream(std::string in) : m_in(std::move(in)) {}
    bool is_readable() const override { return m_pos < m_in.size(); }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override
    {
        const size_t n = std::min(size, m_in.size() - m_pos);
        std::memcpy(ptr, m_in.data() + m_pos, n);
        m_pos += n;
        return ssize_t(n);
    }
    ssize_t write(const char* ptr, size_t size) override
    {
        if (m_out.size() < 1 << 20)
            m_out.append(ptr, size);
        return ssize_t(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override
    {
        ip = "127.0.0.1";
        port = 40000;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override
    {
        ip = "127.0.0.1";
        port = 8080;
    }
    socket_t socket() const override { return INVALID_SOCKET; }

private:
    std::string m_in;
    size_t m_pos = 0;
    std::string m_out;
};

class FuzzServer : public httplib::Server {
public:
    int handle(const std::string& raw)
    {
        MemoryStream stream(raw);
        bool closed = false;
        m_status = 0;
        process_request(stream, true, closed, nullptr);
        return m_status;
    }
    int m_status = 0;
};

const std::string kToken = "fuzz-token-0123456789";

struct Engine {
    QTemporaryDir dir;
    Store store;
    RenderQueue renders{store};
    Executor executor{store};
    ProxyMaker proxies{store};
    ServerContext ctx{store, renders, executor, proxies, QStringLiteral("http://127.0.0.1:8080"),
                      {}};
    FuzzServer http;
    std::string sessionId;

    Engine()
    {
        // No background proxy processes: each input's outcome must not depend on timing.
        qputenv("CLIPWRIGHT_PROXIES", "0");
        if (!dir.isValid() || !store.open(dir.path()))
            cw::fuzz::fail("cannot open the store");
        http.set_payload_max_length(std::numeric_limits<size_t>::max());
        http.set_logger([this](const httplib::Request&, const httplib::Response& res) {
            http.m_status = res.status;
        });
        installGuards(http, kToken);
        registerSessionRoutes(http, ctx);
        registerUploadRoute(http, ctx);
        registerAgentRoute(http, ctx);
        registerRenderRoutes(http, ctx);
        registerFileRoutes(http, ctx);
        registerPreviewRoutes(http, ctx);
        const std::optional<SessionRecord> s =
            store.createSession(QStringLiteral("en"), QByteArray("{\"v\":1,\"t\":[]}"));
        if (!s)
            cw::fuzz::fail("cannot create a session");
        sessionId = s->id.toStdString();
    }
};

Engine* g_engine = nullptr;

void replaceAll(std::string& s, const std::string& from, const std::string& to)
{
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

std::string post(const char* path, const std::string& body)
{
    return std::string("POST ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
           kToken +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    qputenv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    g_engine = new Engine;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    cw::fuzz::Cursor cur(data, size);
    const int mode = cur.byte() % 4;
    std::string rest = cur.rest().toStdString();
    replaceAll(rest, "@SID@", g_engine->sessionId);
    replaceAll(rest, "@TOKEN@", kToken);
    std::string request;
    switch (mode) {
    case 0:
        request = post("/api/tasks/me/with-session/nemo_agent", rest);
        break;
    case 1:
        request = post("/run_sse", rest);
        break;
    case 2:
        request = post("/api/render/proxy/lambda", rest);
        break;
    default:
        request = rest;
        break;
    }
    const int status = g_engine->http.handle(request);
    if (status >= 500) {
        std::fprintf(stderr, "status %d for request:\n%.2000s\n", status, request.c_str());
        cw::fuzz::fail("a 5xx response");
    }
    return 0;
}
