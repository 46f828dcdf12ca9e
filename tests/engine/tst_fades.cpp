// Fades (edit/Fades.h) from the operation to the pixels and samples: setFade's rules, then a
// generated 4 s grey clip with a tone, faded and rendered by the normal render, the smart
// render, the preview assembly and the viewer's frame, measured frame by frame (mean luma of
// a 32x18 grey picture) and in 100 ms windows of sound (RMS).
#include "edit/Fades.h"
#include "render/FfmpegRunner.h"
#include "render/PreviewAssembly.h"
#include "render/PreviewMedia.h"
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
constexpr double kGrey = 128; // color=gray's luma

Draft clips(int count)
{
    const qint64 d = kClipMs / count;
    QList<Segment> sg;
    for (int i = 0; i < count; ++i)
        sg << test::seg(QStringLiteral("s%1").arg(i + 1), "m1", i * d, i * d, d);
    return test::draftOf({test::track("v1", 0, "Video", sg)});
}

Draft must(const EditResult& r)
{
    if (!r.ok)
        qWarning() << "setFade failed:" << r.error;
    return r.draft;
}

FadeOptions fade(bool in, qint64 ms = -1, const QString& color = {}, int clip = -2,
                 const QString& target = {})
{
    FadeOptions o;
    o.in = in;
    o.durationMs = ms;
    o.color = color;
    o.clip = clip;
    o.target = target;
    return o;
}

} // namespace

class TstFades : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString source_;
    QHash<QString, RenderInput> inputs_;

    QString normalRender(const Draft& d, const QString& name)
    {
        return test::renderOrWarn(d, inputs_, dir_, name);
    }

    // In 0..1: how far frame `f` of `l` is from black (16) towards the clip's grey.
    static double level(const QList<double>& l, int f) { return (l.value(f) - 16) / (kGrey - 16); }

private Q_SLOTS:
    void initTestCase();
    void rules();
    void splitKeepsEachFadeOnItsEnd();
    void wholeVideo();
    void withLoudness();
    void smartMatchesNormal();
    void oneClip();
    void previewAndFrame();
};

void TstFades::initTestCase()
{
    QVERIFY(dir_.isValid());
    source_ = dir_.filePath(QStringLiteral("grey.mp4"));
    QString error;
    QVERIFY2(
        test::runFfmpeg({"-f",       "lavfi",   "-i",         "color=c=gray:s=320x180:r=30:d=4",
                         "-f",       "lavfi",   "-i",         "sine=f=440:d=4:sample_rate=48000",
                         "-c:v",     "libx264", "-profile:v", "high",
                         "-pix_fmt", "yuv420p", "-g",         "30",
                         "-c:a",     "aac",     "-shortest",  source_},
                        &error),
        qPrintable(error));
    inputs_.insert(QStringLiteral("m1"), RenderInput{source_, true, true, kClipMs, false});
}

