// See EditCommand.h. Every check that needs no media (arguments, output rules, writable
// outputs, readable inputs) runs before any job starts, so a bad call fails in
// milliseconds and never leaves half its outputs behind. SIGINT/SIGTERM set a flag that the
// ffmpeg runner polls (it kills ffmpeg and deletes OUT.part) and that is checked between
// steps; a second signal ends the process at once.
#include "cli/EditCommand.h"

#include "EngineInfo.h"
#include "Shorts.h"
#include "agent/Executor.h"
#include "agent/Planner.h"
#include "cli/EditOptions.h"
#include "cli/ExitCode.h"
#include "cli/LocalSession.h"
#include "cli/Reporter.h"
#include "media/MediaProbe.h"
#include "render/RenderDraft.h"
#include "render/RenderOutput.h"
#include "store/RenderInputs.h"
#include "store/Store.h"

#ifdef CLIPWRIGHT_HAVE_INTERCHANGE
#include "Interchange.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace cw::engine::cli {

namespace {

std::atomic_bool g_interrupted{false};

void onSignal(int sig)
{
    g_interrupted = true;
    std::signal(sig, SIG_DFL); // a second Ctrl-C ends the process at once
}

QString tr(const char* text)
{
    return QCoreApplication::translate("cw::engine::cli", text);
}

struct Failure {
    int code = ExitOk;
    QString message;
    QString file;
};

class EditRun {
public:
    EditRun(const EditOptions& options, Reporter& reporter, Store& store)
        : m_options(options), m_reporter(reporter), m_store(store), m_executor(store)
    {}

    // Runs one job; returns a Failure with code ExitOk on success.
    Failure run(const EditJob& job);

private:
    Failure applyInstruction(const QString& sessionId);
    Failure render(const QString& sessionId, const Draft& draft, const QString& output,
                   QJsonObject* result);
    Failure renderShorts(const QString& sessionId, const Draft& draft, const QString& output,
                         QJsonObject result);
    Failure exportHandOff(const QString& sessionId, const Draft& draft, const QString& output,
                          const QHash<QString, QString>& originals, QJsonObject* result);

    const EditOptions& m_options;
    Reporter& m_reporter;
    Store& m_store;
    Executor m_executor;
};

Failure interrupted()
{
    return {ExitInterrupted, tr("interrupted; no output was written"), QString()};
}

Failure EditRun::run(const EditJob& job)
{
    const std::optional<SessionRecord> session = m_store.createSession(QStringLiteral("en"));
    if (!session)
        return {ExitInternal, tr("the work session could not be created"), m_store.dataDir()};
    const IngestResult ingested = ingestLocalFiles(m_store, session->id, job.inputs);
    if (!ingested.ok) {
        QString file = job.inputs.size() == 1 ? job.inputs.first() : QString();
        return {ingested.code == 4001 ? ExitBadInput : ExitInternal, ingested.error, file};
    }
    QHash<QString, QString> originals; // media id -> the input file
    for (int i = 0; i < ingested.media.size() && i < job.inputs.size(); ++i) {
        const MediaRecord& m = ingested.media.at(i);
        originals.insert(m.id, job.inputs.at(i));
        m_reporter.input(job.inputs.at(i),
                         QJsonObject{{QStringLiteral("kind"), m.kind},
                                     {QStringLiteral("duration"), double(m.durationMs) / 1000.0},
                                     {QStringLiteral("duration_ms"), m.durationMs},
                                     {QStringLiteral("width"), m.width},
                                     {QStringLiteral("height"), m.height},
                                     {QStringLiteral("has_audio"), m.hasAudio},
                                     {QStringLiteral("has_video"), m.hasVideo}});
    }
    for (const QString& note : ingested.notes)
        m_reporter.warning(note);
    if (g_interrupted)
        return interrupted();

    Failure failure = applyInstruction(session->id);
    if (failure.code != ExitOk)
        return failure;
    if (g_interrupted)
        return interrupted();

    const std::optional<DraftVersion> head = m_store.headDraft(session->id);
    std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft)
        return {ExitInternal, tr("the edited timeline cannot be read"), QString()};
    if (!draft->isExportable())
        return {ExitRenderFailed, tr("the edit left the timeline empty; nothing to write"),
                job.output};

