// Flattening of the draft for the interchange writers (see InterchangeTimeline.h), and the
// string rules they share. Transitions follow the engine's render (RenderFilters.cpp): a
// segment's m.tr starts at its timeline start, lasts min(tr.d, d/2) and needs a neighbour
// ending exactly there; anything else is written as a plain cut.
#include "InterchangeTimeline.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace cw::interchange::detail {

qint64 Rate::timebase() const
{
    return std::max<qint64>(1, (num + den / 2) / den);
}

qint64 Rate::frames(qint64 ms) const
{
    if (ms <= 0)
        return 0;
    return (ms * num * 2 + den * 1000) / (den * 2000);
}

qint64 Rate::ms(qint64 frames) const
{
    if (frames <= 0)
        return 0;
    return (frames * den * 2000 + num) / (num * 2);
}

Rate rateOf(const Draft& draft)
{
    double fps = draft.m.value(QLatin1String("fps")).toDouble(30.0);
    if (!std::isfinite(fps) || fps < 1.0 || fps > 1000.0)
        fps = 30.0;
    for (const qint64 k : {24, 30, 48, 60, 120})
        if (std::abs(fps - double(k) * 1000.0 / 1001.0) < 0.005)
            return Rate{k * 1000, 1001};
    if (std::abs(fps - std::round(fps)) < 0.001)
        return Rate{qint64(std::llround(fps)), 1};
    const qint64 num = std::llround(fps * 1000.0);
    const qint64 g = std::gcd(num, qint64(1000));
    return Rate{num / g, 1000 / g};
}

QString translate(const char* text)
{
    return QCoreApplication::translate("Interchange", text);
}

namespace {

int dimension(const QJsonObject& m, const char* key, int fallback)
{
    const int v = m.value(QLatin1String(key)).toInt(0);
    return v >= 16 && v <= 16384 ? v / 2 * 2 : fallback;
}

double finiteOr(double v, double fallback, double lo, double hi)
{
    return std::isfinite(v) && v >= lo && v <= hi ? v : fallback;
}

// m.fade_in {d, color} (a clip, the whole video) or the music's m.fi (ms), at most `limitF`.
Fade fadeOf(const QJsonObject& m, const char* key, const char* musicKey, const Rate& rate,
            qint64 limitF)
{
    Fade f;
    const QJsonValue v = m.value(QLatin1String(key));
    const QString color = v.toObject().value(QLatin1String("color")).toString();
    const qint64 ms = v.isObject() ? v.toObject().value(QLatin1String("d")).toInteger(0)
                                   : m.value(QLatin1String(musicKey)).toInteger(0);
    f.f = std::clamp<qint64>(rate.frames(std::max<qint64>(0, ms)), 0, limitF);
    f.picture = color != QLatin1String("none");
    f.white = color == QLatin1String("white");
    return f;
}

} // namespace

