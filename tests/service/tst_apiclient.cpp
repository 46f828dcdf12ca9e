// ApiClient: what goes on the wire and how answers map to envelopes. Envelope errors come
// from the real engine (wrong token, unknown session/job, a non-media upload, a closed
// port). Header checks need to see the raw request, so a QTcpServer in the test records it
// and answers with a fixed 200 (or not at all, for the timeout case).
#include "EngineFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;
using namespace cw::test;

namespace {

// Records raw requests; answers each with `response` unless it is empty.
class Recorder : public QObject {
public:
    explicit Recorder(QByteArray response) : m_response(std::move(response))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    QList<QByteArray> heads; // request line + headers of each complete request

private:
    void onData(QTcpSocket* s)
    {
        QByteArray& buf = m_buffers[s];
        buf += s->readAll();
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buf.left(end);
        qint64 length = 0;
        for (const QByteArray& line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buf.size() < end + 4 + length)
            return;
        buf.clear();
        heads << head;
        if (!m_response.isEmpty()) {
            s->write(m_response);
            s->flush();
            s->disconnectFromHost();
        }
    }
    QTcpServer m_server;
    QByteArray m_response;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

const QByteArray kOk = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                       "35\r\nConnection: close\r\n\r\n{\"code\":0,\"message\":\"ok\",\"data\":{}}";

bool hasHeader(const QByteArray& head, const QByteArray& name, const QByteArray& value)
{
    for (const QByteArray& line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower() &&
            line.mid(colon + 1).trimmed() == value)
            return true;
    }
    return false;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

} // namespace

class TestApiClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void headersOnEveryRequest_data();
    void headersOnEveryRequest();
    void tokenOnlyForTheBaseOrigin();
    void resolve_data();
    void resolve();
    void engineErrors_data();
    void engineErrors();
    void timeoutAndAbort();
    void uploadProgressAndDownloadReplace();

private:
    EngineFixture m_engine;
    QTemporaryDir m_tmp;
    QString m_session;
    const QString m_token = QStringLiteral("tok-%1").arg(QString(64, QLatin1Char('z')));
};

void TestApiClient::initTestCase()
{
    QVERIFY2(m_engine.start(), qPrintable(m_engine.error));
    m_session = m_engine.createSession();
    QVERIFY(!m_session.isEmpty());
}

void TestApiClient::headersOnEveryRequest_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("get") << "get" << QByteArray("GET");
    QTest::newRow("post json") << "post" << QByteArray("POST");
    QTest::newRow("upload") << "upload" << QByteArray("POST");
    QTest::newRow("download") << "download" << QByteArray("GET");
}

void TestApiClient::headersOnEveryRequest()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, method);
    Recorder rec(kOk);
    ApiClient api;
    api.setBaseUrl(QUrl(rec.url()));
    api.setToken(m_token);
    api.setPlatform(QStringLiteral("linux-test"));
    QSignalSpy started(&api, &ApiClient::requestStarted);
    ApiCall* call = nullptr;
    if (kind == QLatin1String("get"))
        call = api.get(QStringLiteral("/api/x?y=1"));
    else if (kind == QLatin1String("post"))
        call = api.postJson(QStringLiteral("/api/x"), QJsonObject{{QStringLiteral("a"), 1}});
    else if (kind == QLatin1String("upload"))
        call = api.uploadFile(QStringLiteral("/api/x"),
                              writeFile(m_tmp, QStringLiteral("a \"q\".mp4"), "data"));
    else
        call = api.download(QStringLiteral("/api/x"), m_tmp.filePath(QStringLiteral("dl.bin")));
    const Envelope e = EngineFixture::wait(call);
    QVERIFY2(e.ok, qPrintable(e.message));
    QCOMPARE(rec.heads.size(), 1);
    const QByteArray head = rec.heads.first();
    QVERIFY(head.startsWith(QByteArray(method + " /api/x")));
    QVERIFY(hasHeader(head, "Authorization", "Bearer " + m_token.toUtf8()));
    QVERIFY(hasHeader(head, "X-Skill-Source", "clipwright"));
    QVERIFY(hasHeader(head, "X-Skill-Version", CLIPWRIGHT_VERSION));
    QVERIFY(hasHeader(head, "X-Skill-Platform", "linux-test"));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toString(),
             QString::fromLatin1(QByteArray(method + " /api/x")));
    QVERIFY(!started.first().first().toString().contains(m_token));
}

