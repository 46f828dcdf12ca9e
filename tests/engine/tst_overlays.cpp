// Logos and watermarks (edit/Overlays.h, the "watermark" text style) from the operation to
// the pixels: addOverlay's rules, then a generated 3 s grey clip with a 64x32 logo whose right
// half is transparent, rendered by the normal render and the preview assembly: the logo is
// where it was asked (±2% of the frame), as opaque as asked (±5%), transparent where the PNG
// is, and nowhere outside its time range. A logo whose name is filter syntax renders.
#include "edit/Overlays.h"
#include "render/FfmpegRunner.h"
#include "render/PreviewAssembly.h"
#include "render/PreviewMedia.h"
#include "render/SmartRender.h"

#include "DraftBuilder.h"
#include "MeasureAudio.h"
#include "RenderFixtures.h"
#include "TestMedia.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr qint64 kClipMs = 3000;

Draft oneClip()
{
    return test::draftOf({test::track("v1", 0, "Video", {test::seg("s1", "m1", 0, 0, kClipMs)})});
}

const MediaRef kLogo{
    QStringLiteral("logo"), QStringLiteral("logo.png"), QStringLiteral("image"), 0, false, true};

OverlayOptions at(const QString& pos, double width, double opacity, qint64 start, qint64 ms)
{
    OverlayOptions o;
    o.position = pos;
    o.widthPercent = width;
    o.opacity = opacity;
    o.startMs = start;
    o.durationMs = ms;
    return o;
}

// One frame at `seconds` as 320x180 RGB.
QByteArray rgbFrame(const QString& file, double seconds)
{
    return test::ffmpegOutput(
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-ss"),
         QString::number(seconds), QStringLiteral("-i"), file, QStringLiteral("-frames:v"),
         QStringLiteral("1"), QStringLiteral("-vf"), QStringLiteral("scale=320:180"),
         QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"), QStringLiteral("-f"),
         QStringLiteral("rawvideo"), QStringLiteral("-")});
}

// The box of pixels whose red channel stands out from the grey (x0, y0, x1, y1), and the
// mean red inside it.
struct Found {
    QRect box;
    double red = 0;
};
Found redBox(const QByteArray& rgb)
{
    Found f;
    int n = 0;
    for (int y = 0; y < 180; ++y)
        for (int x = 0; x < 320; ++x) {
            const int i = (y * 320 + x) * 3;
            if (rgb.size() < i + 3)
                return f;
            const int r = quint8(rgb[i]);
            const int g = quint8(rgb[i + 1]);
            if (r - g > 40) {
                f.box = f.box.isNull() ? QRect(x, y, 1, 1) : f.box.united(QRect(x, y, 1, 1));
                f.red += r;
                ++n;
            }
        }
    if (n > 0)
        f.red /= n;
    return f;
}

} // namespace

class TstOverlays : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString source_;
    QString logo_;
    QHash<QString, RenderInput> inputs_;

    QString render(const Draft& d, const QString& name)
    {
        return test::renderOrWarn(d, inputs_, dir_, name);
    }

private Q_SLOTS:
    void initTestCase();
    void rules();
    void placedAndTimed();
    void hostileFileName();
    void preview();
    void watermark();
};

void TstOverlays::initTestCase()
{
    QVERIFY(dir_.isValid());
    source_ = dir_.filePath(QStringLiteral("grey.mp4"));
    logo_ = dir_.filePath(QStringLiteral("logo.png"));
    QString error;
    QVERIFY2(
        test::runFfmpeg({"-f", "lavfi", "-i", "color=c=gray:s=320x180:r=30:d=3", "-f", "lavfi",
                         "-i", "sine=f=440:d=3:sample_rate=48000", "-c:v", "libx264", "-pix_fmt",
                         "yuv420p", "-g", "30", "-c:a", "aac", "-shortest", source_},
                        &error),
        qPrintable(error));
    // Red, its right half fully transparent.
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "color=c=red:s=64x32", "-vf",
                              "format=rgba,geq=r=255:g=0:b=0:a='if(lt(X,32),255,0)'", "-frames:v",
                              "1", logo_},
                             &error),
             qPrintable(error));
    inputs_.insert(QStringLiteral("m1"), RenderInput{source_, true, true, kClipMs, false});
    RenderInput still{logo_, true, false, 0, true};
    still.matrix = QStringLiteral("rgb");
    inputs_.insert(QStringLiteral("logo"), still);
}

