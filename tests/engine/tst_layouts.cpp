// Picture-in-picture and split screen (edit/Layouts.h) from the operation to the pixels and
// the sound of the output file. Two generated 3 s clips that look and sound different: the
// main one a 16:9 test card with a 440 Hz tone, the other 4:3 colour bars with a 1 kHz tone.
// Each region of the rendered frame is compared (PSNR) with the source picture fitted there
// by ffmpeg alone, and with the same picture stretched, which must compare worse: both
// pictures are present, in their places, and neither is stretched. The tone heard over the
// span is the chosen clip's. The preview assembly draws the same frame; the smart render and
// the hand-off formats step aside / name it. The chat is tst_layoutchat.
#include "ApiError.h"
#include "Interchange.h"
#include "edit/Layouts.h"
#include "render/PreviewAssembly.h"
#include "render/PreviewMedia.h"
#include "render/RenderFilters.h"
#include "render/SmartRender.h"

#include "DraftBuilder.h"
#include "MeasureAudio.h"
#include "RenderFixtures.h"
#include "TestMedia.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr qint64 kClipMs = 3000;
constexpr int kW = 320;
constexpr int kH = 180;

// The main clip "m1", then the other "m2" as an upload leaves it: a clip after it.
Draft twoClips()
{
    return test::draftOf({test::track(
        "v1", 0, "Video",
        {test::seg("s1", "m1", 0, 0, kClipMs), test::seg("s2", "m2", kClipMs, 0, kClipMs)})});
}

const MediaRef kOther{
    QStringLiteral("m2"), QStringLiteral("bars.mp4"), QStringLiteral("video"), kClipMs, true, true};

LayoutOptions split(const QString& layout, const QString& fit, const QString& sound)
{
    LayoutOptions o;
    o.role = QStringLiteral("split");
    o.layout = layout;
    o.fit = fit;
    o.sound = sound;
    return o;
}

// One frame at `seconds` as RGB, the picture filtered by `vf` first when given.
QByteArray rgbFrame(const QString& file, double seconds, const QString& vf = {})
{
    QStringList args{QStringLiteral("-v"),        QStringLiteral("error"), QStringLiteral("-ss"),
                     QString::number(seconds),    QStringLiteral("-i"),    file,
                     QStringLiteral("-frames:v"), QStringLiteral("1")};
    if (!vf.isEmpty())
        args << QStringLiteral("-vf") << vf;
    return test::ffmpegOutput(args + QStringList{QStringLiteral("-pix_fmt"),
                                                 QStringLiteral("rgb24"), QStringLiteral("-f"),
                                                 QStringLiteral("rawvideo"), QStringLiteral("-")});
}

// The w x h region at (x, y) of a frame `stride` pixels wide.
QByteArray region(const QByteArray& rgb, int stride, int x, int y, int w, int h)
{
    QByteArray out;
    for (int row = y; row < y + h; ++row)
        out += rgb.mid((row * stride + x) * 3, w * 3);
    return out;
}

// Sound level (dB) of one tone in [from, to) seconds: two narrow band-passes in a row keep
// the other tone (over an octave away) some 45 dB down.
double toneDb(const QString& file, int hz, double from, double to)
{
    const QString band = QStringLiteral("bandpass=f=%1:width_type=q:w=8").arg(hz);
    return test::rmsDb(file, from, to, band + QLatin1Char(',') + band);
}

} // namespace

class TstLayouts : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString main_;
    QString other_;
    QHash<QString, RenderInput> inputs_;

    QString render(const Draft& d, const QString& name)
    {
        return test::renderOrWarn(d, inputs_, dir_, name);
    }
    // PSNR of the output's region against the source fitted by ffmpeg (vf, to w x h) and
    // against the source stretched to w x h.
    QPair<double, double> compare(const QByteArray& frame, const QString& source, double at,
                                  const QRect& r, const QString& vf)
    {
        const QByteArray got = region(frame, kW, r.x(), r.y(), r.width(), r.height());
        const QByteArray fitted = rgbFrame(source, at, vf);
        const QByteArray stretched =
            rgbFrame(source, at, QStringLiteral("scale=%1:%2").arg(r.width()).arg(r.height()));
        return {test::psnr(got, fitted), test::psnr(got, stretched)};
    }

