// Issue 17's bar for beat analysis: the engine's pass (media/BeatDetect.h: libav decode, mono
// mix, aubio's tempo tracker, the onset curve and the grid fit) over a song against aubio's
// own command-line tracker (`aubiotrack -i song`, which decodes with libav too and runs the
// same tracker) on the same file, as seconds per minute of music. The song is the engine's
// lo-fi bed (100 BPM), 3 minutes (--quick: 30 s), encoded to AAC like an upload. Three runs
// each, alternated after a warm-up read, medians compared.
#include "BenchRows.h"

#include "generate/MusicBed.h"
#include "media/BeatDetect.h"

#include <QStandardPaths>

namespace cw::bench {

Row beatRow(const Context& ctx)
{
    Row r;
    r.id = QStringLiteral("beats");
    r.metric = QStringLiteral("beat analysis per minute of music, lo-fi bed (AAC)");
    r.unit = QStringLiteral("s/min");
    r.baselineName = QStringLiteral("aubiotrack -i song.m4a");
    r.ratioMeaning = QStringLiteral("Clipwright / baseline");
    r.target = QStringLiteral("<= 1.2x");
    const QString aubio = QStandardPaths::findExecutable(QStringLiteral("aubiotrack"));
    if (aubio.isEmpty()) {
        r.note = QStringLiteral("aubiotrack not found (Debian package aubio-tools)");
        return r;
    }
    const qint64 lengthMs = ctx.quick ? 30000 : 180000;
    const QString bed = ctx.workDir + QStringLiteral("/beat-bed.m4a");
    const QString song = ctx.workDir + QStringLiteral("/beat-song.m4a");
    QString error;
    if (!engine::generateMusicBed(bed, QStringLiteral("lofi"), lengthMs, &error) ||
        !runTimed(QStringLiteral("ffmpeg"),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                   QStringLiteral("-i"), bed, QStringLiteral("-c:a"), QStringLiteral("aac"),
                   QStringLiteral("-b:a"), QStringLiteral("192k"), song})
             .ok) {
        r.note = QStringLiteral("cannot make the song: ") + error;
        return r;
    }
    warmCache(song);
    QList<double> ours, theirs, ourCpu, theirCpu;
    double bpm = 0;
    int theirBeats = 0;
    int ourBeats = 0;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        const double cpu = selfCpuSeconds();
        const engine::BeatAnalysis a = engine::detectBeats(song, lengthMs);
        ourCpu << selfCpuSeconds() - cpu;
        if (!a.ok) {
            r.note = QStringLiteral("analysis failed: ") + a.error;
            return r;
        }
        ours << seconds(t);
        bpm = a.bpm;
        ourBeats = int(a.beats.size());
        const ProcResult b = runTimed(aubio, {QStringLiteral("-i"), song});
        if (!b.ok) {
            r.note = QStringLiteral("baseline failed: ") + QString::fromUtf8(b.err.right(300));
            return r;
        }
        theirs << b.seconds;
        theirCpu << b.cpuSeconds;
        theirBeats = int(b.out.count('\n'));
    }
    const double perMinute = 60000.0 / double(lengthMs);
    r.value = median(ours) * perMinute;
    r.baseline = median(theirs) * perMinute;
    r.ratio = r.baseline > 0 ? r.value / r.baseline : -1;
    r.pass = r.ratio > 0 && r.ratio <= 1.2;
    r.note = QStringLiteral("%1 s of music; %2 BPM, %3 beats (aubiotrack: %4 beats); CPU %5 s "
                            "vs %6 s")
                 .arg(double(lengthMs) / 1000, 0, 'f', 0)
                 .arg(bpm, 0, 'f', 2)
                 .arg(ourBeats)
                 .arg(theirBeats)
                 .arg(median(ourCpu), 0, 'f', 2)
                 .arg(median(theirCpu), 0, 'f', 2);
    return r;
}

} // namespace cw::bench