bool collect(const Draft& draft, const QList<SourceMedia>& media, Timeline* out, QString* error)
{
    Timeline& tl = *out;
    tl = Timeline{};
    tl.rate = rateOf(draft);
    tl.width = dimension(draft.m, "width", 1920);
    tl.height = dimension(draft.m, "height", 1080);
    tl.title = oneLine(draft.m.value(QLatin1String("title")).toString(), 200);
    if (tl.title.isEmpty())
        tl.title = QStringLiteral("Clipwright");

    QHash<QString, const SourceMedia*> byId;
    for (const SourceMedia& m : media)
        if (!byId.contains(m.id))
            byId.insert(m.id, &m);

    for (const Track& t : draft.t) {
        const bool isVideo = t.tt == int(TrackType::Video);
        if (t.tt == int(TrackType::Text)) {
            for (const Segment& s : t.sg)
                if (s.d > 0)
                    tl.totalF = std::max(tl.totalF, tl.rate.frames(s.end()));
            continue;
        }
        if (!isVideo && t.tt != int(TrackType::Audio))
            continue;
        QList<Item> items;
        for (const Segment& s : t.sg) {
            if (s.d <= 0)
                continue;
            // A logo is placed and scaled over the picture, which no cut list carries as
            // such; as a cutaway it would cover the frame. The writers name it instead.
            if (s.m.value(QLatin1String("role")).toString() == QLatin1String("overlay")) {
                tl.logos << oneLine(s.m.value(QLatin1String("name")).toString(s.src), 200);
                continue;
            }
            // A picture-in-picture or split screen (edit/Layouts.h) likewise: named with its
            // place, so it can be made again there. Its sound is an ordinary audio track.
            const QString role = s.m.value(QLatin1String("role")).toString();
            if (role == QLatin1String("pip") || role == QLatin1String("split")) {
                const QString where =
                    role == QLatin1String("pip")
                        ? QStringLiteral("picture-in-picture, %1")
                              .arg(s.m.value(QLatin1String("pos")).toString())
                    : s.m.value(QLatin1String("layout")).toString() == QLatin1String("v")
                        ? QStringLiteral("split screen, top and bottom")
                        : QStringLiteral("split screen, side by side");
                tl.logos << oneLine(s.m.value(QLatin1String("name")).toString(s.src), 200) +
                                QStringLiteral(" (%1)").arg(oneLine(where, 60));
                continue;
            }
            const SourceMedia* m = byId.value(s.src, nullptr);
            if (s.src.isEmpty() || !m) {
                if (error)
                    *error = translate("Segment %1 uses unknown media \"%2\".")
                                 .arg(oneLine(s.id, 80), oneLine(s.src, 80));
                return false;
            }
            Item it;
            it.seg = &s;
            it.media = m;
            it.stF = tl.rate.frames(s.st);
            it.dF = tl.rate.frames(s.end()) - it.stF;
            if (it.dF <= 0)
                continue; // shorter than half a frame
            it.speed = finiteOr(s.m.value(QLatin1String("speed")).toDouble(1.0), 1.0, 0.01, 100);
            it.volume = finiteOr(s.m.value(QLatin1String("vol")).toDouble(1.0), 1.0, 0.0, 100);
            it.inF = tl.rate.frames(s.in);
            const qint64 srcMs = qint64(std::llround(double(s.d) * it.speed));
            it.srcDF = std::max<qint64>(1, tl.rate.frames(s.in + srcMs) - it.inF);
            it.name = oneLine(s.m.value(QLatin1String("name")).toString(), 200);
            if (it.name.isEmpty())
                it.name = oneLine(m->name, 200);
            if (it.name.isEmpty())
                it.name = oneLine(m->id, 200);
            const QJsonObject tr = s.m.value(QLatin1String("tr")).toObject();
            it.trType = oneLine(tr.value(QLatin1String("type")).toString(), 40);
            it.trF = tl.rate.frames(std::min(tr.value(QLatin1String("d")).toInteger(0), s.d / 2));
            it.fadeIn = fadeOf(s.m, "fade_in", "fi", tl.rate, it.dF);
            it.fadeOut = fadeOf(s.m, "fade_out", "fo", tl.rate, it.dF);
            items << it;
            if (const QString fx = clipEffects(s); isVideo && !fx.isEmpty())
                tl.effects << QStringLiteral("%1 (%2-%3 s) %4")
                                  .arg(it.name, QString::number(double(s.st) / 1000.0, 'f', 1),
                                       QString::number(double(s.end()) / 1000.0, 'f', 1), fx);
            if (!tl.media.contains(m))
                tl.media << m;
        }
        std::stable_sort(items.begin(), items.end(),
                         [](const Item& a, const Item& b) { return a.stF < b.stF; });
        QList<Lane> lanes;
        for (Item& it : items) {
            Lane* home = nullptr;
            for (Lane& lane : lanes)
                if (lane.items.last().endF() <= it.stF) {
                    home = &lane;
                    break;
                }
            if (!home) {
                lanes << Lane{t.tt, t.id, oneLine(t.n, 80), {}};
                home = &lanes.last();
            }
            if (home->items.isEmpty() || home->items.last().endF() != it.stF || it.trType.isEmpty())
                it.trF = 0;
            if (it.trF <= 0)
                it.trType.clear();
            home->items << it;
            tl.totalF = std::max(tl.totalF, it.endF());
        }
        (isVideo ? tl.video : tl.audio) << lanes;
    }
    if (tl.totalF <= 0) {
        if (error)
            *error = translate("The timeline is empty.");
        return false;
    }
    tl.fadeIn = fadeOf(draft.m, "fade_in", "", tl.rate, tl.totalF / 2);
    tl.fadeOut = fadeOf(draft.m, "fade_out", "", tl.rate, tl.totalF / 2);
    return true;
}

