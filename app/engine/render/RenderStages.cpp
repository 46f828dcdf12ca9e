// Per-stage times of a render from ffmpeg's own `-benchmark` lines (see RenderStages.h).
#include "render/RenderStages.h"

#include <QJsonObject>

#include <cctype>

namespace cw::engine {

namespace {

double valueAfter(const QByteArray& line, const QByteArray& key, bool* ok)
{
    const int at = line.indexOf(key);
    if (at < 0) {
        *ok = false;
        return 0;
    }
    const int from = at + int(key.size());
    int end = from;
    while (end < line.size() && (std::isdigit(uchar(line[end])) || line[end] == '.'))
        ++end;
    return line.mid(from, end - from).toDouble(ok);
}

} // namespace

bool parseBenchmark(const QByteArray& stderrText, double* cpuS, double* wallS)
{
    const int at = stderrText.lastIndexOf("bench: utime=");
    if (at < 0)
        return false;
    int end = stderrText.indexOf('\n', at);
    if (end < 0)
        end = int(stderrText.size());
    const QByteArray line = stderrText.mid(at, end - at);
    bool okU = false, okS = false, okR = false;
    const double user = valueAfter(line, "utime=", &okU);
    const double sys = valueAfter(line, "stime=", &okS);
    const double real = valueAfter(line, "rtime=", &okR);
    if (!okU || !okS || !okR)
        return false;
    *cpuS = user + sys;
    *wallS = real;
    return true;
}

void addStage(QList<StageTime>* stages, const QString& name, const QByteArray& stderrText)
{
    double cpu = 0, wall = 0;
    if (!parseBenchmark(stderrText, &cpu, &wall))
        return;
    for (StageTime& s : *stages)
        if (s.name == name) {
            s.cpuS += cpu;
            s.wallS += wall;
            ++s.runs;
            return;
        }
    stages->append(StageTime{name, wall, cpu, 1});
}

QJsonArray stagesJson(const QList<StageTime>& stages)
{
    QJsonArray out;
    for (const StageTime& s : stages)
        out.append(QJsonObject{{QStringLiteral("name"), s.name},
                               {QStringLiteral("wall_s"), s.wallS},
                               {QStringLiteral("cpu_s"), s.cpuS},
                               {QStringLiteral("runs"), s.runs}});
    return out;
}

QString stagesText(const QList<StageTime>& stages)
{
    QStringList parts;
    for (const StageTime& s : stages)
        parts << QStringLiteral("%1 %2 s CPU / %3 s%4")
                     .arg(s.name)
                     .arg(s.cpuS, 0, 'f', 2)
                     .arg(s.wallS, 0, 'f', 2)
                     .arg(s.runs > 1 ? QStringLiteral(" (%1 runs)").arg(s.runs) : QString());
    return parts.join(QStringLiteral(", "));
}

} // namespace cw::engine
