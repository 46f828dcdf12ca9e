// runFfmpeg with real ffmpeg on generated clips: a cut draft rendered to 1080p from a plain
// std::thread and checked with ffprobe, a draft using every graph feature (gap, silent
// source, still image, music, hostile title text in a hostile folder), cancellation, a failing
// input, and an ffmpeg that cannot start. No .part file may survive any of them.
#include "DraftBuilder.h"
#include "render/FfmpegRunner.h"

#include "TestMedia.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

using namespace cw;
using namespace cw::engine;

namespace {

using cw::test::draftOf;
using cw::test::seg;
using cw::test::track;

QJsonObject streamOf(const QJsonObject& probe, const QString& type)
{
    for (const QJsonValue& v : probe.value("streams").toArray())
        if (v.toObject().value("codec_type").toString() == type)
            return v.toObject();
    return {};
}

double durationOf(const QJsonObject& probe)
{
    return probe.value("format").toObject().value("duration").toString().toDouble();
}

} // namespace

class TstFfmpegRunner : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QHash<QString, RenderInput> inputs_;
    QString path(const QString& name) const { return dir_.filePath(name); }

    void make(const QString& name, const QStringList& args)
    {
        QString error;
        QVERIFY2(cw::test::runFfmpeg(args + QStringList{path(name)}, &error), qPrintable(error));
    }

    RenderPreset fast(int w = 1920, int h = 1080) const
    {
        RenderPreset p;
        p.width = w;
        p.height = h;
        p.x264Preset = QStringLiteral("superfast"); // ultrafast would drop to Baseline
        return p;
    }

    QStringList leftovers(const QString& out) const
    {
        QStringList found = QDir(dir_.path()).entryList({"*.part"}, QDir::Files);
        if (QFile::exists(out))
            found << out;
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        make("clip.mp4",
             {"-f", "lavfi", "-i", "testsrc=size=640x360:rate=30:duration=3", "-f", "lavfi", "-i",
              "sine=frequency=440:sample_rate=48000:duration=3", "-c:v", "libx264", "-preset",
              "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"});
        make("silent.mp4", {"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-c:v",
                            "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"});
        make("music.wav", {"-f", "lavfi", "-i", "sine=frequency=220:duration=5"});
        make("still.png", {"-f", "lavfi", "-i", "testsrc=size=200x200", "-frames:v", "1"});
        inputs_.insert("clip", {path("clip.mp4"), true, true, 3000});
        inputs_.insert("silent", {path("silent.mp4"), true, false, 2000});
        inputs_.insert("music", {path("music.wav"), false, true, 5000});
        inputs_.insert("still", {path("still.png"), true, false, 0, true});
    }

    void cutClipTo1080pFromThread()
    {
        const Draft d = draftOf({track(
            "v1", 0, {seg("s1_1", "clip", 0, 0, 1000), seg("s1_2", "clip", 1000, 1800, 1200)})});
        const QString out = path("out-cut.mp4");
        const RenderCommand cmd =
            buildRenderCommand(d, inputs_, fast(), out, dir_.path(), defaultFontFile());
        QVERIFY2(cmd.error.isEmpty(), qPrintable(cmd.error));
        QFile old(out); // an older render under the final name is replaced
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old render");
        old.close();

        QList<double> progress;
        RunResult result;
        std::atomic_bool cancel{false};
        std::thread worker([&] {
            result = runFfmpeg(
                cmd, out, [&](double f) { progress << f; }, &cancel);
        });
        worker.join();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.cancelled);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 1.0);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        QVERIFY(!QFile::exists(out + ".part"));

        const QJsonObject info = cw::test::probe(out);
        const QJsonObject v = streamOf(info, "video");
        const QJsonObject a = streamOf(info, "audio");
        QCOMPARE(v.value("codec_name").toString(), QStringLiteral("h264"));
        QCOMPARE(v.value("profile").toString(), QStringLiteral("High"));
        QCOMPARE(v.value("width").toInt(), 1920);
        QCOMPARE(v.value("height").toInt(), 1080);
        QCOMPARE(v.value("pix_fmt").toString(), QStringLiteral("yuv420p"));
        QCOMPARE(a.value("codec_name").toString(), QStringLiteral("aac"));
        QCOMPARE(a.value("sample_rate").toString(), QStringLiteral("48000"));
        QCOMPARE(a.value("channels").toInt(), 2);
        QVERIFY2(qAbs(durationOf(info) - 2.2) <= 0.1,
                 qPrintable(QString::number(durationOf(info))));
        QFile::remove(out);
    }

    void everyFeatureWithHostileTextDir()
    {
        const QString textDir = path("t:x,y'z [1];\\q");
        const QString title = QString::fromUtf8("it's 50% off: \"yes\" \\ %{pts} 中文 😀");
        const Draft d = draftOf(
            {track("v1", 0,
                   {seg("s1", "clip", 500, 1000, 1000), seg("s2", "silent", 1500, 0, 1000),
                    seg("s3", "still", 2500, 0, 700)}),
             track("a1", 1,
                   {seg("bg", "music", 0, 0, 3500, {{"vol", 0.35}, {"fi", 500}, {"fo", 500}})}),
             track("x1", 7,
                   {seg("t1", "", 0, 0, 2000, {{"text", title}, {"style", "title"}}),
                    seg("t2", "", 2000, 0, 1500, {{"text", "End"}, {"pos", "bottom"}})})});
        const QString out = path("out-all.mp4");
        const RenderCommand cmd =
            buildRenderCommand(d, inputs_, fast(320, 180), out, textDir, defaultFontFile());
        QVERIFY2(cmd.error.isEmpty(), qPrintable(cmd.error));
        QCOMPARE(cmd.files.size(), 2);
        const RunResult r = runFfmpeg(cmd, out, {}, nullptr);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QJsonObject info = cw::test::probe(out);
        QCOMPARE(streamOf(info, "video").value("width").toInt(), 320);
        QVERIFY2(qAbs(durationOf(info) - 3.5) <= 0.1,
                 qPrintable(QString::number(durationOf(info))));
        for (const QString& f : cmd.files)
            QVERIFY(QFile::remove(f));
        QFile::remove(out);
    }

    void cancel()
    {
        const Draft d =
            draftOf({track("v1", 0,
                           {seg("a", "clip", 0, 0, 3000), seg("b", "clip", 3000, 0, 3000),
                            seg("c", "clip", 6000, 0, 3000)}),
                     track("x1", 7, {seg("t", "", 0, 0, 60000, {{"text", "long"}})})});
        RenderPreset slow = fast();
        slow.x264Preset = QStringLiteral("slow");
        const QString out = path("out-cancel.mp4");
        const RenderCommand cmd = buildRenderCommand(d, inputs_, slow, out, dir_.path(), {});
        QVERIFY(cmd.error.isEmpty());
        std::atomic_bool cancel{false};
        QElapsedTimer timer;
        timer.start();
        qint64 cancelledAt = -1;
        const RunResult r = runFfmpeg(
            cmd, out,
            [&](double f) {
                if (f > 0 && !cancel) {
                    cancel = true;
                    cancelledAt = timer.elapsed();
                }
            },
            &cancel);
        QVERIFY(cancelledAt >= 0);
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QVERIFY2(timer.elapsed() - cancelledAt < 2000, "cancel took too long");
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + ".part"));
        for (const QString& f : cmd.files)
            QFile::remove(f);
    }

    void cancelBeforeStart()
    {
        const Draft d = draftOf({track("v1", 0, {seg("a", "clip", 0, 0, 3000)})});
        const QString out = path("out-pre.mp4");
        const RenderCommand cmd = buildRenderCommand(d, inputs_, fast(), out, dir_.path(), {});
        std::atomic_bool cancel{true};
        const RunResult r = runFfmpeg(cmd, out, {}, &cancel);
        QVERIFY(r.cancelled);
        QVERIFY(!QFile::exists(out) && !QFile::exists(out + ".part"));
    }

    void badInput()
    {
        QHash<QString, RenderInput> in = inputs_;
        in["clip"].path = path("no-such-file.mp4");
        const Draft d = draftOf({track("v1", 0, {seg("a", "clip", 0, 0, 1000)})});
        const QString out = path("out-bad.mp4");
        const RenderCommand cmd = buildRenderCommand(d, in, fast(), out, dir_.path(), {});
        QVERIFY(cmd.error.isEmpty());
        const RunResult r = runFfmpeg(cmd, out, {}, nullptr);
        QVERIFY(!r.ok);
        QVERIFY(!r.cancelled);
        QVERIFY2(r.error.contains("no-such-file"), qPrintable(r.error));
        QVERIFY(r.error.count('\n') <= 4);
        QVERIFY2(leftovers(out).isEmpty(), qPrintable(leftovers(out).join(',')));
    }

    void commandWithError()
    {
        RenderCommand cmd;
        cmd.error = QStringLiteral("The timeline is empty");
        const RunResult r = runFfmpeg(cmd, path("out-none.mp4"), {}, nullptr);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, cmd.error);
    }

    void missingProgram()
    {
        qputenv("CLIPWRIGHT_FFMPEG", path("no-ffmpeg-here").toUtf8());
        const Draft d = draftOf({track("v1", 0, {seg("a", "clip", 0, 0, 1000)})});
        const QString out = path("out-missing.mp4");
        const RenderCommand cmd = buildRenderCommand(d, inputs_, fast(), out, dir_.path(), {});
        const RunResult r = runFfmpeg(cmd, out, {}, nullptr);
        qunsetenv("CLIPWRIGHT_FFMPEG");
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains("no-ffmpeg-here"));
        QCOMPARE(ffmpegProgram(), QStringLiteral("ffmpeg"));
        QVERIFY2(leftovers(out).isEmpty(), qPrintable(leftovers(out).join(',')));
    }
};

QTEST_GUILESS_MAIN(TstFfmpegRunner)
#include "tst_ffmpegrunner.moc"
