// Cloud-only behaviour against the real engine in its fault-injection test mode
// (CLIPWRIGHT_ENGINE_FAULTS, app/engine/server/FaultInjection.h): anonymous tokens with a
// client id, 1001 -> one re-authentication and retry, 429 -> one retry after the (shortened)
// wait, 402 and 2001 messages, schematic and text-less agent streams, the top-level render
// shape, and that no token reaches the settings file, the log or an error string.
// Every case starts its own engine with its own faults.
#include "CloudAuth.h"
#include "EditorSession.h"
#include "EngineFixture.h"
#include "Profiles.h"
#include "TokenStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace cw;
using namespace cw::test;

namespace {

QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log << message;
}

QString readStored(TokenStore* store, const QString& key)
{
    QString value;
    bool done = false;
    QObject context;
    store->read(key, &context, [&](const TokenResult& r) {
        value = r.ok ? r.value : QString();
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 5000);
    return value;
}

int countRequests(const QSignalSpy& spy, const QString& description)
{
    int n = 0;
    for (const auto& args : spy)
        n += args.first().toString() == description ? 1 : 0;
    return n;
}

} // namespace

class TestCloudPaths : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void anonymousTokenWithClientId();
    void storedAndEnvironmentTokens();
    void expiredTokenReauthenticatesOnce();
    void expiredTokenWithoutReauthFails();
    void rateLimitRetriesOnceAfterWait();
    void streamRetriesBeforeStart_data();
    void streamRetriesBeforeStart();
    void exportRefused_data();
    void exportRefused();
    void schematicStream();
    void streamWithoutText();
    void topLevelRenderShape();
    void tokenNeverLeaks();
    void guiInstructions_data();
    void guiInstructions();
    void creditsBalance();
    void unavailableKeychainIsReported();

private:
    bool startEngine(EngineFixture& f, const QString& faults);
    // A ready EditorSession on `f` with the test clip uploaded.
    std::unique_ptr<EditorSession> sessionWithClip(EngineFixture& f);
    QTemporaryDir m_tmp;
    QString m_clip;
};

void TestCloudPaths::initTestCase()
{
    m_clip = m_tmp.filePath(QStringLiteral("speech.mp4"));
    QString error;
    QVERIFY2(!makeSpeechClip(m_clip, 1.5, 2, 320, 180, &error).isEmpty(), qPrintable(error));
}

bool TestCloudPaths::startEngine(EngineFixture& f, const QString& faults)
{
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_FAULTS"), faults);
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), QStringLiteral("ultrafast"));
    return f.start();
}

std::unique_ptr<EditorSession> TestCloudPaths::sessionWithClip(EngineFixture& f)
{
    auto session = std::make_unique<EditorSession>(f.api.get());
    session->setRenderPollInterval(100);
    session->setRenderJournalPath(
        m_tmp.filePath(QStringLiteral("journal-%1.json").arg(QDateTime::currentMSecsSinceEpoch())));
    QSignalSpy ready(session.get(), &EditorSession::ready);
    QSignalSpy uploaded(session.get(), &EditorSession::uploadFinished);
    QSignalSpy failed(session.get(), &EditorSession::uploadFailed);
    session->start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, 10000))
        return nullptr;
    session->upload({m_clip});
    if (!QTest::qWaitFor([&] { return !uploaded.isEmpty() || !failed.isEmpty(); }, 30000) ||
        !failed.isEmpty()) {
        qWarning("upload failed: %s", qPrintable(failed.value(0).value(1).toString()));
        return nullptr;
    }
    if (!QTest::qWaitFor([&] { return session->draft().isExportable(); }, 10000))
        return nullptr;
    return session;
}

void TestCloudPaths::anonymousTokenWithClientId()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("allow-anonymous")), qPrintable(f.error));
    f.api->setToken({});
    MemoryTokenStore store;
    CloudAuth auth(f.api.get(), &store, QStringLiteral("custom"));
    auth.setEnvironmentToken({});
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    QSignalSpy ok(&auth, &CloudAuth::authenticated);
    QSignalSpy failed(&auth, &CloudAuth::failed);
    auth.authenticate();
    QTRY_VERIFY_WITH_TIMEOUT(!ok.isEmpty() || !failed.isEmpty(), 10000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(auth.source(), CloudAuth::Source::Anonymous);
    // No client id at first: HTTP 400, a client id is made, one retry.
    QCOMPARE(countRequests(requests, QStringLiteral("POST /api/auth/anonymous-token")), 2);
    const QString clientId = readStored(&store, QStringLiteral("custom/client_id"));
    QVERIFY(!QUuid::fromString(clientId).isNull());
    QCOMPARE(auth.clientId(), clientId);
    QCOMPARE(auth.userId(), QStringLiteral("anon_") + clientId);
    const QString token = readStored(&store, QStringLiteral("custom/token"));
    QVERIFY(!token.isEmpty());
    QVERIFY(token != f.engine.token());
    // The server accepts the anonymous token.
    QVERIFY(!f.createSession().isEmpty());
}

