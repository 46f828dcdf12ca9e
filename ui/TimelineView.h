// Paints the decoded draft: ruler with time labels, one row per track (name and type in a
// header column), segments to scale with their labels, transitions (m.tr) at the joins, a
// playhead and the total duration. It only draws; a click on a segment selects it (details
// in the ruler and the tooltip) and is reported so the window can preview its source; a
// click or drag on the ruler moves the playhead; Left/Right move the selection within its
// track. Delete on a selection asks for the edit in words
// ("delete clip N", N 1-based; video track only) through editRequested: the view never edits the
// draft itself (STYLE.md 4). Dragging a video clip's edge trims it, dragging its middle moves
// it (TimelineDrag: ghost, time label, snapping, Esc cancels; the words on release). While the
// agent is busy (setEditsEnabled(false)) neither Delete nor a drag sends anything.
// Segments that changed in a new draft glow briefly.
// Zoom 1 fits the whole draft (the default); Ctrl+wheel zooms, the wheel scrolls when zoomed.
// For the viewer: a click on a segment also moves the playhead to the clicked time
// (playheadMoved), the segments under the playhead are lit, and the time under the mouse is
// shown on the ruler. Painting lives in TimelineViewPaint.cpp.
#pragma once

#include "Draft.h"
#include "TimelineDrag.h"
#include "TimelineLayout.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QVariantAnimation;

namespace cw {

class TimelineMediaCache;

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
    QString selectionDetails() const; // "city.mp4 · in 0:01.2 · out 0:05.2 · 4.0 s"; "" if none
    void selectSegment(const QString& segmentId);
    qint64 playheadMs() const { return m_playheadMs; }
    QStringList segmentsAtPlayhead() const;      // ids of the lit segments, one per track at most
    qint64 hoverMs() const { return m_hoverMs; } // the time under the mouse; -1 if none
    QString hoverText() const;                   // that time as the ruler shows it
    QSet<QString> changedSegmentIds() const { return m_changed; } // glowing after an edit
    void setHighlightDuration(int ms) { m_highlightMs = ms; }
    // Thumbnails and waveforms painted in the segments (TimelineMediaPainter); not owned.
    void setMediaCache(TimelineMediaCache* cache);
    TimelineMediaCache* mediaCache() const;
    void setEditsEnabled(bool enabled); // false while the agent works: no drags, no Delete
    bool editsEnabled() const { return m_editsEnabled; }
    const TimelineDrag& drag() const { return m_drag; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setDraft(const cw::Draft& draft);
    void setPlayheadMs(qint64 ms);

Q_SIGNALS:
    void segmentClicked(const QString& trackId, const QString& segmentId, const QString& src);
    void playheadMoved(qint64 ms);                  // by the user (click on the ruler or a segment)
    void editRequested(const QString& instruction); // e.g. "delete clip 2"

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void paintRuler(QPainter& p, const TimelineLayout& layout) const;
    QString draftNotes() const; // the whole video's sound and look, for the ruler
    void paintTrack(QPainter& p, const TimelineLayout& layout, int track) const;
    void paintFades(QPainter& p, const TimelineLayout& lay, int index) const;
    void paintPlayhead(QPainter& p, const TimelineLayout& layout) const;
    void paintHoverTime(QPainter& p, const TimelineLayout& layout) const;
    void setHoverMs(qint64 ms);
    QColor trackColor(int tt) const;
    std::pair<int, int> findSegment(const QString& segmentId) const;

    Draft m_draft;
    double m_zoom = 1.0;
    qint64 m_scrollMs = 0;
    QString m_selectedSegment;
    qint64 m_playheadMs = 0;
    bool m_scrubbing = false; // dragging the playhead along the ruler
    qint64 m_hoverMs = -1;
    QSet<QString> m_changed;
    double m_glow = 0; // 1 right after an edit, fading to 0
    int m_highlightMs = 900;
    QVariantAnimation* m_glowAnimation = nullptr;
    QPointer<TimelineMediaCache> m_media;
    TimelineDrag m_drag;
    bool m_editsEnabled = true;
};

QString segmentDetails(const Segment& segment); // source, in/out and duration, translated

QString segmentLabel(const Segment& segment); // name, text, source or id
QString trackTypeName(int tt);                // "Video", "Audio", "Text" (translated)

} // namespace cw
