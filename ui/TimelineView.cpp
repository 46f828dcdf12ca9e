// See TimelineView.h. Colours derive from the palette so light and dark themes both work.
#include "TimelineView.h"

#include "Icons.h"
#include "TimelineMediaCache.h"
#include "TimelineMediaPainter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>
#include <algorithm>

namespace cw {

namespace {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

QString segmentLabel(const Segment& segment)
{
    for (const char* key : {"name", "text"}) {
        const QString value = segment.m.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return segment.src.isEmpty() ? segment.id : segment.src;
}

QString trackTypeName(int tt)
{
    switch (tt) {
    case int(TrackType::Video):
        return QCoreApplication::translate("cw::TimelineView", "Video");
    case int(TrackType::Audio):
        return QCoreApplication::translate("cw::TimelineView", "Audio");
    case int(TrackType::Text):
        return QCoreApplication::translate("cw::TimelineView", "Text");
    default:
        return QCoreApplication::translate("cw::TimelineView", "Type %1").arg(tt);
    }
}

QString segmentDetails(const Segment& segment)
{
    const QString source = segmentLabel(segment);
    const auto t = [](qint64 ms) { return formatTimelineTime(ms, 100); };
    return QCoreApplication::translate("cw::TimelineView", "%1 · in %2 · out %3 · %4 s")
        .arg(source, t(segment.in), t(segment.in + segment.d),
             QString::number(double(segment.d) / 1000.0, 'f', 1));
}

TimelineView::TimelineView(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    m_glowAnimation = new QVariantAnimation(this);
    m_glowAnimation->setStartValue(1.0);
    m_glowAnimation->setEndValue(0.0);
    m_glowAnimation->setEasingCurve(QEasingCurve::InQuad);
    connect(m_glowAnimation, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        m_glow = v.toDouble();
        update();
    });
    connect(m_glowAnimation, &QVariantAnimation::finished, this, [this] {
        m_glow = 0;
        m_changed.clear();
        update();
    });
    setObjectName(QStringLiteral("timelineView"));
    setAccessibleName(tr("Timeline"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setMouseTracking(true); // the trim cursor over a clip's edge
}

void TimelineView::setEditsEnabled(bool enabled)
{
    m_editsEnabled = enabled;
    if (!enabled && m_drag.isArmed()) {
        m_drag.cancel();
        update();
    }
}

void TimelineView::setMediaCache(TimelineMediaCache* cache)
{
    if (m_media)
        disconnect(m_media, nullptr, this, nullptr);
    m_media = cache;
    if (cache)
        connect(cache, &TimelineMediaCache::changed, this, [this] { update(); });
    update();
}

TimelineMediaCache* TimelineView::mediaCache() const
{
    return m_media;
}

int TimelineView::segmentCount() const
{
    int count = 0;
    for (const Track& track : m_draft.t)
        count += int(track.sg.size());
    return count;
}

TimelineLayout TimelineView::layout() const
{
    return TimelineLayout(m_draft, QSizeF(size()), m_zoom, m_scrollMs);
}

void TimelineView::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 1.0, 1000.0);
    m_scrollMs = layout().scrollMs();
    update();
}

void TimelineView::zoomToFit()
{
    m_zoom = 1.0;
    m_scrollMs = 0;
    update();
}

QSize TimelineView::sizeHint() const
{
    return QSize(800, int(TimelineLayout(m_draft, QSizeF(800, 200)).preferredHeight()));
}

QSize TimelineView::minimumSizeHint() const
{
    // Room for three rows: enough for video, audio and titles without scrolling the window.
    Draft rows;
    rows.t.resize(3);
    return QSize(320, int(TimelineLayout(rows, QSizeF(320, 200)).preferredHeight()));
}

void TimelineView::setDraft(const Draft& draft)
{
    const bool grew = draft.t.size() != m_draft.t.size();
    // What changed: segments that are new or moved/trimmed since the previous draft. The
    // first draft (nothing shown yet) does not glow.
    QHash<QString, const Segment*> before;
    for (const Track& track : m_draft.t)
        for (const Segment& s : track.sg)
            before.insert(s.id, &s);
    QSet<QString> changed;
    if (!before.isEmpty()) {
        for (const Track& track : draft.t) {
            for (const Segment& s : track.sg) {
                const Segment* old = before.value(s.id);
                if (!old || old->st != s.st || old->in != s.in || old->d != s.d ||
                    old->src != s.src)
                    changed.insert(s.id);
            }
        }
    }
    m_draft = draft;
    m_drag.cancel(); // its geometry belongs to the previous draft
    if (findSegment(m_selectedSegment).first < 0)
        m_selectedSegment.clear();
    m_changed = changed;
    m_glowAnimation->stop();
    m_glow = 0;
    if (!m_changed.isEmpty()) {
        m_glowAnimation->setDuration(std::max(1, m_highlightMs));
        m_glow = 1;
        m_glowAnimation->start();
    }
    m_zoom = 1.0;
    m_scrollMs = 0;
    if (grew)
        updateGeometry();
    setAccessibleDescription(draft.summary());
    update();
}

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
    const QString details = selectionDetails();
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
    p.setFont(font());
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
        p.setPen(QPen(selected ? palette().color(QPalette::Highlight) : border, selected ? 2 : 1));
        p.drawPath(path);
        if (r.width() > 16) {
            p.setPen(label);
            const QRectF area = r.adjusted(6, 0, -4, 0);
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
    p.restore();
}

void TimelineView::paintPlayhead(QPainter& p, const TimelineLayout& lay) const
{
    if (segmentCount() == 0)
        return;
    const double x = lay.xForMs(m_playheadMs);
    const QRectF content = lay.contentRect();
    if (x < content.left() - 1 || x > content.right() + 1)
        return;
    const QColor colour(0xe0, 0x3a, 0x3a);
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

std::pair<int, int> TimelineView::findSegment(const QString& segmentId) const
{
    if (segmentId.isEmpty())
        return {-1, -1};
    for (int t = 0; t < m_draft.t.size(); ++t)
        for (int s = 0; s < m_draft.t.at(t).sg.size(); ++s)
            if (m_draft.t.at(t).sg.at(s).id == segmentId)
                return {t, s};
    return {-1, -1};
}

QString TimelineView::selectionDetails() const
{
    const auto [t, s] = findSegment(m_selectedSegment);
    return t < 0 ? QString() : segmentDetails(m_draft.t.at(t).sg.at(s));
}

void TimelineView::selectSegment(const QString& segmentId)
{
    m_selectedSegment = findSegment(segmentId).first < 0 ? QString() : segmentId;
    setToolTip(selectionDetails());
    update();
}

void TimelineView::setPlayheadMs(qint64 ms)
{
    const qint64 clamped =
        std::clamp<qint64>(ms, 0, std::max(m_draft.computedDuration(), m_draft.d));
    if (clamped == m_playheadMs)
        return;
    m_playheadMs = clamped;
    update();
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_drag.isArmed()) {
        m_drag.cancel();
        update();
        event->accept();
        return;
    }
    const auto [t, s] = findSegment(m_selectedSegment);
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && t >= 0) {
        // "clip N" means the N-th clip of the video track to the agent: other tracks have
        // no phrasing for their segments yet, so Delete there does nothing.
        if (m_draft.t.at(t).tt == int(TrackType::Video) && m_editsEnabled)
            Q_EMIT editRequested(QStringLiteral("delete clip %1").arg(s + 1));
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) && t >= 0) {
        const Track& track = m_draft.t.at(t);
        const int next =
            std::clamp(s + (event->key() == Qt::Key_Right ? 1 : -1), 0, int(track.sg.size()) - 1);
        selectSegment(track.sg.at(next).id);
        Q_EMIT segmentClicked(track.id, track.sg.at(next).id, track.sg.at(next).src);
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool TimelineView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto [t, s] = layout().hitTest(help->pos());
        if (t >= 0)
            QToolTip::showText(help->globalPos(), segmentDetails(m_draft.t.at(t).sg.at(s)), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    const TimelineLayout lay = layout();
    const QPointF pos = event->position();
    if (pos.y() <= lay.rulerRect().bottom() && pos.x() >= lay.contentRect().left() &&
        segmentCount() > 0) {
        setPlayheadMs(lay.msForX(pos.x()));
        m_scrubbing = true;
        Q_EMIT playheadMoved(m_playheadMs);
        return;
    }
    const auto [track, segment] = lay.hitTest(pos);
    if (track < 0) {
        selectSegment(QString());
        return QWidget::mousePressEvent(event);
    }
    const Track& t = m_draft.t.at(track);
    const Segment& s = t.sg.at(segment);
    selectSegment(s.id);
    Q_EMIT segmentClicked(t.id, s.id, s.src);
    if (m_editsEnabled && event->button() == Qt::LeftButton)
        m_drag.press(m_draft, lay, pos, m_playheadMs);
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_drag.isArmed() && (event->buttons() & Qt::LeftButton)) {
        m_drag.move(layout(), event->position());
        update();
        return;
    }
    if (!(event->buttons() & Qt::LeftButton))
        setCursor(m_editsEnabled ? TimelineDrag::cursorAt(m_draft, layout(), event->position())
                                 : Qt::ArrowCursor);
    if (!m_scrubbing || !(event->buttons() & Qt::LeftButton))
        return QWidget::mouseMoveEvent(event);
    const qint64 before = m_playheadMs;
    setPlayheadMs(layout().msForX(event->position().x()));
    if (m_playheadMs != before)
        Q_EMIT playheadMoved(m_playheadMs);
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    m_scrubbing = false;
    if (m_drag.isArmed()) {
        const QString instruction = m_drag.finish();
        update();
        if (!instruction.isEmpty() && m_editsEnabled)
            Q_EMIT editRequested(instruction);
    }
    QWidget::mouseReleaseEvent(event);
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0)
        return QWidget::wheelEvent(event);
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(m_zoom * (delta > 0 ? 1.25 : 0.8));
    } else if (m_zoom > 1.0) {
        const TimelineLayout lay = layout();
        const qint64 visible = qint64(lay.contentRect().width() / lay.pixelsPerMs());
        m_scrollMs = TimelineLayout(m_draft, QSizeF(size()), m_zoom,
                                    m_scrollMs - (delta > 0 ? 1 : -1) * visible / 5)
                         .scrollMs();
        update();
    } else {
        return QWidget::wheelEvent(event);
    }
    event->accept();
}

void TimelineView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace cw
