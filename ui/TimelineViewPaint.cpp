// See TimelineView.h. This part paints: the ruler (with the time under the mouse), the
// tracks and their segments (the one under the playhead lit, so the viewer's picture can be
// found on the timeline), transitions and the playhead. Colours derive from the palette so
// light and dark themes both work.
#include "TimelineView.h"

#include "Colours.h"
#include "Icons.h"
#include "TimelineMediaCache.h"
#include "TimelineMediaPainter.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace cw {

namespace {

const QColor kPlayheadColour(0xe0, 0x3a, 0x3a);

} // namespace

QColor TimelineView::trackColor(int tt) const
{
    const QColor base = palette().color(QPalette::Base);
    QColor accent;
    switch (tt) {
    case int(TrackType::Video):
        accent = QColor(0x2b, 0x5f, 0xd9);
        break;
    case int(TrackType::Audio):
        accent = QColor(0x1f, 0x9d, 0x6b);
        break;
    case int(TrackType::Text):
        accent = QColor(0xd9, 0x82, 0x2b);
        break;
    default:
        accent = palette().color(QPalette::Mid);
    }
    return mix(base, accent, 0.65);
}

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const TimelineLayout lay = layout();
    paintRuler(p, lay);
    for (int track = 0; track < lay.trackCount(); ++track)
        paintTrack(p, lay, track);
    m_drag.paint(p, lay, palette());
    paintPlayhead(p, lay);
    if (m_draft.t.isEmpty() || segmentCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(lay.contentRect(), Qt::AlignCenter,
                   tr("The timeline is empty. Add clips, then tell me what to make."));
    }
}

void TimelineView::paintRuler(QPainter& p, const TimelineLayout& lay) const
{
    const QRectF ruler = lay.rulerRect();
    const QColor text = palette().color(QPalette::Text);
    p.fillRect(QRectF(0, 0, width(), ruler.height()), palette().color(QPalette::AlternateBase));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(QPointF(0, ruler.bottom()), QPointF(width(), ruler.bottom()));

    const qint64 step = lay.tickStepMs();
    const qint64 first = (lay.msForX(ruler.left()) / step) * step;
    const qint64 last = lay.msForX(ruler.right());
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    p.setFont(small);
    const bool empty = segmentCount() == 0;
    for (qint64 ms = std::max<qint64>(0, first); ms <= last && !empty; ms += step) {
        const double x = lay.xForMs(ms);
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(QPointF(x, ruler.bottom() - 6), QPointF(x, ruler.bottom()));
        const QString label = formatTimelineTime(ms, step);
        if (x + 3 + p.fontMetrics().horizontalAdvance(label) > width())
            continue;
        p.setPen(text);
        p.drawText(QRectF(x + 3, 0, 80, ruler.height() - 4), Qt::AlignLeft | Qt::AlignVCenter,
                   label);
    }
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(text);
    const qint64 total = std::max(m_draft.computedDuration(), m_draft.d);
    p.drawText(QRectF(TimelineLayout::kMargin, 0, TimelineLayout::kHeaderWidth, ruler.height()),
               Qt::AlignLeft | Qt::AlignVCenter, tr("Total %1").arg(formatTimelineTime(total)));
    // With nothing selected, the ruler says what is done to the whole video (DESIGN.md's
    // draft.m): the sound's clean-up, denoise and loudness, and the look.
    const QString details = m_selectedSegment.isEmpty() ? draftNotes() : selectionDetails();
    if (!details.isEmpty()) {
        p.setFont(small);
        const QRectF area(ruler.right() - 360, 0, 356, ruler.height());
        const QString shown = p.fontMetrics().elidedText(details, Qt::ElideLeft, int(area.width()));
        const QRectF box = QRectF(area.right() - p.fontMetrics().horizontalAdvance(shown) - 8, 3,
                                  p.fontMetrics().horizontalAdvance(shown) + 8, ruler.height() - 6);
        p.fillRect(box, palette().color(QPalette::Base));
        p.setPen(text);
        p.drawText(box, Qt::AlignCenter, shown);
    }
    p.setFont(small);
    paintHoverTime(p, lay);
    p.setFont(font());
}

QString TimelineView::draftNotes() const
{
    QStringList notes;
    if (m_draft.m.value(QLatin1String("cleanup")).toBool())
        notes << tr("Sound cleaned up");
    else if (m_draft.m.value(QLatin1String("denoise")).toBool())
        notes << tr("Sound denoised");
    if (m_draft.m.contains(QLatin1String("loudness_lufs")))
        notes << tr("Loudness %1 LUFS")
                     .arg(m_draft.m.value(QLatin1String("loudness_lufs")).toDouble());
    const QString look = m_draft.m.value(QLatin1String("look")).toString();
    if (!look.isEmpty() && look != QLatin1String("none"))
        notes << tr("Look: %1").arg(look);
    return notes.join(QStringLiteral(" · "));
}