void TestCloudPaths::storedAndEnvironmentTokens()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("allow-anonymous")), qPrintable(f.error));
    MemoryTokenStore store;
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    {
        // The environment wins over everything; nothing is requested.
        f.api->setToken({});
        CloudAuth auth(f.api.get(), &store, QStringLiteral("cloud"));
        auth.setEnvironmentToken(f.engine.token());
        QSignalSpy ok(&auth, &CloudAuth::authenticated);
        auth.authenticate();
        QTRY_COMPARE(ok.size(), 1);
        QCOMPARE(auth.source(), CloudAuth::Source::Environment);
        QVERIFY(requests.isEmpty());
        QVERIFY(!f.createSession().isEmpty());
    }
    {
        // A stored token is used as it is.
        QObject context;
        bool written = false;
        store.write(QStringLiteral("cloud/token"), f.engine.token(), &context,
                    [&](const TokenResult&) { written = true; });
        QTRY_VERIFY(written);
        f.api->setToken({});
        requests.clear();
        CloudAuth auth(f.api.get(), &store, QStringLiteral("cloud"));
        auth.setEnvironmentToken({});
        QSignalSpy ok(&auth, &CloudAuth::authenticated);
        auth.authenticate();
        QTRY_COMPARE(ok.size(), 1);
        QCOMPARE(auth.source(), CloudAuth::Source::Stored);
        QVERIFY(requests.isEmpty());
        QVERIFY(!f.createSession().isEmpty());
    }
}

void TestCloudPaths::expiredTokenReauthenticatesOnce()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("allow-anonymous,auth-expire-once")),
             qPrintable(f.error));
    MemoryTokenStore store;
    CloudAuth auth(f.api.get(), &store, QStringLiteral("cloud"));
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    const QString sid = f.createSession(); // meets 1001 once
    QVERIFY(!sid.isEmpty());
    const QString tasks = QStringLiteral("POST /api/tasks/me/with-session/nemo_agent");
    QCOMPARE(countRequests(requests, tasks), 2);
    QCOMPARE(countRequests(requests, QStringLiteral("POST /api/auth/anonymous-token")), 2);
    QCOMPARE(requests.first().first().toString(), tasks);
    QCOMPARE(requests.last().first().toString(), tasks);
    QVERIFY(!readStored(&store, QStringLiteral("cloud/token")).isEmpty());
    QCOMPARE(auth.source(), CloudAuth::Source::Anonymous);
}

void TestCloudPaths::expiredTokenWithoutReauthFails()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("auth-expire-once")), qPrintable(f.error));
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    const Envelope e =
        EngineFixture::wait(f.api->get(QStringLiteral("/api/credits/balance/simple")));
    QVERIFY(!e.ok);
    QCOMPARE(e.code, int(ErrorCode::TokenInvalid));
    QCOMPARE(requests.size(), 1);
    QVERIFY(!e.message.contains(f.engine.token()));
    // Once only: the next request goes through.
    QVERIFY(EngineFixture::wait(f.api->get(QStringLiteral("/api/credits/balance/simple"))).ok);
}

void TestCloudPaths::rateLimitRetriesOnceAfterWait()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("rate-limit-once")), qPrintable(f.error));
    f.api->setRateLimitWait(400);
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    QSignalSpy notices(f.api.get(), &ApiClient::notice);
    QElapsedTimer timer;
    timer.start();
    const Envelope e =
        EngineFixture::wait(f.api->get(QStringLiteral("/api/credits/balance/simple")));
    QVERIFY2(e.ok, qPrintable(e.message));
    QVERIFY(timer.elapsed() >= 400);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.first().first().toString().contains(QStringLiteral("30 s")));
}

void TestCloudPaths::streamRetriesBeforeStart_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<QString>("between"); // the request made between the two /run_sse
    QTest::newRow("1001") << "allow-anonymous,auth-expire-once@/run_sse"
                          << "POST /api/auth/anonymous-token";
    QTest::newRow("429") << "rate-limit-once@/run_sse"
                         << "";
}

