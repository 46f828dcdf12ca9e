#include "media/SubjectTrack.h"

#include "media/MediaProbe.h"
#include "render/RenderFilters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <optional>

namespace cw::engine {

namespace {

std::atomic_int g_runs{0};

QString tr(const char* text)
{
    return QCoreApplication::translate("SubjectTrack", text);
}

const char* kCascade = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

// One classifier per thread (detectMultiScale is not safe to share); null without the file.
cv::CascadeClassifier* faceCascade()
{
    thread_local cv::CascadeClassifier cascade;
    thread_local bool tried = false;
    if (!tried) {
        tried = true;
        if (QFileInfo::exists(QString::fromLatin1(kCascade)))
            cascade.load(kCascade);
    }
    return cascade.empty() ? nullptr : &cascade;
}

const Track* mainTrack(const Draft& draft)
{
    for (const Track& t : draft.t)
        if (t.tt == int(TrackType::Video) && !t.sg.isEmpty())
            return &t;
    return nullptr;
}

// Per frame: the largest face, and the centroid of the pixels that changed by more than 25
// grey levels (at least 0.2% of the picture, or it is noise).
struct FrameFinds {
    std::optional<SubjectSample> face;
    std::optional<SubjectSample> motion;
};

FrameFinds look(const cv::Mat& grey, const cv::Mat& previous, qint64 ms)
{
    FrameFinds out;
    const double w = grey.cols;
    const double h = grey.rows;
    if (cv::CascadeClassifier* cascade = faceCascade()) {
        cv::Mat eq;
        cv::equalizeHist(grey, eq);
        std::vector<cv::Rect> faces;
        cascade->detectMultiScale(eq, faces, 1.2, 4, 0, cv::Size(24, 24));
        const auto best = std::max_element(faces.begin(), faces.end(),
                                           [](auto& a, auto& b) { return a.area() < b.area(); });
        if (best != faces.end())
            out.face = SubjectSample{ms, (best->x + best->width / 2.0) / w,
                                     (best->y + best->height / 2.0) / h, true};
    }
    if (!previous.empty()) {
        cv::Mat diff;
        cv::absdiff(grey, previous, diff);
        cv::threshold(diff, diff, 25, 255, cv::THRESH_BINARY);
        const cv::Moments m = cv::moments(diff, true);
        if (m.m00 >= 0.002 * w * h)
            out.motion = SubjectSample{ms, m.m10 / m.m00 / w, m.m01 / m.m00 / h, true};
    }
    return out;
}

} // namespace

namespace subjects {

QPair<double, double> cropFraction(int srcW, int srcH, int outW, int outH)
{
    if (srcW <= 0 || srcH <= 0 || outW <= 0 || outH <= 0)
        return {1.0, 1.0};
    const double src = double(srcW) / srcH;
    const double out = double(outW) / outH;
    return {std::min(1.0, out / src), std::min(1.0, src / out)};
}

QString chooseKind(int faces, int motion, int frames)
{
    if (frames <= 0)
        return QStringLiteral("none");
    if (faces > 0 && faces * 5 >= frames)
        return QStringLiteral("face");
    if (motion > 0 && motion * 10 >= frames)
        return QStringLiteral("motion");
    return QStringLiteral("none");
}

} // namespace subjects

QByteArray SubjectTrack::toJson() const
{
    QJsonArray list;
    for (const SubjectSample& s : samples)
        list.append(QJsonArray{s.ms, std::round(s.x * 1e4) / 1e4, std::round(s.y * 1e4) / 1e4,
                               s.found ? 1 : 0});
    return QJsonDocument(QJsonObject{{QStringLiteral("v"), kSubjectFormat},
                                     {QStringLiteral("kind"), kind},
                                     {QStringLiteral("samples"), list}})
        .toJson(QJsonDocument::Compact);
}

SubjectTrack SubjectTrack::fromJson(const QByteArray& json)
{
    SubjectTrack out;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QLatin1String("v")).toInt() != kSubjectFormat ||
        !o.value(QLatin1String("samples")).isArray())
        return out;
    for (const QJsonValue& v : o.value(QLatin1String("samples")).toArray()) {
        const QJsonArray a = v.toArray();
        if (a.size() != 4)
            return SubjectTrack{};
        out.samples << SubjectSample{a.at(0).toInteger(), a.at(1).toDouble(), a.at(2).toDouble(),
                                     a.at(3).toInt() != 0};
    }
    out.kind = o.value(QLatin1String("kind")).toString();
    out.ok = true;
    return out;
}

QString subjectCachePath(const QString& dataDir, const QString& hash)
{
    if (dataDir.isEmpty() || hash.isEmpty())
        return {};
    return QStringLiteral("%1/subjects/%2-v%3.json").arg(dataDir, hash).arg(kSubjectFormat);
}

bool draftFollowsSubject(const Draft& draft)
{
    const bool crop =
        (draft.m.contains(QLatin1String("aspect")) ||
         draft.m.contains(QLatin1String("aspect_mode"))) &&
        draft.m.value(QLatin1String("aspect_mode")).toString(QStringLiteral("crop")) ==
            QLatin1String("crop");
    return crop && draft.m.value(QLatin1String("reframe")).toString() == QLatin1String("subject");
}

