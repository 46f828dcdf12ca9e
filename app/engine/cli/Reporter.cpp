// See Reporter.h. Everything is written with stdio and flushed per event, so a consumer
// reading a pipe sees each event as it happens.
#include "cli/Reporter.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace cw::engine::cli {

namespace {
constexpr int kBarWidth = 30;

QString clock(qint64 seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

Reporter::Mode Reporter::detectMode(bool json)
{
    if (json)
        return Mode::Json;
    return ::isatty(STDOUT_FILENO) ? Mode::Terminal : Mode::Plain;
}

void Reporter::emitJson(const QJsonObject& event)
{
    const QByteArray bytes = QJsonDocument(event).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Reporter::line(const QString& text)
{
    if (m_quiet || m_mode == Mode::Json)
        return;
    endBar();
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

void Reporter::endBar()
{
    if (!m_barOpen)
        return;
    m_barOpen = false;
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Reporter::start(int jobs, const QString& instruction)
{
    if (m_mode == Mode::Json)
        emitJson({{QStringLiteral("event"), QStringLiteral("start")},
                  {QStringLiteral("jobs"), jobs},
                  {QStringLiteral("instruction"), instruction}});
}

void Reporter::jobStarted(int job, int jobs, const QStringList& inputs, const QString& output)
{
    m_job = job;
    m_lastPercent = -1;
    if (m_mode == Mode::Json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("job")},
                  {QStringLiteral("job"), job},
                  {QStringLiteral("jobs"), jobs},
                  {QStringLiteral("inputs"), QJsonArray::fromStringList(inputs)},
                  {QStringLiteral("output"), output}});
        return;
    }
    QStringList names;
    for (const QString& in : inputs)
        names << QFileInfo(in).fileName();
    const QString prefix = jobs > 1 ? QStringLiteral("[%1/%2] ").arg(job).arg(jobs) : QString();
    line(prefix + names.join(QStringLiteral(" + ")) + QStringLiteral(" -> ") + output);
}

void Reporter::input(const QString& file, const QJsonObject& info)
{
    if (m_mode == Mode::Json) {
        QJsonObject e = info;
        e.insert(QStringLiteral("event"), QStringLiteral("input"));
        e.insert(QStringLiteral("job"), m_job);
        e.insert(QStringLiteral("file"), file);
        emitJson(e);
        return;
    }
    // One arg() call: a file named "clip%2.mp4" must not take the duration's place.
    line(QStringLiteral("  read %1 (%2 s)")
             .arg(QFileInfo(file).fileName(),
                  QString::number(info.value(QStringLiteral("duration")).toDouble(), 'f', 1)));
}

void Reporter::operation(const QString& name, const QJsonObject& args, bool ok,
                         const QString& reply, const QJsonObject& response)
{
    if (m_mode == Mode::Json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("operation")},
                  {QStringLiteral("job"), m_job},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("args"), args},
                  {QStringLiteral("ok"), ok},
                  {QStringLiteral("reply"), reply},
                  {QStringLiteral("response"), response}});
        return;
    }
    line(QStringLiteral("  %1 %2: %3")
             .arg(ok ? QStringLiteral("+") : QStringLiteral("!"), name, reply));
}

void Reporter::progress(const QString& stage, double fraction)
{
    const int percent = std::clamp(int(std::floor(fraction * 100.0)), 0, 100);
    if (percent == m_lastPercent)
        return;
    switch (m_mode) {
    case Mode::Json:
        m_lastPercent = percent;
        emitJson({{QStringLiteral("event"), QStringLiteral("progress")},
                  {QStringLiteral("job"), m_job},
                  {QStringLiteral("stage"), stage},
                  {QStringLiteral("percent"), percent}});
        return;
    case Mode::Plain:
        if (m_quiet || (percent / 10 == m_lastPercent / 10 && m_lastPercent >= 0))
            return;
        m_lastPercent = percent;
        line(QStringLiteral("  %1: %2%").arg(stage).arg(percent / 10 * 10));
        return;
    case Mode::Terminal: {
        if (m_quiet)
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!m_barOpen || m_lastPercent < 0) {
            m_barStarted = now;
        }
        m_lastPercent = percent;
        m_barOpen = true;
        const int filled = percent * kBarWidth / 100;
        QString eta;
        if (percent > 2 && percent < 100) {
            const qint64 elapsed = (now - m_barStarted) / 1000;
            eta = QStringLiteral("  %1 left").arg(clock(elapsed * (100 - percent) / percent));
        }
        const QString bar =
            QString(filled, QLatin1Char('#')) + QString(kBarWidth - filled, QLatin1Char('-'));
        std::fprintf(stdout, "\r  %-7s [%s] %3d%%%-12s", qPrintable(stage), qPrintable(bar),
                     percent, qPrintable(eta));
        std::fflush(stdout);
        if (percent == 100)
            endBar();
        return;
    }
    }
}

void Reporter::warning(const QString& message)
{
    if (m_mode == Mode::Json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("warning")},
                  {QStringLiteral("job"), m_job},
                  {QStringLiteral("message"), message}});
        return;
    }
    if (m_quiet)
        return;
    endBar();
    std::fprintf(stderr, "clipwright-engine: warning: %s\n", qPrintable(message));
}

void Reporter::result(const QJsonObject& result)
{
    if (m_mode == Mode::Json) {
        QJsonObject e = result;
        e.insert(QStringLiteral("event"), QStringLiteral("result"));
        e.insert(QStringLiteral("job"), m_job);
        emitJson(e);
        return;
    }
    QString text =
        QStringLiteral("  wrote %1").arg(result.value(QStringLiteral("output")).toString());
    if (result.contains(QStringLiteral("duration")))
        text += QStringLiteral(" (%1 s").arg(result.value(QStringLiteral("duration")).toDouble(), 0,
                                             'f', 1);
    if (result.contains(QStringLiteral("width")))
        text += QStringLiteral(", %1x%2")
                    .arg(result.value(QStringLiteral("width")).toInt())
                    .arg(result.value(QStringLiteral("height")).toInt());
    if (result.contains(QStringLiteral("duration")))
        text += QLatin1Char(')');
    line(text);
}

void Reporter::error(int exitCode, const QString& message, const QString& file)
{
    endBar();
    if (m_mode == Mode::Json) {
        QJsonObject e{{QStringLiteral("event"), QStringLiteral("error")},
                      {QStringLiteral("code"), exitCode},
                      {QStringLiteral("message"), message}};
        if (m_job > 0)
            e.insert(QStringLiteral("job"), m_job);
        if (!file.isEmpty())
            e.insert(QStringLiteral("file"), file);
        emitJson(e);
    }
    if (file.isEmpty())
        std::fprintf(stderr, "clipwright-engine: %s\n", qPrintable(message));
    else
        std::fprintf(stderr, "clipwright-engine: %s: %s\n", qPrintable(file), qPrintable(message));
    std::fflush(stderr);
}

void Reporter::note(const QString& message)
{
    line(message);
}

} // namespace cw::engine::cli
