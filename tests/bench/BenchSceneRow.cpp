// Issue 17's bar for scene and motion analysis: the engine's pass (media/SceneDetect.h:
// picture only, scaled to 320 px before scdet, every frame's difference printed for the
// motion) over the short 1080p clip against one plain
// `ffmpeg -i X -an -vf scdet -f null -` at the same threshold on the same file, as seconds per
// minute of footage. Three runs each, alternated after a warm-up read, medians compared.
#include "BenchRows.h"

#include "media/SceneDetect.h"

namespace cw::bench {

Row sceneRow(const Context& ctx)
{
    Row r;
    r.id = QStringLiteral("scenes");
    r.metric = QStringLiteral("scene + motion analysis per minute of footage, short 1080p clip");
    r.unit = QStringLiteral("s/min");
    r.baselineName =
        QStringLiteral("ffmpeg -an -vf scdet=threshold=%1 -f null -").arg(engine::kSceneThreshold);
    r.ratioMeaning = QStringLiteral("Clipwright / baseline");
    r.target = QStringLiteral("<= 1.2x");
    const double duration = probeDuration(ctx.shortHd);
    if (duration <= 0) {
        r.note = QStringLiteral("cannot probe ") + ctx.shortHd;
        return r;
    }
    warmCache(ctx.shortHd);
    const QStringList plain{QStringLiteral("-hide_banner"),
                            QStringLiteral("-nostdin"),
                            QStringLiteral("-i"),
                            ctx.shortHd,
                            QStringLiteral("-an"),
                            QStringLiteral("-vf"),
                            QStringLiteral("scdet=threshold=%1").arg(engine::kSceneThreshold),
                            QStringLiteral("-f"),
                            QStringLiteral("null"),
                            QStringLiteral("-")};
    QList<double> ours, theirs;
    int ourCuts = -1, theirCuts = -1;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        const engine::SceneAnalysis a = engine::detectScenes(ctx.shortHd, qint64(duration * 1000));
        if (!a.ok) {
            r.note = QStringLiteral("analysis failed: ") + a.error;
            return r;
        }
        ours << seconds(t);
        ourCuts = int(a.cuts.size());
        const ProcResult b = runTimed(QStringLiteral("ffmpeg"), plain);
        if (!b.ok) {
            r.note = QStringLiteral("baseline failed: ") + QString::fromUtf8(b.err.right(300));
            return r;
        }
        theirs << b.seconds;
        theirCuts = int(engine::scenes::parseScdetLog(b.err).size());
    }
    const double perMinute = 60.0 / duration;
    r.value = median(ours) * perMinute;
    r.baseline = median(theirs) * perMinute;
    r.ratio = r.baseline > 0 ? r.value / r.baseline : -1;
    r.pass = r.ratio > 0 && r.ratio <= 1.2;
    r.note = QStringLiteral("%1 s of footage; cuts found: %2 (baseline %3)")
                 .arg(duration, 0, 'f', 1)
                 .arg(ourCuts)
                 .arg(theirCuts);
    return r;
}

} // namespace cw::bench
