// EditorSession's media visuals and preview against a real engine (service level, no
// widgets): waveforms and thumbnails arrive and are then served from memory without another
// request; media without a picture, unknown media and a backend without the routes fail
// quietly, and after three failures without a success no more requests are made; the
// preview renders a 640x360 file once per draft (the same draft again costs no render),
// cancel stops the job, and a credits-based (cloud) profile is refused without a render.
#include "ApiClient.h"
#include "EditorSession.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

namespace {

int countStarted(const QSignalSpy& spy, const QString& prefix)
{
    int n = 0;
    for (const QList<QVariant>& args : spy)
        n += args.first().toString().startsWith(prefix);
    return n;
}

} // namespace

class TstSessionMedia : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void waveformsAndThumbnailsAreCached();
    void failuresAreQuietAndBounded();
    void previewOncePerDraft();
    void cancelStopsThePreview();
    void cloudAndUnreadySessionsRefuse();

private:
    std::unique_ptr<EditorSession> openSession();
    QTemporaryDir m_dir;
    test::TestEngine m_engine;
    ApiClient m_api;
    std::unique_ptr<EditorSession> m_session;
    QString m_video;
    QString m_audio;
};

std::unique_ptr<EditorSession> TstSessionMedia::openSession()
{
    auto s = std::make_unique<EditorSession>(&m_api);
    s->setRenderPollInterval(100);
    s->open(m_session->sessionId());
    if (!QTest::qWaitFor([&] { return s->isReady(); }, 20000))
        return nullptr;
    s->refreshState();
    if (!QTest::qWaitFor([&] { return s->draft().isExportable(); }, 20000))
        return nullptr;
    return s;
}

void TstSessionMedia::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    m_api.setBaseUrl(m_engine.baseUrl());
    m_api.setToken(m_engine.token());
    const QString video = m_dir.filePath(QStringLiteral("bars.mp4"));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2", "-f",
                              "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264",
                              "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                              "-shortest", video},
                             &error),
             qPrintable(error));
    const QString audio = m_dir.filePath(QStringLiteral("tone.wav"));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "sine=frequency=330:duration=2", audio}, &error),
             qPrintable(error));

    m_session = std::make_unique<EditorSession>(&m_api);
    m_session->setRenderPollInterval(100);
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isReady(), 20000);
    QSignalSpy uploaded(m_session.get(), &EditorSession::uploadFinished);
    m_session->upload({video, audio});
    QTRY_COMPARE_WITH_TIMEOUT(uploaded.count(), 2, 60000);
    for (const QList<QVariant>& args : uploaded) {
        const MediaItem item = args.first().value<MediaItem>();
        (item.kind == QLatin1String("audio") ? m_audio : m_video) = item.id;
    }
    QVERIFY(!m_video.isEmpty() && !m_audio.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_session->draft().isExportable(), 10000);
}

