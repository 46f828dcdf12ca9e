// The public face of the interchange writers: format names and the dispatch to the one
// writer per format (Interchange{Fcpxml,Edl,Mlt,Otio,Subtitles}.cpp). Video and audio
// formats flatten the draft once (InterchangeTimeline.cpp); subtitles read the text tracks.
#include "Interchange.h"

#include "InterchangeTimeline.h"

namespace cw::interchange {

namespace {

struct Entry {
    Format format;
    const char* ext;
    const char* name;
};

constexpr Entry kFormats[] = {
    {Format::Fcpxml, "fcpxml", QT_TRANSLATE_NOOP("Interchange", "Final Cut Pro XML")},
    {Format::Edl, "edl", QT_TRANSLATE_NOOP("Interchange", "CMX 3600 EDL")},
    {Format::Mlt, "mlt", QT_TRANSLATE_NOOP("Interchange", "MLT XML (Shotcut, Kdenlive)")},
    {Format::Otio, "otio", QT_TRANSLATE_NOOP("Interchange", "OpenTimelineIO")},
    {Format::Srt, "srt", QT_TRANSLATE_NOOP("Interchange", "SubRip subtitles")},
    {Format::Vtt, "vtt", QT_TRANSLATE_NOOP("Interchange", "WebVTT subtitles")},
};

const Entry& entry(Format format)
{
    for (const Entry& e : kFormats)
        if (e.format == format)
            return e;
    return kFormats[0];
}

} // namespace

std::optional<Format> formatFromName(const QString& nameOrPath)
{
    QString s = nameOrPath.trimmed();
    const qsizetype slash = std::max(s.lastIndexOf(u'/'), s.lastIndexOf(u'\\'));
    s = s.mid(slash + 1);
    const qsizetype dot = s.lastIndexOf(u'.');
    if (dot >= 0)
        s = s.mid(dot + 1);
    s = s.toLower();
    if (s == QLatin1String("webvtt"))
        s = QStringLiteral("vtt");
    for (const Entry& e : kFormats)
        if (s == QLatin1String(e.ext))
            return e.format;
    return std::nullopt;
}

QString extension(Format format)
{
    return QString::fromLatin1(entry(format).ext);
}

QString displayName(Format format)
{
    return detail::translate(entry(format).name);
}

QList<Format> allFormats()
{
    QList<Format> list;
    for (const Entry& e : kFormats)
        list << e.format;
    return list;
}

QByteArray write(Format format, const Draft& draft, const QList<SourceMedia>& media, QString* error)
{
    QString why;
    QByteArray bytes;
    if (format == Format::Srt || format == Format::Vtt) {
        bytes = detail::writeSubtitles(draft, format == Format::Vtt, &why);
    } else {
        detail::Timeline tl;
        if (detail::collect(draft, media, &tl, &why)) {
            switch (format) {
            case Format::Fcpxml:
                bytes = detail::writeFcpxml(tl, draft);
                break;
            case Format::Edl:
                bytes = detail::writeEdl(tl);
                break;
            case Format::Mlt:
                bytes = detail::writeMlt(tl);
                break;
            case Format::Otio:
                bytes = detail::writeOtio(tl);
                break;
            case Format::Srt:
            case Format::Vtt:
                break;
            }
        }
    }
    if (bytes.isEmpty() && why.isEmpty())
        why = detail::translate("The %1 file could not be written.").arg(displayName(format));
    if (error)
        *error = bytes.isEmpty() ? why : QString();
    return bytes;
}

} // namespace cw::interchange
