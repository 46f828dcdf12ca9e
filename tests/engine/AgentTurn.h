// Running one agent turn against the real engine and reading the session's head draft: shared
// by the agent's end-to-end tests (tst_agentops, tst_agentconversation), and exporting it.
#pragma once

#include "Draft.h"
#include "EngineClient.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTcpSocket>
#include <QThread>

namespace cw::test {

struct Turn {
    QStringList calls;          // function names, in order
    QList<QJsonObject> results; // function responses
    QString text;               // the final text
    bool complete = false;
};

inline Turn runTurn(EngineClient& c, const QString& sid, const QString& message)
{
    QList<cw::AgentEvent> events;
    c.runSse(sid, message, &events);
    Turn t;
    for (const cw::AgentEvent& e : events) {
        if (e.kind == cw::AgentEvent::Kind::FunctionCall)
            t.calls << e.name;
        else if (e.kind == cw::AgentEvent::Kind::FunctionResponse)
            t.results << e.response;
        else if (e.kind == cw::AgentEvent::Kind::Text && !e.partial) {
            t.text = e.text;
            t.complete = e.turnComplete;
        }
    }
    return t;
}

struct State {
    int version = 0;
    cw::Draft draft;
    qint64 durationMs = 0;
};

inline State stateOf(EngineClient& c, const QString& sid)
{
    const QJsonObject data = c.state(sid).data();
    State s;
    s.version = data.value("version").toInt();
    const auto d = cw::Draft::fromJson(data.value("state").toObject().value("draft").toObject());
    if (d) {
        s.draft = *d;
        s.durationMs = d->computedDuration();
    }
    return s;
}

// Segments of tracks of type `tt` (1 audio, 7 text) whose metadata key equals value.
inline int countSegments(const cw::Draft& d, int tt, const QString& key, const QString& value)
{
    int n = 0;
    for (const cw::Track& t : d.t)
        if (t.tt == tt)
            for (const cw::Segment& s : t.sg)
                if (s.m.value(key).toString() == value)
                    ++n;
    return n;
}

// Exports the session as an MP4 at `preset` into `dir` and returns the file's path; empty when
// the render failed or took over three minutes. draft: the draft to render (as the app sends
// it; e.g. a short's), absent: the session's head.
inline QString exportSession(EngineClient& c, const QString& sid, const QString& dir,
                             const QString& preset = QStringLiteral("720p"),
                             const QJsonObject& draft = {})
{
    const QString id = QStringLiteral("render_%1").arg(QDateTime::currentMSecsSinceEpoch());
    QJsonObject body{
        {"id", id},
        {"sessionId", sid},
        {"output", QJsonObject{{"format", "mp4"}, {"quality", "high"}, {"preset", preset}}}};
    if (!draft.isEmpty())
        body.insert("draft", draft);
    const HttpReply r = c.postJson("/api/render/proxy/lambda", body);
    if (r.code() != 0)
        return {};
    QElapsedTimer timer;
    timer.start();
    QJsonObject job;
    while (timer.elapsed() < 180000) {
        job = c.get("/api/render/proxy/lambda/" + id).data();
        const QString status = job.value("status").toString();
        if (status != "pending" && status != "processing")
            break;
        QThread::msleep(200);
    }
    const HttpReply file = c.get("/files/renders/" + id + ".mp4");
    if (job.value("status").toString() != "completed" || file.status != 200)
        return {};
    QFile f(QDir(dir).filePath(id + ".mp4"));
    if (!f.open(QIODevice::WriteOnly) || f.write(file.body) != file.body.size())
        return {};
    return f.fileName();
}

// Asks the engine at `port` for `text` in session `sid` over a raw socket (so the test can
// leave mid-turn with socket.abort()) and reads until the first progress event or 20 s of
// silence; returns what was read.
inline QByteArray requestUntilProgress(QTcpSocket& socket, int port, const QString& token,
                                       const QString& sid, const QString& text)
{
    const QByteArray body =
        QJsonDocument(
            QJsonObject{
                {"app_name", "nemo_agent"},
                {"session_id", sid},
                {"new_message", QJsonObject{{"parts", QJsonArray{QJsonObject{{"text", text}}}}}}})
            .toJson(QJsonDocument::Compact);
    socket.connectToHost("127.0.0.1", quint16(port));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("POST /run_sse HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 token.toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray received;
    while (!received.contains("\"progress\"") && socket.waitForReadyRead(20000))
        received += socket.readAll();
    return received;
}

} // namespace cw::test
