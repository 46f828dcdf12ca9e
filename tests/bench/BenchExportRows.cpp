// Short-clip rows: the end-to-end figure (upload -> one chat message that cuts the pauses,
// adds music and a title -> 1080p export complete) on a fresh engine, then the export alone
// against what a person would type: one ffmpeg command that keeps the same source ranges
// (select/aselect), mixes the same music file with the same fades, volume and ducking, draws
// the same title, and encodes with the same x264/AAC settings.
#include "BenchRows.h"

#include <QDir>
#include <QJsonArray>
#include <algorithm>

namespace cw::bench {

using cw::test::EngineClient;
using cw::test::HttpReply;
using cw::test::TestEngine;

namespace {

QString s3(double ms)
{
    return QString::number(ms / 1000.0, 'f', 3);
}

QString fontFile()
{
    const QString noto = QStringLiteral("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    return QFileInfo::exists(noto)
               ? noto
               : QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
}

} // namespace

bool engineKnowsSmartRender(const Context& ctx)
{
    QFile f(ctx.binDir + QStringLiteral("/clipwright-engine"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.readAll().contains("CLIPWRIGHT_SMART_RENDER");
}

QStringList handWrittenExport(const QJsonObject& draft, const QString& source, const QString& music,
                              int width, int height, const QString& x264, const QString& output,
                              QString* error)
{
    QStringList keep;
    QString title;
    QStringList chains;
    QString musicChain;
    bool duck = false;
    for (const QJsonValue& tv : draft.value(QStringLiteral("t")).toArray()) {
        const QJsonObject t = tv.toObject();
        const int tt = t.value(QStringLiteral("tt")).toInt();
        for (const QJsonValue& sv : t.value(QStringLiteral("sg")).toArray()) {
            const QJsonObject s = sv.toObject();
            const QJsonObject m = s.value(QStringLiteral("m")).toObject();
            const double st = s.value(QStringLiteral("st")).toDouble();
            const double in = s.value(QStringLiteral("in")).toDouble();
            const double d = s.value(QStringLiteral("d")).toDouble();
            if (tt == 0) {
                keep << QStringLiteral("between(t,%1,%2)").arg(s3(in), s3(in + d));
            } else if (tt == 1 && musicChain.isEmpty()) {
                musicChain = QStringLiteral("[1:a]atrim=start=%1:duration=%2,asetpts=PTS-STARTPTS")
                                 .arg(s3(in), s3(d));
                const double fi = m.value(QStringLiteral("fi")).toDouble();
                const double fo = m.value(QStringLiteral("fo")).toDouble();
                if (fi > 0)
                    musicChain += QStringLiteral(",afade=t=in:st=0:d=") + s3(fi);
                if (fo > 0)
                    musicChain += QStringLiteral(",afade=t=out:st=%1:d=%2").arg(s3(d - fo), s3(fo));
                musicChain += QStringLiteral(",volume=") +
                              QString::number(m.value(QStringLiteral("vol")).toDouble(1.0));
                if (st > 0)
                    musicChain += QStringLiteral(",adelay=delays=%1:all=1").arg(qRound64(st));
                duck = m.value(QStringLiteral("duck")).toBool();
            } else if (tt == 7 && title.isEmpty()) {
                const QString textFile =
                    QFileInfo(output).absolutePath() + QStringLiteral("/handwritten-title.txt");
                QFile f(textFile);
                if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    return {};
                f.write(m.value(QStringLiteral("text")).toString().toUtf8());
                const double fade = std::min(500.0, d / 4);
                const QString a = s3(st);
                const QString b = s3(st + d);
                const QString fs = s3(fade);
                title =
                    QStringLiteral(",drawtext=fontfile=%1:textfile=%2:fontsize=%3:fontcolor=white:"
                                   "shadowcolor=black@0.6:shadowx=2:shadowy=2:x=(w-text_w)/2:"
                                   "y=(h-text_h)/2:alpha='if(lt(t,%4+%6),(t-%4)/%6,if(gt(t,%5-%6),"
                                   "(%5-t)/%6,1))':enable='between(t,%4,%5)'")
                        .arg(fontFile(), textFile)
                        .arg(std::min(width, height) / 12)
                        .arg(a, b, fs);
            }
        }
    }
    if (keep.isEmpty()) {
        *error = QStringLiteral("the draft has no video segments");
        return {};
    }
    const QString sel = keep.join(QLatin1Char('+'));
    chains << QStringLiteral("[0:v]select='%1',setpts=N/30/TB,scale=%2:%3%4[v]")
                  .arg(sel)
                  .arg(width)
                  .arg(height)
                  .arg(title);
    chains << QStringLiteral("[0:a]aselect='%1',asetpts=N/SR/TB").arg(sel) +
                  (musicChain.isEmpty() ? QStringLiteral("[a]") : QStringLiteral("[sp]"));
    QStringList inputs{QStringLiteral("-i"), source};
    if (!musicChain.isEmpty()) {
        inputs << QStringLiteral("-i") << music;
        chains << musicChain + QStringLiteral("[m]");
        if (duck)
            chains << QStringLiteral("[sp]asplit[s1][s2];[m][s2]sidechaincompress=threshold=0.03:"
                                     "ratio=8:attack=20:release=400[md];[s1][md]amix=inputs=2:"
                                     "duration=first:dropout_transition=0:normalize=0[a]");
        else
            chains << QStringLiteral("[sp][m]amix=inputs=2:duration=first:dropout_transition=0:"
                                     "normalize=0[a]");
    }
    return QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                       QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} +
           inputs +
           QStringList{QStringLiteral("-filter_complex"),
                       chains.join(QLatin1Char(';')),
                       QStringLiteral("-map"),
                       QStringLiteral("[v]"),
                       QStringLiteral("-map"),
                       QStringLiteral("[a]")} +
           exportVideoArgs(x264) + QStringList{QStringLiteral("-r"), QStringLiteral("30")} +
           exportAudioArgs() +
           QStringList{QStringLiteral("-movflags"), QStringLiteral("+faststart"), output};
}

namespace {

// Upload -> one chat message -> 1080p export on a fresh engine (smartEnv: the engine's
// CLIPWRIGHT_SMART_RENDER, empty for the default). The engine stays up for more renders.
struct Flow {
    TestEngine engine;
    std::unique_ptr<EngineClient> c;
    QString sid;
    double upload = 0;
    double edit = 0;
    double render = 0;
    double total = 0;
    int applied = 0;
    QString error;
};

void runFlow(const Context& ctx, const QString& smartEnv, Flow* f)
{
    f->engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), ctx.x264);
    if (!smartEnv.isEmpty())
        f->engine.setEnv(QStringLiteral("CLIPWRIGHT_SMART_RENDER"), smartEnv);
    if (!f->engine.start(&f->error))
        return;
    f->c = std::make_unique<EngineClient>(f->engine.baseUrl(), f->engine.token());
    f->sid = f->c->createSession();
    warmCache(ctx.shortHd);
    QElapsedTimer total;
    total.start();
    const HttpReply up = uploadFile(f->engine.baseUrl(), f->engine.token(), f->sid, ctx.shortHd);
    f->upload = seconds(total);
    QList<AgentEvent> events;
    const HttpReply turn = f->c->runSse(
        f->sid,
        QStringLiteral("cut the pauses, add background music, and add a title 'Urban Dreams'"),
        &events);
    f->edit = seconds(total) - f->upload;
    for (const AgentEvent& e : events)
        if (e.kind == AgentEvent::Kind::FunctionResponse &&
            e.response.value(QStringLiteral("ok")).toBool())
            ++f->applied;
    QString url;
    const std::optional<double> render =
        up.code() == 0 && turn.status == 200
            ? renderAndWait(*f->c, f->sid, QStringLiteral("1080p"), &url, &f->error)
            : std::nullopt;
    if (!render) {
        f->error =
            QStringLiteral("upload %1, turn %2, %3").arg(up.status).arg(turn.status).arg(f->error);
        return;
    }
    f->render = *render;
    f->total = seconds(total);
}

} // namespace

QList<Row> shortClipRows(const Context& ctx)
{
    Row e2e;
    e2e.id = QStringLiteral("end_to_end");
    e2e.metric = QStringLiteral("end to end, short 1080p clip");
    e2e.unit = QStringLiteral("s");
    e2e.baselineName = QStringLiteral("the hand-written ffmpeg export alone");
    e2e.ratioMeaning = QStringLiteral("Clipwright / baseline");
    e2e.target = QStringLiteral("<= 15 s");
    Row exp;
    exp.id = QStringLiteral("export");
    exp.metric = QStringLiteral("export (cuts+music+title), short 1080p clip");
    exp.unit = QStringLiteral("s");
    exp.baselineName = QStringLiteral("one hand-written ffmpeg command");
    exp.ratioMeaning = QStringLiteral("Clipwright / baseline");
    exp.target = QStringLiteral("<= 1.10x");
    Row off = exp;
    off.id = QStringLiteral("export_smart_off");
    off.metric = QStringLiteral("  same, CLIPWRIGHT_SMART_RENDER=0");

    Flow flow;
    runFlow(ctx, QString(), &flow);
    if (!flow.error.isEmpty()) {
        e2e.note = exp.note = flow.error;
        return {e2e, exp};
    }
    EngineClient& c = *flow.c;
    const QString sid = flow.sid;
    TestEngine& engine = flow.engine;
    QString error;
    e2e.value = flow.total;
    e2e.note = QStringLiteral("upload+analysis %1 s, chat turn %2 s (%3 operations applied), "
                              "render %4 s")
                   .arg(flow.upload, 0, 'f', 2)
                   .arg(flow.edit, 0, 'f', 2)
                   .arg(flow.applied)
                   .arg(flow.render, 0, 'f', 2);
    if (flow.applied < 3)
        e2e.note += QStringLiteral(" - fewer than 3 operations applied");

    // The export alone, alternated with the baseline (2 runs each, best of each).
    const QJsonObject draft = headDraft(c, sid);
    QString musicPath;
    for (const QJsonValue& tv : draft.value(QStringLiteral("t")).toArray())
        for (const QJsonValue& sv : tv.toObject().value(QStringLiteral("sg")).toArray())
            if (tv.toObject().value(QStringLiteral("tt")).toInt() == 1 && musicPath.isEmpty())
                musicPath = engine.dataDir() + QStringLiteral("/generated/") +
                            sv.toObject().value(QStringLiteral("src")).toString() +
                            QStringLiteral(".m4a");
    const QString out = ctx.workDir + QStringLiteral("/export-baseline.mp4");
    const QStringList args =
        handWrittenExport(draft, ctx.shortHd, musicPath, 1920, 1080, ctx.x264, out, &error);
    double best = flow.render;
    double bestBase = 1e9;
    double cpu = 1e9;
    double cpuBase = 1e9;
    QString baseErr;
    for (int i = 0; i < 2 && !args.isEmpty(); ++i) {
        const ProcResult base = runTimed(QStringLiteral("ffmpeg"), args);
        if (!base.ok) {
            baseErr = QString::fromUtf8(base.err.right(400));
            break;
        }
        bestBase = std::min(bestBase, base.seconds);
        cpuBase = std::min(cpuBase, base.cpuSeconds);
        double engineCpu = -1;
        const std::optional<double> again = renderAndWait(c, sid, QStringLiteral("1080p"), nullptr,
                                                          &error, engine.pid(), &engineCpu);
        if (again) {
            best = std::min(best, *again);
            cpu = std::min(cpu, engineCpu);
        }
    }
    if (bestBase < 1e9) {
        e2e.baseline = bestBase;
        e2e.ratio = e2e.value / bestBase;
        exp.value = best;
        exp.baseline = bestBase;
        exp.ratio = best / bestBase;
        exp.pass = exp.ratio <= 1.10;
        const double outD = probeDuration(out);
        exp.note = QStringLiteral("draft %1 s, baseline output %2 s; best of 2 each (the first "
                                  "engine render is the end-to-end one); CPU %3 s vs %4 s "
                                  "(CPU ratio %5)")
                       .arg(draft.value(QStringLiteral("d")).toDouble() / 1000.0, 0, 'f', 2)
                       .arg(outD, 0, 'f', 2)
                       .arg(cpu, 0, 'f', 1)
                       .arg(cpuBase, 0, 'f', 1)
                       .arg(cpu / std::max(1e-6, cpuBase), 0, 'f', 2);
        exp.extra.insert(QStringLiteral("cpu_s"), cpu);
        exp.extra.insert(QStringLiteral("baseline_cpu_s"), cpuBase);
        exp.extra.insert(QStringLiteral("handwritten_command"), args.join(QLatin1Char(' ')));
    } else {
        exp.note = QStringLiteral("baseline failed: ") + (args.isEmpty() ? error : baseErr);
    }
    e2e.pass = e2e.value <= 15;
    QFile::remove(out);
    if (!engineKnowsSmartRender(ctx))
        return {e2e, exp};

    // The same flow with every frame decoded and re-encoded, for comparison.
    Flow full;
    runFlow(ctx, QStringLiteral("0"), &full);
    off.value = full.render;
    off.baseline = exp.baseline;
    if (full.error.isEmpty() && bestBase < 1e9) {
        off.ratio = full.render / bestBase;
        off.pass = off.ratio <= 1.10;
        off.note = QStringLiteral("first render of a fresh engine; end to end %1 s")
                       .arg(full.total, 0, 'f', 2);
    } else {
        off.note = full.error;
    }
    return {e2e, exp, off};
}

} // namespace cw::bench