void TestCloudPaths::streamRetriesBeforeStart()
{
    QFETCH(QString, faults);
    QFETCH(QString, between);
    EngineFixture f;
    QVERIFY2(startEngine(f, faults), qPrintable(f.error));
    f.api->setRateLimitWait(300);
    MemoryTokenStore store;
    CloudAuth auth(f.api.get(), &store, QStringLiteral("custom"));
    auto session = sessionWithClip(f);
    QVERIFY(session);
    const qint64 before = session->draft().computedDuration();
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    QSignalSpy finished(session.get(), &EditorSession::agentFinished);
    QSignalSpy errors(session.get(), &EditorSession::errorOccurred);
    session->sendMessage(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(countRequests(requests, QStringLiteral("POST /run_sse")), 2);
    if (!between.isEmpty())
        QVERIFY(countRequests(requests, between) >= 1);
    QVERIFY(session->draft().computedDuration() < before);
}

void TestCloudPaths::exportRefused_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("absent");
    QTest::newRow("402 plan") << "export-402"
                              << "plan does not allow export"
                              << "credits";
    QTest::newRow("2001 credits") << "credits-empty"
                                  << "?bind=client-42"
                                  << "plan";
}

void TestCloudPaths::exportRefused()
{
    QFETCH(QString, fault);
    QFETCH(QString, expected);
    QFETCH(QString, absent);
    EngineFixture f;
    QVERIFY2(startEngine(f, fault), qPrintable(f.error));
    auto session = sessionWithClip(f);
    QVERIFY(session);
    session->setRegistrationLink(QUrl(QStringLiteral("https://nemovideo.ai/")),
                                 QStringLiteral("client-42"));
    QSignalSpy failed(session.get(), &EditorSession::exportFailed);
    QSignalSpy finished(session.get(), &EditorSession::exportFinished);
    session->exportVideo(m_tmp.filePath(QStringLiteral("refused.mp4")), QStringLiteral("720p"));
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !finished.isEmpty(), 20000);
    QVERIFY(finished.isEmpty());
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(!message.contains(absent, Qt::CaseInsensitive), qPrintable(message));
    QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("refused.mp4"))));
}

void TestCloudPaths::schematicStream()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("schematic-events")), qPrintable(f.error));
    auto session = sessionWithClip(f);
    QVERIFY(session);
    const qint64 before = session->draft().computedDuration();
    QSignalSpy text(session.get(), &EditorSession::agentText);
    QSignalSpy progress(session.get(), &EditorSession::agentProgress);
    QSignalSpy finished(session.get(), &EditorSession::agentFinished);
    QSignalSpy errors(session.get(), &EditorSession::errorOccurred);
    session->sendMessage(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QVERIFY(!progress.isEmpty()); // the tool_call, as a quiet line
    QVERIFY(!text.isEmpty());
    const QString reply = text.last().first().toString();
    QVERIFY2(reply.contains(QStringLiteral("pause"), Qt::CaseInsensitive), qPrintable(reply));
    QVERIFY(!reply.contains(QStringLiteral("\"type\"")));
    QVERIFY(session->draft().computedDuration() < before);
}

void TestCloudPaths::streamWithoutText()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("no-text-stream")), qPrintable(f.error));
    auto session = sessionWithClip(f);
    QVERIFY(session);
    const qint64 before = session->draft().computedDuration();
    QSignalSpy text(session.get(), &EditorSession::agentText);
    QSignalSpy finished(session.get(), &EditorSession::agentFinished);
    QSignalSpy errors(session.get(), &EditorSession::errorOccurred);
    session->sendMessage(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    // The engine sent no text: the client diffed the state and described the change.
    QCOMPARE(text.size(), 1);
    const QString summary = text.first().first().toString();
    QVERIFY(!summary.isEmpty());
    QVERIFY2(!summary.contains(QStringLiteral("cut the pauses out"), Qt::CaseInsensitive),
             qPrintable(summary));
    QVERIFY(session->draft().computedDuration() < before);
}

