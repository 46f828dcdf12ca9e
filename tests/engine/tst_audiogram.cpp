// Audiograms (edit/Audiogram.h, render/RenderAudiogram.cpp) from the setting to the pixels.
// The sound is generated with known loud and silent stretches (a tone 0-2 s, silence 2-4 s, a
// tone 4-6 s); the export goes through the engine's own render dispatch (renderDraft, where the
// smart render and the preview assembly must step aside) and is measured: ffprobe size and
// length, decoded frames (the waveform band differs between a loud and a silent moment, the
// waveform's colour is in it, the background is the asked colour or picture, the progress bar's
// width at 25/50/75% of the length). The operation is tabled, with bad input refused and a
// hand-edited setting that could carry filter syntax never reaching the graph.
#include "edit/Audiogram.h"
#include "edit/ProgressBar.h"
#include "render/PreviewAssembly.h"
#include "render/PreviewMedia.h"
#include "render/RenderAudiogram.h"
#include "render/RenderDraft.h"
#include "render/SmartRender.h"

#include "ApiError.h"
#include "DraftBuilder.h"
#include "TestMedia.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr qint64 kSoundMs = 6000;

struct Rgb {
    int r, g, b;
};

// One decoded frame at `sec` as rgb24 (a still picture: sec 0, no seek).
QByteArray frameAt(const QString& file, double sec, int w, int h)
{
    QStringList args{"-v", "error"};
    if (sec > 0)
        args << "-ss" << QString::number(sec, 'f', 3);
    QProcess p;
    p.start(QStringLiteral("ffmpeg"), args + QStringList{"-i", file, "-frames:v", "1", "-f",
                                                         "rawvideo", "-pix_fmt", "rgb24", "-"});
    p.waitForFinished(60000);
    const QByteArray out = p.readAllStandardOutput();
    return out.size() == w * h * 3 ? out : QByteArray();
}

Rgb pixel(const QByteArray& f, int w, int x, int y)
{
    const int i = (y * w + x) * 3;
    return {uchar(f[i]), uchar(f[i + 1]), uchar(f[i + 2])};
}

bool near(const Rgb& a, const Rgb& b, int tolerance)
{
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

Rgb hexRgb(const QString& hex)
{
    return {hex.mid(1, 2).toInt(nullptr, 16), hex.mid(3, 2).toInt(nullptr, 16),
            hex.mid(5, 2).toInt(nullptr, 16)};
}

struct Band {
    double meanDiff = 0;    // mean absolute difference of two frames inside the band
    double colourShare = 0; // share of the first frame's band pixels in the waveform colour
};

Band band(const QByteArray& a, const QByteArray& b, int w, int h, const Rgb& colour)
{
    const int bw = int(w * 0.9) / 2 * 2;
    const int bh = int(std::min(h * 0.4, w * 0.5)) / 2 * 2;
    const int x0 = (w - bw) / 2, y0 = (h - bh) / 2;
    Band out;
    qint64 n = 0, coloured = 0;
    double sum = 0;
    for (int y = y0; y < y0 + bh; ++y)
        for (int x = x0; x < x0 + bw; ++x) {
            const Rgb p = pixel(a, w, x, y), q = pixel(b, w, x, y);
            sum += (std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b)) / 3.0;
            coloured += near(p, colour, 40);
            ++n;
        }
    out.meanDiff = sum / double(n);
    out.colourShare = double(coloured) / double(n);
    return out;
}

// Columns of row y in `colour`: the progress bar's width.
int colouredWidth(const QByteArray& f, int w, int y, const Rgb& colour)
{
    int n = 0;
    for (int x = 0; x < w; ++x)
        n += near(pixel(f, w, x, y), colour, 40);
    return n;
}

QJsonObject setting(const QString& style, bool progress)
{
    return {
        {"style", style}, {"color", "#ffd60a"}, {"background", "#1c3f94"}, {"progress", progress}};
}

Draft podcast(int w, int h, const QJsonObject& audiogram)
{
    Draft d = test::draftOf(
        {test::track("v1", int(TrackType::Video), {test::seg("s1", "pod", 0, 0, kSoundMs)})});
    d.m = QJsonObject{{"width", w}, {"height", h}, {"fps", 30}};
    if (!audiogram.isEmpty())
        d.m.insert("audiogram", audiogram);
    return d;
}