void TestApiClient::tokenOnlyForTheBaseOrigin()
{
    Recorder rec(kOk);
    ApiClient api;
    api.setBaseUrl(m_engine.engine.baseUrl());
    api.setToken(m_token);
    QVERIFY(EngineFixture::wait(api.download(rec.url() + QStringLiteral("/cdn/a.mp4"),
                                             m_tmp.filePath(QStringLiteral("cdn.mp4"))))
                .ok);
    QCOMPARE(rec.heads.size(), 1);
    QVERIFY(!rec.heads.first().contains(m_token.toUtf8()));
    QVERIFY(!rec.heads.first().toLower().contains("authorization"));
    QVERIFY(hasHeader(rec.heads.first(), "X-Skill-Source", "clipwright"));
    // Default platform when none is configured.
    QVERIFY(hasHeader(rec.heads.first(), "X-Skill-Platform", "unknown"));
}

void TestApiClient::resolve_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "http://127.0.0.1:5"
                           << "/health"
                           << "http://127.0.0.1:5/health";
    QTest::newRow("base with slash") << "http://h:5/"
                                     << "/a"
                                     << "http://h:5/a";
    QTest::newRow("base with prefix") << "https://h/v1/"
                                      << "/a?b=c"
                                      << "https://h/v1/a?b=c";
    QTest::newRow("no leading slash") << "http://h"
                                      << "a/b"
                                      << "http://h/a/b";
    QTest::newRow("absolute") << "http://h"
                              << "http://other:9/files/x"
                              << "http://other:9/files/x";
}

void TestApiClient::resolve()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    ApiClient api;
    api.setBaseUrl(QUrl(base));
    QCOMPARE(api.resolve(path).toString(), expected);
}

void TestApiClient::engineErrors_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("code");
    QTest::newRow("wrong token") << "wrong-token" << int(ErrorCode::TokenInvalid);
    QTest::newRow("unknown session") << "unknown-session" << int(ErrorCode::SessionNotFound);
    QTest::newRow("unknown render job") << "unknown-job" << int(ErrorCode::NotFound);
    QTest::newRow("not media") << "not-media" << int(ErrorCode::UnsupportedFile);
    QTest::newRow("port closed") << "closed" << int(ErrorCode::NetworkError);
    QTest::newRow("missing file") << "missing-file" << int(ErrorCode::NotFound);
}

void TestApiClient::engineErrors()
{
    QFETCH(QString, request);
    QFETCH(int, code);
    ApiClient api;
    api.setBaseUrl(m_engine.engine.baseUrl());
    api.setToken(m_engine.engine.token());
    ApiCall* call = nullptr;
    if (request == QLatin1String("wrong-token")) {
        api.setToken(m_token);
        call = api.get(QStringLiteral("/api/state/nemo_agent/me/%1/latest").arg(m_session));
    } else if (request == QLatin1String("unknown-session")) {
        call = api.get(QStringLiteral("/api/state/nemo_agent/me/nope/latest"));
    } else if (request == QLatin1String("unknown-job")) {
        call = api.get(QStringLiteral("/api/render/proxy/lambda/render_0"));
    } else if (request == QLatin1String("not-media")) {
        call = api.uploadFile(QStringLiteral("/api/upload-video/nemo_agent/me/%1").arg(m_session),
                              writeFile(m_tmp, QStringLiteral("fake.mp4"), "not a video"));
    } else if (request == QLatin1String("closed")) {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        api.setToken(m_token);
        call = api.get(QStringLiteral("/health"));
    } else {
        call = api.uploadFile(QStringLiteral("/api/upload-video/nemo_agent/me/%1").arg(m_session),
                              m_tmp.filePath(QStringLiteral("does-not-exist.mp4")));
    }
    const Envelope e = EngineFixture::wait(call);
    QVERIFY(!e.ok);
    QCOMPARE(e.code, code);
    const ErrorInfo info = describeError(e.httpStatus, e.code, e.message);
    QVERIFY(!info.message.isEmpty());
    QVERIFY(!info.message.contains(m_token));
    QVERIFY(!e.message.contains(m_token));
    QVERIFY(!info.message.contains(m_engine.engine.token()));
    QVERIFY(!e.message.contains(m_engine.engine.token()));
}

