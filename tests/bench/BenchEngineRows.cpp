// Engine rows: pause analysis (in-process, the code the upload runs), the cut-only export
// and chat latency on the long clip, and upload memory. Every timed contender runs on a warm
// page cache and, where runs are short, best of three, so the ratio compares work, not
// disk or a neighbour's burst of CPU.
#include "BenchRows.h"

#include "AvSync.h"
#include "Draft.h"
#include "media/AudioAnalysis.h"
#include "render/SmartRender.h"

#include <QDir>
#include <QJsonArray>
#include <algorithm>

namespace cw::bench {

using namespace cw::engine;

using cw::test::EngineClient;
using cw::test::HttpReply;
using cw::test::TestEngine;

namespace {

QString ffmpeg()
{
    return QStringLiteral("ffmpeg");
}

int countMatches(const QByteArray& text, const QByteArray& needle)
{
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
        ++n;
    return n;
}

struct Streams {
    double video = -1;
    double audio = -1;
};

Streams streamDurations(const QString& file)
{
    Streams s;
    const ProcResult r =
        runTimed(QStringLiteral("ffprobe"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                  QStringLiteral("stream=codec_type,duration"), QStringLiteral("-of"),
                  QStringLiteral("json"), file},
                 60000);
    const QJsonArray streams =
        QJsonDocument::fromJson(r.out).object().value(QStringLiteral("streams")).toArray();
    for (const QJsonValue& v : streams) {
        const QJsonObject o = v.toObject();
        const double d = o.value(QStringLiteral("duration")).toString().toDouble();
        if (o.value(QStringLiteral("codec_type")).toString() == QLatin1String("video"))
            s.video = d;
        else if (o.value(QStringLiteral("codec_type")).toString() == QLatin1String("audio"))
            s.audio = d;
    }
    return s;
}

QString renderedPath(const TestEngine& engine, const QString& url)
{
    return engine.dataDir() + QStringLiteral("/renders/") + QUrl(url).fileName();
}

// One engine with the long clip: "cut the pauses" then a 720p export, timed.
struct CutOnly {
    double seconds = -1;
    double cpuSeconds = -1;
    double draftSeconds = -1;
    Streams out;
    QString sync;           // A/V offset at the joins
    int encodedFrames = -1; // of the smart plan: frames a frame-accurate cut must re-encode
    int totalFrames = -1;
    SmartPlan plan;
    QString error;
};

// The engine's smart-render plan for `draft` over `source` (the uploaded file's original).
SmartPlan smartPlanOf(const QJsonObject& draft, const QString& source)
{
    const std::optional<Draft> d = Draft::fromJson(draft);
    if (!d)
        return {};
    QHash<QString, RenderInput> inputs;
    const qint64 durationMs = qRound64(probeDuration(source) * 1000);
    for (const Track& t : d->t)
        for (const Segment& s : t.sg)
            if (!s.src.isEmpty())
                inputs.insert(s.src, RenderInput{source, true, true, durationMs});
    return planSmartRender(*d, inputs, probeSmartSources(*d, inputs),
                           RenderPreset::byName(QStringLiteral("720p")));
}

// The A/V offset at every join of a render of `draft` (one source, 30 fps): the output's
// sound where a segment starts against the source's sound at that segment's first frame.
QString syncAtJoins(const QJsonObject& draft, const QString& source, const QString& render)
{
    const QVector<qint16> src = cw::test::monoPcm(source);
    const QVector<qint16> out = cw::test::monoPcm(render);
    QList<double> lags;
    int joins = 0;
    int at = 0;
    for (const QJsonValue& tv : draft.value(QStringLiteral("t")).toArray()) {
        if (tv.toObject().value(QStringLiteral("tt")).toInt() != 0)
            continue;
        for (const QJsonValue& sv : tv.toObject().value(QStringLiteral("sg")).toArray()) {
            const QJsonObject sg = sv.toObject();
            const int from =
                int(std::ceil(sg.value(QStringLiteral("in")).toDouble() * 0.03 - 1e-6));
            const int frames =
                int(std::ceil(sg.value(QStringLiteral("d")).toDouble() * 0.03 - 1e-6));
            const double lag = cw::test::audioLag(out, at / 30.0, src, from / 30.0);
            if (!std::isnan(lag))
                lags << std::abs(lag) * 1000;
            ++joins;
            at += frames;
        }
        break;
    }
    if (lags.isEmpty())
        return QStringLiteral("A/V offset not measurable");
    std::sort(lags.begin(), lags.end());
    return QStringLiteral("A/V offset at %1 of %2 joins: median %3 ms, worst %4 ms")
        .arg(lags.size())
        .arg(joins)
        .arg(lags[lags.size() / 2], 0, 'f', 1)
        .arg(lags.last(), 0, 'f', 1);
}

// The floor command (see longClipRows): one pass over a concat list of the plan's decodes.
ProcResult cutFloor(const Context& ctx, const SmartPlan& plan, int* decoded)
{
    const QString video = ctx.workDir + QStringLiteral("/floor-video.mp4");
    runTimed(ffmpeg(),
             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
              QStringLiteral("-i"), ctx.talk, QStringLiteral("-map"), QStringLiteral("0:v:0"),
              QStringLiteral("-c"), QStringLiteral("copy"), video});
    QHash<QString, SmartSource> sources;
    for (const SmartRange& r : plan.segments)
        if (!sources.contains(r.src))
            sources.insert(r.src, probeSmartSource(ctx.talk));
    QHash<QString, QString> videoOnly;
    SmartBatch all;
    for (int i = 0; i < plan.pieces.size(); ++i) {
        if (plan.pieces[i].copy)
            continue;
        for (const SmartRange& r : plan.pieces[i].ranges)
            videoOnly.insert(r.src, video);
        all.pieces << i;
        all.starts << all.frames;
        all.frames += plan.pieces[i].frames();
    }
    const QString list = ctx.workDir + QStringLiteral("/floor.ffconcat");
    const SmartBatchCommand cmd =
        smartBatchCommand(plan, sources, RenderPreset::byName(QStringLiteral("720p")), all, {},
                          videoOnly, list, QStringLiteral("/dev/null"));
    *decoded = cmd.decodedFrames;
    QFile f(list);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(cmd.list);
    f.close();
    // Only the decode's select from the engine's command; the encoders are the bench's own.
    // The kept sound, whole audio frames around each segment (aselect: as much to encode as
    // the export's sound, the pauses left out, with no sample-exact trimming).
    QStringList kept;
    const double fps = plan.fps.value();
    for (const SmartRange& r : plan.segments)
        kept << QStringLiteral("gte(t,%1)*lt(t,%2)")
                    .arg(r.from / fps - 0.011, 0, 'f', 6)
                    .arg(r.to / fps - 0.011, 0, 'f', 6);
    const QString graph =
        cmd.args.value(cmd.args.indexOf(QStringLiteral("-filter_complex")) + 1) +
        QStringLiteral(";[1:a:0]aselect='%1',asetpts=N/SR/TB[a]").arg(smartSelectSum(kept));
    warmCache(ctx.talk);
    warmCache(video);
    const ProcResult r =
        runTimed(ffmpeg(), QStringList{QStringLiteral("-hide_banner"),
                                       QStringLiteral("-nostdin"),
                                       QStringLiteral("-v"),
                                       QStringLiteral("error"),
                                       QStringLiteral("-f"),
                                       QStringLiteral("concat"),
                                       QStringLiteral("-safe"),
                                       QStringLiteral("0"),
                                       QStringLiteral("-i"),
                                       list,
                                       QStringLiteral("-i"),
                                       ctx.talk,
                                       QStringLiteral("-filter_complex"),
                                       graph,
                                       QStringLiteral("-map"),
                                       QStringLiteral("[v]"),
                                       QStringLiteral("-map"),
                                       QStringLiteral("[a]"),
                                       QStringLiteral("-fps_mode"),
                                       QStringLiteral("passthrough")} +
                               exportVideoArgs(ctx.x264) + exportAudioArgs() +
                               QStringList{QStringLiteral("-f"), QStringLiteral("null"),
                                           QStringLiteral("-")});
    QFile::remove(video);
    QFile::remove(list);
    return r;
}

CutOnly cutOnlyExport(const Context& ctx, const QString& smartEnv, QList<Row>* latencyRows)
{
    CutOnly r;
    TestEngine engine;
    engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), ctx.x264);
    if (!smartEnv.isEmpty())
        engine.setEnv(QStringLiteral("CLIPWRIGHT_SMART_RENDER"), smartEnv);
    if (!engine.start(&r.error))
        return r;
    double upload = 0;
    const QString sid = sessionWith(engine, ctx.talk, &upload, &r.error);
    if (sid.isEmpty())
        return r;
    EngineClient c(engine.baseUrl(), engine.token());
    const Turn cut = timedTurn(c, sid, QStringLiteral("cut the pauses"));
    if (!cut.ok) {
        r.error = QStringLiteral("cut the pauses failed: ") + cut.text;
        return r;
    }
    const QJsonObject draft = headDraft(c, sid);
    r.draftSeconds = draft.value(QStringLiteral("d")).toDouble() / 1000.0;
    QString url;
    const std::optional<double> t =
        renderAndWait(c, sid, QStringLiteral("720p"), &url, &r.error, engine.pid(), &r.cpuSeconds);
    if (!t)
        return r;
    r.seconds = *t;
    r.out = streamDurations(renderedPath(engine, url));
    // The joins' places in the output follow the smart plan's frame counts (ceil per
    // segment); the normal render's differ by a frame here and there, so its joins cannot
    // be located this way.
    r.sync = smartEnv.isEmpty() ? syncAtJoins(draft, ctx.talk, renderedPath(engine, url))
                                : QStringLiteral("A/V offset at the joins not measured");
    if (smartEnv.isEmpty()) {
        const SmartPlan plan = smartPlanOf(draft, ctx.talk);
        if (plan.eligible) {
            r.encodedFrames = plan.encodedFrames();
            r.totalFrames = plan.totalFrames();
            r.plan = plan;
        }
    }
    if (latencyRows) {
        // Chat latency on the analysed long clip: message sent -> stream closed (the draft
        // version is stored before the functionResponse, so this bounds "draft updated").
        const QStringList messages = {QStringLiteral("cut the pauses"),
                                      QStringLiteral("add a title 'Hello'"),
                                      QStringLiteral("add background music"),
                                      QStringLiteral("undo"),
                                      QStringLiteral("redo"),
                                      QStringLiteral("remove 0:10-0:20"),
                                      QStringLiteral("cut the first 5 seconds"),
                                      QStringLiteral("start over")};
        QList<double> times;
        QStringList parts;
        Turn first = cut;
        double musicMs = -1;
        for (const QString& m : messages) {
            const Turn turn = timedTurn(c, sid, m);
            // Music generates a bed as long as the clip: reported on its own row.
            if (m.contains(QLatin1String("music")))
                musicMs = turn.ms;
            else
                times << turn.ms;
            parts << QStringLiteral("'%1' %2 ms%3")
                         .arg(m)
                         .arg(qRound(turn.ms))
                         .arg(turn.ok ? QString() : QStringLiteral(" (no change)"));
        }
        // The floor of any request: GET /health over the same loopback client.
        QList<double> health;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer h;
            h.start();
            c.get(QStringLiteral("/health"));
            health << double(h.nsecsElapsed()) / 1e6;
        }
        std::sort(health.begin(), health.end());
        std::sort(times.begin(), times.end());
        Row row;
        row.id = QStringLiteral("chat_latency");
        row.metric = QStringLiteral("chat edit latency, max of %1 (long clip)").arg(times.size());
        row.unit = QStringLiteral("ms");
        row.value = times.last();
        row.baseline = health[health.size() / 2];
        row.baselineName = QStringLiteral("GET /health round trip (median)");
        row.ratio = row.value / std::max(0.001, row.baseline);
        row.ratioMeaning = QStringLiteral("Clipwright / baseline");
        row.target = QStringLiteral("<= 200 ms");
        row.pass = row.value <= 200;
        row.note = QStringLiteral("median %1 ms; first 'cut the pauses' %2 ms; ")
                       .arg(qRound(times[times.size() / 2]))
                       .arg(qRound(first.ms)) +
                   parts.join(QStringLiteral(", "));
        row.extra.insert(QStringLiteral("median_ms"), times[times.size() / 2]);
        row.extra.insert(QStringLiteral("upload_s"), upload);
        *latencyRows << row;
        Row music = row;
        music.id = QStringLiteral("chat_latency_music");
        music.metric = QStringLiteral("  'add background music' (generates the bed)");
        music.value = musicMs;
        music.ratio = musicMs / std::max(0.001, row.baseline);
        music.pass = musicMs >= 0 && musicMs <= 200;
        music.note = QStringLiteral("a music bed as long as the clip is synthesised in the turn");
        music.extra = {};
        *latencyRows << music;
    }
    return r;
}

} // namespace

