// FCPXML 1.9 (Final Cut Pro 10.5+, DaVinci Resolve 17+). Times are rational seconds on the
// draft's frame grid (1/30s, 1001/30000s, ...). Resources: one format for the sequence and
// one per source size, one asset per source with a media-rep (percent-encoded file:// URL).
// The main video lane is the primary storyline (spine) of asset-clips, with gaps wherever
// it has none and up to the end of the draft, so every other item has a parent: audio
// lanes are connected asset-clips (lane -1, -2, ...), cutaway lanes connected video-only
// asset-clips (lane 1, 2, ...), text segments Basic Title clips above them. A connected
// item's offset is in its parent's time (parent start + distance from the parent's offset).
// Transitions are Cross Dissolves starting at the incoming clip (the engine's timing). Fades
// are not carried (a comment in the sequence says so).
// Checked against the 1.10 DTD while writing; no DTD ships in Debian for a test to use.
#include "InterchangeTimeline.h"

#include <QHash>
#include <QXmlStreamWriter>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace cw::interchange::detail {

namespace {

const char* const kDissolveUid = "FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265";
const char* const kTitleUid = ".../Titles.localized/Bumper:Opener.localized/Basic "
                              "Title.localized/Basic Title.moti";

QString flag(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
}

// A text's "#rrggbb" (engine/edit/TextLook.h) as FCPXML's "r g b a" in 0..1, else `fallback`.
QString fcpColor(const QString& hex, const char* fallback)
{
    bool ok = hex.size() == 7 && hex.startsWith(QLatin1Char('#'));
    const uint rgb = ok ? hex.mid(1).toUInt(&ok, 16) : 0;
    if (!ok)
        return QString::fromLatin1(fallback);
    auto part = [&](int shift) { return QString::number(((rgb >> shift) & 0xff) / 255.0, 'g', 3); };
    return part(16) + QLatin1Char(' ') + part(8) + QLatin1Char(' ') + part(0) +
           QStringLiteral(" 1");
}

struct Parent {
    qint64 offset = 0;
    qint64 duration = 0;
    qint64 start = 0;
    QList<const Item*> connected;
    QList<int> lanes;
    QList<const Segment*> titles;
    const Item* clip = nullptr; // null: a gap
};

struct Writer {
    const Timeline& tl;
    const Draft& draft;
    QXmlStreamWriter xml;
    QHash<const SourceMedia*, QString> assetIds;
    QString sequenceFormat = QStringLiteral("r1");
    QString dissolveId;
    QString titleId;
    int nextId = 2;
    int nextStyle = 1;

    Writer(const Timeline& tl, const Draft& draft, QByteArray* out) : tl(tl), draft(draft), xml(out)
    {}

    QString time(qint64 frames) const
    {
        if (frames <= 0)
            return QStringLiteral("0s");
        qint64 n = frames * tl.rate.den;
        qint64 d = tl.rate.num;
        const qint64 g = std::gcd(n, d);
        n /= g;
        d /= g;
        return d == 1 ? QStringLiteral("%1s").arg(n) : QStringLiteral("%1/%2s").arg(n).arg(d);
    }

    void format(const QString& id, int width, int height)
    {
        xml.writeEmptyElement(QStringLiteral("format"));
        xml.writeAttribute(QStringLiteral("id"), id);
        xml.writeAttribute(QStringLiteral("frameDuration"), time(1));
        xml.writeAttribute(QStringLiteral("width"), QString::number(width));
        xml.writeAttribute(QStringLiteral("height"), QString::number(height));
    }

    qint64 assetFrames(const SourceMedia* m) const
    {
        qint64 frames = tl.rate.frames(m->durationMs);
        for (const QList<Lane>* lanes : {&tl.video, &tl.audio})
            for (const Lane& lane : *lanes)
                for (const Item& it : lane.items)
                    if (it.media == m)
                        frames = std::max(frames, it.inF + std::max(it.srcDF, it.dF));
        return frames;
    }

