// URL uploads ({"urls":[...]}) and their SSRF rules. The address classification is a pure
// table; resolveTarget is checked on numeric hosts and localhost (no DNS needed). Then a real
// engine fetches from a small local web server (LocalHttpServer): with
// CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS=1 a clip is ingested (also through a redirect); a
// second engine without it refuses loopback links before any request is made; other
// schemes, redirects to them, redirect loops, HTTP errors, non-media, an oversized body
// (declared or streamed) and a client that hangs up all end with nothing stored.
#include "EngineClient.h"
#include "LocalHttpServer.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include "server/UrlFetch.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw::engine;
using namespace cw::test;

Q_DECLARE_METATYPE(cw::engine::AddressClass)

class TstUrlFetch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void classify_data();
    void classify();
    void allowed();
    void resolve_data();
    void resolve();
    void connectsToCheckedAddress();
    void fetchesClip_data();
    void fetchesClip();
    void refusedWithoutAllowPrivate_data();
    void refusedWithoutAllowPrivate();
    void refused_data();
    void refused();
    void oversized_data();
    void oversized();
    void clientHangsUp();

private:
    static QJsonObject urlsBody(const QStringList& urls)
    {
        return QJsonObject{{"urls", QJsonArray::fromStringList(urls)}, {"source_type", "url"}};
    }
    static HttpReply postUrls(TestEngine& engine, const QString& sid, const QStringList& urls)
    {
        return EngineClient(engine.baseUrl(), engine.token())
            .postJson("/api/upload-video/nemo_agent/me/" + sid, urlsBody(urls));
    }
    static int filesIn(const TestEngine& engine, const char* dir)
    {
        return QDir(engine.dataDir() + QLatin1Char('/') + QLatin1String(dir))
            .entryList(QDir::Files)
            .size();
    }

    QTemporaryDir m_tmp;
    QByteArray m_clipBytes;
    std::unique_ptr<LocalHttpServer> m_web;
    TestEngine m_allowing; // CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS=1
    TestEngine m_strict;
};

