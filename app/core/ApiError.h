// Response envelopes and the error-code table of PROTOCOL.md. The client decodes both
// envelope forms ({code,message,data} and {success,data,error}); the engine encodes the
// first. describeError maps a failure to words a user understands plus a recovery action.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace cw {

namespace ErrorCode {
enum : int {
    Ok = 0,
    TokenInvalid = 1001,
    SessionNotFound = 1002,
    NoCredits = 2001,
    BadRequest = 4000, // engine: malformed JSON, missing field, bad value
    UnsupportedFile = 4001,
    FileTooLarge = 4002,
    NotFound = 4004, // engine: unknown media, job or file
    Conflict = 4009, // engine: e.g. export of an empty draft
    Internal = 5000,
    // client-side conditions that never come from a server
    NetworkError = 9001,
    Timeout = 9002,
    InvalidResponse = 9003,
    Cancelled = 9004,
};
}

struct Envelope {
    bool ok = false;
    int httpStatus = 0;
    int code = 0;    // ErrorCode; InvalidResponse when the body is not an envelope
    QString message; // server's message (may be empty)
    QJsonValue data; // the payload; for top-level render responses, the whole object
};

Envelope decodeEnvelope(int httpStatus, const QByteArray& body);

enum class Recovery {
    None,
    Retry,
    Reauthenticate,
    NewSession,
    Register,
    TopUp,
    ShowAcceptedTypes,
    SuggestTrim,
    NewClientId,
    UpgradePlan,
    WaitAndRetry,
    CheckConnection,
};

struct ErrorInfo {
    QString message; // user-facing, translated
    Recovery recovery = Recovery::None;
};

ErrorInfo describeError(int httpStatus, int code, const QString& serverMessage = {});

// Engine side.
QByteArray okBody(const QJsonValue& data);
QByteArray errorBody(int code, const QString& message);

} // namespace cw
