// See TimelineLayout.h.
#include "TimelineLayout.h"

#include <QString>
#include <algorithm>
#include <cmath>

namespace cw {

TimelineLayout::TimelineLayout(const Draft& draft, const QSizeF& size, double zoom, qint64 scrollMs)
    : m_draft(&draft), m_size(size), m_trackCount(int(draft.t.size()))
{
    m_spanMs = std::max({draft.computedDuration(), draft.d, kMinimumSpanMs});
    const double laneWidth = std::max(1.0, size.width() - kHeaderWidth - 2 * kMargin);
    zoom = std::clamp(zoom, 1.0, 1000.0);
    m_pxPerMs = laneWidth / double(m_spanMs) * zoom;
    const qint64 visibleMs = qint64(laneWidth / m_pxPerMs);
    m_scrollMs = std::clamp<qint64>(scrollMs, 0, std::max<qint64>(0, m_spanMs - visibleMs));
}

QRectF TimelineLayout::rulerRect() const
{
    return QRectF(kHeaderWidth + kMargin, 0, m_size.width() - kHeaderWidth - 2 * kMargin,
                  kRulerHeight);
}

QRectF TimelineLayout::contentRect() const
{
    return QRectF(kHeaderWidth + kMargin, kRulerHeight, m_size.width() - kHeaderWidth - 2 * kMargin,
                  m_size.height() - kRulerHeight);
}

QRectF TimelineLayout::headerRect(int track) const
{
    if (track < 0 || track >= m_trackCount)
        return {};
    const double y = kRulerHeight + kTrackGap + track * (kTrackHeight + kTrackGap);
    return QRectF(kMargin, y, kHeaderWidth - kMargin, kTrackHeight);
}

QRectF TimelineLayout::trackRect(int track) const
{
    const QRectF header = headerRect(track);
    if (header.isNull())
        return {};
    return QRectF(kHeaderWidth + kMargin, header.y(), contentRect().width(), kTrackHeight);
}

QRectF TimelineLayout::segmentRect(int track, int segment) const
{
    if (!m_draft || track < 0 || track >= m_trackCount)
        return {};
    const Track& t = m_draft->t.at(track);
    if (segment < 0 || segment >= t.sg.size())
        return {};
    const Segment& s = t.sg.at(segment);
    const QRectF lane = trackRect(track);
    const double x = xForMs(s.st);
    const double width = std::max(1.0, double(std::max<qint64>(0, s.d)) * m_pxPerMs);
    return QRectF(x, lane.y() + 3, width, lane.height() - 6);
}

double TimelineLayout::xForMs(qint64 ms) const
{
    return kHeaderWidth + kMargin + double(ms - m_scrollMs) * m_pxPerMs;
}

qint64 TimelineLayout::msForX(double x) const
{
    if (m_pxPerMs <= 0)
        return 0;
    return m_scrollMs + qint64(std::llround((x - kHeaderWidth - kMargin) / m_pxPerMs));
}

qint64 TimelineLayout::tickStepMs() const
{
    static const qint64 steps[] = {100,   200,   500,    1000,   2000,   5000,   10000,   15000,
                                   30000, 60000, 120000, 300000, 600000, 900000, 1800000, 3600000};
    for (qint64 step : steps) {
        if (double(step) * m_pxPerMs >= 70)
            return step;
    }
    return steps[std::size(steps) - 1];
}

double TimelineLayout::preferredHeight() const
{
    const int rows = std::max(3, m_trackCount);
    return kRulerHeight + kTrackGap + rows * (kTrackHeight + kTrackGap) + kMargin;
}

std::pair<int, int> TimelineLayout::hitTest(const QPointF& point) const
{
    for (int track = 0; track < m_trackCount; ++track) {
        if (!trackRect(track).contains(point))
            continue;
        const int count = int(m_draft->t.at(track).sg.size());
        for (int segment = count - 1; segment >= 0; --segment) {
            if (segmentRect(track, segment).contains(point))
                return {track, segment};
        }
    }
    return {-1, -1};
}

QString formatTimelineTime(qint64 ms, qint64 stepMs)
{
    const bool negative = ms < 0;
    ms = std::abs(ms);
    const qint64 hours = ms / 3600000;
    const qint64 minutes = (ms / 60000) % 60;
    const qint64 seconds = (ms / 1000) % 60;
    QString text = hours > 0
                       ? QStringLiteral("%1:%2:%3")
                             .arg(hours)
                             .arg(minutes, 2, 10, QLatin1Char('0'))
                             .arg(seconds, 2, 10, QLatin1Char('0'))
                       : QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
    if (stepMs < 1000 || ms % 1000 != 0)
        text += QStringLiteral(".%1").arg((ms % 1000) / 100);
    return negative ? QLatin1Char('-') + text : text;
}

} // namespace cw
