// See ExecutorSupport.h.
#include "agent/ExecutorSupport.h"

#include "store/Store.h"

#include <QFileInfo>
#include <QJsonObject>

namespace cw::engine {

QString pick(bool zh, const char* en, const char* chinese)
{
    return zh ? QString::fromUtf8(chinese) : QString::fromUtf8(en);
}

OpOutcome failure(const QString& message)
{
    OpOutcome out;
    out.ok = false;
    out.response = QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}};
    out.reply = message;
    return out;
}

MediaRef refOf(const MediaRecord& m)
{
    MediaRef r;
    r.id = m.id;
    r.fileName = m.filename;
    r.kind = m.kind;
    r.durationMs = m.durationMs;
    r.hasAudio = m.hasAudio;
    r.hasVideo = m.hasVideo;
    return r;
}

bool sameFileName(const QString& stored, const QString& asked)
{
    return stored.compare(asked, Qt::CaseInsensitive) == 0 ||
           QFileInfo(stored).fileName().compare(QFileInfo(asked).fileName(), Qt::CaseInsensitive) ==
               0;
}

} // namespace cw::engine