void TstUrlFetch::initTestCase()
{
    QString error;
    const QString clip = m_tmp.filePath("clip.mp4");
    QVERIFY2(!makeSpeechClip(clip, 0.5, 1, 160, 90, &error).isEmpty(), qPrintable(error));
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_clipBytes = f.readAll();
    QFile text(m_tmp.filePath("notes.mp4"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write(QByteArray("this is not a video, whatever the name says\n").repeated(100));
    text.close();
    QFile::copy(clip, m_tmp.filePath("noext"));
    m_web = std::make_unique<LocalHttpServer>(m_tmp.path());
    QVERIFY(m_web->port() > 0);
    m_allowing.setEnv("CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS", "1");
    QVERIFY2(m_allowing.start(&error), qPrintable(error));
    QVERIFY2(m_strict.start(&error), qPrintable(error));
}

void TstUrlFetch::classify_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<AddressClass>("expected");
    using C = AddressClass;
    const QList<QPair<const char*, C>> rows{
        {"8.8.8.8", C::Public},
        {"93.184.216.34", C::Public},
        {"1.1.1.1", C::Public},
        {"172.15.255.255", C::Public},
        {"172.32.0.1", C::Public},
        {"192.167.1.1", C::Public},
        {"169.253.1.1", C::Public},
        {"100.63.255.255", C::Public},
        {"100.128.0.1", C::Public},
        {"223.255.255.255", C::Public},
        {"127.0.0.1", C::Loopback},
        {"127.255.255.254", C::Loopback},
        {"10.0.0.1", C::Private},
        {"10.255.255.255", C::Private},
        {"172.16.0.1", C::Private},
        {"172.31.255.255", C::Private},
        {"192.168.0.1", C::Private},
        {"100.64.0.1", C::Private},
        {"169.254.169.254", C::LinkLocal},
        {"0.0.0.0", C::Unspecified},
        {"0.1.2.3", C::Unspecified},
        {"224.0.0.1", C::Multicast},
        {"239.255.255.250", C::Multicast},
        {"240.0.0.1", C::Reserved},
        {"255.255.255.255", C::Reserved},
        {"2606:4700:4700::1111", C::Public},
        {"2001:4860:4860::8888", C::Public},
        {"::1", C::Loopback},
        {"::", C::Unspecified},
        {"fc00::1", C::Private},
        {"fd12:3456::1", C::Private},
        {"fe80::1", C::LinkLocal},
        {"febf::1", C::LinkLocal},
        {"fec0::1", C::Private},
        {"ff02::1", C::Multicast},
        {"::ffff:127.0.0.1", C::Loopback},
        {"::ffff:10.1.2.3", C::Private},
        {"::ffff:8.8.8.8", C::Public},
        {"::127.0.0.1", C::Loopback},
        {"64:ff9b::a9fe:a9fe", C::LinkLocal},
        {"64:ff9b::808:808", C::Public},
        {"", C::Invalid},
        {"localhost", C::Invalid},
        {"127.1", C::Invalid},
        {"2130706433", C::Invalid},
        {"1.2.3.4.5", C::Invalid},
        {"256.1.1.1", C::Invalid},
        {"fe80::1%eth0", C::Invalid},
        {"[::1]", C::Invalid},
    };
    for (const auto& [address, expected] : rows)
        QTest::newRow(*address ? address : "empty") << QString::fromLatin1(address) << expected;
}

void TstUrlFetch::classify()
{
    QFETCH(QString, address);
    QFETCH(AddressClass, expected);
    QCOMPARE(classifyAddress(address.toStdString()), expected);
}

void TstUrlFetch::allowed()
{
    using C = AddressClass;
    for (C c : {C::Loopback, C::Private, C::LinkLocal}) {
        QVERIFY(!isFetchAllowed(c, false));
        QVERIFY(isFetchAllowed(c, true));
    }
    for (C c : {C::Unspecified, C::Multicast, C::Reserved, C::Invalid}) {
        QVERIFY(!isFetchAllowed(c, false));
        QVERIFY(!isFetchAllowed(c, true)); // never, not even with the option
    }
    QVERIFY(isFetchAllowed(C::Public, false));
}

void TstUrlFetch::resolve_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowPrivate");
    QTest::addColumn<QString>("ip");      // the address connected to; empty: refused
    QTest::addColumn<QString>("message"); // part of the refusal
    QTest::newRow("public v4") << "http://93.184.216.34/a.mp4" << false << "93.184.216.34"
                               << "";
    QTest::newRow("public v6") << "https://[2606:4700:4700::1111]/x" << false
                               << "2606:4700:4700::1111"
                               << "";
    QTest::newRow("file") << "file:///etc/passwd" << true << ""
                          << "Only http:// and https://";
    QTest::newRow("ftp") << "ftp://93.184.216.34/a.mp4" << true << ""
                         << "not ftp:";
    QTest::newRow("gopher") << "gopher://93.184.216.34/" << true << ""
                            << "not gopher:";
    QTest::newRow("data") << "data:video/mp4;base64,AAAA" << true << ""
                          << "not data:";
    QTest::newRow("relative") << "/etc/passwd" << true << ""
                              << "not a valid link";
    QTest::newRow("no host") << "http:///a.mp4" << true << ""
                             << "no server name";
    QTest::newRow("userinfo") << "http://u:p@93.184.216.34/" << true << ""
                              << "password";
    QTest::newRow("localhost") << "http://localhost/" << false << ""
                               << "localhost";
    QTest::newRow("sub.localhost") << "http://a.localhost/" << false << ""
                                   << "localhost";
    QTest::newRow("127.0.0.1") << "http://127.0.0.1:8080/" << false << ""
                               << "loopback";
    QTest::newRow("decimal 127") << "http://2130706433/" << false << ""
                                 << "loopback";
    QTest::newRow("short 127") << "http://127.1/" << false << ""
                               << "loopback";
    QTest::newRow("::1") << "http://[::1]/" << false << ""
                         << "loopback";
    QTest::newRow("mapped") << "http://[::ffff:127.0.0.1]/" << false << ""
                            << "loopback";
    QTest::newRow("metadata") << "http://169.254.169.254/latest/meta-data/" << false << ""
                              << "link-local";
    QTest::newRow("10/8") << "http://10.0.0.5/" << false << ""
                          << "private";
    QTest::newRow("192.168") << "https://192.168.1.1/" << false << ""
                             << "private";
    QTest::newRow("ula") << "http://[fd00::1]/" << false << ""
                         << "private";
    QTest::newRow("fe80") << "http://[fe80::1]/" << false << ""
                          << "link-local";
    QTest::newRow("0.0.0.0") << "http://0.0.0.0/" << true << ""
                             << "unspecified";
    QTest::newRow("multicast") << "http://224.0.0.1/" << true << ""
                               << "multicast";
    QTest::newRow("broadcast") << "http://255.255.255.255/" << true << ""
                               << "reserved";
    QTest::newRow("allowed 127") << "http://127.0.0.1:9/" << true << "127.0.0.1"
                                 << "";
    QTest::newRow("allowed localhost") << "http://localhost:9/" << true << ""
                                       << "";
    QTest::newRow("allowed 10/8") << "http://10.0.0.5/" << true << "10.0.0.5"
                                  << "";
}

