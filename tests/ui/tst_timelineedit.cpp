// TimelineView as an editor surface: playhead on the ruler, selection details, Delete sent
// as an instruction (never applied locally), the glow on segments a new draft changed,
// transitions painted at joins, Ctrl+wheel zoom and Ctrl+0 fit through the main window.
#include "DraftBuilder.h"
#include "MainWindow.h"
#include "TimelineLayout.h"
#include "TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace cw;

namespace {

using cw::test::seg;

Draft cutDraft()
{
    Draft draft;
    Track video{"v1", int(TrackType::Video), "Video", {}, {}};
    video.sg << seg("s1", "m1", 0, 0, 4000, {{"name", "city.mp4"}})
             << seg("s2", "m1", 4000, 5200, 3000,
                    {{"name", "city.mp4"}, {"tr", QJsonObject{{"type", "fade"}, {"d", 800}}}})
             << seg("s3", "m1", 7000, 9000, 3000, {{"name", "city.mp4"}});
    Track audio{"a1", int(TrackType::Audio), "BGM", {}, {}};
    audio.sg << seg("b1", "m2", 0, 0, 10000, {{"name", "Lo-fi"}});
    draft.t << video << audio;
    draft.d = 10000;
    return draft;
}

QString screenshotPath(const QString& name)
{
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QDir().mkpath(dir.path());
    return dir.filePath(name);
}

} // namespace

class TstTimelineEdit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void playheadFromRuler();
    void selectionDetails();
    void deleteSendsInstruction_data();
    void deleteSendsInstruction();
    void deleteWithoutSelectionDoesNothing();
    void scrubAndArrowKeys();
    void glowOnChangedSegments();
    void transitionPaintedAtJoin();
    void fadesPainted();
    void motionLabelled();
    void textLookLabelled();
    void ctrlWheelZoomAndFitShortcut();
};

void TstTimelineEdit::playheadFromRuler()
{
    TimelineView view;
    view.resize(1000 + int(TimelineLayout::kHeaderWidth + 2 * TimelineLayout::kMargin), 200);
    view.setDraft(cutDraft());
    QSignalSpy moved(&view, &TimelineView::playheadMoved);
    const TimelineLayout lay = view.layout();
    const QPoint onRuler(int(lay.xForMs(2500)), int(lay.rulerRect().center().y()));
    QTest::mouseClick(&view, Qt::LeftButton, {}, onRuler);
    QCOMPARE(moved.count(), 1);
    QVERIFY(qAbs(view.playheadMs() - 2500) <= 20);
    QVERIFY(view.selectedSegmentId().isEmpty()); // the ruler does not select
    // Synced from the preview: clamped to the draft.
    view.setPlayheadMs(7777);
    QCOMPARE(view.playheadMs(), qint64(7777));
    view.setPlayheadMs(-50);
    QCOMPARE(view.playheadMs(), qint64(0));
    view.setPlayheadMs(1 << 30);
    QCOMPARE(view.playheadMs(), qint64(10000));
    QCOMPARE(moved.count(), 1); // programmatic moves are not the user's
}

void TstTimelineEdit::selectionDetails()
{
    TimelineView view;
    view.resize(900, 200);
    view.setDraft(cutDraft());
    QVERIFY(view.selectionDetails().isEmpty());
    QTest::mouseClick(&view, Qt::LeftButton, {},
                      view.layout().segmentRect(0, 1).center().toPoint());
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("s2"));
    const QString details = view.selectionDetails();
    QVERIFY2(details.contains(QLatin1String("city.mp4")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("0:05.2")), qPrintable(details)); // in
    QVERIFY2(details.contains(QLatin1String("0:08.2")), qPrintable(details)); // out
    QVERIFY2(details.contains(QLatin1String("3.0 s")), qPrintable(details));
    QCOMPARE(view.toolTip(), details);
    // A new draft without that segment drops the selection; one with it keeps it.
    Draft next = cutDraft();
    view.setDraft(next);
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("s2"));
    next.t[0].sg.removeAt(1);
    view.setDraft(next);
    QVERIFY(view.selectedSegmentId().isEmpty());
}

void TstTimelineEdit::deleteSendsInstruction_data()
{
    QTest::addColumn<int>("track");
    QTest::addColumn<int>("segment");
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("instruction");
    QTest::newRow("first clip") << 0 << 0 << int(Qt::Key_Delete) << "delete clip 1";
    QTest::newRow("second clip") << 0 << 1 << int(Qt::Key_Delete) << "delete clip 2";
    QTest::newRow("backspace") << 0 << 2 << int(Qt::Key_Backspace) << "delete clip 3";
}

