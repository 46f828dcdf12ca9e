// Thumbnails and waveforms of the session's media, ready to paint. Fed from EditorSession's
// waveformReady / thumbnailReady (attach()); for each video or image it asks for a poster
// frame (the media bin) and a few frames spread along the clip (the timeline tiles pick the
// nearest one), for each clip with sound its waveform. JPEGs are decoded when they arrive and
// scaled pixmaps are cached per height, so painting never decodes or scales twice
// (bench_timeline measures it). Works without a session too (tests, the benchmark): feed it
// with addThumbnail / addWaveform.
#pragma once

#include "MediaItem.h"

#include <QHash>
#include <QImage>
#include <QMap>
#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QVector>

namespace cw {

class EditorSession;

class TimelineMediaCache : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kPosterMs = -1; // the representative frame

    struct Waveform {
        double peaksPerSecond = 0;
        QVector<float> peaks; // 0..1
        bool isEmpty() const { return peaks.isEmpty() || peaksPerSecond <= 0; }
        float peakBetween(qint64 fromMs, qint64 toMs) const; // the largest in [from, to)
        // A peak (0..1) as drawn: on a decibel scale from -54 dBFS (0) to full scale (1), so
        // speech and quiet music stay visible.
        static double displayLevel(double peak);
    };

    explicit TimelineMediaCache(QObject* parent = nullptr);

    void attach(EditorSession* session);
    // Known media; new ones get their visuals requested (through the attached session).
    void setMedia(const QList<MediaItem>& media);
    MediaItem mediaItem(const QString& mediaId) const { return m_media.value(mediaId); }
    QString mediaIdForFileName(const QString& fileName) const;
    // How many frames along a clip the timeline asks for, and where.
    static QList<qint64> frameTimes(qint64 durationMs);

    void addThumbnail(const QString& mediaId, qint64 atMs, const QByteArray& jpeg);
    void addThumbnailImage(const QString& mediaId, qint64 atMs, const QImage& image);
    void addWaveform(const QString& mediaId, double peaksPerSecond, const QVector<float>& peaks);

    // The frame nearest to sourceMs (else the poster), scaled to `height`; null if none.
    QPixmap frame(const QString& mediaId, qint64 sourceMs, int height) const;
    QImage poster(const QString& mediaId) const; // the poster, else any frame; null if none
    bool hasFrames(const QString& mediaId) const { return m_frames.contains(mediaId); }
    const Waveform* waveform(const QString& mediaId) const;
    double frameAspect(const QString& mediaId) const; // width / height; 16:9 if unknown

Q_SIGNALS:
    void changed(const QString& mediaId); // a thumbnail or waveform arrived

private:
    void requestVisuals(const MediaItem& item);

    QPointer<EditorSession> m_session;
    QHash<QString, MediaItem> m_media;
    QHash<QString, QMap<qint64, QImage>> m_frames; // media -> at (kPosterMs first) -> image
    QHash<QString, Waveform> m_waveforms;
    struct Scaled {
        QString mediaId;
        qint64 atMs;
        int height;
        bool operator==(const Scaled& o) const
        {
            return atMs == o.atMs && height == o.height && mediaId == o.mediaId;
        }
    };
    friend size_t qHash(const Scaled& key, size_t seed)
    {
        return qHashMulti(seed, key.mediaId, key.atMs, key.height);
    }
    mutable QHash<Scaled, QPixmap> m_scaled;
};

} // namespace cw
