// Paints the decoded draft: ruler with time labels, one row per track (name and type in a
// header column), segments to scale with their labels, and the total duration. It only
// draws; a click on a segment is reported so the window can preview its source. Zoom 1
// fits the whole draft (the default); Ctrl+wheel zooms, the wheel scrolls when zoomed.
#pragma once

#include "Draft.h"
#include "TimelineLayout.h"

#include <QWidget>

namespace cw {

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    const Draft& draft() const { return m_draft; }
    int segmentCount() const;
    TimelineLayout layout() const; // for the current size, zoom and scroll
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    void zoomToFit();
    QString selectedSegmentId() const { return m_selectedSegment; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setDraft(const cw::Draft& draft);

Q_SIGNALS:
    void segmentClicked(const QString& trackId, const QString& segmentId, const QString& src);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void paintRuler(QPainter& p, const TimelineLayout& layout) const;
    void paintTrack(QPainter& p, const TimelineLayout& layout, int track) const;
    QColor trackColor(int tt) const;

    Draft m_draft;
    double m_zoom = 1.0;
    qint64 m_scrollMs = 0;
    QString m_selectedSegment;
};

QString segmentLabel(const Segment& segment); // name, text, source or id
QString trackTypeName(int tt);                // "Video", "Audio", "Text" (translated)

} // namespace cw