void TstFades::rules()
{
    const Draft one = clips(1);
    Draft d = must(setFade(one, fade(true)));
    QCOMPARE(d.m.value("fade_in").toObject().value("d").toInteger(), kDefaultFadeMs);
    QCOMPARE(d.m.value("fade_in").toObject().value("color").toString(), QString("black"));
    QVERIFY(!d.m.contains("fade_out"));

    // Longer than half the video: half, and said.
    EditResult r = setFade(one, fade(false, 3000, "white"));
    QVERIFY(r.ok);
    QCOMPARE(r.details.value("duration_ms").toInteger(), kClipMs / 2);
    QVERIFY(r.details.value("clamped").toBool());
    QCOMPARE(r.draft.m.value("fade_out").toObject().value("color").toString(), QString("white"));

    // The sound only; then removed; removing again changes nothing and says so.
    d = must(setFade(one, fade(true, 500, {}, -2, "sound")));
    QCOMPARE(d.m.value("fade_in").toObject().value("color").toString(), QString("none"));
    d = must(setFade(d, fade(true, 0)));
    QVERIFY(!d.m.contains("fade_in"));
    r = setFade(d, fade(true, 0));
    QVERIFY(!r.ok);
    QVERIFY(r.error.contains("no fade-in"));

    // A clip: its own fade, limited by its length; a clip that does not exist is an error.
    d = must(setFade(clips(2), fade(true, 5000, {}, 1)));
    QCOMPARE(d.t[0].sg[1].m.value("fade_in").toObject().value("d").toInteger(), 1000);
    QVERIFY(!d.t[0].sg[0].m.contains("fade_in"));
    QVERIFY(!d.m.contains("fade_in"));
    d = must(setFade(clips(2), fade(false, 400, {}, -1)));
    QCOMPARE(d.t[0].sg[1].m.value("fade_out").toObject().value("d").toInteger(), 400);
    r = setFade(clips(2), fade(true, 500, {}, 5));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains("no clip 6") && r.error.contains("2 clips"), qPrintable(r.error));

    // The music: none yet is an error; with music the first / last repeat fades.
    r = setFade(one, fade(false, -1, {}, -2, "music"));
    QVERIFY(!r.ok);
    Draft withMusic =
        must(addMusic(one, {"m7", "song.mp3", "audio", 1500, true, false}, MusicOptions{}));
    d = must(setFade(withMusic, fade(false, 700, {}, -2, "music")));
    const Track& music = d.t.last();
    QVERIFY(music.sg.size() >= 3);
    QCOMPARE(music.sg.last().m.value("fo").toInteger(), 500); // half of the last 1 s repeat
    d = must(setFade(withMusic, fade(true, 3000, {}, -2, "music")));
    QCOMPARE(d.t.last().sg.first().m.value("fi").toInteger(), 750); // half of a 1.5 s repeat

    QVERIFY(!setFade(one, fade(true, -1, {}, -2, "picture")).ok);
    QVERIFY(!setFade(Draft{}, fade(true)).ok);
}

void TstFades::splitKeepsEachFadeOnItsEnd()
{
    Draft d = must(setFade(clips(1), fade(true, 500, {}, 0)));
    d = must(setFade(d, fade(false, 500, {}, 0)));
    d = must(splitAt(d, 2000));
    QCOMPARE(d.t[0].sg.size(), 2);
    QVERIFY(d.t[0].sg[0].m.contains("fade_in"));
    QVERIFY(!d.t[0].sg[0].m.contains("fade_out"));
    QVERIFY(!d.t[0].sg[1].m.contains("fade_in"));
    QVERIFY(d.t[0].sg[1].m.contains("fade_out"));
}

void TstFades::wholeVideo()
{
    Draft d = must(setFade(clips(1), fade(true, 1000)));
    d = must(setFade(d, fade(false, 1000, "white")));
    const QString out = normalRender(d, "whole.mp4");
    QVERIFY(!out.isEmpty());
    const QList<double> l = test::frameLumas(out);
    QCOMPARE(l.size(), 120);
    QVERIFY2(l.first() < 20, qPrintable(QString::number(l.first())));
    for (int f = 1; f < 30; ++f) // rising over the fade in, by about 1/30 of the range a frame
        QVERIFY2(l[f] > l[f - 1] + 1, qPrintable(QString("frame %1: %2").arg(f).arg(l[f])));
    QVERIFY2(level(l, 15) > 0.3 && level(l, 15) < 0.6, qPrintable(QString::number(level(l, 15))));
    for (int f = 31; f < 89; ++f) // untouched between the fades
        QVERIFY2(std::abs(l[f] - kGrey) < 3, qPrintable(QString("frame %1: %2").arg(f).arg(l[f])));
    for (int f = 91; f < 120; ++f) // towards white
        QVERIFY2(l[f] > l[f - 1] + 1, qPrintable(QString("frame %1: %2").arg(f).arg(l[f])));
    QVERIFY2(l.last() > 225, qPrintable(QString::number(l.last())));

    // The sound follows: silent at the start, full in the middle, fading out at the end.
    const QList<double> e = test::rmsEnvelope(out);
    QVERIFY(e.size() >= 39);
    const double full = e[20];
    QVERIFY(full > 0.05); // a sine at 1/8 of full scale
    QVERIFY2(e[0] < full * 0.15, qPrintable(QString("%1 vs %2").arg(e[0]).arg(full)));
    for (int w = 1; w < 10; ++w)
        QVERIFY2(e[w] > e[w - 1], qPrintable(QString("window %1").arg(w)));
    QVERIFY2(e[38] < full * 0.25, qPrintable(QString("%1 vs %2").arg(e[38]).arg(full)));
}

