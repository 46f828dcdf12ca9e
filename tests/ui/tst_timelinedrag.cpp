// Direct edits on the timeline without an engine: a drag on a video clip's edge or middle,
// done with real mouse press/move/release events on a TimelineView, becomes exactly the
// words the engine's planner reads (tests/engine/tst_agentplanner.cpp has the same strings):
// trims as "remove a-b" in exact milliseconds, moves as "move clip N to position M". Edges
// snap to the playhead and other segments' edges, an outward trim is stopped at the edge, Esc
// cancels, nothing is sent while edits are disabled (the agent is busy) or for other tracks,
// and the draft shown is never changed by the view. A screenshot shows a drag in progress.
#include "DraftBuilder.h"
#include "TimelineDrag.h"
#include "TimelineLayout.h"
#include "TimelineView.h"

#include <QApplication>
#include <QDir>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

using namespace cw;

namespace {

using cw::test::seg;

// 10 s over 1000 px: 10 ms per pixel.
Draft cutDraft()
{
    Draft draft;
    draft.m.insert(QStringLiteral("fps"), 30);
    Track video{"v1", int(TrackType::Video), "Video", {}, {}};
    video.sg << seg("s1", "m1", 0, 0, 4000, {{"name", "city.mp4"}})
             << seg("s2", "m1", 4000, 5200, 3000, {{"name", "city.mp4"}})
             << seg("s3", "m2", 7000, 9000, 3000, {{"name", "beach.mp4"}});
    Track audio{"a1", int(TrackType::Audio), "BGM", {}, {}};
    audio.sg << seg("b1", "m3", 0, 0, 10000, {{"name", "Lo-fi"}});
    draft.t << video << audio;
    draft.d = 10000;
    return draft;
}

int viewWidth()
{
    return 1000 + int(TimelineLayout::kHeaderWidth + 2 * TimelineLayout::kMargin);
}

void moveTo(QWidget* w, const QPoint& pos)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), w->mapToGlobal(QPointF(pos)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &move);
}

// Press at `from`, move in steps by dx pixels, optionally release.
void drag(TimelineView* view, const QPoint& from, int dx, bool release = true)
{
    QTest::mousePress(view, Qt::LeftButton, {}, from);
    const int steps = 6;
    for (int i = 1; i <= steps; ++i)
        moveTo(view, from + QPoint(dx * i / steps, 0));
    if (release)
        QTest::mouseRelease(view, Qt::LeftButton, {}, from + QPoint(dx, 0));
}

QString screenshotPath(const QString& name)
{
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QDir().mkpath(dir.path());
    return dir.filePath(name);
}

} // namespace

class TstTimelineDrag : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void instructionTime_data();
    void instructionTime();
    void drags_data();
    void drags();
    void escapeCancels();
    void disabledWhileBusy();
    void otherTracksAreNotDragged();
    void newDraftCancelsTheDrag();
    void hoverCursorOnEdges();
};

void TstTimelineDrag::instructionTime_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0:00.000";
    QTest::newRow("frame") << qint64(33) << "0:00.033";
    QTest::newRow("seconds") << qint64(5200) << "0:05.200";
    QTest::newRow("minutes") << qint64(779999) << "12:59.999";
    QTest::newRow("hours") << qint64(3723040) << "1:02:03.040";
    QTest::newRow("negative clamps") << qint64(-5) << "0:00.000";
}

void TstTimelineDrag::instructionTime()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(cw::instructionTime(ms), text);
}