SubjectTrack analyseSubjects(const QString& path, qint64 durationMs,
                             const std::function<void(double)>& onProgress,
                             const std::atomic_bool* cancel)
{
    ++g_runs;
    SubjectTrack out;
    const MediaInfo info = probeMediaCached(path);
    if (!info.ok || info.width <= 0 || info.height <= 0) {
        out.error = tr("Could not read the picture of %1 to find the subject.")
                        .arg(QFileInfo(path).fileName());
        return out;
    }
    const int w = kSubjectWidth;
    const int h = std::max(2, int(std::lround(double(w) * info.height / info.width / 2)) * 2);
    const QStringList args{QStringLiteral("-skip_loop_filter"),
                           QStringLiteral("all"),
                           QStringLiteral("-i"),
                           path,
                           QStringLiteral("-map"),
                           QStringLiteral("0:v:0"),
                           QStringLiteral("-an"),
                           QStringLiteral("-sn"),
                           QStringLiteral("-vf"),
                           QStringLiteral("fps=%1,scale=%2:%3:flags=fast_bilinear,format=gray")
                               .arg(kSubjectFps)
                               .arg(w)
                               .arg(h),
                           QStringLiteral("-f"),
                           QStringLiteral("rawvideo"),
                           QStringLiteral("pipe:1")};
    QByteArray pending;
    cv::Mat previous;
    QList<FrameFinds> finds;
    const qsizetype frameBytes = qsizetype(w) * h;
    QByteArray err;
    const int rc = runFfmpegStep(args, cancel, &err, [&](const QByteArray& chunk) {
        pending += chunk;
        qsizetype used = 0;
        for (; pending.size() - used >= frameBytes; used += frameBytes) {
            const cv::Mat grey(h, w, CV_8UC1, pending.data() + used);
            const qint64 ms = qint64(finds.size()) * 1000 / kSubjectFps;
            finds << look(grey, previous, ms);
            grey.copyTo(previous);
            if (onProgress && durationMs > 0)
                onProgress(std::min(1.0, double(ms) / double(durationMs)));
        }
        pending.remove(0, used);
    });
    if (rc == 2 || (cancel && cancel->load())) {
        out.cancelled = true;
        out.error = tr("Cancelled");
        return out;
    }
    if (rc != 0 || finds.isEmpty()) {
        out.error = tr("Could not decode the picture of %1 to find the subject.")
                        .arg(QFileInfo(path).fileName());
        return out;
    }
    int faces = 0;
    int motion = 0;
    for (const FrameFinds& f : finds) {
        faces += f.face ? 1 : 0;
        motion += f.motion ? 1 : 0;
    }
    out.kind = subjects::chooseKind(faces, motion, int(finds.size()));
    for (qsizetype i = 0; i < finds.size(); ++i) {
        const qint64 ms = qint64(i) * 1000 / kSubjectFps;
        const std::optional<SubjectSample>& pick =
            out.kind == QLatin1String("face") ? finds[i].face : finds[i].motion;
        out.samples << (pick && out.kind != QLatin1String("none")
                            ? *pick
                            : SubjectSample{ms, 0.5, 0.5, false});
    }
    out.ok = true;
    return out;
}

SubjectTrack cachedSubjects(const QString& path, qint64 durationMs, const QString& cachePath,
                            const std::function<void(double)>& onProgress,
                            const std::atomic_bool* cancel)
{
    QFile cached(cachePath);
    if (!cachePath.isEmpty() && cached.open(QIODevice::ReadOnly)) {
        SubjectTrack t = SubjectTrack::fromJson(cached.readAll());
        if (t.ok)
            return t;
    }
    SubjectTrack t = analyseSubjects(path, durationMs, onProgress, cancel);
    if (t.ok && !cachePath.isEmpty() && QDir().mkpath(QFileInfo(cachePath).path())) {
        QSaveFile f(cachePath); // written whole or not at all
        if (f.open(QIODevice::WriteOnly) && f.write(t.toJson()) > 0)
            f.commit();
    }
    return t;
}

int subjectAnalysesRun()
{
    return g_runs.load();
}

RunResult prepareReframe(const Draft& draft, QHash<QString, RenderInput>* inputs, int outW,
                         int outH, std::function<void(double)>* progress,
                         const std::atomic_bool* cancel, bool analyse)
{
    RunResult ok;
    ok.ok = true;
    const Track* main = mainTrack(draft);
    if (!main || !draftFollowsSubject(draft))
        return ok;
    QStringList ids;
    qint64 totalMs = 0;
    for (const Segment& s : main->sg) {
        const auto it = inputs->constFind(s.src);
        if (it == inputs->constEnd() || !it->hasVideo || render::isStill(*it) ||
            it->subjectCache.isEmpty() || ids.contains(s.src))
            continue;
        ids << s.src;
        totalMs += std::max<qint64>(1, it->durationMs);
    }
    // The analysis decodes small frames only: it gets a quarter of the bar when it runs.
    constexpr double share = 0.25;
    const std::function<void(double)> report = progress ? *progress : nullptr;
    bool ran = false;
    qint64 doneMs = 0;
    for (const QString& id : ids) {
        RenderInput& in = (*inputs)[id];
        const qint64 len = std::max<qint64>(1, in.durationMs);
        if (!analyse && !QFileInfo::exists(in.subjectCache))
            continue;
        ran = ran || !QFileInfo::exists(in.subjectCache);
        const SubjectTrack t = cachedSubjects(
            in.path, in.durationMs, in.subjectCache,
            [&](double f) {
                if (report)
                    report(share * (double(doneMs) + f * double(len)) / double(totalMs));
            },
            cancel);
        doneMs += len;
        if (!t.ok) {
            RunResult failed;
            failed.cancelled = t.cancelled;
            failed.error = t.error;
            return failed;
        }
        const MediaInfo info = probeMediaCached(in.path);
        const auto [fw, fh] = subjects::cropFraction(info.width, info.height, outW, outH);
        in.reframe = smoothSubjectPath(t.samples, fw, fh);
    }
    if (ran && progress && report)
        *progress = [report](double f) { report(share + (1.0 - share) * f); };
    return ok;
}

} // namespace cw::engine
