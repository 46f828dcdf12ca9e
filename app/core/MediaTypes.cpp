// Upload extensions of PROTOCOL.md, plus "jpeg" as an alias of "jpg" (cameras write both) and
// "svg", which the local engine cleans and draws into a PNG logo (engine/media/SvgImage.h).
// Only the name is judged here; the engine probes the content before accepting a file.
#include "MediaTypes.h"

namespace cw {

namespace {

struct Kind {
    const char* ext;
    const char* kind;
};

constexpr Kind kKinds[] = {
    {"mp4", "video"}, {"mov", "video"},  {"avi", "video"}, {"webm", "video"}, {"mkv", "video"},
    {"jpg", "image"}, {"jpeg", "image"}, {"png", "image"}, {"gif", "image"},  {"webp", "image"},
    {"svg", "image"}, {"mp3", "audio"},  {"wav", "audio"}, {"m4a", "audio"},  {"aac", "audio"},
};

QString extensionOf(const QString& fileName)
{
    const qsizetype slash = std::max(fileName.lastIndexOf(u'/'), fileName.lastIndexOf(u'\\'));
    const qsizetype dot = fileName.lastIndexOf(u'.');
    if (dot < 0 || dot < slash)
        return {};
    return fileName.mid(dot + 1).toLower();
}

} // namespace

QStringList acceptedExtensions()
{
    QStringList list;
    for (const Kind& k : kKinds)
        list << QString::fromLatin1(k.ext);
    return list;
}

bool isAcceptedFileName(const QString& fileName)
{
    return !mediaKindForFileName(fileName).isEmpty();
}

QString mediaKindForFileName(const QString& fileName)
{
    const QString ext = extensionOf(fileName);
    if (ext.isEmpty())
        return {};
    for (const Kind& k : kKinds)
        if (ext == QLatin1String(k.ext))
            return QString::fromLatin1(k.kind);
    return {};
}

} // namespace cw
