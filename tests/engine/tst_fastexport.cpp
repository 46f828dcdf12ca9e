// Fast export (render/SmartCodec.h, issue 19): an HEVC source stays HEVC. A generated HEVC
// clip (a moving test picture, one closed GOP a second, pink noise under a tone so every
// stretch of sound is unique) is cut into three ranges that start and end off keyframes and
// exported by renderDraft with keepCodec. The export must be HEVC tagged hvc1 with the
// source's profile, pixel format and colour; hold exactly the kept frames; match the source's
// decode of those frames (average PSNR >= 45 dB, no frame below 35 dB); copy most frames
// bit-exactly (PSNR "inf" against the source); keep its sound with its picture at every join
// (<= 1 frame); stay within 5% of the source's video bitrate; and decode without an error.
// A Main10 clip and an HLG one (kept HLG) are checked the same way. Without fast export the HEVC
// source takes the H.264 export, and fast export asked for a different output size steps aside,
// still exports the right frames, and says why in the job log.
#include "AvSync.h"
#include "DraftBuilder.h"
#include "TestMedia.h"

#include "agent/Planner.h"
#include "render/RenderDraft.h"
#include "render/SmartCodec.h"
#include "render/SmartRender.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace cw;
using namespace cw::test;

using Ranges = QList<QPair<int, int>>; // first frame, frames
Q_DECLARE_METATYPE(Ranges)

namespace {

struct Cut {
    qint64 in = 0;
    qint64 d = 0;
};

// Cuts off keyframes (GOPs of 30 frames), each starting a quarter frame before frame `first`,
// `frames` long (multiples of 3 frames: whole milliseconds at 30 fps).
QList<Cut> cutsOf(const QList<QPair<int, int>>& ranges)
{
    QList<Cut> out;
    const double frameMs = 1000.0 / 30;
    for (const auto& [first, frames] : ranges)
        out << Cut{qRound64((first - 0.25) * frameMs), qRound64(frames * frameMs)};
    return out;
}

QByteArray runTool(const QString& program, const QStringList& args, QByteArray* err = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(600000);
    if (err)
        *err = p.readAllStandardError();
    return p.readAllStandardOutput();
}

QJsonObject videoStream(const QString& file)
{
    const QByteArray out =
        runTool("ffprobe", {"-v", "error", "-count_frames", "-select_streams", "v:0",
                            "-show_entries", "stream", "-of", "json", file});
    return QJsonDocument::fromJson(out).object().value("streams").toArray().first().toObject();
}

// Per-frame PSNR of `file` against the source frames [first, first + frames) of each range.
QList<double> psnrAgainstSource(const QString& file, const QString& source,
                                const QList<QPair<int, int>>& ranges, const QString& dir)
{
    QStringList terms;
    for (const auto& [first, frames] : ranges)
        terms << QStringLiteral("between(n,%1,%2)").arg(first).arg(first + frames - 1);
    const QString stats = dir + "/psnr.txt";
    runTool("ffmpeg", {"-v", "error", "-i", file, "-i", source, "-lavfi",
                       QStringLiteral("[1:v]select='%1',setpts=N/30/TB[r];[0:v]setpts=N/30/TB[o];"
                                      "[o][r]psnr=stats_file=%2")
                           .arg(terms.join('+'), stats),
                       "-f", "null", "-"});
    QFile f(stats);
    QList<double> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const int at = line.indexOf("mse_avg:");
        if (at >= 0)
            out << line.mid(at + 8).split(' ').value(0).toDouble(); // MSE: 0 for a copy
    }
    return out;
}

// Video bit/s of the frames [first, first + frames) of each range, from the packet sizes.
double keptBitrate(const QString& file, const Ranges& ranges)
{
    const QByteArray csv =
        runTool("ffprobe", {"-v", "error", "-select_streams", "v:0", "-show_entries",
                            "packet=pts_time,size", "-of", "csv=p=0", file});
    qint64 bytes = 0;
    int frames = 0;
    for (const QByteArray& line : csv.split('\n')) {
        const QList<QByteArray> f = line.trimmed().split(',');
        if (f.size() < 2)
            continue;
        const int n = int(std::lround(f[0].toDouble() * 30));
        for (const auto& [first, count] : ranges)
            if (n >= first && n < first + count) {
                bytes += f[1].toLongLong();
                ++frames;
            }
    }
    return frames > 0 ? bytes * 8.0 * 30 / frames : 0;
}

double psnrOf(double mse, bool tenBit)
{
    const double peak = tenBit ? 1023.0 : 255.0;
    return mse <= 0 ? 99.0 : 10 * std::log10(peak * peak / mse);
}

QStringList* g_logged = nullptr;
void keepInfo(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    if (type == QtInfoMsg && g_logged)
        *g_logged << msg;
}

} // namespace

