// See SceneDetect.h. Cuts are read from scdet's own log lines (it logs every cut it finds at
// info level with the frame's time); the motion from a metadata filter printing every
// frame's mafd (two short lines a frame: 1.4 MB of log for 10 minutes at 30 fps). Times are what
// the ffmpeg command line gives the decoded frames (the file's start time taken off), the same
// clock the render's trim uses.
#include "media/SceneDetect.h"

#include "render/FfmpegRunner.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <vector>

namespace cw::engine {

namespace {

std::atomic_int g_runs{0};

QString tr(const char* text)
{
    return QCoreApplication::translate("SceneDetect", text);
}

} // namespace

QByteArray SceneAnalysis::toJson() const
{
    QJsonArray list;
    for (const SceneCut& c : cuts)
        list.append(QJsonArray{c.ms, std::round(c.score * 1000) / 1000});
    QJsonArray activity;
    for (float m : motion)
        activity.append(std::round(double(m) * 100) / 100);
    return QJsonDocument(QJsonObject{{QStringLiteral("v"), kSceneFormat},
                                     {QStringLiteral("threshold"), kSceneThreshold},
                                     {QStringLiteral("cuts"), list},
                                     {QStringLiteral("motion"), activity}})
        .toJson(QJsonDocument::Compact);
}

SceneAnalysis SceneAnalysis::fromJson(const QByteArray& json)
{
    SceneAnalysis out;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QLatin1String("v")).toInt() != kSceneFormat ||
        !o.value(QLatin1String("cuts")).isArray())
        return out;
    for (const QJsonValue& v : o.value(QLatin1String("cuts")).toArray()) {
        const QJsonArray pair = v.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble())
            return SceneAnalysis{};
        out.cuts << SceneCut{pair.at(0).toInteger(), pair.at(1).toDouble()};
    }
    for (const QJsonValue& v : o.value(QLatin1String("motion")).toArray())
        out.motion << float(std::max(0.0, v.toDouble()));
    std::sort(out.cuts.begin(), out.cuts.end(),
              [](const SceneCut& a, const SceneCut& b) { return a.ms < b.ms; });
    out.ok = true;
    return out;
}

QString sceneCacheKey(const QString& hash)
{
    return hash + QStringLiteral(":scenes");
}

namespace scenes {

QList<SceneCut> parseScdetLog(const QByteArray& stderrText, double threshold)
{
    static const QRegularExpression line(QStringLiteral(
        "lavfi\\.scd\\.score:\\s*([0-9]+(?:\\.[0-9]+)?),\\s*lavfi\\.scd\\.time:\\s*(-?[0-9]+(?:\\."
        "[0-9]+)?)"));
    QList<SceneCut> found;
    const QString text = QString::fromUtf8(stderrText);
    for (auto it = line.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const double score = m.captured(1).toDouble();
        const double sec = m.captured(2).toDouble();
        // The first frame has nothing before it; a negative time is before the file's start.
        if (score < threshold || sec <= 0 || !std::isfinite(sec))
            continue;
        // A hair under the thousandth (3.3199999) is still that frame's ms.
        found << SceneCut{qint64(std::floor(sec * 1000 + 1e-6)), score};
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const SceneCut& a, const SceneCut& b) { return a.ms < b.ms; });
    QList<SceneCut> out;
    for (const SceneCut& c : found) {
        if (!out.isEmpty() && c.ms - out.last().ms < kMinShotMs) {
            if (c.score > out.last().score)
                out.last() = c;
            continue;
        }
        out << c;
    }
    return out;
}

QList<float> parseMotionLog(const QByteArray& stderrText)
{
    QList<float> out;
    std::vector<float> second; // the values of the second being read
    int at = -1;
    double time = -1;
    const auto flush = [&] {
        if (at < 0 || second.empty())
            return;
        auto mid = second.begin() + qsizetype(second.size() / 2);
        std::nth_element(second.begin(), mid, second.end());
        const float last = out.isEmpty() ? 0.0f : out.last();
        while (out.size() < at)
            out << last; // a second with no frame keeps the last value
        out << *mid;
        second.clear();
    };
    for (const QByteArray& raw : stderrText.split('\n')) {
        const qsizetype t = raw.indexOf("pts_time:");
        if (t >= 0) {
            bool ok = false;
            time = raw.mid(t + 9).trimmed().split(' ').value(0).toDouble(&ok);
            if (!ok || !std::isfinite(time))
                time = -1;
            continue;
        }
        const qsizetype v = raw.indexOf("lavfi.scd.mafd=");
        if (v < 0 || time < 0)
            continue;
        bool ok = false;
        const double mafd = raw.mid(v + 15).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(mafd) || time > 24.0 * 3600)
            continue;
        const int s = int(time);
        if (s > at) { // a frame out of order joins the second being read
            flush();
            at = s;
        }
        second.push_back(float(std::clamp(mafd, 0.0, 255.0)));
        time = -1;
    }
    flush();
    return out;
}

QStringList detectArgs(const QString& path, double threshold)
{
    return {QStringLiteral("-skip_loop_filter"),
            QStringLiteral("all"),
            QStringLiteral("-i"),
            path,
            QStringLiteral("-map"),
            QStringLiteral("0:v:0"),
            QStringLiteral("-an"),
            QStringLiteral("-sn"),
            QStringLiteral("-dn"),
            QStringLiteral("-vf"),
            QStringLiteral("scale=320:-2:flags=fast_bilinear,scdet=threshold=%1,"
                           "metadata=mode=print:key=lavfi.scd.mafd")
                .arg(threshold, 0, 'f', 3),
            QStringLiteral("-progress"),
            QStringLiteral("pipe:1"),
            QStringLiteral("-f"),
            QStringLiteral("null"),
            QStringLiteral("-")};
}

} // namespace scenes

SceneAnalysis detectScenes(const QString& path, qint64 durationMs,
                           const std::function<void(double)>& onProgress,
                           const std::atomic_bool* cancel, bool background)
{
    SceneAnalysis result;
    const QString name = QFileInfo(path).fileName();
    if (!QFileInfo(path).isFile()) {
        result.error = tr("Cannot look for scene changes in %1: the file is missing.").arg(name);
        return result;
    }
    ++g_runs;
    QByteArray err;
    // scdet keeps nothing below its threshold, so the pass runs a little under ours and the
    // parser applies ours (the same rounding either way).
    const int code = runFfmpegStep(scenes::detectArgs(path, kSceneThreshold * 0.9), cancel, &err,
                                   progressReader(durationMs, onProgress), background);
    if (code == 2) {
        result.cancelled = true;
        result.error = tr("Cancelled.");
        return result;
    }
    if (code != 0) {
        const QStringList lines = QString::fromUtf8(err).trimmed().split(QLatin1Char('\n'));
        result.error = tr("Cannot look for scene changes in %1: its picture could not be read "
                          "(%2).")
                           .arg(name, lines.last().trimmed().left(200));
        return result;
    }
    result.cuts = scenes::parseScdetLog(err);
    result.motion = scenes::parseMotionLog(err);
    result.ok = true;
    if (onProgress)
        onProgress(1.0);
    return result;
}

int sceneAnalysesRun()
{
    return g_runs.load();
}

} // namespace cw::engine
