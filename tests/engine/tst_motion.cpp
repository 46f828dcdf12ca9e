// Reverse, freeze frame, loop and zoom (edit/Motion.h) from the operation to the pixels and
// samples. The source is 4 s whose picture brightens steadily (a 4 s fade from black) and
// whose tone swells (its volume follows the time), so a frame's mean luma says which source
// moment it shows and the sound's RMS which way time runs. The zoom source is a white box
// centred on black: the white share of the frame grows with the square of the zoom.
#include "Interchange.h"
#include "edit/Motion.h"
#include "render/PreviewAssembly.h"
#include "render/RenderFilters.h"
#include "render/SmartRender.h"

#include "DraftBuilder.h"
#include "MeasureAudio.h"
#include "RenderFixtures.h"
#include "TestMedia.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr qint64 kClipMs = 4000;

Draft clips(int count, const char* src = "m1")
{
    const qint64 d = kClipMs / count;
    QList<Segment> sg;
    for (int i = 0; i < count; ++i)
        sg << test::seg(QStringLiteral("s%1").arg(i + 1), src, i * d, i * d, d);
    return test::draftOf({test::track("v1", 0, "Video", sg)});
}

Draft must(const EditResult& r)
{
    if (!r.ok)
        qWarning() << "operation failed:" << r.error;
    return r.draft;
}

QList<Segment> byStart(const Track& t)
{
    QList<Segment> s = t.sg;
    std::stable_sort(s.begin(), s.end(),
                     [](const Segment& a, const Segment& b) { return a.st < b.st; });
    return s;
}

QString at(int f, double v, double want)
{
    return QStringLiteral("frame %1: %2, expected %3").arg(f).arg(v).arg(want);
}

} // namespace

class TstMotion : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QHash<QString, RenderInput> inputs_;
    QList<double> source_; // the source's frame lumas

    QString render(const Draft& d, const QString& name)
    {
        return test::renderOrWarn(d, inputs_, dir_, name);
    }

private Q_SLOTS:
    void initTestCase();
    void rules();
    void reverse();
    void freeze();
    void loop();
    void zoom();
    void smartStepsAsideAndPreviewDraws();
    void timers();
    void handOffNamesThem();
};

void TstMotion::initTestCase()
{
    QVERIFY(dir_.isValid());
    const QString ramp = dir_.filePath("ramp.mp4");
    const QString box = dir_.filePath("box.mp4");
    QString error;
    QVERIFY2(test::runFfmpeg(
                 {"-f", "lavfi", "-i", "color=c=white:s=320x180:r=30:d=4,fade=in:0:120", "-f",
                  "lavfi", "-i", "sine=f=440:d=4:sample_rate=48000,volume='t/4':eval=frame", "-c:v",
                  "libx264", "-pix_fmt", "yuv420p", "-g", "30", "-c:a", "aac", "-shortest", ramp},
                 &error),
             qPrintable(error));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i",
                              "color=c=black:s=320x180:r=30:d=4,drawbox=x=120:y=70:w=80:h=40:"
                              "c=white:t=fill",
                              "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-c:v", "libx264",
                              "-pix_fmt", "yuv420p", "-g", "30", "-c:a", "aac", "-t", "4", box},
                             &error),
             qPrintable(error));
    inputs_.insert(QStringLiteral("m1"), RenderInput{ramp, true, true, kClipMs, false});
    inputs_.insert(QStringLiteral("m2"), RenderInput{box, true, true, kClipMs, false});
    source_ = test::frameLumas(render(clips(1), "plain.mp4"));
    QCOMPARE(source_.size(), 120);
    QVERIFY2(source_.last() - source_.first() > 150, "the source brightens");
}

