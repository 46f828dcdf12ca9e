// Draft codec. Decoding is tolerant of absent keys (defaults) and null values (treated as
// absent), and strict about types: a present key with the wrong JSON type fails the whole
// decode with an error naming its path ("t[0].sg[2].st: expected an integer"), because a
// half-decoded timeline that is then re-encoded would silently drop the user's edit.
// Millisecond fields may arrive as doubles (1200.0, 1200.4) and are rounded; values beyond
// +-2^53 are rejected since a double cannot carry them exactly anyway.
// Unknown keys at every level go to `extra` and are written back first on encode, so a known
// field always wins over a stale copy in `extra`.
#include "Draft.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <climits>
#include <cmath>

namespace cw {

namespace {

constexpr double kMaxExactInt = 9007199254740992.0; // 2^53

struct Reader {
    QString* error;

    bool fail(const QString& path, const char* what)
    {
        if (error)
            *error = path + QStringLiteral(": ") + QLatin1String(what);
        return false;
    }

    static bool absent(const QJsonValue& v) { return v.isUndefined() || v.isNull(); }

    bool integer(const QJsonObject& o, const char* key, const QString& path, qint64& out)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (absent(v))
            return true;
        if (!v.isDouble())
            return fail(path, "expected an integer");
        const double x = v.toDouble();
        if (!std::isfinite(x) || std::fabs(x) > kMaxExactInt)
            return fail(path, "number out of range");
        out = static_cast<qint64>(std::llround(x));
        return true;
    }

    bool integer(const QJsonObject& o, const char* key, const QString& path, int& out)
    {
        qint64 wide = out;
        if (!integer(o, key, path, wide))
            return false;
        if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
            return fail(path, "number out of range");
        out = static_cast<int>(wide);
        return true;
    }

    bool string(const QJsonObject& o, const char* key, const QString& path, QString& out)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (absent(v))
            return true;
        if (!v.isString())
            return fail(path, "expected a string");
        out = v.toString();
        return true;
    }

    bool object(const QJsonObject& o, const char* key, const QString& path, QJsonObject& out)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (absent(v))
            return true;
        if (!v.isObject())
            return fail(path, "expected an object");
        out = v.toObject();
        return true;
    }

    bool array(const QJsonObject& o, const char* key, const QString& path, QJsonArray& out)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (absent(v))
            return true;
        if (!v.isArray())
            return fail(path, "expected an array");
        out = v.toArray();
        return true;
    }
};

QJsonObject unknownKeys(const QJsonObject& o, std::initializer_list<const char*> known)
{
    QJsonObject extra = o;
    for (const char* k : known)
        extra.remove(QLatin1String(k));
    return extra;
}

QString at(const QString& prefix, const char* key)
{
    return prefix.isEmpty() ? QString::fromLatin1(key) : prefix + u'.' + QLatin1String(key);
}

bool readSegment(Reader& r, const QJsonValue& value, const QString& path, Segment& s)
{
    if (!value.isObject())
        return r.fail(path, "expected an object");
    const QJsonObject o = value.toObject();
    if (!r.string(o, "id", at(path, "id"), s.id) || !r.string(o, "src", at(path, "src"), s.src) ||
        !r.integer(o, "st", at(path, "st"), s.st) || !r.integer(o, "in", at(path, "in"), s.in) ||
        !r.integer(o, "d", at(path, "d"), s.d) || !r.object(o, "m", at(path, "m"), s.m))
        return false;
    s.extra = unknownKeys(o, {"id", "src", "st", "in", "d", "m"});
    return true;
}