    void resources()
    {
        xml.writeStartElement(QStringLiteral("resources"));
        format(sequenceFormat, tl.width, tl.height);
        QHash<QString, QString> formats;
        for (const SourceMedia* m : tl.media) {
            QString formatId;
            if (m->hasVideo) {
                const int w = m->width > 0 ? m->width : tl.width;
                const int h = m->height > 0 ? m->height : tl.height;
                const QString size = QStringLiteral("%1x%2").arg(w).arg(h);
                formatId = formats.value(size);
                if (formatId.isEmpty()) {
                    formatId = QStringLiteral("r%1").arg(nextId++);
                    formats.insert(size, formatId);
                    format(formatId, w, h);
                }
            }
            const QString id = QStringLiteral("r%1").arg(nextId++);
            assetIds.insert(m, id);
            xml.writeStartElement(QStringLiteral("asset"));
            xml.writeAttribute(QStringLiteral("id"), id);
            xml.writeAttribute(QStringLiteral("name"),
                               oneLine(m->name.isEmpty() ? m->id : m->name));
            xml.writeAttribute(QStringLiteral("start"), QStringLiteral("0s"));
            xml.writeAttribute(QStringLiteral("duration"), time(assetFrames(m)));
            xml.writeAttribute(QStringLiteral("hasVideo"), flag(m->hasVideo));
            if (!formatId.isEmpty())
                xml.writeAttribute(QStringLiteral("format"), formatId);
            xml.writeAttribute(QStringLiteral("hasAudio"), flag(m->hasAudio));
            if (m->hasAudio) {
                xml.writeAttribute(QStringLiteral("audioSources"), QStringLiteral("1"));
                xml.writeAttribute(QStringLiteral("audioChannels"), QStringLiteral("2"));
                xml.writeAttribute(QStringLiteral("audioRate"), QStringLiteral("48000"));
            }
            xml.writeEmptyElement(QStringLiteral("media-rep"));
            xml.writeAttribute(QStringLiteral("kind"), QStringLiteral("original-media"));
            xml.writeAttribute(QStringLiteral("src"), fileUrl(m->path));
            xml.writeEndElement();
        }
        dissolveId = QStringLiteral("r%1").arg(nextId++);
        xml.writeEmptyElement(QStringLiteral("effect"));
        xml.writeAttribute(QStringLiteral("id"), dissolveId);
        xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Cross Dissolve"));
        xml.writeAttribute(QStringLiteral("uid"), QLatin1String(kDissolveUid));
        titleId = QStringLiteral("r%1").arg(nextId++);
        xml.writeEmptyElement(QStringLiteral("effect"));
        xml.writeAttribute(QStringLiteral("id"), titleId);
        xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Basic Title"));
        xml.writeAttribute(QStringLiteral("uid"), QLatin1String(kTitleUid));
        xml.writeEndElement();
    }

    void volume(double v)
    {
        if (v == 1.0)
            return;
        const double db = v > 0.0 ? 20.0 * std::log10(v) : -96.0;
        xml.writeEmptyElement(QStringLiteral("adjust-volume"));
        xml.writeAttribute(QStringLiteral("amount"),
                           QString::number(std::max(db, -96.0), 'f', 2) + QStringLiteral("dB"));
    }

    void assetClip(const Item& it, qint64 offset, int lane, bool videoOnly, const Parent* children)
    {
        xml.writeStartElement(QStringLiteral("asset-clip"));
        xml.writeAttribute(QStringLiteral("ref"), assetIds.value(it.media));
        if (lane != 0)
            xml.writeAttribute(QStringLiteral("lane"), QString::number(lane));
        xml.writeAttribute(QStringLiteral("offset"), time(offset));
        xml.writeAttribute(QStringLiteral("name"), xmlSafe(it.name));
        xml.writeAttribute(QStringLiteral("start"), time(it.inF));
        xml.writeAttribute(QStringLiteral("duration"), time(it.dF));
        if (videoOnly)
            xml.writeAttribute(QStringLiteral("srcEnable"), QStringLiteral("video"));
        xml.writeAttribute(QStringLiteral("tcFormat"), QStringLiteral("NDF"));
        if (!videoOnly)
            volume(it.volume);
        if (children)
            anchored(*children);
        xml.writeEndElement();
    }

