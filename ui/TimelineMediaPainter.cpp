// See TimelineMediaPainter.h.
#include "TimelineMediaPainter.h"

#include "Draft.h"
#include "TimelineMediaCache.h"

#include <QLineF>
#include <QPainter>
#include <QVarLengthArray>
#include <algorithm>
#include <cmath>

namespace cw {

namespace {

constexpr double kMinWidth = 12;       // narrower segments stay plain
constexpr double kWaveUnderVideo = 30; // rows at least this tall get a waveform under video

void paintWaveform(QPainter& p, const QRectF& rect, const QRectF& band, const Segment& s,
                   const TimelineMediaCache::Waveform& wave, double pxPerMs, const QRectF& visible,
                   const QColor& colour, bool centred)
{
    const double left = std::max(band.left(), visible.left());
    const double right = std::min(band.right(), visible.right());
    if (right <= left || pxPerMs <= 0)
        return;
    const double volume = std::clamp(s.m.value(QLatin1String("vol")).toDouble(1.0), 0.0, 1.0);
    const double msPerPx = 1.0 / pxPerMs;
    QVarLengthArray<QLineF, 512> lines;
    for (double x = std::floor(left) + 0.5; x < right; x += 1.0) {
        const qint64 t0 = s.in + qint64((x - 0.5 - rect.left()) * msPerPx);
        const qint64 t1 = t0 + std::max<qint64>(1, qint64(msPerPx));
        const double amp =
            TimelineMediaCache::Waveform::displayLevel(double(wave.peakBetween(t0, t1)) * volume);
        if (amp <= 0.01)
            continue;
        if (centred) {
            const double half = amp * band.height() / 2;
            lines.append(QLineF(x, band.center().y() - half, x, band.center().y() + half));
        } else {
            lines.append(QLineF(x, band.bottom() - amp * band.height(), x, band.bottom()));
        }
    }
    if (lines.isEmpty())
        return;
    p.setPen(QPen(colour, 1));
    p.drawLines(lines.constData(), int(lines.size()));
}

void paintThumbnails(QPainter& p, const QRectF& rect, const QRectF& inner, const Segment& s,
                     const TimelineMediaCache& cache, double pxPerMs, const QRectF& visible)
{
    const int th = int(inner.height());
    const double tw = std::max(8.0, std::round(th * cache.frameAspect(s.src)));
    const double left = std::max(inner.left(), visible.left());
    const double right = std::min(inner.right(), visible.right());
    if (th <= 0 || right <= left)
        return;
    const qint64 first = qint64(std::floor((left - inner.left()) / tw));
    for (qint64 k = first;; ++k) {
        const double x = inner.left() + double(k) * tw;
        if (x >= right)
            break;
        const double w = std::min(tw, inner.right() - x);
        const qint64 sourceMs =
            s.in + std::clamp<qint64>(qint64((x + w / 2 - rect.left()) / pxPerMs), 0, s.d);
        const QPixmap frame = cache.frame(s.src, sourceMs, th);
        if (frame.isNull())
            return;
        const double dpr = frame.devicePixelRatio();
        p.drawPixmap(QRectF(x, inner.top(), w, th), frame,
                     QRectF(0, 0, std::min(w * dpr, double(frame.width())), frame.height()));
    }
}

} // namespace

void paintSegmentMedia(QPainter& p, const QRectF& rect, const Segment& segment, int trackType,
                       const TimelineMediaCache& cache, double pixelsPerMs, const QRectF& visible,
                       const QColor& ink)
{
    if (rect.width() < kMinWidth || segment.src.isEmpty() || pixelsPerMs <= 0)
        return;
    const QRectF inner = rect.adjusted(1, 1, -1, -1);
    const TimelineMediaCache::Waveform* wave = cache.waveform(segment.src);
    const bool antialiased = p.testRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::Antialiasing, false);
    if (trackType == int(TrackType::Audio)) {
        if (wave) {
            QColor colour = ink;
            colour.setAlphaF(0.45f);
            paintWaveform(p, rect, inner.adjusted(0, 2, 0, -2), segment, *wave, pixelsPerMs,
                          visible, colour, true);
        }
    } else if (trackType == int(TrackType::Video)) {
        if (cache.hasFrames(segment.src)) {
            paintThumbnails(p, rect, inner, segment, cache, pixelsPerMs, visible);
            p.fillRect(inner.intersected(visible), QColor(0, 0, 0, 56)); // labels stay legible
        }
        if (wave && rect.height() >= kWaveUnderVideo) {
            const QRectF band(inner.left(), inner.bottom() - inner.height() * 0.38, inner.width(),
                              inner.height() * 0.38);
            paintWaveform(p, rect, band, segment, *wave, pixelsPerMs, visible,
                          QColor(255, 255, 255, 150), false);
        }
    }
    p.setRenderHint(QPainter::Antialiasing, antialiased);
}

} // namespace cw
