// Agent event codec: every payload form PROTOCOL.md lists, hostile payloads, and round trips
// through the engine-side encoders.
#include "AgentEvent.h"

#include <QJsonDocument>
#include <QtTest>

using namespace cw;

namespace {

QString kindName(AgentEvent::Kind k)
{
    switch (k) {
    case AgentEvent::Kind::Text:
        return QStringLiteral("text");
    case AgentEvent::Kind::FunctionCall:
        return QStringLiteral("call");
    case AgentEvent::Kind::FunctionResponse:
        return QStringLiteral("response");
    case AgentEvent::Kind::Error:
        return QStringLiteral("error");
    case AgentEvent::Kind::Heartbeat:
        return QStringLiteral("heartbeat");
    case AgentEvent::Kind::Progress:
        return QStringLiteral("progress");
    }
    return {};
}

// One line per event, with only the fields that matter for its kind.
QStringList render(const QList<AgentEvent>& events)
{
    QStringList out;
    for (const AgentEvent& e : events) {
        QString s = kindName(e.kind);
        switch (e.kind) {
        case AgentEvent::Kind::Text:
            s += u' ' + e.text;
            break;
        case AgentEvent::Kind::FunctionCall:
            s += QStringLiteral(" %1 %2 %3")
                     .arg(e.callId, e.name,
                          QString::fromUtf8(QJsonDocument(e.args).toJson(QJsonDocument::Compact)));
            break;
        case AgentEvent::Kind::FunctionResponse:
            s += QStringLiteral(" %1 %2 %3")
                     .arg(e.callId, e.name,
                          QString::fromUtf8(
                              QJsonDocument(e.response).toJson(QJsonDocument::Compact)));
            break;
        case AgentEvent::Kind::Error:
            s += QStringLiteral(" [%1] %2").arg(e.errorCode, e.errorMessage);
            break;
        case AgentEvent::Kind::Heartbeat:
            break;
        case AgentEvent::Kind::Progress:
            s += QStringLiteral(" %1 %2").arg(e.text).arg(e.fraction);
            break;
        }
        if (e.partial)
            s += QStringLiteral(" +partial");
        if (e.turnComplete)
            s += QStringLiteral(" +complete");
        out << s;
    }
    return out;
}

} // namespace

