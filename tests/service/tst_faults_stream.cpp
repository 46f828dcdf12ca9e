// AgentStream against event streams cut off in the middle of an event, which the engine
// never produces (it writes whole events), so a small QTcpServer in the test speaks them:
// the stream stops inside a data line, inside chunk framing, or between events, and the
// connection closes. The client must drop the partial event, poll the state once, and report
// the saved edit (state changed) or a clear "nothing changed" error, finishing exactly once.
#include "AgentStream.h"
#include "ApiClient.h"
#include "ApiError.h"
#include "Draft.h"
#include "SessionState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace cw;

namespace {

QByteArray draftWithClip(bool withClip)
{
    QJsonArray tracks;
    if (withClip)
        tracks.append(QJsonObject{
            {"id", "v1"},
            {"tt", 0},
            {"n", "Video"},
            {"sg", QJsonArray{QJsonObject{
                       {"id", "s1"}, {"src", "m1"}, {"st", 0}, {"in", 0}, {"d", 4000}}}}});
    return QJsonDocument(QJsonObject{{"v", 1},
                                     {"m", QJsonObject{{"width", 1920}, {"height", 1080}}},
                                     {"t", tracks}})
        .toJson(QJsonDocument::Compact);
}

// Answers POST /run_sse with `stream` (raw bytes after the status line and headers it is
// given) and then closes; answers GET .../latest with a state whose draft has a clip or not.
class CutServer : public QObject {
public:
    CutServer(QByteArray head, QByteArray stream, bool stateChanged)
        : m_head(std::move(head)), m_stream(std::move(stream)), m_changed(stateChanged)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int statePolls = 0;

private:
    void onData(QTcpSocket* s)
    {
        QByteArray& buf = m_buffers[s];
        buf += s->readAll();
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qint64 length = 0;
        for (const QByteArray& line : buf.left(end).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buf.size() < end + 4 + length)
            return;
        const bool sse = buf.startsWith("POST /run_sse");
        buf.clear();
        if (sse) {
            s->write(m_head + m_stream);
        } else {
            ++statePolls;
            const QByteArray body =
                "{\"code\":0,\"message\":\"ok\",\"data\":{\"session_id\":\"ses_1\",\"task_id\":"
                "\"t1\",\"version\":2,\"state\":{\"draft\":" +
                draftWithClip(m_changed) +
                ",\"video_infos\":[],\"generated_media\":[],\"canvas_config\":{\"width\":1920,"
                "\"height\":1080,\"fps\":30}}}}";
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        }
        s->flush();
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_head;
    QByteArray m_stream;
    bool m_changed;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

const QByteArray kPlainHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                              "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
const QByteArray kChunkedHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
const QByteArray kCall = "data: {\"content\":{\"parts\":[{\"functionCall\":{\"id\":\"c1\",\"name\":"
                         "\"cut_pauses\",\"args\":{}}}]},\"invocationId\":\"e-1\"}\n\n";

QByteArray chunk(const QByteArray& data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

class TstFaultsStream : public QObject {
    Q_OBJECT

private slots:
    void cutMidEvent_data();
    void cutMidEvent();
};

void TstFaultsStream::cutMidEvent_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<bool>("stateChanged");
    QTest::newRow("inside the first data line")
        << kPlainHead << QByteArray("data: {\"content\":{\"parts\":[{\"functionCa") << true;
    QTest::newRow("inside the final text")
        << kPlainHead << kCall + "data: {\"content\":{\"parts\":[{\"text\":\"Removed 3 pau" << true;
    QTest::newRow("event without its blank line")
        << kPlainHead
        << kCall + "data: {\"content\":{\"parts\":[{\"text\":\"Done.\"}]}," +
               "\"turnComplete\":true}\n"
        << true;
    QTest::newRow("inside chunk framing")
        << kChunkedHead << chunk(kCall) + "40\r\ndata: {\"content\":" << true;
    QTest::newRow("split UTF-8 then cut")
        << kPlainHead << QByteArray("data: {\"content\":{\"parts\":[{\"text\":\"\xe4\xb8") << true;
    QTest::newRow("cut, nothing saved")
        << kChunkedHead << chunk(kCall) + "30\r\ndata: {\"content\":{\"par" << false;
}

void TstFaultsStream::cutMidEvent()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, stream);
    QFETCH(bool, stateChanged);
    CutServer server(head, stream, stateChanged);
    ApiClient api;
    api.setBaseUrl(server.url());
    api.setToken(QStringLiteral("t"));
    AgentStream agent(&api, QStringLiteral("ses_1"));
    agent.setPreviousDraft(*Draft::fromBytes(draftWithClip(false)));
    QStringList texts, failures;
    QList<int> codes;
    int finished = 0, states = 0;
    connect(&agent, &AgentStream::text, this, [&](const QString& t, bool partial) {
        if (!partial)
            texts << t;
    });
    connect(&agent, &AgentStream::failed, this, [&](const QString& m, int code) {
        failures << m;
        codes << code;
    });
    connect(&agent, &AgentStream::stateFetched, this, [&](const SessionState&) { ++states; });
    connect(&agent, &AgentStream::finished, this, [&] { ++finished; });
    agent.start(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 15000);
    QCOMPARE(server.statePolls, 1);
    QCOMPARE(states, 1);
    if (stateChanged) {
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(" | ")));
        QCOMPARE(texts.size(), 1);
        QVERIFY2(texts.first().contains("interrupted") || texts.first().contains("segment"),
                 qPrintable(texts.first()));
    } else {
        QVERIFY(texts.isEmpty());
        QCOMPARE(failures.size(), 1);
        QCOMPARE(codes.first(), int(ErrorCode::NetworkError));
        QVERIFY2(failures.first().contains("Nothing changed"), qPrintable(failures.first()));
    }
    QTest::qWait(100);
    QCOMPARE(finished, 1);
}

QTEST_GUILESS_MAIN(TstFaultsStream)
#include "tst_faults_stream.moc"