class TstFastExport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_main; // 1080p30 HEVC Main, 12 s

    QString makeSource(const QString& name, const QString& size, int seconds, bool tenBit,
                       bool hlg = false)
    {
        const QString out = m_dir.filePath(name);
        QString error;
        const bool ok = runFfmpeg({"-f",
                                   "lavfi",
                                   "-i",
                                   "testsrc2=size=" + size + ":rate=30",
                                   "-f",
                                   "lavfi",
                                   "-i",
                                   "anoisesrc=r=48000:a=0.2:c=pink:seed=7",
                                   "-f",
                                   "lavfi",
                                   "-i",
                                   "sine=f=220:r=48000",
                                   "-filter_complex",
                                   "[1:a][2:a]amix=inputs=2[a]",
                                   "-map",
                                   "0:v",
                                   "-map",
                                   "[a]",
                                   "-t",
                                   QString::number(seconds),
                                   "-c:v",
                                   "libx265",
                                   "-preset",
                                   "ultrafast",
                                   "-x265-params",
                                   "log-level=error:keyint=30:min-keyint=30:scenecut=0:open-gop=0",
                                   "-pix_fmt",
                                   tenBit ? "yuv420p10le" : "yuv420p",
                                   "-color_primaries",
                                   hlg ? "bt2020" : "bt709",
                                   "-color_trc",
                                   hlg ? "arib-std-b67" : "bt709",
                                   "-colorspace",
                                   hlg ? "bt2020nc" : "bt709",
                                   "-color_range",
                                   "tv",
                                   "-tag:v",
                                   "hvc1",
                                   "-c:a",
                                   "aac",
                                   "-b:a",
                                   "128k",
                                   "-ac",
                                   "2",
                                   out},
                                  &error);
        return ok ? out : (qWarning("%s", qPrintable(error)), QString());
    }

    static Draft draftFor(const QList<Cut>& cuts)
    {
        QList<Segment> segs;
        qint64 st = 0;
        for (int k = 0; k < cuts.size(); ++k) {
            segs << seg(QStringLiteral("s%1").arg(k), "m1", st, cuts[k].in, cuts[k].d);
            st += cuts[k].d;
        }
        Draft draft = draftOf({track("v1", 0, segs)});
        draft.m.insert("fps", 30);
        return draft;
    }

private slots:
    void initTestCase();
    void keepsHevc_data();
    void keepsHevc();
    void defaultStaysH264();
    void stepsAsideWhenItCannot();
    void chatAsksForIt_data();
    void chatAsksForIt();
};

void TstFastExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("CLIPWRIGHT_KEEP_TEST_DIR"));
    m_main = makeSource("main.mp4", "1920x1080", 12, false);
    QVERIFY(!m_main.isEmpty());
}

void TstFastExport::keepsHevc_data()
{
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<bool>("tenBit");
    QTest::addColumn<Ranges>("ranges");
    QTest::addColumn<double>("encodedShare"); // most re-encoded: short cuts re-encode more
    QTest::addColumn<bool>("hlg");
    QTest::newRow("main 1080p30") << QStringLiteral("1920x1080") << 12 << false
                                  << Ranges{{42, 96}, {185, 75}, {287, 66}} << 0.3 << false;
    QTest::newRow("main10 720p30") << QStringLiteral("1280x720") << 8 << true
                                   << Ranges{{17, 72}, {128, 48}, {197, 39}} << 0.35 << false;
    // A phone's HDR: HLG stays HLG (the normal render would tone-map it to BT.709).
    QTest::newRow("main10 hlg 720p30") << QStringLiteral("1280x720") << 8 << true
                                       << Ranges{{17, 72}, {128, 48}, {197, 39}} << 0.35 << true;
}

