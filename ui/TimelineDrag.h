// Direct edits on the timeline as plain geometry (no widget, so it is tested as numbers): a
// press near a clip's edge arms a trim, elsewhere on the clip a move. While the mouse moves
// the drag keeps a ghost rectangle and a time label; on release it yields the edit in words
// the engine's planner understands. The view sends those words through the agent stream and
// never edits the draft itself (STYLE.md 4):
//   trim the start inward by d -> "remove <st>-<st+d>"  (the engine ripples, like every cut)
//   trim the end inward by d   -> "remove <end-d>-<end>"
//   move to another place      -> "move clip N to position M"  (1-based; M is the final place)
// Only the main video track (the first video track with clips: the engine's "clip N") can be
// dragged. A trim only shortens: the engine has no operation that extends a clip into its
// source, so an outward drag stops at the original edge and the label says why. The moving
// edge snaps to the playhead and to other segments' edges within kSnapPx; otherwise times are
// whole frames of the draft's fps.
#pragma once

#include "Draft.h"
#include "TimelineLayout.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QString>

class QPainter;
class QPalette;

namespace cw {

class TimelineDrag {
    Q_DECLARE_TR_FUNCTIONS(cw::TimelineDrag)

public:
    enum class Mode { None, TrimStart, TrimEnd, Move };
    static constexpr double kEdgePx = 6;        // grab zone at each end of a clip
    static constexpr double kSnapPx = 8;        // snap distance on screen
    static constexpr double kStartDistance = 4; // px before a press becomes a drag

    // The track the drags work on (the engine's main video track), or -1.
    static int draggableTrack(const Draft& draft);
    // What a press at pos would start (for the hover cursor too).
    static Mode modeAt(const Draft& draft, const TimelineLayout& lay, const QPointF& pos);
    // The hover cursor there: a resize arrow over a trim edge.
    static Qt::CursorShape cursorAt(const Draft& draft, const TimelineLayout& lay,
                                    const QPointF& pos);

    // Arms a drag on the clip under pos; false (and nothing armed) when it is not draggable.
    bool press(const Draft& draft, const TimelineLayout& lay, const QPointF& pos,
               qint64 playheadMs);
    void move(const TimelineLayout& lay, const QPointF& pos); // activates past kStartDistance
    QString finish(); // the instruction ("" when nothing would change); disarms
    void cancel();

    bool isArmed() const { return m_mode != Mode::None; }
    bool isActive() const { return m_active; }
    Mode mode() const { return m_mode; }
    int clipIndex() const { return m_clip; }     // 0-based, in timeline order
    qint64 deltaMs() const { return m_deltaMs; } // shift of the moving edge (move: of the start)
    bool isSnapped() const { return m_snapped; }
    bool isClamped() const { return m_clamped; } // an outward trim was stopped at the edge
    int targetIndex() const;                     // move: 0-based final position
    QString instruction() const;
    QString label() const; // the time tooltip shown beside the ghost
    QRectF ghostRect(const TimelineLayout& lay) const;
    void paint(QPainter& p, const TimelineLayout& lay, const QPalette& palette) const;

private:
    Mode m_mode = Mode::None;
    bool m_active = false;
    bool m_snapped = false;
    bool m_clamped = false;
    int m_track = -1;
    int m_clip = -1;
    qint64 m_st = 0;
    qint64 m_d = 0;
    qint64 m_deltaMs = 0;
    double m_frameMs = 1000.0 / 30;
    QPointF m_pressPos;
    QList<qint64> m_otherStarts; // the other clips of the track, timeline order
    QList<qint64> m_otherLengths;
    QList<qint64> m_snapPoints; // playhead and the other segments' edges
};

// "m:ss.fff" (or "h:mm:ss.fff"): exact to the millisecond, as the planner reads times.
QString instructionTime(qint64 ms);

} // namespace cw