void TimelineView::paintTrack(QPainter& p, const TimelineLayout& lay, int index) const
{
    const Track& track = m_draft.t.at(index);
    const QRectF header = lay.headerRect(index);
    const QRectF lane = lay.trackRect(index);
    p.fillRect(lane, palette().color(QPalette::AlternateBase));

    const QString iconName = track.tt == int(TrackType::Audio)  ? QStringLiteral("track-audio")
                             : track.tt == int(TrackType::Text) ? QStringLiteral("track-text")
                                                                : QStringLiteral("track-video");
    icon(iconName).paint(&p, QRect(int(header.x()), int(header.center().y()) - 8, 16, 16));
    const QRectF textRect = header.adjusted(22, 2, -4, -2);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignTop,
               p.fontMetrics().elidedText(track.n.isEmpty() ? track.id : track.n, Qt::ElideRight,
                                          int(textRect.width())));
    p.setFont(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignBottom, trackTypeName(track.tt));

    p.save();
    p.setClipRect(lane);
    const QColor fill = trackColor(track.tt);
    const QColor border = fill.darker(140);
    const QColor label = fill.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
    for (int s = 0; s < track.sg.size(); ++s) {
        const QRectF r = lay.segmentRect(index, s);
        if (r.right() < lane.left() || r.left() > lane.right())
            continue;
        const bool selected =
            track.sg.at(s).id == m_selectedSegment && !m_selectedSegment.isEmpty();
        const bool glowing = m_glow > 0 && m_changed.contains(track.sg.at(s).id);
        const bool current = track.sg.at(s).st <= m_playheadMs &&
                             m_playheadMs < track.sg.at(s).st + track.sg.at(s).d;
        if (r.width() < 8) {
            // Dense timelines (thousands of cuts, fitted): plain rectangles without
            // antialiasing keep a frame cheap; the left edge marks the cut.
            p.setRenderHint(QPainter::Antialiasing, false);
            p.fillRect(r, glowing ? palette().color(QPalette::Highlight) : fill);
            p.setPen(selected ? palette().color(QPalette::Highlight) : border);
            if (selected)
                p.drawRect(r.adjusted(0, 0, -1, -1));
            else
                p.drawLine(r.topLeft(), r.bottomLeft());
            if (current) // what the viewer shows: a foot in the playhead's colour
                p.fillRect(QRectF(r.left(), r.bottom() - 3, r.width(), 3), kPlayheadColour);
            p.setRenderHint(QPainter::Antialiasing, true);
            continue;
        }
        QPainterPath path;
        path.addRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        p.fillPath(path, fill);
        if (m_media)
            paintSegmentMedia(p, r, track.sg.at(s), track.tt, *m_media, lay.pixelsPerMs(), lane,
                              label);
        if (glowing) {
            QColor glow = palette().color(QPalette::Highlight);
            glow.setAlphaF(float(0.6 * m_glow));
            p.fillPath(path, glow);
        }
        if (current) { // what the viewer shows: lighter, with a foot in the playhead's colour
            p.fillPath(path, QColor(255, 255, 255, 40));
            p.fillRect(QRectF(r.left() + 3, r.bottom() - 4, r.width() - 6, 3), kPlayheadColour);
        }
        p.setPen(QPen(selected ? palette().color(QPalette::Highlight) : border, selected ? 2 : 1));
        p.drawPath(path);
        if (r.width() > 16) {
            p.setPen(label);
            // The name starts after the transition's bow tie drawn over the join.
            const QJsonValue tr = track.sg.at(s).m.value(QLatin1String("tr"));
            const double bow =
                !tr.isObject() && !tr.isString()
                    ? 0
                    : std::max(5.0, (tr.isObject()
                                         ? tr.toObject().value(QLatin1String("d")).toInteger(500)
                                         : 500) *
                                        lay.pixelsPerMs() / 2);
            QRectF area = r.adjusted(6 + bow, 0, -4, 0);
            const QColor colour(track.sg.at(s).m.value(QLatin1String("color")).toString());
            if (track.tt == int(TrackType::Text) && colour.isValid() && area.width() > 24) {
                const QRectF swatch(area.left(), r.center().y() - 5, 10, 10);
                p.setBrush(colour);
                p.drawEllipse(swatch);
                p.setBrush(Qt::NoBrush);
                area.setLeft(swatch.right() + 4);
            }
            p.drawText(area, Qt::AlignLeft | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(segmentLabel(track.sg.at(s)), Qt::ElideRight,
                                                  int(area.width())));
        }
    }
    // Transitions at the joins: a bow tie centred on the segment's start, as wide as the
    // transition (at least 10 px so a short one stays visible), once the clip is wide enough.
    p.setPen(QPen(palette().color(QPalette::Text), 1));
    for (int s = 1; s < track.sg.size(); ++s) {
        const QJsonValue trans = track.sg.at(s).m.value(QLatin1String("tr"));
        if (!trans.isObject() && !trans.isString())
            continue;
        const QRectF r = lay.segmentRect(index, s);
        if (r.left() < lane.left() - 20 || r.left() > lane.right() + 20 || r.width() < 12)
            continue; // too dense to show joins
        const qint64 ms =
            trans.isObject() ? trans.toObject().value(QLatin1String("d")).toInteger(500) : 500;
        const double half = std::max(5.0, ms * lay.pixelsPerMs() / 2);
        const double x = r.left();
        const double top = r.top() + 4;
        const double bottom = r.bottom() - 4;
        QPainterPath bow;
        bow.moveTo(x - half, top);
        bow.lineTo(x + half, bottom);
        bow.lineTo(x + half, top);
        bow.lineTo(x - half, bottom);
        bow.closeSubpath();
        QColor fillTr = palette().color(QPalette::Base);
        fillTr.setAlphaF(0.8f);
        p.fillPath(bow, fillTr);
        p.drawPath(bow);
    }
    paintFades(p, lay, index);
    p.restore();
}