bool readTrack(Reader& r, const QJsonValue& value, const QString& path, Track& t)
{
    if (!value.isObject())
        return r.fail(path, "expected an object");
    const QJsonObject o = value.toObject();
    QJsonArray sg;
    if (!r.string(o, "id", at(path, "id"), t.id) || !r.integer(o, "tt", at(path, "tt"), t.tt) ||
        !r.string(o, "n", at(path, "n"), t.n) || !r.array(o, "sg", at(path, "sg"), sg))
        return false;
    for (int i = 0; i < sg.size(); ++i) {
        Segment s;
        if (!readSegment(r, sg.at(i), QStringLiteral("%1.sg[%2]").arg(path).arg(i), s))
            return false;
        t.sg.append(s);
    }
    t.extra = unknownKeys(o, {"id", "tt", "n", "sg"});
    return true;
}

QJsonObject writeSegment(const Segment& s)
{
    QJsonObject o = s.extra;
    o.insert(QStringLiteral("id"), s.id);
    if (!s.src.isEmpty())
        o.insert(QStringLiteral("src"), s.src);
    o.insert(QStringLiteral("st"), s.st);
    o.insert(QStringLiteral("in"), s.in);
    o.insert(QStringLiteral("d"), s.d);
    if (!s.m.isEmpty())
        o.insert(QStringLiteral("m"), s.m);
    return o;
}

QJsonObject writeTrack(const Track& t)
{
    QJsonObject o = t.extra;
    o.insert(QStringLiteral("id"), t.id);
    o.insert(QStringLiteral("tt"), t.tt);
    o.insert(QStringLiteral("n"), t.n);
    QJsonArray sg;
    for (const Segment& s : t.sg)
        sg.append(writeSegment(s));
    o.insert(QStringLiteral("sg"), sg);
    return o;
}

} // namespace

bool Segment::operator==(const Segment& o) const
{
    return id == o.id && src == o.src && st == o.st && in == o.in && d == o.d && m == o.m &&
           extra == o.extra;
}

bool Track::operator==(const Track& o) const
{
    return id == o.id && tt == o.tt && n == o.n && sg == o.sg && extra == o.extra;
}

bool Draft::operator==(const Draft& o) const
{
    return v == o.v && m == o.m && d == o.d && t == o.t && extra == o.extra;
}

std::optional<Draft> Draft::fromJson(const QJsonObject& json, QString* error)
{
    Reader r{error};
    Draft draft;
    QJsonArray tracks;
    if (!r.integer(json, "v", QStringLiteral("v"), draft.v) ||
        !r.object(json, "m", QStringLiteral("m"), draft.m) ||
        !r.integer(json, "d", QStringLiteral("d"), draft.d) ||
        !r.array(json, "t", QStringLiteral("t"), tracks))
        return std::nullopt;
    for (int i = 0; i < tracks.size(); ++i) {
        Track t;
        if (!readTrack(r, tracks.at(i), QStringLiteral("t[%1]").arg(i), t))
            return std::nullopt;
        draft.t.append(t);
    }
    draft.extra = unknownKeys(json, {"v", "m", "d", "t"});
    return draft;
}

std::optional<Draft> Draft::fromBytes(const QByteArray& bytes, QString* error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("invalid JSON at offset %1: %2")
                         .arg(pe.offset)
                         .arg(pe.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("draft: expected an object");
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

QJsonObject Draft::toJson() const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("v"), v);
    if (!m.isEmpty())
        o.insert(QStringLiteral("m"), m);
    o.insert(QStringLiteral("d"), d);
    QJsonArray tracks;
    for (const Track& tr : t)
        tracks.append(writeTrack(tr));
    o.insert(QStringLiteral("t"), tracks);
    return o;
}

QByteArray Draft::toBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

qint64 Draft::computedDuration() const
{
    qint64 end = 0;
    for (const Track& tr : t)
        for (const Segment& s : tr.sg)
            end = std::max(end, s.end());
    return end;
}

bool Draft::isExportable() const
{
    for (const Track& tr : t)
        if (!tr.sg.isEmpty())
            return true;
    return false;
}

Track* Draft::track(const QString& id)
{
    for (Track& tr : t)
        if (tr.id == id)
            return &tr;
    return nullptr;
}

const Track* Draft::track(const QString& id) const
{
    for (const Track& tr : t)
        if (tr.id == id)
            return &tr;
    return nullptr;
}

