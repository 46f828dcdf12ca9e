// Envelope decoding for every body shape the two backends send (and some they should not),
// and the error table of PROTOCOL.md: each row's message and recovery, no token ever shown.
#include "ApiError.h"

#include "MediaTypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cw;

Q_DECLARE_METATYPE(cw::Recovery)

class TstApiError : public QObject {
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QByteArray>("data"); // compact JSON of data, "" for null/undefined

        auto row = [](const char* name, int http, const QByteArray& body, bool ok, int code,
                      const char* message, const QByteArray& data) {
            QTest::newRow(name) << http << body << ok << code << QString::fromUtf8(message) << data;
        };
        row("code envelope ok", 200, R"({"code":0,"message":"ok","data":{"task_id":"t"}})", true, 0,
            "ok", R"({"task_id":"t"})");
        row("code envelope no message", 200, R"({"code":0,"data":[1]})", true, 0, "", "[1]");
        row("code 200 means ok", 200, R"({"code":200,"message":"success","data":{}})", true, 0,
            "success", "{}");
        row("code 200 with http 404", 404, R"({"code":200,"message":"x"})", false, 404, "x", "");
        row("code as string", 200, R"({"code":"0","message":"ok","data":{}})", true, 0, "ok", "{}");
        row("code error in 200", 200, R"({"code":2001,"message":"no credits","data":null})", false,
            2001, "no credits", "");
        row("code error with http 401", 401, R"({"code":1001,"message":"bad token"})", false, 1001,
            "bad token", "");
        row("code 0 with http 500", 500, R"({"code":0,"message":"odd"})", false, 500, "odd", "");
        row("bad code type", 200, R"({"code":[],"message":"x"})", false, ErrorCode::InvalidResponse,
            "x", "");
        row("huge code", 200, R"({"code":1e300,"message":"x"})", false, ErrorCode::InvalidResponse,
            "x", "");
        row("success true", 200, R"({"success":true,"data":{"id":"r1","status":"pending"}})", true,
            0, "", R"({"id":"r1","status":"pending"})");
        row("success false string", 200, R"({"success":false,"error":"render failed"})", false,
            ErrorCode::Internal, "render failed", "");
        row("success false object", 200,
            R"({"success":false,"error":{"code":4001,"message":"unsupported"}})", false, 4001,
            "unsupported", "");
        row("success false http 429", 429, R"({"success":false,"error":"slow down"})", false, 429,
            "slow down", "");
        row("success true but http 500", 500, R"({"success":true,"data":{}})", false, 500, "",
            "{}");
        row("top-level render object", 200, R"({"id":"render_1","status":"pending","progress":0})",
            true, 0, "", R"({"id":"render_1","progress":0,"status":"pending"})");
        row("top-level array", 200, "[1,2]", true, 0, "", "[1,2]");
        row("fastapi session", 404, R"({"detail":"Session not found: abc"})", false,
            ErrorCode::SessionNotFound, "Session not found: abc", "");
        row("fastapi other 404", 404, R"({"detail":"Not Found"})", false, 404, "Not Found", "");
        row("fastapi validation", 422,
            R"({"detail":[{"loc":["body"],"msg":"field required"},{"msg":"bad type"}]})", false,
            422, "field required; bad type", "");
        row("fastapi 400 client id", 400, R"({"detail":"Missing X-Client-Id"})", false, 400,
            "Missing X-Client-Id", "");
        row("object error at 403", 403, R"({"message":"forbidden"})", false, 403, "forbidden",
            R"({"message":"forbidden"})");
        row("empty 200", 200, "", false, ErrorCode::InvalidResponse, "", "");
        row("empty 204", 204, "", true, 0, "", "");
        row("whitespace 200", 200, " \r\n", false, ErrorCode::InvalidResponse, "", "");
        row("empty 401", 401, "", false, ErrorCode::TokenInvalid, "", "");
        row("empty 402", 402, "", false, 402, "", "");
        row("empty 413", 413, "", false, ErrorCode::FileTooLarge, "", "");
        row("empty 429", 429, "", false, 429, "", "");
        row("html 502", 502, "<html><body>Bad Gateway</body></html>", false, 502, "", "");
        row("plain text 503", 503, "Service Unavailable", false, 503, "Service Unavailable", "");
        row("non-json 200", 200, "hello", false, ErrorCode::InvalidResponse, "hello", "");
        row("truncated 200", 200, "{\"code\":0,\"message\":\"ok\",\"data\":{\"fi", false,
            ErrorCode::InvalidResponse, "{\"code\":0,\"message\":\"ok\",\"data\":{\"fi", "");
        row("truncated 500", 500, "{\"code\":5000,\"mess", false, 500, "{\"code\":5000,\"mess", "");
        row("deep nesting", 200, QByteArray(5000, '[') + QByteArray(5000, ']'), false,
            ErrorCode::InvalidResponse, QByteArray(200, '[').constData(), "");
        row("no response", 0, "", false, ErrorCode::NetworkError, "", "");
        row("json null", 200, "null", false, ErrorCode::InvalidResponse, "null", "");
    }

    void decode()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(QByteArray, data);
        const Envelope e = decodeEnvelope(http, body);
        QCOMPARE(e.httpStatus, http);
        QCOMPARE(e.ok, ok);
        QCOMPARE(e.code, code);
        QCOMPARE(e.message, message);
        QByteArray got;
        if (e.data.isObject())
            got = QJsonDocument(e.data.toObject()).toJson(QJsonDocument::Compact);
        else if (e.data.isArray())
            got = QJsonDocument(e.data.toArray()).toJson(QJsonDocument::Compact);
        QCOMPARE(got, data);
    }

    void describe_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<int>("code");
        QTest::addColumn<Recovery>("recovery");
        QTest::addColumn<QStringList>("mustContain");

        QTest::newRow("1001") << 401 << 1001 << Recovery::Reauthenticate
                              << QStringList{"new token"};
        QTest::newRow("1001 in 200")
            << 200 << 1001 << Recovery::Reauthenticate << QStringList{"sign-in"};
        QTest::newRow("1002") << 200 << 1002 << Recovery::NewSession
                              << QStringList{"session", "new session"};
        QTest::newRow("2001") << 200 << 2001 << Recovery::Register
                              << QStringList{"credits", "Register", "top up"};
        QTest::newRow("4001") << 400 << 4001 << Recovery::ShowAcceptedTypes << acceptedExtensions();
        QTest::newRow("4002") << 413 << 4002 << Recovery::SuggestTrim
                              << QStringList{"500 MB", "Trim", "compress"};
        QTest::newRow("http 400") << 400 << 400 << Recovery::NewClientId
                                  << QStringList{"client id"};
        QTest::newRow("http 400 bare")
            << 400 << 0 << Recovery::NewClientId << QStringList{"client id"};
        QTest::newRow("http 402") << 402 << 402 << Recovery::UpgradePlan
                                  << QStringList{"Register or upgrade to export"};
        QTest::newRow("http 429") << 429 << 429 << Recovery::WaitAndRetry << QStringList{"30 s"};
        QTest::newRow("http 401 bare")
            << 401 << 0 << Recovery::Reauthenticate << QStringList{"sign-in"};
        QTest::newRow("http 503") << 503 << 503 << Recovery::Retry
                                  << QStringList{"HTTP 503", "Try again"};
        QTest::newRow("4000") << 400 << 4000 << Recovery::None
                              << QStringList{"did not accept", "missing field"};
        QTest::newRow("4004") << 404 << 4004 << Recovery::None << QStringList{"not found"};
        QTest::newRow("4009") << 409 << 4009 << Recovery::None
                              << QStringList{"cannot be done", "missing field"};
        QTest::newRow("5000") << 500 << 5000 << Recovery::Retry
                              << QStringList{"internal error", "Try again"};
        QTest::newRow("9001") << 0 << 9001 << Recovery::CheckConnection
                              << QStringList{"connection"};
        QTest::newRow("9002") << 0 << 9002 << Recovery::Retry << QStringList{"too long"};
        QTest::newRow("9003") << 200 << 9003 << Recovery::Retry << QStringList{"could not read"};
        QTest::newRow("9004") << 0 << 9004 << Recovery::None << QStringList{"Cancelled"};
        QTest::newRow("unknown code")
            << 200 << 7777 << Recovery::None << QStringList{"missing field"};
    }

    void describe()
    {
        QFETCH(int, http);
        QFETCH(int, code);
        QFETCH(Recovery, recovery);
        QFETCH(QStringList, mustContain);
        // the cloud's 400 names the missing header; everything else gets a detail to show
        const QString server = http == 400 && (code == 400 || code == 0)
                                   ? QStringLiteral("Missing X-Client-Id header")
                                   : QStringLiteral("missing field 'x'");
        const ErrorInfo info = describeError(http, code, server);
        QCOMPARE(info.recovery, recovery);
        QVERIFY(!info.message.isEmpty());
        for (const QString& s : mustContain)
            QVERIFY2(info.message.contains(s, Qt::CaseInsensitive),
                     qPrintable(info.message + QStringLiteral(" lacks ") + s));
    }

    void specificMessageBeatsServer()
    {
        // 2001 from the server says "insufficient balance"; ours explains what to do.
        const ErrorInfo info = describeError(200, 2001, QStringLiteral("insufficient balance"));
        QVERIFY(!info.message.contains("insufficient"));
        // 402 is a plan limit, never a credit problem.
        QVERIFY(!describeError(402, 402, "x").message.contains("credit", Qt::CaseInsensitive));
        // a 400 that is not about the client id is not answered with a new client id
        QCOMPARE(describeError(400, 400, QStringLiteral("invalid json")).recovery, Recovery::None);
    }

    void neverShowsTokens_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer") << QStringLiteral("bad header Authorization: Bearer s3cr3t-tok")
                                << QStringLiteral("s3cr3t-tok");
        QTest::newRow("token=") << QStringLiteral("token=abcdef123 rejected")
                                << QStringLiteral("abcdef123");
        QTest::newRow("jwt") << QStringLiteral("invalid eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")
                             << QStringLiteral("eyJhbGciOiJIUzI1NiJ9");
        QTest::newRow("long opaque")
            << QStringLiteral("key 0123456789abcdef0123456789abcdef0123456789 bad")
            << QStringLiteral("0123456789abcdef0123456789abcdef");
    }

    void neverShowsTokens()
    {
        QFETCH(QString, server);
        QFETCH(QString, secret);
        for (int code : {4000, 4004, 4009, 5000, 7777}) {
            const ErrorInfo info = describeError(400, code, server);
            QVERIFY2(!info.message.contains(secret), qPrintable(info.message));
        }
        const ErrorInfo fallback = describeError(418, 0, server);
        QVERIFY2(!fallback.message.contains(secret), qPrintable(fallback.message));
        QVERIFY(!decodeEnvelope(502, server.toUtf8()).message.contains(secret));
    }

    void longServerMessageIsCut()
    {
        const ErrorInfo info = describeError(500, 5000, QString(5000, u'x') + QStringLiteral(" y"));
        QVERIFY(info.message.size() < 500);
    }

    void bodies()
    {
        QCOMPARE(okBody(QJsonObject{{"a", 1}}),
                 QByteArray(R"({"code":0,"data":{"a":1},"message":"ok"})"));
        QCOMPARE(okBody(QJsonValue()), QByteArray(R"({"code":0,"data":null,"message":"ok"})"));
        QCOMPARE(errorBody(1001, "bad token"),
                 QByteArray(R"({"code":1001,"message":"bad token"})"));
        const Envelope ok = decodeEnvelope(200, okBody(QJsonObject{{"x", "y"}}));
        QVERIFY(ok.ok);
        QCOMPARE(ok.data.toObject().value("x").toString(), QStringLiteral("y"));
        const Envelope err = decodeEnvelope(404, errorBody(1002, QStringLiteral("会话不存在")));
        QVERIFY(!err.ok);
        QCOMPARE(err.code, 1002);
        QCOMPARE(err.message, QStringLiteral("会话不存在"));
    }
};

QTEST_GUILESS_MAIN(TstApiError)
#include "tst_apierror.moc"