Row analysisRow(const Context& ctx)
{
    Row row;
    row.id = QStringLiteral("analysis");
    row.metric = QStringLiteral("pause analysis speed (long clip)");
    row.unit = QStringLiteral("x realtime");
    row.baselineName = QStringLiteral("ffmpeg -vn -af silencedetect");
    row.ratioMeaning = QStringLiteral("Clipwright / baseline");
    row.target = QStringLiteral(">= 500x");
    const double duration = probeDuration(ctx.talk);
    if (duration <= 0) {
        row.note = QStringLiteral("cannot probe ") + ctx.talk;
        return row;
    }
    warmCache(ctx.talk);
    double best = 1e9;
    double bestBase = 1e9;
    double cpu = 1e9;
    double cpuBase = 1e9;
    int ours = 0;
    int theirs = 0;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        const double cpu0 = selfCpuSeconds();
        t.start();
        const engine::AudioAnalysis a = engine::analyzeAudio(ctx.talk);
        const QList<engine::Interval> silences =
            engine::findSilences(a, engine::adaptiveSilenceThresholdDb(a), 400);
        best = std::min(best, seconds(t));
        cpu = std::min(cpu, selfCpuSeconds() - cpu0);
        ours = int(silences.size());
        if (!a.ok) {
            row.note = QStringLiteral("analysis failed: ") + a.error;
            return row;
        }
        const ProcResult base = runTimed(
            ffmpeg(), {QStringLiteral("-hide_banner"), QStringLiteral("-nostats"),
                       QStringLiteral("-i"), ctx.talk, QStringLiteral("-vn"), QStringLiteral("-af"),
                       QStringLiteral("silencedetect=n=-35dB:d=0.4"), QStringLiteral("-f"),
                       QStringLiteral("null"), QStringLiteral("-")});
        if (!base.ok) {
            row.note = QStringLiteral("ffmpeg failed: ") + QString::fromUtf8(base.err.right(300));
            return row;
        }
        bestBase = std::min(bestBase, base.seconds);
        cpuBase = std::min(cpuBase, base.cpuSeconds);
        theirs = countMatches(base.err, "silence_end:");
    }
    row.value = duration / best;
    row.baseline = duration / bestBase;
    row.ratio = row.value / row.baseline;
    row.pass = row.value >= 500;
    row.note = QStringLiteral("%1 s of media: Clipwright %2 s (%3 pauses), ffmpeg %4 s "
                              "(%5 silences); best of 3; CPU %6 s vs %7 s (CPU ratio %8)")
                   .arg(duration, 0, 'f', 1)
                   .arg(best, 0, 'f', 3)
                   .arg(ours)
                   .arg(bestBase, 0, 'f', 3)
                   .arg(theirs)
                   .arg(cpu, 0, 'f', 3)
                   .arg(cpuBase, 0, 'f', 3)
                   .arg(cpuBase / std::max(1e-6, cpu), 0, 'f', 2);
    row.extra.insert(QStringLiteral("cpu_s"), cpu);
    row.extra.insert(QStringLiteral("baseline_cpu_s"), cpuBase);
    row.extra.insert(QStringLiteral("seconds"), best);
    row.extra.insert(QStringLiteral("baseline_seconds"), bestBase);
    return row;
}

