// Paint benchmark for the timeline (issue 5: "smooth with 2,000 segments"): paints a draft
// of 2,000 segments (video cuts with transitions, an audio track, titles) into a QImage,
// fitted and zoomed in, and prints the mean frame time, without and with thumbnails and
// waveforms (a TimelineMediaCache holding 8 frames and a waveform per source). Not a ctest test:
// run it with `ninja bench_timeline` (or bin/timeline_bench [frames]).
#include "TimelineMediaCache.h"
#include "TimelineView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <cstdio>

using namespace cw;

namespace {

Draft bigDraft(int segments)
{
    Draft draft;
    Track video{"v1", int(TrackType::Video), "Video", {}, {}};
    Track audio{"a1", int(TrackType::Audio), "Voice", {}, {}};
    Track text{"x1", int(TrackType::Text), "Titles", {}, {}};
    qint64 st = 0;
    for (int i = 0; i < segments; ++i) {
        Segment s;
        s.id = QStringLiteral("s%1").arg(i);
        s.src = QStringLiteral("m%1").arg(i % 7);
        s.d = 800 + (i * 37) % 2400;
        s.in = (i * 113) % 20000;
        s.m.insert(QStringLiteral("name"), QStringLiteral("clip-%1.mp4").arg(i % 7));
        if (i % 10 == 0)
            s.m.insert(QStringLiteral("text"), QStringLiteral("Title %1").arg(i));
        if (i % 5 == 1)
            s.m.insert(QStringLiteral("tr"), QJsonObject{{"type", "fade"}, {"d", 300}});
        Track& target = i % 10 == 0 ? text : (i % 4 == 3 ? audio : video);
        s.st = target.sg.isEmpty() ? 0 : target.sg.last().end();
        st = std::max(st, s.end());
        target.sg << s;
    }
    draft.t << video << audio << text;
    draft.d = st;
    return draft;
}

double meanFrameMs(TimelineView& view, QImage& image, int frames)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < frames; ++i) {
        image.fill(Qt::transparent);
        view.render(&image);
    }
    return double(timer.nsecsElapsed()) / 1e6 / frames;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int frames = argc > 1 ? std::max(1, atoi(argv[1])) : 60;
    const int segments = 2000;

    TimelineView view;
    view.resize(1600, 220);
    const Draft draft = bigDraft(segments);
    view.setDraft(draft);
    view.setPlayheadMs(draft.d / 3);
    view.selectSegment(QStringLiteral("s1001"));
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    meanFrameMs(view, image, 3); // warm up fonts and caches

    const double fit = meanFrameMs(view, image, frames);
    view.setZoom(25);
    const double zoomed = meanFrameMs(view, image, frames);
    std::printf("timeline paint, %d segments, %dx%d, %d frames: mean %.2f ms fitted, %.2f ms "
                "zoomed x25\n",
                view.segmentCount(), view.width(), view.height(), frames, fit, zoomed);

    TimelineMediaCache cache;
    for (int m = 0; m < 7; ++m) {
        const QString id = QStringLiteral("m%1").arg(m);
        for (qint64 at : TimelineMediaCache::frameTimes(30000)) {
            QImage frame(160, 90, QImage::Format_RGB32);
            frame.fill(QColor::fromHsv(int((m * 50 + at / 200) % 360), 200, 220));
            cache.addThumbnailImage(id, at, frame);
        }
        QVector<float> peaks;
        for (int i = 0; i < 30 * 50; ++i)
            peaks << float((i * 7919 + m * 31) % 1000) / 1000.f;
        cache.addWaveform(id, 50, peaks);
    }
    view.setMediaCache(&cache);
    view.zoomToFit();
    meanFrameMs(view, image, 3); // scale the pixmaps once
    const double fitMedia = meanFrameMs(view, image, frames);
    view.setZoom(25);
    meanFrameMs(view, image, 3);
    const double zoomedMedia = meanFrameMs(view, image, frames);
    std::printf("with thumbnails and waveforms: mean %.2f ms fitted, %.2f ms zoomed x25\n",
                fitMedia, zoomedMedia);
    return 0;
}