void TstMotion::rules()
{
    // Reverse a stretch over two clips: split at its edges, the pieces in the opposite order,
    // each marked; reversing again restores the plain draft's source times.
    Draft d = must(reverseRange(clips(2), 1000, 3000));
    QList<Segment> s = byStart(d.t[0]);
    QCOMPARE(s.size(), 4);
    QCOMPARE(s[1].st, 1000);
    QCOMPARE(s[1].in, 2000); // the second clip's part now plays first
    QVERIFY(s[1].m.value("reverse").toBool() && s[2].m.value("reverse").toBool());
    QVERIFY(!s[0].m.contains("reverse") && !s[3].m.contains("reverse"));
    // A reversed piece split in two: the first part shows the later source.
    const Draft split = must(splitAt(d, 1500));
    const QList<Segment> parts = byStart(split.t[0]);
    QCOMPARE(parts[1].in, 2500);
    QCOMPARE(parts[2].in, 2000);
    const EditResult tooLong = reverseRange(
        test::draftOf({test::track("v1", 0, "Video", {test::seg("s1", "m1", 0, 0, 60000)})}), 0, 0);
    QVERIFY(!tooLong.ok);
    QVERIFY2(tooLong.error.contains("15 seconds"), qPrintable(tooLong.error));

    // Freeze at 0:00.5 for 1 s: a held piece on the frame shown then, what follows 1 s later
    // (a title after it too); at -1 the last frame.
    Draft titled = clips(2);
    titled.t << test::track("x1", int(TrackType::Text), "Titles",
                            {test::seg("t1", {}, 3000, 0, 500, {{"text", "Bye"}})});
    d = must(freezeFrame(titled, 500, 1000));
    s = byStart(d.t[0]);
    QCOMPARE(s.size(), 4);
    QVERIFY(isFreezeSegment(s[1]));
    QCOMPARE(s[1].in, 500);
    QCOMPARE(s[1].d, 1000);
    QCOMPARE(s[2].st, 1500);
    QCOMPARE(s[2].in, 500);
    QCOMPARE(d.t[1].sg[0].st, 4000);
    QCOMPARE(d.computedDuration(), 5000);
    d = must(freezeFrame(clips(1), -1, 2000));
    s = byStart(d.t[0]);
    QCOMPARE(s.last().st, 4000);
    QVERIFY(s.last().in >= 3960 && s.last().in < 4000);
    QVERIFY(!freezeFrame(clips(1), 9000, 1000).ok);
    QVERIFY(!freezeFrame(clips(1), 0, 90000).ok);

    // Loop: the whole video three times, or the second clip twice in place.
    d = must(loopVideo(clips(2), 3));
    QCOMPARE(d.computedDuration(), 12000);
    QCOMPARE(d.t[0].sg.size(), 6);
    d = must(loopVideo(titled, 2, 0));
    s = byStart(d.t[0]);
    QCOMPARE(s.size(), 3);
    QCOMPARE(s[1].st, 2000);
    QCOMPARE(s[1].in, 0);
    QCOMPARE(s[2].st, 4000);
    QCOMPARE(s[2].in, 2000);
    QCOMPARE(d.t[1].sg[0].st, 5000); // the title after the clip moved with it
    QVERIFY(!loopVideo(clips(1), 1).ok);
    QVERIFY(!loopVideo(clips(1), 3, 4).ok);
    d = must(loopVideo(clips(2), 2, -1)); // the last clip
    s = byStart(d.t[0]);
    QCOMPARE(s.size(), 3);
    QCOMPARE(s[2].st, 4000);
    QCOMPARE(s[2].in, 2000);

    // Zoom: a steady punch-in on a stretch; a gradual one keeps its course across a split.
    d = must(zoomRange(clips(1), 1000, 2000, 1.5, false));
    s = byStart(d.t[0]);
    QCOMPARE(s.size(), 3);
    QCOMPARE(s[1].m.value("zoom").toObject().value("z0").toDouble(), 1.5);
    d = must(zoomRange(clips(2), 0, 4000, 2.0, true));
    s = byStart(d.t[0]);
    QCOMPARE(s[0].m.value("zoom").toObject().value("z1").toDouble(), 1.5);
    QCOMPARE(s[1].m.value("zoom").toObject().value("z0").toDouble(), 1.5);
    const Draft zsplit = must(splitAt(d, 1000));
    QCOMPARE(byStart(zsplit.t[0])[1].m.value("zoom").toObject().value("z0").toDouble(), 1.25);
    d = must(zoomRange(d, 0, 0, 1.0, false));
    QVERIFY(!d.t[0].sg[0].m.contains("zoom"));
    QVERIFY(!zoomRange(clips(1), 0, 0, 9, false).ok);
}

