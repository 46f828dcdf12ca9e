// Where a render's time goes, per stage (issue 19): each ffmpeg step runs with `-benchmark`,
// whose last lines give the process's own user + system CPU seconds and its wall time; the
// job log prints them and the job's status carries them, so the bench can set each stage
// beside a plain ffmpeg command. ffmpeg's figures are used rather than getrusage(CHILDREN):
// the engine runs several jobs on threads, and the children's totals would mix them.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace cw::engine {

struct StageTime {
    QString name; // "main pass", "loudness measure", "loudness fix", ...
    double wallS = 0;
    double cpuS = 0; // user + system of the ffmpeg process (all its threads)
    int runs = 0;    // ffmpeg processes summed into this stage
};

// Reads "bench: utime=1.234s stime=0.056s rtime=2.000s" (the last one) from ffmpeg's stderr;
// false when absent (an ffmpeg without -benchmark output, or a failed step).
bool parseBenchmark(const QByteArray& stderrText, double* cpuS, double* wallS);

// Adds one ffmpeg step's figures to the stage named `name` (created at the end when new).
void addStage(QList<StageTime>* stages, const QString& name, const QByteArray& stderrText);

QJsonArray stagesJson(const QList<StageTime>& stages);
QString stagesText(const QList<StageTime>& stages); // "main pass 12.3 s CPU / 8.1 s, ..."

} // namespace cw::engine
