// See Stabilise.h. Options, measured on a testsrc2 picture moved by a random walk (about 6 px
// a frame; tests/engine/tst_stabilise.cpp): the detect defaults (shakiness 5) with accuracy 15
// find the walk; smoothing over 30 frames either side (about a second) leaves a fifth of the
// frame-to-frame motion (10 frames leaves a third). optzoom=1 zooms just enough that no moving
// border shows; unsharp restores what the interpolation softens (vid.stab's own advice).
#include "media/Stabilise.h"

#include "render/RenderFilters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>
#include <algorithm>

namespace cw::engine {

namespace {

std::atomic_int g_runs{0};

QString tr(const char* text)
{
    return QCoreApplication::translate("Stabilise", text);
}

RunResult failed(const QString& error, bool cancelled = false)
{
    RunResult r;
    r.error = error;
    r.cancelled = cancelled;
    return r;
}

// The main track: the first video track with segments (as the render reads it).
const Track* mainTrack(const Draft& draft)
{
    for (const Track& t : draft.t)
        if (t.tt == int(TrackType::Video) && !t.sg.isEmpty())
            return &t;
    return nullptr;
}

bool usable(const RenderInput& in)
{
    return in.hasVideo && !render::isStill(in);
}

} // namespace

bool isStabilisedSegment(const Segment& s)
{
    const QJsonValue v = s.m.value(QLatin1String("stab"));
    return v.isObject() || v.toBool();
}

QString stabiliseCachePath(const QString& dataDir, const QString& hash)
{
    if (dataDir.isEmpty() || hash.size() < 16)
        return {};
    return QDir(dataDir).filePath(
        QStringLiteral("stabilise/%1-v%2.trf").arg(hash.left(32)).arg(kStabiliseFormat));
}

int shakeAnalysesRun()
{
    return g_runs.load();
}

RunResult analyseShake(const QString& source, qint64 durationMs, const QString& trfPath,
                       const std::function<void(double)>& onProgress,
                       const std::atomic_bool* cancel)
{
    const QString name = QFileInfo(source).fileName();
    if (stabilise::analysisComplete(trfPath)) {
        RunResult ok;
        ok.ok = true;
        return ok;
    }
    if (!QFileInfo(source).isFile())
        return failed(tr("Cannot stabilise %1: the file is missing.").arg(name));
    QDir().mkpath(QFileInfo(trfPath).absolutePath());
    // A name of its own, so two renders analysing the same media never share a half file.
    const QString part =
        trfPath + QStringLiteral(".part-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString ptsPart = part + QStringLiteral(".pts");
    // Every decoded frame's timestamp, in the stream's time base, without encoding a thing.
    const QStringList args{QStringLiteral("-i"),
                           source,
                           QStringLiteral("-map"),
                           QStringLiteral("0:v:0"),
                           QStringLiteral("-an"),
                           QStringLiteral("-sn"),
                           QStringLiteral("-vf"),
                           QStringLiteral("vidstabdetect=shakiness=5:accuracy=15:result=") +
                               escapeFilterValue(part),
                           QStringLiteral("-progress"),
                           QStringLiteral("pipe:1"),
                           QStringLiteral("-fps_mode"),
                           QStringLiteral("passthrough"),
                           QStringLiteral("-enc_time_base"),
                           QStringLiteral("-1"),
                           QStringLiteral("-c:v"),
                           QStringLiteral("wrapped_avframe"),
                           QStringLiteral("-f"),
                           QStringLiteral("framecrc"),
                           ptsPart};
    ++g_runs;
    QByteArray err;
    const int code = runFfmpegStep(args, cancel, &err, progressReader(durationMs, onProgress));
    if (code == 2) {
        QFile::remove(part);
        QFile::remove(ptsPart);
        return failed(tr("Cancelled."), true);
    }
    if (code != 0 || !stabilise::trfComplete(part)) {
        QFile::remove(part);
        QFile::remove(ptsPart);
        const QStringList lines = QString::fromUtf8(err).trimmed().split(QLatin1Char('\n'));
        return failed(
            tr("Cannot stabilise %1: its picture could not be analysed (%2).")
                .arg(name, lines.isEmpty() ? QString() : lines.last().trimmed().left(200)));
    }
    QFile::remove(trfPath);
    QFile::remove(stabilise::ptsPathOf(trfPath));
    if (!QFile::rename(ptsPart, stabilise::ptsPathOf(trfPath)) || !QFile::rename(part, trfPath)) {
        QFile::remove(part);
        QFile::remove(ptsPart);
        return failed(tr("Cannot stabilise %1: the analysis could not be saved.").arg(name));
    }
    if (onProgress)
        onProgress(1.0);
    RunResult ok;
    ok.ok = true;
    return ok;
}

// Each stabilised segment's own stretch of its source's analysis (windowAnalysis), so the
// render transforms only the frames it shows.
static RunResult windows(const Track& main, QHash<QString, RenderInput>* inputs)
{
    for (const Segment& s : main.sg) {
        auto it = inputs->find(s.src);
        if (!isStabilisedSegment(s) || it == inputs->end() || it->stabTrf.isEmpty())
            continue;
        const QString part = stabilise::windowAnalysis(it->stabTrf, stabilise::sourceWindow(s));
        if (!part.isEmpty())
            it->stabFrom.insert(s.id, part);
    }
    RunResult ok;
    ok.ok = true;
    return ok;
}

RunResult prepareStabilisation(const Draft& draft, QHash<QString, RenderInput>* inputs,
                               std::function<void(double)>* progress,
                               const std::atomic_bool* cancel)
{
    RunResult ok;
    ok.ok = true;
    const Track* main = mainTrack(draft);
    if (!main)
        return ok;
    // The sources to analyse first (in timeline order), and how much of them there is.
    QStringList todo;
    qint64 totalMs = 0;
    for (const Segment& s : main->sg) {
        auto it = inputs->find(s.src);
        if (!isStabilisedSegment(s) || it == inputs->end() || !usable(*it) ||
            it->stabCache.isEmpty() || todo.contains(s.src))
            continue;
        if (stabilise::analysisComplete(it->stabCache)) {
            it->stabTrf = it->stabCache;
            continue;
        }
        todo << s.src;
        totalMs += std::max<qint64>(1, it->durationMs);
    }
    if (todo.isEmpty())
        return windows(*main, inputs);
    // The analysis decodes the whole file, as the render will: it gets 40% of the bar.
    constexpr double share = 0.4;
    const std::function<void(double)> report = progress ? *progress : nullptr;
    qint64 doneMs = 0;
    for (const QString& id : todo) {
        RenderInput& in = (*inputs)[id];
        const qint64 len = std::max<qint64>(1, in.durationMs);
        const RunResult r = analyseShake(
            in.path, in.durationMs, in.stabCache,
            [&](double f) {
                if (report)
                    report(share * (double(doneMs) + f * double(len)) / double(totalMs));
            },
            cancel);
        if (!r.ok)
            return r;
        in.stabTrf = in.stabCache;
        doneMs += len;
    }
    if (progress && report)
        *progress = [report](double f) { report(share + (1.0 - share) * f); };
    return windows(*main, inputs);
}

QString stabiliseFilter(const Segment& s, const RenderInput& in)
{
    if (!isStabilisedSegment(s) || in.stabTrf.isEmpty() || in.seekMs >= 0 || !usable(in) ||
        (!in.proxyVideo.isEmpty() && in.path == in.proxyVideo))
        return {};
    const auto [from, to] = stabilise::sourceWindow(s);
    const QString opts = QStringLiteral(":smoothing=30:optzoom=1:interpol=bilinear,");
    const QString sharpen = QStringLiteral("unsharp=5:5:0.8:3:3:0.4,");
    // With the segment's own analysis the frames around it are all it reads.
    const QString own = in.stabFrom.value(s.id);
    if (!own.isEmpty())
        return QStringLiteral("trim=start=%1:end=%2,vidstabtransform=input=%3")
                   .arg(render::sec(from), render::sec(to), escapeFilterValue(own)) +
               opts + sharpen;
    // Else the whole file's, counted from its first frame: the frames before the segment pass
    // through vidstabtransform only to keep its count (about 0.02 s a 1080p frame here), not
    // through unsharp; nothing after the segment is read.
    return QStringLiteral("trim=end=%1,vidstabtransform=input=%2")
               .arg(render::sec(to), escapeFilterValue(in.stabTrf)) +
           opts + QStringLiteral("trim=start=%1,").arg(render::sec(from)) + sharpen;
}

} // namespace cw::engine
