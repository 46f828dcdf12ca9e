// What `clipwright-engine edit` tells its caller, in one of three forms:
//   terminal (stdout is a TTY): a redrawn progress bar and one line per step;
//   plain (piped, logged): the same steps as lines, progress every 10%;
//   --json: one JSON object per line on stdout, {"event": start|input|operation|progress|
//     warning|result|error, ...}; errors also go to stderr as text.
// --quiet silences everything but errors (JSON events are never silenced).
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cw::engine::cli {

class Reporter {
public:
    enum class Mode { Terminal, Plain, Json };

    Reporter(Mode mode, bool quiet) : m_mode(mode), m_quiet(quiet) {}
    static Mode detectMode(bool json); // Terminal only when stdout is a TTY

    void start(int jobs, const QString& instruction);
    void jobStarted(int job, int jobs, const QStringList& inputs, const QString& output);
    void input(const QString& file, const QJsonObject& info);
    void operation(const QString& name, const QJsonObject& args, bool ok, const QString& reply,
                   const QJsonObject& response);
    // stage: "render" or "export"; fraction 0..1
    void progress(const QString& stage, double fraction);
    void warning(const QString& message);
    void result(const QJsonObject& result); // needs "output"
    void error(int exitCode, const QString& message, const QString& file = QString());
    void note(const QString& message); // human modes only (e.g. where --keep-data left things)

private:
    void emitJson(const QJsonObject& event);
    void line(const QString& text);
    void endBar();

    Mode m_mode;
    bool m_quiet;
    int m_job = 0;
    int m_lastPercent = -1;
    bool m_barOpen = false;
    qint64 m_barStarted = 0;
};

} // namespace cw::engine::cli
