// Issue 17's bar for the subject analysis of the reframe: the engine's pass (media/
// SubjectTrack.h: small grey frames at 5 fps through a pipe, a face search and a frame
// difference on each) over the short 1080p clip against one plain ffmpeg pass decoding the same
// frames at the same size to null, as seconds per minute of footage. Three runs each,
// alternated after a warm-up read, medians compared.
#include "BenchRows.h"

#include "media/SubjectTrack.h"

namespace cw::bench {

Row reframeRow(const Context& ctx)
{
    Row r;
    r.id = QStringLiteral("reframe");
    r.metric = QStringLiteral("subject analysis per minute of footage, short 1080p clip");
    r.unit = QStringLiteral("s/min");
    r.baselineName = QStringLiteral("ffmpeg -skip_loop_filter all -an -vf fps=%1,scale=%2:-2,"
                                    "format=gray -f null -")
                         .arg(engine::kSubjectFps)
                         .arg(engine::kSubjectWidth);
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
                            QStringLiteral("-skip_loop_filter"),
                            QStringLiteral("all"),
                            QStringLiteral("-i"),
                            ctx.shortHd,
                            QStringLiteral("-an"),
                            QStringLiteral("-vf"),
                            QStringLiteral("fps=%1,scale=%2:-2:flags=fast_bilinear,format=gray")
                                .arg(engine::kSubjectFps)
                                .arg(engine::kSubjectWidth),
                            QStringLiteral("-f"),
                            QStringLiteral("null"),
                            QStringLiteral("-")};
    QList<double> ours, theirs;
    QString kind;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        const engine::SubjectTrack a =
            engine::analyseSubjects(ctx.shortHd, qint64(duration * 1000));
        if (!a.ok) {
            r.note = QStringLiteral("analysis failed: ") + a.error;
            return r;
        }
        ours << seconds(t);
        kind = a.kind;
        const ProcResult b = runTimed(QStringLiteral("ffmpeg"), plain);
        if (!b.ok) {
            r.note = QStringLiteral("baseline failed: ") + QString::fromUtf8(b.err.right(300));
            return r;
        }
        theirs << b.seconds;
    }
    const double perMinute = 60.0 / duration;
    r.value = median(ours) * perMinute;
    r.baseline = median(theirs) * perMinute;
    r.ratio = r.baseline > 0 ? r.value / r.baseline : -1;
    r.pass = r.ratio > 0 && r.ratio <= 1.2;
    r.note =
        QStringLiteral("%1 s of footage; the crop follows: %2").arg(duration, 0, 'f', 1).arg(kind);
    return r;
}

} // namespace cw::bench