QStringList Draft::validate() const
{
    QStringList problems;
    QSet<QString> trackIds;
    QSet<QString> segmentIds;
    for (int ti = 0; ti < t.size(); ++ti) {
        const Track& track = t.at(ti);
        const QString trackName = track.id.isEmpty() ? QStringLiteral("#%1").arg(ti + 1) : track.id;
        if (track.id.isEmpty())
            problems << QCoreApplication::translate("Draft", "Track %1 has no id.").arg(trackName);
        else if (trackIds.contains(track.id))
            problems << QCoreApplication::translate("Draft", "Track id %1 is used more than once.")
                            .arg(track.id);
        trackIds.insert(track.id);

        QList<const Segment*> ordered;
        for (int si = 0; si < track.sg.size(); ++si) {
            const Segment& s = track.sg.at(si);
            const QString segName = s.id.isEmpty() ? QStringLiteral("#%1").arg(si + 1) : s.id;
            if (s.id.isEmpty())
                problems << QCoreApplication::translate("Draft",
                                                        "Segment %1 on track %2 has no id.")
                                .arg(segName, trackName);
            else if (segmentIds.contains(s.id))
                problems << QCoreApplication::translate("Draft",
                                                        "Segment id %1 is used more than once.")
                                .arg(s.id);
            segmentIds.insert(s.id);
            if (s.st < 0)
                problems << QCoreApplication::translate(
                                "Draft", "Segment %1 on track %2 starts before 0 (%3 ms).")
                                .arg(segName, trackName, QString::number(s.st));
            if (s.in < 0)
                problems << QCoreApplication::translate(
                                "Draft", "Segment %1 on track %2 has a negative in-point (%3 ms).")
                                .arg(segName, trackName, QString::number(s.in));
            if (s.d < 0)
                problems << QCoreApplication::translate(
                                "Draft", "Segment %1 on track %2 has a negative length (%3 ms).")
                                .arg(segName, trackName, QString::number(s.d));
            else if (s.d == 0)
                problems << QCoreApplication::translate("Draft",
                                                        "Segment %1 on track %2 has zero length.")
                                .arg(segName, trackName);
            const bool media =
                track.tt == int(TrackType::Video) || track.tt == int(TrackType::Audio);
            if (media && s.src.isEmpty())
                problems << QCoreApplication::translate(
                                "Draft", "Segment %1 on track %2 has no source media.")
                                .arg(segName, trackName);
            if (track.tt == int(TrackType::Text) &&
                s.m.value(QStringLiteral("text")).toString().isEmpty())
                problems << QCoreApplication::translate("Draft",
                                                        "Text segment %1 on track %2 has no text.")
                                .arg(segName, trackName);
            if (s.d > 0)
                ordered.append(&s);
        }
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const Segment* a, const Segment* b) { return a->st < b->st; });
        const Segment* reach = nullptr; // the segment reaching furthest so far
        for (const Segment* cur : ordered) {
            if (reach && cur->st < reach->end())
                problems << QCoreApplication::translate(
                                "Draft", "Segments %1 and %2 on track %3 overlap (%4-%5 ms).")
                                .arg(reach->id, cur->id, trackName, QString::number(cur->st),
                                     QString::number(std::min(reach->end(), cur->end())));
            if (!reach || cur->end() > reach->end())
                reach = cur;
        }
    }
    return problems;
}

namespace {

// Seconds with at most one decimal and no trailing ".0": 10000 -> "10", 4500 -> "4.5".
QString seconds(qint64 ms)
{
    const qint64 tenths = (std::llabs(ms) + 50) / 100 * (ms < 0 ? -1 : 1);
    if (tenths % 10 == 0)
        return QString::number(tenths / 10);
    return QStringLiteral("%1%2.%3")
        .arg(tenths < 0 ? QStringLiteral("-") : QString())
        .arg(std::llabs(tenths) / 10)
        .arg(std::llabs(tenths) % 10);
}

QString defaultTrackName(int tt)
{
    switch (tt) {
    case int(TrackType::Video):
        return QStringLiteral("Video");
    case int(TrackType::Audio):
        return QStringLiteral("Audio");
    case int(TrackType::Text):
        return QStringLiteral("Text");
    default:
        return QStringLiteral("Track");
    }
}

void appendUnique(QStringList& list, const QString& s)
{
    if (!s.isEmpty() && !list.contains(s))
        list.append(s);
}

} // namespace

