// The viewer after a chat edit: "cut the pauses" on the short (30 s) and the long (10 min)
// clip, then the still under the playhead (GET /api/preview/<sid>/frame) and the playable
// preview (the "preview" render, assembled from proxies). Message -> still and message ->
// playable are the turn plus each; the proxies are made first (they are made at upload, in
// the background: their time is printed too). Baselines measured in the same run: one plain
// ffmpeg that cuts one frame of the source (still), and one plain ffmpeg that decodes the
// kept length of the source and encodes it at 640x360 with x264 ultrafast (playable).
// Then "make it vertical": every frame is drawn, so the preview is progressive (a window from
// the playhead first, PreviewAssembly.h); message -> playable counts until that window.
#include "BenchRows.h"

#include <QDir>

namespace cw::bench {

namespace {

Row viewerRow(const Context& ctx, const QString& clip, const QString& id, const QString& what,
              double stillTargetMs, double playableTargetS, QList<Row>* more)
{
    Row still;
    still.id = id + QStringLiteral("_still");
    still.metric = what + QStringLiteral(": message -> still of the edit");
    still.unit = QStringLiteral("ms");
    still.baselineName = QStringLiteral("ffmpeg: one frame of the source");
    still.ratioMeaning = QStringLiteral("Clipwright still / baseline (excluding the turn)");
    still.target = QStringLiteral("<= %1 ms").arg(stillTargetMs);
    Row playable;
    playable.id = id + QStringLiteral("_playable");
    playable.metric = what + QStringLiteral(": message -> playable preview");
    playable.unit = QStringLiteral("s");
    playable.baselineName = QStringLiteral("ffmpeg: kept length decoded, 640x360 ultrafast");
    playable.ratioMeaning = QStringLiteral("baseline / preview render (speed-up)");
    playable.target = QStringLiteral("<= %1 s").arg(playableTargetS);
    auto fail = [&](const QString& error) {
        still.note = playable.note = error;
        *more << playable;
        return still;
    };

    cw::test::TestEngine engine;
    QString error;
    if (!engine.start(&error))
        return fail(error);
    const QString sid = sessionWith(engine, clip, nullptr, &error);
    if (sid.isEmpty())
        return fail(error);
    QElapsedTimer proxyClock;
    proxyClock.start();
    const QDir proxies(engine.dataDir() + QStringLiteral("/proxies"));
    while (proxies.entryList({QStringLiteral("*.mp4")}, QDir::Files).isEmpty() &&
           proxyClock.elapsed() < 600000)
        QThread::msleep(100);
    const double proxySeconds = seconds(proxyClock);

    cw::test::EngineClient c(engine.baseUrl(), engine.token());
    const Turn turn = timedTurn(c, sid, QStringLiteral("cut the pauses"));
    if (!turn.ok)
        return fail(QStringLiteral("cut the pauses failed: ") + turn.text);
    const double keptSeconds = headDraft(c, sid).value(QStringLiteral("d")).toDouble() / 1000.0;
    const qint64 at = qint64(keptSeconds * 1000 / 3);
    QList<double> stills;
    for (int i = 0; i < 3; ++i) { // three playhead positions; the median counts
        QElapsedTimer t;
        t.start();
        const cw::test::HttpReply frame =
            c.get(QStringLiteral("/api/preview/%1/frame?at=%2").arg(sid).arg(at + i * 1000));
        if (frame.status != 200 || !frame.body.startsWith("\xFF\xD8"))
            return fail(QStringLiteral("no still: ") + QString::fromUtf8(frame.body.left(300)));
        stills << double(t.nsecsElapsed()) / 1e6;
    }
    const double stillMs = median(stills);
    QString url;
    const std::optional<double> render =
        renderAndWait(c, sid, QStringLiteral("preview"), &url, &error);
    if (!render)
        return fail(error);

    warmCache(clip);
    const ProcResult oneFrame = runTimed(
        QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-ss"),
         QString::number(double(at) / 1000.0, 'f', 3), QStringLiteral("-i"), clip,
         QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-vf"),
         QStringLiteral("scale=640:-2"), ctx.workDir + QStringLiteral("/viewer-frame.jpg")});
    const ProcResult lowRes = runTimed(
        QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-i"),
         clip, QStringLiteral("-t"), QString::number(keptSeconds, 'f', 3), QStringLiteral("-vf"),
         QStringLiteral("scale=640:360"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
         QStringLiteral("-preset"), QStringLiteral("ultrafast"), QStringLiteral("-c:a"),
         QStringLiteral("aac"), ctx.workDir + QStringLiteral("/viewer-lowres.mp4")});
    QFile::remove(ctx.workDir + QStringLiteral("/viewer-frame.jpg"));
    QFile::remove(ctx.workDir + QStringLiteral("/viewer-lowres.mp4"));