void TstMotion::reverse()
{
    const QString out = render(must(reverseRange(clips(1), 0, 0)), "reverse.mp4");
    const QList<double> l = test::frameLumas(out);
    QCOMPARE(l.size(), 120);
    for (int f = 0; f < 120; f += 7)
        QVERIFY2(std::abs(l[f] - source_[119 - f]) < 4, qPrintable(at(f, l[f], source_[119 - f])));
    // The sound runs backwards too: loud at the start, fading.
    const QList<double> e = test::rmsEnvelope(out);
    QVERIFY(e.size() >= 38);
    QVERIFY2(e[2] > 3 * e[35], qPrintable(QString("%1 vs %2").arg(e[2]).arg(e[35])));

    // Only 1-2 s of two clips: before and after untouched.
    const QList<double> part =
        test::frameLumas(render(must(reverseRange(clips(2), 1000, 2000)), "part.mp4"));
    QCOMPARE(part.size(), 120);
    for (int f : {5, 29, 60, 100})
        QVERIFY2(std::abs(part[f] - source_[f]) < 4, qPrintable(at(f, part[f], source_[f])));
    for (int f : {30, 45, 59})
        QVERIFY2(std::abs(part[f] - source_[89 - f]) < 4,
                 qPrintable(at(f, part[f], source_[89 - f])));
}

void TstMotion::freeze()
{
    const QString out = render(must(freezeFrame(clips(1), 2000, 1000)), "freeze.mp4");
    const QList<double> l = test::frameLumas(out);
    QCOMPARE(l.size(), 150);
    for (int f = 60; f < 90; ++f) // the frame at 0:02 held
        QVERIFY2(std::abs(l[f] - source_[60]) < 3, qPrintable(at(f, l[f], source_[60])));
    for (int f : {10, 59, 90, 120, 149}) // before as it was, after a second later
        QVERIFY2(std::abs(l[f] - source_[f < 60 ? f : f - 30]) < 4,
                 qPrintable(at(f, l[f], source_[f < 60 ? f : f - 30])));
    const QList<double> e = test::rmsEnvelope(out);
    QVERIFY(e.size() >= 48);
    QVERIFY2(e[25] < 0.005 && e[18] > 0.02 && e[32] > 0.02,
             qPrintable(QString("%1 %2 %3").arg(e[18]).arg(e[25]).arg(e[32])));

    const QList<double> last =
        test::frameLumas(render(must(freezeFrame(clips(1), -1, 1000)), "last.mp4"));
    QCOMPARE(last.size(), 150);
    for (int f = 119; f < 150; ++f)
        QVERIFY2(std::abs(last[f] - source_[119]) < 3, qPrintable(at(f, last[f], source_[119])));
}

void TstMotion::loop()
{
    const QList<double> l = test::frameLumas(render(must(loopVideo(clips(1), 3)), "loop.mp4"));
    QCOMPARE(l.size(), 360);
    for (int f = 0; f < 360; f += 11)
        QVERIFY2(std::abs(l[f] - source_[f % 120]) < 4, qPrintable(at(f, l[f], source_[f % 120])));
}

