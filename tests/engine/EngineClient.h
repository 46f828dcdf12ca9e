// A small synchronous HTTP client for the engine tests (cpp-httplib, which the engine
// library already links), returning status, headers, raw body and the decoded envelope.
#pragma once

#include "AgentEvent.h"
#include "SseParser.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <httplib.h>

namespace cw::test {

struct HttpReply {
    int status = 0; // 0: no response
    QByteArray body;
    QJsonObject json;
    httplib::Headers headers;

    int code() const { return json.value(QStringLiteral("code")).toInt(-1); }
    QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
    QString header(const char* name) const
    {
        auto it = headers.find(name);
        return it == headers.end() ? QString() : QString::fromStdString(it->second);
    }
};

struct UploadItem {
    QByteArray content;
    QString fileName;
    QString partName = QStringLiteral("files");
};

class EngineClient {
public:
    EngineClient(const QUrl& base, const QString& token)
        : m_client(base.host().toStdString(), base.port()), m_token(token.toStdString())
    {
        m_client.set_read_timeout(180, 0);
        m_client.set_write_timeout(60, 0);
    }

    void setToken(const QString& token) { m_token = token.toStdString(); }

    HttpReply get(const QString& path, const httplib::Headers& extra = {})
    {
        return reply(m_client.Get(path.toStdString().c_str(), headers(extra)));
    }

    HttpReply post(const QString& path, const QByteArray& body, const httplib::Headers& extra = {})
    {
        return reply(m_client.Post(path.toStdString().c_str(), headers(extra), body.constData(),
                                   size_t(body.size()), "application/json"));
    }

    HttpReply postJson(const QString& path, const QJsonObject& body)
    {
        return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    HttpReply upload(const QString& sessionId, const QList<UploadItem>& items)
    {
        httplib::MultipartFormDataItems parts;
        for (const UploadItem& item : items)
            parts.push_back({item.partName.toStdString(), item.content.toStdString(),
                             item.fileName.toStdString(), "application/octet-stream"});
        const std::string path = "/api/upload-video/nemo_agent/me/" + sessionId.toStdString();
        return reply(m_client.Post(path.c_str(), headers({}), parts));
    }

    // Uploads files from disk under their own names; an empty reply when one cannot be read.
    HttpReply uploadFiles(const QString& sessionId, const QStringList& paths)
    {
        QList<UploadItem> items;
        for (const QString& path : paths) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return {};
            items.append({f.readAll(), QFileInfo(path).fileName()});
        }
        return upload(sessionId, items);
    }

    QString createSession(const QString& language = QStringLiteral("en"))
    {
        const HttpReply r =
            postJson(QStringLiteral("/api/tasks/me/with-session/nemo_agent"),
                     QJsonObject{{QStringLiteral("task_name"), QStringLiteral("test")},
                                 {QStringLiteral("language"), language}});
        return r.data().value(QStringLiteral("session_id")).toString();
    }

    HttpReply state(const QString& sessionId)
    {
        return get(QStringLiteral("/api/state/nemo_agent/me/%1/latest").arg(sessionId));
    }

    // POST /run_sse; the whole stream, decoded with core's parser and event decoder.
    HttpReply runSse(const QString& sessionId, const QString& text, QList<AgentEvent>* events,
                     int* comments = nullptr)
    {
        const QJsonObject body{
            {QStringLiteral("app_name"), QStringLiteral("nemo_agent")},
            {QStringLiteral("user_id"), QStringLiteral("me")},
            {QStringLiteral("session_id"), sessionId},
            {QStringLiteral("new_message"),
             QJsonObject{{QStringLiteral("parts"),
                          QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}}}};
        HttpReply r =
            post(QStringLiteral("/run_sse"), QJsonDocument(body).toJson(QJsonDocument::Compact),
                 {{"Accept", "text/event-stream"}});
        SseParser parser;
        QList<SseItem> items = parser.feed(r.body);
        items += parser.finish();
        for (const SseItem& item : items) {
            if (item.kind == SseItem::Kind::Comment) {
                if (comments)
                    ++*comments;
                continue;
            }
            if (events)
                *events += decodeAgentEvents(item.event.data);
        }
        return r;
    }

private:
    httplib::Headers headers(const httplib::Headers& extra) const
    {
        httplib::Headers h = extra;
        if (!m_token.empty() && h.find("Authorization") == h.end())
            h.emplace("Authorization", "Bearer " + m_token);
        return h;
    }

    static HttpReply reply(const httplib::Result& result)
    {
        HttpReply r;
        if (!result)
            return r;
        r.status = result->status;
        r.body = QByteArray::fromStdString(result->body);
        r.headers = result->headers;
        r.json = QJsonDocument::fromJson(r.body).object();
        return r;
    }

    httplib::Client m_client;
    std::string m_token;
};

} // namespace cw::test
