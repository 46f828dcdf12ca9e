// Geometry of the timeline, kept apart from painting so it can be tested as plain numbers:
// a ruler on top, a header column with track names on the left, one row per track, and
// segments placed to scale (x is linear in milliseconds). Zoom 1 fits the whole draft into
// the width; larger zooms show a window starting at scrollMs.
#pragma once

#include "Draft.h"

#include <QRectF>
#include <QSizeF>

namespace cw {

class TimelineLayout {
public:
    static constexpr double kRulerHeight = 26;
    static constexpr double kHeaderWidth = 120;
    static constexpr double kTrackHeight = 44;
    static constexpr double kTrackGap = 4;
    static constexpr double kMargin = 8;
    static constexpr qint64 kMinimumSpanMs = 1000;

    TimelineLayout() = default;
    TimelineLayout(const Draft& draft, const QSizeF& size, double zoom = 1.0, qint64 scrollMs = 0);

    qint64 spanMs() const { return m_spanMs; } // the draft's duration, at least kMinimumSpanMs
    double pixelsPerMs() const { return m_pxPerMs; }
    qint64 scrollMs() const { return m_scrollMs; }
    int trackCount() const { return m_trackCount; }

    QRectF rulerRect() const;
    QRectF contentRect() const; // the area right of the header, below the ruler
    QRectF headerRect(int track) const;
    QRectF trackRect(int track) const;                // the lane of a track, right of its header
    QRectF segmentRect(int track, int segment) const; // empty for invalid indexes
    double xForMs(qint64 ms) const;
    qint64 msForX(double x) const;
    qint64 tickStepMs() const; // ruler spacing: 1-2-5 steps at least ~70 px apart
    double preferredHeight() const;

    // {track, segment} under a point, or {-1, -1}.
    std::pair<int, int> hitTest(const QPointF& point) const;

private:
    const Draft* m_draft = nullptr;
    QSizeF m_size;
    qint64 m_spanMs = kMinimumSpanMs;
    qint64 m_scrollMs = 0;
    double m_pxPerMs = 0;
    int m_trackCount = 0;
};

QString formatTimelineTime(qint64 ms, qint64 stepMs = 1000); // "0:05", "1:02:03", "0:04.5"

} // namespace cw