class TstAgentEvent : public QObject {
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QStringList>("events");
        auto row = [](const char* name, const char* payload, const QStringList& events) {
            QTest::newRow(name) << QString::fromUtf8(payload) << events;
        };
        row("adk text",
            R"({"id":"e1","invocationId":"e-1","author":"nemo_agent","timestamp":1743712255.31,"content":{"role":"model","parts":[{"text":"Done."}]},"partial":false,"turnComplete":true,"actions":{"stateDelta":{},"artifactDelta":{}}})",
            {"text Done. +complete"});
        row("adk partial", R"({"content":{"parts":[{"text":"Cut"}]},"partial":true})",
            {"text Cut +partial"});
        row("adk chinese", R"({"content":{"parts":[{"text":"已剪掉 3 处停顿 😀"}]}})",
            {QStringLiteral("text 已剪掉 3 处停顿 😀")});
        row("adk function call",
            R"({"content":{"role":"model","parts":[{"functionCall":{"id":"c1","name":"cut_pauses","args":{"min":0.5}}}]}})",
            {R"(call c1 cut_pauses {"min":0.5})"});
        row("adk function response",
            R"({"content":{"role":"user","parts":[{"functionResponse":{"id":"c1","name":"cut_pauses","response":{"removed":3}}}]}})",
            {R"(response c1 cut_pauses {"removed":3})"});
        row("response not an object is wrapped",
            R"({"content":{"parts":[{"functionResponse":{"name":"n","response":"ok"}}]}})",
            {R"(response  n {"result":"ok"})"});
        row("args as json string",
            "{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"add_text\",\"args\":"
            "\"{\\\"text\\\":\\\"Hi\\\"}\"}}]}}",
            {R"(call  add_text {"text":"Hi"})"});
        row("thought dropped",
            R"({"content":{"parts":[{"text":"thinking...","thought":true},{"text":"Answer"}]}})",
            {"text Answer"});
        row("several parts",
            R"({"content":{"parts":[{"text":"a"},{"functionCall":{"id":"x","name":"f","args":{}}},{"text":"b"}]},"turnComplete":true})",
            {"text a +complete", "call x f {} +complete", "text b +complete"});
        row("state delta only", R"({"actions":{"stateDelta":{"draft":{}}}})", {});
        row("progress",
            R"({"partial":true,"actions":{"stateDelta":{"progress":{"text":"Finding the scene changes in a.mp4","fraction":0.25}}}})",
            {"progress Finding the scene changes in a.mp4 0.25 +partial"});
        row("progress without fraction",
            R"({"actions":{"stateDelta":{"progress":{"text":"Working"}}}})",
            {"progress Working -1"});
        row("progress fraction clamped",
            R"({"actions":{"stateDelta":{"progress":{"text":"W","fraction":7}}}})",
            {"progress W 1"});
        row("progress without text", R"({"actions":{"stateDelta":{"progress":{"fraction":0.5}}}})",
            {});
        row("progress beside text is the text",
            R"({"content":{"parts":[{"text":"Hi"}]},"actions":{"stateDelta":{"progress":{"text":"W"}}}})",
            {"text Hi"});
        row("unusable parts", R"({"content":{"parts":[{"inlineData":{}},7,null,{"text":5}]}})", {});
        row("turn complete without parts", R"({"turnComplete":true})", {"heartbeat +complete"});
        row("plain error", R"({"error":"Rate limited"})", {"error [] Rate limited"});
        row("error object", R"({"error":{"code":429,"message":"Slow down"}})",
            {"error [429] Slow down"});
        row("adk errorCode",
            R"({"errorCode":"MAX_TOKENS","errorMessage":"Too long","content":{"parts":[{"text":"x"}]}})",
            {"error [MAX_TOKENS] Too long"});
        row("errorCode only", R"({"errorCode":"SAFETY"})", {"error [SAFETY] SAFETY"});
        row("null error fields are not errors",
            R"({"error":null,"errorCode":null,"content":{"parts":[{"text":"fine"}]}})",
            {"text fine"});
        row("schematic heartbeat", R"({"type":"heartbeat"})", {"heartbeat"});
        row("schematic text content", R"({"type":"text","content":"Hello"})", {"text Hello"});
        row("schematic text field", R"({"type":"text","text":"Hi"})", {"text Hi"});
        row("schematic tool call", R"({"type":"tool_call","name":"add_music","args":{"vol":0.3}})",
            {R"(call  add_music {"vol":0.3})"});
        row("schematic tool result",
            R"({"type":"tool_result","name":"add_music","result":{"ok":true}})",
            {R"(response  add_music {"ok":true})"});
        row("schematic tool response key", R"({"type":"tool_result","name":"m","response":[1,2]})",
            {R"(response  m {"result":[1,2]})"});
        row("schematic error", R"({"type":"error","message":"boom","code":5000})",
            {"error [5000] boom"});
        row("schematic done", R"({"type":"done"})", {"heartbeat +complete"});
        row("schematic unknown", R"({"type":"telemetry","x":1})", {});
        row("empty payload", "", {"heartbeat"});
        row("whitespace payload", " \t\r\n", {"heartbeat"});
        row("empty object", "{}", {});
        row("wrong types everywhere",
            R"({"content":"x","partial":"yes","turnComplete":1,"author":[],"id":{}})", {});
        row("parts not array", R"({"content":{"parts":{"text":"x"}}})", {});
        row("huge numbers",
            R"({"content":{"parts":[{"functionCall":{"name":"f","args":{"n":1e308}}}]}})",
            {R"(call  f {"n":1e+308})"});
    }

    void decode()
    {
        QFETCH(QString, payload);
        QFETCH(QStringList, events);
        QString error;
        QCOMPARE(render(decodeAgentEvents(payload, &error)), events);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::newRow("truncated") << QStringLiteral("{\"content\":{\"parts\":[{\"text\":\"a");
        QTest::newRow("not json") << QStringLiteral("hello");
        QTest::newRow("array") << QStringLiteral("[1,2]");
        QTest::newRow("number") << QStringLiteral("42");
        QTest::newRow("deep nesting") << QString(100000, u'[') + QString(100000, u']');
        QTest::newRow("trailing junk") << QStringLiteral(R"({"type":"heartbeat"} x)");
    }

    void invalid()
    {
        QFETCH(QString, payload);
        QString error;
        QVERIFY(decodeAgentEvents(payload, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(decodeAgentEvents(payload).isEmpty()); // null error pointer is fine
    }

    void metadataCopiedToEveryEvent()
    {
        const QList<AgentEvent> events = decodeAgentEvents(QStringLiteral(
            R"({"id":"ev","invocationId":"inv","author":"nemo_agent","partial":true,"content":{"parts":[{"text":"a"},{"functionCall":{"id":"c","name":"f"}}]}})"));
        QCOMPARE(events.size(), 2);
        for (const AgentEvent& e : events) {
            QCOMPARE(e.eventId, QStringLiteral("ev"));
            QCOMPARE(e.invocationId, QStringLiteral("inv"));
            QCOMPARE(e.author, QStringLiteral("nemo_agent"));
            QVERIFY(e.partial);
        }
    }

    void roundTripText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("partial");
        QTest::addColumn<bool>("complete");
        QTest::newRow("final") << QStringLiteral("Removed 3 pauses (5.4 s).") << false << true;
        QTest::newRow("partial") << QStringLiteral("Remo") << true << false;
        QTest::newRow("unicode") << QStringLiteral("已完成 🎬 \"quoted\"\n\\ line") << false << true;
        QTest::newRow("empty") << QString() << false << false;
    }

    void roundTripText()
    {
        QFETCH(QString, text);
        QFETCH(bool, partial);
        QFETCH(bool, complete);
        const QByteArray wire = encodeAdkText(QStringLiteral("e-7"), text, partial, complete);
        QVERIFY(!wire.contains('\n'));
        const QJsonObject o = QJsonDocument::fromJson(wire).object();
        QCOMPARE(o.value("author").toString(), QStringLiteral("nemo_agent"));
        QCOMPARE(o.value("invocationId").toString(), QStringLiteral("e-7"));
        QVERIFY(o.value("timestamp").toDouble() > 1.7e9);
        QVERIFY(o.value("id").toString().size() >= 8);
        QCOMPARE(o.value("content").toObject().value("role").toString(), QStringLiteral("model"));
        QVERIFY(o.value("actions").toObject().value("stateDelta").isObject());
        QVERIFY(o.value("actions").toObject().value("artifactDelta").isObject());
        QCOMPARE(o.value("partial").toBool(), partial);
        QCOMPARE(o.value("turnComplete").toBool(), complete);

        const QList<AgentEvent> events = decodeAgentEvents(QString::fromUtf8(wire));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, AgentEvent::Kind::Text);
        QCOMPARE(events[0].text, text);
        QCOMPARE(events[0].partial, partial);
        QCOMPARE(events[0].turnComplete, complete);
        QCOMPARE(events[0].invocationId, QStringLiteral("e-7"));
        QCOMPARE(events[0].eventId, o.value("id").toString());
    }

    void eventIdsAreUnique()
    {
        const QByteArray a = encodeAdkText("i", "x", false, false);
        const QByteArray b = encodeAdkText("i", "x", false, false);
        QVERIFY(QJsonDocument::fromJson(a)["id"] != QJsonDocument::fromJson(b)["id"]);
    }

    // Found by fuzz_agentevent: a schematic text event's "id" is the event's, not a call's, so
    // re-encoding it as ADK text and decoding again keeps every field.
    void schematicIdsByKind()
    {
        const QList<AgentEvent> text =
            decodeAgentEvents(QStringLiteral(R"({"type":"text","text":"hi","id":"ev-1"})"));
        QCOMPARE(text.size(), 1);
        QCOMPARE(text[0].eventId, QStringLiteral("ev-1"));
        QVERIFY(text[0].callId.isEmpty());
        const QList<AgentEvent> call = decodeAgentEvents(
            QStringLiteral(R"({"type":"tool_call","id":"c-1","name":"cut_pauses","args":{}})"));
        QCOMPARE(call.size(), 1);
        QCOMPARE(call[0].callId, QStringLiteral("c-1"));
        const QList<AgentEvent> back = decodeAgentEvents(
            QString::fromUtf8(encodeAdkText(text[0].invocationId, text[0].text, false, false)));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back[0].callId, text[0].callId);
        QCOMPARE(call[0].name, QStringLiteral("cut_pauses"));
        // Found the same way: "name" on a text event is not a tool's name (ADK text has none).
        const QList<AgentEvent> named =
            decodeAgentEvents(QStringLiteral(R"({"type":"text","text":"h","name":true})"));
        QCOMPARE(named.size(), 1);
        QCOMPARE(named[0].text, QStringLiteral("h"));
        QVERIFY(named[0].name.isEmpty());
    }

    void roundTripFunctionCall()
    {
        const QJsonObject args{
            {"threshold_db", -35}, {"min_pause", 0.6}, {"names", QJsonArray{"a"}}};
        const QByteArray wire = encodeAdkFunctionCall("inv", "call-1", "cut_pauses", args);
        QCOMPARE(QJsonDocument::fromJson(wire)["content"]["role"].toString(),
                 QStringLiteral("model"));
        const QList<AgentEvent> events = decodeAgentEvents(QString::fromUtf8(wire));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, AgentEvent::Kind::FunctionCall);
        QCOMPARE(events[0].callId, QStringLiteral("call-1"));
        QCOMPARE(events[0].name, QStringLiteral("cut_pauses"));
        QCOMPARE(events[0].args, args);
        QVERIFY(!events[0].turnComplete);
    }

    void roundTripFunctionResponse()
    {
        const QJsonObject response{{"removed", 3}, {"saved_ms", 5400}, {"summary", "ok"}};
        const QByteArray wire = encodeAdkFunctionResponse("inv", "call-1", "cut_pauses", response);
        QCOMPARE(QJsonDocument::fromJson(wire)["content"]["role"].toString(),
                 QStringLiteral("user"));
        const QList<AgentEvent> events = decodeAgentEvents(QString::fromUtf8(wire));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, AgentEvent::Kind::FunctionResponse);
        QCOMPARE(events[0].callId, QStringLiteral("call-1"));
        QCOMPARE(events[0].response, response);
    }

    void roundTripProgress()
    {
        const QList<AgentEvent> events = decodeAgentEvents(
            QString::fromUtf8(encodeAdkProgress("inv", "分析节拍 song.m4a", 0.5)));
        QCOMPARE(render(events), QStringList{"progress 分析节拍 song.m4a 0.5 +partial"});
        QCOMPARE(events.at(0).invocationId, QStringLiteral("inv"));
        QCOMPARE(render(decodeAgentEvents(QString::fromUtf8(encodeAdkProgress("i", "x", -1)))),
                 QStringList{"progress x -1 +partial"});
    }

    void roundTripError()
    {
        const QByteArray wire = encodeAdkError("inv", "5000", "ffmpeg failed");
        const QJsonObject o = QJsonDocument::fromJson(wire).object();
        QCOMPARE(o.value("error").toString(), QStringLiteral("ffmpeg failed"));
        QCOMPARE(o.value("errorCode").toString(), QStringLiteral("5000"));
        QCOMPARE(o.value("errorMessage").toString(), QStringLiteral("ffmpeg failed"));
        const QList<AgentEvent> events = decodeAgentEvents(QString::fromUtf8(wire));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, AgentEvent::Kind::Error);
        QCOMPARE(events[0].errorCode, QStringLiteral("5000"));
        QCOMPARE(events[0].errorMessage, QStringLiteral("ffmpeg failed"));
        QCOMPARE(events[0].invocationId, QStringLiteral("inv"));
    }
};

QTEST_GUILESS_MAIN(TstAgentEvent)
#include "tst_agentevent.moc"