void TstMotion::zoom()
{
    // The box covers 80x40 of 320x180 (5.6%): a 1.5x punch-in over 1-2 s makes it 2.25 times
    // as large there, a gradual 2x zoom grows it steadily to 4 times by the end.
    auto white = [](double luma) { return luma / 255; }; // the grey pictures are full range
    const QList<double> l = test::frameLumas(
        render(must(zoomRange(clips(1, "m2"), 1000, 2000, 1.5, false)), "punch.mp4"));
    QCOMPARE(l.size(), 120);
    const double base = white(l[10]);
    QVERIFY2(base > 0.04 && base < 0.08, qPrintable(QString::number(base)));
    for (int f : {30, 45, 59})
        QVERIFY2(std::abs(white(l[f]) / base - 2.25) < 0.2,
                 qPrintable(QString("frame %1: %2x").arg(f).arg(white(l[f]) / base)));
    QVERIFY(std::abs(white(l[70]) / base - 1) < 0.1);

    const QList<double> g =
        test::frameLumas(render(must(zoomRange(clips(1, "m2"), 0, 0, 2.0, true)), "gradual.mp4"));
    QCOMPARE(g.size(), 120);
    QVERIFY2(std::abs(white(g[0]) / base - 1) < 0.1,
             qPrintable(QString::number(white(g[0]) / base)));
    QVERIFY2(std::abs(white(g[119]) / base - 4) < 0.5,
             qPrintable(QString::number(white(g[119]) / base)));
    for (int f = 10; f < 120; f += 10) // growing all the way, no step back (no jitter)
        QVERIFY2(g[f] > g[f - 10], qPrintable(at(f, g[f], g[f - 10])));
}

void TstMotion::smartStepsAsideAndPreviewDraws()
{
    for (const Draft& d :
         {must(reverseRange(clips(2), 1000, 2000)), must(freezeFrame(clips(1), 1000, 500)),
          must(zoomRange(clips(1), 0, 0, 1.5, false))}) {
        QString reason;
        QVERIFY(!draftSuitsSmartRender(d, inputs_, test::smallPreset(), &reason));
        QVERIFY2(reason.contains("sets"), qPrintable(reason));
    }
    // The assembled preview draws the reversed stretch as the export shows it.
    const Draft d = must(reverseRange(clips(2), 1000, 2000));
    const QList<double> exported = test::frameLumas(render(d, "export.mp4"));
    RenderInput in = inputs_.value("m1");
    QString error;
    QVERIFY2(test::makeProxies(&in, dir_, &error), qPrintable(error));
    const QHash<QString, RenderInput> inputs{{"m1", in}};
    const RenderPreset pp = RenderPreset::byName(QStringLiteral("preview"));
    const QString preview = dir_.filePath("preview.mov");
    QVERIFY(QDir().mkpath(dir_.filePath("pwork")));
    const RunResult r =
        runPreviewAssembly(d, inputs, pp, preview, dir_.filePath("pwork"), {}, nullptr);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QList<double> l = test::frameLumas(preview);
    QCOMPARE(l.size(), 120);
    for (int f = 0; f < 120; f += 5)
        QVERIFY2(std::abs(l[f] - exported[f]) < 5, qPrintable(at(f, l[f], exported[f])));
}