private Q_SLOTS:
    void initTestCase();
    void rules();
    void sideBySide();
    void topAndBottomLetterboxed();
    void pictureInPicture();
    void preview();
    void handOff();
    void speedAgainstFfmpeg();
};

void TstLayouts::initTestCase()
{
    QVERIFY(dir_.isValid());
    main_ = dir_.filePath(QStringLiteral("card.mp4"));
    other_ = dir_.filePath(QStringLiteral("bars.mp4"));
    QString error;
    QVERIFY2(
        test::runFfmpeg({"-f", "lavfi", "-i", "testsrc=s=320x180:r=30:d=3", "-f", "lavfi", "-i",
                         "sine=f=440:d=3:sample_rate=48000", "-c:v", "libx264", "-pix_fmt",
                         "yuv420p", "-crf", "12", "-c:a", "aac", "-shortest", main_},
                        &error),
        qPrintable(error));
    QVERIFY2(
        test::runFfmpeg({"-f", "lavfi", "-i", "smptebars=s=240x180:r=30:d=3", "-f", "lavfi", "-i",
                         "sine=f=1000:d=3:sample_rate=48000", "-c:v", "libx264", "-pix_fmt",
                         "yuv420p", "-crf", "12", "-c:a", "aac", "-shortest", other_},
                        &error),
        qPrintable(error));
    inputs_.insert(QStringLiteral("m1"), RenderInput{main_, true, true, kClipMs, false});
    inputs_.insert(QStringLiteral("m2"), RenderInput{other_, true, true, kClipMs, false});
}

void TstLayouts::rules()
{
    EditResult r = addLayout(twoClips(), kOther, LayoutOptions{});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.details.value("taken").toInt(), 1); // beside the main clip, not after it
    QCOMPARE(r.draft.computedDuration(), kClipMs);
    QCOMPARE(r.draft.t.size(), 2);
    const Segment pip = r.draft.t[1].sg.first();
    QVERIFY(isLayoutSegment(pip));
    QCOMPARE(pip.m.value("pos").toString(), QString("bottom_right"));
    QCOMPARE(pip.d, kClipMs);
    QString reason;
    QVERIFY(!draftSuitsSmartRender(r.draft, inputs_, test::smallPreset(), &reason));

    // Again as a split screen over the same time, with the other clip's sound: replaced, the
    // main clip muted over the span only, the other's sound on its own track.
    LayoutOptions o = split("h", "crop", "other");
    o.startMs = 1000;
    r = addLayout(r.draft, kOther, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.draft.t[1].sg.size(), 1);
    QCOMPARE(r.draft.t[1].sg.first().m.value("role").toString(), QString("split"));
    QCOMPARE(r.draft.t[1].sg.first().d, 2000);
    const Track& main = r.draft.t[0];
    QCOMPARE(main.sg.size(), 2);
    QCOMPARE(main.sg[0].m.value("vol").toDouble(1), 1.0);
    QCOMPARE(main.sg[1].m.value("vol").toDouble(1), 0.0);
    QCOMPARE(r.draft.t.last().n, QString("Layout sound"));
    QCOMPARE(r.draft.t.last().sg.first().st, 1000);

    // Taken off: the layout and its sound go, the main clip's sound comes back.
    EditResult off = removeLayout(r.draft, QStringLiteral("pip"));
    QVERIFY(!off.ok); // a split screen is there, not a picture-in-picture
    QCOMPARE(off.errorCode, int(ErrorCode::Conflict));
    off = removeLayout(r.draft, QString());
    QVERIFY2(off.ok, qPrintable(off.error));
    QCOMPARE(off.draft.t.size(), 1);
    for (const Segment& s : off.draft.t[0].sg)
        QCOMPARE(s.m.value("vol").toDouble(1), 1.0);
    QCOMPARE(off.details.value("removed").toArray().size(), 1);
    QVERIFY(!removeLayout(off.draft, QString()).ok);
    QVERIFY(!removeLayout(r.draft, QStringLiteral("grid")).ok);

    // Back to the main clip's sound: its volume comes back, the other's sound goes.
    r = addLayout(r.draft, kOther, split("h", "crop", "main"));
    QVERIFY(r.ok);
    for (const Segment& s : r.draft.t[0].sg)
        QCOMPARE(s.m.value("vol").toDouble(1), 1.0);
    QCOMPARE(r.draft.t.size(), 2);

    const Draft one =
        test::draftOf({test::track("v1", 0, "Video", {test::seg("s1", "m1", 0, 0, kClipMs)})});
    const MediaRef mainRef{"m1", "card.mp4", "video", kClipMs, true, true};
    QVERIFY(!addLayout(one, mainRef, LayoutOptions{}).ok); // the only clip
    const MediaRef song{"m9", "song.mp3", "audio", kClipMs, true, false};
    QVERIFY(!addLayout(twoClips(), song, LayoutOptions{}).ok);
    LayoutOptions bad;
    bad.widthPercent = 80;
    QVERIFY(!addLayout(twoClips(), kOther, bad).ok);
    QVERIFY(!addLayout(twoClips(), kOther, split("x", "crop", "main")).ok);
    QVERIFY(!addLayout(Draft{}, kOther, LayoutOptions{}).ok);
}