void TestCloudPaths::topLevelRenderShape()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("render-shape-toplevel")), qPrintable(f.error));
    auto session = sessionWithClip(f);
    QVERIFY(session);
    const QString dest = m_tmp.filePath(QStringLiteral("toplevel.mp4"));
    QSignalSpy failed(session.get(), &EditorSession::exportFailed);
    QSignalSpy finished(session.get(), &EditorSession::exportFinished);
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    session->exportVideo(dest, QStringLiteral("720p"));
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !finished.isEmpty(), 120000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(QFileInfo(dest).size() > 1000);
    QCOMPARE(probe(dest).value(QStringLiteral("streams")).toArray().isEmpty(), false);

    const Envelope direct = EngineFixture::wait(f.api->postJson(
        QStringLiteral("/api/render/proxy/lambda"),
        QJsonObject{{QStringLiteral("id"), QStringLiteral("render_shape")},
                    {QStringLiteral("sessionId"), session->sessionId()},
                    {QStringLiteral("output"),
                     QJsonObject{{QStringLiteral("format"), QStringLiteral("mp4")},
                                 {QStringLiteral("preset"), QStringLiteral("720p")}}}}));
    QVERIFY(direct.ok);
    // Top level, so this fails if the fault does nothing: the whole object is the payload (no
    // "code" wrapper).
    QVERIFY(!direct.data.toObject().contains(QStringLiteral("code")));
    QCOMPARE(direct.data.toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("render_shape"));
    EngineFixture::wait(
        f.api->postJson(QStringLiteral("/api/render/proxy/lambda/render_shape/cancel"), {}));
}

void TestCloudPaths::tokenNeverLeaks()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("allow-anonymous,auth-expire-once")),
             qPrintable(f.error));
    const QString settingsPath = m_tmp.filePath(QStringLiteral("settings.ini"));
    g_log.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);
    QStringList errors;
    QString anonymous;
    {
        Profiles profiles(settingsPath);
        profiles.setCurrent(Profile::Kind::Custom);
        QVERIFY(profiles.setCustomUrl(QUrl(QStringLiteral("http://user:secret@") +
                                           f.engine.baseUrl().authority() +
                                           QStringLiteral("/?token=x#frag"))));
        QVERIFY(!profiles.setCustomUrl(QUrl(QStringLiteral("ftp://example.com"))));
        profiles.setPlatform(QStringLiteral("linux-test"));
        const Profile p = profiles.current();
        QCOMPARE(p.kind, Profile::Kind::Custom);
        QVERIFY(p.needsAuth);
        QCOMPARE(p.baseUrl.userInfo(), QString());
        f.api->setBaseUrl(p.baseUrl);
        f.api->setToken({});
        f.api->setPlatform(profiles.platform());

        MemoryTokenStore store;
        CloudAuth auth(f.api.get(), &store, p.id);
        auth.setEnvironmentToken({});
        QSignalSpy ok(&auth, &CloudAuth::authenticated);
        auth.authenticate(); // 400 -> client id, then 1001 is not met (no auth on this call)
        QTRY_COMPARE_WITH_TIMEOUT(ok.size(), 1, 10000);
        anonymous = readStored(&store, QStringLiteral("custom/token"));
        QVERIFY(!anonymous.isEmpty());

        EditorSession session(f.api.get());
        connect(&session, &EditorSession::errorOccurred, [&](const QString& m) { errors << m; });
        QSignalSpy ready(&session, &EditorSession::ready);
        session.start(); // meets 1001 once, re-authenticates
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        session.sendMessage(QStringLiteral("export")); // nothing to export: a routed reply
        session.exportVideo(m_tmp.filePath(QStringLiteral("nothing.mp4")));
        connect(&session, &EditorSession::exportFailed, [&](const QString& m) { errors << m; });
        QTest::qWait(500);
        profiles.sync();
        QVERIFY(readStored(&store, QStringLiteral("custom/token")) != anonymous); // renewed
        anonymous += QLatin1Char('|') + readStored(&store, QStringLiteral("custom/token"));
    }
    qInstallMessageHandler(previous);
    QFile settings(settingsPath);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray ini = settings.readAll();
    QVERIFY(ini.contains("custom"));
    QVERIFY(!ini.contains("secret"));
    QVERIFY(!ini.contains("token=x"));
    const QStringList secrets = anonymous.split(QLatin1Char('|')) + QStringList{f.engine.token()};
    for (const QString& secret : secrets) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!ini.contains(secret.toUtf8()), "a token is in the settings file");
        for (const QString& line : std::as_const(g_log))
            QVERIFY2(!line.contains(secret), "a token is in the log");
        for (const QString& e : std::as_const(errors))
            QVERIFY2(!e.contains(secret), "a token is in an error message");
    }
}

