// See TimelineMediaCache.h.
#include "TimelineMediaCache.h"

#include "EditorSession.h"

#include <algorithm>
#include <cmath>

namespace cw {

namespace {
constexpr int kMaxScanPeaks = 256; // a column spanning more peaks samples them with a stride
}

float TimelineMediaCache::Waveform::peakBetween(qint64 fromMs, qint64 toMs) const
{
    if (isEmpty())
        return 0;
    const qint64 n = peaks.size();
    qint64 i0 = qint64(std::floor(double(fromMs) * peaksPerSecond / 1000.0));
    qint64 i1 = qint64(std::ceil(double(toMs) * peaksPerSecond / 1000.0));
    i0 = std::clamp<qint64>(i0, 0, n - 1);
    i1 = std::clamp<qint64>(std::max(i1, i0 + 1), 1, n);
    const qint64 stride = std::max<qint64>(1, (i1 - i0) / kMaxScanPeaks);
    float peak = 0;
    for (qint64 i = i0; i < i1; i += stride)
        peak = std::max(peak, peaks.at(int(i)));
    return peak;
}

double TimelineMediaCache::Waveform::displayLevel(double peak)
{
    constexpr double kFloorDb = -54;
    if (peak <= 0)
        return 0;
    return std::clamp((20.0 * std::log10(peak) - kFloorDb) / -kFloorDb, 0.0, 1.0);
}

TimelineMediaCache::TimelineMediaCache(QObject* parent) : QObject(parent)
{
    setObjectName(QStringLiteral("timelineMediaCache"));
}

void TimelineMediaCache::attach(EditorSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (!session)
        return;
    connect(session, &EditorSession::thumbnailReady, this, &TimelineMediaCache::addThumbnail);
    connect(session, &EditorSession::waveformReady, this, &TimelineMediaCache::addWaveform);
    connect(session, &EditorSession::ready, this, [this] { setMedia(m_session->media()); });
    connect(session, &EditorSession::mediaChanged, this, [this] { setMedia(m_session->media()); });
    connect(session, &EditorSession::uploadFinished, this,
            [this](const MediaItem& item) { setMedia({item}); });
    if (session->isReady())
        setMedia(session->media());
}

void TimelineMediaCache::setMedia(const QList<MediaItem>& media)
{
    for (const MediaItem& item : media) {
        if (item.id.isEmpty())
            continue;
        const bool known = m_media.contains(item.id);
        m_media.insert(item.id, item);
        if (!known)
            requestVisuals(item);
    }
}

QString TimelineMediaCache::mediaIdForFileName(const QString& fileName) const
{
    for (auto it = m_media.cbegin(); it != m_media.cend(); ++it)
        if (it->fileName == fileName)
            return it.key();
    return {};
}

QList<qint64> TimelineMediaCache::frameTimes(qint64 durationMs)
{
    if (durationMs <= 0)
        return {};
    const int count = int(std::clamp<qint64>(durationMs / 1500, 1, 8));
    QList<qint64> times;
    for (int i = 0; i < count; ++i)
        times << (2 * i + 1) * durationMs / (2 * count);
    return times;
}

void TimelineMediaCache::requestVisuals(const MediaItem& item)
{
    if (!m_session)
        return;
    const bool audio = item.kind == QLatin1String("audio");
    const bool image = item.kind == QLatin1String("image");
    if (!image)
        m_session->requestWaveform(item.id);
    if (audio)
        return;
    m_session->requestThumbnail(item.id, kPosterMs);
    if (!image)
        for (qint64 at : frameTimes(item.durationMs))
            m_session->requestThumbnail(item.id, at);
}

void TimelineMediaCache::addThumbnail(const QString& mediaId, qint64 atMs, const QByteArray& jpeg)
{
    const QImage image = QImage::fromData(jpeg, "JPEG");
    if (!image.isNull())
        addThumbnailImage(mediaId, atMs, image);
}

void TimelineMediaCache::addThumbnailImage(const QString& mediaId, qint64 atMs, const QImage& image)
{
    if (image.isNull() || mediaId.isEmpty())
        return;
    m_frames[mediaId].insert(std::max<qint64>(kPosterMs, atMs),
                             image.convertToFormat(QImage::Format_RGB32));
    for (auto it = m_scaled.begin(); it != m_scaled.end();) // the nearest frame may change
        it = it.key().mediaId == mediaId ? m_scaled.erase(it) : std::next(it);
    Q_EMIT changed(mediaId);
}

void TimelineMediaCache::addWaveform(const QString& mediaId, double peaksPerSecond,
                                     const QVector<float>& peaks)
{
    if (mediaId.isEmpty() || peaksPerSecond <= 0)
        return;
    m_waveforms.insert(mediaId, Waveform{peaksPerSecond, peaks});
    Q_EMIT changed(mediaId);
}

QPixmap TimelineMediaCache::frame(const QString& mediaId, qint64 sourceMs, int height) const
{
    const auto frames = m_frames.constFind(mediaId);
    if (frames == m_frames.constEnd() || frames->isEmpty() || height <= 0)
        return {};
    // The nearest real frame; the poster only when there is nothing else.
    auto pick = frames->constBegin();
    if (frames->size() > 1 || pick.key() != kPosterMs) {
        auto after = frames->lowerBound(sourceMs);
        if (after == frames->constEnd())
            --after;
        pick = after;
        if (after != frames->constBegin()) {
            auto before = std::prev(after);
            if (before.key() != kPosterMs && sourceMs - before.key() < after.key() - sourceMs)
                pick = before;
        }
        if (pick.key() == kPosterMs && frames->size() > 1)
            pick = std::next(pick);
    }
    const Scaled key{mediaId, pick.key(), height};
    const auto cached = m_scaled.constFind(key);
    if (cached != m_scaled.constEnd())
        return *cached;
    const QPixmap scaled =
        QPixmap::fromImage(pick.value().scaledToHeight(height, Qt::SmoothTransformation));
    m_scaled.insert(key, scaled);
    return scaled;
}

QImage TimelineMediaCache::poster(const QString& mediaId) const
{
    const auto frames = m_frames.constFind(mediaId);
    if (frames == m_frames.constEnd() || frames->isEmpty())
        return {};
    return frames->constBegin().value(); // kPosterMs sorts first
}

const TimelineMediaCache::Waveform* TimelineMediaCache::waveform(const QString& mediaId) const
{
    const auto it = m_waveforms.constFind(mediaId);
    return it == m_waveforms.constEnd() || it->isEmpty() ? nullptr : &*it;
}

double TimelineMediaCache::frameAspect(const QString& mediaId) const
{
    const QImage p = poster(mediaId);
    if (!p.isNull() && p.height() > 0)
        return double(p.width()) / p.height();
    const MediaItem item = m_media.value(mediaId);
    if (item.width > 0 && item.height > 0)
        return double(item.width) / item.height;
    return 16.0 / 9.0;
}

} // namespace cw
