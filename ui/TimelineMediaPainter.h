// Draws a segment's picture and sound inside its rectangle on the timeline: video and image
// segments get a strip of thumbnails (each tile shows the source frame nearest to the time
// under it, tiles anchored to the segment so they do not swim while scrolling) with the
// waveform along the lower part when the row is tall enough; audio segments get their
// waveform, scaled by the segment's volume. Only the visible part is drawn, from the
// TimelineMediaCache's pre-scaled pixmaps; narrow segments (dense, fitted timelines) are
// left plain. Called by TimelineView between the segment's fill and its label.
#pragma once

#include <QColor>
#include <QRectF>

class QPainter;

namespace cw {

class TimelineMediaCache;
struct Segment;

void paintSegmentMedia(QPainter& p, const QRectF& rect, const Segment& segment, int trackType,
                       const TimelineMediaCache& cache, double pixelsPerMs, const QRectF& visible,
                       const QColor& ink);

} // namespace cw
