// The agent stream of the real clipwright-engine over loopback: "cut the pauses" on a
// generated speech clip with three known pauses, undo/redo, an honest answer to what it
// cannot do, Chinese, bad bodies and unknown sessions, keep-alives during slow work and a
// client that leaves mid-stream.
#include "EngineClient.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw::test;
using cw::AgentEvent;

class TstEngineAgent : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void agentCutPauses();
    void agentUndoRedo();
    void agentUnknownRequest();
    void agentChinese();
    void agentUnknownSession();
    void agentBadBody_data();
    void agentBadBody();
    void slowOperationKeepAliveAndDisconnect();

private:
    EngineClient client() { return EngineClient(m_engine.baseUrl(), m_engine.token()); }
    QJsonObject draftOf(const QString& sid)
    {
        return stateData(sid).value("state").toObject().value("draft").toObject();
    }
    QJsonObject stateData(const QString& sid) { return client().state(sid).data(); }
    static QJsonArray segments(const QJsonObject& draft, int track = 0)
    {
        return draft.value("t").toArray().at(track).toObject().value("sg").toArray();
    }

    TestEngine m_engine;
    QTemporaryDir m_tmp;
    QByteArray m_clipBytes;
    QString m_sid;
    qint64 m_originalMs = 0;
};

// One session holding the uploaded speech clip (version 2), which the agent tests edit in order.
void TstEngineAgent::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString clip = m_tmp.filePath("clip.mp4");
    QString error;
    QVERIFY2(!makeSpeechClip(clip, 1.5, 3, 1280, 720, &error).isEmpty(), qPrintable(error));
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_clipBytes = f.readAll();
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    m_sid = client().createSession();
    QVERIFY(!m_sid.isEmpty());
    QCOMPARE(client().upload(m_sid, {{m_clipBytes, "clip.mp4"}}).status, 200);
    QCOMPARE(stateData(m_sid).value("version").toInt(), 2);
    const QJsonArray sg = segments(draftOf(m_sid));
    QCOMPARE(sg.size(), 1);
    m_originalMs = sg.at(0).toObject().value("d").toInteger();
}

void TstEngineAgent::cleanupTestCase()
{
    QVERIFY(m_engine.stop());
    QCOMPARE(m_engine.exitCode(), 0);
}

void TstEngineAgent::agentCutPauses()
{
    QVERIFY(m_originalMs > 0);
    QList<AgentEvent> events;
    const HttpReply r = client().runSse(m_sid, "cut the pauses", &events);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/event-stream"));
    QCOMPARE(r.header("Cache-Control"), QStringLiteral("no-cache"));
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).kind, AgentEvent::Kind::FunctionCall);
    QCOMPARE(events.at(0).name, QStringLiteral("cut_pauses"));
    QCOMPARE(events.at(1).kind, AgentEvent::Kind::FunctionResponse);
    QCOMPARE(events.at(1).name, QStringLiteral("cut_pauses"));
    QCOMPARE(events.at(1).callId, events.at(0).callId);
    const QJsonObject resp = events.at(1).response;
    QCOMPARE(resp.value("ok").toBool(), true);
    QCOMPARE(resp.value("pauses_removed").toInt(), 3);
    QCOMPARE(resp.value("version").toInt(), 3);
    QCOMPARE(events.at(2).kind, AgentEvent::Kind::Text);
    QVERIFY(events.at(2).turnComplete);
    QVERIFY(!events.at(2).partial);
    QVERIFY2(events.at(2).text.startsWith("Removed 3 pauses (quieter than "),
             qPrintable(events.at(2).text));

    const QJsonObject draft = draftOf(m_sid);
    QCOMPARE(segments(draft).size(), 4);
    const qint64 now = draft.value("d").toInteger();
    const qint64 removed = m_originalMs - now;
    QCOMPARE(resp.value("removed_ms").toInteger(), removed);
    // Three ~1.8 s silences, minus the margins kept around speech.
    QVERIFY2(removed > 3500 && removed < 6000, qPrintable(QString::number(removed)));
    QVERIFY(events.at(2).text.contains(QString::number(removed / 1000.0, 'f', 1) + " s shorter"));
    // Back to back: each segment starts where the previous ends.
    const QJsonArray sg = segments(draft);
    qint64 end = 0;
    for (const QJsonValue& v : sg) {
        QCOMPARE(v.toObject().value("st").toInteger(), end);
        end += v.toObject().value("d").toInteger();
    }
    QCOMPARE(end, now);

    events.clear();
    client().runSse(m_sid, "remove silences longer than 5 seconds", &events);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(1).response.value("pauses_removed").toInt(), 0);
    QVERIFY2(events.at(2).text.contains("Nothing to cut"), qPrintable(events.at(2).text));
    QCOMPARE(stateData(m_sid).value("version").toInt(), 3);
}

void TstEngineAgent::agentUndoRedo()
{
    QList<AgentEvent> events;
    client().runSse(m_sid, "undo", &events);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).name, QStringLiteral("undo"));
    QCOMPARE(events.at(1).response.value("ok").toBool(), true);
    QCOMPARE(events.at(2).text, QStringLiteral("Undid: cut pauses."));
    QJsonObject state = stateData(m_sid);
    QCOMPARE(state.value("version").toInt(), 2);
    QJsonObject draft = state.value("state").toObject().value("draft").toObject();
    QCOMPARE(segments(draft).size(), 1);
    QCOMPARE(draft.value("d").toInteger(), m_originalMs);

    events.clear();
    client().runSse(m_sid, "redo", &events);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(2).text, QStringLiteral("Redid: cut pauses."));
    QCOMPARE(stateData(m_sid).value("version").toInt(), 3);
    QCOMPARE(segments(draftOf(m_sid)).size(), 4);

    events.clear();
    client().runSse(m_sid, "redo", &events);
    QCOMPARE(events.at(1).response.value("ok").toBool(), false);
    QCOMPARE(events.at(2).text, QStringLiteral("Nothing to redo."));
    QCOMPARE(stateData(m_sid).value("version").toInt(), 3);
}

