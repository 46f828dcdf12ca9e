// See PreviewAssembly.h.
#include "render/PreviewAssembly.h"

#include "edit/ProgressBar.h"

#include "render/PreviewMedia.h"
#include "render/RenderAudiogram.h"
#include "render/RenderFilters.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <thread>

namespace cw::engine {

namespace {

int framesOf(qint64 ms, int fps)
{
    return int(std::ceil(double(ms) * fps / 1000.0 - 1e-6));
}

// A time inside frame f's slot: the first frame at or after it is frame f, and a length of
// msAt(n) keeps exactly n frames (the normal render's trim rules, SmartPlan.cpp).
qint64 msAt(int f, int fps)
{
    return qint64(std::floor(double(f) * 1000.0 / fps));
}

bool hasTransition(const Segment& s)
{
    const QJsonObject tr = s.m.value(QLatin1String("tr")).toObject();
    return !render::xfadeName(tr.value(QLatin1String("type")).toString()).isEmpty() &&
           tr.value(QLatin1String("d")).toInteger(0) > 0;
}

// Only what the render graph is known to do to a segment's picture; anything newer (a fade,
// a crop) is drawn rather than copied.
bool plainPicture(const Segment& s)
{
    static const QSet<QString> known{QStringLiteral("name"), QStringLiteral("vol"),
                                     QStringLiteral("role"), QStringLiteral("speed"),
                                     QStringLiteral("tr")};
    for (auto it = s.m.begin(); it != s.m.end(); ++it)
        if (!known.contains(it.key()))
            return false;
    return render::segmentSpeed(s) == 1.0 && !hasTransition(s);
}

struct Run {
    int from = 0; // timeline frames
    int to = 0;
    int batch = 0; // first batch frame
};

// Overlay segment `o` moved to the batch's timeline when it lies over timeline run `r`.
// Every overlay's frames are drawn, so each lies within one run: moved whole, not cut, so
// a title's fades and a cutaway's in-point stay as the export has them.
std::optional<Segment> overRun(const Segment& o, const Run& r, int fps)
{
    if (o.end() <= msAt(r.from, fps) || o.st >= qint64(std::ceil(r.to * 1000.0 / fps)))
        return std::nullopt;
    Segment moved = o;
    moved.st = o.st - msAt(r.from, fps) + msAt(r.batch, fps);
    return moved;
}

} // namespace

int PreviewPlan::copiedFrames() const
{
    int n = 0;
    for (const PreviewPiece& p : pieces)
        if (p.copy)
            n += p.to - p.from;
    return n;
}

PreviewPlan planPreview(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                        const QHash<QString, SmartSource>& proxies, const RenderPreset& preset)
{
    PreviewPlan plan;
    plan.fps = preset.fps.num; // the preview's proxies are a whole 30 fps
    std::tie(plan.width, plan.height) = renderSize(draft, preset);
    const int fps = plan.fps;
    auto no = [&plan](const QString& why) {
        plan.reason = why;
        return plan;
    };
    if (fps <= 0 || preset.fps.den != 1)
        return no(QStringLiteral("bad preset"));

    const Track* main = nullptr;
    for (const Track& t : draft.t)
        if (t.tt == int(TrackType::Video) && !t.sg.isEmpty()) {
            main = &t;
            break;
        }
    if (!main)
        return no(QStringLiteral("no picture track"));
    if (render::audiogramDrawn(draft, inputs)) // drawn by the whole render's graph
        return no(QStringLiteral("the picture is an audiogram"));
    if (progressBarColor(draft.m)) // on every frame, placed by the whole timeline's time
        return no(QStringLiteral("a progress bar is drawn on every frame"));
    QList<Segment> segs;
    for (const Segment& s : main->sg)
        if (s.d > 0)
            segs << s;
    std::stable_sort(segs.begin(), segs.end(),
                     [](const Segment& a, const Segment& b) { return a.st < b.st; });
    qint64 cursor = 0;
    for (int i = 0; i < segs.size(); ++i) {
        if (segs[i].st != cursor)
            return no(
                QStringLiteral("segment %1 does not follow the previous one").arg(segs[i].id));
        if (i > 0 && hasTransition(segs[i]))
            return no(QStringLiteral("segment %1 has a transition").arg(segs[i].id));
        if (!inputs.contains(segs[i].src))
            return no(QStringLiteral("segment %1 uses unknown media").arg(segs[i].id));
        cursor = segs[i].end();
    }
    // What is drawn over the picture (titles, B-roll): its frames are always drawn.
    QList<const Track*> overlays;
    QList<QPair<int, int>> drawn;
    for (const Track& t : draft.t) {
        if (&t == main || t.tt == int(TrackType::Audio))
            continue;
        bool used = false;
        for (const Segment& s : t.sg) {
            if (s.d <= 0)
                continue;
            if (s.end() > cursor)
                return no(QStringLiteral("segment %1 runs past the picture").arg(s.id));
            drawn << qMakePair(int(std::floor(double(s.st) * fps / 1000.0)),
                               framesOf(s.end(), fps) + 1);
            used = true;
        }
        if (used)
            overlays << &t;
    }
    // The whole video's fades are drawn too: the first drawn run then starts the batch and
    // the last ends it, so the batch's own fade in / out falls on the same frames.
    QList<QPair<qint64, qint64>> fades;
    render::pictureFades(draft.m, cursor, &fades);
    for (const auto& f : qAsConst(fades))
        drawn << qMakePair(int(std::floor(double(f.first) * fps / 1000.0)),
                           framesOf(f.second, fps) + 1);
    for (const Track& t : draft.t)
        if (t.tt == int(TrackType::Audio))
            for (const Segment& s : t.sg)
                if (s.d > 0 && s.end() > cursor)
                    return no(QStringLiteral("segment %1 runs past the picture").arg(s.id));
    const bool look =
        !render::lookFilter(draft.m.value(QLatin1String("look")).toString()).isEmpty();

    Track batchMain = *main;
    batchMain.sg.clear();
    QList<Run> runs;
    auto draw = [&](const Segment& s, int x, int y, bool whole, int a, int timeline) {
        Segment b = s;
        b.id = s.id + QLatin1Char('#') + QString::number(batchMain.sg.size());
        b.st = batchMain.sg.isEmpty() ? 0 : batchMain.sg.last().end();
        if (!whole) {
            b.in = msAt(a + x - timeline, fps);
            b.d = msAt(y - x, fps);
        }
        batchMain.sg << b;
        if (!runs.isEmpty() && runs.last().to == x)
            runs.last().to = y;
        else
            runs << Run{x, y, plan.batchFrames};
        plan.pieces << PreviewPiece{false, QString(), plan.batchFrames, plan.batchFrames + (y - x)};
        plan.batchFrames += y - x;
    };
    int timeline = 0;
    for (const Segment& s : segs) {
        int n = framesOf(s.d, fps);
        const int a = framesOf(s.in, fps);
        const RenderInput& in = inputs[s.src];
        const auto proxy = proxies.constFind(s.src);
        const bool known = proxy != proxies.constEnd() && proxy->ok && proxy->fpsDen > 0 &&
                           proxy->fpsNum == fps * proxy->fpsDen;
        // A segment that runs past its clip's last frame (by the container's rounding) ends
        // there in the render too: count only the frames that exist.
        if (known && !in.isImage && render::segmentSpeed(s) == 1.0 && a < proxy->frameCount())
            n = std::min(n, proxy->frameCount() - a);
        // A proxy holds the source's own samples: non-square, HDR or BT.601 ones are drawn.
        const bool displayReady = in.sarNum == in.sarDen && in.hdrTransfer.isEmpty() &&
                                  in.matrix == QLatin1String("bt709");
        const bool copyable = known && !look && !in.isImage && in.hasVideo && displayReady &&
                              proxy->width == plan.width && proxy->height == plan.height &&
                              plainPicture(s) && a + n <= proxy->frameCount();
        if (!copyable) {
            // A clip at normal speed is drawn from the frame the export shows first: its
            // in-point (a pause's edge, anywhere in a frame) would otherwise lose a frame to
            // rounding, and the batch would no longer line up (682 frames for 684).
            const bool plainSpeed = !in.isImage && in.hasVideo && render::segmentSpeed(s) == 1.0;
            draw(s, timeline, timeline + n, !plainSpeed, a, timeline);
        } else {
            // [timeline, timeline + n) minus the drawn frames: copied; the rest drawn.
            QVector<bool> over(n, false);
            for (const auto& r : qAsConst(drawn))
                for (int f = std::max(r.first, timeline); f < std::min(r.second, timeline + n); ++f)
                    over[f - timeline] = true;
            int x = 0;
            while (x < n) {
                int y = x;
                while (y < n && over[y] == over[x])
                    ++y;
                if (over[x])
                    draw(s, timeline + x, timeline + y, false, a, timeline);
                else
                    plan.pieces << PreviewPiece{true, s.src, a + x, a + y};
                x = y;
            }
        }
        timeline += n;
    }
    plan.totalFrames = timeline;

    // The batch: its picture segments, the overlays over each drawn run, the look and size.
    plan.batch = draft;
    plan.batch.t.clear();
    if (!batchMain.sg.isEmpty()) {
        plan.batch.t << batchMain;
        for (const Track* t : qAsConst(overlays)) {
            Track moved = *t;
            moved.sg.clear();
            for (const Segment& o : t->sg)
                for (const Run& r : qAsConst(runs))
                    if (o.d > 0)
                        if (const auto part = overRun(o, r, fps))
                            moved.sg << *part;
            if (!moved.sg.isEmpty())
                plan.batch.t << moved;
        }
    }
    QHash<QString, RenderInput> pictures; // the batch reads the proxies' pictures
    for (auto it = inputs.begin(); it != inputs.end(); ++it) {
        RenderInput in = *it;
        const auto proxy = proxies.constFind(it.key());
        if (proxy != proxies.constEnd() && proxy->ok)
            in.path = proxy->path;
        in.hasAudio = false; // the sound is made separately
        pictures.insert(it.key(), in);
    }
    for (Track& t : plan.batch.t)
        if (t.id == main->id)
            windowInputs(t, pictures, QStringLiteral("v"), &plan.batchInputs);
        else
            for (const Segment& s : qAsConst(t.sg))
                if (pictures.contains(s.src))
                    plan.batchInputs.insert(s.src, pictures[s.src]);

    QHash<QString, RenderInput> sounds; // the sound pass reads the proxies' sound
    for (auto it = inputs.begin(); it != inputs.end(); ++it) {
        RenderInput in = *it;
        if (!in.proxySound.isEmpty())
            in.path = in.proxySound;
        in.hasVideo = false;
        sounds.insert(it.key(), in);
    }
    plan.sound = draft;
    for (Track& t : plan.sound.t)
        if (t.id == main->id) {
            t.sg = segs;
            windowInputs(t, sounds, QStringLiteral("a"), &plan.soundInputs);
        } else {
            for (const Segment& s : qAsConst(t.sg))
                if (sounds.contains(s.src))
                    plan.soundInputs.insert(s.src, sounds[s.src]);
        }
    plan.eligible = true;
    return plan;
}

QStringList previewBatchArgs(const PreviewPlan& plan, const RenderPreset& preset,
                             const QString& out, const QString& textDir, QString* error)
{
    const RenderCommand cmd =
        buildRenderCommand(plan.batch, plan.batchInputs, preset, out, textDir, defaultFontFile());
    QStringList args = renderGraphArgs(cmd, error);
    if (args.isEmpty())
        return {};
    args << QStringLiteral("-map") << QStringLiteral("[vout]") << proxyVideoCodecArgs()
         << QStringLiteral("-r") << QString::number(plan.fps) << QStringLiteral("-frames:v")
         << QString::number(plan.batchFrames) << QStringLiteral("-f") << QStringLiteral("mp4")
         << QStringLiteral("-y") << out << QStringLiteral("-map") << QStringLiteral("[aout]")
         << QStringLiteral("-f") << QStringLiteral("null") << QStringLiteral("-");
    return args;
}

QStringList previewSoundArgs(const PreviewPlan& plan, const QString& out, const QString& textDir,
                             QString* error)
{
    RenderPreset sound;
    sound.name = QStringLiteral("sound");
    sound.fps = FrameRate{plan.fps, 1};
    sound.soundOnly = true;
    const RenderCommand cmd =
        buildRenderCommand(plan.sound, plan.soundInputs, sound, out, textDir, defaultFontFile());
    QStringList args = renderGraphArgs(cmd, error);
    if (args.isEmpty())
        return {};
    args << QStringLiteral("-map") << QStringLiteral("[aout]") << QStringLiteral("-c:a")
         << QStringLiteral("pcm_s16le") << QStringLiteral("-f") << QStringLiteral("wav")
         << QStringLiteral("-y") << out;
    return args;
}

namespace {

// The window's picture: [fromFrame, fromFrame + frames) of the timeline drawn by the export's
// graph over the proxies' pictures (as the frame of the edit is), all-intra like the batch.
QStringList windowPictureArgs(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                              const QHash<QString, SmartSource>& proxies,
                              const RenderPreset& preset, int fromFrame, int frames, int fps,
                              const QString& out, const QString& textDir, QString* error)
{
    QHash<QString, RenderInput> pictures;
    for (auto it = inputs.begin(); it != inputs.end(); ++it) {
        RenderInput in = *it;
        const auto proxy = proxies.constFind(it.key());
        if (proxy != proxies.constEnd() && proxy->ok)
            in.path = proxy->path;
        in.hasAudio = false;
        pictures.insert(it.key(), in);
    }
    QHash<QString, RenderInput> windowInputs;
    // A frame longer than needed: -frames:v cuts it exactly, a window short by rounding would not.
    const Draft window =
        draftWindow(draft, msAt(fromFrame, fps), msAt(frames + 1, fps), pictures, &windowInputs);
    const RenderCommand cmd =
        buildRenderCommand(window, windowInputs, preset, out, textDir, defaultFontFile());
    QStringList args = renderGraphArgs(cmd, error);
    if (args.isEmpty())
        return {};
    args << QStringLiteral("-map") << QStringLiteral("[vout]") << proxyVideoCodecArgs()
         << QStringLiteral("-r") << QString::number(fps) << QStringLiteral("-frames:v")
         << QString::number(frames) << QStringLiteral("-f") << QStringLiteral("mp4")
         << QStringLiteral("-y") << out << QStringLiteral("-map") << QStringLiteral("[aout]")
         << QStringLiteral("-f") << QStringLiteral("null") << QStringLiteral("-");
    return args;
}

// The pictures (copied) and the sound into a MOV. The whole sound is copied, in large packets
// (7 minutes took 1.5 s in 4 KB packets, 0.8 s in 64 KB); a window's part of it is cut
// sample-exactly, which needs it decoded (copied packets would overrun by up to 0.34 s).
RenderCommand joinCommand(const QString& pictures, bool concat, const QString& sound, qint64 fromMs,
                          qint64 lengthMs, bool part, const QString& out)
{
    RenderCommand cmd;
    cmd.durationMs = lengthMs;
    cmd.args = QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                           QStringLiteral("-v"), QStringLiteral("error")};
    if (concat)
        cmd.args << QStringLiteral("-f") << QStringLiteral("concat") << QStringLiteral("-safe")
                 << QStringLiteral("0");
    cmd.args << QStringLiteral("-i") << pictures;
    if (part)
        cmd.args << QStringLiteral("-ss") << QString::number(fromMs / 1000.0, 'f', 3)
                 << QStringLiteral("-t") << QString::number(lengthMs / 1000.0, 'f', 3);
    else
        cmd.args << QStringLiteral("-max_size") << QString::number(kWavPacketBytes);
    cmd.args << QStringLiteral("-f") << QStringLiteral("wav") << QStringLiteral("-i")
             << QStringLiteral("file:") + sound << QStringLiteral("-map") << QStringLiteral("0:v:0")
             << QStringLiteral("-map") << QStringLiteral("1:a:0") << QStringLiteral("-c:v")
             << QStringLiteral("copy") << render::bt709CopyTags() << QStringLiteral("-c:a")
             << (part ? QStringLiteral("pcm_s16le") : QStringLiteral("copy"))
             << QStringLiteral("-progress") << QStringLiteral("pipe:1")
             << QStringLiteral("-nostats") << QStringLiteral("-y") << QStringLiteral("-f")
             << QStringLiteral("mov") << out;
    return cmd;
}

} // namespace

