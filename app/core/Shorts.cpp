// Shorts stored in a draft and the draft of one short (see Shorts.h).
//
// Cutting follows the engine's own cut (engine/edit OperationsArrange cutRange and
// OperationsUtil splitSegment): footage (a segment with a source on a video track, or on an
// audio track that is not music) is split at the range edges, a part after a cut loses its
// transition and fade in, a part before one its fade out, a reversed part shows the later
// source first, a frozen frame stays the same frame, a gradual zoom takes its share. Spans
// (titles, music) keep their in-point and move with the timeline; what falls outside every
// range goes. It is repeated here rather than shared because core links no engine code and
// the client must derive the same draft to send it with the render request.
#include "Shorts.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace cw {

namespace {

bool isMusic(const Track& t, const Segment& s)
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
    return !s.src.isEmpty() &&
           (t.tt == int(TrackType::Video) || (t.tt == int(TrackType::Audio) && !isMusic(t, s)));
}

double speedOf(const Segment& s)
{
    const double v = s.m.value(QLatin1String("speed")).toDouble(1.0);
    return v > 0.01 && std::isfinite(v) ? v : 1.0;
}

QList<TimeRange> merged(QList<TimeRange> v)
{
    std::sort(v.begin(), v.end(), [](const TimeRange& a, const TimeRange& b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    QList<TimeRange> out;
    for (const TimeRange& r : v) {
        if (r.to <= r.from)
            continue;
        if (!out.isEmpty() && r.from <= out.last().to)
            out.last().to = std::max(out.last().to, r.to);
        else
            out << r;
    }
    return out;
}

// The part [a, b) of a footage segment, as splitSegment would leave it.
Segment partOf(const Segment& s, qint64 a, qint64 b)
{
    Segment p = s;
    p.st = a;
    p.d = b - a;
    const double speed = speedOf(s);
    if (s.m.value(QLatin1String("reverse")).toBool())
        p.in = s.in + qRound64(double(s.end() - b) * speed);
    else if (!s.m.value(QLatin1String("freeze")).toBool())
        p.in = s.in + qRound64(double(a - s.st) * speed);
    if (s.m.contains(QLatin1String("zoom"))) {
        const QJsonObject z = s.m.value(QLatin1String("zoom")).toObject();
        const double z0 = z.value(QLatin1String("z0")).toDouble(1);
        const double z1 = z.value(QLatin1String("z1")).toDouble(1);
        const double len = double(std::max<qint64>(1, s.d));
        p.m.insert(QLatin1String("zoom"),
                   QJsonObject{{QLatin1String("z0"), z0 + (z1 - z0) * double(a - s.st) / len},
                               {QLatin1String("z1"), z0 + (z1 - z0) * double(b - s.st) / len}});
    }
    if (a > s.st) {
        p.m.remove(QLatin1String("tr"));
        p.m.remove(QLatin1String("fade_in"));
    }
    if (b < s.end())
        p.m.remove(QLatin1String("fade_out"));
    return p;
}

} // namespace

QList<ShortSpec> shortsOf(const Draft& draft)
{
    QList<ShortSpec> out;
    const QJsonArray list = draft.m.value(QLatin1String("shorts")).toArray();
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        ShortSpec s;
        s.name = o.value(QLatin1String("name")).toString();
        s.m = o.value(QLatin1String("m")).toObject();
        for (const QJsonValue& k : o.value(QLatin1String("keep")).toArray()) {
            const QJsonObject r = k.toObject();
            SourceRange range{r.value(QLatin1String("src")).toString(),
                              qint64(r.value(QLatin1String("in")).toDouble(-1)),
                              qint64(r.value(QLatin1String("out")).toDouble(-1))};
            if (!range.src.isEmpty() && range.in >= 0 && range.out > range.in)
                s.keep << range;
        }
        if (s.keep.isEmpty())
            continue;
        if (s.name.isEmpty())
            s.name = QStringLiteral("Short %1").arg(out.size() + 1);
        out << s;
    }
    return out;
}

Draft withShorts(const Draft& draft, const QList<ShortSpec>& shorts)
{
    Draft out = draft;
    if (shorts.isEmpty()) {
        out.m.remove(QLatin1String("shorts"));
        return out;
    }
    QJsonArray list;
    for (const ShortSpec& s : shorts) {
        QJsonArray keep;
        for (const SourceRange& r : s.keep)
            keep.append(QJsonObject{{QStringLiteral("src"), r.src},
                                    {QStringLiteral("in"), r.in},
                                    {QStringLiteral("out"), r.out}});
        QJsonObject o{{QStringLiteral("name"), s.name}, {QStringLiteral("keep"), keep}};
        if (!s.m.isEmpty())
            o.insert(QStringLiteral("m"), s.m);
        list.append(o);
    }
    out.m.insert(QStringLiteral("shorts"), list);
    return out;
}

int shortsReferenceTrack(const Draft& d)
{
    auto hasFootage = [&](int i) {
        return std::any_of(d.t[i].sg.begin(), d.t[i].sg.end(),
                           [&](const Segment& s) { return isFootage(d.t[i], s) && s.d > 0; });
    };
    for (int i = 0; i < d.t.size(); ++i) {
        if (d.t[i].tt == int(TrackType::Video) && !d.t[i].sg.isEmpty()) {
            if (hasFootage(i))
                return i;
            break;
        }
    }
    for (int i = 0; i < d.t.size(); ++i)
        if (hasFootage(i))
            return i;
    return -1;
}