void TstFades::withLoudness()
{
    // The sound's fade follows the loudness pass (it was once fed the sound from before it).
    Draft d = must(setFade(clips(1), fade(true, 1000)));
    d.m.insert("loudness_lufs", -14);
    const QString out = normalRender(d, "loud.mp4");
    QVERIFY(!out.isEmpty());
    const QList<double> e = test::rmsEnvelope(out);
    QVERIFY(e.size() >= 39);
    QVERIFY2(e[0] < e[20] * 0.15 && e[20] > 0.05,
             qPrintable(QString("%1 vs %2").arg(e[0]).arg(e[20])));
}

void TstFades::smartMatchesNormal()
{
    Draft d = must(setFade(clips(1), fade(true, 1000)));
    d = must(setFade(d, fade(false, 500)));
    const QHash<QString, SmartSource> sources = probeSmartSources(d, inputs_);
    const SmartPlan plan = planSmartRender(d, inputs_, sources, test::smallPreset());
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    // The faded frames are re-encoded, the GOPs between copied.
    QVERIFY2(
        plan.encodedFrames() >= 45 && plan.copiedFrames() >= 30,
        qPrintable(
            QString("%1 encoded, %2 copied").arg(plan.encodedFrames()).arg(plan.copiedFrames())));
    const QString smart = dir_.filePath("smart.mp4");
    const RunResult rs = runSmartRender(plan, sources, test::smallPreset(), smart,
                                        dir_.filePath("work"), {}, nullptr);
    QVERIFY2(rs.ok, qPrintable(rs.error));
    const QString normal = normalRender(d, "normal.mp4");
    const QList<double> a = test::frameLumas(smart);
    const QList<double> b = test::frameLumas(normal);
    QCOMPARE(a.size(), b.size());
    for (int f = 0; f < a.size(); ++f)
        QVERIFY2(std::abs(a[f] - b[f]) < 3,
                 qPrintable(QString("frame %1: smart %2, normal %3").arg(f).arg(a[f]).arg(b[f])));
    QVERIFY(a.first() < 20 && a.last() < 30);
    const QList<double> ea = test::rmsEnvelope(smart);
    const QList<double> eb = test::rmsEnvelope(normal);
    QVERIFY(ea.size() >= 39 && eb.size() >= 39);
    for (int w : {0, 5, 20, 37})
        QVERIFY2(std::abs(ea[w] - eb[w]) < 0.02,
                 qPrintable(QString("window %1: %2 vs %3").arg(w).arg(ea[w]).arg(eb[w])));
}