QHash<QString, MediaRef> mediaOf(bool withVideo = false)
{
    QHash<QString, MediaRef> m;
    m.insert("pod", MediaRef{"pod", "podcast.wav", "audio", kSoundMs, true, false});
    m.insert("img", MediaRef{"img", "cover.png", "image", 0, false, true});
    if (withVideo)
        m.insert("vid", MediaRef{"vid", "talk.mp4", "video", kSoundMs, true, true});
    return m;
}

} // namespace

class TstAudiogram : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QHash<QString, RenderInput> m_inputs;

    QString render(const Draft& d, const QString& name)
    {
        RenderPreset p = RenderPreset::byName(QStringLiteral("1080p"));
        p.x264Preset = QStringLiteral("ultrafast");
        const QString out = m_dir.filePath(name);
        bool smart = true;
        const RunResult r = renderDraft(d, m_inputs, p, out, m_dir.path(), {}, nullptr, &smart);
        if (!r.ok)
            qWarning() << r.error;
        if (smart)
            qWarning() << "the smart render took an audiogram";
        return r.ok && !smart ? out : QString();
    }

private Q_SLOTS:
    void initTestCase();
    void operation();
    void badInput();
    void filterReadsOnlyValidValues();
    void stepsAside();
    void wave16x9();
    void bars9x16();
    void pictureBackground();
    void preview();
    void titleAndLogoOnTop();
    void barOverFootage();
};

void TstAudiogram::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    const QString pod = m_dir.filePath("podcast.wav");
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "sine=f=440:d=2,volume=6", "-f", "lavfi", "-i",
                              "anullsrc=r=48000:cl=mono:d=2", "-f", "lavfi", "-i",
                              "sine=f=660:d=2,volume=6", "-filter_complex",
                              "[0][1][2]concat=n=3:v=0:a=1,aresample=48000", "-ac", "2", pod},
                             &error),
             qPrintable(error));
    const QString img = m_dir.filePath("cover.png");
    QVERIFY2(
        test::runFfmpeg({"-f", "lavfi", "-i", "color=c=0xc02020:s=400x300", "-frames:v", "1", img},
                        &error),
        qPrintable(error));
    RenderInput sound{pod, false, true, kSoundMs};
    m_inputs.insert("pod", sound);
    RenderInput picture{img, true, false, 0};
    picture.isImage = true;
    picture.matrix = QStringLiteral("bt470bg");
    m_inputs.insert("img", picture);
    const QString logo = m_dir.filePath("logo.png");
    QVERIFY2(
        test::runFfmpeg({"-f", "lavfi", "-i", "color=c=0x20c040:s=200x200", "-frames:v", "1", logo},
                        &error),
        qPrintable(error));
    picture.path = logo;
    m_inputs.insert("logo", picture);
}

void TstAudiogram::operation()
{
    const Draft d = podcast(1280, 720, {});
    EditResult r = setAudiogram(d, {{"color", "yellow"}, {"background", "dark blue"}}, mediaOf());
    QVERIFY2(r.ok, qPrintable(r.error));
    QJsonObject a = r.draft.m.value("audiogram").toObject();
    QCOMPARE(a.value("style").toString(), QString("wave"));
    QCOMPARE(a.value("color").toString(), QString("#ffd60a"));
    QCOMPARE(a.value("background").toString(), QString("#1c3f94"));
    QCOMPARE(a.value("progress").toBool(), false);
    // A later request changes only what it names.
    r = setAudiogram(r.draft, {{"progress", true}, {"style", "Bars"}}, mediaOf());
    QVERIFY(r.ok);
    a = r.draft.m.value("audiogram").toObject();
    QCOMPARE(a.value("style").toString(), QString("bars"));
    QCOMPARE(a.value("color").toString(), QString("#ffd60a"));
    QCOMPARE(a.value("progress").toBool(), true);
    QCOMPARE(r.details.value("changed").toArray().size(), 2);
    r = setAudiogram(r.draft, {{"background_media", "img"}}, mediaOf());
    QVERIFY(r.ok);
    QCOMPARE(r.draft.m.value("audiogram").toObject().value("bg_media").toString(), QString("img"));
    QCOMPARE(audiogramOf(r.draft.m)->backgroundMedia, QString("img"));
    // A colour asked for afterwards replaces the picture.
    r = setAudiogram(r.draft, {{"background", "#000"}}, mediaOf());
    QVERIFY(r.ok);
    QVERIFY(!r.draft.m.value("audiogram").toObject().contains("bg_media"));
    QCOMPARE(audiogramOf(r.draft.m)->background, QString("#000000"));

    r = removeAudiogram(r.draft);
    QVERIFY(r.ok);
    QVERIFY(!r.draft.m.contains("audiogram"));
    QCOMPARE(removeAudiogram(r.draft).errorCode, int(ErrorCode::NotFound));
}