void TstEngineAgent::agentUnknownRequest()
{
    const QJsonObject before = stateData(m_sid);
    QList<AgentEvent> events;
    const HttpReply r = client().runSse(m_sid, "make it purple", &events);
    QCOMPARE(r.status, 200);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).kind, AgentEvent::Kind::Text);
    QVERIFY(events.at(0).turnComplete);
    QVERIFY2(events.at(0).text.contains("can't"), qPrintable(events.at(0).text));
    QVERIFY(events.at(0).text.contains("\"cut the pauses\""));
    QCOMPARE(stateData(m_sid), before);

    events.clear();
    client().runSse(m_sid, "what's on the timeline?", &events);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).name, QStringLiteral("summary"));
    QVERIFY2(events.at(2).text.contains("clip.mp4"), qPrintable(events.at(2).text));
    QCOMPARE(stateData(m_sid), before);
}

void TstEngineAgent::agentChinese()
{
    const QString sid = client().createSession("zh");
    QList<AgentEvent> events;
    client().runSse(sid, "剪掉停顿", &events);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).name, QStringLiteral("cut_pauses"));
    QCOMPARE(events.at(1).response.value("ok").toBool(), false);
    QVERIFY2(events.at(2).text.contains("时间线是空的"), qPrintable(events.at(2).text));
    events.clear();
    client().runSse(sid, "把它变成紫色", &events);
    QCOMPARE(events.size(), 1);
    QVERIFY2(events.at(0).text.contains("剪掉停顿"), qPrintable(events.at(0).text));
    QCOMPARE(stateData(sid).value("version").toInt(), 1);
}

void TstEngineAgent::agentUnknownSession()
{
    QList<AgentEvent> events;
    const HttpReply r = client().runSse("ses_missing", "cut the pauses", &events);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json, QJsonObject({{"detail", "Session not found: ses_missing"}}));
    QVERIFY(events.isEmpty());
}

void TstEngineAgent::agentBadBody_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray sid = m_sid.toUtf8();
    QTest::newRow("not json") << QByteArray("cut the pauses");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no app_name") << QByteArray(R"({"session_id":")" + sid +
                                               R"(","new_message":{"parts":[{"text":"undo"}]}})");
    QTest::newRow("no session") << QByteArray(
        R"({"app_name":"nemo_agent","new_message":{"parts":[{"text":"undo"}]}})");
    QTest::newRow("session not string")
        << QByteArray(R"({"app_name":"a","session_id":7,"new_message":{"parts":[{"text":"x"}]}})");
    QTest::newRow("no message") << QByteArray(R"({"app_name":"a","session_id":")" + sid + "\"}");
    QTest::newRow("parts not array") << QByteArray(R"({"app_name":"a","session_id":")" + sid +
                                                   R"(","new_message":{"parts":"undo"}})");
    QTest::newRow("no text part") << QByteArray(R"({"app_name":"a","session_id":")" + sid +
                                                R"(","new_message":{"parts":[{"image":"x"}]}})");
    QTest::newRow("blank text") << QByteArray(R"({"app_name":"a","session_id":")" + sid +
                                              R"(","new_message":{"parts":[{"text":"  "}]}})");
}

void TstEngineAgent::agentBadBody()
{
    QFETCH(QByteArray, body);
    const int version = stateData(m_sid).value("version").toInt();
    const HttpReply r = client().post("/run_sse", body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), 4000);
    QVERIFY(!r.json.value("message").toString().isEmpty());
    QCOMPARE(stateData(m_sid).value("version").toInt(), version);
}

void TstEngineAgent::slowOperationKeepAliveAndDisconnect()
{
    TestEngine slow;
    slow.setEnv("CLIPWRIGHT_AGENT_DELAY_MS", "1200");
    slow.setEnv("CLIPWRIGHT_KEEPALIVE_MS", "200");
    QString error;
    QVERIFY2(slow.start(&error), qPrintable(error));
    EngineClient c(slow.baseUrl(), slow.token());
    const QString sid = c.createSession();
    QCOMPARE(c.upload(sid, {{m_clipBytes, "clip.mp4"}}).status, 200);

    // Keep-alive comments while the operation works, then the usual events.
    QList<AgentEvent> events;
    int comments = 0;
    c.runSse(sid, "what's on the timeline", &events, &comments);
    QCOMPARE(events.size(), 3);
    QVERIFY2(comments >= 3, qPrintable(QString::number(comments)));

    // A client that leaves after the functionCall: the edit still completes and is stored,
    // and the engine keeps serving.
    const QByteArray body =
        QJsonDocument(
            QJsonObject{
                {"app_name", "nemo_agent"},
                {"session_id", sid},
                {"new_message",
                 QJsonObject{{"parts", QJsonArray{QJsonObject{{"text", "cut the pauses"}}}}}}})
            .toJson(QJsonDocument::Compact);
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", quint16(slow.port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /run_sse HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 slow.token().toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray received;
    while (!received.contains("functionCall") && socket.waitForReadyRead(5000))
        received += socket.readAll();
    QVERIFY(received.contains("functionCall"));
    socket.abort();
    QTRY_COMPARE_WITH_TIMEOUT(c.state(sid).data().value("version").toInt(), 3, 10000);
    QCOMPARE(c.get("/health").status, 200);
    QVERIFY(slow.stop());
}

QTEST_GUILESS_MAIN(TstEngineAgent)
#include "tst_engineagent.moc"