void TstOverlays::rules()
{
    EditResult r = addOverlay(oneClip(), kLogo, OverlayOptions{});
    QVERIFY(r.ok);
    QCOMPARE(r.draft.t.size(), 2);
    const Segment& s = r.draft.t[1].sg.first();
    QVERIFY(isOverlaySegment(s));
    QCOMPARE(s.st, 0);
    QCOMPARE(s.d, kClipMs); // the whole video by default
    QCOMPARE(s.m.value("pos").toString(), QString("bottom_right"));
    QCOMPARE(r.draft.computedDuration(), kClipMs);

    // Again at another corner over the same time: moved, not stacked; to the end of the video.
    r = addOverlay(r.draft, kLogo, at("top_left", 10, 0.5, 1000, 60000));
    QVERIFY(r.ok);
    QCOMPARE(r.draft.t[1].sg.size(), 1);
    QCOMPARE(r.draft.t[1].sg.first().m.value("pos").toString(), QString("top_left"));
    QCOMPARE(r.draft.t[1].sg.first().d, 2000);

    struct Bad {
        OverlayOptions o;
        MediaRef media;
        const char* says;
    };
    const MediaRef song{"m9", "song.mp3", "audio", 3000, true, false};
    for (const Bad& b : {Bad{at("middle_left", 15, 1, 0, -1), kLogo, "Unknown position"},
                         Bad{at("top", 1, 1, 0, -1), kLogo, "between 2% and 100%"},
                         Bad{at("top", 15, 0.01, 0, -1), kLogo, "between 5% and 100%"},
                         Bad{at("top", 15, 1, 5000, -1), kLogo, "past the end"},
                         Bad{at("top", 15, 1, 0, -1), song, "no picture"}}) {
        const EditResult e = addOverlay(oneClip(), b.media, b.o);
        QVERIFY(!e.ok);
        QVERIFY2(e.error.contains(QLatin1String(b.says)), qPrintable(e.error));
    }
    QVERIFY(!addOverlay(Draft{}, kLogo, OverlayOptions{}).ok);
}

void TstOverlays::placedAndTimed()
{
    const EditResult r = addOverlay(oneClip(), kLogo, at("bottom_right", 20, 0.8, 1000, 1000));
    QVERIFY(r.ok);
    QString reason;
    QVERIFY(!draftSuitsSmartRender(r.draft, inputs_, test::smallPreset(),
                                   &reason)); // drawn over every frame
    const QString out = render(r.draft, "logo.mp4");
    QVERIFY(!out.isEmpty());

    QVERIFY2(redBox(rgbFrame(out, 0.5)).box.isNull(), "a logo before its start");
    QVERIFY2(redBox(rgbFrame(out, 2.5)).box.isNull(), "a logo after its end");
    const Found f = redBox(rgbFrame(out, 1.5));
    // 20% of 320 = 64 px wide, 32 high, its opaque left half 32 px; 3% margin = 10 px.
    const QRect want(320 - 10 - 64, 180 - 10 - 32, 32, 32);
    const QString got = QStringLiteral("box %1,%2 %3x%4 red %5")
                            .arg(f.box.x())
                            .arg(f.box.y())
                            .arg(f.box.width())
                            .arg(f.box.height())
                            .arg(f.red);
    QVERIFY2(std::abs(f.box.left() - want.left()) <= 6 && std::abs(f.box.top() - want.top()) <= 4,
             qPrintable(got));
    QVERIFY2(std::abs(f.box.width() - want.width()) <= 6 &&
                 std::abs(f.box.height() - want.height()) <= 4,
             qPrintable(got)); // the transparent half shows the grey
    // 80% red over 20% grey (128): about 230.
    const double expected = 0.8 * 255 + 0.2 * 128;
    QVERIFY2(std::abs(f.red - expected) < 0.05 * 255, qPrintable(got));
}