    const QString parts = QStringLiteral("turn %1 ms; edit %2 s long; proxies made in %3 s "
                                         "after upload")
                              .arg(turn.ms, 0, 'f', 0)
                              .arg(keptSeconds, 0, 'f', 1)
                              .arg(proxySeconds, 0, 'f', 1);
    still.value = turn.ms + stillMs;
    still.baseline = oneFrame.ok ? oneFrame.seconds * 1000 : -1;
    if (oneFrame.ok)
        still.ratio = stillMs / still.baseline;
    still.pass = still.value <= stillTargetMs;
    still.note = parts + QStringLiteral("; still %1 ms (median of 3)").arg(stillMs, 0, 'f', 0);
    playable.value = turn.ms / 1000 + *render;
    playable.baseline = lowRes.ok ? lowRes.seconds : -1;
    if (lowRes.ok)
        playable.ratio = lowRes.seconds / *render;
    playable.pass = playable.value <= playableTargetS;
    playable.note = parts + QStringLiteral("; preview render %1 s").arg(*render, 0, 'f', 2);
    *more << playable;

    Row vertical = playable;
    vertical.id = id + QStringLiteral("_vertical_playable");
    vertical.metric = what + QStringLiteral(": \"make it vertical\" -> playable preview");
    const Turn turnV = timedTurn(c, sid, QStringLiteral("make it vertical"));
    double windowS = -1;
    const std::optional<double> whole =
        turnV.ok ? renderAndWait(c, sid, QStringLiteral("preview"), nullptr, &error, 0, nullptr, at,
                                 &windowS)
                 : std::nullopt;
    if (!whole) {
        vertical.value = vertical.baseline = vertical.ratio = -1;
        vertical.pass = false;
        vertical.note = turnV.ok ? error : QStringLiteral("make it vertical failed: ") + turnV.text;
    } else {
        const double firstS = windowS >= 0 ? windowS : *whole;
        vertical.value = turnV.ms / 1000 + firstS;
        if (lowRes.ok)
            vertical.ratio = lowRes.seconds / firstS;
        vertical.pass = vertical.value <= playableTargetS;
        vertical.note = QStringLiteral("turn %1 ms; %2; the whole preview after %3 s")
                            .arg(turnV.ms, 0, 'f', 0)
                            .arg(windowS >= 0 ? QStringLiteral("a window from the playhead "
                                                               "playable after %1 s")
                                                    .arg(windowS, 0, 'f', 2)
                                              : QStringLiteral("no window"))
                            .arg(*whole, 0, 'f', 2);
    }
    *more << vertical;
    return still;
}

} // namespace

QList<Row> viewerRows(const Context& ctx)
{
    QList<Row> rows;
    QList<Row> playable;
    rows << viewerRow(ctx, ctx.shortHd, QStringLiteral("viewer_short"),
                      ctx.quick ? QStringLiteral("10-s clip") : QStringLiteral("30-s clip"), 300,
                      1.0, &playable);
    rows << viewerRow(ctx, ctx.talk, QStringLiteral("viewer_long"),
                      ctx.quick ? QStringLiteral("40-s clip") : QStringLiteral("10-min clip"), 300,
                      3.0, &playable);
    return rows + playable;
}

} // namespace cw::bench
