// MLT XML as Shotcut writes it (and Kdenlive and `melt` read): a profile from the draft's
// size and rate, one avformat producer per source (a timewarp producer per speed), one
// playlist per lane with blanks and entries (in/out are inclusive frame numbers), and a
// tractor whose multitrack stacks them over Shotcut's black background track (melt shows
// blanks as white without it): the video lanes composited (qtblend), cutaway lanes
// picture only (as the engine's B-roll), the main lane and the audio lanes mixed in (mix, sum) with
// their volume as a `volume` filter on their producer. Transitions are written as cuts: an MLT
// dissolve overlaps the clips and would shorten the timeline. Text tracks are left to SRT/WebVTT.
// Fades are Shotcut's: a `brightness` filter (level 0 black .. 1) and a `volume` filter (level
// in dB) with keyframes, on a clip's entry (positions count in the producer's frames, from the
// entry's in) or, for the whole video, on the tractor. MLT's brightness fades to black only: a
// fade to white is written as one to black, and the file says so in a comment.
#include "InterchangeTimeline.h"

#include <QHash>
#include <QXmlStreamWriter>
#include <numeric>

namespace cw::interchange::detail {

namespace {

struct Writer {
    const Timeline& tl;
    QXmlStreamWriter xml;
    QHash<QString, QString> producers; // key (media, speed, volume) -> producer id

    Writer(const Timeline& tl, QByteArray* out) : tl(tl), xml(out) {}

