// See BenchOperationSupport.h.
#include "BenchOperationSupport.h"

#include "Draft.h"
#include "edit/Overlays.h"
#include "render/RenderOutput.h"
#include "render/SmartRender.h"

#include <QDir>
#include <algorithm>

namespace cw::bench {

using namespace cw::engine;

using cw::test::EngineClient;
using cw::test::HttpReply;

QString sec(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

EnginePath enginePath(const QJsonObject& json, const QString& source, const QString& picture,
                      const QString& workDir,
                      const std::function<void(QHash<QString, RenderInput>*)>& adjust)
{
    EnginePath p;
    const std::optional<Draft> draft = Draft::fromJson(json);
    if (!draft) {
        p.why = QStringLiteral("the draft does not decode");
        return p;
    }
    QHash<QString, RenderInput> inputs;
    const qint64 durationMs = qRound64(probeDuration(source) * 1000);
    for (const Track& t : draft->t)
        for (const Segment& s : t.sg)
            if (!s.src.isEmpty())
                inputs.insert(s.src, isOverlaySegment(s)
                                         ? RenderInput{picture, true, false, 0, true}
                                         : RenderInput{source, true, true, durationMs});
    if (adjust)
        adjust(&inputs);
    const RenderPreset preset = RenderPreset::byName(QStringLiteral("1080p"));
    if (draftSuitsSmartRender(*draft, inputs, preset, &p.why)) {
        const SmartPlan plan =
            planSmartRender(*draft, inputs, probeSmartSources(*draft, inputs), preset);
        p.smart = plan.eligible;
        p.why = plan.reason;
        p.encoded = plan.encodedFrames();
        p.total = plan.totalFrames();
    }
    const RenderCommand cmd =
        buildRenderCommand(*draft, inputs, render::outputPreset(preset, *draft),
                           workDir + QStringLiteral("/graph.mp4"), workDir, defaultFontFile());
    const int at = int(cmd.args.indexOf(QStringLiteral("-filter_complex")));
    p.graph = at >= 0 && at + 1 < cmd.args.size() ? cmd.args[at + 1] : cmd.error;
    for (const QString& file : cmd.files)
        QFile::remove(file);
    return p;
}

QStringList handWritten(const QStringList& inputs, const QStringList& filters, const QString& x264,
                        const QString& output)
{
    return QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                       QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} +
           inputs + filters + exportVideoArgs(x264) + exportAudioArgs() +
           QStringList{QStringLiteral("-movflags"), QStringLiteral("+faststart"), output};
}

ProcResult runCommands(const QList<QStringList>& commands)
{
    ProcResult all;
    all.ok = true;
    for (const QStringList& args : commands) {
        const ProcResult r = runTimed(QStringLiteral("ffmpeg"), args);
        all.seconds += r.seconds;
        all.cpuSeconds += r.cpuSeconds;
        all.out += r.out;
        all.err += r.err;
        if (!r.ok) {
            all.ok = false;
            break;
        }
    }
    return all;
}

QString copyOfClip(const Context& ctx, const QString& name, QString* error)
{
    const QString file = ctx.workDir + QLatin1Char('/') + name;
    const ProcResult copied =
        runTimed(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"),
                                            QStringLiteral("-y"), QStringLiteral("-i"), ctx.shortHd,
                                            QStringLiteral("-c"), QStringLiteral("copy"), file});
    if (!copied.ok) {
        *error =
            QStringLiteral("cannot copy the clip: ") + QString::fromUtf8(copied.err.right(300));
        return {};
    }
    return file;
}

bool edit(const Context& ctx, const QStringList& extra, const QString& message, Edited* e)
{
    e->engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), ctx.x264);
    if (!e->engine.start(&e->error))
        return false;
    e->c = std::make_unique<EngineClient>(e->engine.baseUrl(), e->engine.token());
    e->sid = sessionWith(e->engine, ctx.shortHd, nullptr, &e->error);
    if (e->sid.isEmpty())
        return false;
    for (const QString& file : extra) {
        const HttpReply up = uploadFile(e->engine.baseUrl(), e->engine.token(), e->sid, file);
        if (up.code() != 0) {
            e->error = QStringLiteral("upload of %1 failed: %2").arg(file).arg(up.status);
            return false;
        }
    }
    if (message.isEmpty()) {
        e->draft = headDraft(*e->c, e->sid);
        return true;
    }
    const Turn turn = timedTurn(*e->c, e->sid, message);
    e->reply = turn.text;
    if (!turn.ok || turn.responses == 0) {
        e->error = QStringLiteral("the chat turn did not apply: ") + turn.text.left(300);
        return false;
    }
    e->draft = headDraft(*e->c, e->sid);
    return true;
}

