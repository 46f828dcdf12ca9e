// setFade (Fades.h). A clip is counted in timeline order on the main video track, as
// deleteClip counts it; the music's fade sits on its first repeat (in) or last (out).
#include "edit/Fades.h"

#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <algorithm>

namespace cw::engine {

using namespace ops;

namespace {

QJsonObject fadeValue(qint64 ms, const QString& color)
{
    return {{QStringLiteral("d"), ms}, {QStringLiteral("color"), color}};
}

EditResult fadeMusic(const Draft& draft, const FadeOptions& o)
{
    Draft out = draft;
    for (Track& t : out.t) {
        QList<int> music;
        for (int i : sortedIndices(t))
            if (isMusicSegment(t, t.sg[i]) && t.sg[i].d > 0)
                music << i;
        if (music.isEmpty())
            continue;
        Segment& s = t.sg[o.in ? music.first() : music.last()];
        const qint64 wanted = o.durationMs >= 0 ? o.durationMs : (o.in ? 1000 : 2000);
        const qint64 ms = std::min(wanted, s.d / 2);
        s.m.insert(QLatin1String(o.in ? "fi" : "fo"), ms);
        return success(
            out, {{QStringLiteral("duration_ms"), ms}, {QStringLiteral("clamped"), ms < wanted}});
    }
    return fail(ErrorCode::Conflict,
                QStringLiteral("There is no background music on the timeline to fade."));
}

} // namespace

EditResult setFade(const Draft& draft, const FadeOptions& o)
{
    if (o.target == QLatin1String("music"))
        return fadeMusic(draft, o);
    if (!o.target.isEmpty() && o.target != QLatin1String("sound"))
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("Unknown fade target \"%1\" (use sound or music).").arg(o.target));
    const QString color = o.target == QLatin1String("sound")  ? QStringLiteral("none")
                          : o.color == QLatin1String("white") ? QStringLiteral("white")
                                                              : QStringLiteral("black");
    const QString key = o.in ? QStringLiteral("fade_in") : QStringLiteral("fade_out");
    const qint64 wanted = o.durationMs >= 0 ? o.durationMs : kDefaultFadeMs;
    Draft out = draft;
    QJsonObject* m = &out.m;
    qint64 length = out.computedDuration();
    if (o.clip != -2) {
        const int vt = mainVideoTrack(out);
        const QList<int> order = vt < 0 ? QList<int>{} : sortedIndices(out.t[vt]);
        const int index = o.clip == -1 ? int(order.size()) - 1 : o.clip;
        if (index < 0 || index >= order.size())
            return fail(ErrorCode::NotFound,
                        QStringLiteral("There is no clip %1: the video has %2.")
                            .arg(o.clip + 1)
                            .arg(order.size() == 1 ? QStringLiteral("one clip")
                                                   : QStringLiteral("%1 clips").arg(order.size())));
        Segment& s = out.t[vt].sg[order[index]];
        m = &s.m;
        length = s.d;
    }
    if (length <= 0)
        return fail(ErrorCode::Conflict, QStringLiteral("The timeline is empty: nothing to fade."));
    const qint64 ms = std::min(wanted, length / 2);
    if (ms <= 0) {
        if (!m->contains(key))
            return fail(ErrorCode::Conflict,
                        o.in ? QStringLiteral("There is no fade-in to remove.")
                             : QStringLiteral("There is no fade-out to remove."));
        m->remove(key);
    } else {
        m->insert(key, fadeValue(ms, color));
    }
    return success(out, {{QStringLiteral("duration_ms"), ms},
                         {QStringLiteral("color"), color},
                         {QStringLiteral("clamped"), ms < wanted}});
}

} // namespace cw::engine
