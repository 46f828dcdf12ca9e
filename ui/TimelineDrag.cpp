// See TimelineDrag.h.
#include "TimelineDrag.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <algorithm>
#include <cmath>

namespace cw {

namespace {

QList<int> timelineOrder(const Track& track)
{
    QList<int> order;
    for (int i = 0; i < track.sg.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return track.sg.at(a).st < track.sg.at(b).st; });
    return order;
}

QString seconds(qint64 ms)
{
    return QString::number(double(std::llabs(ms)) / 1000.0, 'f', 2);
}

} // namespace

QString instructionTime(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    const qint64 h = ms / 3600000;
    const qint64 m = (ms / 60000) % 60;
    const qint64 s = (ms / 1000) % 60;
    const qint64 f = ms % 1000;
    const QChar zero(QLatin1Char('0'));
    if (h > 0)
        return QStringLiteral("%1:%2:%3.%4")
            .arg(h)
            .arg(m, 2, 10, zero)
            .arg(s, 2, 10, zero)
            .arg(f, 3, 10, zero);
    return QStringLiteral("%1:%2.%3").arg(m).arg(s, 2, 10, zero).arg(f, 3, 10, zero);
}

int TimelineDrag::draggableTrack(const Draft& draft)
{
    for (int i = 0; i < draft.t.size(); ++i)
        if (draft.t.at(i).tt == int(TrackType::Video) && !draft.t.at(i).sg.isEmpty())
            return i;
    return -1;
}

TimelineDrag::Mode TimelineDrag::modeAt(const Draft& draft, const TimelineLayout& lay,
                                        const QPointF& pos)
{
    const auto [track, segment] = lay.hitTest(pos);
    if (track < 0 || track != draggableTrack(draft))
        return Mode::None;
    const QRectF r = lay.segmentRect(track, segment);
    // Narrow clips keep their middle for moving: the edge zones never cover more than a third.
    const double edge = std::min(kEdgePx, r.width() / 3);
    if (pos.x() <= r.left() + edge)
        return Mode::TrimStart;
    if (pos.x() >= r.right() - edge)
        return Mode::TrimEnd;
    return Mode::Move;
}

Qt::CursorShape TimelineDrag::cursorAt(const Draft& draft, const TimelineLayout& lay,
                                       const QPointF& pos)
{
    const Mode mode = modeAt(draft, lay, pos);
    return mode == Mode::TrimStart || mode == Mode::TrimEnd ? Qt::SizeHorCursor : Qt::ArrowCursor;
}

bool TimelineDrag::press(const Draft& draft, const TimelineLayout& lay, const QPointF& pos,
                         qint64 playheadMs)
{
    cancel();
    const Mode mode = modeAt(draft, lay, pos);
    if (mode == Mode::None)
        return false;
    const int track = lay.hitTest(pos).first;
    const int segment = lay.hitTest(pos).second;
    const Track& t = draft.t.at(track);
    const QList<int> order = timelineOrder(t);
    m_clip = int(order.indexOf(segment));
    m_track = track;
    m_st = t.sg.at(segment).st;
    m_d = t.sg.at(segment).d;
    for (int i : order) {
        if (i == segment)
            continue;
        m_otherStarts << t.sg.at(i).st;
        m_otherLengths << t.sg.at(i).d;
    }
    m_snapPoints << playheadMs;
    for (int ti = 0; ti < draft.t.size(); ++ti)
        for (int si = 0; si < draft.t.at(ti).sg.size(); ++si)
            if (!(ti == track && si == segment))
                m_snapPoints << draft.t.at(ti).sg.at(si).st << draft.t.at(ti).sg.at(si).end();
    const double fps = draft.m.value(QLatin1String("fps")).toDouble(30);
    m_frameMs = 1000.0 / std::clamp(fps > 0 ? fps : 30.0, 1.0, 240.0);
    m_pressPos = pos;
    m_mode = mode;
    return true;
}

void TimelineDrag::move(const TimelineLayout& lay, const QPointF& pos)
{
    if (!isArmed())
        return;
    if (!m_active && std::abs(pos.x() - m_pressPos.x()) < kStartDistance &&
        std::abs(pos.y() - m_pressPos.y()) < kStartDistance)
        return;
    m_active = true;
    const double px = lay.pixelsPerMs();
    if (px <= 0)
        return;
    const double raw = (pos.x() - m_pressPos.x()) / px;
    // The edges that move with the drag; the nearest snap point within kSnapPx wins.
    QList<qint64> moving;
    if (m_mode == Mode::TrimStart)
        moving << m_st;
    else if (m_mode == Mode::TrimEnd)
        moving << m_st + m_d;
    else
        moving << m_st << m_st + m_d;
    m_snapped = false;
    qint64 delta = std::llround(std::round(raw / m_frameMs) * m_frameMs);
    double best = kSnapPx / px;
    for (qint64 edge : moving) {
        for (qint64 point : m_snapPoints) {
            const double distance = std::abs(double(edge) + raw - double(point));
            if (distance <= best) {
                best = distance;
                delta = point - edge;
                m_snapped = true;
            }
        }
    }
    // A trim keeps at least one frame and never extends the clip (see the header).
    const qint64 minimum = std::max<qint64>(1, std::llround(m_frameMs));
    m_clamped = false;
    if (m_mode == Mode::TrimStart) {
        m_clamped = delta < 0;
        delta = std::clamp<qint64>(delta, 0, std::max<qint64>(0, m_d - minimum));
    } else if (m_mode == Mode::TrimEnd) {
        m_clamped = delta > 0;
        delta = std::clamp<qint64>(delta, -std::max<qint64>(0, m_d - minimum), 0);
    } else {
        delta = std::max<qint64>(delta, -m_st);
    }
    if (m_clamped)
        m_snapped = false;
    m_deltaMs = delta;
}