void TstTimelineDrag::drags_data()
{
    QTest::addColumn<qint64>("pressMs");  // where on the timeline the press lands
    QTest::addColumn<int>("pressOffset"); // px added to that x (into the clip near an edge)
    QTest::addColumn<int>("dx");
    QTest::addColumn<qint64>("playhead");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("instruction");
    const int trimStart = int(TimelineDrag::Mode::TrimStart);
    const int trimEnd = int(TimelineDrag::Mode::TrimEnd);
    const int move = int(TimelineDrag::Mode::Move);
    QTest::newRow("trim start 1.2 s")
        << qint64(4000) << 2 << 120 << qint64(0) << trimStart << "remove 0:04.000-0:05.200";
    QTest::newRow("trim end 0.5 s")
        << qint64(7000) << -2 << -50 << qint64(0) << trimEnd << "remove 0:06.500-0:07.000";
    QTest::newRow("trim last clip's end")
        << qint64(10000) << -2 << -100 << qint64(0) << trimEnd << "remove 0:09.000-0:10.000";
    QTest::newRow("trim start to whole frames")
        << qint64(4000) << 2 << 101 << qint64(0) << trimStart << "remove 0:04.000-0:05.000";
    QTest::newRow("outward trim is stopped")
        << qint64(4000) << 2 << -100 << qint64(0) << trimStart << "";
    QTest::newRow("outward end trim is stopped")
        << qint64(4000) << -2 << 150 << qint64(0) << trimEnd << "";
    QTest::newRow("trim start snaps to playhead")
        << qint64(4000) << 2 << 147 << qint64(5500) << trimStart << "remove 0:04.000-0:05.500";
    QTest::newRow("trim end snaps to playhead")
        << qint64(7000) << -2 << -96 << qint64(6000) << trimEnd << "remove 0:06.000-0:07.000";
    QTest::newRow("trim never removes the whole clip")
        << qint64(4000) << 2 << 900 << qint64(0) << trimStart << "remove 0:04.000-0:06.967";
    QTest::newRow("move last to first")
        << qint64(8500) << 0 << -800 << qint64(0) << move << "move clip 3 to position 1";
    QTest::newRow("move first to end")
        << qint64(2000) << 0 << 750 << qint64(0) << move << "move clip 1 to position 3";
    QTest::newRow("move second after third")
        << qint64(5500) << 0 << 320 << qint64(0) << move << "move clip 2 to position 3";
    QTest::newRow("small move keeps the order")
        << qint64(5500) << 0 << 30 << qint64(0) << move << "";
    QTest::newRow("a click is not a drag") << qint64(5500) << 0 << 2 << qint64(0) << move << "";
}