// A countdown's and a timecode's digits are those of the time: each grabbed frame is nearest to
// the same drawtext with the expected digits as plain text, drawn on the plain render, among
// the digits of the seconds around it.
void TstMotion::timers()
{
    auto withText = [&](const QString& style, qint64 st, qint64 d) {
        TextOptions o;
        o.style = style;
        o.text = style;
        o.startMs = st;
        o.durationMs = d;
        return must(addText(clips(1), o));
    };
    const QString plain = render(clips(1), "plain-ramp.mp4");
    QVERIFY(!plain.isEmpty());
    // The middle of the picture (the countdown's place) and the top right (the timecode's).
    auto grab = [](const QString& file, double at) -> QByteArray {
        return test::greyFrame(file, at, QStringLiteral("iw/2:ih/3:iw/4:ih/3"), 160, 60) +
               test::greyFrame(file, at, QStringLiteral("iw/2:ih/3:iw/2:0"), 160, 60);
    };
    // The segment's drawtext showing `digits` without expansion, over the plain render.
    auto reference = [&](const Segment& s, const QString& digits, double at) {
        const QString textFile = dir_.filePath("digits.txt");
        QFile f(textFile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(digits.toUtf8()) < 0)
            return QByteArray();
        f.close();
        const QString filter =
            render::drawtext(s, test::smallPreset(), defaultFontFile(), textFile)
                .replace(QStringLiteral("expansion=normal"), QStringLiteral("expansion=none"));
        const QString out =
            dir_.filePath(QStringLiteral("ref-%1.mp4").arg(QString(digits).remove(':')));
        QString error;
        if (!test::runFfmpeg({"-i", plain, "-vf", filter, "-c:v", "libx264", "-preset", "ultrafast",
                              "-crf", "18", out},
                             &error))
            qWarning() << error;
        return grab(out, at);
    };
    auto nearest = [&](const Segment& s, const QByteArray& shown, double at,
                       const QStringList& candidates) {
        QString best;
        double bestDiff = 1e9;
        for (const QString& c : candidates) {
            const double diff = test::meanAbsDiff(shown, reference(s, c, at));
            if (diff < bestDiff) {
                bestDiff = diff;
                best = c;
            }
        }
        return best;
    };

    // A 3 s countdown from 0:01 shows 3, 2, 1; nothing before it starts.
    const Draft countdown = withText("countdown", 1000, 3000);
    const Segment cs = countdown.t.last().sg.last();
    const QString out = render(countdown, "countdown.mp4");
    QVERIFY(!out.isEmpty());
    QVERIFY2(test::meanAbsDiff(grab(out, 0.5), grab(plain, 0.5)) < 0.5, "nothing before it");
    const QList<QPair<double, QString>> expected{{1.5, "3"}, {2.5, "2"}, {3.5, "1"}};
    for (const auto& e : expected) {
        const QByteArray shown = grab(out, e.first);
        const double drawn = test::meanAbsDiff(shown, grab(plain, e.first));
        QVERIFY2(drawn > 1, qPrintable(QString::number(drawn)));
        QCOMPARE(nearest(cs, shown, e.first, {"1", "2", "3", "4"}), e.second);
    }
    // A running timecode to the end reads 00:00:02 at 2.5 s.
    const Draft timecode = withText("timecode", 0, -1);
    const Segment ts = timecode.t.last().sg.last();
    QCOMPARE(ts.d, kClipMs);
    const QString tc = render(timecode, "timecode.mp4");
    QCOMPARE(nearest(ts, grab(tc, 2.5), 2.5, {"00:00:01", "00:00:02", "00:00:03"}),
             QString("00:00:02"));
}

// No hand-off format carries these: every one names the clip and what was done to it.
void TstMotion::handOffNamesThem()
{
    Draft d = must(reverseRange(clips(2), 0, 2000));
    d = must(zoomRange(d, 2000, 4000, 1.5, false));
    d = must(freezeFrame(d, -1, 1000));
    const QList<interchange::SourceMedia> media{{QStringLiteral("m1"), inputs_.value("m1").path,
                                                 QStringLiteral("ramp.mp4"), kClipMs, 320, 180,
                                                 30}};
    for (const interchange::Format f : {interchange::Format::Fcpxml, interchange::Format::Mlt,
                                        interchange::Format::Otio, interchange::Format::Edl}) {
        QString error;
        const QString out = QString::fromUtf8(interchange::write(f, d, media, &error));
        QVERIFY2(!out.isEmpty(), qPrintable(error));
        for (const char* said : {"played backwards", "a held frame", "zoomed 1.5x to 1.5x"})
            QVERIFY2(
                out.contains(QLatin1String(said), Qt::CaseInsensitive),
                qPrintable(interchange::extension(f) + QLatin1Char(' ') + QLatin1String(said)));
    }
}

QTEST_GUILESS_MAIN(TstMotion)
#include "tst_motion.moc"