void TstAudiogram::badInput()
{
    const Draft d = podcast(1280, 720, setting("wave", false));
    struct Case {
        QJsonObject args;
        int code;
        const char* says;
    };
    const QList<Case> cases{
        {{{"color", "ultraviolet"}}, int(ErrorCode::BadRequest), "Unknown colour \"ultraviolet\""},
        {{{"background", "#12345"}}, int(ErrorCode::BadRequest), "Unknown colour"},
        {{{"style", "fireworks"}}, int(ErrorCode::BadRequest), "Unknown audiogram style"},
        {{{"background_media", "pod"}}, int(ErrorCode::BadRequest), "podcast.wav is not a picture"},
        {{{"background_media", "nope"}}, int(ErrorCode::NotFound), "not an upload"}};
    for (const Case& k : cases) {
        const EditResult r = setAudiogram(d, k.args, mediaOf());
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, k.code);
        QVERIFY2(r.error.contains(k.says), qPrintable(r.error));
    }
    // Footage on the timeline: refused, the draft as it was.
    Draft video = d;
    video.t[0].sg[0].src = "vid";
    EditResult r = setAudiogram(video, {{"style", "bars"}}, mediaOf(true));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains("talk.mp4"), qPrintable(r.error));
    // No sound at all.
    Draft silent = d;
    silent.t[0].sg.clear();
    r = setAudiogram(silent, {}, mediaOf());
    QCOMPARE(r.errorCode, int(ErrorCode::NotFound));
}

void TstAudiogram::filterReadsOnlyValidValues()
{
    // Values a hand-edited draft might hold: each makes the whole setting unreadable.
    const QList<QJsonObject> bad{
        {{"style", "wave"}, {"color", "#ffffff:drawtext=text=x"}, {"background", "#000000"}},
        {{"style", "wave,drawtext"}, {"color", "#ffffff"}, {"background", "#000000"}},
        {{"style", "wave"}, {"color", "#ffffff"}, {"background", "red];[0:v]null"}},
        {{"style", "wave"},
         {"color", "#ffffff"},
         {"background", "#000000"},
         {"bg_media", "x[agbg];movie=/etc/passwd"}},
        {{"style", "wave"}, {"color", "#FFFFFF"}, {"background", "#000000"}}};
    for (const QJsonObject& a : bad) {
        QVERIFY(!audiogramOf(QJsonObject{{"audiogram", a}}));
        const Draft d = podcast(1280, 720, a);
        QVERIFY(!render::audiogramDrawn(d, m_inputs));
        const RenderCommand cmd =
            buildRenderCommand(d, m_inputs, RenderPreset::byName("720p"), m_dir.filePath("x.mp4"),
                               m_dir.path(), "/f.ttc");
        QVERIFY(cmd.error.isEmpty());
        const QString graph = cmd.args.join(' ');
        QVERIFY2(!graph.contains("showwaves") && !graph.contains("drawtext") &&
                     !graph.contains("passwd") && !graph.contains("null["),
                 qPrintable(graph));
    }
    // A valid one is drawn, its colours as written.
    const Draft good = podcast(1280, 720, setting("line", true));
    const QString graph = buildRenderCommand(good, m_inputs, RenderPreset::byName("720p"),
                                             m_dir.filePath("x.mp4"), m_dir.path(), "/f.ttc")
                              .args.join(' ');
    QVERIFY2(graph.contains("showwaves=s=1152x288:mode=p2p") && graph.contains("colors=0xffd60a") &&
                 graph.contains("[aout][agwa]"),
             qPrintable(graph));
}