void TstUrlFetch::resolve()
{
    QFETCH(QString, url);
    QFETCH(bool, allowPrivate);
    QFETCH(QString, ip);
    QFETCH(QString, message);
    FetchTarget target;
    FetchError error;
    const bool ok = resolveTarget(QUrl(url), allowPrivate, &target, &error);
    if (!message.isEmpty()) {
        QVERIFY(!ok);
        QCOMPARE(error.code, 4000);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        return;
    }
    QVERIFY2(ok, qPrintable(error.message));
    if (!ip.isEmpty())
        QCOMPARE(QString::fromStdString(target.ip), ip);
    else
        QCOMPARE(classifyAddress(target.ip), AddressClass::Loopback);
    QCOMPARE(target.https, url.startsWith("https"));
}

// The connection goes to the address that was checked, not to a second lookup of the name:
// a name that does not resolve at all still reaches the server, with its own Host header.
void TstUrlFetch::connectsToCheckedAddress()
{
    FetchTarget target;
    target.url =
        QUrl(QStringLiteral("http://no-such-host.invalid:%1/files/clip.mp4").arg(m_web->port()));
    target.host = "no-such-host.invalid";
    target.ip = "127.0.0.1";
    target.port = m_web->port();
    FetchOptions options;
    options.allowPrivate = true;
    FetchedFile file;
    FetchError error;
    QTemporaryDir tmp;
    QVERIFY2(fetchToFile(target, tmp.path(), options, &file, &error), qPrintable(error.message));
    QCOMPARE(m_web->lastHost(), "no-such-host.invalid:" + std::to_string(m_web->port()));
    QCOMPARE(file.size, qint64(m_clipBytes.size()));
    QCOMPARE(file.fileName, QStringLiteral("clip.mp4"));
    QFile f(file.tempPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), m_clipBytes);
    f.remove();

    // The cap applies to the bytes received, whatever the server declares.
    options.maxBytes = 1000;
    QVERIFY(!fetchToFile(target, tmp.path(), options, &file, &error));
    QCOMPARE(error.code, 4002);
    QVERIFY(QDir(tmp.path()).isEmpty());
}

void TstUrlFetch::fetchesClip_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("direct") << "/files/clip.mp4"
                            << "clip.mp4";
    QTest::newRow("redirect") << "/redirect?to=/files/clip.mp4"
                              << "clip.mp4";
    QTest::newRow("no extension") << "/files/noext"
                                  << "noext";
}