// Whether the process has running children (an engine making preview proxies after an upload).
static bool hasChildren(qint64 pid)
{
    const QString tasks = QStringLiteral("/proc/%1/task").arg(pid);
    for (const QString& tid : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks + QLatin1Char('/') + tid + QStringLiteral("/children"));
        if (f.open(QIODevice::ReadOnly) && !f.readAll().trimmed().isEmpty())
            return true;
    }
    return false;
}

void waitIdle(qint64 pid, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (hasChildren(pid) && t.elapsed() < timeoutMs)
        QThread::msleep(100);
}

void measure(const Context& ctx, Edited& e, const Baseline& baseline, const QString& out,
             const std::function<EnginePath()>& pathOf, Row* row, const MeasureOptions& options)
{
    double best = 1e9;
    double cpu = 1e9;
    double bestBase = 1e9;
    double cpuBase = 1e9;
    QString error;
    waitIdle(e.engine.pid());
    warmCache(ctx.shortHd);
    for (int i = 0; i < 2; ++i) {
        const ProcResult base = baseline();
        if (!base.ok) {
            row->note =
                QStringLiteral("baseline failed: ") + QString::fromUtf8(base.err.right(400));
            return;
        }
        bestBase = std::min(bestBase, base.seconds);
        cpuBase = std::min(cpuBase, base.cpuSeconds);
        if (options.beforeRender)
            options.beforeRender();
        double engineCpu = -1;
        const std::optional<double> s =
            renderAndWait(*e.c, e.sid, QStringLiteral("1080p"), nullptr, &error, e.engine.pid(),
                          &engineCpu, -1, nullptr, options.draft);
        if (!s) {
            row->note = error;
            return;
        }
        best = std::min(best, *s);
        cpu = std::min(cpu, engineCpu);
    }
    const EnginePath path = pathOf();
    row->value = best;
    row->baseline = bestBase;
    row->ratio = best / bestBase;
    row->pass = row->ratio <= 1.15;
    const QString how =
        path.smart ? QStringLiteral("smart render, %1 of %2 frames re-encoded")
                         .arg(path.encoded)
                         .arg(path.total)
                   : QStringLiteral("normal render (every frame re-encoded; smart render: %1)")
                         .arg(path.why.isEmpty() ? QStringLiteral("not eligible") : path.why);
    row->note = QStringLiteral("%1; best of 2 each; CPU %2 s vs %3 s (CPU ratio %4); baseline "
                               "output %5 s")
                    .arg(how)
                    .arg(cpu, 0, 'f', 1)
                    .arg(cpuBase, 0, 'f', 1)
                    .arg(cpu / std::max(1e-6, cpuBase), 0, 'f', 2)
                    .arg(probeDuration(out), 0, 'f', 2);
    row->extra.insert(QStringLiteral("cpu_s"), cpu);
    row->extra.insert(QStringLiteral("baseline_cpu_s"), cpuBase);
    row->extra.insert(QStringLiteral("smart_render"), path.smart);
    row->extra.insert(QStringLiteral("engine_graph"), path.graph);
    QFile::remove(out);
}

void measure(const Context& ctx, Edited& e, const QStringList& args, const QString& out,
             const EnginePath& path, Row* row, const QJsonObject& draft)
{
    MeasureOptions options;
    options.draft = draft;
    measure(
        ctx, e, [&args] { return runTimed(QStringLiteral("ffmpeg"), args); }, out,
        [&path] { return path; }, row, options);
    row->extra.insert(QStringLiteral("handwritten_command"), args.join(QLatin1Char(' ')));
}

Row operationRow(const char* id, const char* metric)
{
    Row r;
    r.id = QLatin1String(id);
    r.metric = QLatin1String(metric);
    r.unit = QStringLiteral("s");
    r.baselineName = QStringLiteral("one hand-written ffmpeg command");
    r.ratioMeaning = QStringLiteral("Clipwright / baseline");
    r.target = QStringLiteral("<= 1.15x");
    return r;
}

} // namespace cw::bench