RunResult runPreviewAssembly(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                             const RenderPreset& preset, const QString& finalPath,
                             const QString& workDir,
                             const std::function<void(double fraction)>& onProgress,
                             const std::atomic_bool* cancel, const PreviewWindow* window)
{
    RunResult result;
    auto report = [&](double f) {
        if (onProgress)
            onProgress(f);
    };
    auto failed = [&](int status, const QByteArray& err, const QString& what) {
        result.cancelled = status == 2;
        result.error = what + QStringLiteral(": ") + QString::fromUtf8(err.trimmed().right(400));
        return result;
    };
    QHash<QString, SmartSource> proxies;
    for (auto it = inputs.begin(); it != inputs.end(); ++it)
        if (!it->proxyVideo.isEmpty())
            proxies.insert(it.key(), probeSmartSourceCached(it->proxyVideo));
    const PreviewPlan plan = planPreview(draft, inputs, proxies, preset);
    if (!plan.eligible) {
        result.error = plan.reason;
        return result;
    }
    report(0.05);

    // The sound beside the drawing (two cores, two processes; one process doing both took
    // longer than the two one after the other): beside the window's, when there is one.
    QElapsedTimer clock;
    clock.start();
    const QString soundPath = QDir(workDir).filePath(QStringLiteral("sound.wav"));
    const QString batchPath = QDir(workDir).filePath(QStringLiteral("batch.mp4"));
    const int windowFrames = framesOf(kPreviewWindowMs, plan.fps);
    const bool progressive = window && window->atMs >= 0 && !window->path.isEmpty() &&
                             plan.batchFrames > 2 * windowFrames;
    QString error;
    const QStringList soundArgs = previewSoundArgs(plan, soundPath, workDir, &error);
    const QStringList batchArgs = plan.batchFrames > 0
                                      ? previewBatchArgs(plan, preset, batchPath, workDir, &error)
                                      : QStringList();
    if (soundArgs.isEmpty() || (plan.batchFrames > 0 && batchArgs.isEmpty())) {
        result.error = error;
        return result;
    }
    QByteArray soundErr;
    int soundStatus = 1;
    qint64 soundMs = 0;
    std::thread sound([&] {
        soundStatus = runFfmpegStep(soundArgs, cancel, &soundErr);
        soundMs = clock.elapsed();
    });
    if (progressive) {
        const int length = std::min(windowFrames, plan.totalFrames);
        const int from =
            std::clamp(int(window->atMs * plan.fps / 1000), 0, plan.totalFrames - length);
        const QString picturePath = QDir(workDir).filePath(QStringLiteral("window.mp4"));
        QByteArray windowErr;
        const QStringList windowArgs = windowPictureArgs(
            draft, inputs, proxies, preset, from, length, plan.fps, picturePath, workDir, &error);
        const int windowStatus =
            windowArgs.isEmpty() ? 1 : runFfmpegStep(windowArgs, cancel, &windowErr);
        sound.join();
        // A window that fails costs only its time: the whole preview follows.
        if (windowStatus == 0 && soundStatus == 0 &&
            runFfmpeg(joinCommand(picturePath, false, soundPath, msAt(from, plan.fps),
                                  msAt(length, plan.fps), true, window->path),
                      window->path, {}, cancel)
                .ok) {
            qInfo("engine: preview window of %d frames from %d in %lld ms", length, from,
                  clock.elapsed());
            if (window->ready)
                window->ready(msAt(from, plan.fps), msAt(from + length, plan.fps));
        } else if (!(cancel && cancel->load())) {
            qWarning(
                "engine: no preview window: %s",
                qPrintable(QString(error + QString::fromUtf8(windowErr)).trimmed().right(300)));
        }
        report(0.1);
    }
    QByteArray batchErr;
    const int batchStatus = batchArgs.isEmpty() ? 0 : runFfmpegStep(batchArgs, cancel, &batchErr);
    const qint64 drawMs = clock.elapsed();
    if (sound.joinable())
        sound.join();
    if (batchStatus != 0)
        return failed(batchStatus, batchErr, QStringLiteral("drawing the preview failed"));
    if (soundStatus != 0)
        return failed(soundStatus, soundErr, QStringLiteral("the preview's sound failed"));
    report(0.8);

    SmartSource batch;
    if (plan.batchFrames > 0) {
        batch = probeSmartSource(batchPath);
        const bool intra =
            std::all_of(batch.key.begin(), batch.key.end(), [](bool k) { return k; });
        if (!batch.ok || batch.frameCount() != plan.batchFrames || !intra) {
            result.error = QStringLiteral("the drawn frames came out as %1, not %2")
                               .arg(batch.frameCount())
                               .arg(plan.batchFrames);
            return result;
        }
    }
    QStringList list{QStringLiteral("ffconcat version 1.0")};
    for (const PreviewPiece& p : plan.pieces)
        list << (p.copy
                     ? smartConcatEntry(proxies[p.src].path, proxies[p.src], p.from, p.to, plan.fps)
                     : smartConcatEntry(batchPath, batch, p.from, p.to, plan.fps));
    const QString listPath = QDir(workDir).filePath(QStringLiteral("pieces.ffconcat"));
    QFile lf(listPath);
    const QByteArray bytes = (list.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    if (!lf.open(QIODevice::WriteOnly | QIODevice::Truncate) || lf.write(bytes) != bytes.size()) {
        result.error = QStringLiteral("cannot write %1").arg(listPath);
        return result;
    }
    lf.close();

    // The pictures and the sound, both copied (runFfmpeg writes a .part and renames it).
    const RenderCommand mux =
        joinCommand(listPath, true, soundPath, 0, qRound64(plan.totalFrames * 1000.0 / plan.fps),
                    false, finalPath);
    const RunResult joined = runFfmpeg(
        mux, finalPath, [&](double f) { report(0.8 + 0.2 * f); }, cancel);
    if (!joined.ok)
        return joined;
    report(1.0);
    qInfo("engine: preview of %d frames (%d copied, %d drawn): sound %lld ms, drawing %lld ms, "
          "all %lld ms",
          plan.totalFrames, plan.copiedFrames(), plan.batchFrames, soundMs, drawMs,
          clock.elapsed());
    result.ok = true;
    return result;
}

} // namespace cw::engine