void TstFastExport::keepsHevc()
{
    QFETCH(QString, size);
    QFETCH(int, seconds);
    QFETCH(bool, tenBit);
    QFETCH(Ranges, ranges);
    QFETCH(double, encodedShare);
    QFETCH(bool, hlg);
    const QString src = tenBit ? makeSource(QStringLiteral("%1.mp4").arg(hlg ? "hlg" : "main10"),
                                            size, seconds, true, hlg)
                               : m_main;
    QVERIFY(!src.isEmpty());
    const QList<Cut> cuts = cutsOf(ranges);
    const Draft draft = draftFor(cuts);
    engine::RenderInput in;
    in.path = src;
    in.durationMs = seconds * 1000;
    const QHash<QString, engine::RenderInput> inputs{{"m1", in}};
    engine::RenderPreset preset = engine::RenderPreset::byName(QStringLiteral("1080p"));
    preset.width = size.section('x', 0, 0).toInt();
    preset.height = size.section('x', 1, 1).toInt();
    preset.keepCodec = true;

    // The plan: most frames copied.
    const QHash<QString, engine::SmartSource> sources = engine::probeSmartSources(draft, inputs);
    const engine::SmartPlan plan = engine::planSmartRender(draft, inputs, sources, preset);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    QCOMPARE(plan.codec, QStringLiteral("hevc"));

    const QString tag = QString(QTest::currentDataTag()).replace(' ', '-');
    const QString out = m_dir.filePath(tag + "-fast.mp4");
    QStringList logged;
    g_logged = &logged;
    const QtMessageHandler previous = qInstallMessageHandler(keepInfo);
    bool smart = false;
    QElapsedTimer took;
    took.start();
    const engine::RunResult run =
        engine::renderDraft(draft, inputs, preset, out, m_dir.path(), {}, nullptr, &smart);
    qInstallMessageHandler(previous);
    g_logged = nullptr;
    QVERIFY2(run.ok, qPrintable(run.error));
    QVERIFY(smart);
    QVERIFY(logged.filter("steps aside").isEmpty());
    QVERIFY2(!logged.filter("smart render join").isEmpty(), qPrintable(logged.join('\n')));
    qInfo("%s: fast export %.1f s, %d of %d frames re-encoded", qPrintable(tag),
          took.elapsed() / 1000.0, plan.encodedFrames(), plan.totalFrames());

    // The stream: the source's codec, profile, pixel format, colour; hvc1 for QuickTime.
    const QJsonObject s = videoStream(src);
    const QJsonObject o = videoStream(out);
    QCOMPARE(o.value("codec_name").toString(), QStringLiteral("hevc"));
    QCOMPARE(o.value("codec_tag_string").toString(), QStringLiteral("hvc1"));
    if (hlg)
        QCOMPARE(o.value("color_transfer").toString(), QStringLiteral("arib-std-b67"));
    for (const char* key : {"profile", "pix_fmt", "width", "height", "color_range", "color_space",
                            "color_transfer", "color_primaries", "level", "r_frame_rate"})
        QVERIFY2(o.value(key) == s.value(key),
                 qPrintable(QStringLiteral("%1: %2 vs source %3")
                                .arg(key, o.value(key).toVariant().toString(),
                                     s.value(key).toVariant().toString())));

    // Exactly the kept frames, decoded without an error.
    int frames = 0;
    for (const auto& r : ranges)
        frames += r.second;
    QCOMPARE(o.value("nb_read_frames").toString().toInt(), frames);
    QByteArray err;
    runTool("ffmpeg", {"-v", "error", "-i", out, "-f", "null", "-"}, &err);
    QVERIFY2(err.trimmed().isEmpty(), err.constData());

    // The picture is the source's: copied frames bit-exact, re-encoded ones close.
    const QList<double> mse = psnrAgainstSource(out, src, ranges, m_dir.path());
    QCOMPARE(mse.size(), frames);
    double sum = 0;
    double worst = 99;
    int exact = 0;
    for (const double m : mse) {
        sum += m;
        worst = std::min(worst, psnrOf(m, tenBit));
        exact += m == 0 ? 1 : 0;
    }
    const double average = psnrOf(sum / frames, tenBit);
    qInfo("%s: PSNR average %.1f dB, worst frame %.1f dB, %d of %d frames bit-exact",
          qPrintable(tag), average, worst, exact, frames);
    QVERIFY2(average >= 45, qPrintable(QString::number(average)));
    QVERIFY2(worst >= 35, qPrintable(QString::number(worst)));
    QVERIFY(exact >= plan.copiedFrames());
    QVERIFY2(frames - exact <= encodedShare * frames, qPrintable(QString::number(exact)));

    // Bitrate: the source's over the same frames, within 5%.
    const double srcRate = keptBitrate(src, ranges);
    const double outRate = keptBitrate(out, {{0, frames}});
    qInfo("%s: bitrate %.0f kbit/s, source %.0f kbit/s", qPrintable(tag), outRate / 1000,
          srcRate / 1000);
    QVERIFY2(std::abs(outRate / srcRate - 1) <= 0.05,
             qPrintable(QStringLiteral("%1 vs %2").arg(outRate).arg(srcRate)));

    // The sound at every join is the source's sound at that cut.
    const QVector<qint16> outPcm = monoPcm(out);
    const QVector<qint16> srcPcm = monoPcm(src);
    qint64 at = 0;
    for (const Cut& c : cuts) {
        const double lag =
            audioLag(outPcm, double(at) / 1000 + 0.1, srcPcm, double(c.in) / 1000 + 0.1);
        QVERIFY2(std::isfinite(lag) && std::abs(lag) <= 1.0 / 30,
                 qPrintable(QStringLiteral("join at %1 ms: sound off by %2 s").arg(at).arg(lag)));
        at += c.d;
    }
}

