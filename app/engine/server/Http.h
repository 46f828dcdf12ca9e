// Shared helpers of the route handlers: the {code,message,data} envelope (core's okBody /
// errorBody) with a matching HTTP status, JSON body parsing with a size cap, and string
// conversions between httplib (std::string, UTF-8) and Qt.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <httplib.h>

namespace cw::engine {

constexpr size_t kMaxJsonBodyBytes = 8 * 1024 * 1024;

inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
inline std::string ss(const QString& s)
{
    return s.toStdString();
}

int httpStatusForCode(int code);
void sendOk(httplib::Response& res, const QJsonValue& data);
void sendError(httplib::Response& res, int code, const QString& message);
void sendSessionNotFound(httplib::Response& res, const QString& sessionId);

// Parses the request body as a JSON object. On failure sends 413/400 with code 4000 and
// returns false. An empty body gives an empty object when allowEmpty.
bool parseJsonBody(const httplib::Request& req, httplib::Response& res, QJsonObject* out,
                   bool allowEmpty = false);

} // namespace cw::engine
