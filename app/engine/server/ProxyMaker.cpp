// See ProxyMaker.h.
#include "server/ProxyMaker.h"

#include "render/FfmpegRunner.h"
#include "render/PreviewMedia.h"
#include "server/BackgroundSlot.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace cw::engine {

namespace {
// Video with a picture gets a proxy (stills and sound files are cheap to read as they are).
bool wantsProxy(const MediaRecord& media)
{
    return qEnvironmentVariable("CLIPWRIGHT_PROXIES") != QLatin1String("0") && media.hasVideo &&
           media.kind == QLatin1String("video");
}
} // namespace

ProxyMaker::ProxyMaker(Store& store)
    : m_store(store), m_queue([this](const MediaRecord& m,
                                     const std::atomic_bool* cancel) { makeProxy(m, cancel); },
                              [this] { clearLeftovers(); })
{}

QString ProxyMaker::pathFor(const MediaRecord& media, const char* ext) const
{
    if (media.hash.size() < 16 || m_store.dataDir().isEmpty())
        return {};
    return QDir(m_store.dataDir())
        .filePath(QStringLiteral("proxies/%1-p%2.%3")
                      .arg(media.hash.left(32))
                      .arg(kProxyFormat)
                      .arg(QLatin1String(ext)));
}

QPair<QString, QString> ProxyMaker::proxyFor(const MediaRecord& media) const
{
    if (!wantsProxy(media))
        return {};
    const QString video = pathFor(media, "mp4");
    if (video.isEmpty() || QFileInfo(video).size() <= 0)
        return {};
    return {video, media.hasAudio ? pathFor(media, "wav") : QString()};
}

void ProxyMaker::useProxies(QHash<QString, RenderInput>* inputs)
{
    for (auto it = inputs->begin(); it != inputs->end(); ++it) {
        const std::optional<MediaRecord> media = m_store.media(it.key());
        if (!media)
            continue;
        const auto [video, sound] = proxyFor(*media);
        if (video.isEmpty())
            request(*media);
        it->proxyVideo = video;
        it->proxySound = sound;
    }
}

void ProxyMaker::request(const MediaRecord& media)
{
    if (wantsProxy(media) && !pathFor(media, "mp4").isEmpty() && proxyFor(media).first.isEmpty())
        m_queue.push(media);
}

// Before the first proxy: what a killed engine left half-written, and proxies of an older
// format, which no preview reads any more.
void ProxyMaker::clearLeftovers()
{
    if (m_store.dataDir().isEmpty())
        return;
    const QString current = QStringLiteral("-p%1.").arg(kProxyFormat);
    QDirIterator it(QDir(m_store.dataDir()).filePath(QStringLiteral("proxies")), QDir::Files);
    while (it.hasNext()) {
        const QString name = QFileInfo(it.next()).fileName();
        if (name.endsWith(QLatin1String(".part")) || !name.contains(current))
            QFile::remove(it.filePath());
    }
}

void ProxyMaker::makeProxy(const MediaRecord& media, const std::atomic_bool* cancel)
{
    const QString video = pathFor(media, "mp4");
    const QString sound = media.hasAudio ? pathFor(media, "wav") : QString();
    QDir().mkpath(QFileInfo(video).path());
    const QString videoPart = video + QStringLiteral(".part");
    const QString soundPart = sound.isEmpty() ? QString() : sound + QStringLiteral(".part");
    const BackgroundSlot slot(cancel); // not beside an analysis (BackgroundSlot.h)
    if (!slot.held())
        return;
    QByteArray err;
    const int rc = runFfmpegStep(proxyArgs(media.path, videoPart, soundPart), cancel, &err, {},
                                 /*background=*/true);
    if (!sound.isEmpty())
        QFile::remove(sound);
    QFile::remove(video);
    if (rc != 0 || (!sound.isEmpty() && !QFile::rename(soundPart, sound)) ||
        !QFile::rename(videoPart, video)) {
        QFile::remove(videoPart);
        if (!soundPart.isEmpty())
            QFile::remove(soundPart);
        if (rc == 1)
            qWarning("engine: no preview proxy for %s: %s", qPrintable(media.id),
                     err.trimmed().right(200).constData());
    }
}

} // namespace cw::engine