    QJsonObject result{{QStringLiteral("output"), job.output},
                       {QStringLiteral("inputs"), QJsonArray::fromStringList(job.inputs)},
                       {QStringLiteral("summary"), draft->summary()}};
    const bool shorts = !shortsOf(*draft).isEmpty();
    if (m_options.shortIndex > 0 && !shorts)
        return {ExitUsage,
                tr("--short %1: the instruction made no shorts (say e.g. \"make 3 shorts of 30 "
                   "seconds\")")
                    .arg(m_options.shortIndex),
                QString()};
    if (shorts && m_options.exportFormat.isEmpty())
        return renderShorts(session->id, *draft, job.output, result);
    failure = m_options.exportFormat.isEmpty()
                  ? render(session->id, *draft, job.output, &result)
                  : exportHandOff(session->id, *draft, job.output, originals, &result);
    if (failure.code == ExitOk)
        m_reporter.result(result);
    return failure;
}

Failure EditRun::applyInstruction(const QString& sessionId)
{
    const Plan plan = planInstruction(m_options.instruction());
    const bool zh = plan.chinese;
    const QString declined = Executor::declinedNote(plan, zh);
    if (plan.operations.isEmpty()) {
        return {ExitNotUnderstood,
                tr("the instruction was not understood: %1")
                    .arg(declined.isEmpty() ? Executor::capabilitiesReply(zh, plan.suggestions)
                                            : declined),
                QString()};
    }
    for (const QString& note : {declined, Executor::unrecognizedNote(plan, zh)})
        if (!note.isEmpty())
            m_reporter.warning(note);
    // Nobody can answer a question in a headless run: what the command says is what it means.
    TurnState state;
    state.interactive = false;
    state.cancel = &g_interrupted; // Ctrl-C stops an analysis too
    int applied = 0;
    QStringList failures;
    for (const Operation& op : plan.operations) {
        if (g_interrupted)
            return interrupted();
        const OpOutcome outcome = m_executor.run(sessionId, op, zh, &state);
        m_reporter.operation(op.name, op.args, outcome.ok, outcome.reply, outcome.response);
        if (outcome.ok)
            ++applied;
        else
            failures << outcome.reply;
    }
    if (applied == 0)
        return {ExitNotUnderstood,
                tr("no operation could be applied: %1").arg(failures.join(QLatin1Char(' '))),
                QString()};
    return {};
}

Failure EditRun::render(const QString& sessionId, const Draft& draft, const QString& output,
                        QJsonObject* result)
{
    QHash<QString, RenderInput> inputs;
    QString missing;
    if (!collectRenderInputs(m_store, sessionId, draft, &inputs, &missing))
        return {ExitInternal,
                tr("the timeline uses media that is not in the session: %1").arg(missing),
                QString()};
    RenderPreset preset = RenderPreset::byName(m_options.preset);
    preset.format = m_options.format;
    preset.maxBytes = m_options.maxBytes;
    preset.keepCodec = m_options.fast;
    if (preset.format == QLatin1String("gif") && draft.computedDuration() > kGifMaxMs)
        return {ExitRenderFailed,
                tr("a GIF can be at most %1 s long and the edit is %2 s; trim it or write "
                   ".mp4 or .webm")
                    .arg(kGifMaxMs / 1000)
                    .arg(double(draft.computedDuration()) / 1000.0, 0, 'f', 1),
                output};
    m_reporter.progress(QStringLiteral("render"), 0.0);
    const RunResult run = renderDraft(
        draft, inputs, preset, output, m_store.tmpDir(),
        [this](double fraction) { m_reporter.progress(QStringLiteral("render"), fraction); },
        &g_interrupted);
    if (g_interrupted || run.cancelled) {
        QFile::remove(output + QStringLiteral(".part"));
        return interrupted();
    }
    if (!run.ok)
        return {ExitRenderFailed, tr("the render failed: %1").arg(run.error.trimmed()), output};
    m_reporter.progress(QStringLiteral("render"), 1.0);

    const MediaInfo written = probeMedia(output);
    result->insert(QStringLiteral("format"), preset.format);
    result->insert(QStringLiteral("preset"), preset.name);
    result->insert(QStringLiteral("duration"), double(written.durationMs) / 1000.0);
    result->insert(QStringLiteral("duration_ms"), written.durationMs);
    result->insert(QStringLiteral("width"), written.width);
    result->insert(QStringLiteral("height"), written.height);
    result->insert(QStringLiteral("size"), QFileInfo(output).size());
    return {};
}