void TstAudiogram::stepsAside()
{
    const Draft d = podcast(1280, 720, setting("wave", true));
    QString reason;
    QVERIFY(!draftSuitsSmartRender(d, m_inputs, RenderPreset::byName("1080p"), &reason));
    const PreviewPlan plan = planPreview(d, m_inputs, {}, RenderPreset::byName("preview"));
    QVERIFY(!plan.eligible);
    QCOMPARE(plan.reason, QString("the picture is an audiogram"));
    // A sound-only export keeps the sound and draws nothing.
    RenderPreset mp3 = RenderPreset::byName("720p");
    mp3.soundOnly = true;
    QVERIFY(!buildRenderCommand(d, m_inputs, mp3, m_dir.filePath("x.mp3"), m_dir.path(), "/f.ttc")
                 .args.join(' ')
                 .contains("showwaves"));
}

void TstAudiogram::wave16x9()
{
    const int w = 1280, h = 720;
    const QString out = render(podcast(w, h, setting("wave", true)), "wave.mp4");
    QVERIFY(!out.isEmpty());
    const QJsonObject info = test::probe(out);
    QJsonObject video;
    for (const QJsonValue& s : info.value("streams").toArray())
        if (s.toObject().value("codec_type").toString() == "video")
            video = s.toObject();
    QCOMPARE(video.value("width").toInt(), w);
    QCOMPARE(video.value("height").toInt(), h);
    const double seconds = video.value("duration").toString().toDouble();
    QVERIFY2(std::abs(seconds * 1000 - kSoundMs) <= 1000.0 / 30 + 1,
             qPrintable(QString("video %1 s").arg(seconds)));

    const Rgb yellow = hexRgb("#ffd60a"), navy = hexRgb("#1c3f94");
    const QByteArray loud = frameAt(out, 1.0, w, h), quiet = frameAt(out, 3.0, w, h),
                     loud2 = frameAt(out, 5.0, w, h);
    QVERIFY(!loud.isEmpty() && !quiet.isEmpty() && !loud2.isEmpty());
    const Band b = band(loud, quiet, w, h, yellow);
    const Band silentBand = band(quiet, loud, w, h, yellow);
    qInfo("band: mean difference %.1f, waveform colour %.1f%% loud, %.2f%% silent", b.meanDiff,
          b.colourShare * 100, silentBand.colourShare * 100);
    QVERIFY(b.meanDiff > 20);
    QVERIFY(b.colourShare > 0.2);
    QVERIFY(silentBand.colourShare < 0.01);
    QVERIFY(band(loud2, quiet, w, h, yellow).meanDiff > 20);
    QVERIFY2(near(pixel(quiet, w, 20, 100), navy, 10), "the background is the asked colour");
    QVERIFY(near(pixel(loud, w, w - 20, 100), navy, 10));

    // The progress bar: bottom rows, its width W * t / T.
    const int barY = h - 4;
    for (const double share : {0.25, 0.5, 0.75}) {
        const QByteArray f = frameAt(out, share * kSoundMs / 1000.0, w, h);
        const int width = colouredWidth(f, w, barY, yellow);
        qInfo("progress at %.0f%%: %d px of %d (%.1f%%)", share * 100, width, w, 100.0 * width / w);
        QVERIFY2(std::abs(width - share * w) <= 0.02 * w, qPrintable(QString::number(width)));
    }
}

void TstAudiogram::bars9x16()
{
    const int w = 720, h = 1280;
    const QString out = render(podcast(w, h, setting("bars", false)), "bars.mp4");
    QVERIFY(!out.isEmpty());
    const QJsonObject info = test::probe(out);
    const QJsonObject video = info.value("streams").toArray().at(0).toObject();
    QCOMPARE(video.value("width").toInt(), w);
    QCOMPARE(video.value("height").toInt(), h);
    const QByteArray loud = frameAt(out, 1.0, w, h), quiet = frameAt(out, 3.0, w, h);
    QVERIFY(!loud.isEmpty() && !quiet.isEmpty());
    const Rgb yellow = hexRgb("#ffd60a");
    const Band b = band(loud, quiet, w, h, yellow);
    qInfo("9:16 bars: mean difference %.1f, colour %.1f%%", b.meanDiff, b.colourShare * 100);
    QVERIFY(b.meanDiff > 2);
    QVERIFY(b.colourShare > 0.01);
    QVERIFY(band(quiet, loud, w, h, yellow).colourShare < b.colourShare / 4);
    QCOMPARE(colouredWidth(loud, w, h - 4, yellow), 0); // no progress bar asked
}