void TstTimelineEdit::deleteSendsInstruction()
{
    QFETCH(int, track);
    QFETCH(int, segment);
    QFETCH(int, key);
    QFETCH(QString, instruction);
    TimelineView view;
    view.resize(900, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Draft draft = cutDraft();
    view.setDraft(draft);
    QSignalSpy edits(&view, &TimelineView::editRequested);
    QTest::mouseClick(&view, Qt::LeftButton, {},
                      view.layout().segmentRect(track, segment).center().toPoint());
    QTest::keyClick(&view, Qt::Key(key));
    QCOMPARE(edits.count(), 1);
    QCOMPARE(edits.first().first().toString(), instruction);
    QCOMPARE(view.draft(), draft); // the engine edits; the view waits for the new draft
}

void TstTimelineEdit::deleteWithoutSelectionDoesNothing()
{
    TimelineView view;
    view.resize(900, 200);
    view.setDraft(cutDraft());
    QSignalSpy edits(&view, &TimelineView::editRequested);
    QTest::keyClick(&view, Qt::Key_Delete);
    view.selectSegment(QStringLiteral("no-such-segment"));
    QTest::keyClick(&view, Qt::Key_Delete);
    // The audio bed is not "clip 1" to the agent: no instruction for it.
    view.selectSegment(QStringLiteral("b1"));
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("b1"));
    QTest::keyClick(&view, Qt::Key_Delete);
    QCOMPARE(edits.count(), 0);
}

void TstTimelineEdit::scrubAndArrowKeys()
{
    TimelineView view;
    view.resize(1000 + int(TimelineLayout::kHeaderWidth + 2 * TimelineLayout::kMargin), 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDraft(cutDraft());
    QSignalSpy moved(&view, &TimelineView::playheadMoved);
    const TimelineLayout lay = view.layout();
    const int y = int(lay.rulerRect().center().y());
    QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(int(lay.xForMs(1000)), y));
    QMouseEvent drag(QEvent::MouseMove, QPointF(lay.xForMs(6000), y),
                     view.mapToGlobal(QPointF(lay.xForMs(6000), y)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&view, &drag);
    QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(int(lay.xForMs(6000)), y));
    QCOMPARE(moved.count(), 2);
    QVERIFY(qAbs(view.playheadMs() - 6000) <= 20);
    // After the release, moving the mouse does not scrub.
    QMouseEvent hover(QEvent::MouseMove, QPointF(lay.xForMs(2000), y),
                      view.mapToGlobal(QPointF(lay.xForMs(2000), y)), Qt::NoButton, Qt::NoButton,
                      Qt::NoModifier);
    QApplication::sendEvent(&view, &hover);
    QCOMPARE(moved.count(), 2);

    QSignalSpy clicked(&view, &TimelineView::segmentClicked);
    view.selectSegment(QStringLiteral("s1"));
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("s2"));
    QTest::keyClick(&view, Qt::Key_Right);
    QTest::keyClick(&view, Qt::Key_Right); // stops at the last clip
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("s3"));
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("s2"));
    QCOMPARE(clicked.count(), 4);
}

void TstTimelineEdit::glowOnChangedSegments()
{
    TimelineView view;
    view.resize(900, 200);
    view.setHighlightDuration(150);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDraft(cutDraft());
    QVERIFY(view.changedSegmentIds().isEmpty()); // the first draft does not glow
    Draft next = cutDraft();
    next.t[0].sg.removeAt(1);                      // s2 deleted
    next.t[0].sg[1].st = 4000;                     // s3 moved up
    next.t[1].sg[0].d = 7000;                      // bed trimmed
    next.t[0].sg << seg("s9", "m1", 7000, 0, 500); // new
    view.setDraft(next);
    const QSet<QString> expected{"s3", "b1", "s9"};
    QCOMPARE(view.changedSegmentIds(), expected);
    QVERIFY(view.grab().save(screenshotPath(QStringLiteral("timeline-after-edit.png"))));
    QTRY_VERIFY_WITH_TIMEOUT(view.changedSegmentIds().isEmpty(), 3000);
    view.setDraft(next); // same draft again: nothing changed
    QVERIFY(view.changedSegmentIds().isEmpty());
}

