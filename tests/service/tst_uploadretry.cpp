// The cloud checks an upload's token and rate only after it has read the body, so the client
// must send the whole file again, not just retry the headers. The engine's upload faults
// (upload-expire-once, upload-rate-limit-once) answer 1001 / 429 once after reading the
// body; the client re-authenticates (CloudAuth's anonymous token) or waits (the shortened,
// injectable rate-limit wait) and the second attempt streams the file from disk again: the
// progress reaches the full size twice and the stored media has the file's sha256.
#include "CloudAuth.h"
#include "EditorSession.h"
#include "EngineFixture.h"
#include "TokenStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;
using namespace cw::test;

class TestUploadRetry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void retriesWithTheWholeFile_data();
    void retriesWithTheWholeFile();
    void secondFailureIsReported();

private:
    QTemporaryDir m_tmp;
    QString m_clip;
    QByteArray m_sha256;
};

namespace {
int countRequests(const QSignalSpy& spy, const QString& description)
{
    int n = 0;
    for (const auto& args : spy)
        n += args.first().toString() == description ? 1 : 0;
    return n;
}
} // namespace

void TestUploadRetry::initTestCase()
{
    m_clip = m_tmp.filePath(QStringLiteral("talk.mp4"));
    QString error;
    QVERIFY2(!makeSpeechClip(m_clip, 0.5, 1, 320, 180, &error).isEmpty(), qPrintable(error));
    QFile f(m_clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_sha256 = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

void TestUploadRetry::retriesWithTheWholeFile_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<QString>("between"); // a request between the two uploads, or ""
    QTest::addColumn<int>("waitMs");      // the client's rate-limit wait
    QTest::newRow("1001 after the body") << "allow-anonymous,upload-expire-once"
                                         << "POST /api/auth/anonymous-token" << 0;
    QTest::newRow("429 after the body") << "upload-rate-limit-once"
                                        << "" << 400;
}

void TestUploadRetry::retriesWithTheWholeFile()
{
    QFETCH(QString, faults);
    QFETCH(QString, between);
    QFETCH(int, waitMs);
    EngineFixture f;
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_FAULTS"), faults);
    QVERIFY2(f.start(), qPrintable(f.error));
    if (waitMs > 0)
        f.api->setRateLimitWait(waitMs);
    MemoryTokenStore store;
    CloudAuth auth(f.api.get(), &store, QStringLiteral("custom"));
    auth.setEnvironmentToken({});

    EditorSession session(f.api.get());
    QSignalSpy ready(&session, &EditorSession::ready);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);

    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    QSignalSpy notices(f.api.get(), &ApiClient::notice);
    QSignalSpy progress(&session, &EditorSession::uploadProgress);
    QSignalSpy finished(&session, &EditorSession::uploadFinished);
    QSignalSpy failed(&session, &EditorSession::uploadFailed);
    QElapsedTimer timer;
    timer.start();
    session.upload({m_clip});
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));

    const QString upload =
        QStringLiteral("POST /api/upload-video/nemo_agent/me/") + session.sessionId();
    QCOMPARE(countRequests(requests, upload), 2);
    if (!between.isEmpty()) {
        QVERIFY(countRequests(requests, between) >= 1); // 2 when the client id is new
        QCOMPARE(auth.source(), CloudAuth::Source::Anonymous);
    }
    if (waitMs > 0) {
        QVERIFY(timer.elapsed() >= waitMs);
        QCOMPARE(notices.size(), 1);
    }
    // The whole request body went out twice: progress reached its total on both attempts.
    int complete = 0;
    qint64 total = 0;
    for (const auto& args : std::as_const(progress)) {
        total = args.at(2).toLongLong();
        complete += total > 0 && args.at(1).toLongLong() == total ? 1 : 0;
    }
    QCOMPARE(complete, 2);
    QVERIFY(total > QFileInfo(m_clip).size());
    const MediaItem item = finished.first().first().value<MediaItem>();
    QCOMPARE(item.hash, QString::fromLatin1(m_sha256));
    QTRY_VERIFY_WITH_TIMEOUT(session.draft().isExportable(), 10000);
    QCOMPARE(session.media().size(), 1);
}

// Without a way to re-authenticate, the 1001 is the answer: reported once, nothing stored.
void TestUploadRetry::secondFailureIsReported()
{
    EngineFixture f;
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_FAULTS"),
                    QStringLiteral("upload-expire-once"));
    QVERIFY2(f.start(), qPrintable(f.error));
    EditorSession session(f.api.get());
    QSignalSpy ready(&session, &EditorSession::ready);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
    QSignalSpy finished(&session, &EditorSession::uploadFinished);
    QSignalSpy failed(&session, &EditorSession::uploadFailed);
    session.upload({m_clip});
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 30000);
    QCOMPARE(failed.size(), 1);
    QVERIFY(finished.isEmpty());
    QVERIFY(!failed.first().at(1).toString().contains(f.engine.token()));
    QTest::qWait(200);
    QVERIFY(session.media().isEmpty());
    QVERIFY(QDir(f.engine.dataDir() + QStringLiteral("/media")).isEmpty());
}

QTEST_GUILESS_MAIN(TestUploadRetry)
#include "tst_uploadretry.moc"
