// The normal render (issue 19) keeps its quality on the sources people have while it is made
// cheaper: a short HEVC clip and a 29.97 fps H.264 clip (generated: a moving test picture and
// pink noise, so every frame and every stretch of sound is unique) are cut into three
// segments at known places and exported by the engine's renderDraft with the smart render
// off. The same cuts are then exported by a hand-written ffmpeg command that decodes only the
// kept ranges (-ss/-t per range, concat) at the same x264/AAC settings. The export must match
// it frame for frame (PSNR >= 45 dB, the same frame count, bitrate within 5%), last as long as
// the cuts within a frame, keep its sound with its picture at every join (<= 1 frame), and say
// where its time went (the stages of RenderStages.h). In-points sit a quarter frame before a
// frame, so both sides keep the same frames whichever way they round.
#include "AvSync.h"
#include "DraftBuilder.h"
#include "TestMedia.h"

#include "render/RenderDraft.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace cw;
using namespace cw::test;

namespace {

struct Cut {
    qint64 in = 0;
    qint64 d = 0;
};

// Three cuts of 60 frames, each starting a quarter frame before source frame `first`. 60
// frames last a whole number of milliseconds at 30 and at 29.97 fps (2000 and 2002 ms): a
// length rounded to the millisecond would end a hair after a frame, where a plain command's
// rate conversion repeats the last frame to fill it.
QList<Cut> cutsAt(double frameMs)
{
    QList<Cut> out;
    for (const auto& [first, frames] : QList<QPair<int, int>>{{16, 60}, {91, 60}, {166, 60}})
        out << Cut{qRound64((first - 0.25) * frameMs), qRound64(frames * frameMs)};
    return out;
}

QString secs(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

// Frames, duration (s) and bitrate (bit/s) of a file's picture.
struct Stream {
    int frames = 0;
    double seconds = 0;
    double audioSeconds = 0;
    double bitrate = 0;
};

Stream measure(const QString& file)
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"),
            {"-v", "error", "-count_frames", "-show_entries",
             "stream=codec_type,nb_read_frames,duration,bit_rate", "-of", "json", file});
    p.waitForFinished(120000);
    Stream s;
    const QJsonArray streams =
        QJsonDocument::fromJson(p.readAllStandardOutput()).object().value("streams").toArray();
    for (const QJsonValue& v : streams) {
        const QJsonObject o = v.toObject();
        if (o.value("codec_type").toString() == QLatin1String("video")) {
            s.frames = o.value("nb_read_frames").toString().toInt();
            s.seconds = o.value("duration").toString().toDouble();
            s.bitrate = o.value("bit_rate").toString().toDouble();
        } else {
            s.audioSeconds = o.value("duration").toString().toDouble();
        }
    }
    return s;
}

// Average PSNR of `a` against `b`, frame n against frame n.
double filePsnr(const QString& a, const QString& b)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            {"-hide_banner", "-nostats", "-i", a, "-i", b, "-lavfi",
             "[0:v]setpts=N/TB[x];[1:v]setpts=N/TB[y];[x][y]psnr", "-f", "null", "-"});
    p.waitForFinished(300000);
    const QByteArray err = p.readAllStandardError();
    const int at = err.lastIndexOf("average:");
    if (at < 0)
        return -1;
    const QByteArray v = err.mid(at + 8, 12).split(' ').value(0);
    return v == "inf" ? 99 : v.toDouble();
}

engine::RenderPreset smallExport()
{
    engine::RenderPreset p;
    p.name = QStringLiteral("test");
    p.width = 640;
    p.height = 360;
    p.x264Preset = QStringLiteral("ultrafast");
    return p;
}

} // namespace

class TstRenderSources : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { qputenv("CLIPWRIGHT_SMART_RENDER", "0"); }
    void cleanupTestCase() { qunsetenv("CLIPWRIGHT_SMART_RENDER"); }
    void matchesPlainFfmpeg_data();
    void matchesPlainFfmpeg();
    void unknownMediaFailsClearly();
};

void TstRenderSources::matchesPlainFfmpeg_data()
{
    QTest::addColumn<QString>("rate");      // the source's and the project's rate
    QTest::addColumn<double>("projectFps"); // the draft's m.fps
    QTest::addColumn<QStringList>("encoder");
    QTest::newRow("hevc 30 fps") << QStringLiteral("30") << 30.0
                                 << QStringList{"-c:v",
                                                "libx265",
                                                "-preset",
                                                "ultrafast",
                                                "-x265-params",
                                                "log-level=error:keyint=30:min-keyint=30:"
                                                "scenecut=0",
                                                "-tag:v",
                                                "hvc1"};
    QTest::newRow("h264 29.97 fps")
        << QStringLiteral("30000/1001") << 29.97
        << QStringList{"-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-bf", "2"};
}