// Without fast export the HEVC source takes the H.264 export (the plan says why); the chat's
// m.export.fast asks for it like the request's output.fast.
void TstFastExport::defaultStaysH264()
{
    const QList<Cut> cuts = cutsOf({{42, 96}, {185, 75}});
    Draft draft = draftFor(cuts);
    engine::RenderInput in;
    in.path = m_main;
    in.durationMs = 12000;
    const QHash<QString, engine::RenderInput> inputs{{"m1", in}};
    const engine::RenderPreset preset = engine::RenderPreset::byName(QStringLiteral("1080p"));
    const QHash<QString, engine::SmartSource> sources = engine::probeSmartSources(draft, inputs);
    const engine::SmartPlan plan = engine::planSmartRender(draft, inputs, sources, preset);
    QVERIFY(!plan.eligible);
    QVERIFY2(plan.reason.contains("fast export keeps HEVC"), qPrintable(plan.reason));
    QVERIFY(!engine::fastExportAsked(draft, preset));
    draft.m.insert("export", QJsonObject{{"fast", true}});
    QVERIFY(engine::fastExportAsked(draft, preset));
    engine::RenderPreset preview = engine::RenderPreset::byName(QStringLiteral("preview"));
    preview.keepCodec = true;
    QVERIFY(!engine::fastExportAsked(draft, preview));
}

// Fast export asked at another size: the normal render makes the H.264 file at that size with
// the kept frames, and the job log says why fast export stepped aside.
void TstFastExport::stepsAsideWhenItCannot()
{
    const QList<QPair<int, int>> ranges{{42, 60}, {245, 45}};
    const QList<Cut> cuts = cutsOf(ranges);
    const Draft draft = draftFor(cuts);
    engine::RenderInput in;
    in.path = m_main;
    in.durationMs = 12000;
    engine::RenderPreset preset = engine::RenderPreset::byName(QStringLiteral("720p"));
    preset.x264Preset = QStringLiteral("ultrafast");
    preset.keepCodec = true;
    const QString out = m_dir.filePath("aside.mp4");
    QStringList logged;
    g_logged = &logged;
    const QtMessageHandler previous = qInstallMessageHandler(keepInfo);
    bool smart = true;
    const engine::RunResult run =
        engine::renderDraft(draft, {{"m1", in}}, preset, out, m_dir.path(), {}, nullptr, &smart);
    qInstallMessageHandler(previous);
    g_logged = nullptr;
    QVERIFY2(run.ok, qPrintable(run.error));
    QVERIFY(!smart);
    const QStringList why = logged.filter("fast export steps aside");
    QCOMPARE(why.size(), 1);
    QCOMPARE(why.first(), QStringLiteral("engine: fast export steps aside (normal H.264 render): "
                                         "source is 1920x1080, output 1280x720"));
    const QJsonObject o = videoStream(out);
    QCOMPARE(o.value("codec_name").toString(), QStringLiteral("h264"));
    QCOMPARE(o.value("width").toInt(), 1280);
    QCOMPARE(o.value("nb_read_frames").toString().toInt(), 105);
}

// The chat's words for it (lexicon "export.fast"): export_settings with fast, and other
// operations said in the same message still planned; a non-MP4 format is not fast.
void TstFastExport::chatAsksForIt_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("fast");
    QTest::addColumn<QString>("resolution");
    QTest::newRow("fast export") << "fast export please" << true << "";
    QTest::newRow("quickly, codec") << "export quickly keeping the original codec" << true << "";
    QTest::newRow("keep it hevc") << "cut the pauses and keep it HEVC" << true << "";
    QTest::newRow("1080p fast") << "do a quick export in 1080p" << true << "1080p";
    QTest::newRow("zh") << "快速导出" << true << "";
    QTest::newRow("zh codec") << "剪掉停顿，保留原编码导出" << true << "";
    QTest::newRow("plain export") << "export it as 1080p mp4" << false << "1080p";
    QTest::newRow("gif is not fast") << "fast export as a gif" << false << "";
}

void TstFastExport::chatAsksForIt()
{
    QFETCH(QString, message);
    QFETCH(bool, fast);
    QFETCH(QString, resolution);
    const engine::Plan plan = engine::planInstruction(message);
    bool sawFast = false;
    QString res;
    for (const engine::Operation& o : plan.operations)
        if (o.name == engine::Op::exportSettings()) {
            sawFast = sawFast || o.args.value("fast").toBool();
            res = o.args.value("resolution").toString();
        }
    QVERIFY2(sawFast == fast, qPrintable(message));
    if (fast && !resolution.isEmpty())
        QCOMPARE(res, resolution);
    if (message.startsWith("cut") || message.startsWith(QStringLiteral("剪掉")))
        QVERIFY2(plan.operations.size() >= 2, qPrintable(message));
}

QTEST_GUILESS_MAIN(TstFastExport)
#include "tst_fastexport.moc"
