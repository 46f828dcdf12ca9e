// App rows: start to usable window (the app's CLIPWRIGHT_STARTUP_REPORT hook prints the
// moment the main window is shown and the local engine's session is ready, then quits)
// against the floor of any Qt Widgets app on the same platform plugin (bench_qtfloor: a
// QApplication and an empty QMainWindow shown), and the timeline paint benchmark if built.
// Both are measured from outside (process start to the line on stderr), with a fresh
// HOME so no earlier profile or session is continued.
#include "BenchRows.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>

namespace cw::bench {

namespace {

// Wall seconds from process start until `marker` appears on stderr; < 0 on timeout.
double timeToLine(const QString& program, const QStringList& args, const QByteArray& marker,
                  const QString& home, QByteArray* line)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/state"));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("CLIPWRIGHT_STARTUP_REPORT"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_XCB_GL_INTEGRATION"), QStringLiteral("none"));
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    QByteArray err;
    double at = -1;
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        p.waitForReadyRead(5);
        err += p.readAllStandardError();
        const int i = err.indexOf(marker);
        if (i >= 0 && err.indexOf('\n', i) > 0) {
            at = seconds(t);
            *line = err.mid(i, err.indexOf('\n', i) - i);
            break;
        }
        if (p.state() == QProcess::NotRunning) {
            err += p.readAllStandardError();
            *line = err.right(300);
            break;
        }
    }
    if (!p.waitForFinished(10000)) {
        p.terminate();
        if (!p.waitForFinished(5000))
            p.kill();
        p.waitForFinished(5000);
    }
    return at;
}

} // namespace

Row appStartRow(const Context& ctx)
{
    Row row;
    row.id = QStringLiteral("app_start");
    row.metric = QStringLiteral("app start to usable window");
    row.unit = QStringLiteral("s");
    row.baselineName = QStringLiteral("empty Qt Widgets window (bench_qtfloor)");
    row.ratioMeaning = QStringLiteral("Clipwright / baseline");
    row.target = QStringLiteral("<= 1.5 s");
    const QString app = ctx.binDir + QStringLiteral("/clipwright");
    const QString floor = ctx.binDir + QStringLiteral("/bench_qtfloor");
    if (!QFileInfo::exists(app) || !QFileInfo::exists(floor)) {
        row.note = QStringLiteral("bin/clipwright or bin/bench_qtfloor not built "
                                  "(CLIPWRIGHT_BUILD_UI=OFF?)");
        return row;
    }
    QList<double> ours;
    QList<double> base;
    QList<double> inside;
    QByteArray line;
    const int runs = ctx.quick ? 2 : 5;
    for (int i = 0; i <= runs; ++i) { // run 0 warms the page cache and is not counted
        QTemporaryDir home;
        const double a = timeToLine(app, {}, "clipwright: usable after", home.path(), &line);
        if (a < 0) {
            row.note = QStringLiteral("no start-up report: ") + QString::fromUtf8(line);
            return row;
        }
        static const QRegularExpression rx(QStringLiteral("after (\\d+) ms"));
        const QRegularExpressionMatch m = rx.match(QString::fromUtf8(line));
        QByteArray floorLine;
        const double b = timeToLine(floor, {}, "qtfloor: shown after", home.path(), &floorLine);
        if (i == 0)
            continue;
        ours << a;
        if (m.hasMatch())
            inside << m.captured(1).toDouble() / 1000.0;
        if (b >= 0)
            base << b;
    }
    row.value = median(ours);
    row.baseline = median(base);
    if (row.baseline > 0)
        row.ratio = row.value / row.baseline;
    row.pass = row.value >= 0 && row.value <= 1.5;
    QStringList all;
    for (double v : ours)
        all << QString::number(v, 'f', 3);
    row.note = QStringLiteral("median of %1 (%2 s), process start to 'usable' on stderr "
                              "(the app's own clock from main(): %3 s), QT_QPA_PLATFORM=%4")
                   .arg(ours.size())
                   .arg(all.join(QStringLiteral(", ")))
                   .arg(median(inside), 0, 'f', 3)
                   .arg(qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen")));
    return row;
}

std::optional<Row> timelinePaintRow(const Context& ctx)
{
    const QString program = ctx.binDir + QStringLiteral("/timeline_bench");
    if (!QFileInfo::exists(program))
        return std::nullopt;
    Row row;
    row.id = QStringLiteral("timeline_paint");
    row.metric = QStringLiteral("timeline paint, 2,000 segments (mean)");
    row.unit = QStringLiteral("ms");
    row.target = QStringLiteral("<= 16 ms");
    row.baselineName = QStringLiteral("none (one 60 Hz frame is the bar)");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const ProcResult r = runTimed(program, {QString::number(ctx.quick ? 5 : 60)}, 120000, env);
    static const QRegularExpression rx(
        QStringLiteral("mean ([0-9.]+) ms fitted, ([0-9.]+) ms zoomed"));
    const QRegularExpressionMatch m = rx.match(QString::fromUtf8(r.out));
    if (!r.ok || !m.hasMatch()) {
        row.note = QStringLiteral("timeline_bench failed: ") + QString::fromUtf8(r.err.right(200));
        return row;
    }
    row.value = std::max(m.captured(1).toDouble(), m.captured(2).toDouble());
    row.pass = row.value <= 16;
    row.note = QString::fromUtf8(r.out.trimmed());
    return row;
}

} // namespace cw::bench