void TestApiClient::timeoutAndAbort()
{
    Recorder silent{QByteArray()};
    ApiClient api;
    api.setBaseUrl(QUrl(silent.url()));
    api.setToken(m_token);
    api.setRequestTimeout(300);
    QElapsedTimer t;
    t.start();
    Envelope e = EngineFixture::wait(api.get(QStringLiteral("/slow")), 5000);
    QCOMPARE(e.code, int(ErrorCode::Timeout));
    QVERIFY(t.elapsed() < 4000);
    QVERIFY(!describeError(e.httpStatus, e.code, e.message).message.contains(m_token));

    api.setRequestTimeout(60000);
    QPointer<ApiCall> call = api.get(QStringLiteral("/slow"));
    int finished = 0;
    connect(call, &ApiCall::finished, this, [&](const Envelope& env) {
        e = env;
        ++finished;
    });
    QTRY_COMPARE(silent.heads.size(), 2);
    call->abort();
    call->abort(); // twice is harmless
    QCOMPARE(finished, 1);
    QCOMPARE(e.code, int(ErrorCode::Cancelled));
    QTRY_VERIFY(call.isNull()); // deletes itself after finishing
}

void TestApiClient::uploadProgressAndDownloadReplace()
{
    // A real clip so the engine accepts it.
    const QString clip = m_tmp.filePath(QStringLiteral("tone.wav"));
    QString err;
    QVERIFY2(runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("sine=frequency=440:duration=2"), clip},
                       &err),
             qPrintable(err));
    ApiCall* up = m_engine.api->uploadFile(
        QStringLiteral("/api/upload-video/nemo_agent/me/%1").arg(m_session), clip);
    QSignalSpy progress(up, &ApiCall::progress);
    const Envelope e = EngineFixture::wait(up);
    QVERIFY2(e.ok, qPrintable(e.message));
    QVERIFY(!progress.isEmpty());
    const qint64 total = progress.last().at(1).toLongLong();
    QVERIFY(total > QFileInfo(clip).size());
    QCOMPARE(progress.last().at(0).toLongLong(), total);
    const QJsonObject file =
        e.data.toObject().value(QStringLiteral("files")).toArray().first().toObject();
    const QString url = file.value(QStringLiteral("cdn_url")).toString();
    QVERIFY(url.startsWith(m_engine.engine.baseUrl().toString()));

    // A failing download leaves an existing destination alone and no .part behind.
    const QString dest = writeFile(m_tmp, QStringLiteral("keep.wav"), "old content");
    Envelope bad =
        EngineFixture::wait(m_engine.api->download(url + QStringLiteral("-missing"), dest));
    QVERIFY(!bad.ok);
    QFile kept(dest);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("old content"));
    kept.close();
    QVERIFY(!QFile::exists(dest + QStringLiteral(".part")));

    // A good one replaces it with the uploaded bytes.
    const Envelope good = EngineFixture::wait(m_engine.api->download(url, dest));
    QVERIFY2(good.ok, qPrintable(good.message));
    QFile a(clip), b(dest);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), a.readAll());
    QVERIFY(!QFile::exists(dest + QStringLiteral(".part")));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