void TstSessionMedia::waveformsAndThumbnailsAreCached()
{
    QSignalSpy started(&m_api, &ApiClient::requestStarted);
    QSignalSpy waves(m_session.get(), &EditorSession::waveformReady);
    QSignalSpy thumbs(m_session.get(), &EditorSession::thumbnailReady);
    m_session->requestWaveform(m_audio);
    m_session->requestWaveform(m_audio); // while the first runs: not asked twice
    m_session->requestThumbnail(m_video);
    m_session->requestThumbnail(m_video, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(waves.count() == 1 && thumbs.count() == 2, 20000);
    QCOMPARE(waves.first().at(0).toString(), m_audio);
    QCOMPARE(waves.first().at(1).toDouble(), 50.0);
    const auto peaks = waves.first().at(2).value<QVector<float>>();
    QVERIFY(peaks.size() >= 90 && peaks.size() <= 110); // 2 s at 50 per second
    QVERIFY(*std::max_element(peaks.begin(), peaks.end()) > 0.05f);
    for (const QList<QVariant>& args : thumbs) {
        QCOMPARE(args.at(0).toString(), m_video);
        QVERIFY(args.at(2).toByteArray().startsWith("\xFF\xD8\xFF"));
    }
    QCOMPARE(thumbs.at(0).at(2).toByteArray() == thumbs.at(1).at(2).toByteArray(), false);
    const int requests = int(started.count());
    QCOMPARE(countStarted(started, QStringLiteral("GET /api/media/")), 3);

    m_session->requestWaveform(m_audio);
    m_session->requestThumbnail(m_video, 1000);
    QTRY_VERIFY(waves.count() == 2 && thumbs.count() == 3);
    QCOMPARE(thumbs.last().at(1).toLongLong(), qint64(1000));
    QCOMPARE(int(started.count()), requests); // served from memory
}

void TstSessionMedia::failuresAreQuietAndBounded()
{
    std::unique_ptr<EditorSession> s = openSession();
    QVERIFY(s);
    QSignalSpy started(&m_api, &ApiClient::requestStarted);
    QSignalSpy thumbs(s.get(), &EditorSession::thumbnailReady);
    QSignalSpy errors(s.get(), &EditorSession::errorOccurred);
    s->requestThumbnail(m_audio); // 4001: no picture
    s->requestThumbnail(QStringLiteral("m_unknown"));
    s->requestThumbnail(QStringLiteral("../../etc/passwd"));
    QTRY_COMPARE_WITH_TIMEOUT(countStarted(started, QStringLiteral("GET /api/media/")), 3, 10000);
    QTest::qWait(500);
    s->requestThumbnail(m_audio); // known to fail: not asked again
    s->requestThumbnail(m_video); // three failures, no success: the backend has no visuals
    s->requestWaveform(m_video);
    QTest::qWait(500);
    QCOMPARE(countStarted(started, QStringLiteral("GET /api/media/")), 3);
    QCOMPARE(thumbs.count(), 0);
    QCOMPARE(errors.count(), 0);
}

void TstSessionMedia::previewOncePerDraft()
{
    QSignalSpy started(&m_api, &ApiClient::requestStarted);
    QSignalSpy ready(m_session.get(), &EditorSession::previewReady);
    QSignalSpy failed(m_session.get(), &EditorSession::previewFailed);
    QSignalSpy progress(m_session.get(), &EditorSession::previewProgress);
    QSignalSpy exported(m_session.get(), &EditorSession::exportProgress);
    m_session->requestPreview();
    m_session->requestPreview(); // the same draft while it renders: no second job
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() + failed.count() > 0, 60000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(countStarted(started, QStringLiteral("POST /api/render/proxy/lambda")), 1);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().first().toInt(), 100);
    QVERIFY(exported.isEmpty()); // not the export's business
    QVERIFY(!m_session->isExporting());
    const QString file = ready.first().at(0).toString();
    QVERIFY(ready.first().at(1).toInt() >= 0);
    QVERIFY(QFileInfo(file).size() > 0);
    const QJsonObject probe = test::probe(file);
    int width = 0, height = 0;
    for (const QJsonValue& st : probe.value(QStringLiteral("streams")).toArray())
        if (st.toObject().value(QStringLiteral("codec_type")).toString() == "video") {
            width = st.toObject().value(QStringLiteral("width")).toInt();
            height = st.toObject().value(QStringLiteral("height")).toInt();
        }
    QCOMPARE(QSize(width, height), QSize(640, 360));

    m_session->requestPreview(); // rendered already: the same file, no render
    QTRY_COMPARE(ready.count(), 2);
    QCOMPARE(ready.last().at(0).toString(), file);
    QCOMPARE(countStarted(started, QStringLiteral("POST /api/render/proxy/lambda")), 1);
}

void TstSessionMedia::cancelStopsThePreview()
{
    std::unique_ptr<EditorSession> s = openSession();
    QVERIFY(s);
    QSignalSpy started(&m_api, &ApiClient::requestStarted);
    QSignalSpy ready(s.get(), &EditorSession::previewReady);
    QSignalSpy failed(s.get(), &EditorSession::previewFailed);
    // Not rendered yet: the cached previews are gone.
    QVERIFY(QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                 QStringLiteral("/previews"))
                .removeRecursively());
    s->requestPreview();
    QTRY_VERIFY_WITH_TIMEOUT(
        countStarted(started, QStringLiteral("POST /api/render/proxy/lambda")) >= 1 &&
            countStarted(started, QStringLiteral("GET /api/render/proxy/lambda/")) >= 1,
        20000);
    s->cancelPreview();
    QCOMPARE(countStarted(started, QStringLiteral("POST /api/render/proxy/lambda/")),
             1); // .../cancel
    QTest::qWait(1500);
    QCOMPARE(ready.count(), 0);
    QCOMPARE(failed.count(), 0);
    s->cancelPreview(); // nothing running: no-op
}

void TstSessionMedia::cloudAndUnreadySessionsRefuse()
{
    QSignalSpy started(&m_api, &ApiClient::requestStarted);
    EditorSession unready(&m_api);
    QSignalSpy unreadyFailed(&unready, &EditorSession::previewFailed);
    unready.requestPreview();
    unready.requestThumbnail(m_video);
    unready.requestWaveform(m_video);
    unready.cancelPreview();
    QCOMPARE(unreadyFailed.count(), 1);

    std::unique_ptr<EditorSession> cloud = openSession();
    QVERIFY(cloud);
    started.clear();
    cloud->setCreditsVisible(true);
    QSignalSpy failed(cloud.get(), &EditorSession::previewFailed);
    cloud->requestPreview();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("local engine")));
    QTest::qWait(200);
    QCOMPARE(countStarted(started, QStringLiteral("POST /api/render")), 0);
}

QTEST_GUILESS_MAIN(TstSessionMedia)
#include "tst_sessionmedia.moc"