QList<Row> longClipRows(const Context& ctx)
{
    QList<Row> rows;
    QList<Row> latency;
    const CutOnly smart = cutOnlyExport(ctx, QString(), &latency);

    // Baseline: decode everything, re-encode everything at 720p with the same settings.
    // CLIPWRIGHT_BENCH_FLOOR_ONLY=1 skips it and the smart-off row (the cut-only export
    // against its floor only: a quicker before/after on a busy machine).
    const bool floorOnly =
        qEnvironmentVariable("CLIPWRIGHT_BENCH_FLOOR_ONLY") == QLatin1String("1");
    warmCache(ctx.talk);
    const QString baseOut = ctx.workDir + QStringLiteral("/cutonly-baseline.mp4");
    const ProcResult base =
        floorOnly ? ProcResult{}
                  : runTimed(ffmpeg(),
                             QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                                         QStringLiteral("-v"), QStringLiteral("error"),
                                         QStringLiteral("-y"), QStringLiteral("-i"), ctx.talk,
                                         QStringLiteral("-vf"), QStringLiteral("scale=1280:720")} +
                                 exportVideoArgs(ctx.x264) +
                                 QStringList{QStringLiteral("-r"), QStringLiteral("30")} +
                                 exportAudioArgs() +
                                 QStringList{QStringLiteral("-movflags"),
                                             QStringLiteral("+faststart"), baseOut});

    // The floor of any frame-accurate cut with these encoder settings, as one ffmpeg command:
    // decoding each cut's GOP from its keyframe up to the cut (the lead-in) and on through the
    // frames the cut forces (a concat list over a video-only copy made beforehand, untimed;
    // a lead-in already decoded by the previous range is not decoded twice), encoding only
    // the forced frames as one stream, and the sound of the kept length (decode + AAC).
    ProcResult floor;
    int leadIn = 0;
    if (smart.encodedFrames > 0)
        floor = cutFloor(ctx, smart.plan, &leadIn);

    auto makeRow = [&](const QString& id, const QString& metric, const CutOnly& r) {
        Row row;
        row.id = id;
        row.metric = metric;
        row.unit = QStringLiteral("s");
        row.baselineName = QStringLiteral("ffmpeg whole decode + 720p re-encode");
        row.ratioMeaning = QStringLiteral("baseline / Clipwright (speed-up)");
        row.target = QStringLiteral(">= 5x faster");
        row.value = r.seconds;
        row.baseline = base.ok ? base.seconds : -1;
        if (r.seconds > 0 && base.ok)
            row.ratio = base.seconds / r.seconds;
        row.pass = row.ratio >= 5;
        if (!r.error.isEmpty())
            row.note = r.error;
        else
            row.note = QStringLiteral("draft %1 s; output video %2 s, audio %3 s (A/V end gap "
                                      "%4 ms); %5")
                           .arg(r.draftSeconds, 0, 'f', 2)
                           .arg(r.out.video, 0, 'f', 3)
                           .arg(r.out.audio, 0, 'f', 3)
                           .arg(qRound((r.out.audio - r.out.video) * 1000))
                           .arg(r.sync) +
                       QStringLiteral("; CPU %1 s vs %2 s (CPU speed-up %3)")
                           .arg(r.cpuSeconds, 0, 'f', 1)
                           .arg(base.cpuSeconds, 0, 'f', 1)
                           .arg(base.cpuSeconds / std::max(1e-6, r.cpuSeconds), 0, 'f', 2);
        if (r.encodedFrames > 0 && floor.ok) {
            row.note += QStringLiteral("; floor: decoding the cuts' GOPs (%1 frames, lead-ins "
                                       "included), re-encoding only the %2 of %3 frames the "
                                       "cuts force and the sound, one command, takes %4 s, "
                                       "CPU %5 s (at best %6x); Clipwright / floor %7 (CPU %8)")
                            .arg(leadIn)
                            .arg(r.encodedFrames)
                            .arg(r.totalFrames)
                            .arg(floor.seconds, 0, 'f', 1)
                            .arg(floor.cpuSeconds, 0, 'f', 1)
                            .arg(base.ok ? base.seconds / floor.seconds : 0, 0, 'f', 2)
                            .arg(r.seconds / floor.seconds, 0, 'f', 2)
                            .arg(r.cpuSeconds / std::max(1e-6, floor.cpuSeconds), 0, 'f', 2);
            row.extra.insert(QStringLiteral("floor_cpu_s"), floor.cpuSeconds);
            row.extra.insert(QStringLiteral("floor_decoded_frames"), leadIn);
            row.extra.insert(QStringLiteral("vs_floor"), r.seconds / floor.seconds);
            row.extra.insert(QStringLiteral("vs_floor_cpu"),
                             r.cpuSeconds / std::max(1e-6, floor.cpuSeconds));
            row.extra.insert(QStringLiteral("encoded_frames"), r.encodedFrames);
            row.extra.insert(QStringLiteral("total_frames"), r.totalFrames);
            row.extra.insert(QStringLiteral("floor_s"), floor.seconds);
            if (base.ok)
                row.extra.insert(QStringLiteral("floor_ratio"), base.seconds / floor.seconds);
        }
        if (!base.ok && !floorOnly)
            row.note +=
                QStringLiteral("; baseline failed: ") + QString::fromUtf8(base.err.right(300));
        if (r.encodedFrames > 0 && !floor.ok)
            row.note +=
                QStringLiteral("; floor failed: ") + QString::fromUtf8(floor.err.right(300));
        row.extra.insert(QStringLiteral("draft_s"), r.draftSeconds);
        row.extra.insert(QStringLiteral("cpu_s"), r.cpuSeconds);
        row.extra.insert(QStringLiteral("baseline_cpu_s"), base.cpuSeconds);
        row.extra.insert(QStringLiteral("output_video_s"), r.out.video);
        row.extra.insert(QStringLiteral("output_audio_s"), r.out.audio);
        return row;
    };
    rows << makeRow(QStringLiteral("cut_only"), QStringLiteral("cut-only edit, long clip -> 720p"),
                    smart);
    if (engineKnowsSmartRender(ctx) && !floorOnly) {
        const CutOnly off = cutOnlyExport(ctx, QStringLiteral("0"), nullptr);
        rows << makeRow(QStringLiteral("cut_only_smart_off"),
                        QStringLiteral("  same, CLIPWRIGHT_SMART_RENDER=0"), off);
    }
    QFile::remove(baseOut);
    return rows + latency;
}

