// Hand-off of the current draft to other editors and subtitle files (issue 6). The writers
// are core's (Interchange.h); this maps the session's media to the files they name: the
// local engine reports where it stored each upload ("path"), and when that file exists on
// this machine the other editor gets it directly; otherwise (cloud, a remote engine) the
// media URL is written. The file is written through QSaveFile, so a failed export never
// leaves a half-written file over an earlier one.
#include "EditorSessionPrivate.h"

#include "Interchange.h"

#include <QFileInfo>
#include <QSaveFile>

namespace cw {

namespace {

QList<interchange::SourceMedia> sourceMedia(const QList<MediaItem>& items)
{
    QList<interchange::SourceMedia> list;
    for (const MediaItem& m : items) {
        interchange::SourceMedia s;
        s.id = m.id;
        const QFileInfo stored(m.localPath);
        s.path = !m.localPath.isEmpty() && stored.isAbsolute() && stored.isFile()
                     ? stored.absoluteFilePath()
                     : m.url.toString(QUrl::FullyEncoded);
        s.name = m.fileName;
        s.durationMs = m.durationMs;
        s.width = m.width;
        s.height = m.height;
        s.fps = m.fps;
        s.hasVideo = m.hasVideo;
        s.hasAudio = m.hasAudio;
        list << s;
    }
    return list;
}

} // namespace

bool EditorSession::exportInterchange(const QString& format, const QString& path, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const std::optional<interchange::Format> f = interchange::formatFromName(format);
    if (!f)
        return fail(tr("\"%1\" is not a format Clipwright can export to.").arg(format));
    if (path.isEmpty())
        return fail(tr("No file was chosen for the export."));
    QString why;
    const QByteArray bytes = interchange::write(*f, d->draft, sourceMedia(d->media), &why);
    if (bytes.isEmpty())
        return fail(why);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    if (error)
        error->clear();
    return true;
}

} // namespace cw
