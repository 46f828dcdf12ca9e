// TimelineView and TimelineLayout: geometry to scale from a hand-made three-track draft,
// hit testing, zoom, hostile drafts, and a painted screenshot whose pixels are checked. For
// the viewer, in light and dark palettes: the segments under the playhead are lit, a click in
// a segment moves the playhead there, and the ruler shows the time under the mouse.
#include "TimelineLayout.h"
#include "TimelineView.h"

#include <QApplication>
#include <QDir>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

using namespace cw;

namespace {

Segment seg(const QString& id, const QString& src, qint64 st, qint64 d, const QJsonObject& m = {})
{
    Segment s;
    s.id = id;
    s.src = src;
    s.st = st;
    s.d = d;
    s.m = m;
    return s;
}

Draft threeTracks()
{
    Draft draft;
    draft.m = QJsonObject{{"title", "Urban Dreams"}, {"width", 1920}, {"height", 1080}};
    Track video{"v1", int(TrackType::Video), "Video", {}, {}};
    video.sg << seg("s1", "m1", 0, 4000, {{"name", "city.mp4"}})
             << seg("s2", "m1", 4000, 6000, {{"name", "city.mp4"}});
    Track audio{"a1", int(TrackType::Audio), "BGM", {}, {}};
    audio.sg << seg("s3", "m2", 0, 10000, {{"name", "Lo-fi"}});
    Track text{"x1", int(TrackType::Text), "Titles", {}, {}};
    text.sg << seg("s4", "", 1000, 3000, {{"text", "Urban Dreams"}});
    draft.t << video << audio << text;
    draft.d = 10000;
    return draft;
}

} // namespace

class TstTimelineView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void segmentGeometry_data();
    void segmentGeometry();
    void fitsWidthAndKeepsRowsApart();
    void hitTest();
    void hostileDrafts();
    void tickStep();
    void formatTime_data();
    void formatTime();
    void zoom();
    void paintsAndSavesScreenshot();
    void clickReportsSegment();
    void playheadSegmentLit_data();
    void playheadSegmentLit();
    void clickInSegmentMovesPlayhead();
    void hoverShowsTime();
};

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    p.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::ToolTipBase, QColor(0x44, 0x44, 0x44));
    p.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    return p;
}

} // namespace

void TstTimelineView::segmentGeometry_data()
{
    QTest::addColumn<int>("track");
    QTest::addColumn<int>("segment");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("durationMs");
    QTest::newRow("video first") << 0 << 0 << qint64(0) << qint64(4000);
    QTest::newRow("video second") << 0 << 1 << qint64(4000) << qint64(6000);
    QTest::newRow("audio bed") << 1 << 0 << qint64(0) << qint64(10000);
    QTest::newRow("title") << 2 << 0 << qint64(1000) << qint64(3000);
}

void TstTimelineView::segmentGeometry()
{
    QFETCH(int, track);
    QFETCH(int, segment);
    QFETCH(qint64, startMs);
    QFETCH(qint64, durationMs);
    const Draft draft = threeTracks();
    const QSizeF size(1000 + TimelineLayout::kHeaderWidth + 2 * TimelineLayout::kMargin, 300);
    const TimelineLayout layout(draft, size);
    // 1000 px of lane for 10 s: 0.1 px per ms.
    QCOMPARE(layout.pixelsPerMs(), 0.1);
    const QRectF r = layout.segmentRect(track, segment);
    const double laneLeft = TimelineLayout::kHeaderWidth + TimelineLayout::kMargin;
    QCOMPARE(r.left(), laneLeft + startMs * 0.1);
    QCOMPARE(r.width(), durationMs * 0.1);
    QVERIFY(layout.trackRect(track).contains(r));
    QCOMPARE(layout.msForX(r.left()), startMs);
    QCOMPARE(layout.msForX(r.right()), startMs + durationMs);
}