void TstAudiogram::pictureBackground()
{
    QJsonObject a = setting("spectrum", false);
    a.insert("bg_media", "img");
    const int w = 1280, h = 720;
    const QString out = render(podcast(w, h, a), "picture.mp4");
    QVERIFY(!out.isEmpty());
    const QByteArray f = frameAt(out, 1.0, w, h), end = frameAt(out, 5.5, w, h);
    QVERIFY(!f.isEmpty() && !end.isEmpty());
    const double seconds =
        test::probe(out).value("format").toObject().value("duration").toString().toDouble();
    QVERIFY2(std::abs(seconds * 1000 - kSoundMs) <= 1000.0 / 30 + 1,
             qPrintable(QString::number(seconds)));
    // 400x300 scaled to cover 1280x720: the picture's red reaches every corner, to the end.
    for (const QByteArray& frame : {f, end})
        for (const auto& [x, y] : {std::pair{4, 4}, {w - 5, 4}, {4, h - 5}, {w - 5, h - 5}})
            QVERIFY2(near(pixel(frame, w, x, y), hexRgb("#c02020"), 16),
                     qPrintable(QString("%1,%2").arg(x).arg(y)));
}

// The app's preview: the whole preview render draws the audiogram (the assembly steps aside), and
// a still of one moment (a window of the timeline) shows the background and the bar's place in
// the whole; a picture background is left out of the still (the colour instead), not an error.
void TstAudiogram::preview()
{
    QJsonObject a = setting("wave", true);
    a.insert("bg_media", "img");
    const Draft d = podcast(1280, 720, a);
    const QString out = m_dir.filePath("preview.mp4");
    const RunResult r =
        renderDraft(d, m_inputs, RenderPreset::byName("preview"), out, m_dir.path(), {}, nullptr);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QJsonObject video = test::probe(out).value("streams").toArray().at(0).toObject();
    QCOMPARE(video.value("width").toInt(), 640);
    QCOMPARE(video.value("height").toInt(), 360);
    const QByteArray f = frameAt(out, 1.0, 640, 360);
    QVERIFY(!f.isEmpty());
    QVERIFY(near(pixel(f, 640, 4, 4), hexRgb("#c02020"), 16));

    QHash<QString, RenderInput> windowInputs;
    QHash<QString, RenderInput> sources = m_inputs;
    const Draft window = draftWindow(d, 3000, 33, sources, &windowInputs);
    const QString still = m_dir.filePath("still.jpg");
    const RenderCommand cmd =
        frameCommand(window, windowInputs, RenderPreset::byName("preview"), still, m_dir.path());
    QVERIFY2(cmd.error.isEmpty(), qPrintable(cmd.error));
    QString error;
    QVERIFY2(test::runFfmpeg(cmd.args, &error), qPrintable(error));
    const QByteArray s = frameAt(still, 0, 640, 360);
    QVERIFY(!s.isEmpty());
    QVERIFY(near(pixel(s, 640, 20, 100), hexRgb("#1c3f94"), 12));
    const int bar = colouredWidth(s, 640, 357, hexRgb("#ffd60a"));
    QVERIFY2(std::abs(bar - 320) <= 13, qPrintable(QString::number(bar)));
}

