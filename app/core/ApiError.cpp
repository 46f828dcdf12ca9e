// Envelope decoding and the error table of PROTOCOL.md.
//
// decodeEnvelope rules, in order:
//  - HTTP 0 (no response at all) is NetworkError.
//  - {"code":N,...}: N decides (0, or 200 as some gateways write it, = ok unless HTTP >= 400);
//    a numeric string is accepted.
//  - {"success":bool,"data","error"}: error may be a string or {code,message}.
//  - FastAPI {"detail": string | [{msg}]}: always a failure.
//  - any other JSON value: ok for 2xx/3xx with data = the whole value (top-level render
//    responses), a failure otherwise with message from "message"/"error" if present.
//  - empty body: ok with null data for 204, a failure otherwise; non-JSON body: failure.
// A failure without a usable JSON code gets one derived from the HTTP status: 401 -> 1001,
// 404 whose message says "session not found" -> 1002, 413 -> 4002, any other status >= 400
// -> the HTTP status itself (400, 402, 429, 502, ...; no ErrorCode is below 1000, so they
// cannot collide), and a 2xx body that is not an envelope-shaped success -> InvalidResponse.
// describeError prefers its own specific message to the server's, and scrubs anything
// token-like from a server message before showing it.
#include "ApiError.h"

#include "MediaTypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cw {

namespace {

int codeFromHttp(int httpStatus, const QString& message)
{
    if (httpStatus == 401)
        return ErrorCode::TokenInvalid;
    if (httpStatus == 404 &&
        message.contains(QLatin1String("session not found"), Qt::CaseInsensitive))
        return ErrorCode::SessionNotFound;
    if (httpStatus == 413)
        return ErrorCode::FileTooLarge;
    if (httpStatus >= 400)
        return httpStatus;
    return ErrorCode::InvalidResponse;
}

bool readCode(const QJsonValue& v, int* code)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d < -2147483648.0 || d > 2147483647.0)
            return false;
        *code = int(d);
        return true;
    }
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().trimmed().toInt(&ok);
        if (ok)
            *code = n;
        return ok;
    }
    return false;
}

QString text(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject())
        return v.toObject().value(QStringLiteral("message")).toString();
    return {};
}

QString detailText(const QJsonValue& detail)
{
    if (!detail.isArray())
        return text(detail);
    QStringList parts;
    for (const QJsonValue& item : detail.toArray()) {
        const QString msg = item.isObject()
                                ? item.toObject().value(QStringLiteral("msg")).toString()
                                : item.toString();
        if (!msg.isEmpty())
            parts << msg;
    }
    return parts.join(QStringLiteral("; "));
}

void fail(Envelope& e, int code)
{
    e.ok = false;
    e.code = code != 0 ? code : codeFromHttp(e.httpStatus, e.message);
    if (e.code == 0)
        e.code = ErrorCode::InvalidResponse;
}

// Removes bearer tokens, JWTs, token=... pairs and long opaque strings.
QString scrub(QString s)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("(?i)bearer\\s+\\S+")),
        QRegularExpression(
            QStringLiteral("(?i)(token|secret|password|api[_-]?key)(\\s*[=:]\\s*)\\S+")),
        QRegularExpression(QStringLiteral("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_.-]+")),
        QRegularExpression(QStringLiteral("[A-Za-z0-9_+/=-]{40,}")),
    };
    s.replace(patterns[0], QStringLiteral("Bearer ***"));
    s.replace(patterns[1], QStringLiteral("\\1\\2***"));
    s.replace(patterns[2], QStringLiteral("***"));
    s.replace(patterns[3], QStringLiteral("***"));
    s = s.simplified();
    if (s.size() > 300)
        s = s.left(299) + QChar(0x2026);
    return s;
}

QString withDetail(const QString& message, const QString& serverMessage)
{
    const QString detail = scrub(serverMessage);
    if (detail.isEmpty())
        return message;
    return QCoreApplication::translate("ApiError", "%1 (%2)").arg(message, detail);
}

} // namespace