void TstTimelineView::fitsWidthAndKeepsRowsApart()
{
    const Draft draft = threeTracks();
    for (int width : {400, 777, 1920}) {
        const TimelineLayout layout(draft, QSizeF(width, 240));
        const QRectF lane = layout.trackRect(1);
        QVERIFY(qAbs(layout.segmentRect(1, 0).right() - lane.right()) < 0.001);
        const QRectF a = layout.segmentRect(0, 0), b = layout.segmentRect(0, 1);
        QVERIFY(qAbs(b.width() / a.width() - 1.5) < 1e-9);
        QVERIFY(qAbs(a.right() - b.left()) < 1e-9);
    }
    const TimelineLayout layout(draft, QSizeF(800, 240));
    QCOMPARE(layout.trackCount(), 3);
    for (int t = 1; t < 3; ++t) {
        QVERIFY(layout.trackRect(t).top() >= layout.trackRect(t - 1).bottom());
        QVERIFY(!layout.headerRect(t).intersects(layout.trackRect(t)));
    }
    QVERIFY(layout.rulerRect().bottom() <= layout.trackRect(0).top());
}

void TstTimelineView::hitTest()
{
    const Draft draft = threeTracks();
    const TimelineLayout layout(draft, QSizeF(900, 240));
    QCOMPARE(layout.hitTest(layout.segmentRect(0, 1).center()), std::make_pair(0, 1));
    QCOMPARE(layout.hitTest(layout.segmentRect(2, 0).center()), std::make_pair(2, 0));
    QCOMPARE(layout.hitTest(layout.headerRect(0).center()), std::make_pair(-1, -1));
    const QPointF afterTitle(layout.xForMs(8000), layout.trackRect(2).center().y());
    QCOMPARE(layout.hitTest(afterTitle), std::make_pair(-1, -1));
}

void TstTimelineView::hostileDrafts()
{
    const Draft empty;
    const TimelineLayout emptyLayout(empty, QSizeF(0, 0));
    QCOMPARE(emptyLayout.spanMs(), TimelineLayout::kMinimumSpanMs);
    QVERIFY(emptyLayout.pixelsPerMs() > 0);
    QVERIFY(emptyLayout.segmentRect(0, 0).isNull());

    Draft odd = threeTracks();
    odd.t[0].sg << seg("neg", "m1", 500, -300) << seg("far", "m1", 3600000LL * 24, 1000);
    const TimelineLayout layout(odd, QSizeF(800, 200));
    QVERIFY(layout.segmentRect(-1, 0).isNull());
    QVERIFY(layout.segmentRect(0, 99).isNull());
    QVERIFY(layout.segmentRect(7, 0).isNull());
    const QRectF neg = layout.segmentRect(0, 2);
    QVERIFY(neg.width() >= 1 && qIsFinite(neg.left()));
    // Segments are at least 1 px wide so a short one far away stays visible.
    QVERIFY(layout.segmentRect(0, 3).right() <= layout.trackRect(0).right() + 1.0);

    TimelineView view;
    view.resize(600, 200);
    view.setDraft(odd);
    QCOMPARE(view.segmentCount(), 6);
    QVERIFY(!view.grab().isNull());
}

void TstTimelineView::tickStep()
{
    const Draft draft = threeTracks();
    for (int width : {300, 800, 4000}) {
        const TimelineLayout layout(draft, QSizeF(width, 200));
        const qint64 step = layout.tickStepMs();
        QVERIFY2(step * layout.pixelsPerMs() >= 70, qPrintable(QString::number(step)));
    }
    QVERIFY(TimelineLayout(draft, QSizeF(4000, 200)).tickStepMs() <
            TimelineLayout(draft, QSizeF(300, 200)).tickStepMs());
}

