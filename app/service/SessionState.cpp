// See SessionState.h. Tolerant on purpose: unknown keys are ignored and the draft decoder
// keeps what it does not know.
#include "SessionState.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace cw {

namespace {

QString firstString(std::initializer_list<QJsonValue> values)
{
    for (const QJsonValue& v : values)
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    return {};
}

} // namespace

std::optional<SessionState> SessionState::fromJson(const QJsonValue& data, QString* error)
{
    if (!data.isObject()) {
        if (error)
            *error = QCoreApplication::translate("SessionState", "The session state is missing.");
        return std::nullopt;
    }
    const QJsonObject o = data.toObject();
    SessionState s;
    s.sessionId = o.value(QStringLiteral("session_id")).toString();
    s.taskId = o.value(QStringLiteral("task_id")).toString();
    if (o.value(QStringLiteral("version")).isDouble())
        s.version = o.value(QStringLiteral("version")).toInt();
    // The state object itself, or (some cloud answers) its fields at the top level.
    const QJsonObject state = o.value(QStringLiteral("state")).isObject()
                                  ? o.value(QStringLiteral("state")).toObject()
                                  : o;
    const QJsonValue draft = state.value(QStringLiteral("draft"));
    if (draft.isObject()) {
        QString why;
        const auto decoded = Draft::fromJson(draft.toObject(), &why);
        if (!decoded) {
            if (error)
                *error = why;
            return std::nullopt;
        }
        s.draft = *decoded;
    } else if (draft.isString()) { // some backends send the draft as a JSON string
        QString why;
        const auto decoded = Draft::fromBytes(draft.toString().toUtf8(), &why);
        if (!decoded) {
            if (error)
                *error = why;
            return std::nullopt;
        }
        s.draft = *decoded;
    }
    for (const char* key : {"video_infos", "generated_media"})
        for (const QJsonValue& v : state.value(QLatin1String(key)).toArray())
            if (v.isObject())
                s.media.append(MediaItem::fromJson(v.toObject()));
    s.canvas = state.value(QStringLiteral("canvas_config")).toObject();
    return s;
}

bool RenderStatus::isDone() const
{
    return status == QLatin1String("completed") || isFailed();
}

bool RenderStatus::isFailed() const
{
    return status == QLatin1String("failed") || status == QLatin1String("cancelled") ||
           status == QLatin1String("canceled") || status == QLatin1String("error");
}

RenderStatus RenderStatus::fromJson(const QJsonValue& value)
{
    const QJsonObject top = value.toObject();
    const QJsonObject inner = top.value(QStringLiteral("data")).toObject();
    // Fields of the job: prefer the nested data object when the top has no status.
    const QJsonObject job = top.contains(QStringLiteral("status")) || inner.isEmpty() ? top : inner;

    RenderStatus r;
    r.id = firstString({job.value(QStringLiteral("id")), top.value(QStringLiteral("id")),
                        inner.value(QStringLiteral("id"))});
    r.status =
        firstString({job.value(QStringLiteral("status")), inner.value(QStringLiteral("status"))})
            .toLower();
    const QJsonValue progress = job.contains(QStringLiteral("progress"))
                                    ? job.value(QStringLiteral("progress"))
                                    : inner.value(QStringLiteral("progress"));
    const double p = progress.isString() ? progress.toString().toDouble() : progress.toDouble();
    r.progress = std::isfinite(p) ? int(qBound(0.0, p, 100.0) + 0.5) : 0;
    r.outputUrl =
        firstString({top.value(QStringLiteral("output")).toObject().value(QStringLiteral("url")),
                     top.value(QStringLiteral("outputUrl")),
                     inner.value(QStringLiteral("output")).toObject().value(QStringLiteral("url")),
                     inner.value(QStringLiteral("outputUrl"))});
    r.outputPath =
        job.value(QStringLiteral("output")).toObject().value(QStringLiteral("path")).toString();
    const QJsonObject window = job.value(QStringLiteral("window")).toObject();
    const qint64 from = window.value(QStringLiteral("from_ms")).toInteger(-1);
    const qint64 to = window.value(QStringLiteral("to_ms")).toInteger(-1);
    if (from >= 0 && to > from) {
        r.windowPath = window.value(QStringLiteral("path")).toString();
        r.windowFromMs = from;
        r.windowToMs = to;
    }
    const QJsonValue err = job.value(QStringLiteral("error"));
    r.error = err.isObject() ? err.toObject().value(QStringLiteral("message")).toString()
                             : err.toString();
    if (r.status == QLatin1String("completed"))
        r.progress = 100;
    return r;
}

} // namespace cw
