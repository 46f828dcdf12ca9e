// Pieces the benchmark driver shares: wall-clock runs of child processes (ffmpeg baselines,
// the app), a streaming multipart upload (the media is hundreds of MB, so it is never held
// in memory), render submit + poll, an engine's peak memory (VmHWM), and the result table
// printed as text and written as JSON. Header-only, like the test helpers it sits beside.
#pragma once

#include "EngineClient.h"
#include "TestEngine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>

namespace cw::bench {

struct Row {
    QString id;
    QString metric;
    QString unit;         // unit of value and baseline ("s", "x realtime", "ms", "MB")
    double value = -1;    // Clipwright's figure; < 0: not measured
    double baseline = -1; // the baseline's figure in the same unit; < 0: none
    QString baselineName;
    double ratio = -1;    // as defined per row (see ratioMeaning)
    QString ratioMeaning; // e.g. "baseline / Clipwright"
    QString target;       // human-readable target, e.g. ">= 500x"
    bool pass = false;
    QString note; // details: parts of the time, checks, errors
    QJsonObject extra;
};

inline double median(QList<double> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

inline double seconds(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// CPU time next to wall time: the machine may be shared, and CPU seconds show the work
// done even when a neighbour's load stretches the wall clock.
inline double selfCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// CPU seconds of waited-for children of this process (user + system).
inline double childrenCpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// CPU seconds of a running process and its waited-for children (the engine and the
// ffmpeg processes it ran), from /proc/<pid>/stat.
inline double processTreeCpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return -1;
    // After "pid (comm) ": state is field 3, so utime..cstime (14..17) are indexes 11..14.
    double ticks = 0;
    for (int i = 11; i <= 14; ++i)
        ticks += fields[i].toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

struct ProcResult {
    bool ok = false;
    double seconds = 0;
    double cpuSeconds = 0;
    QByteArray out;
    QByteArray err;
};

// The export's encoder settings, written out here rather than taken from the engine so the
// hand-written baselines stay independent of the code they are measured against.
inline QStringList exportVideoArgs(const QString& x264Preset)
{
    return {QStringLiteral("-c:v"),   QStringLiteral("libx264"), QStringLiteral("-profile:v"),
            QStringLiteral("high"),   QStringLiteral("-preset"), x264Preset,
            QStringLiteral("-crf"),   QStringLiteral("20"),      QStringLiteral("-pix_fmt"),
            QStringLiteral("yuv420p")};
}

inline QStringList exportAudioArgs()
{
    return {QStringLiteral("-c:a"), QStringLiteral("aac"),  QStringLiteral("-aac_coder"),
            QStringLiteral("fast"), QStringLiteral("-b:a"), QStringLiteral("192k"),
            QStringLiteral("-ar"),  QStringLiteral("48000")};
}

// Runs a program to completion (no shell) and times it from start to exit.
inline ProcResult
runTimed(const QString& program, const QStringList& args, int timeoutMs = 1800000,
         const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    ProcResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    const double cpu0 = childrenCpuSeconds();
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.waitForFinished(timeoutMs);
    r.seconds = seconds(t);
    r.cpuSeconds = childrenCpuSeconds() - cpu0;
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return r;
}

inline double probeDuration(const QString& file)
{
    const ProcResult r = runTimed(
        QStringLiteral("ffprobe"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
         QStringLiteral("format=duration"), QStringLiteral("-of"), QStringLiteral("csv=p=0"), file},
        60000);
    return r.ok ? r.out.trimmed().toDouble() : -1;
}

// Reads the whole file once so every contender starts from the page cache.
inline void warmCache(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    while (f.read(buf.data(), buf.size()) > 0) {
    }
}

// POST multipart (part "files") streaming the file from disk with a Content-Length.
inline cw::test::HttpReply uploadFile(const QUrl& base, const QString& token, const QString& sid,
                                      const QString& path)
{
    auto file = std::make_shared<QFile>(path);
    cw::test::HttpReply r;
    if (!file->open(QIODevice::ReadOnly))
        return r;
    const std::string boundary = "----clipwrightbench7d1f0a";
    const std::string head = "--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" +
                             QFileInfo(path).fileName().toStdString() +
                             "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    const std::string tail = "\r\n--" + boundary + "--\r\n";
    const size_t fileSize = size_t(file->size());
    const size_t total = head.size() + fileSize + tail.size();
    httplib::Client client(base.host().toStdString(), base.port());
    client.set_read_timeout(600, 0);
    client.set_write_timeout(600, 0);
    const httplib::Headers headers{{"Authorization", "Bearer " + token.toStdString()}};
    const std::string url = "/api/upload-video/nemo_agent/me/" + sid.toStdString();
    auto provider = [&, file](size_t offset, size_t length, httplib::DataSink& sink) {
        size_t end = offset + length;
        size_t pos = offset;
        while (pos < end) {
            if (pos < head.size()) {
                const size_t n = std::min(end, head.size()) - pos;
                sink.write(head.data() + pos, n);
                pos += n;
            } else if (pos < head.size() + fileSize) {
                const size_t inFile = pos - head.size();
                const size_t n = std::min<size_t>({end - pos, fileSize - inFile, 1 << 20});
                file->seek(qint64(inFile));
                const QByteArray chunk = file->read(qint64(n));
                if (chunk.isEmpty())
                    return false;
                sink.write(chunk.constData(), size_t(chunk.size()));
                pos += size_t(chunk.size());
            } else {
                const size_t inTail = pos - head.size() - fileSize;
                const size_t n = std::min(end - pos, tail.size() - inTail);
                sink.write(tail.data() + inTail, n);
                pos += n;
            }
        }
        return true;
    };
    const httplib::Result res = client.Post(url.c_str(), headers, total, provider,
                                            ("multipart/form-data; boundary=" + boundary).c_str());
    if (!res)
        return r;
    r.status = res->status;
    r.body = QByteArray::fromStdString(res->body);
    r.json = QJsonDocument::fromJson(r.body).object();
    return r;
}

// The session's head draft, as GET state returns it.
inline QJsonObject headDraft(cw::test::EngineClient& c, const QString& sid)
{
    return c.state(sid)
        .data()
        .value(QStringLiteral("state"))
        .toObject()
        .value(QStringLiteral("draft"))
        .toObject();
}

// Submits a render of the session's head draft and polls until it ends. Returns the
// seconds from submit to "completed" (or nullopt with *error). A preview given the playhead
// (atMs) may report a playable window first: *windowSeconds is when (-1: none). A non-empty
// draft is rendered instead of the head (for operations no chat message reaches yet).
inline std::optional<double> renderAndWait(cw::test::EngineClient& c, const QString& sid,
                                           const QString& preset, QString* outputUrl,
                                           QString* error, qint64 enginePid = 0,
                                           double* cpuSeconds = nullptr, qint64 atMs = -1,
                                           double* windowSeconds = nullptr,
                                           const QJsonObject& draft = {})
{
    QJsonObject output{{QStringLiteral("format"), QStringLiteral("mp4")},
                       {QStringLiteral("quality"), QStringLiteral("high")},
                       {QStringLiteral("preset"), preset}};
    if (atMs >= 0)
        output.insert(QStringLiteral("at_ms"), atMs);
    if (windowSeconds)
        *windowSeconds = -1;
    QElapsedTimer t;
    const double cpu0 = enginePid > 0 ? processTreeCpuSeconds(enginePid) : 0;
    t.start();
    QJsonObject body{{QStringLiteral("sessionId"), sid}, {QStringLiteral("output"), output}};
    if (!draft.isEmpty())
        body.insert(QStringLiteral("draft"), draft);
    const cw::test::HttpReply submit = c.postJson(QStringLiteral("/api/render/proxy/lambda"), body);
    const QString id = submit.data().value(QStringLiteral("id")).toString();
    if (submit.code() != 0 || id.isEmpty()) {
        *error = QStringLiteral("render submit failed (HTTP %1): ").arg(submit.status) +
                 QString::fromUtf8(submit.body);
        return std::nullopt;
    }
    for (;;) {
        const cw::test::HttpReply st = c.get(QStringLiteral("/api/render/proxy/lambda/") + id);
        const QString status = st.data().value(QStringLiteral("status")).toString();
        if (windowSeconds && *windowSeconds < 0 && st.data().contains(QStringLiteral("window")))
            *windowSeconds = seconds(t);
        if (status == QLatin1String("completed")) {
            if (cpuSeconds && enginePid > 0)
                *cpuSeconds = processTreeCpuSeconds(enginePid) - cpu0;
            if (outputUrl)
                *outputUrl = st.data().value(QStringLiteral("outputUrl")).toString();
            return seconds(t);
        }
        if (status == QLatin1String("failed") || st.status == 0 || t.elapsed() > 3600000) {
            *error = QStringLiteral("render failed: ") + QString::fromUtf8(st.body.left(800));
            return std::nullopt;
        }
        QThread::msleep(windowSeconds ? 20 : 50);
    }
}

// "VmHWM:  12345 kB" of a process, in MB (10^6 bytes); < 0 when unreadable.
inline double peakMemoryMb(qint64 pid, const char* field = "VmHWM:")
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toDouble() * 1024.0 /
                   1e6;
    return -1;
}

inline QString fmt(double v, int decimals = 2)
{
    return v < 0 ? QStringLiteral("-") : QString::number(v, 'f', decimals);
}

inline void printTable(const QList<Row>& rows)
{
    std::printf("\n%-44s %14s %14s %9s %12s  %s\n", "metric", "Clipwright", "baseline", "ratio",
                "target", "result");
    for (const Row& r : rows) {
        const int dec = r.unit == QLatin1String("ms") ? 1 : r.unit.startsWith('x') ? 0 : 2;
        std::printf("%-44s %14s %14s %9s %12s  %s\n", qPrintable(r.metric),
                    qPrintable(fmt(r.value, dec) + QLatin1Char(' ') + r.unit),
                    qPrintable(fmt(r.baseline, dec) + QLatin1Char(' ') + r.unit),
                    qPrintable(fmt(r.ratio, 2)), qPrintable(r.target),
                    r.value < 0 ? "ERROR"
                    : r.pass    ? "pass"
                                : "miss");
    }
    std::printf("\n");
    for (const Row& r : rows)
        if (!r.note.isEmpty())
            std::printf("  %s: %s\n", qPrintable(r.id), qPrintable(r.note));
    std::fflush(stdout);
}

inline QJsonObject rowJson(const Row& r)
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("metric"), r.metric},
                  {QStringLiteral("unit"), r.unit},
                  {QStringLiteral("value"), r.value},
                  {QStringLiteral("baseline"), r.baseline},
                  {QStringLiteral("baseline_name"), r.baselineName},
                  {QStringLiteral("ratio"), r.ratio},
                  {QStringLiteral("ratio_meaning"), r.ratioMeaning},
                  {QStringLiteral("target"), r.target},
                  {QStringLiteral("measured"), r.value >= 0},
                  {QStringLiteral("pass"), r.value >= 0 && r.pass},
                  {QStringLiteral("note"), r.note}};
    for (auto it = r.extra.begin(); it != r.extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// A session with one uploaded file; returns the session id (empty with *error).
inline QString sessionWith(cw::test::TestEngine& engine, const QString& file, double* uploadSeconds,
                           QString* error)
{
    cw::test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    if (sid.isEmpty()) {
        *error = QStringLiteral("no session");
        return {};
    }
    QElapsedTimer t;
    t.start();
    const cw::test::HttpReply up = uploadFile(engine.baseUrl(), engine.token(), sid, file);
    if (uploadSeconds)
        *uploadSeconds = seconds(t);
    if (up.code() != 0) {
        *error = QStringLiteral("upload failed: %1 %2")
                     .arg(up.status)
                     .arg(QString::fromUtf8(up.body.left(300)));
        return {};
    }
    return sid;
}

struct Turn {
    double ms = -1;
    int responses = 0;
    bool ok = false;
    QString text;
};

inline Turn timedTurn(cw::test::EngineClient& c, const QString& sid, const QString& message)
{
    Turn turn;
    QList<cw::AgentEvent> events;
    QElapsedTimer t;
    t.start();
    const cw::test::HttpReply r = c.runSse(sid, message, &events);
    turn.ms = double(t.nsecsElapsed()) / 1e6;
    for (const AgentEvent& e : events) {
        if (e.kind == cw::AgentEvent::Kind::FunctionResponse) {
            ++turn.responses;
            turn.ok = e.response.value(QStringLiteral("ok")).toBool(turn.ok);
        } else if (e.kind == cw::AgentEvent::Kind::Text && !e.partial) {
            turn.text = e.text;
        }
    }
    if (r.status != 200)
        turn.ok = false;
    return turn;
}

} // namespace cw::bench