// Side by side, cropped: the left half is the card's centre, the right half the bars' centre,
// each at full height, unscaled in shape; the 1 kHz tone of the bars is what plays.
void TstLayouts::sideBySide()
{
    const EditResult r = addLayout(twoClips(), kOther, split("h", "crop", "other"));
    QVERIFY2(r.ok, qPrintable(r.error));
    const QString out = render(r.draft, "side.mp4");
    QVERIFY(!out.isEmpty());
    const QByteArray f = rgbFrame(out, 1.5);
    QCOMPARE(f.size(), kW * kH * 3);
    const auto left = compare(f, main_, 1.5, QRect(0, 0, 160, 180), "crop=160:180:80:0");
    const auto right = compare(f, other_, 1.5, QRect(160, 0, 160, 180),
                               "scale=160:180:force_original_aspect_ratio=increase,crop=160:180");
    const QString got = QStringLiteral("main %1 (stretched %2) other %3 (stretched %4) dB")
                            .arg(left.first)
                            .arg(left.second)
                            .arg(right.first)
                            .arg(right.second);
    qInfo().noquote() << got;
    // The encode of a test card costs ~25 dB anywhere (pictureInPicture: "before"); a region
    // showing the wrong picture, or this one stretched, measures 5-10 dB.
    QVERIFY2(left.first > 20 && right.first > 20, qPrintable(got));
    QVERIFY2(left.first > left.second + 8 && right.first > right.second + 8, qPrintable(got));
    const double other = toneDb(out, 1000, 0.5, 2.5);
    const double mainTone = toneDb(out, 440, 0.5, 2.5);
    qInfo("sound: other 1 kHz %.1f dB, main 440 Hz %.1f dB", other, mainTone);
    QVERIFY2(other > -30 && mainTone < other - 30, qPrintable(QString::number(mainTone)));
}