void TstTimelineEdit::transitionPaintedAtJoin()
{
    auto render = [](const Draft& draft) {
        TimelineView view;
        view.resize(1000 + int(TimelineLayout::kHeaderWidth + 2 * TimelineLayout::kMargin), 200);
        view.setDraft(draft);
        return std::make_pair(view.grab().toImage(), view.layout());
    };
    Draft plain = cutDraft();
    plain.t[0].sg[1].m.remove(QStringLiteral("tr"));
    const auto [with, lay] = render(cutDraft());
    const auto [without, lay2] = render(plain);
    Q_UNUSED(lay2);
    const QRectF join = lay.segmentRect(0, 1);
    const qreal dpr = with.devicePixelRatio();
    int differing = 0;
    for (int dx = -30; dx <= 30; ++dx) {
        for (double y = join.top() + 5; y < join.bottom() - 5; y += 2) {
            const QPoint p = (QPointF(join.left() + dx, y) * dpr).toPoint();
            differing += with.pixelColor(p) != without.pixelColor(p);
        }
    }
    QVERIFY2(differing > 20, qPrintable(QString::number(differing)));
    QVERIFY(with.save(screenshotPath(QStringLiteral("timeline-transition.png"))));
}

// The whole video's fade in shades the start of the first clip, a clip's own fade out the end
// of its clip, the music's fade out the end of the music; nothing else changes.
void TstTimelineEdit::fadesPainted()
{
    // The picture and the places of the first clip, the second clip and the music, taken while
    // the view (which the layout reads) is alive.
    struct Shot {
        QImage image;
        QRectF first, second, music;
        double pxPerMs = 0;
    };
    auto grab = [](const Draft& draft) {
        TimelineView view;
        view.resize(1000 + int(TimelineLayout::kHeaderWidth + 2 * TimelineLayout::kMargin), 200);
        view.setDraft(draft);
        const TimelineLayout lay = view.layout();
        return Shot{view.grab().toImage(), lay.segmentRect(0, 0), lay.segmentRect(0, 1),
                    lay.segmentRect(1, 0), lay.pixelsPerMs()};
    };
    Draft faded = cutDraft();
    faded.m.insert("fade_in", QJsonObject{{"d", 1500}, {"color", "black"}});
    faded.t[0].sg[1].m.insert("fade_out", QJsonObject{{"d", 1000}, {"color", "black"}});
    faded.t[1].sg[0].m.insert("fo", 2000);
    const Shot with = grab(faded);
    const Shot without = grab(cutDraft());
    const qreal dpr = with.image.devicePixelRatio();
    auto differing = [&](const QRectF& r, double fromX, double toX) {
        int n = 0;
        for (double x = fromX; x < toX; x += 2)
            for (double y = r.top() + 6; y < r.bottom() - 6; y += 2) {
                const QPoint p = (QPointF(x, y) * dpr).toPoint();
                n += with.image.pixelColor(p) != without.image.pixelColor(p);
            }
        return n;
    };
    const double px = with.pxPerMs;
    const QRectF& first = with.first;
    const QRectF& second = with.second;
    const QRectF& music = with.music;
    QVERIFY(differing(first, first.left() + 2, first.left() + 1400 * px) > 20);
    QVERIFY(differing(second, second.right() - 900 * px, second.right() - 2) > 20);
    QVERIFY(differing(music, music.right() - 1900 * px, music.right() - 2) > 20);
    QCOMPARE(differing(first, first.left() + 1600 * px, first.right() - 4), 0);
    QCOMPARE(differing(music, music.left() + 4, music.right() - 2100 * px), 0);
    QVERIFY(with.image.save(screenshotPath(QStringLiteral("timeline-fades.png"))));
}