QList<SourceRange> sourceRangesOf(const Draft& draft, const QList<TimeRange>& timeline)
{
    QList<SourceRange> out;
    const int ti = shortsReferenceTrack(draft);
    if (ti < 0)
        return out;
    QList<Segment> sg = draft.t[ti].sg;
    std::stable_sort(sg.begin(), sg.end(),
                     [](const Segment& a, const Segment& b) { return a.st < b.st; });
    for (const TimeRange& r : merged(timeline)) {
        for (const Segment& s : sg) {
            const qint64 a = std::max(r.from, s.st), b = std::min(r.to, s.end());
            if (b <= a || !isFootage(draft.t[ti], s))
                continue;
            const Segment p = partOf(s, a, b);
            const qint64 len = s.m.value(QLatin1String("freeze")).toBool()
                                   ? 1
                                   : std::max<qint64>(1, qRound64(double(p.d) * speedOf(s)));
            SourceRange sr{s.src, p.in, p.in + len};
            // Consecutive parts of one source that touch are one range.
            if (!out.isEmpty() && out.last().src == sr.src && out.last().out == sr.in)
                out.last().out = sr.out;
            else
                out << sr;
        }
    }
    return out;
}

QList<TimeRange> timelineRangesOf(const Draft& draft, const QList<SourceRange>& keep)
{
    QList<TimeRange> out;
    const int ti = shortsReferenceTrack(draft);
    if (ti < 0)
        return out;
    for (const Segment& s : draft.t[ti].sg) {
        if (!isFootage(draft.t[ti], s) || s.d <= 0 || s.m.value(QLatin1String("freeze")).toBool())
            continue;
        const double speed = speedOf(s);
        const qint64 srcEnd = s.in + qRound64(double(s.d) * speed);
        const bool reverse = s.m.value(QLatin1String("reverse")).toBool();
        for (const SourceRange& k : keep) {
            if (k.src != s.src)
                continue;
            const qint64 a = std::max(k.in, s.in), b = std::min(k.out, srcEnd);
            if (b <= a)
                continue;
            qint64 t0 = s.st + qRound64(double(a - s.in) / speed);
            qint64 t1 = s.st + qRound64(double(b - s.in) / speed);
            if (reverse) {
                t0 = s.st + qRound64(double(srcEnd - b) / speed);
                t1 = s.st + qRound64(double(srcEnd - a) / speed);
            }
            out << TimeRange{std::max(s.st, t0), std::min(s.end(), t1)};
        }
    }
    return merged(out);
}

Draft keepTimeRanges(const Draft& draft, const QList<TimeRange>& wanted)
{
    const QList<TimeRange> ranges = merged(wanted);
    // Where a timeline time lands once only the ranges play.
    auto map = [&ranges](qint64 x) {
        qint64 before = 0;
        for (const TimeRange& r : ranges) {
            if (x <= r.from)
                return before;
            if (x < r.to)
                return before + (x - r.from);
            before += r.length();
        }
        return before;
    };
    Draft out = draft;
    QSet<QString> ids;
    for (const Track& t : draft.t)
        for (const Segment& s : t.sg)
            ids.insert(s.id);
    qint64 footageEnd = 0;
    for (Track& t : out.t) {
        QList<Segment> sg;
        for (const Segment& s : std::as_const(t.sg)) {
            if (!isFootage(t, s)) {
                Segment n = s;
                n.st = map(s.st);
                n.d = map(s.end()) - n.st;
                if (n.d > 0)
                    sg << n;
                continue;
            }
            int part = 0;
            for (const TimeRange& r : ranges) {
                const qint64 a = std::max(r.from, s.st), b = std::min(r.to, s.end());
                if (b <= a)
                    continue;
                Segment p = partOf(s, a, b);
                p.st = map(a);
                if (part++ > 0) {
                    for (int k = 1;; ++k) {
                        const QString id = s.id + QLatin1Char('_') + QString::number(k);
                        if (!ids.contains(id)) {
                            p.id = id;
                            break;
                        }
                    }
                    ids.insert(p.id);
                }
                footageEnd = std::max(footageEnd, p.end());
                sg << p;
            }
        }
        t.sg = sg;
    }
    // Titles and music never outlast the footage.
    for (Track& t : out.t) {
        QList<Segment> sg;
        for (Segment s : std::as_const(t.sg)) {
            if (!isFootage(t, s) && footageEnd > 0) {
                if (s.st >= footageEnd)
                    continue;
                s.d = std::min(s.d, footageEnd - s.st);
            }
            sg << s;
        }
        t.sg = sg;
    }
    out.d = out.computedDuration();
    return out;
}

std::optional<Draft> shortDraft(const Draft& draft, int n, QString* error)
{
    const QList<ShortSpec> shorts = shortsOf(draft);
    auto failed = [error](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (shorts.isEmpty())
        return failed(QStringLiteral("This edit has no shorts; ask for them first, e.g. \"make "
                                     "3 shorts of 30 seconds\"."));
    if (n < 1 || n > shorts.size())
        return failed(QStringLiteral("There is no short %1: this edit has %2 (1-%2).")
                          .arg(n)
                          .arg(shorts.size()));
    const ShortSpec& s = shorts.at(n - 1);
    const QList<TimeRange> ranges = timelineRangesOf(draft, s.keep);
    if (ranges.isEmpty())
        return failed(QStringLiteral("The footage of %1 is no longer on the timeline; make the "
                                     "shorts again.")
                          .arg(s.name));
    Draft out = keepTimeRanges(draft, ranges);
    out.m.remove(QLatin1String("shorts"));
    for (auto it = s.m.constBegin(); it != s.m.constEnd(); ++it)
        out.m.insert(it.key(), it.value());
    out.m.insert(QStringLiteral("short"), s.name);
    return out;
}

} // namespace cw