// Cloud style, one clause per track: "<n>. <name>: <labels> (<start>-<end>s[, <vol>%])".
// Labels are the segments' m.name (a segment without one borrows the name of another segment
// with the same src, else shows its src, else its id), de-duplicated in timeline order; text
// tracks show their texts in double quotes instead. Audio tracks append the volume percent
// when some segment has m.vol (a range "35-80%" when they differ). A track without segments
// shows "empty"; a draft without any segment is "Timeline is empty."
QString Draft::summary() const
{
    if (!isExportable())
        return QCoreApplication::translate("Draft", "Timeline is empty.");
    QHash<QString, QString> nameBySrc;
    for (const Track& tr : t)
        for (const Segment& s : tr.sg) {
            const QString name = s.m.value(QStringLiteral("name")).toString();
            if (!s.src.isEmpty() && !name.isEmpty() && !nameBySrc.contains(s.src))
                nameBySrc.insert(s.src, name);
        }

    QStringList clauses;
    for (int i = 0; i < t.size(); ++i) {
        const Track& tr = t.at(i);
        const QString trackName = tr.n.isEmpty() ? defaultTrackName(tr.tt) : tr.n;
        if (tr.sg.isEmpty()) {
            clauses << QStringLiteral("%1. %2: %3")
                           .arg(i + 1)
                           .arg(trackName, QCoreApplication::translate("Draft", "empty"));
            continue;
        }
        QList<const Segment*> ordered;
        for (const Segment& s : tr.sg)
            ordered.append(&s);
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const Segment* a, const Segment* b) { return a->st < b->st; });
        QStringList labels;
        qint64 start = ordered.first()->st;
        qint64 end = ordered.first()->end();
        int volMin = INT_MAX;
        int volMax = INT_MIN;
        for (const Segment* s : ordered) {
            start = std::min(start, s->st);
            end = std::max(end, s->end());
            const QString text = s->m.value(QStringLiteral("text")).toString();
            QString name = s->m.value(QStringLiteral("name")).toString();
            if (name.isEmpty())
                name = nameBySrc.value(s->src, s->src);
            if (name.isEmpty())
                name = s->id;
            if (tr.tt == int(TrackType::Text) && !text.isEmpty())
                appendUnique(labels, u'"' + text + u'"');
            else
                appendUnique(labels, name);
            const QJsonValue vol = s->m.value(QStringLiteral("vol"));
            if (vol.isDouble()) {
                const int pct = int(std::lround(std::clamp(vol.toDouble(), 0.0, 100.0) * 100));
                volMin = std::min(volMin, pct);
                volMax = std::max(volMax, pct);
            }
        }
        QString span = seconds(start) + u'-' + seconds(end) + u's';
        if (tr.tt == int(TrackType::Audio) && volMin <= volMax)
            span += volMin == volMax ? QStringLiteral(", %1%").arg(volMin)
                                     : QStringLiteral(", %1-%2%").arg(volMin).arg(volMax);
        clauses << QStringLiteral("%1. %2: %3 (%4)")
                       .arg(i + 1)
                       .arg(trackName, labels.join(QStringLiteral(", ")), span);
    }
    const QString head =
        t.size() == 1 ? QCoreApplication::translate("Draft", "Timeline (1 track):")
                      : QCoreApplication::translate("Draft", "Timeline (%1 tracks):").arg(t.size());
    return head + u' ' + clauses.join(u' ');
}

} // namespace cw