Row uploadMemoryRow(const Context& ctx)
{
    Row row;
    row.id = QStringLiteral("upload_memory");
    row.metric = QStringLiteral("engine peak memory, %1 MB upload")
                     .arg(qRound(double(QFileInfo(ctx.big).size()) / 1e6));
    row.unit = QStringLiteral("MB");
    row.baselineName = QStringLiteral("the idle engine's peak before the upload");
    row.ratioMeaning = QStringLiteral("Clipwright / baseline");
    row.target = QStringLiteral("< 100 MB");
    TestEngine engine;
    QString error;
    if (!engine.start(&error)) {
        row.note = error;
        return row;
    }
    EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    row.baseline = peakMemoryMb(engine.pid());
    warmCache(ctx.big);
    QElapsedTimer t;
    t.start();
    const HttpReply up = uploadFile(engine.baseUrl(), engine.token(), sid, ctx.big);
    const double took = seconds(t);
    row.value = peakMemoryMb(engine.pid());
    if (up.code() != 0) {
        row.note = QStringLiteral("upload failed: %1 %2")
                       .arg(up.status)
                       .arg(QString::fromUtf8(up.body.left(300)));
        row.value = -1;
        return row;
    }
    row.ratio = row.value / std::max(0.001, row.baseline);
    row.pass = row.value < 100;
    row.note = QStringLiteral("upload + probe + analysis took %1 s (%2 MB/s)")
                   .arg(took, 0, 'f', 2)
                   .arg(double(QFileInfo(ctx.big).size()) / 1e6 / took, 0, 'f', 0);
    return row;
}

} // namespace cw::bench