// Fades as NLEs draw them: a shaded wedge over the faded part of a clip, its edge the ramp
// from silence/black to full. A clip's own fades (m.fade_in/fade_out, music's fi/fo) and the
// whole video's (draft m) on the first and last clip of the main track.
void TimelineView::paintFades(QPainter& p, const TimelineLayout& lay, int index) const
{
    const Track& track = m_draft.t.at(index);
    int first = -1;
    int last = -1;
    bool main = track.tt == int(TrackType::Video);
    for (int i = 0; main && i < index; ++i)
        main = !(m_draft.t.at(i).tt == int(TrackType::Video) && !m_draft.t.at(i).sg.isEmpty());
    for (int s = 0; main && s < track.sg.size(); ++s) {
        if (first < 0 || track.sg.at(s).st < track.sg.at(first).st)
            first = s;
        if (last < 0 || track.sg.at(s).end() > track.sg.at(last).end())
            last = s;
    }
    auto fadeMs = [](const QJsonObject& m, const char* key, const char* musicKey) {
        const QJsonValue v = m.value(QLatin1String(key));
        return v.isObject() ? v.toObject().value(QLatin1String("d")).toInteger(0)
                            : m.value(QLatin1String(musicKey)).toInteger(0);
    };
    const QColor shade(0, 0, 0, 90);
    p.setPen(QPen(palette().color(QPalette::Text), 1));
    for (int s = 0; s < track.sg.size(); ++s) {
        const Segment& seg = track.sg.at(s);
        const QRectF r = lay.segmentRect(index, s).adjusted(0.5, 3.5, -0.5, -3.5);
        if (r.width() < 12)
            continue;
        qint64 in = fadeMs(seg.m, "fade_in", "fi");
        qint64 out = fadeMs(seg.m, "fade_out", "fo");
        if (s == first)
            in = std::max(in, fadeMs(m_draft.m, "fade_in", "-"));
        if (s == last)
            out = std::max(out, fadeMs(m_draft.m, "fade_out", "-"));
        const double wIn = std::min(r.width() / 2, in * lay.pixelsPerMs());
        const double wOut = std::min(r.width() / 2, out * lay.pixelsPerMs());
        if (wIn >= 1) {
            const QPolygonF wedge{r.topLeft(), r.topLeft() + QPointF(wIn, 0), r.bottomLeft()};
            p.setBrush(shade);
            p.drawPolygon(wedge);
        }
        if (wOut >= 1) {
            const QPolygonF wedge{r.topRight(), r.topRight() - QPointF(wOut, 0), r.bottomRight()};
            p.setBrush(shade);
            p.drawPolygon(wedge);
        }
    }
    p.setBrush(Qt::NoBrush);
}

void TimelineView::paintHoverTime(QPainter& p, const TimelineLayout& lay) const
{
    if (m_hoverMs < 0 || segmentCount() == 0)
        return;
    const QRectF ruler = lay.rulerRect();
    const double x = lay.xForMs(m_hoverMs);
    const QString label = hoverText();
    const QFontMetrics fm = p.fontMetrics();
    const double w = fm.horizontalAdvance(label) + 10;
    QRectF box(x + 4, 3, w, ruler.height() - 6);
    if (box.right() > width() - 2)
        box.moveRight(x - 4);
    p.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    p.drawLine(QPointF(x, ruler.top()), QPointF(x, ruler.bottom()));
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::ToolTipBase));
    p.drawRoundedRect(box, 3, 3);
    p.setBrush(Qt::NoBrush);
    p.setPen(palette().color(QPalette::ToolTipText));
    p.drawText(box, Qt::AlignCenter, label);
}

void TimelineView::paintPlayhead(QPainter& p, const TimelineLayout& lay) const
{
    if (segmentCount() == 0)
        return;
    const double x = lay.xForMs(m_playheadMs);
    const QRectF content = lay.contentRect();
    if (x < content.left() - 1 || x > content.right() + 1)
        return;
    const QColor colour = kPlayheadColour;
    p.setPen(QPen(colour, 1.5));
    p.drawLine(QPointF(x, lay.rulerRect().top()), QPointF(x, height()));
    QPainterPath head;
    const double bottom = lay.rulerRect().bottom();
    head.moveTo(x - 6, bottom - 10);
    head.lineTo(x + 6, bottom - 10);
    head.lineTo(x, bottom);
    head.closeSubpath();
    p.fillPath(head, colour);
}

} // namespace cw