void TestCloudPaths::guiInstructions_data()
{
    QTest::addColumn<QString>("prose");
    QTest::addColumn<GuiAction>("action");
    QTest::newRow("click export") << "Click the Export button to download it." << GuiAction::Export;
    QTest::newRow("zh click export") << QStringLiteral("请点击导出按钮。") << GuiAction::Export;
    QTest::newRow("preview") << "You can preview it in the timeline." << GuiAction::ShowSummary;
    QTest::newRow("open") << "Open the project to see the result." << GuiAction::FetchState;
    QTest::newRow("drag") << "Drag the clip to the start of the track." << GuiAction::SendEdit;
    QTest::newRow("no instruction") << "Enjoy your video." << GuiAction::None;
}

void TestCloudPaths::guiInstructions()
{
    QFETCH(QString, prose);
    QFETCH(GuiAction, action);
    EngineFixture f;
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_ENGINE_GUI_PROSE"), prose);
    QVERIFY2(startEngine(f, QStringLiteral("gui-prose")), qPrintable(f.error));
    auto session = sessionWithClip(f);
    QVERIFY(session);
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    QSignalSpy instructions(session.get(), &EditorSession::guiInstruction);
    QSignalSpy exportRequested(session.get(), &EditorSession::exportRequested);
    QSignalSpy text(session.get(), &EditorSession::agentText);
    QSignalSpy finished(session.get(), &EditorSession::agentFinished);
    session->sendMessage(QStringLiteral("cut the pauses"));
    const int turns = action == GuiAction::SendEdit ? 2 : 1;
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), turns, 30000);
    QTest::qWait(300); // a wrong extra turn or signal would show up now
    QCOMPARE(finished.size(), turns);
    QCOMPARE(countRequests(requests, QStringLiteral("POST /run_sse")), turns);
    QVERIFY(text.first().first().toString().endsWith(prose));
    if (action == GuiAction::None) {
        QVERIFY(instructions.isEmpty());
        return;
    }
    QCOMPARE(instructions.first().first().value<GuiAction>(), action);
    QCOMPARE(exportRequested.size(), action == GuiAction::Export ? 1 : 0);
    if (action == GuiAction::ShowSummary)
        QCOMPARE(text.last().first().toString(), session->draft().summary());
}

void TestCloudPaths::creditsBalance()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("credits-limited")), qPrintable(f.error));
    EditorSession session(f.api.get());
    QSignalSpy ready(&session, &EditorSession::ready);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
    QSignalSpy changed(&session, &EditorSession::creditsChanged);
    QSignalSpy hidden(&session, &EditorSession::creditsHidden);
    session.refreshCredits(); // a local-style profile: hidden, nothing asked
    QCOMPARE(hidden.size(), 1);
    session.setCreditsVisible(true);
    session.refreshCredits();
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toLongLong(), 120);
    QCOMPARE(changed.first().at(1).toLongLong(), 30);
    QCOMPARE(changed.first().at(2).toLongLong(), 150);
    QCOMPARE(hidden.size(), 1);
}

namespace {
// A keychain that cannot be reached (no secret service): every job fails.
class BrokenTokenStore : public TokenStore {
public:
    void read(const QString&, QObject* context, Callback done) override { fail(context, done); }
    void write(const QString&, const QString&, QObject* context, Callback done) override
    {
        fail(context, done);
    }
    void remove(const QString&, QObject* context, Callback done) override { fail(context, done); }

private:
    void fail(QObject* context, Callback done)
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, done] {
                TokenResult r;
                r.error = QStringLiteral("No secret service is running.");
                if (guard && done)
                    done(r);
            },
            Qt::QueuedConnection);
    }
};
} // namespace

// No silent plaintext fallback: the sign-in stops with a message naming the keychain, and
// no anonymous token is requested (it could not be kept safely).
void TestCloudPaths::unavailableKeychainIsReported()
{
    EngineFixture f;
    QVERIFY2(startEngine(f, QStringLiteral("allow-anonymous")), qPrintable(f.error));
    f.api->setToken({});
    BrokenTokenStore store;
    CloudAuth auth(f.api.get(), &store, QStringLiteral("cloud"));
    auth.setEnvironmentToken({});
    QSignalSpy requests(f.api.get(), &ApiClient::requestStarted);
    QSignalSpy ok(&auth, &CloudAuth::authenticated);
    QSignalSpy failed(&auth, &CloudAuth::failed);
    auth.authenticate();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(ok.isEmpty());
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("keychain")));
    QVERIFY(requests.isEmpty());
    QVERIFY(!f.api->hasToken());
}

QTEST_GUILESS_MAIN(TestCloudPaths)
#include "tst_cloudpaths.moc"
