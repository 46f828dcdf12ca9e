// A tiny web server on 127.0.0.1 for URL-upload tests (the "internet" the engine fetches
// from), on its own thread so a test can wait on the engine while it serves. cpp-httplib,
// which the engine library already links. Routes:
//   /files/<name>        a file from the served directory (Content-Type from the extension)
//   /redirect?to=<url>   302 to <url>; /loop: a redirect to itself
//   /lie                 claims Content-Length 600 MiB and sends a few bytes
//   /endless             chunked zeros with no length, until the client stops (or 600 MiB)
//   /status/<n>          that HTTP status
// Counts requests per path so a test can prove a refused link was never fetched.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QString>
#include <QUrl>
#include <atomic>
#include <chrono>
#include <httplib.h>
#include <map>
#include <thread>

namespace cw::test {

class LocalHttpServer {
public:
    explicit LocalHttpServer(const QString& dir) : m_dir(dir)
    {
        m_server.Get("/files/(.+)", [this](const httplib::Request& req, httplib::Response& res) {
            count(req.path);
            {
                QMutexLocker lock(&m_mutex);
                m_lastHost = req.get_header_value("Host");
            }
            const QString name = QString::fromStdString(req.matches[1]);
            QFile f(m_dir + QLatin1Char('/') + name);
            if (name.contains(QLatin1String("..")) || !f.open(QIODevice::ReadOnly)) {
                res.status = 404;
                return;
            }
            const QByteArray bytes = f.readAll();
            res.set_content(bytes.constData(), size_t(bytes.size()),
                            name.endsWith(QLatin1String(".mp4")) ? "video/mp4"
                                                                 : "application/octet-stream");
        });
        m_server.Get("/redirect", [this](const httplib::Request& req, httplib::Response& res) {
            count(req.path);
            res.set_redirect(req.get_param_value("to"));
        });
        m_server.Get("/loop", [this](const httplib::Request& req, httplib::Response& res) {
            count(req.path);
            res.set_redirect("/loop");
        });
        m_server.Get("/lie", [this](const httplib::Request& req, httplib::Response& res) {
            count(req.path);
            const size_t claimed = size_t(600) * 1024 * 1024;
            res.set_content_provider(claimed, "video/mp4",
                                     [](size_t, size_t, httplib::DataSink& sink) {
                                         sink.write("not much", 8);
                                         return false; // then hang up
                                     });
        });
        m_server.Get("/endless", [this](const httplib::Request& req, httplib::Response& res) {
            count(req.path);
            res.set_chunked_content_provider("video/mp4",
                                             [this](size_t offset, httplib::DataSink& sink) {
                                                 static const std::string chunk(1 << 20, '\0');
                                                 m_endlessSent = offset;
                                                 if (offset > size_t(600) * 1024 * 1024) {
                                                     sink.done();
                                                     return true;
                                                 }
                                                 return sink.write(chunk.data(), chunk.size());
                                             });
        });
        m_server.Get("/status/(\\d+)", [this](const httplib::Request& req, httplib::Response& res) {
            count(req.path);
            res.status = std::stoi(req.matches[1]);
            res.set_content("no", "text/plain");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        for (int i = 0; i < 500 && !m_server.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ~LocalHttpServer()
    {
        m_server.stop();
        if (m_thread.joinable())
            m_thread.join();
    }

    int port() const { return m_port; }
    QString url(const QString& path, const QString& host = QStringLiteral("127.0.0.1")) const
    {
        return QStringLiteral("http://%1:%2%3").arg(host).arg(m_port).arg(path);
    }
    int hits(const std::string& path)
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_hits.find(path);
        return it == m_hits.end() ? 0 : it->second;
    }
    int totalHits()
    {
        QMutexLocker lock(&m_mutex);
        int n = 0;
        for (const auto& [path, count] : m_hits)
            n += count;
        return n;
    }
    size_t endlessSent() const { return m_endlessSent; }
    std::string lastHost() // the Host header of the last /files request
    {
        QMutexLocker lock(&m_mutex);
        return m_lastHost;
    }

private:
    void count(const std::string& path)
    {
        QMutexLocker lock(&m_mutex);
        ++m_hits[path];
    }

    QString m_dir;
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    QMutex m_mutex;
    std::map<std::string, int> m_hits;
    std::string m_lastHost;
    std::atomic<size_t> m_endlessSent{0};
};

} // namespace cw::test
