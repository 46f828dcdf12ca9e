// Independent readers for the interchange files the writers produce, for the tests: each
// turns a file back into placed clips (timeline start/end and source in, in frames, plus the
// media path) so a test can compare them with the draft. They share no code with the
// writers on purpose. Header-only; used by tst_interchange and the hand-off engine tests.
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>

namespace cw::test {

struct Placed {
    bool audio = false; // on an audio lane (EDL: A2.. channels)
    qint64 st = 0;      // frames
    qint64 end = 0;
    qint64 in = 0;
    QString path; // local path when the format names one per clip
    bool operator<(const Placed& o) const
    {
        return std::tie(audio, st, end, in) < std::tie(o.audio, o.st, o.end, o.in);
    }
    bool operator==(const Placed& o) const
    {
        return audio == o.audio && st == o.st && end == o.end && in == o.in;
    }
};

inline QString describe(const QList<Placed>& list)
{
    QStringList out;
    for (const Placed& p : list)
        out << QStringLiteral("%1[%2-%3 in %4]")
                   .arg(p.audio ? QStringLiteral("A") : QStringLiteral("V"))
                   .arg(p.st)
                   .arg(p.end)
                   .arg(p.in);
    return out.join(u' ');
}

// "hh:mm:ss:ff" at an integer timebase.
inline qint64 tcFrames(const QString& tc, int timebase)
{
    const QStringList p = tc.split(u':');
    if (p.size() != 4)
        return -1;
    return ((p[0].toLongLong() * 60 + p[1].toLongLong()) * 60 + p[2].toLongLong()) * timebase +
           p[3].toLongLong();
}

struct EdlEvent {
    int number = 0;
    QString channel;
    QString kind;
    int transition = 0;
    qint64 srcIn = 0, srcOut = 0, recIn = 0, recOut = 0;
};

// Every line must be a header, an event, an M2 line, a comment or blank; *bad gets the
// first line that is none of these.
inline QList<EdlEvent> parseEdl(const QByteArray& bytes, int timebase, QString* bad,
                                QStringList* sourceFiles = nullptr)
{
    static const QRegularExpression event(
        QStringLiteral("^(\\d{3,})\\s+(\\S+)\\s+(\\S+)\\s+(C|D|W\\d{3})\\s+(?:(\\d{3})\\s+)?"
                       "(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d) "
                       "(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d)$"));
    QList<EdlEvent> events;
    const QStringList lines = QString::fromUtf8(bytes).split(u'\n');
    for (const QString& line : lines) {
        const QRegularExpressionMatch m = event.match(line);
        if (m.hasMatch()) {
            EdlEvent e;
            e.number = m.captured(1).toInt();
            e.channel = m.captured(3);
            e.kind = m.captured(4);
            e.transition = m.captured(5).toInt();
            e.srcIn = tcFrames(m.captured(6), timebase);
            e.srcOut = tcFrames(m.captured(7), timebase);
            e.recIn = tcFrames(m.captured(8), timebase);
            e.recOut = tcFrames(m.captured(9), timebase);
            events << e;
        } else if (line.startsWith(QLatin1String("* SOURCE FILE: "))) {
            if (sourceFiles)
                *sourceFiles << line.mid(15);
        } else if (!(line.isEmpty() || line.startsWith(QLatin1String("TITLE: ")) ||
                     line == QLatin1String("FCM: NON-DROP FRAME") ||
                     line.startsWith(QLatin1String("* ")) ||
                     line.startsWith(QLatin1String("M2 ")))) {
            if (bad && bad->isEmpty())
                *bad = line.left(200);
        }
    }
    return events;
}

// Events as placed clips: the zero-length outgoing half of a dissolve pair is dropped.
inline QList<Placed> placedFromEdl(const QList<EdlEvent>& events)
{
    QList<Placed> out;
    for (const EdlEvent& e : events)
        if (e.recOut > e.recIn)
            out << Placed{
                e.channel.startsWith(u'A') && e.channel.size() > 1, e.recIn, e.recOut, e.srcIn, {}};
    return out;
}

inline qint64 otioFrames(const QJsonValue& rationalTime)
{
    return qint64(std::llround(rationalTime.toObject().value(QLatin1String("value")).toDouble()));
}

// Clips of every Track.1 in the stack, positioned by summing the gaps and clips before them
// (OTIO times a clip by its source_range; a LinearTimeWarp does not change that).
inline QList<Placed> placedFromOtio(const QJsonObject& timeline, QString* problem)
{
    QList<Placed> out;
    const QJsonArray tracks = timeline.value(QLatin1String("tracks"))
                                  .toObject()
                                  .value(QLatin1String("children"))
                                  .toArray();
    for (const QJsonValue& tv : tracks) {
        const QJsonObject track = tv.toObject();
        if (track.value(QLatin1String("OTIO_SCHEMA")).toString() != QLatin1String("Track.1"))
            *problem = QStringLiteral("not a Track.1");
        const bool audio = track.value(QLatin1String("kind")).toString() == QLatin1String("Audio");
        qint64 cursor = 0;
        for (const QJsonValue& cv : track.value(QLatin1String("children")).toArray()) {
            const QJsonObject c = cv.toObject();
            const QString schema = c.value(QLatin1String("OTIO_SCHEMA")).toString();
            if (schema == QLatin1String("Transition.1"))
                continue;
            const QJsonObject range = c.value(QLatin1String("source_range")).toObject();
            const qint64 d = otioFrames(range.value(QLatin1String("duration")));
            if (schema == QLatin1String("Clip.1")) {
                const QString url = c.value(QLatin1String("media_reference"))
                                        .toObject()
                                        .value(QLatin1String("target_url"))
                                        .toString();
                const qint64 in = otioFrames(range.value(QLatin1String("start_time")));
                out << Placed{audio, cursor, cursor + d, in,
                              QUrl::fromEncoded(url.toLatin1()).toLocalFile()};
                cursor += d;
            } else if (schema == QLatin1String("Gap.1")) {
                cursor += d;
            } else {
                *problem = QStringLiteral("unexpected child ") + schema;
            }
        }
    }
    return out;
}

struct Cue {
    qint64 st = 0, end = 0;
    QString text;
};

// SRT (",") or WebVTT ("." and a WEBVTT header); *problem on any malformed block.
inline QList<Cue> parseCues(const QByteArray& bytes, bool vtt, QString* problem)
{
    static const QRegularExpression timing(
        QStringLiteral("^(\\d\\d):(\\d\\d):(\\d\\d)[,.](\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d)[,.]("
                       "\\d{3})$"));
    QString text = QString::fromUtf8(bytes);
    if (vtt) {
        if (!text.startsWith(QLatin1String("WEBVTT\n\n")))
            *problem = QStringLiteral("no WEBVTT header");
        text = text.mid(8);
    }
    QList<Cue> cues;
    const QStringList blocks = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    int expected = 1;
    for (const QString& block : blocks) {
        const QStringList lines = block.split(u'\n');
        const QRegularExpressionMatch m =
            lines.size() >= 3 ? timing.match(lines[1]) : QRegularExpressionMatch();
        if (!m.hasMatch() || lines[0] != QString::number(expected++)) {
            *problem = QStringLiteral("bad cue block: ") + block.left(120);
            break;
        }
        auto ms = [&](int i) {
            return ((m.captured(i).toLongLong() * 60 + m.captured(i + 1).toLongLong()) * 60 +
                    m.captured(i + 2).toLongLong()) *
                       1000 +
                   m.captured(i + 3).toLongLong();
        };
        QString body = lines.mid(2).join(u'\n');
        if (vtt)
            body.replace(QLatin1String("&lt;"), QLatin1String("<"))
                .replace(QLatin1String("&gt;"), QLatin1String(">"))
                .replace(QLatin1String("&amp;"), QLatin1String("&"));
        cues << Cue{ms(1), ms(5), body};
    }
    return cues;
}

// FCPXML rational time ("0s", "45s", "1001/30000s") in frames of fps num/den; -1 when it
// is not on the frame grid.
inline qint64 fcpFrames(const QString& t, qint64 num, qint64 den)
{
    static const QRegularExpression rx(QStringLiteral("^(\\d+)(?:/(\\d+))?s$"));
    const QRegularExpressionMatch m = rx.match(t);
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const qint64 d = m.captured(2).isEmpty() ? 1 : m.captured(2).toLongLong();
    if (d <= 0 || (n * num) % (d * den) != 0)
        return -1;
    return n * num / (d * den);
}

struct FcpxmlDoc {
    QList<Placed> clips;
    qint64 sequenceDuration = -1;
    qint64 spineEnd = 0;
    QStringList assetSources; // media-rep src, as written
    QStringList names;        // asset-clip names
    QStringList titles;       // title texts
    int transitions = 0;
    QString problem;
};

// Spine items must follow each other without holes; connected items are placed through
// their parent (parent offset + (offset - parent start)).
inline FcpxmlDoc parseFcpxml(const QByteArray& bytes, qint64 num, qint64 den)
{
    FcpxmlDoc doc;
    QXmlStreamReader xml(bytes);
    QHash<QString, QString> assetSrc;
    QString currentAsset;
    int depthInSpine = 0; // 1: a spine item, 2: connected to it
    qint64 parentOffset = 0, parentStart = 0;
    auto frames = [&](const QString& attr, const QXmlStreamAttributes& a) {
        const qint64 f = fcpFrames(a.value(attr).toString(), num, den);
        if (f < 0 && doc.problem.isEmpty())
            doc.problem = QStringLiteral("off-grid time %1=\"%2\"").arg(attr, a.value(attr));
        return f;
    };
    while (!xml.atEnd()) {
        xml.readNext();
        const QString name = xml.name().toString();
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.isStartElement()) {
            if (name == QLatin1String("asset")) {
                currentAsset = a.value(QLatin1String("id")).toString();
            } else if (name == QLatin1String("media-rep")) {
                assetSrc.insert(currentAsset, a.value(QLatin1String("src")).toString());
                doc.assetSources << a.value(QLatin1String("src")).toString();
            } else if (name == QLatin1String("sequence")) {
                doc.sequenceDuration = frames(QStringLiteral("duration"), a);
            } else if (name == QLatin1String("spine")) {
                depthInSpine = 0;
                continue;
            } else if (name == QLatin1String("transition") && depthInSpine == 0) {
                ++doc.transitions;
                xml.skipCurrentElement();
                continue;
            } else if (name == QLatin1String("text-style") && depthInSpine == 2 &&
                       a.hasAttribute(QLatin1String("ref"))) {
                doc.titles << xml.readElementText();
                continue;
            }
            const bool item = name == QLatin1String("asset-clip") || name == QLatin1String("gap") ||
                              name == QLatin1String("title");
            if (!item)
                continue;
            const qint64 offset = frames(QStringLiteral("offset"), a);
            const qint64 duration = frames(QStringLiteral("duration"), a);
            const qint64 start =
                a.hasAttribute(QLatin1String("start")) ? frames(QStringLiteral("start"), a) : 0;
            ++depthInSpine;
            if (depthInSpine == 1) {
                if (offset != doc.spineEnd && doc.problem.isEmpty())
                    doc.problem = QStringLiteral("spine hole/overlap at %1").arg(offset);
                doc.spineEnd = offset + duration;
                parentOffset = offset;
                parentStart = start;
            }
            if (name == QLatin1String("asset-clip")) {
                const qint64 st = depthInSpine == 1 ? offset : parentOffset + offset - parentStart;
                const QString src = assetSrc.value(a.value(QLatin1String("ref")).toString());
                doc.clips << Placed{a.value(QLatin1String("lane")).toInt() < 0, st, st + duration,
                                    start, QUrl::fromEncoded(src.toLatin1()).toLocalFile()};
                doc.names << a.value(QLatin1String("name")).toString();
            }
        } else if (xml.isEndElement() &&
                   (name == QLatin1String("asset-clip") || name == QLatin1String("gap") ||
                    name == QLatin1String("title"))) {
            --depthInSpine;
        }
    }
    if (xml.hasError())
        doc.problem = xml.errorString();
    return doc;
}

