// Request guards. The token is compared in constant time (for equal lengths) so response
// timing does not reveal how much of a guess was right; it is never logged. Bodies of JSON
// routes are read whole by httplib before the handler runs, so a Content-Length far above
// the JSON limit is refused here, before reading; the handler refuses smaller excesses with
// a clean 413 after reading.
#include "server/FaultInjection.h"
#include "server/Http.h"
#include "server/Routes.h"

#include "ApiError.h"

#include <exception>

namespace cw::engine {

namespace {

constexpr uint64_t kHardBodyCap = 4 * kMaxJsonBodyBytes;

bool isUploadPath(const std::string& path)
{
    return path.rfind("/api/upload-video/", 0) == 0;
}

} // namespace

bool tokenMatches(const std::string& header, const std::string& token)
{
    static const std::string prefix = "Bearer ";
    if (token.empty() || header.size() != prefix.size() + token.size())
        return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < prefix.size(); ++i)
        diff |= static_cast<unsigned char>(header[i] ^ prefix[i]);
    for (size_t i = 0; i < token.size(); ++i)
        diff |= static_cast<unsigned char>(header[prefix.size() + i] ^ token[i]);
    return diff == 0;
}

void installGuards(httplib::Server& http, const std::string& token)
{
    installFaultPostRouting(http);
    http.set_pre_routing_handler([token](const httplib::Request& req, httplib::Response& res) {
        if (const FaultDecision f = applyFaultsBeforeRouting(req, res, token);
            f != FaultDecision::Continue)
            return f == FaultDecision::Handled ? httplib::Server::HandlerResponse::Handled
                                               : httplib::Server::HandlerResponse::Unhandled;
        if (req.path == "/health" && (req.method == "GET" || req.method == "HEAD"))
            return httplib::Server::HandlerResponse::Unhandled;
        if (!tokenMatches(req.get_header_value("Authorization"), token)) {
            sendError(res, ErrorCode::TokenInvalid,
                      QStringLiteral("Missing or wrong access token."));
            res.set_header("WWW-Authenticate", "Bearer");
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!isUploadPath(req.path) &&
            req.get_header_value<uint64_t>("Content-Length") > kHardBodyCap) {
            sendError(res, ErrorCode::BadRequest, QStringLiteral("The request body is too large."));
            res.status = 413;
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&,
                                                                   httplib::Response& res) {
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        const int status = res.status;
        if (status == 404)
            sendError(res, ErrorCode::NotFound, QStringLiteral("No such endpoint."));
        else if (status == 413)
            sendError(res, ErrorCode::BadRequest, QStringLiteral("The request body is too large."));
        else if (status >= 500)
            sendError(res, ErrorCode::Internal, QStringLiteral("Internal engine error."));
        else
            sendError(res, ErrorCode::BadRequest, QStringLiteral("Bad request."));
        res.status = status;
        return httplib::Server::HandlerResponse::Handled;
    }));

    http.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            QString what = QStringLiteral("unknown exception");
            try {
                if (ep)
                    std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = QString::fromUtf8(e.what());
            } catch (...) {
            }
            qWarning("engine: %s %s failed: %s", req.method.c_str(), req.path.c_str(),
                     qPrintable(what));
            sendError(res, ErrorCode::Internal, QStringLiteral("Internal engine error."));
        });
}

} // namespace cw::engine