void TstUrlFetch::fetchesClip()
{
    QFETCH(QString, path);
    QFETCH(QString, fileName);
    const QString sid = EngineClient(m_allowing.baseUrl(), m_allowing.token()).createSession();
    const HttpReply r = postUrls(m_allowing, sid, {m_web->url(path)});
    QCOMPARE(r.status, 200);
    QVERIFY2(r.code() == 0, r.body.constData());
    const QJsonArray files = r.data().value("files").toArray();
    QCOMPARE(files.size(), 1);
    const QJsonObject f = files.first().toObject();
    QCOMPARE(f.value("filename").toString(), fileName);
    QCOMPARE(f.value("file_type").toString(), QStringLiteral("video"));
    QVERIFY(f.value("duration").toDouble() > 1.0);
    QCOMPARE(f.value("hash").toString(),
             QString::fromLatin1(
                 QCryptographicHash::hash(m_clipBytes, QCryptographicHash::Sha256).toHex()));
    const QJsonObject draft = EngineClient(m_allowing.baseUrl(), m_allowing.token())
                                  .state(sid)
                                  .data()
                                  .value("state")
                                  .toObject()
                                  .value("draft")
                                  .toObject();
    QCOMPARE(draft.value("t").toArray().first().toObject().value("sg").toArray().size(), 1);
    QCOMPARE(filesIn(m_allowing, "tmp"), 0);
}

void TstUrlFetch::refusedWithoutAllowPrivate_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("message");
    QTest::newRow("127.0.0.1") << "127.0.0.1"
                               << "loopback";
    QTest::newRow("localhost") << "localhost"
                               << "localhost";
    QTest::newRow("decimal") << "2130706433"
                             << "loopback";
    QTest::newRow("[::ffff:127.0.0.1]") << "[::ffff:127.0.0.1]"
                                        << "loopback";
}

void TstUrlFetch::refusedWithoutAllowPrivate()
{
    QFETCH(QString, host);
    QFETCH(QString, message);
    const QString sid = EngineClient(m_strict.baseUrl(), m_strict.token()).createSession();
    const int hits = m_web->totalHits();
    const int media = filesIn(m_strict, "media");
    const HttpReply r = postUrls(m_strict, sid, {m_web->url("/files/clip.mp4", host)});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), 4000);
    QVERIFY2(r.json.value("message").toString().contains(message), r.body.constData());
    QCOMPARE(m_web->totalHits(), hits); // never asked
    QCOMPARE(filesIn(m_strict, "media"), media);
    QCOMPARE(filesIn(m_strict, "tmp"), 0);
}

