// Issue 17's bar for audiograms (edit/Audiogram.h): a 1-minute voice-memo-like sound (a tone
// whose loudness swells and fades, with silences) exported by the engine's render dispatch as
// a 1080p waveform video (yellow on dark blue, with a progress bar) against one hand-written
// ffmpeg command drawing the same picture: a colour background, showwaves over the middle
// band, a bar slid in by overlay, the same x264/AAC settings. Alternated, 2 runs each, best
// compared (wall seconds; the engine's own ffmpeg child is its whole cost).
#include "BenchOperationSupport.h"

#include "Draft.h"
#include "DraftBuilder.h"
#include "render/RenderDraft.h"

#include <QElapsedTimer>

namespace cw::bench {

using namespace cw::engine;

Row audiogramRow(const Context& ctx)
{
    Row r = operationRow("audiogram", "1-minute audio-only audiogram export, 1080p");
    r.target = QStringLiteral("<= 1.2x");
    const QString sound = ctx.workDir + QStringLiteral("/audiogram-voice.wav");
    const ProcResult made =
        runTimed(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                  QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("sine=f=220:d=60,volume='max(0,sin(2*PI*t/4))':eval=frame"),
                  QStringLiteral("-ac"), QStringLiteral("2"), QStringLiteral("-ar"),
                  QStringLiteral("48000"), sound});
    if (!made.ok) {
        r.note = QStringLiteral("cannot make the sound: ") + QString::fromUtf8(made.err.right(300));
        return r;
    }
    Draft d = test::draftOf(
        {test::track(QStringLiteral("v1"), int(TrackType::Video),
                     {test::seg(QStringLiteral("s1"), QStringLiteral("voice"), 0, 0, 60000)})});
    d.m = QJsonObject{{QStringLiteral("width"), 1920},
                      {QStringLiteral("height"), 1080},
                      {QStringLiteral("fps"), 30},
                      {QStringLiteral("audiogram"),
                       QJsonObject{{QStringLiteral("style"), QStringLiteral("wave")},
                                   {QStringLiteral("color"), QStringLiteral("#ffd60a")},
                                   {QStringLiteral("background"), QStringLiteral("#1c3f94")},
                                   {QStringLiteral("progress"), true}}}};
    QHash<QString, RenderInput> inputs;
    inputs.insert(QStringLiteral("voice"), RenderInput{sound, false, true, 60000});
    RenderPreset preset = RenderPreset::byName(QStringLiteral("1080p"));
    preset.x264Preset = ctx.x264;

    // The picture the engine draws (RenderAudiogram.cpp's geometry), written out by hand.
    const QString graph = QStringLiteral(
        "color=c=0x1c3f94:s=1920x1080:r=30:d=60[bg];[0:a]asplit[a][w];"
        "[w]aformat=channel_layouts=mono,showwaves=s=1728x432:mode=cline:r=30:draw=full:"
        "scale=sqrt:colors=0xffd60a,format=yuva420p[wave];"
        "color=c=0xffd60a:s=1920x12:r=30:d=60[bar];"
        "[bg][wave]overlay=96:324:shortest=1[t];[t][bar]overlay=x='W*t/60-w':y=H-h:shortest=1[v]");
    const QString theirs = ctx.workDir + QStringLiteral("/audiogram-baseline.mp4");
    const QStringList args = handWritten(
        {QStringLiteral("-i"), sound},
        {QStringLiteral("-filter_complex"), graph, QStringLiteral("-map"), QStringLiteral("[v]"),
         QStringLiteral("-map"), QStringLiteral("[a]"), QStringLiteral("-r"), QStringLiteral("30")},
        ctx.x264, theirs);
    r.extra.insert(QStringLiteral("handwritten_command"),
                   QString(QStringLiteral("ffmpeg ") + args.join(QLatin1Char(' '))));
    const QString ours = ctx.workDir + QStringLiteral("/audiogram-engine.mp4");
    QList<double> engine, baseline;
    for (int i = 0; i < 2; ++i) {
        const ProcResult b = runTimed(QStringLiteral("ffmpeg"), args);
        if (!b.ok) {
            r.note = QStringLiteral("baseline failed: ") + QString::fromUtf8(b.err.right(300));
            return r;
        }
        baseline << b.seconds;
        QElapsedTimer timer;
        timer.start();
        bool smart = false;
        const RunResult e = renderDraft(d, inputs, preset, ours, ctx.workDir, {}, nullptr, &smart);
        if (!e.ok) {
            r.note = QStringLiteral("engine export failed: ") + e.error.left(300);
            return r;
        }
        engine << timer.nsecsElapsed() / 1e9;
    }
    r.value = *std::min_element(engine.begin(), engine.end());
    r.baseline = *std::min_element(baseline.begin(), baseline.end());
    r.ratio = r.baseline > 0 ? r.value / r.baseline : -1;
    r.pass = r.ratio > 0 && r.ratio <= 1.2;
    r.note = QStringLiteral("60 s of sound; output %1 s (baseline %2 s)")
                 .arg(probeDuration(ours), 0, 'f', 3)
                 .arg(probeDuration(theirs), 0, 'f', 3);
    return r;
}

} // namespace cw::bench
