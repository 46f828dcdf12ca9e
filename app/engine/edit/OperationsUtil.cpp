// Shared helpers of the editing operations: which segments are footage (cut and split) and
// which are spans (text, music: moved and clipped, never split), unique ids, time maps.
#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <QSet>
#include <algorithm>
#include <cmath>

namespace cw::engine::ops {

EditResult fail(int code, const QString& reason)
{
    EditResult r;
    r.ok = false;
    r.errorCode = code;
    r.error = reason;
    return r;
}

QString transitionKind(const QString& type, bool allowNone, EditResult* failed)
{
    static const QStringList types = {QStringLiteral("fade"), QStringLiteral("dissolve"),
                                      QStringLiteral("wipe"), QStringLiteral("slide"),
                                      QStringLiteral("zoom")};
    const QString kind = type.isEmpty() ? QStringLiteral("fade") : type.toLower();
    if (types.contains(kind) || (allowNone && kind == QLatin1String("none")))
        return kind;
    *failed = fail(ErrorCode::BadRequest,
                   QStringLiteral("Unknown transition \"%1\" (use fade, dissolve, wipe, slide "
                                  "or zoom).")
                       .arg(type));
    return {};
}

EditResult success(Draft draft, QJsonObject details)
{
    EditResult r;
    r.ok = true;
    QSet<QString> ids;
    for (Track& t : draft.t) {
        for (Segment& s : t.sg) {
            if (ids.contains(s.id) || s.id.isEmpty())
                s.id = uniqueSegmentId(draft, s.id.isEmpty() ? QStringLiteral("s") : s.id);
            ids.insert(s.id);
        }
    }
    draft.d = draft.computedDuration();
    details.insert(QStringLiteral("new_duration_ms"), draft.d);
    r.draft = std::move(draft);
    r.details = std::move(details);
    return r;
}

bool isMusicSegment(const Track& t, const Segment& s)
{
    if (t.tt != int(TrackType::Audio))
        return false;
    if (s.m.value(QLatin1String("role")).toString() == QLatin1String("music") ||
        s.m.value(QLatin1String("duck")).toBool())
        return true;
    const QString n = t.n.toLower();
    return n.contains(QLatin1String("music")) || n.contains(QLatin1String("bgm")) ||
           n.contains(QStringLiteral("音乐"));
}

bool isFootage(const Track& t, const Segment& s)
{
    if (s.src.isEmpty())
        return false;
    return t.tt == int(TrackType::Video) ||
           (t.tt == int(TrackType::Audio) && !isMusicSegment(t, s));
}

double speedOf(const Segment& s)
{
    const double v = s.m.value(QLatin1String("speed")).toDouble(1.0);
    return v > 0.01 && std::isfinite(v) ? v : 1.0;
}

int mainVideoTrack(const Draft& d)
{
    int first = -1;
    for (int i = 0; i < d.t.size(); ++i) {
        if (d.t[i].tt != int(TrackType::Video))
            continue;
        if (!d.t[i].sg.isEmpty())
            return i;
        if (first < 0)
            first = i;
    }
    return first;
}

QList<int> sortedIndices(const Track& t)
{
    QList<int> idx;
    for (int i = 0; i < t.sg.size(); ++i)
        idx << i;
    std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return t.sg[a].st < t.sg[b].st; });
    return idx;
}

QString uniqueSegmentId(const Draft& d, const QString& base, const QSet<QString>& alsoTaken)
{
    QSet<QString> ids = alsoTaken;
    for (const Track& t : d.t)
        for (const Segment& s : t.sg)
            ids.insert(s.id);
    for (int n = 1;; ++n) {
        const QString id = base + QLatin1Char('_') + QString::number(n);
        if (!ids.contains(id))
            return id;
    }
}

int appendTrack(Draft& d, int tt, const QString& idBase, const QString& name)
{
    Track t;
    t.id = uniqueTrackId(d, idBase);
    t.tt = tt;
    t.n = name;
    d.t << t;
    return int(d.t.size()) - 1;
}