Envelope decodeEnvelope(int httpStatus, const QByteArray& body)
{
    Envelope e;
    e.httpStatus = httpStatus;
    if (httpStatus == 0) {
        e.code = ErrorCode::NetworkError;
        return e;
    }
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty()) {
        if (httpStatus == 204) {
            e.ok = true;
            return e;
        }
        fail(e, 0);
        return e;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Proxies answer with plain text ("502 Bad Gateway"); keep a short line of it.
        if (!trimmed.startsWith('<'))
            e.message = scrub(QString::fromUtf8(trimmed.left(200)));
        fail(e, httpStatus >= 400 ? 0 : int(ErrorCode::InvalidResponse));
        return e;
    }
    if (!doc.isObject()) {
        e.data = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue();
        if (httpStatus < 400 && doc.isArray())
            e.ok = true;
        else
            fail(e, 0);
        return e;
    }

    const QJsonObject o = doc.object();
    const QJsonValue codeValue = o.value(QStringLiteral("code"));
    const QJsonValue success = o.value(QStringLiteral("success"));
    const QJsonValue detail = o.value(QStringLiteral("detail"));
    int code = 0;
    if (!codeValue.isUndefined() && !codeValue.isNull() && !success.isBool()) {
        e.message = text(o.value(QStringLiteral("message")));
        e.data = o.value(QStringLiteral("data"));
        if (!readCode(codeValue, &code)) {
            fail(e, 0);
            return e;
        }
        // Some gateways say success as code 200; no ErrorCode can be 200.
        if (code == 200)
            code = ErrorCode::Ok;
        e.code = code;
        if (code == 0 && httpStatus < 400)
            e.ok = true;
        else
            fail(e, code);
        return e;
    }
    if (success.isBool()) {
        e.data = o.value(QStringLiteral("data"));
        const QJsonValue err = o.value(QStringLiteral("error"));
        e.message = text(err);
        if (e.message.isEmpty())
            e.message = text(o.value(QStringLiteral("message")));
        if (success.toBool() && httpStatus < 400) {
            e.ok = true;
            return e;
        }
        if (err.isObject())
            readCode(err.toObject().value(QStringLiteral("code")), &code);
        if (code == 0)
            readCode(codeValue, &code);
        fail(e, code != 0 ? code : (httpStatus >= 400 ? 0 : int(ErrorCode::Internal)));
        return e;
    }
    if (!detail.isUndefined()) {
        e.message = detailText(detail);
        fail(e, httpStatus >= 400 ? 0 : int(ErrorCode::BadRequest));
        return e;
    }
    e.data = o;
    if (httpStatus < 400) {
        e.ok = true;
        return e;
    }
    e.message = text(o.value(QStringLiteral("message")));
    if (e.message.isEmpty())
        e.message = text(o.value(QStringLiteral("error")));
    readCode(codeValue, &code);
    fail(e, code);
    return e;
}

