// EditorSession::uploadUrls against the real engine fetching from a small local web server
// (tests/engine/LocalHttpServer.h): the engine runs with CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS=1
// so it may fetch from 127.0.0.1; a second, strict engine refuses the same link. Checks the
// signals (started, indeterminate progress, finished with the clip, failed with the engine's
// reason), client-side refusals that never reach the network, and cancel mid-download.
#include "EditorSession.h"
#include "EngineFixture.h"

#include "../engine/LocalHttpServer.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;
using namespace cw::test;

class TestUrlUpload : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void uploadsLink();
    void refusedOnTheClient_data();
    void refusedOnTheClient();
    void refusedByTheEngine_data();
    void refusedByTheEngine();
    void cancelMidDownload();

private:
    std::unique_ptr<EditorSession> readySession(EngineFixture& f);
    static int filesIn(const TestEngine& engine, const char* dir)
    {
        return QDir(engine.dataDir() + QLatin1Char('/') + QLatin1String(dir))
            .entryList(QDir::Files)
            .size();
    }

    QTemporaryDir m_tmp;
    std::unique_ptr<LocalHttpServer> m_web;
    EngineFixture m_allowing;
    EngineFixture m_strict;
};

void TestUrlUpload::initTestCase()
{
    QString error;
    QVERIFY2(!makeSpeechClip(m_tmp.filePath(QStringLiteral("clip.mp4")), 0.5, 1, 160, 90, &error)
                  .isEmpty(),
             qPrintable(error));
    QFile text(m_tmp.filePath(QStringLiteral("notes.mp4")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write(QByteArray("plain text, not a video\n").repeated(50));
    text.close();
    m_web = std::make_unique<LocalHttpServer>(m_tmp.path());
    m_allowing.engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS"),
                             QStringLiteral("1"));
    QVERIFY2(m_allowing.start(), qPrintable(m_allowing.error));
    QVERIFY2(m_strict.start(), qPrintable(m_strict.error));
}

std::unique_ptr<EditorSession> TestUrlUpload::readySession(EngineFixture& f)
{
    auto session = std::make_unique<EditorSession>(f.api.get());
    QSignalSpy ready(session.get(), &EditorSession::ready);
    session->start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, 10000))
        return nullptr;
    return session;
}

void TestUrlUpload::uploadsLink()
{
    auto session = readySession(m_allowing);
    QVERIFY(session);
    const QString link = m_web->url(QStringLiteral("/files/clip.mp4"));
    QSignalSpy started(session.get(), &EditorSession::uploadStarted);
    QSignalSpy progress(session.get(), &EditorSession::uploadProgress);
    QSignalSpy finished(session.get(), &EditorSession::uploadFinished);
    QSignalSpy failed(session.get(), &EditorSession::uploadFailed);
    QSignalSpy requests(m_allowing.api.get(), &ApiClient::requestStarted);
    session->uploadUrls({QUrl(link)});
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toString(), link);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.first().at(0).toString(), link);
    QCOMPARE(progress.first().at(2).toLongLong(), -1); // indeterminate
    const MediaItem item = finished.first().first().value<MediaItem>();
    QCOMPARE(item.fileName, QStringLiteral("clip.mp4"));
    QVERIFY(item.durationMs > 1000);
    QCOMPARE(m_web->hits("/files/clip.mp4"), 1);
    QCOMPARE(requests.first().first().toString(),
             QStringLiteral("POST /api/upload-video/nemo_agent/me/") + session->sessionId());
    QTRY_VERIFY_WITH_TIMEOUT(session->draft().isExportable(), 10000);
    QCOMPARE(session->media().size(), 1);
}

void TestUrlUpload::refusedOnTheClient_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd")) << "Only http";
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://example.com/a.mp4")) << "Only http";
    QTest::newRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)")) << "Only http";
    QTest::newRow("no host") << QUrl(QStringLiteral("http:///a.mp4")) << "Only http";
    QTest::newRow("empty") << QUrl() << "Only http";
    QTest::newRow("userinfo") << QUrl(QStringLiteral("https://bob:hunter2@example.com/a.mp4"))
                              << "password";
}

void TestUrlUpload::refusedOnTheClient()
{
    QFETCH(QUrl, url);
    QFETCH(QString, message);
    auto session = readySession(m_allowing);
    QVERIFY(session);
    QSignalSpy failed(session.get(), &EditorSession::uploadFailed);
    QSignalSpy started(session.get(), &EditorSession::uploadStarted);
    QSignalSpy requests(m_allowing.api.get(), &ApiClient::requestStarted);
    session->uploadUrls({url});
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().at(1).toString().contains(message),
             qPrintable(failed.first().at(1).toString()));
    QVERIFY(!failed.first().at(0).toString().contains(QStringLiteral("hunter2")));
    QTest::qWait(100);
    QVERIFY(started.isEmpty());
    QVERIFY(requests.isEmpty());
}

void TestUrlUpload::refusedByTheEngine_data()
{
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("loopback on a strict engine") << true << "/files/clip.mp4"
                                                 << "loopback";
    QTest::newRow("not media") << false << "/files/notes.mp4"
                               << "not supported";
    QTest::newRow("too large") << false << "/lie"
                               << "500 MB";
    QTest::newRow("404") << false << "/status/404"
                         << "HTTP 404";
}

void TestUrlUpload::refusedByTheEngine()
{
    QFETCH(bool, strict);
    QFETCH(QString, path);
    QFETCH(QString, message);
    EngineFixture& f = strict ? m_strict : m_allowing;
    auto session = readySession(f);
    QVERIFY(session);
    const int media = filesIn(f.engine, "media");
    QSignalSpy failed(session.get(), &EditorSession::uploadFailed);
    QSignalSpy finished(session.get(), &EditorSession::uploadFinished);
    session->uploadUrls({QUrl(m_web->url(path))});
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !finished.isEmpty(), 30000);
    QVERIFY(finished.isEmpty());
    QCOMPARE(failed.first().at(0).toString(), m_web->url(path));
    QVERIFY2(failed.first().at(1).toString().contains(message),
             qPrintable(failed.first().at(1).toString()));
    QCOMPARE(filesIn(f.engine, "media"), media);
    QCOMPARE(filesIn(f.engine, "tmp"), 0);
    QVERIFY(session->media().isEmpty());
}

void TestUrlUpload::cancelMidDownload()
{
    auto session = readySession(m_allowing);
    QVERIFY(session);
    QSignalSpy failed(session.get(), &EditorSession::uploadFailed);
    QSignalSpy finished(session.get(), &EditorSession::uploadFinished);
    const size_t before = m_web->endlessSent();
    session->uploadUrls({QUrl(m_web->url(QStringLiteral("/endless")))});
    QTRY_VERIFY_WITH_TIMEOUT(m_web->endlessSent() > before + 20u * 1024 * 1024, 20000);
    session->cancelUploads();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("Upload cancelled."));
    QTest::qWait(3000); // the engine notices on its next keep-alive byte
    const size_t stopped = m_web->endlessSent();
    QTest::qWait(1000);
    QCOMPARE(m_web->endlessSent(), stopped);
    QTRY_COMPARE_WITH_TIMEOUT(filesIn(m_allowing.engine, "tmp"), 0, 5000);
    QVERIFY(finished.isEmpty());
    session->refreshState();
    QTest::qWait(500);
    QVERIFY(!session->draft().isExportable());
}

QTEST_GUILESS_MAIN(TestUrlUpload)
#include "tst_urlupload.moc"