void TstTimelineView::formatTime_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << qint64(1000) << "0:00";
    QTest::newRow("seconds") << qint64(5000) << qint64(1000) << "0:05";
    QTest::newRow("minutes") << qint64(62000) << qint64(1000) << "1:02";
    QTest::newRow("hours") << qint64(3723000) << qint64(1000) << "1:02:03";
    QTest::newRow("tenths shown") << qint64(17500) << qint64(1000) << "0:17.5";
    QTest::newRow("fine step") << qint64(2000) << qint64(500) << "0:02.0";
    QTest::newRow("negative") << qint64(-1500) << qint64(500) << "-0:01.5";
}

void TstTimelineView::formatTime()
{
    QFETCH(qint64, ms);
    QFETCH(qint64, step);
    QFETCH(QString, text);
    QCOMPARE(formatTimelineTime(ms, step), text);
}

void TstTimelineView::zoom()
{
    TimelineView view;
    view.resize(800, 220);
    view.setDraft(threeTracks());
    const double fit = view.layout().pixelsPerMs();
    view.setZoom(2.0);
    QCOMPARE(view.layout().pixelsPerMs(), fit * 2);
    view.setZoom(0.1); // never below fit
    QCOMPARE(view.layout().pixelsPerMs(), fit);
    view.setZoom(4.0);
    view.zoomToFit();
    QCOMPARE(view.zoom(), 1.0);
    QCOMPARE(view.layout().pixelsPerMs(), fit);
}

void TstTimelineView::paintsAndSavesScreenshot()
{
    TimelineView view;
    QCOMPARE(view.objectName(), QStringLiteral("timelineView"));
    view.resize(900, 220);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Draft draft = threeTracks();
    view.setDraft(draft);
    QCOMPARE(view.segmentCount(), 4);
    QCOMPARE(view.draft().t.size(), 3);
    QCOMPARE(view.draft().t.at(2).sg.at(0).m.value("text").toString(),
             QStringLiteral("Urban Dreams"));

    const QImage image = view.grab().toImage();
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    QVERIFY(image.save(dir.filePath(QStringLiteral("timeline.png"))));

    // A point inside each segment (away from its label) is painted in a track colour,
    // not the lane background; a point after the title segment is background.
    const TimelineLayout layout = view.layout();
    const qreal dpr = image.devicePixelRatio();
    auto pixel = [&](const QPointF& p) { return image.pixelColor((p * dpr).toPoint()); };
    const QColor lane = pixel(QPointF(layout.xForMs(9500), layout.trackRect(2).center().y()));
    for (int t = 0; t < 3; ++t) {
        const QRectF r = layout.segmentRect(t, 0);
        const QColor inside = pixel(QPointF(r.right() - 3, r.bottom() - 4));
        QVERIFY2(inside != lane, qPrintable(QStringLiteral("track %1 not painted").arg(t)));
    }
    const QColor video = pixel(layout.segmentRect(0, 0).bottomRight() - QPointF(3, 4));
    const QColor audio = pixel(layout.segmentRect(1, 0).bottomRight() - QPointF(3, 4));
    QVERIFY(video != audio);
}

void TstTimelineView::clickReportsSegment()
{
    TimelineView view;
    view.resize(900, 220);
    view.setDraft(threeTracks());
    QSignalSpy spy(&view, &TimelineView::segmentClicked);
    const QPoint centre = view.layout().segmentRect(0, 1).center().toPoint();
    QTest::mouseClick(&view, Qt::LeftButton, {}, centre);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("v1"));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("s2"));
    QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("m1"));
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("s2"));
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.layout().headerRect(0).center().toPoint());
    QCOMPARE(spy.count(), 1);
    QVERIFY(view.selectedSegmentId().isEmpty());
}