ErrorInfo describeError(int httpStatus, int code, const QString& serverMessage)
{
    switch (code) {
    case ErrorCode::Ok:
        if (httpStatus < 400 && httpStatus != 0)
            return {};
        break;
    case ErrorCode::TokenInvalid:
        return {QCoreApplication::translate(
                    "ApiError",
                    "Your sign-in has expired. Clipwright will get a new token and try again."),
                Recovery::Reauthenticate};
    case ErrorCode::SessionNotFound:
        return {QCoreApplication::translate(
                    "ApiError",
                    "The editing session was not found on the server. A new session will be "
                    "started; your media may need to be added again."),
                Recovery::NewSession};
    case ErrorCode::NoCredits:
        return {QCoreApplication::translate(
                    "ApiError",
                    "You have run out of credits. Register for free to get more, or top up your "
                    "account."),
                Recovery::Register};
    case ErrorCode::BadRequest:
        return {withDetail(QCoreApplication::translate("ApiError",
                                                       "The editor did not accept this request."),
                           serverMessage),
                Recovery::None};
    case ErrorCode::UnsupportedFile:
        return {QCoreApplication::translate("ApiError",
                                            "This file type is not supported. Accepted types: %1.")
                    .arg(acceptedExtensions().join(QStringLiteral(", "))),
                Recovery::ShowAcceptedTypes};
    case ErrorCode::FileTooLarge:
        return {QCoreApplication::translate(
                    "ApiError",
                    "This file is larger than 500 MB. Trim it or compress it, then upload it "
                    "again."),
                Recovery::SuggestTrim};
    case ErrorCode::NotFound:
        return {
            withDetail(QCoreApplication::translate("ApiError", "The requested item was not found."),
                       serverMessage),
            Recovery::None};
    case ErrorCode::Conflict:
        return {
            withDetail(QCoreApplication::translate("ApiError", "That cannot be done right now."),
                       serverMessage),
            Recovery::None};
    case ErrorCode::Internal:
        return {
            withDetail(QCoreApplication::translate(
                           "ApiError", "The editing engine ran into an internal error. Try again."),
                       serverMessage),
            Recovery::Retry};
    case ErrorCode::NetworkError:
        return {QCoreApplication::translate(
                    "ApiError",
                    "Could not reach the editing service. Check your connection and try again."),
                Recovery::CheckConnection};
    case ErrorCode::Timeout:
        return {QCoreApplication::translate(
                    "ApiError", "The editing service took too long to answer. Try again."),
                Recovery::Retry};
    case ErrorCode::InvalidResponse:
        return {QCoreApplication::translate(
                    "ApiError",
                    "The editing service sent an answer Clipwright could not read. Try again."),
                Recovery::Retry};
    case ErrorCode::Cancelled:
        return {QCoreApplication::translate("ApiError", "Cancelled."), Recovery::None};
    default:
        break;
    }

    switch (httpStatus) {
    case 400:
        // PROTOCOL.md: the cloud's bare 400 means a missing X-Client-Id.
        if (serverMessage.isEmpty() ||
            serverMessage.contains(QLatin1String("client"), Qt::CaseInsensitive))
            return {
                QCoreApplication::translate(
                    "ApiError",
                    "The server asked for a client id. Clipwright will create one and try again."),
                Recovery::NewClientId};
        return {withDetail(QCoreApplication::translate("ApiError",
                                                       "The editor did not accept this request."),
                           serverMessage),
                Recovery::None};
    case 401:
        return {QCoreApplication::translate(
                    "ApiError",
                    "Your sign-in has expired. Clipwright will get a new token and try again."),
                Recovery::Reauthenticate};
    case 402:
        return {QCoreApplication::translate(
                    "ApiError", "Your plan does not allow export. Register or upgrade to export."),
                Recovery::UpgradePlan};
    case 403:
        return {
            withDetail(QCoreApplication::translate("ApiError", "The server refused this request."),
                       serverMessage),
            Recovery::None};
    case 404:
        return {
            withDetail(QCoreApplication::translate("ApiError", "The requested item was not found."),
                       serverMessage),
            Recovery::None};
    case 413:
        return {QCoreApplication::translate(
                    "ApiError",
                    "This file is larger than 500 MB. Trim it or compress it, then upload it "
                    "again."),
                Recovery::SuggestTrim};
    case 429:
        return {QCoreApplication::translate("ApiError",
                                            "Too many requests. Waiting 30 s, then trying again."),
                Recovery::WaitAndRetry};
    default:
        break;
    }
    if (httpStatus >= 500)
        return {QCoreApplication::translate(
                    "ApiError",
                    "The editing service is having trouble (HTTP %1). Try again in a moment.")
                    .arg(httpStatus),
                Recovery::Retry};
    const QString detail = scrub(serverMessage);
    if (!detail.isEmpty())
        return {detail, Recovery::None};
    return {QCoreApplication::translate("ApiError", "The request failed (HTTP %1, code %2).")
                .arg(httpStatus)
                .arg(code),
            Recovery::None};
}

QByteArray okBody(const QJsonValue& data)
{
    QJsonObject o{{QStringLiteral("code"), 0}, {QStringLiteral("message"), QStringLiteral("ok")}};
    o.insert(QStringLiteral("data"), data.isUndefined() ? QJsonValue() : data);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(int code, const QString& message)
{
    const QJsonObject o{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace cw