QString logosNote(const Timeline& tl)
{
    // "--" may not appear in an XML comment.
    QString names = tl.logos.join(QStringLiteral(", "));
    names.replace(QLatin1String("--"), QLatin1String("- -"));
    return QStringLiteral(
               " Logos drawn over the video are not carried; add them in the editor: %1 ")
        .arg(xmlSafe(names));
}

QString clipEffects(const Segment& s)
{
    QStringList fx;
    if (s.m.contains(QLatin1String("stab")))
        fx << QStringLiteral("stabilised");
    if (s.m.value(QLatin1String("reverse")).toBool())
        fx << QStringLiteral("played backwards");
    if (s.m.value(QLatin1String("freeze")).toBool())
        fx << QStringLiteral("a held frame");
    if (s.m.contains(QLatin1String("zoom"))) {
        const QJsonObject z = s.m.value(QLatin1String("zoom")).toObject();
        fx << QStringLiteral("zoomed %1x to %2x")
                  .arg(z.value(QLatin1String("z0")).toDouble(1), 0, 'g', 3)
                  .arg(z.value(QLatin1String("z1")).toDouble(1), 0, 'g', 3);
    }
    return fx.join(QStringLiteral(", "));
}

QString effectsNote(const Timeline& tl)
{
    QString names = tl.effects.join(QStringLiteral("; "));
    names.replace(QLatin1String("--"), QLatin1String("- -"));
    return QStringLiteral(" Clip effects are not carried; redo them in the editor: %1 ")
        .arg(xmlSafe(names));
}

QString xmlSafe(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        if (c.isSurrogate() || u == 0xfffe || u == 0xffff)
            continue;
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
            continue;
        out += c;
    }
    return out;
}

QString oneLine(const QString& text, int maxLen)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        if (c.isSurrogate() || u == 0xfffe || u == 0xffff || u == 0xfeff || u == 0x202e)
            continue;
        const bool control =
            u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029;
        out += control ? QChar(u' ') : c;
    }
    out = out.simplified();
    if (out.size() > maxLen) {
        out.truncate(maxLen);
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1);
    }
    return out;
}

namespace {

bool hasScheme(const QString& s)
{
    static const QRegularExpression rx(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    return rx.match(s).hasMatch() && !(s.size() > 1 && s.at(1) == u':'); // not "C:\"
}

} // namespace

QString fileUrl(const QString& pathOrUrl)
{
    if (hasScheme(pathOrUrl))
        return QString::fromLatin1(QUrl(pathOrUrl).toEncoded());
    return QString::fromLatin1(QUrl::fromLocalFile(QDir::cleanPath(pathOrUrl)).toEncoded());
}

QString localPath(const QString& pathOrUrl)
{
    if (pathOrUrl.startsWith(QLatin1String("file:"), Qt::CaseInsensitive))
        return QUrl(pathOrUrl).toLocalFile();
    if (hasScheme(pathOrUrl))
        return pathOrUrl;
    return QDir::cleanPath(pathOrUrl);
}

} // namespace cw::interchange::detail