void TstFades::oneClip()
{
    // Two clips: the first fades out to black, the second in from black; a dip at the join.
    Draft d = must(setFade(clips(2), fade(false, 500, {}, 0)));
    d = must(setFade(d, fade(true, 500, {}, 1)));
    QString reason;
    QVERIFY(!draftSuitsSmartRender(d, inputs_, test::smallPreset(), &reason));
    QVERIFY2(reason.contains("fades"), qPrintable(reason));
    const QString out = normalRender(d, "clips.mp4");
    QVERIFY(!out.isEmpty());
    const QList<double> l = test::frameLumas(out);
    QCOMPARE(l.size(), 120);
    QVERIFY2(std::abs(l[0] - kGrey) < 3 && std::abs(l[119] - kGrey) < 3, "ends untouched");
    QVERIFY2(l[59] < 25 && l[60] < 25, qPrintable(QString("%1 %2").arg(l[59]).arg(l[60])));
    QVERIFY2(level(l, 52) > 0.25 && level(l, 52) < 0.75 && level(l, 67) > 0.25 &&
                 level(l, 67) < 0.75,
             qPrintable(QString("%1 %2").arg(level(l, 52)).arg(level(l, 67))));
    const QList<double> e = test::rmsEnvelope(out);
    QVERIFY(e.size() >= 39);
    QVERIFY2(e[19] < e[10] * 0.3 && e[20] < e[10] * 0.3, "the sound dips at the join too");
}

void TstFades::previewAndFrame()
{
    Draft d = must(setFade(clips(1), fade(true, 1000)));
    d = must(setFade(d, fade(false, 1000)));
    const QList<double> exported = test::frameLumas(normalRender(d, "export.mp4"));
    QCOMPARE(exported.size(), 120);

    // The viewer's frame at 0:00.5 is as faded as the export's (a full-range JPEG).
    QHash<QString, RenderInput> windowInputs;
    const Draft window = draftWindow(d, 500, 34, inputs_, &windowInputs);
    const QString still = dir_.filePath("still.jpg");
    const RenderCommand cmd =
        frameCommand(window, windowInputs, test::smallPreset(), still, dir_.path());
    QVERIFY2(cmd.error.isEmpty(), qPrintable(cmd.error));
    QString error;
    QVERIFY2(test::runFfmpeg(cmd.args, &error), qPrintable(error));
    const QString reference = dir_.filePath("reference.jpg");
    QVERIFY2(test::runFfmpeg({"-i", dir_.filePath("export.mp4"), "-vf",
                              "select=eq(n\\,15),scale=in_color_matrix=bt709:out_color_matrix="
                              "bt601:out_range=full",
                              "-frames:v", "1", "-c:v", "mjpeg", "-pix_fmt", "yuvj420p", reference},
                             &error),
             qPrintable(error));
    const double y = test::frameLumas(still).value(0);
    const double expected = test::frameLumas(reference).value(0);
    QVERIFY2(std::abs(y - expected) < 8, qPrintable(QString("%1 vs %2").arg(y).arg(expected)));

    // The assembled preview: proxies made as the engine makes them, the faded frames drawn.
    RenderInput in = inputs_.value("m1");
    QVERIFY2(test::makeProxies(&in, dir_, &error), qPrintable(error));
    const QHash<QString, RenderInput> inputs{{"m1", in}};
    const RenderPreset pp = RenderPreset::byName(QStringLiteral("preview"));
    const QHash<QString, SmartSource> proxies{{"m1", probeSmartSource(in.proxyVideo)}};
    const PreviewPlan plan = planPreview(d, inputs, proxies, pp);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    QVERIFY2(plan.copiedFrames() > 0 && plan.copiedFrames() <= 120 - 60,
             qPrintable(QString::number(plan.copiedFrames())));
    const QString preview = dir_.filePath("preview.mov");
    QVERIFY(QDir().mkpath(dir_.filePath("pwork")));
    const RunResult r =
        runPreviewAssembly(d, inputs, pp, preview, dir_.filePath("pwork"), {}, nullptr);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QList<double> l = test::frameLumas(preview);
    QCOMPARE(l.size(), 120);
    for (int f = 0; f < l.size(); ++f)
        QVERIFY2(std::abs(l[f] - exported[f]) < 4,
                 qPrintable(
                     QString("frame %1: preview %2, export %3").arg(f).arg(l[f]).arg(exported[f])));
}

QTEST_GUILESS_MAIN(TstFades)
#include "tst_fades.moc"
