// See LocalSession.h. Ingest links instead of copying: a talk recording can be gigabytes,
// and the link lives only as long as the work folder.
#include "cli/LocalSession.h"

#include "media/AnimatedWebp.h"
#include "media/MediaProbe.h"
#include "media/SvgImage.h"
#include "server/MediaJson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cw::engine {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("cw::engine::cli", text);
}

QString sha256Of(const QString& path, bool* ok)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    *ok = f.open(QIODevice::ReadOnly) && hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

bool checkMediaFile(const QString& path, QString* reason)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *reason = tr("no such file");
        return false;
    }
    if (info.isDir()) {
        *reason = tr("is a folder, not a media file");
        return false;
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *reason = tr("cannot be read: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ::close(fd);
    if (info.size() == 0) {
        *reason = tr("is empty");
        return false;
    }
    // FFmpeg cannot read an animated WebP, and must not read an SVG before it is cleaned: the
    // ingest converts both (AnimatedWebp.h, SvgImage.h) and says what is wrong with them.
    if (isAnimatedWebp(path) || looksLikeSvg(path))
        return true;
    const MediaInfo media = probeMedia(path);
    const bool usable = media.ok && !media.kind.isEmpty() &&
                        (media.kind == QLatin1String("image") || media.durationMs > 0);
    if (!usable) {
        *reason = tr("is not a video, audio or image file the engine can read%1")
                      .arg(media.error.isEmpty() ? QString() : QStringLiteral(": ") + media.error);
        return false;
    }
    return true;
}

IngestResult ingestLocalFiles(Store& store, const QString& sessionId, const QStringList& paths)
{
    QList<ReceivedFile> files;
    auto fail = [&files](const QString& message) {
        for (const ReceivedFile& f : files)
            QFile::remove(f.tempPath);
        IngestResult r;
        r.code = 1;
        r.error = message;
        return r;
    };
    for (const QString& path : paths) {
        const QFileInfo info(path);
        ReceivedFile f;
        f.displayName = sanitizeFileName(info.fileName());
        f.size = info.size();
        bool ok = false;
        f.hash = sha256Of(path, &ok);
        if (!ok)
            return fail(tr("%1 cannot be read.").arg(path));
        f.tempPath = store.tmpDir() + QLatin1Char('/') + newId(QStringLiteral("local_")) +
                     safeExtension(f.displayName);
        if (!QFile::link(info.absoluteFilePath(), f.tempPath))
            return fail(tr("cannot link %1 into the work folder %2.").arg(path, store.tmpDir()));
        files << f;
    }
    return ingestUploads(store, sessionId, files);
}

} // namespace cw::engine