struct MltDoc {
    QList<Placed> clips;
    QStringList resources;
    QString problem;
};

// Playlists in tractor order; a track with hide="video" is an audio lane.
inline MltDoc parseMlt(const QByteArray& bytes)
{
    MltDoc doc;
    QXmlStreamReader xml(bytes);
    QHash<QString, QList<Placed>> playlists;
    QHash<QString, QString> resource;
    QString producer, playlist, property;
    qint64 cursor = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        const QString name = xml.name().toString();
        const QXmlStreamAttributes a = xml.attributes();
        if (!xml.isStartElement())
            continue;
        if (name == QLatin1String("producer")) {
            producer = a.value(QLatin1String("id")).toString();
        } else if (name == QLatin1String("property") && !producer.isEmpty() &&
                   producer != QLatin1String("black") && playlist.isEmpty()) {
            const QString key = a.value(QLatin1String("name")).toString();
            const QString value = xml.readElementText();
            if (key == QLatin1String("resource") || key == QLatin1String("warp_resource")) {
                resource.insert(producer, value);
                if (key == QLatin1String("resource") && !value.contains(u':'))
                    doc.resources << value;
                if (key == QLatin1String("warp_resource"))
                    doc.resources << value;
            }
        } else if (name == QLatin1String("playlist")) {
            playlist = a.value(QLatin1String("id")).toString();
            producer.clear();
            cursor = 0;
        } else if (name == QLatin1String("blank")) {
            cursor += a.value(QLatin1String("length")).toLongLong();
        } else if (name == QLatin1String("entry")) {
            const qint64 in = a.value(QLatin1String("in")).toLongLong();
            const qint64 out = a.value(QLatin1String("out")).toLongLong();
            const QString p = a.value(QLatin1String("producer")).toString();
            if (p == QLatin1String("black"))
                continue;
            if (!resource.contains(p))
                doc.problem = QStringLiteral("entry of unknown producer ") + p;
            playlists[playlist] << Placed{false, cursor, cursor + out - in + 1, in,
                                          resource.value(p)};
            cursor += out - in + 1;
        } else if (name == QLatin1String("track")) {
            if (a.value(QLatin1String("producer")) == QLatin1String("background"))
                continue; // the black bottom track
            QList<Placed> clips = playlists.value(a.value(QLatin1String("producer")).toString());
            const bool audio = a.value(QLatin1String("hide")) == QLatin1String("video");
            for (Placed& c : clips)
                c.audio = audio;
            doc.clips << clips;
        }
    }
    if (xml.hasError())
        doc.problem = xml.errorString();
    return doc;
}

} // namespace cw::test