void TstRenderSources::matchesPlainFfmpeg()
{
    QFETCH(QString, rate);
    QFETCH(double, projectFps);
    QFETCH(QStringList, encoder);
    const QString tag = QString(QTest::currentDataTag()).replace(' ', '-');
    const QString src = m_dir.filePath(tag + "-src.mp4");
    QString error;
    QVERIFY2(runFfmpeg(QStringList{"-f", "lavfi", "-i", "testsrc2=size=640x360:rate=" + rate, "-f",
                                   "lavfi", "-i", "anoisesrc=r=48000:a=0.3:c=pink:seed=7", "-t",
                                   "8", "-pix_fmt", "yuv420p"} +
                           encoder +
                           QStringList{"-c:a", "aac", "-b:a", "128k", "-ac", "2", "-shortest", src},
                       &error),
             qPrintable(error));
    const double frameMs = rate == QLatin1String("30") ? 1000.0 / 30 : 1001.0 / 30;
    const QList<Cut> cuts = cutsAt(frameMs);

    // The engine's export.
    QList<Segment> segs;
    qint64 st = 0;
    for (int k = 0; k < cuts.size(); ++k) {
        segs << seg(QStringLiteral("s%1").arg(k), "m1", st, cuts[k].in, cuts[k].d);
        st += cuts[k].d;
    }
    Draft draft = draftOf({track("v1", 0, segs)});
    draft.m.insert("fps", projectFps);
    engine::RenderInput in;
    in.path = src;
    in.durationMs = 8000;
    const QString out = m_dir.filePath(tag + "-engine.mp4");
    const engine::RunResult run =
        engine::renderDraft(draft, {{"m1", in}}, smallExport(), out, m_dir.path(), {}, nullptr);
    QVERIFY2(run.ok, qPrintable(run.error));
    // Where the time went: the main pass with ffmpeg's own CPU figure.
    QVERIFY(!run.stages.isEmpty());
    QCOMPARE(run.stages.first().name, QStringLiteral("main pass"));
    QVERIFY(run.stages.first().cpuS > 0);
    QVERIFY(run.stages.first().wallS > 0);

    // The hand-written command for the same kept ranges.
    QStringList args;
    QStringList chains;
    QString joined;
    for (int k = 0; k < cuts.size(); ++k) {
        args << "-ss" << secs(cuts[k].in) << "-t" << secs(cuts[k].d) << "-i" << src;
        chains << QStringLiteral("[%1:v]fps=%2,format=yuv420p[v%1]").arg(k).arg(rate)
               << QStringLiteral("[%1:a]aresample=48000[a%1]").arg(k);
        joined += QStringLiteral("[v%1][a%1]").arg(k);
    }
    chains << joined + QStringLiteral("concat=n=%1:v=1:a=1[v][a]").arg(cuts.size());
    const QString plain = m_dir.filePath(tag + "-plain.mp4");
    QVERIFY2(runFfmpeg(args + QStringList{"-filter_complex",
                                          chains.join(';'),
                                          "-map",
                                          "[v]",
                                          "-map",
                                          "[a]",
                                          "-c:v",
                                          "libx264",
                                          "-profile:v",
                                          "high",
                                          "-preset",
                                          "ultrafast",
                                          "-crf",
                                          "20",
                                          "-pix_fmt",
                                          "yuv420p",
                                          "-r",
                                          rate,
                                          "-c:a",
                                          "aac",
                                          "-b:a",
                                          "192k",
                                          "-ar",
                                          "48000",
                                          plain},
                       &error),
             qPrintable(error));

    const Stream ours = measure(out);
    const Stream theirs = measure(plain);
    int frames = 0;
    qint64 keptMs = 0;
    for (const Cut& c : cuts) {
        frames += qRound(double(c.d) / frameMs);
        keptMs += c.d;
    }
    const double frame = frameMs / 1000;
    QCOMPARE(theirs.frames, frames); // the baseline itself keeps what it should
    QCOMPARE(ours.frames, theirs.frames);
    QVERIFY2(std::abs(ours.seconds - double(keptMs) / 1000) <= frame,
             qPrintable(QString::number(ours.seconds)));
    QVERIFY2(
        std::abs(ours.audioSeconds - ours.seconds) <= frame + 0.025, // an AAC frame
        qPrintable(
            QStringLiteral("audio %1 s, picture %2 s").arg(ours.audioSeconds).arg(ours.seconds)));
    const double quality = filePsnr(out, plain);
    QVERIFY2(quality >= 45, qPrintable(QStringLiteral("PSNR %1 dB").arg(quality)));
    QVERIFY2(std::abs(ours.bitrate / theirs.bitrate - 1) <= 0.05,
             qPrintable(QStringLiteral("%1 vs %2 bit/s").arg(ours.bitrate).arg(theirs.bitrate)));

    // The sound at every join is the source's sound at that cut (noise correlates only there).
    const QVector<qint16> outPcm = monoPcm(out);
    const QVector<qint16> srcPcm = monoPcm(src);
    qint64 at = 0;
    for (const Cut& c : cuts) {
        const double lag =
            audioLag(outPcm, double(at) / 1000 + 0.1, srcPcm, double(c.in) / 1000 + 0.1);
        QVERIFY2(std::isfinite(lag) && std::abs(lag) <= frame,
                 qPrintable(QStringLiteral("join at %1 ms: sound off by %2 s").arg(at).arg(lag)));
        at += c.d;
    }
}

void TstRenderSources::unknownMediaFailsClearly()
{
    const Draft draft = draftOf({track("v1", 0, {seg("s0", "missing", 0, 0, 1000)})});
    const QString out = m_dir.filePath("never.mp4");
    const engine::RunResult run =
        engine::renderDraft(draft, {}, smallExport(), out, m_dir.path(), {}, nullptr);
    QVERIFY(!run.ok);
    QVERIFY2(run.error.contains("unknown media"), qPrintable(run.error));
    QVERIFY(!QFileInfo::exists(out));
}

QTEST_GUILESS_MAIN(TstRenderSources)
#include "tst_rendersources.moc"