    void property(const QString& name, const QString& value)
    {
        xml.writeStartElement(QStringLiteral("property"));
        xml.writeAttribute(QStringLiteral("name"), name);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    // One filter animating from `from` to `to` over the fade in and back over the fade out,
    // positions first..last; nothing when neither fades.
    void fades(const Fade& in, const Fade& out, qint64 first, qint64 last, bool picture)
    {
        const bool fadeIn = in.f > 0 && (!picture || in.picture);
        const bool fadeOut = out.f > 0 && (!picture || out.picture);
        if (!fadeIn && !fadeOut)
            return;
        if (picture && ((fadeIn && in.white) || (fadeOut && out.white)))
            xml.writeComment(QStringLiteral(" a fade to white, written as a fade to black "));
        const QString low = picture ? QStringLiteral("0") : QStringLiteral("-60");
        const QString full = picture ? QStringLiteral("1") : QStringLiteral("0");
        QStringList keys;
        if (fadeIn)
            keys << QStringLiteral("%1=%2").arg(first).arg(low)
                 << QStringLiteral("%1=%2").arg(first + in.f).arg(full);
        if (fadeOut)
            keys << QStringLiteral("%1=%2").arg(last - out.f).arg(full)
                 << QStringLiteral("%1=%2").arg(last).arg(low);
        xml.writeStartElement(QStringLiteral("filter"));
        property(QStringLiteral("mlt_service"),
                 picture ? QStringLiteral("brightness") : QStringLiteral("volume"));
        property(QStringLiteral("level"), keys.join(QLatin1Char(';')));
        xml.writeEndElement();
    }

    static QString key(const Item& it, bool audioLane)
    {
        return it.media->id + u'\x1f' + QString::number(it.speed, 'g', 10) + u'\x1f' +
               QString::number(audioLane ? it.volume : 1.0, 'g', 10);
    }

    void producer(const Item& it, bool audioLane)
    {
        const QString k = key(it, audioLane);
        if (producers.contains(k))
            return;
        const QString id = QStringLiteral("producer%1").arg(producers.size());
        producers.insert(k, id);
        const QString path = localPath(it.media->path);
        const bool warped = it.speed != 1.0;
        const qint64 length =
            it.media->durationMs > 0
                ? std::max<qint64>(1,
                                   qint64(double(tl.rate.frames(it.media->durationMs)) / it.speed))
                : std::max<qint64>(tl.totalF, it.inF + it.dF) + 1;
        xml.writeStartElement(QStringLiteral("producer"));
        xml.writeAttribute(QStringLiteral("id"), id);
        xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("out"), QString::number(length - 1));
        property(QStringLiteral("length"), QString::number(length));
        property(QStringLiteral("eof"), QStringLiteral("pause"));
        if (warped) {
            const QString speed = QString::number(it.speed, 'g', 10);
            property(QStringLiteral("resource"), speed + u':' + path);
            property(QStringLiteral("mlt_service"), QStringLiteral("timewarp"));
            property(QStringLiteral("warp_speed"), speed);
            property(QStringLiteral("warp_resource"), path);
        } else {
            property(QStringLiteral("resource"), path);
            property(QStringLiteral("mlt_service"), QStringLiteral("avformat"));
        }
        property(QStringLiteral("shotcut:caption"), oneLine(it.media->name, 200));
        if (audioLane && it.volume != 1.0) {
            xml.writeStartElement(QStringLiteral("filter"));
            property(QStringLiteral("mlt_service"), QStringLiteral("volume"));
            property(QStringLiteral("gain"), QString::number(it.volume, 'g', 6));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    // index: 0 the main lane (picture and sound), then the other video lanes, then audio.
    void playlist(const Lane& lane, int index, bool audioLane)
    {
        xml.writeStartElement(QStringLiteral("playlist"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("playlist%1").arg(index));
        property(audioLane ? QStringLiteral("shotcut:audio") : QStringLiteral("shotcut:video"),
                 QStringLiteral("1"));
        property(QStringLiteral("shotcut:name"), lane.trackName);
        qint64 cursor = 0;
        for (const Item& it : lane.items) {
            if (it.stF > cursor) {
                xml.writeEmptyElement(QStringLiteral("blank"));
                xml.writeAttribute(QStringLiteral("length"), QString::number(it.stF - cursor));
            }
            const qint64 in = it.speed != 1.0 ? qint64(double(it.inF) / it.speed) : it.inF;
            xml.writeStartElement(QStringLiteral("entry"));
            xml.writeAttribute(QStringLiteral("producer"), producers.value(key(it, audioLane)));
            xml.writeAttribute(QStringLiteral("in"), QString::number(in));
            xml.writeAttribute(QStringLiteral("out"), QString::number(in + it.dF - 1));
            property(QStringLiteral("shotcut:caption"), it.name);
            if (!audioLane)
                fades(it.fadeIn, it.fadeOut, in, in + it.dF - 1, true);
            if (audioLane || index == 0)
                fades(it.fadeIn, it.fadeOut, in, in + it.dF - 1, false);
            xml.writeEndElement();
            cursor = it.endF();
        }
        xml.writeEndElement();
    }

    // Shotcut's opaque black bottom track: blanks elsewhere would show melt's white default.
    void background()
    {
        xml.writeStartElement(QStringLiteral("producer"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("black"));
        xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("out"), QString::number(tl.totalF - 1));
        property(QStringLiteral("length"), QString::number(tl.totalF));
        property(QStringLiteral("eof"), QStringLiteral("pause"));
        property(QStringLiteral("resource"), QStringLiteral("black"));
        property(QStringLiteral("aspect_ratio"), QStringLiteral("1"));
        property(QStringLiteral("mlt_service"), QStringLiteral("color"));
        property(QStringLiteral("set.test_audio"), QStringLiteral("0"));
        xml.writeEndElement();
        xml.writeStartElement(QStringLiteral("playlist"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("background"));
        xml.writeEmptyElement(QStringLiteral("entry"));
        xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("black"));
        xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("out"), QString::number(tl.totalF - 1));
        xml.writeEndElement();
    }

    void transition(const QString& service, int a, int b)
    {
        xml.writeStartElement(QStringLiteral("transition"));
        property(QStringLiteral("a_track"), QString::number(a));
        property(QStringLiteral("b_track"), QString::number(b));
        property(QStringLiteral("mlt_service"), service);
        property(QStringLiteral("always_active"), QStringLiteral("1"));
        if (service == QLatin1String("mix"))
            property(QStringLiteral("sum"), QStringLiteral("1"));
        xml.writeEndElement();
    }
};

} // namespace

QByteArray writeMlt(const Timeline& tl)
{
    QByteArray bytes;
    Writer w(tl, &bytes);
    QXmlStreamWriter& xml = w.xml;
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("mlt"));
    xml.writeAttribute(QStringLiteral("LC_NUMERIC"), QStringLiteral("C"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("7.12.0"));
    xml.writeAttribute(QStringLiteral("title"), xmlSafe(tl.title));
    xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("tractor0"));