    void title(const Segment& s, qint64 offset, int lane)
    {
        const qint64 stF = tl.rate.frames(s.st);
        const qint64 dF = tl.rate.frames(s.end()) - stF;
        const QString text = xmlSafe(s.m.value(QLatin1String("text")).toString());
        const QString style = QStringLiteral("ts%1").arg(nextStyle++);
        xml.writeStartElement(QStringLiteral("title"));
        xml.writeAttribute(QStringLiteral("ref"), titleId);
        xml.writeAttribute(QStringLiteral("lane"), QString::number(lane));
        xml.writeAttribute(QStringLiteral("offset"), time(offset));
        xml.writeAttribute(QStringLiteral("name"), oneLine(text, 80));
        xml.writeAttribute(QStringLiteral("start"), QStringLiteral("0s"));
        xml.writeAttribute(QStringLiteral("duration"), time(dF));
        xml.writeStartElement(QStringLiteral("text"));
        xml.setAutoFormatting(false); // indentation inside <text> would become title text
        xml.writeStartElement(QStringLiteral("text-style"));
        xml.writeAttribute(QStringLiteral("ref"), style);
        xml.writeCharacters(text);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.setAutoFormatting(true);
        xml.writeStartElement(QStringLiteral("text-style-def"));
        xml.writeAttribute(QStringLiteral("id"), style);
        xml.writeEmptyElement(QStringLiteral("text-style"));
        xml.writeAttribute(QStringLiteral("font"), QStringLiteral("Helvetica"));
        const double size = std::clamp(s.m.value(QLatin1String("size")).toDouble(1), 0.3, 4.0);
        xml.writeAttribute(QStringLiteral("fontSize"), QString::number(qRound(72 * size)));
        xml.writeAttribute(QStringLiteral("fontColor"),
                           fcpColor(s.m.value(QLatin1String("color")).toString(), "1 1 1 1"));
        if (s.m.value(QLatin1String("bold")).toBool())
            xml.writeAttribute(QStringLiteral("bold"), QStringLiteral("1"));
        if (s.m.value(QLatin1String("outline")).toBool()) {
            xml.writeAttribute(QStringLiteral("strokeColor"), QStringLiteral("0 0 0 0.7"));
            xml.writeAttribute(QStringLiteral("strokeWidth"), QStringLiteral("-3"));
        }
        if (s.m.contains(QLatin1String("box_color")) && s.m.value(QLatin1String("box")).toBool())
            xml.writeAttribute(
                QStringLiteral("backgroundColor"),
                fcpColor(s.m.value(QLatin1String("box_color")).toString(), "0 0 0 0.45"));
        xml.writeAttribute(QStringLiteral("alignment"), QStringLiteral("center"));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    static qint64 local(const Parent& p, qint64 stF) { return p.start + (stF - p.offset); }

    void anchored(const Parent& p)
    {
        for (qsizetype i = 0; i < p.connected.size(); ++i) {
            const Item& it = *p.connected.at(i);
            const int lane = p.lanes.at(i);
            assetClip(it, local(p, it.stF), lane, lane > 0, nullptr);
        }
        const int titleLane = int(tl.video.size());
        for (const Segment* s : p.titles)
            title(*s, local(p, tl.rate.frames(s->st)), std::max(1, titleLane));
    }

    QList<Parent> spine()
    {
        QList<Parent> parents;
        qint64 cursor = 0;
        auto gapTo = [&](qint64 end) {
            if (end > cursor)
                parents << Parent{cursor, end - cursor, 0, {}, {}, {}, nullptr};
            cursor = std::max(cursor, end);
        };
        if (!tl.video.isEmpty())
            for (const Item& it : tl.video.first().items) {
                gapTo(it.stF);
                parents << Parent{it.stF, it.dF, it.inF, {}, {}, {}, &it};
                cursor = it.endF();
            }
        gapTo(tl.totalF);
        auto parentAt = [&](qint64 stF) -> Parent& {
            for (qsizetype i = parents.size() - 1; i > 0; --i)
                if (parents.at(i).offset <= stF)
                    return parents[i];
            return parents[0];
        };
        for (qsizetype l = 1; l < tl.video.size(); ++l)
            for (const Item& it : tl.video.at(l).items) {
                parentAt(it.stF).connected << &it;
                parentAt(it.stF).lanes << int(l);
            }
        for (qsizetype l = 0; l < tl.audio.size(); ++l)
            for (const Item& it : tl.audio.at(l).items) {
                parentAt(it.stF).connected << &it;
                parentAt(it.stF).lanes << -int(l + 1);
            }
        for (const Track& t : draft.t)
            if (t.tt == int(TrackType::Text))
                for (const Segment& s : t.sg)
                    if (s.d > 0 && tl.rate.frames(s.end()) > tl.rate.frames(s.st))
                        parentAt(tl.rate.frames(s.st)).titles << &s;
        return parents;
    }

    void writeSpine(const QList<Parent>& parents)
    {
        xml.writeStartElement(QStringLiteral("spine"));
        for (const Parent& p : parents) {
            if (p.clip && p.clip->trF > 0) {
                xml.writeStartElement(QStringLiteral("transition"));
                xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Cross Dissolve"));
                xml.writeAttribute(QStringLiteral("offset"), time(p.offset));
                xml.writeAttribute(QStringLiteral("duration"), time(p.clip->trF));
                xml.writeEmptyElement(QStringLiteral("filter-video"));
                xml.writeAttribute(QStringLiteral("ref"), dissolveId);
                xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Cross Dissolve"));
                xml.writeEndElement();
            }
            if (p.clip) {
                assetClip(*p.clip, p.offset, 0, false, &p);
                continue;
            }
            xml.writeStartElement(QStringLiteral("gap"));
            xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Gap"));
            xml.writeAttribute(QStringLiteral("offset"), time(p.offset));
            xml.writeAttribute(QStringLiteral("start"), QStringLiteral("0s"));
            xml.writeAttribute(QStringLiteral("duration"), time(p.duration));
            anchored(p);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
};

} // namespace

QByteArray writeFcpxml(const Timeline& tl, const Draft& draft)
{
    QByteArray bytes;
    Writer w(tl, draft, &bytes);
    QXmlStreamWriter& xml = w.xml;
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE fcpxml>"));
    xml.writeStartElement(QStringLiteral("fcpxml"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.9"));
    w.resources();
    xml.writeStartElement(QStringLiteral("library"));
    xml.writeStartElement(QStringLiteral("event"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Clipwright"));
    xml.writeStartElement(QStringLiteral("project"));
    xml.writeAttribute(QStringLiteral("name"), xmlSafe(tl.title));
    xml.writeStartElement(QStringLiteral("sequence"));
    xml.writeAttribute(QStringLiteral("format"), w.sequenceFormat);
    xml.writeAttribute(QStringLiteral("duration"), w.time(tl.totalF));
    xml.writeAttribute(QStringLiteral("tcStart"), QStringLiteral("0s"));
    xml.writeAttribute(QStringLiteral("tcFormat"), QStringLiteral("NDF"));
    xml.writeAttribute(QStringLiteral("audioLayout"), QStringLiteral("stereo"));
    xml.writeAttribute(QStringLiteral("audioRate"), QStringLiteral("48k"));
    // FCPXML has no plain fade-to-black element (Final Cut applies a transition or keyframes
    // by hand), so the fades are named for the editor to redo rather than dropped unsaid.
    bool fades = tl.fadeIn.f > 0 || tl.fadeOut.f > 0;
    for (const QList<Lane>* lanes : {&tl.video, &tl.audio})
        for (const Lane& lane : *lanes)
            for (const Item& it : lane.items)
                fades = fades || it.fadeIn.f > 0 || it.fadeOut.f > 0;
    if (fades)
        xml.writeComment(QStringLiteral(" Clipwright's fades (in/out of the video, of clips, of "
                                        "the music) are not carried in FCPXML: add them in the "
                                        "editor. "));
    if (!tl.logos.isEmpty())
        xml.writeComment(logosNote(tl));
    if (!tl.effects.isEmpty())
        xml.writeComment(effectsNote(tl));
    w.writeSpine(w.spine());
    xml.writeEndElement(); // sequence
    xml.writeEndElement(); // project
    xml.writeEndElement(); // event
    xml.writeEndElement(); // library
    xml.writeEndElement(); // fcpxml
    xml.writeEndDocument();
    return bytes;
}

} // namespace cw::interchange::detail