int TimelineDrag::targetIndex() const
{
    if (m_mode != Mode::Move)
        return m_clip;
    // The final place: after every other clip whose middle lies before the ghost's middle.
    const double middle = double(m_st + m_deltaMs) + double(m_d) / 2;
    int index = 0;
    for (int i = 0; i < m_otherStarts.size(); ++i)
        if (double(m_otherStarts.at(i)) + double(m_otherLengths.at(i)) / 2 < middle)
            ++index;
    return index;
}

QString TimelineDrag::instruction() const
{
    if (!m_active)
        return {};
    switch (m_mode) {
    case Mode::TrimStart:
        if (m_deltaMs <= 0)
            return {};
        return QStringLiteral("remove %1-%2")
            .arg(instructionTime(m_st), instructionTime(m_st + m_deltaMs));
    case Mode::TrimEnd:
        if (m_deltaMs >= 0)
            return {};
        return QStringLiteral("remove %1-%2")
            .arg(instructionTime(m_st + m_d + m_deltaMs), instructionTime(m_st + m_d));
    case Mode::Move:
        if (targetIndex() == m_clip)
            return {};
        return QStringLiteral("move clip %1 to position %2").arg(m_clip + 1).arg(targetIndex() + 1);
    case Mode::None:
        break;
    }
    return {};
}

QString TimelineDrag::finish()
{
    const QString text = instruction();
    cancel();
    return text;
}

void TimelineDrag::cancel()
{
    *this = TimelineDrag();
}

QString TimelineDrag::label() const
{
    QString text;
    switch (m_mode) {
    case Mode::TrimStart:
        text = tr("Trim start by %1 s · starts at %2")
                   .arg(seconds(m_deltaMs), formatTimelineTime(m_st + m_deltaMs, 100));
        break;
    case Mode::TrimEnd:
        text = tr("Trim end by %1 s · ends at %2")
                   .arg(seconds(m_deltaMs), formatTimelineTime(m_st + m_d + m_deltaMs, 100));
        break;
    case Mode::Move:
        text = targetIndex() == m_clip
                   ? tr("Move clip %1: drop it before or after another clip").arg(m_clip + 1)
                   : tr("Move clip %1 to position %2").arg(m_clip + 1).arg(targetIndex() + 1);
        break;
    case Mode::None:
        return {};
    }
    if (m_clamped)
        text += tr(" · a clip can only be shortened here");
    else if (m_snapped)
        text += tr(" · snapped");
    return text + tr(" · Esc cancels");
}

QRectF TimelineDrag::ghostRect(const TimelineLayout& lay) const
{
    if (!m_active)
        return {};
    const QRectF lane = lay.trackRect(m_track);
    qint64 start = m_st;
    qint64 length = m_d;
    if (m_mode == Mode::TrimStart) {
        start += m_deltaMs;
        length -= m_deltaMs;
    } else if (m_mode == Mode::TrimEnd) {
        length += m_deltaMs;
    } else {
        start += m_deltaMs;
    }
    const double left = lay.xForMs(start);
    const double right = lay.xForMs(start + length);
    return QRectF(left, lane.top() + 2, std::max(2.0, right - left), lane.height() - 4);
}

void TimelineDrag::paint(QPainter& p, const TimelineLayout& lay, const QPalette& palette) const
{
    if (!m_active)
        return;
    const QRectF ghost = ghostRect(lay);
    p.save();
    QColor fill = palette.color(QPalette::Highlight);
    fill.setAlphaF(0.25f);
    QPainterPath path;
    path.addRoundedRect(ghost, 4, 4);
    p.fillPath(path, fill);
    p.setPen(QPen(palette.color(QPalette::Highlight), 2, Qt::DashLine));
    p.drawPath(path);
    if (m_mode == Mode::Move) {
        // Where the clip will land: a bar at the join it will take.
        const int target = targetIndex();
        qint64 at = m_otherStarts.isEmpty() ? m_st : m_otherStarts.first();
        for (int i = 0; i < target && i < m_otherStarts.size(); ++i)
            at = m_otherStarts.at(i) + m_otherLengths.at(i);
        if (target != m_clip) {
            const double x = lay.xForMs(at);
            p.setPen(QPen(palette.color(QPalette::Highlight), 3));
            p.drawLine(QPointF(x, ghost.top() - 4), QPointF(x, ghost.bottom() + 4));
        }
    }
    const QString text = label();
    const QFontMetricsF fm(p.font());
    const double w = fm.horizontalAdvance(text) + 12;
    const double h = fm.height() + 6;
    double x = std::clamp(ghost.left(), lay.contentRect().left(),
                          std::max(lay.contentRect().left(), lay.contentRect().right() - w));
    double y = ghost.top() - h - 2;
    if (y < lay.rulerRect().bottom())
        y = ghost.bottom() + 2;
    const QRectF box(x, y, w, h);
    p.fillRect(box, palette.color(QPalette::ToolTipBase));
    p.setPen(palette.color(QPalette::Mid));
    p.drawRect(box);
    p.setPen(palette.color(QPalette::ToolTipText));
    p.drawText(box, Qt::AlignCenter, text);
    p.restore();
}

} // namespace cw