void TstTimelineDrag::drags()
{
    QFETCH(qint64, pressMs);
    QFETCH(int, pressOffset);
    QFETCH(int, dx);
    QFETCH(qint64, playhead);
    QFETCH(int, mode);
    QFETCH(QString, instruction);
    TimelineView view;
    view.resize(viewWidth(), 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Draft draft = cutDraft();
    view.setDraft(draft);
    view.setPlayheadMs(playhead);
    QSignalSpy edits(&view, &TimelineView::editRequested);
    const TimelineLayout lay = view.layout();
    const QPoint from(int(lay.xForMs(pressMs)) + pressOffset,
                      int(lay.segmentRect(0, 0).center().y()));
    QCOMPARE(int(TimelineDrag::modeAt(draft, lay, from)), mode);
    drag(&view, from, dx, false);
    QCOMPARE(int(view.drag().mode()), mode);
    if (std::abs(dx) > TimelineDrag::kStartDistance) {
        QVERIFY(view.drag().isActive());
        QVERIFY(!view.drag().label().isEmpty());
        QVERIFY(view.drag().ghostRect(lay).isValid());
    }
    QTest::mouseRelease(&view, Qt::LeftButton, {}, from + QPoint(dx, 0));
    QVERIFY(!view.drag().isArmed());
    if (instruction.isEmpty()) {
        QCOMPARE(edits.count(), 0);
    } else {
        QCOMPARE(edits.count(), 1);
        QCOMPARE(edits.first().first().toString(), instruction);
    }
    QCOMPARE(view.draft(), draft); // the engine edits; the view waits for the new draft
}

void TstTimelineDrag::escapeCancels()
{
    TimelineView view;
    view.resize(viewWidth(), 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDraft(cutDraft());
    view.setPlayheadMs(5500);
    QSignalSpy edits(&view, &TimelineView::editRequested);
    const TimelineLayout lay = view.layout();
    const QPoint from(int(lay.xForMs(4000)) + 2, int(lay.segmentRect(0, 1).center().y()));
    drag(&view, from, 147, false);
    QVERIFY(view.drag().isActive());
    QVERIFY(view.drag().isSnapped());
    QVERIFY2(view.drag().label().contains(QLatin1String("1.50")), qPrintable(view.drag().label()));
    QVERIFY(view.grab().save(screenshotPath(QStringLiteral("timeline-drag-trim.png"))));
    QTest::keyClick(&view, Qt::Key_Escape);
    QVERIFY(!view.drag().isArmed());
    QTest::mouseRelease(&view, Qt::LeftButton, {}, from + QPoint(147, 0));
    QCOMPARE(edits.count(), 0);

    // An outward drag says why it stops.
    drag(&view, from, -60, false);
    QVERIFY(view.drag().isClamped());
    QCOMPARE(view.drag().deltaMs(), qint64(0));
    QVERIFY(view.grab().save(screenshotPath(QStringLiteral("timeline-drag-refused.png"))));
    QTest::keyClick(&view, Qt::Key_Escape);
    QTest::mouseRelease(&view, Qt::LeftButton, {}, from + QPoint(-60, 0));
    QCOMPARE(edits.count(), 0);

    // A move in progress, with the drop marker.
    const QPoint middle = lay.segmentRect(0, 2).center().toPoint();
    drag(&view, middle, -800, false);
    QCOMPARE(view.drag().targetIndex(), 0);
    QVERIFY(view.grab().save(screenshotPath(QStringLiteral("timeline-drag-move.png"))));
    QTest::keyClick(&view, Qt::Key_Escape);
    QTest::mouseRelease(&view, Qt::LeftButton, {}, middle + QPoint(-800, 0));
    QCOMPARE(edits.count(), 0);
}

void TstTimelineDrag::disabledWhileBusy()
{
    TimelineView view;
    view.resize(viewWidth(), 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDraft(cutDraft());
    QSignalSpy edits(&view, &TimelineView::editRequested);
    const TimelineLayout lay = view.layout();
    const QPoint from(int(lay.xForMs(4000)) + 2, int(lay.segmentRect(0, 1).center().y()));
    // Busy from the start: nothing is armed, Delete sends nothing.
    view.setEditsEnabled(false);
    drag(&view, from, 120);
    QVERIFY(!view.drag().isArmed());
    QTest::keyClick(&view, Qt::Key_Delete);
    QCOMPARE(edits.count(), 0);
    // The agent starts during a drag: the drag is dropped.
    view.setEditsEnabled(true);
    drag(&view, from, 120, false);
    QVERIFY(view.drag().isActive());
    view.setEditsEnabled(false);
    QVERIFY(!view.drag().isArmed());
    QTest::mouseRelease(&view, Qt::LeftButton, {}, from + QPoint(120, 0));
    QCOMPARE(edits.count(), 0);
    view.setEditsEnabled(true);
    drag(&view, from, 120);
    QCOMPARE(edits.count(), 1);
}

void TstTimelineDrag::otherTracksAreNotDragged()
{
    TimelineView view;
    view.resize(viewWidth(), 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Draft draft = cutDraft();
    view.setDraft(draft);
    QSignalSpy edits(&view, &TimelineView::editRequested);
    const TimelineLayout lay = view.layout();
    const QPoint onMusic = lay.segmentRect(1, 0).center().toPoint();
    QCOMPARE(TimelineDrag::modeAt(draft, lay, onMusic), TimelineDrag::Mode::None);
    drag(&view, onMusic, -300);
    drag(&view, QPoint(int(lay.xForMs(10000)) - 2, onMusic.y()), -100);
    QCOMPARE(edits.count(), 0);
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("b1")); // still selectable
    // A draft without a video clip has nothing to drag.
    Draft audioOnly;
    audioOnly.t << draft.t.at(1);
    QCOMPARE(TimelineDrag::draggableTrack(audioOnly), -1);
    QCOMPARE(TimelineDrag::draggableTrack(draft), 0);
}

void TstTimelineDrag::newDraftCancelsTheDrag()
{
    TimelineView view;
    view.resize(viewWidth(), 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDraft(cutDraft());
    QSignalSpy edits(&view, &TimelineView::editRequested);
    const TimelineLayout lay = view.layout();
    drag(&view, lay.segmentRect(0, 0).center().toPoint(), 600, false);
    QVERIFY(view.drag().isActive());
    Draft next = cutDraft();
    next.t[0].sg.removeLast();
    view.setDraft(next); // the geometry the drag was made on is gone
    QVERIFY(!view.drag().isArmed());
    QTest::mouseRelease(&view, Qt::LeftButton, {},
                        lay.segmentRect(0, 0).center().toPoint() + QPoint(600, 0));
    QCOMPARE(edits.count(), 0);
}

void TstTimelineDrag::hoverCursorOnEdges()
{
    TimelineView view;
    view.resize(viewWidth(), 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDraft(cutDraft());
    const TimelineLayout lay = view.layout();
    const int y = int(lay.segmentRect(0, 1).center().y());
    auto hover = [&](int x) {
        QMouseEvent move(QEvent::MouseMove, QPointF(x, y), view.mapToGlobal(QPointF(x, y)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        return view.cursor().shape();
    };
    QCOMPARE(hover(int(lay.xForMs(4000)) + 2), Qt::SizeHorCursor);
    QCOMPARE(hover(int(lay.xForMs(5500))), Qt::ArrowCursor);
    QCOMPARE(hover(int(lay.xForMs(7000)) - 2), Qt::SizeHorCursor);
    view.setEditsEnabled(false);
    QCOMPARE(hover(int(lay.xForMs(4000)) + 2), Qt::ArrowCursor);
}

QTEST_MAIN(TstTimelineDrag)
#include "tst_timelinedrag.moc"