// An edit with shorts (core Shorts.h) writes them instead of the main edit: --short N (or
// "export short N" said in the instruction) only that one to OUT, else each to OUT-1.ext,
// OUT-2.ext, ... beside OUT. Each is checked before anything renders.
Failure EditRun::renderShorts(const QString& sessionId, const Draft& draft, const QString& output,
                              QJsonObject result)
{
    const int count = int(shortsOf(draft).size());
    int only = m_options.shortIndex;
    if (only <= 0)
        only = draft.m.value(QLatin1String("export"))
                   .toObject()
                   .value(QLatin1String("short"))
                   .toInt(0);
    QList<QPair<Draft, QString>> work;
    const QFileInfo out(output);
    for (int n = only > 0 ? only : 1; n <= (only > 0 ? only : count); ++n) {
        QString error;
        const std::optional<Draft> one = shortDraft(draft, n, &error);
        if (!one)
            return {ExitUsage, error, QString()};
        const QString path = only > 0
                                 ? output
                                 : out.absolutePath() + QLatin1Char('/') + out.completeBaseName() +
                                       QStringLiteral("-%1.").arg(n) + out.suffix();
        work << qMakePair(*one, path);
    }
    for (int i = 0; i < work.size(); ++i) {
        if (g_interrupted)
            return interrupted();
        QJsonObject r = result;
        r.insert(QStringLiteral("output"), work[i].second);
        r.insert(QStringLiteral("short"), only > 0 ? only : i + 1);
        r.insert(QStringLiteral("shorts"), count);
        r.insert(QStringLiteral("summary"), work[i].first.summary());
        const Failure f = render(sessionId, work[i].first, work[i].second, &r);
        if (f.code != ExitOk)
            return f;
        m_reporter.result(r);
    }
    return {};
}

#ifdef CLIPWRIGHT_HAVE_INTERCHANGE
// Media the work folder made (music beds, intro cards) would vanish with it, so they are
// copied to <output stem>_media/ beside the hand-off file; inputs keep their own paths.
Failure EditRun::exportHandOff(const QString& sessionId, const Draft& draft, const QString& output,
                               const QHash<QString, QString>& originals, QJsonObject* result)
{
    const std::optional<interchange::Format> format =
        interchange::formatFromName(m_options.exportFormat);
    if (!format)
        return {ExitUsage, tr("unknown export format %1").arg(m_options.exportFormat), QString()};
    m_reporter.progress(QStringLiteral("export"), 0.0);
    const QFileInfo out(output);
    const QString mediaDir =
        out.absolutePath() + QLatin1Char('/') + out.completeBaseName() + QStringLiteral("_media");
    QList<interchange::SourceMedia> media;
    QJsonArray copied;
    for (const MediaRecord& m : m_store.sessionMedia(sessionId)) {
        interchange::SourceMedia s{m.id,     m.path, m.filename, m.durationMs, m.width,
                                   m.height, m.fps,  m.hasVideo, m.hasAudio};
        if (originals.contains(m.id)) {
            s.path = originals.value(m.id);
        } else {
            const bool used = std::any_of(draft.t.cbegin(), draft.t.cend(), [&m](const Track& t) {
                return std::any_of(t.sg.cbegin(), t.sg.cend(),
                                   [&m](const Segment& sg) { return sg.src == m.id; });
            });
            if (!used)
                continue;
            QString target = mediaDir + QLatin1Char('/') + m.filename;
            if (m.filename.isEmpty() || copied.contains(target))
                target = mediaDir + QLatin1Char('/') + m.id + QLatin1Char('.') +
                         QFileInfo(m.path).suffix();
            QDir().mkpath(mediaDir);
            QFile::remove(target);
            if (!QFile::copy(m.path, target))
                return {ExitOutputUnwritable,
                        tr("cannot copy generated media into %1").arg(mediaDir), target};
            s.path = target;
            copied.append(target);
        }
        media << s;
    }
    QString error;
    const QByteArray bytes = interchange::write(*format, draft, media, &error);
    if (bytes.isEmpty())
        return {ExitRenderFailed,
                tr("cannot write %1: %2").arg(interchange::displayName(*format), error), output};
    const QString part = output + QStringLiteral(".part");
    QFile file(part);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size() || !file.flush()) {
        const QString why = file.errorString();
        file.close();
        QFile::remove(part);
        return {ExitOutputUnwritable, why, output};
    }
    file.close();
    if (g_interrupted) {
        QFile::remove(part);
        return interrupted();
    }
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(output).constData()) !=
        0) {
        QFile::remove(part);
        return {ExitOutputUnwritable, tr("cannot rename the finished file into place"), output};
    }
    m_reporter.progress(QStringLiteral("export"), 1.0);
    result->insert(QStringLiteral("format"), interchange::extension(*format));
    result->insert(QStringLiteral("duration"), double(draft.computedDuration()) / 1000.0);
    result->insert(QStringLiteral("duration_ms"), draft.computedDuration());
    result->insert(QStringLiteral("size"), QFileInfo(output).size());
    if (!copied.isEmpty())
        result->insert(QStringLiteral("media"), copied);
    return {};
}
#else
Failure EditRun::exportHandOff(const QString&, const Draft&, const QString&,
                               const QHash<QString, QString>&, QJsonObject*)
{
    return {ExitUsage, tr("hand-off export (--export) is not available in this build"), QString()};
}
#endif