    const int g = std::gcd(tl.width, tl.height);
    xml.writeEmptyElement(QStringLiteral("profile"));
    xml.writeAttribute(QStringLiteral("description"),
                       QStringLiteral("%1x%2 %3 fps")
                           .arg(tl.width)
                           .arg(tl.height)
                           .arg(QString::number(tl.rate.fps(), 'g', 6)));
    const QList<std::pair<const char*, qint64>> profile{{"width", tl.width},
                                                        {"height", tl.height},
                                                        {"progressive", 1},
                                                        {"sample_aspect_num", 1},
                                                        {"sample_aspect_den", 1},
                                                        {"display_aspect_num", tl.width / g},
                                                        {"display_aspect_den", tl.height / g},
                                                        {"frame_rate_num", tl.rate.num},
                                                        {"frame_rate_den", tl.rate.den},
                                                        {"colorspace", 709}};
    for (const auto& [name, value] : profile)
        xml.writeAttribute(QLatin1String(name), QString::number(value));

    for (const Lane& lane : tl.video)
        for (const Item& it : lane.items)
            w.producer(it, false);
    for (const Lane& lane : tl.audio)
        for (const Item& it : lane.items)
            w.producer(it, true);
    w.background();
    int index = 0;
    for (const QList<Lane>* lanes : {&tl.video, &tl.audio})
        for (const Lane& lane : *lanes)
            w.playlist(lane, index++, lanes == &tl.audio);

    xml.writeStartElement(QStringLiteral("tractor"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("tractor0"));
    xml.writeAttribute(QStringLiteral("title"), xmlSafe(tl.title));
    xml.writeAttribute(QStringLiteral("in"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("out"), QString::number(tl.totalF - 1));
    w.property(QStringLiteral("shotcut"), QStringLiteral("1"));
    xml.writeEmptyElement(QStringLiteral("track"));
    xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("background"));
    for (int i = 0; i < index; ++i) {
        xml.writeEmptyElement(QStringLiteral("track"));
        xml.writeAttribute(QStringLiteral("producer"), QStringLiteral("playlist%1").arg(i));
        if (i >= tl.video.size())
            xml.writeAttribute(QStringLiteral("hide"), QStringLiteral("video"));
        else if (i > 0)
            xml.writeAttribute(QStringLiteral("hide"), QStringLiteral("audio"));
    }
    for (int i = 0; i < index; ++i) {
        if (i == 0 || i >= tl.video.size())
            w.transition(QStringLiteral("mix"), 0, i + 1);
        if (i < tl.video.size())
            w.transition(QStringLiteral("qtblend"), 0, i + 1);
    }
    if (!tl.logos.isEmpty())
        xml.writeComment(logosNote(tl));
    if (!tl.effects.isEmpty())
        xml.writeComment(effectsNote(tl));
    w.fades(tl.fadeIn, tl.fadeOut, 0, tl.totalF - 1, true);
    w.fades(tl.fadeIn, tl.fadeOut, 0, tl.totalF - 1, false);
    xml.writeEndElement(); // tractor
    xml.writeEndElement(); // mlt
    xml.writeEndDocument();
    return bytes;
}

} // namespace cw::interchange::detail