void TstTimelineView::playheadSegmentLit_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TstTimelineView::playheadSegmentLit()
{
    QFETCH(bool, dark);
    TimelineView view;
    if (dark)
        view.setPalette(darkPalette());
    view.resize(900, 220);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDraft(threeTracks());
    view.setPlayheadMs(5000);
    QCOMPARE(view.segmentsAtPlayhead(), (QStringList{"s2", "s3"}));
    const QImage onSecond = view.grab().toImage();
    view.setPlayheadMs(2000);
    QCOMPARE(view.segmentsAtPlayhead(), (QStringList{"s1", "s3", "s4"}));
    const QImage onFirst = view.grab().toImage();
    QVERIFY(onFirst.save(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots/timeline-lit-%1.png")
                             .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"))));
    // The foot of the second clip carries the playhead's red while the playhead is on it.
    const TimelineLayout lay = view.layout();
    const qreal dpr = onFirst.devicePixelRatio();
    const QRectF second = lay.segmentRect(0, 1);
    const QPointF foot(second.center().x(), second.bottom() - 2.5);
    const QColor lit = onSecond.pixelColor((foot * dpr).toPoint());
    const QColor plain = onFirst.pixelColor((foot * dpr).toPoint());
    QVERIFY2(lit != plain, qPrintable(lit.name()));
    QVERIFY2(lit.red() > lit.green() + 80 && lit.red() > lit.blue() + 80, qPrintable(lit.name()));
    // Away from the foot the clip is brighter while lit.
    const QPointF body(second.left() + 12, second.top() + 4);
    QVERIFY(onSecond.pixelColor((body * dpr).toPoint()).lightness() >
            onFirst.pixelColor((body * dpr).toPoint()).lightness());
}

void TstTimelineView::clickInSegmentMovesPlayhead()
{
    TimelineView view;
    view.resize(900, 220);
    view.setDraft(threeTracks());
    QSignalSpy moved(&view, &TimelineView::playheadMoved);
    const QRectF second = view.layout().segmentRect(0, 1);
    const QPoint inside(int(second.left() + second.width() * 0.3), int(second.center().y()));
    QTest::mouseClick(&view, Qt::LeftButton, {}, inside);
    QCOMPARE(moved.count(), 1);
    const qint64 expected = view.layout().msForX(inside.x());
    QCOMPARE(moved.first().first().toLongLong(), expected);
    QCOMPARE(view.playheadMs(), expected);
    QVERIFY(expected > 4000 && expected < 10000);
    QCOMPARE(view.selectedSegmentId(), QStringLiteral("s2"));
}

void TstTimelineView::hoverShowsTime()
{
    TimelineView view;
    view.setPalette(darkPalette());
    view.resize(900, 220);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDraft(threeTracks());
    QCOMPARE(view.hoverMs(), qint64(-1));
    const QImage plain = view.grab().toImage();
    const TimelineLayout lay = view.layout();
    const QPointF over(lay.xForMs(6500), lay.trackRect(1).center().y());
    QMouseEvent move(QEvent::MouseMove, over, view.mapToGlobal(over), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&view, &move);
    QVERIFY2(qAbs(view.hoverMs() - 6500) <= 20, qPrintable(QString::number(view.hoverMs())));
    QCOMPARE(view.hoverText(), QStringLiteral("0:06.5"));
    const QImage hovered = view.grab().toImage();
    QVERIFY(hovered.save(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots/timeline-hover.png")));
    // The label is drawn on the ruler next to the mouse; the tracks are untouched.
    const qreal dpr = hovered.devicePixelRatio();
    int changedOnRuler = 0;
    for (int x = int(over.x()); x < int(over.x()) + 40; ++x)
        changedOnRuler += hovered.pixel(QPoint(x, int(lay.rulerRect().center().y())) * dpr) !=
                          plain.pixel(QPoint(x, int(lay.rulerRect().center().y())) * dpr);
    QVERIFY2(changedOnRuler > 5, qPrintable(QString::number(changedOnRuler)));
    const QPoint inTrack = (over + QPointF(20, 0)).toPoint() * dpr;
    QCOMPARE(hovered.pixel(inTrack), plain.pixel(inTrack));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(&view, &leave);
    QCOMPARE(view.hoverMs(), qint64(-1));
}

QTEST_MAIN(TstTimelineView)
#include "tst_timelineview.moc"
