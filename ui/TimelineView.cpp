// See TimelineView.h. This part holds the state and the mouse and keyboard.
#include "TimelineView.h"

#include "TimelineMediaCache.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace cw {

// A clip stabilised, played backwards, held, zoomed or muted (the engine's edit/Stabilise.h and
// edit/Motion.h marks, m.vol 0) says so ahead of its name, so the timeline shows at a glance
// what the export will do to it.
QString segmentLabel(const Segment& segment)
{
    QStringList tags;
    if (segment.m.value(QLatin1String("stab")).toBool())
        tags << QCoreApplication::translate("cw::TimelineView", "Stabilised");
    if (segment.m.contains(QLatin1String("vol")) &&
        segment.m.value(QLatin1String("vol")).toDouble(1) <= 0)
        tags << QCoreApplication::translate("cw::TimelineView", "Muted");
    if (segment.m.value(QLatin1String("reverse")).toBool())
        tags << QCoreApplication::translate("cw::TimelineView", "Reversed");
    if (segment.m.value(QLatin1String("freeze")).toBool())
        tags << QCoreApplication::translate("cw::TimelineView", "Freeze");
    if (segment.m.contains(QLatin1String("zoom"))) {
        const QJsonObject z = segment.m.value(QLatin1String("zoom")).toObject();
        const double z0 = z.value(QLatin1String("z0")).toDouble(1);
        const double z1 = z.value(QLatin1String("z1")).toDouble(1);
        tags << (std::abs(z1 - z0) < 1e-3
                     ? QCoreApplication::translate("cw::TimelineView", "Zoom %1×")
                           .arg(QString::number(z1, 'g', 3))
                     : QCoreApplication::translate("cw::TimelineView", "Zoom %1×→%2×")
                           .arg(QString::number(z0, 'g', 3), QString::number(z1, 'g', 3)));
    }
    // A text's look (engine/edit/TextLook.h); its colour is the swatch before the label.
    const double size = segment.m.value(QLatin1String("size")).toDouble(1);
    if (std::abs(size - 1) > 1e-3)
        tags << QCoreApplication::translate("cw::TimelineView", "Size %1×")
                    .arg(QString::number(size, 'g', 3));
    if (segment.m.value(QLatin1String("bold")).toBool())
        tags << QCoreApplication::translate("cw::TimelineView", "Bold");
    if (segment.m.value(QLatin1String("outline")).toBool())
        tags << QCoreApplication::translate("cw::TimelineView", "Outline");
    if (!segment.m.value(QLatin1String("box")).toBool(true))
        tags << QCoreApplication::translate("cw::TimelineView", "No box");
    QString name = segment.src.isEmpty() ? segment.id : segment.src;
    for (const char* key : {"name", "text"}) {
        const QString value = segment.m.value(QLatin1String(key)).toString();
        if (!value.isEmpty()) {
            name = value;
            break;
        }
    }
    tags << name;
    return tags.join(QStringLiteral(" · "));
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

QStringList TimelineView::segmentsAtPlayhead() const
{
    QStringList ids;
    for (const Track& track : m_draft.t)
        for (const Segment& s : track.sg)
            if (s.st <= m_playheadMs && m_playheadMs < s.st + s.d) {
                ids << s.id;
                break;
            }
    return ids;
}

QString TimelineView::hoverText() const
{
    return m_hoverMs < 0 ? QString() : formatTimelineTime(m_hoverMs, 100);
}

void TimelineView::setHoverMs(qint64 ms)
{
    if (ms == m_hoverMs)
        return;
    m_hoverMs = ms;
    update(QRect(0, 0, width(), int(layout().rulerRect().bottom()) + 2)); // the ruler only
}

void TimelineView::leaveEvent(QEvent* event)
{
    setHoverMs(-1);
    QWidget::leaveEvent(event);
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
        const TimelineLayout lay = layout();
        const auto [t, s] = lay.hitTest(help->pos());
        const QString time = help->pos().x() >= lay.contentRect().left() && segmentCount() > 0
                                 ? formatTimelineTime(lay.msForX(help->pos().x()), 100)
                                 : QString();
        if (t >= 0)
            QToolTip::showText(help->globalPos(),
                               time + QLatin1Char('\n') + segmentDetails(m_draft.t.at(t).sg.at(s)),
                               this);
        else if (!time.isEmpty())
            QToolTip::showText(help->globalPos(), time, this);
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
    const qint64 before = m_playheadMs; // a drag snaps to where the playhead was
    selectSegment(s.id);
    if (event->button() == Qt::LeftButton) {
        setPlayheadMs(lay.msForX(pos.x()));
        Q_EMIT playheadMoved(m_playheadMs);
    }
    Q_EMIT segmentClicked(t.id, s.id, s.src);
    if (m_editsEnabled && event->button() == Qt::LeftButton)
        m_drag.press(m_draft, lay, pos, before);
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_drag.isArmed() && (event->buttons() & Qt::LeftButton)) {
        m_drag.move(layout(), event->position());
        update();
        return;
    }
    const TimelineLayout lay = layout();
    setHoverMs(event->position().x() >= lay.contentRect().left() && segmentCount() > 0
                   ? lay.msForX(event->position().x())
                   : -1);
    if (!(event->buttons() & Qt::LeftButton))
        setCursor(m_editsEnabled ? TimelineDrag::cursorAt(m_draft, lay, event->position())
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