// Top and bottom, letterboxed, the main picture below: each picture whole inside its half
// (card 160x90, bars 120x90) between black bars; the main clip's tone plays.
void TstLayouts::topAndBottomLetterboxed()
{
    LayoutOptions o = split("v", "pad", "main");
    o.mainFirst = false;
    const EditResult r = addLayout(twoClips(), kOther, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QString out = render(r.draft, "stack.mp4");
    QVERIFY(!out.isEmpty());
    const QByteArray f = rgbFrame(out, 1.5);
    const auto top = compare(f, other_, 1.5, QRect(100, 0, 120, 90), "scale=120:90");
    const auto bottom = compare(f, main_, 1.5, QRect(80, 90, 160, 90), "scale=160:90");
    const QByteArray bar = region(f, kW, 0, 0, 90, 90); // left of the bars: black
    int lit = 0;
    for (const char c : bar)
        lit += quint8(c) > 40;
    const QString got = QStringLiteral("other %1 main %2 dB, %3 lit in the bar")
                            .arg(top.first)
                            .arg(bottom.first)
                            .arg(lit);
    qInfo().noquote() << got;
    QVERIFY2(top.first > 20 && bottom.first > 20 && lit < 20, qPrintable(got));
    QVERIFY2(toneDb(out, 440, 0.5, 2.5) > -30 && toneDb(out, 1000, 0.5, 2.5) < -50,
             "the main clip's sound");
}

// In the bottom-right corner, 38.75% of the width with a white frame, over [1 s, 2 s) only.
void TstLayouts::pictureInPicture()
{
    LayoutOptions o;
    o.widthPercent = 38.75;
    o.borderPx = 12; // 2 px at 180
    o.startMs = 1000;
    o.durationMs = 1000;
    const EditResult r = addLayout(twoClips(), kOther, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QString out = render(r.draft, "pip.mp4");
    QVERIFY(!out.isEmpty());
    // 38.8% of 320 = 124 with the frame: the picture 120 wide, 4:3 -> 120x90; margin 10.
    const QRect box(320 - 10 - 2 - 120, 180 - 10 - 2 - 90, 120, 90);
    const QByteArray f = rgbFrame(out, 1.5);
    const auto inset = compare(f, other_, 1.5, box, "scale=120:90");
    const QByteArray card = rgbFrame(main_, 1.5);
    const double rest = test::psnr(region(f, kW, 0, 0, 160, 80), region(card, kW, 0, 0, 160, 80));
    const QByteArray frameLine = region(f, kW, box.x() - 1, box.y() + 10, 1, 60);
    int white = 0;
    for (const char c : frameLine)
        white += quint8(c) > 220;
    const double before = test::psnr(rgbFrame(out, 0.5), rgbFrame(main_, 0.5));
    const double under = test::psnr(region(f, kW, box.x(), box.y(), box.width(), box.height()),
                                    region(card, kW, box.x(), box.y(), box.width(), box.height()));
    const QString got =
        QStringLiteral("inset %1 (the card there %2) rest %3 before %4 dB, frame %5")
            .arg(inset.first)
            .arg(under)
            .arg(rest)
            .arg(before)
            .arg(white);
    qInfo().noquote() << got;
    QVERIFY2(inset.first > 20 && inset.first > under + 8 && rest > 20 && before > 20 && white > 150,
             qPrintable(got));
    QVERIFY2(toneDb(out, 440, 0.2, 2.8) > -30, "the main clip's sound goes on");
}

void TstLayouts::preview()
{
    const EditResult r = addLayout(twoClips(), kOther, split("h", "crop", "main"));
    QVERIFY(r.ok);
    QHash<QString, RenderInput> inputs = inputs_;
    RenderInput in = inputs.value("m1");
    QString error;
    QVERIFY2(test::makeProxies(&in, dir_, &error), qPrintable(error));
    inputs.insert("m1", in);
    const RenderPreset pp = RenderPreset::byName(QStringLiteral("preview"));
    const QHash<QString, SmartSource> proxies{{"m1", probeSmartSource(in.proxyVideo)}};
    const PreviewPlan plan = planPreview(r.draft, inputs, proxies, pp);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    const QString out = dir_.filePath("preview.mov");
    QVERIFY(QDir().mkpath(dir_.filePath("pwork")));
    const RunResult run =
        runPreviewAssembly(r.draft, inputs, pp, out, dir_.filePath("pwork"), {}, nullptr);
    QVERIFY2(run.ok, qPrintable(run.error));
    const QByteArray f = rgbFrame(out, 1.5, QStringLiteral("scale=320:180"));
    const auto right = compare(f, other_, 1.5, QRect(160, 0, 160, 180),
                               "scale=160:180:force_original_aspect_ratio=increase,crop=160:180");
    qInfo("preview: other %.1f dB (stretched %.1f)", right.first, right.second);
    QVERIFY(right.first > 20 && right.first > right.second + 8);
}

void TstLayouts::handOff()
{
    const EditResult r = addLayout(twoClips(), kOther, LayoutOptions{});
    QVERIFY(r.ok);
    const QList<interchange::SourceMedia> media{{"m1", main_, "card.mp4", kClipMs, kW, kH, 30},
                                                {"m2", other_, "bars.mp4", kClipMs, 240, 180, 30}};
    QString error;
    const QByteArray mlt = interchange::write(interchange::Format::Mlt, r.draft, media, &error);
    QVERIFY2(!mlt.isEmpty(), qPrintable(error));
    QVERIFY(mlt.contains("bars.mp4 (picture-in-picture, bottom_right)"));
    for (const interchange::Format f : {interchange::Format::Fcpxml, interchange::Format::Otio})
        QVERIFY(
            interchange::write(f, r.draft, media).contains("(picture-in-picture, bottom_right)"));
    const EditResult side = addLayout(twoClips(), kOther, split("h", "crop", "main"));
    QVERIFY(side.ok);
    QVERIFY(interchange::write(interchange::Format::Mlt, side.draft, media)
                .contains("bars.mp4 (split screen, side by side)"));
}

// The normal render of a whole-length side-by-side against one hand-written ffmpeg command
// doing the same with the same encoders, on 10 s 720p clips (a 16:9 card, 4:3 bars), best of
// two runs each. The bar is 1.15x; the check allows more for a loaded test machine.
void TstLayouts::speedAgainstFfmpeg()
{
    const QString card = dir_.filePath(QStringLiteral("card720.mp4"));
    const QString bars = dir_.filePath(QStringLiteral("bars720.mp4"));
    for (const auto& [src, file] :
         {std::pair<const char*, QString>{"testsrc=s=1280x720:r=30:d=10", card},
          std::pair<const char*, QString>{"smptebars=s=960x720:r=30:d=10", bars}})
        QVERIFY(
            test::runFfmpeg({"-f", "lavfi", "-i", src, "-f", "lavfi", "-i",
                             "sine=f=440:d=10:sample_rate=48000", "-c:v", "libx264", "-preset",
                             "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", file}));
    constexpr qint64 kLong = 10000;
    const Draft d = test::draftOf({test::track(
        "v1", 0, "Video",
        {test::seg("s1", "c1", 0, 0, kLong), test::seg("s2", "c2", kLong, 0, kLong)})});
    const MediaRef ref{"c2", "bars720.mp4", "video", kLong, true, true};
    const EditResult r = addLayout(d, ref, split("h", "crop", "main"));
    QVERIFY(r.ok);
    const QHash<QString, RenderInput> inputs{{"c1", RenderInput{card, true, true, kLong, false}},
                                             {"c2", RenderInput{bars, true, true, kLong, false}}};
    RenderPreset p = test::smallPreset();
    p.width = 1280;
    p.height = 720;
    const QString out = dir_.filePath("bench.mp4");
    const RenderCommand cmd = buildRenderCommand(r.draft, inputs, p, out, dir_.path(), {});
    QVERIFY2(cmd.error.isEmpty(), qPrintable(cmd.error));
    const QStringList hand =
        QStringList{"-y",
                    "-i",
                    card,
                    "-i",
                    bars,
                    "-filter_complex",
                    "[0:v]crop=640:720[l];[1:v]scale=640:720:force_original_aspect_ratio="
                    "increase,crop=640:720[r];[l][r]hstack,format=yuv420p[v]",
                    "-map",
                    "[v]",
                    "-map",
                    "0:a"} +
        render::x264Args(p) + render::aacArgs(p.audioBitrateK) +
        QStringList{dir_.filePath("hand.mp4")};
    qint64 ours = -1;
    qint64 theirs = -1;
    for (int run = 0; run < 2; ++run) {
        QElapsedTimer t;
        t.start();
        QVERIFY(runFfmpeg(cmd, out, {}, nullptr).ok);
        ours = ours < 0 ? t.elapsed() : std::min(ours, t.elapsed());
        t.restart();
        QVERIFY(test::runFfmpeg(hand));
        theirs = theirs < 0 ? t.elapsed() : std::min(theirs, t.elapsed());
    }
    const double ratio = double(ours) / double(std::max<qint64>(1, theirs));
    qInfo("side by side 1280x720 10 s: engine %lld ms, hand-written ffmpeg %lld ms, ratio %.2f",
          ours, theirs, ratio);
    QVERIFY2(ratio < 1.6, "far slower than ffmpeg alone");
}

QTEST_GUILESS_MAIN(TstLayouts)
#include "tst_layouts.moc"