// A title and a logo are drawn over the audiogram as over footage; the logo does not count as
// a picture of the video (the waveform is still drawn).
void TstAudiogram::titleAndLogoOnTop()
{
    Draft d = podcast(1280, 720, setting("wave", false));
    d.t << test::track("x1", int(TrackType::Text),
                       {test::seg("t1", "", 0, 0, kSoundMs,
                                  {{"text", "Episode 12"}, {"style", "title"}, {"pos", "top"}})});
    d.t << test::track("v2", int(TrackType::Video),
                       {test::seg("lg", "logo", 0, 0, kSoundMs,
                                  {{"role", "overlay"}, {"pos", "bottom_right"}, {"w", 15}})});
    QVERIFY(render::audiogramDrawn(d, m_inputs));
    QVERIFY(setAudiogram(d, {{"progress", true}},
                         QHash<QString, MediaRef>{
                             {"pod", mediaOf().value("pod")},
                             {"logo", MediaRef{"logo", "logo.png", "image", 0, false, true}}})
                .ok);
    const int w = 1280, h = 720;
    const QString out = render(d, "titled.mp4");
    QVERIFY(!out.isEmpty());
    const QByteArray f = frameAt(out, 1.0, w, h);
    QVERIFY(!f.isEmpty());
    int white = 0;
    for (int y = 0; y < h / 3; ++y)
        for (int x = 0; x < w; ++x)
            white += near(pixel(f, w, x, y), {255, 255, 255}, 30);
    QVERIFY2(white > 500, qPrintable(QString::number(white))); // the title's letters
    QVERIFY(near(pixel(f, w, w - 38 - 96, h - 38 - 96), hexRgb("#20c040"), 16)); // the logo
    QVERIFY(band(f, frameAt(out, 3.0, w, h), w, h, hexRgb("#ffd60a")).meanDiff > 20);
}

// "add a progress bar" on footage (edit/ProgressBar.h): the bar is drawn over the video, its
// width W * t / T; only a valid colour reaches the graph; the operation's errors.
void TstAudiogram::barOverFootage()
{
    const QString clip = m_dir.filePath("grey.mp4");
    QString error;
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "color=c=gray:s=1280x720:r=30:d=6", "-f",
                              "lavfi", "-i", "sine=f=300:d=6", "-c:v", "libx264", "-preset",
                              "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip},
                             &error),
             qPrintable(error));
    m_inputs.insert("vid", RenderInput{clip, true, true, kSoundMs});
    Draft d = test::draftOf(
        {test::track("v1", int(TrackType::Video), {test::seg("s1", "vid", 0, 0, kSoundMs)})});
    d.m = QJsonObject{{"width", 1280}, {"height", 720}, {"fps", 30}};
    EditResult r = setProgressBar(d, {{"color", "yellow"}});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.details.value("color").toString(), QString("#ffd60a"));
    QCOMPARE(*progressBarColor(r.draft.m), QString("#ffd60a"));
    const int w = 1280, h = 720;
    const QString out = render(r.draft, "bar.mp4"); // not the smart render (render() checks)
    QVERIFY(!out.isEmpty());
    const Rgb yellow = hexRgb("#ffd60a");
    for (const double share : {0.25, 0.5, 0.75}) {
        const QByteArray f = frameAt(out, share * kSoundMs / 1000.0, w, h);
        const int width = colouredWidth(f, w, h - 4, yellow);
        qInfo("bar over footage at %.0f%%: %d px of %d", share * 100, width, w);
        QVERIFY2(std::abs(width - share * w) <= 0.02 * w, qPrintable(QString::number(width)));
        QCOMPARE(colouredWidth(f, w, h / 2, yellow), 0); // the picture itself is untouched
    }
    QVERIFY(!planPreview(r.draft, m_inputs, {}, RenderPreset::byName("preview")).eligible);

    // A hand-edited colour never reaches the graph; the operation refuses unknown colours and
    // says when there is no bar to remove.
    d.m.insert("progress_bar", QJsonObject{{"color", "#fff'[x]drawbox"}});
    QVERIFY(!progressBarColor(d.m));
    QVERIFY(!buildRenderCommand(d, m_inputs, RenderPreset::byName("1080p"), m_dir.filePath("x.mp4"),
                                m_dir.path(), "/f.ttc")
                 .args.join(' ')
                 .contains("pbar"));
    r = setProgressBar(d, {{"color", "sparkly"}});
    QVERIFY(!r.ok);
    QCOMPARE(r.errorCode, int(ErrorCode::BadRequest));
    d.m.remove("progress_bar");
    r = removeProgressBar(d);
    QVERIFY(!r.ok);
    QCOMPARE(r.errorCode, int(ErrorCode::NotFound));
}

QTEST_GUILESS_MAIN(TstAudiogram)
#include "tst_audiogram.moc"