void TstUrlFetch::refused_data()
{
    QTest::addColumn<QByteArray>("body"); // %1: the web server's base URL
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("file") << QByteArray(R"({"urls":["file:///etc/passwd"]})") << 400 << 4000
                          << "Only http";
    QTest::newRow("ftp") << QByteArray(R"({"urls":["ftp://%1/files/clip.mp4"]})") << 400 << 4000
                         << "not ftp:";
    QTest::newRow("redirect to file")
        << QByteArray(R"({"urls":["http://%1/redirect?to=file:///etc/passwd"]})") << 200 << 4000
        << "redirects to a place";
    QTest::newRow("redirect to metadata")
        << QByteArray(R"({"urls":["http://%1/redirect?to=http://0.0.0.0/"]})") << 200 << 4000
        << "unspecified";
    QTest::newRow("redirect loop")
        << QByteArray(R"({"urls":["http://%1/loop"]})") << 200 << 4000 << "too many";
    QTest::newRow("404") << QByteArray(R"({"urls":["http://%1/status/404"]})") << 200 << 4000
                         << "HTTP 404";
    QTest::newRow("not media") << QByteArray(R"({"urls":["http://%1/files/notes.mp4"]})") << 200
                               << 4001 << "notes.mp4";
    QTest::newRow("one bad of two")
        << QByteArray(R"({"urls":["http://%1/files/clip.mp4","http://%1/files/notes.mp4"]})") << 200
        << 4001 << "notes.mp4";
    QTest::newRow("not a list") << QByteArray(R"({"urls":"http://%1/files/clip.mp4"})") << 400
                                << 4000 << "1 to 10";
    QTest::newRow("empty list") << QByteArray(R"({"urls":[]})") << 400 << 4000 << "1 to 10";
    QTest::newRow("number") << QByteArray(R"({"urls":[42]})") << 400 << 4000 << "must be a link";
    QTest::newRow("not json") << QByteArray("urls=http://x") << 400 << 4000 << "1 to 10";
    QTest::newRow("too many") << QByteArray(
                                     R"({"urls":[)" +
                                     QByteArray(R"("http://%1/a",)").repeated(11).chopped(1) + "]}")
                              << 400 << 4000 << "1 to 10";
}

void TstUrlFetch::refused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(int, code);
    QFETCH(QString, message);
    EngineClient client(m_allowing.baseUrl(), m_allowing.token());
    const QString sid = client.createSession();
    const int media = filesIn(m_allowing, "media");
    body.replace("%1", QStringLiteral("127.0.0.1:%1").arg(m_web->port()).toUtf8());
    const HttpReply r = client.post("/api/upload-video/nemo_agent/me/" + sid, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.code(), code);
    QVERIFY2(r.json.value("message").toString().contains(message), r.body.constData());
    QCOMPARE(filesIn(m_allowing, "media"), media);
    QCOMPARE(filesIn(m_allowing, "tmp"), 0);
    QCOMPARE(client.state(sid).data().value("version").toInt(), 1);
}

void TstUrlFetch::oversized_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("declared 600 MiB") << "/lie";
    QTest::newRow("streamed past 500 MiB") << "/endless";
}

void TstUrlFetch::oversized()
{
    QFETCH(QString, path);
    const QString sid = EngineClient(m_allowing.baseUrl(), m_allowing.token()).createSession();
    const int media = filesIn(m_allowing, "media");
    QElapsedTimer timer;
    timer.start();
    const HttpReply r = postUrls(m_allowing, sid, {m_web->url(path)});
    QCOMPARE(r.code(), 4002);
    QVERIFY2(r.json.value("message").toString().contains("500 MB"), r.body.constData());
    QCOMPARE(filesIn(m_allowing, "media"), media);
    QCOMPARE(filesIn(m_allowing, "tmp"), 0);
    qInfo("%s: %lld ms", qPrintable(path), timer.elapsed());
}

// A client that leaves mid-download: the engine notices on its next keep-alive byte, stops
// reading from the web server and keeps nothing.
void TstUrlFetch::clientHangsUp()
{
    const QString sid = EngineClient(m_allowing.baseUrl(), m_allowing.token()).createSession();
    const QByteArray body =
        QJsonDocument(urlsBody({m_web->url("/endless")})).toJson(QJsonDocument::Compact);
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", quint16(m_allowing.port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /api/upload-video/nemo_agent/me/" + sid.toUtf8() +
                 " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_allowing.token().toUtf8() +
                 "\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(socket.waitForBytesWritten(5000));
    QTRY_VERIFY_WITH_TIMEOUT(m_web->endlessSent() > 20u * 1024 * 1024, 20000);
    socket.abort();
    QTest::qWait(3000);
    const size_t after = m_web->endlessSent();
    QTest::qWait(1000);
    QCOMPARE(m_web->endlessSent(), after); // the engine stopped reading
    QVERIFY(after < size_t(400) * 1024 * 1024);
    QTRY_COMPARE_WITH_TIMEOUT(filesIn(m_allowing, "tmp"), 0, 5000);
    QCOMPARE(EngineClient(m_allowing.baseUrl(), m_allowing.token())
                 .state(sid)
                 .data()
                 .value("version")
                 .toInt(),
             1);
}

QTEST_GUILESS_MAIN(TstUrlFetch)
#include "tst_urlfetch.moc"