int appendTextTrack(Draft& d)
{
    return appendTrack(d, int(TrackType::Text), QStringLiteral("x"), QStringLiteral("Titles"));
}

QString uniqueTrackId(const Draft& d, const QString& base)
{
    for (int n = 1;; ++n) {
        const QString id = base + QString::number(n);
        if (!d.track(id))
            return id;
    }
}

QPair<Segment, Segment> splitSegment(const Draft& d, const Segment& s, qint64 t)
{
    Segment a = s;
    Segment b = s;
    a.d = t - s.st;
    b.st = t;
    b.d = s.end() - t;
    // A reversed piece plays its source backwards: the first part shows the later source.
    // A held frame stays the same frame in both parts.
    if (s.m.value(QLatin1String("reverse")).toBool())
        a.in = s.in + qRound64(double(b.d) * speedOf(s));
    else if (!s.m.value(QLatin1String("freeze")).toBool())
        b.in = s.in + qRound64(double(a.d) * speedOf(s));
    if (s.m.contains(QLatin1String("zoom"))) {
        // A gradual zoom keeps its course: each part takes its share of the change.
        const QJsonObject z = s.m.value(QLatin1String("zoom")).toObject();
        const double z0 = z.value(QLatin1String("z0")).toDouble(1);
        const double z1 = z.value(QLatin1String("z1")).toDouble(1);
        const double mid = z0 + (z1 - z0) * double(a.d) / double(std::max<qint64>(1, s.d));
        a.m.insert(QLatin1String("zoom"),
                   QJsonObject{{QLatin1String("z0"), z0}, {QLatin1String("z1"), mid}});
        b.m.insert(QLatin1String("zoom"),
                   QJsonObject{{QLatin1String("z0"), mid}, {QLatin1String("z1"), z1}});
    }
    b.id = uniqueSegmentId(d, s.id);
    b.m.remove(QLatin1String("tr"));
    a.m.remove(QLatin1String("fade_out"));
    b.m.remove(QLatin1String("fade_in"));
    return {a, b};
}

void splitFootageAt(Draft& d, qint64 t)
{
    for (Track& tr : d.t) {
        QList<Segment> out;
        for (const Segment& s : tr.sg) {
            if (isFootage(tr, s) && s.st < t && t < s.end()) {
                const auto parts = splitSegment(d, s, t);
                out << parts.first << parts.second;
            } else {
                out << s;
            }
        }
        tr.sg = out;
    }
}

void remapSpans(Draft& d, const std::function<qint64(qint64)>& map)
{
    for (Track& t : d.t) {
        QList<Segment> out;
        for (const Segment& s : t.sg) {
            if (isFootage(t, s)) {
                out << s;
                continue;
            }
            Segment n = s;
            n.st = map(s.st);
            const qint64 end = map(s.end());
            n.d = end - n.st;
            if (n.d <= 0)
                continue;
            out << n;
        }
        t.sg = out;
    }
}

qint64 footageEnd(const Draft& d)
{
    qint64 end = 0;
    for (const Track& t : d.t)
        for (const Segment& s : t.sg)
            if (isFootage(t, s))
                end = std::max(end, s.end());
    return end;
}

void clipSpansTo(Draft& d, qint64 endMs)
{
    if (endMs <= 0)
        return;
    for (Track& t : d.t) {
        QList<Segment> out;
        for (Segment s : t.sg) {
            if (!isFootage(t, s)) {
                if (s.st >= endMs)
                    continue;
                s.d = std::min(s.d, endMs - s.st);
            }
            out << s;
        }
        t.sg = out;
    }
}

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2.%3")
        .arg(s / 60)
        .arg(s % 60, 2, 10, QLatin1Char('0'))
        .arg((ms % 1000) / 100);
}

} // namespace cw::engine::ops
