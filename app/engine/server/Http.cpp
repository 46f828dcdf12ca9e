#include "server/Http.h"

#include "ApiError.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace cw::engine {

int httpStatusForCode(int code)
{
    switch (code) {
    case ErrorCode::Ok:
        return 200;
    case ErrorCode::TokenInvalid:
        return 401;
    case ErrorCode::SessionNotFound:
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::NoCredits:
        return 402;
    case ErrorCode::UnsupportedFile:
        return 415;
    case ErrorCode::FileTooLarge:
        return 413;
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::BadRequest:
        return 400;
    default:
        return 500;
    }
}

void sendOk(httplib::Response& res, const QJsonValue& data)
{
    res.status = 200;
    const QByteArray body = okBody(data);
    res.set_content(body.constData(), size_t(body.size()), "application/json");
}

void sendError(httplib::Response& res, int code, const QString& message)
{
    res.status = httpStatusForCode(code);
    const QByteArray body = errorBody(code, message);
    res.set_content(body.constData(), size_t(body.size()), "application/json");
}

void sendSessionNotFound(httplib::Response& res, const QString& sessionId)
{
    sendError(res, ErrorCode::SessionNotFound,
              QStringLiteral("Session not found: %1").arg(sessionId));
}

bool parseJsonBody(const httplib::Request& req, httplib::Response& res, QJsonObject* out,
                   bool allowEmpty)
{
    if (req.body.size() > kMaxJsonBodyBytes) {
        sendError(res, ErrorCode::BadRequest,
                  QStringLiteral("The request body is larger than %1 MiB.")
                      .arg(kMaxJsonBodyBytes / (1024 * 1024)));
        res.status = 413;
        return false;
    }
    if (req.body.empty() && allowEmpty) {
        *out = QJsonObject();
        return true;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(req.body.data(), qsizetype(req.body.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        sendError(
            res, ErrorCode::BadRequest,
            error.error != QJsonParseError::NoError
                ? QStringLiteral("The request body is not valid JSON: %1.").arg(error.errorString())
                : QStringLiteral("The request body must be a JSON object."));
        return false;
    }
    *out = doc.object();
    return true;
}

} // namespace cw::engine