// Output folders are created here; each output must be creatable as OUT.part.
Failure checkOutputs(const EditOptions& options)
{
    for (const EditJob& job : options.jobs) {
        const QFileInfo out(job.output);
        if (out.isDir())
            return {ExitOutputUnwritable, tr("is a folder"), job.output};
        const QString folder = out.absolutePath();
        if (!QFileInfo(folder).isDir() && !QDir().mkpath(folder))
            return {ExitOutputUnwritable, tr("the folder cannot be created"), folder};
        QFile probe(job.output + QStringLiteral(".part"));
        const bool existed = probe.exists();
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Append))
            return {ExitOutputUnwritable, tr("cannot be written: %1").arg(probe.errorString()),
                    job.output};
        probe.close();
        if (!existed)
            probe.remove();
    }
    return {};
}

Failure checkInputs(const EditOptions& options)
{
    for (const EditJob& job : options.jobs) {
        for (const QString& in : job.inputs) {
            QString reason;
            if (!checkMediaFile(in, &reason))
                return {ExitBadInput, reason, in};
        }
    }
    return {};
}

} // namespace

int runEdit(const QStringList& arguments)
{
    EditOptions options;
    QString error;
    const ParseResult parsed = parseEditArguments(arguments, &options, &error);
    if (parsed == ParseResult::Help) {
        std::fputs(qPrintable(editHelpText()), stdout);
        return ExitOk;
    }
    if (parsed == ParseResult::Version) {
        std::printf("clipwright-engine %s\n", qPrintable(engineVersion()));
        return ExitOk;
    }
    if (parsed == ParseResult::Error)
        options.json = arguments.contains(QStringLiteral("--json"));
    else if (planJobs(&options, &error))
        error.clear();
    Reporter reporter(Reporter::detectMode(options.json), options.quiet);
    if (!error.isEmpty()) {
        reporter.error(ExitUsage, error + tr("\nTry 'clipwright-engine edit --help'."));
        return ExitUsage;
    }

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGPIPE, SIG_IGN);

    for (const Failure& f : {checkInputs(options), checkOutputs(options)}) {
        if (f.code != ExitOk) {
            reporter.error(f.code, f.message, f.file);
            return f.code;
        }
    }

    std::unique_ptr<QTemporaryDir> tempDir;
    QString dataDir = options.dataDir;
    if (dataDir.isEmpty()) {
        tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                  QStringLiteral("/clipwright-edit-XXXXXX"));
        if (!tempDir->isValid()) {
            reporter.error(ExitInternal,
                           tr("cannot create a work folder: %1").arg(tempDir->errorString()),
                           QDir::tempPath());
            return ExitInternal;
        }
        tempDir->setAutoRemove(!options.keepData);
        dataDir = tempDir->path();
    }
    Store store;
    if (!store.open(dataDir, &error)) {
        reporter.error(ExitInternal, tr("cannot open the work folder: %1").arg(error), dataDir);
        return ExitInternal;
    }

    reporter.start(int(options.jobs.size()), options.instruction());
    EditRun run(options, reporter, store);
    int exitCode = ExitOk;
    for (int i = 0; i < options.jobs.size(); ++i) {
        const EditJob& job = options.jobs.at(i);
        reporter.jobStarted(i + 1, int(options.jobs.size()), job.inputs, job.output);
        const Failure f = run.run(job);
        if (f.code != ExitOk) {
            reporter.error(f.code, f.message, f.file);
            exitCode = f.code;
            break;
        }
    }
    store.close();
    if (options.keepData || !options.dataDir.isEmpty())
        reporter.note(tr("work folder kept: %1").arg(dataDir));
    return exitCode;
}

} // namespace cw::engine::cli