// The name the user gave the file is only shown (m.name, the reply): the engine stores uploads
// as <id>.<extension> (MediaIngest), and the graph names inputs by number, so neither reaches
// the filter syntax or image2's %d patterns.
void TstOverlays::hostileFileName()
{
    const QString stored = dir_.filePath(QStringLiteral("med_0001.png"));
    QVERIFY(QFile::copy(logo_, stored));
    RenderInput still = inputs_.value("logo");
    still.path = stored;
    inputs_.insert(QStringLiteral("med_0001"), still);
    const MediaRef media{"med_0001", "lo'go;[x]:,=%{pts}%03d.png", "image", 0, false, true};
    const EditResult r = addOverlay(oneClip(), media, at("top_left", 20, 1, 0, -1));
    QVERIFY(r.ok);
    const RenderCommand cmd =
        buildRenderCommand(r.draft, inputs_, test::smallPreset(), dir_.filePath("h.mp4"),
                           dir_.path(), defaultFontFile());
    QVERIFY(!cmd.args.join(' ').contains(QLatin1String("lo'go")));
    const QString out = render(r.draft, "hostile.mp4");
    QVERIFY(!out.isEmpty());
    const Found f = redBox(rgbFrame(out, 1.0));
    QVERIFY2(std::abs(f.box.left() - 10) <= 6 && std::abs(f.box.top() - 10) <= 4,
             qPrintable(QString("%1,%2").arg(f.box.x()).arg(f.box.y())));
}

void TstOverlays::preview()
{
    const EditResult r = addOverlay(oneClip(), kLogo, at("top_right", 20, 1, 1000, 1000));
    QVERIFY(r.ok);
    RenderInput in = inputs_.value("m1");
    QString error;
    QVERIFY2(test::makeProxies(&in, dir_, &error), qPrintable(error));
    QHash<QString, RenderInput> inputs = inputs_;
    inputs.insert("m1", in);
    const RenderPreset pp = RenderPreset::byName(QStringLiteral("preview"));
    const QHash<QString, SmartSource> proxies{{"m1", probeSmartSource(in.proxyVideo)}};
    const PreviewPlan plan = planPreview(r.draft, inputs, proxies, pp);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    QVERIFY(plan.copiedFrames() >= 45); // the frames without the logo
    const QString out = dir_.filePath("preview.mov");
    QVERIFY(QDir().mkpath(dir_.filePath("pwork")));
    const RunResult run =
        runPreviewAssembly(r.draft, inputs, pp, out, dir_.filePath("pwork"), {}, nullptr);
    QVERIFY2(run.ok, qPrintable(run.error));
    QVERIFY(redBox(rgbFrame(out, 0.5)).box.isNull());
    const Found f = redBox(rgbFrame(out, 1.5)); // scaled back to 320x180
    QVERIFY2(std::abs(f.box.left() - (320 - 10 - 64)) <= 6 && std::abs(f.box.top() - 10) <= 4,
             qPrintable(QString("%1,%2").arg(f.box.x()).arg(f.box.y())));
}

void TstOverlays::watermark()
{
    TextOptions o;
    o.text = QStringLiteral("DRAFT");
    o.style = QStringLiteral("watermark");
    o.durationMs = -1;
    const EditResult r = addText(oneClip(), o);
    QVERIFY2(r.ok, qPrintable(r.error));
    const Segment& s = r.draft.t.last().sg.first();
    QCOMPARE(s.d, kClipMs); // to the end
    QCOMPARE(s.m.value("pos").toString(), QString("bottom_right"));
    const QString out = render(r.draft, "watermark.mp4");
    QVERIFY(!out.isEmpty());
    const QByteArray a = rgbFrame(out, 2.5);
    // The text's pixels in the bottom-right quarter: lighter than the grey, never pure white.
    int lighter = 0;
    int brightest = 0;
    for (int y = 90; y < 180; ++y)
        for (int x = 160; x < 320; ++x) {
            const int v = quint8(a[(y * 320 + x) * 3]);
            lighter += v > 150;
            brightest = std::max(brightest, v);
        }
    QVERIFY2(lighter > 100 && brightest < 215,
             qPrintable(QString("%1 lighter, brightest %2").arg(lighter).arg(brightest)));
    int elsewhere = 0; // and nothing in the top-left quarter
    for (int y = 0; y < 90; ++y)
        for (int x = 0; x < 160; ++x)
            elsewhere += quint8(a[(y * 320 + x) * 3]) > 150;
    QCOMPARE(elsewhere, 0);
}

QTEST_GUILESS_MAIN(TstOverlays)
#include "tst_overlays.moc"