// A reversed, held or zoomed clip says so ahead of its name, on the clip and in its details.
void TstTimelineEdit::motionLabelled()
{
    Draft draft = cutDraft();
    draft.t[0].sg[0].m.insert("zoom", QJsonObject{{"z0", 1.0}, {"z1", 1.2}});
    draft.t[0].sg[1].m.insert("reverse", true);
    draft.t[0].sg[2].m.insert("freeze", true);
    draft.t[0].sg[2].m.insert("stab", true);
    draft.t[0].sg[2].m.insert("vol", 0);
    TimelineView view;
    view.resize(1000 + int(TimelineLayout::kHeaderWidth + 2 * TimelineLayout::kMargin), 200);
    view.setDraft(draft);
    const QStringList expected{"Zoom 1×→1.2× · city.mp4", "Reversed · city.mp4",
                               "Stabilised · Muted · Freeze · city.mp4"};
    for (int s = 0; s < 3; ++s) {
        QTest::mouseClick(&view, Qt::LeftButton, {},
                          view.layout().segmentRect(0, s).center().toPoint());
        const QString details = view.selectionDetails();
        QVERIFY2(details.startsWith(expected[s]), qPrintable(details));
    }
    // The label is drawn: the clips differ from the plain draft's where their names start.
    TimelineView plain;
    plain.resize(view.size());
    plain.setDraft(cutDraft());
    const QImage a = view.grab().toImage();
    const QImage b = plain.grab().toImage();
    const QRectF r = view.layout().segmentRect(0, 1);
    int differing = 0;
    for (double x = r.left() + 8; x < r.left() + 60; x += 1)
        differing += a.pixelColor((QPointF(x, r.center().y()) * a.devicePixelRatio()).toPoint()) !=
                     b.pixelColor((QPointF(x, r.center().y()) * b.devicePixelRatio()).toPoint());
    QVERIFY(differing > 5);
    QVERIFY(a.save(screenshotPath(QStringLiteral("timeline-motion.png"))));
}

void TstTimelineEdit::textLookLabelled()
{
    Draft draft = cutDraft();
    Track text{"x1", int(TrackType::Text), "Text", {}, {}};
    text.sg << seg("t1", "", 0, 0, 6000,
                   {{"text", "Launch Day"},
                    {"color", "#ff3b30"},
                    {"size", 1.5},
                    {"bold", true},
                    {"box", false}});
    draft.t << text;
    draft.m.insert("cleanup", true);
    draft.m.insert("loudness_lufs", -14);
    TimelineView view;
    view.resize(1000 + int(TimelineLayout::kHeaderWidth + 2 * TimelineLayout::kMargin), 260);
    view.setDraft(draft);
    const QRectF r = view.layout().segmentRect(2, 0);
    QTest::mouseClick(&view, Qt::LeftButton, {}, r.center().toPoint());
    const QString details = view.selectionDetails();
    QVERIFY2(details.startsWith("Size 1.5× · Bold · No box · Launch Day"), qPrintable(details));
    // The colour's swatch at the start of the label.
    const QImage a = view.grab().toImage();
    int red = 0;
    for (double x = r.left() + 4; x < r.left() + 20; x += 1) {
        const QColor c =
            a.pixelColor((QPointF(x, r.center().y()) * a.devicePixelRatio()).toPoint());
        red += c.red() > 200 && c.green() < 100;
    }
    QVERIFY2(red >= 4, qPrintable(QString::number(red)));
    QVERIFY(a.save(screenshotPath(QStringLiteral("timeline-textlook.png"))));
    // With nothing selected the ruler says what is done to the whole sound.
    TimelineView treated;
    TimelineView untreated;
    for (TimelineView* v : {&treated, &untreated})
        v->resize(view.size());
    treated.setDraft(draft);
    draft.m = {};
    untreated.setDraft(draft);
    const QImage c = treated.grab().toImage();
    const QImage d = untreated.grab().toImage();
    const QRectF ruler = treated.layout().rulerRect();
    int differing = 0;
    for (double x = ruler.right() - 300; x < ruler.right() - 4; x += 1)
        differing +=
            c.pixelColor((QPointF(x, ruler.center().y()) * c.devicePixelRatio()).toPoint()) !=
            d.pixelColor((QPointF(x, ruler.center().y()) * d.devicePixelRatio()).toPoint());
    QVERIFY2(differing > 20, qPrintable(QString::number(differing)));
    QVERIFY(c.save(screenshotPath(QStringLiteral("timeline-sound.png"))));
}

void TstTimelineEdit::ctrlWheelZoomAndFitShortcut()
{
    MainWindow window(nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Shortcuts need the active window (Xvfb has no window manager to activate it).
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* view = window.findChild<TimelineView*>(QStringLiteral("timelineView"));
    QVERIFY(view);
    view->setDraft(cutDraft());
    const QPointF pos = view->layout().contentRect().center();
    QWheelEvent wheel(pos, view->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view, &wheel);
    QVERIFY(view->zoom() > 1.0);
    QWheelEvent plainWheel(pos, view->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton,
                           Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view, &plainWheel); // scrolls, keeps the zoom
    QVERIFY(view->zoom() > 1.0);
    view->setFocus();
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view->zoom(), 1.0);
}

QTEST_MAIN(TstTimelineEdit)
#include "tst_timelineedit.moc"
