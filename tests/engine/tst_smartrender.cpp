// Smart render (render/SmartRender.h), real renders (the eligibility and planning tables are
// in tst_smartplan): renders of a generated 1280x720 H.264 High clip (GOP 2 s, B-frames) whose
// picture flashes every 0.5 s with a beep on the same frame. The same cut draft is rendered smart
// and normal with the 720p preset: equal length (±1 frame), every output frame matches the
// expected source frame (PSNR > 35 dB), every flash has its beep within 40 ms (A/V at the
// joins), clean decode, h264 + aac, and most frames are copied. Cancel and a hostile file
// name (quote, spaces) are covered too.
#include "SmartFixtures.h"
#include "edit/CutPauses.h"
#include "media/AudioAnalysis.h"
#include "render/FfmpegRunner.h"
#include "render/RenderDraft.h"
#include "render/SmartRender.h"
#include "server/RenderQueue.h"
#include "store/Store.h"

#include "AvSync.h"
#include "MeasureAudio.h"
#include "SmartMeasure.h"
#include "TestMedia.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <sys/resource.h>

using namespace cw;
using namespace cw::engine;
using cw::test::beepTimes;
using namespace cw::test;
using cw::test::cutDraft;
using cw::test::draftOf;
using cw::test::fakeInputs;
using cw::test::fakeSource;
using cw::test::seg;
using cw::test::track;

class TstSmartRender : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString source_;

    RenderPreset preset() const
    {
        RenderPreset p = RenderPreset::byName(QStringLiteral("720p"));
        p.x264Preset = QStringLiteral("superfast"); // ultrafast would drop to Baseline
        return p;
    }

private slots:
    void initTestCase();
    void smartMatchesNormal();
    void batchStartsEveryPieceWithAnIdr();
    void titleAndMusic();
    void cancelLeavesNothing();
    void queuePicksThePath_data();
    void queuePicksThePath();
    void ntscMainProfile();
    void stepAsideIsLogged();
    void measureLongTalk();
};

void TstSmartRender::initTestCase()
{
    QVERIFY(dir_.isValid());
    dir_.setAutoRemove(qEnvironmentVariableIsEmpty("CLIPWRIGHT_KEEP_TEST_DIR"));
    qInfo("work dir %s", qPrintable(dir_.path()));
    // A hostile name: the concat list must quote it.
    source_ = dir_.filePath("it's a clip.mp4");
    QString error;
    QVERIFY2(cw::test::runFfmpeg(
                 {"-f",
                  "lavfi",
                  "-i",
                  "testsrc2=size=1280x720:rate=30,drawbox=x=16:y=16:w=96:h=96:color=black:t=fill,"
                  "drawbox=x=16:y=16:w=96:h=96:color=white:t=fill:enable='eq(mod(n,15),0)'",
                  "-f",
                  "lavfi",
                  "-i",
                  "aevalsrc='if(lt(mod(t,0.5),1/30),0.8*sin(2*PI*1000*t),0)':s=48000",
                  "-t",
                  "20",
                  "-c:v",
                  "libx264",
                  "-preset",
                  "veryfast",
                  "-g",
                  "60",
                  "-pix_fmt",
                  "yuv420p",
                  "-c:a",
                  "aac",
                  "-b:a",
                  "128k",
                  "-movflags",
                  "+faststart",
                  source_},
                 &error),
             qPrintable(error));
}

void TstSmartRender::smartMatchesNormal()
{
    const QHash<QString, RenderInput> inputs{
        {"m1", RenderInput{source_, true, true, 20000, false}}};
    const Draft draft = cutDraft();
    const RenderPreset p = preset();
    QHash<QString, SmartSource> sources = probeSmartSources(draft, inputs);
    QVERIFY2(sources.value("m1").ok, qPrintable(sources.value("m1").error));
    const SmartPlan plan = planSmartRender(draft, inputs, sources, p);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    QVERIFY(plan.copiedFrames() > plan.totalFrames() / 2);

    const QString smart = dir_.filePath("smart out.mp4");
    QList<double> progress;
    QElapsedTimer t;
    t.start();
    const RunResult rs = runSmartRender(
        plan, sources, p, smart, dir_.filePath("work"), [&](double f) { progress << f; }, nullptr);
    const qint64 smartMs = t.elapsed();
    QVERIFY2(rs.ok, qPrintable(rs.error));
    QVERIFY(!QFile::exists(smart + ".part"));
    QVERIFY(!progress.isEmpty());
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QCOMPARE(progress.last(), 1.0);

    const QString normal = dir_.filePath("normal.mp4");
    t.restart();
    const RenderCommand cmd = buildRenderCommand(draft, inputs, p, normal, dir_.path(), QString());
    QVERIFY2(runFfmpeg(cmd, normal, {}, nullptr).ok, "normal render failed");
    qInfo("smart %lld ms, normal %lld ms, %d of %d frames copied", smartMs, t.elapsed(),
          plan.copiedFrames(), plan.totalFrames());

    QByteArray err;
    run("ffmpeg", {"-v", "error", "-i", smart, "-f", "null", "-"}, &err);
    QVERIFY2(err.trimmed().isEmpty(), err.constData());
    const QJsonObject probe = cw::test::probe(smart);
    QCOMPARE(streamOf(probe, "video").value("codec_name").toString(), QString("h264"));
    QCOMPARE(streamOf(probe, "audio").value("codec_name").toString(), QString("aac"));
    QCOMPARE(streamOf(probe, "video").value("width").toInt(), 1280);

    const int smartFrames = frameCount(smart);
    QCOMPARE(smartFrames, plan.totalFrames());
    QVERIFY(std::abs(smartFrames - frameCount(normal)) <= 1);
    const double vDur = streamOf(probe, "video").value("duration").toString().toDouble();
    const double aDur = streamOf(probe, "audio").value("duration").toString().toDouble();
    QVERIFY2(std::abs(vDur - aDur) < 0.05, qPrintable(QString("%1 vs %2").arg(vDur).arg(aDur)));

    // Frame accuracy: every output frame is the expected source frame.
    for (const QString& file : {smart, normal}) {
        const QList<double> psnr = psnrAgainstSource(file, source_, plan.segments);
        QCOMPARE(psnr.size(), plan.totalFrames());
        const double worst = *std::min_element(psnr.begin(), psnr.end());
        QVERIFY2(worst > 35.0, qPrintable(QString("%1: worst frame %2 dB").arg(file).arg(worst)));
    }

    // A/V at the joins: each flash has its beep within 40 ms; the first flash after every join
    // is among them.
    const QList<double> flashes = flashTimes(smart);
    const QList<double> beeps = beepTimes(smart);
    QVERIFY(flashes.size() >= 20);
    QCOMPARE(beeps.size(), flashes.size());
    double worst = 0;
    for (int i = 0; i < flashes.size(); ++i)
        worst = std::max(worst, std::abs(beeps[i] - flashes[i]));
    qInfo("A/V: %d flashes, worst offset %.1f ms", int(flashes.size()), worst * 1000);
    QVERIFY2(worst <= 0.040, qPrintable(QString("worst A/V offset %1 s").arg(worst)));
}

// Cuts + a title + ducked music + a loudness target: the titled frames are re-encoded with
// the title (the same picture as the normal render), the rest is copied, and the sound is
// the normal render's mix.
// All re-encoded pieces in one x264 run: x264 (with B-frames) must start a closed GOP exactly
// at each piece, or the pieces could not be cut apart by stream copy.
void TstSmartRender::batchStartsEveryPieceWithAnIdr()
{
    const QHash<QString, RenderInput> inputs{
        {"m1", RenderInput{source_, true, true, 20000, false}}};
    const Draft draft = cutDraft();
    const QHash<QString, SmartSource> sources = probeSmartSources(draft, inputs);
    const SmartPlan plan = planSmartRender(draft, inputs, sources, preset());
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    const QList<SmartBatch> batches = planSmartBatches(plan, 1);
    QCOMPARE(batches.size(), 1);
    const SmartBatch& batch = batches.first();
    QVERIFY(batch.pieces.size() >= 3);

    const QString out = dir_.filePath("batch.mp4");
    const QString list = dir_.filePath("batch.ffconcat");
    // The runner decodes from a video-only copy (interleaved sound would end an entry early).
    const QString video = dir_.filePath("video only.mp4");
    QString error;
    QVERIFY2(cw::test::runFfmpeg({"-i", source_, "-map", "0:v:0", "-c", "copy", video}, &error),
             qPrintable(error));
    const SmartBatchCommand cmd =
        smartBatchCommand(plan, sources, preset(), batch, {}, {{"m1", video}}, list, out);
    QFile lf(list);
    QVERIFY(lf.open(QIODevice::WriteOnly));
    lf.write(cmd.list);
    lf.close();
    QByteArray err;
    QCOMPARE(runFfmpegStep(cmd.args, nullptr, &err), 0);
    const SmartSource encoded = probeSmartSource(out);
    QVERIFY2(encoded.ok, qPrintable(encoded.error));
    QCOMPARE(encoded.frameCount(), batch.frames);
    bool reordered = false; // B-frames, or the clean-start check would be trivial
    for (int i = 0; i < encoded.frameCount(); ++i)
        reordered = reordered || encoded.frame[i] != i;
    QVERIFY(reordered);
    const QVector<bool> clean = cleanPrefixes(encoded);
    int keyframes = 0;
    for (int i = 0; i < encoded.frameCount(); ++i)
        keyframes += encoded.key[i] ? 1 : 0;
    QVERIFY2(keyframes >= batch.starts.size(), "fewer keyframes than pieces");
    for (const int start : batch.starts)
        QVERIFY2(startsCleanGop(encoded, clean, start), qPrintable(QString::number(start)));
}

void TstSmartRender::titleAndMusic()
{
    const QString music = dir_.filePath("music.m4a");
    QString error;
    QVERIFY2(
        cw::test::runFfmpeg(
            {"-f", "lavfi", "-i", "sine=f=440:r=48000", "-t", "16", "-c:a", "aac", music}, &error),
        qPrintable(error));
    const QHash<QString, RenderInput> inputs{{"m1", RenderInput{source_, true, true, 20000, false}},
                                             {"m2", RenderInput{music, false, true, 16000, false}}};
    Draft draft = cutDraft();
    draft.m["loudness_lufs"] = -16;
    draft.t << track("x1", 7,
                     {seg("t1", "", 1000, 0, 1500,
                          {{"text", "Hello from the smart render"}, {"style", "title"}})})
            << track("a1", 1,
                     {seg("b1", "m2", 0, 0, 15000,
                          {{"vol", 0.35}, {"duck", true}, {"fi", 1000}, {"fo", 2000}})});
    const RenderPreset p = preset();
    const QHash<QString, SmartSource> sources = probeSmartSources(draft, inputs);
    const SmartPlan plan = planSmartRender(draft, inputs, sources, p);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    QCOMPARE(plan.redrawn.size(), 1);
    QVERIFY(plan.copiedFrames() > plan.totalFrames() / 3);

    const QString smart = dir_.filePath("titled smart.mp4");
    const RunResult rs =
        runSmartRender(plan, sources, p, smart, dir_.filePath("titled"), {}, nullptr);
    QVERIFY2(rs.ok, qPrintable(rs.error));
    QVERIFY(QDir(dir_.filePath("titled")).entryList({"*.txt"}).isEmpty());
    const QString normal = dir_.filePath("titled normal.mp4");
    const RenderCommand cmd = buildRenderCommand(draft, inputs, p, normal, dir_.path(), QString());
    QVERIFY2(runFfmpeg(cmd, normal, {}, nullptr).ok, "normal render failed");
    QByteArray err;
    run("ffmpeg", {"-v", "error", "-i", smart, "-f", "null", "-"}, &err);
    QVERIFY2(err.trimmed().isEmpty(), err.constData());
    QCOMPARE(frameCount(smart), plan.totalFrames());

    // The same picture as the normal render everywhere, title included; the title is really
    // there (the middle of it, fully faded in, differs from the source).
    const QList<double> same = perFramePsnr({"-i", smart, "-i", normal}, "[0:v][1:v]psnr");
    QVERIFY(same.size() >= plan.totalFrames() - 1);
    const double worst = *std::min_element(same.begin(), same.end());
    QVERIFY2(worst > 30.0, qPrintable(QString("worst frame vs normal %1 dB").arg(worst)));
    const QList<double> vsSource = psnrAgainstSource(smart, source_, plan.segments);
    QCOMPARE(vsSource.size(), plan.totalFrames());
    qInfo("vs source: frame 20 %.1f dB, 52 %.1f dB; worst vs normal %.1f dB", vsSource[20],
          vsSource[52], worst);
    for (int n = 0; n < vsSource.size(); ++n) {
        const bool titled = n >= plan.redrawn[0].first && n < plan.redrawn[0].second;
        if (!titled)
            QVERIFY2(vsSource[n] > 35.0,
                     qPrintable(QString("frame %1: %2 dB").arg(n).arg(vsSource[n])));
        if (n >= 45 && n <= 60)
            QVERIFY2(vsSource[n] < 32.0, qPrintable(QString("title missing at frame %1").arg(n)));
    }

    // The music is in, at the normal render's level, and the loudness target is met.
    const QString band = "bandpass=f=440:width_type=q:w=10";
    const double musicSmart = cw::test::rmsDb(smart, 0, 3600, band);
    const double musicNormal = cw::test::rmsDb(normal, 0, 3600, band);
    qInfo("music %.1f dB smart, %.1f dB normal", musicSmart, musicNormal);
    QVERIFY(musicSmart > -60); // silence there is below -90 dB
    QVERIFY(std::abs(musicSmart - musicNormal) < 1.5);
    const double lufs = cw::test::integratedLufs(smart);
    qInfo("loudness %.1f LUFS smart, %.1f normal", lufs, cw::test::integratedLufs(normal));
    QVERIFY2(std::abs(lufs + 16) <= 1.0, qPrintable(QString::number(lufs)));
}

void TstSmartRender::cancelLeavesNothing()
{
    const QHash<QString, RenderInput> inputs{
        {"m1", RenderInput{source_, true, true, 20000, false}}};
    const QHash<QString, SmartSource> sources = probeSmartSources(cutDraft(), inputs);
    const SmartPlan plan = planSmartRender(cutDraft(), inputs, sources, preset());
    QVERIFY(plan.eligible);
    std::atomic_bool cancel{true};
    const QString out = dir_.filePath("cancelled.mp4");
    const RunResult r =
        runSmartRender(plan, sources, preset(), out, dir_.filePath("cw"), {}, &cancel);
    QVERIFY(!r.ok);
    QVERIFY(r.cancelled);
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(out + ".part"));

    SmartPlan ineligible;
    ineligible.reason = "no";
    QVERIFY(
        !runSmartRender(ineligible, sources, preset(), out, dir_.filePath("cw"), {}, nullptr).ok);
}

void TstSmartRender::queuePicksThePath_data()
{
    QTest::addColumn<QByteArray>("env");
    QTest::addColumn<bool>("smart");
    QTest::newRow("default") << QByteArray() << true;
    QTest::newRow("CLIPWRIGHT_SMART_RENDER=0") << QByteArray("0") << false;
}

// Through the engine's render queue: the smart path leaves an IDR at every re-encoded piece,
// the normal one only x264's own (keyint 250: one per ~8 s).
void TstSmartRender::queuePicksThePath()
{
    QFETCH(QByteArray, env);
    QFETCH(bool, smart);
    if (env.isEmpty())
        qunsetenv("CLIPWRIGHT_SMART_RENDER");
    else
        qputenv("CLIPWRIGHT_SMART_RENDER", env);
    QTemporaryDir data;
    Store store;
    QVERIFY(store.open(data.path()));
    RenderQueue queue(store);
    queue.start();
    RenderRequest rq;
    rq.id = QStringLiteral("render_%1").arg(smart);
    rq.sessionId = "s1";
    rq.draft = cutDraft();
    rq.preset = preset();
    rq.inputs = {{"m1", RenderInput{source_, true, true, 20000, false}}};
    QCOMPARE(queue.submit(rq), RenderQueue::Submit::Ok);
    std::optional<JobRecord> job;
    QTRY_VERIFY_WITH_TIMEOUT((job = queue.status(rq.id)) &&
                                 (job->status == "completed" || job->status == "failed"),
                             240000);
    qunsetenv("CLIPWRIGHT_SMART_RENDER");
    QVERIFY2(job->status == "completed", qPrintable(job->error));
    QCOMPARE(job->progress, 100);
    QVERIFY(QFile::exists(job->outputPath));
    QVERIFY(!QFile::exists(job->outputPath + ".part"));
    const int keyframes = run("ffprobe", {"-v", "error", "-select_streams", "v:0", "-show_entries",
                                          "packet=flags", "-of", "csv=p=0", job->outputPath})
                              .count('K');
    QVERIFY2(smart ? keyframes >= 5 : keyframes <= 3, qPrintable(QString::number(keyframes)));
    const int expected = planSmartRender(cutDraft(), fakeInputs(), {{"m1", fakeSource()}},
                                         RenderPreset::byName("720p"))
                             .totalFrames();
    QVERIFY(std::abs(frameCount(job->outputPath) - expected) <= 1);
    queue.stop();
}

// A 29.97 fps H.264 Main-profile source (B-frames, 2-s GOPs) with a flash and a beep on the
// same frame every 0.5 s, exported at its own rate: the smart render takes it, the output
// stays Main, has exactly the planned frames and duration, every frame is its source frame,
// the whole file decodes cleanly, and every flash (the first after each join among them) has
// its beep within one frame.
void TstSmartRender::ntscMainProfile()
{
    const QString source = dir_.filePath("ntsc main.mp4");
    QString error;
    QVERIFY2(cw::test::runFfmpeg(
                 {"-f",
                  "lavfi",
                  "-i",
                  "testsrc2=size=1280x720:rate=30000/1001,drawbox=x=16:y=16:w=96:h=96:color=black:"
                  "t=fill,drawbox=x=16:y=16:w=96:h=96:color=white:t=fill:enable='eq(mod(n,15),0)'",
                  "-f",
                  "lavfi",
                  "-i",
                  "aevalsrc='if(lt(mod(t*30000/1001,15),1),0.8*sin(2*PI*1000*t),0)':s=48000",
                  "-t",
                  "20",
                  "-c:v",
                  "libx264",
                  "-profile:v",
                  "main",
                  "-preset",
                  "veryfast",
                  "-g",
                  "60",
                  "-pix_fmt",
                  "yuv420p",
                  "-c:a",
                  "aac",
                  "-b:a",
                  "128k",
                  source},
                 &error),
             qPrintable(error));
    const QHash<QString, RenderInput> inputs{{"m1", RenderInput{source, true, true, 20000, false}}};
    const Draft draft = cutDraft();
    RenderPreset p = preset();
    p.fps = FrameRate{30000, 1001};
    const QHash<QString, SmartSource> sources = probeSmartSources(draft, inputs);
    QCOMPARE(sources.value("m1").profile, 77);
    const SmartPlan plan = planSmartRender(draft, inputs, sources, p);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    QCOMPARE(plan.profile, QString("main"));
    QVERIFY(plan.copiedFrames() > plan.totalFrames() / 2);
    const QString out = dir_.filePath("ntsc smart.mp4");
    const RunResult rs = runSmartRender(plan, sources, p, out, dir_.filePath("ntsc"), {}, nullptr);
    QVERIFY2(rs.ok, qPrintable(rs.error));

    QByteArray err;
    run("ffmpeg", {"-v", "error", "-i", out, "-f", "null", "-"}, &err);
    QVERIFY2(err.trimmed().isEmpty(), err.constData());
    const QJsonObject probe = cw::test::probe(out);
    const QJsonObject video = streamOf(probe, "video");
    QCOMPARE(video.value("profile").toString(), QString("Main"));
    QCOMPARE(video.value("r_frame_rate").toString(), QString("30000/1001"));
    QCOMPARE(frameCount(out), plan.totalFrames());
    const double expected = plan.totalFrames() * 1001.0 / 30000.0;
    const double vDur = video.value("duration").toString().toDouble();
    const double aDur = streamOf(probe, "audio").value("duration").toString().toDouble();
    qInfo("29.97 Main: %d frames, video %.4f s (expected %.4f), audio %.4f s", plan.totalFrames(),
          vDur, expected, aDur);
    QVERIFY2(std::abs(vDur - expected) < 0.001, qPrintable(QString::number(vDur, 'f', 4)));
    QVERIFY2(std::abs(aDur - expected) < 0.025, qPrintable(QString::number(aDur, 'f', 4)));

    const QList<double> psnr = psnrAgainstSource(out, source, plan.segments);
    QCOMPARE(psnr.size(), plan.totalFrames());
    const double worstFrame = *std::min_element(psnr.begin(), psnr.end());
    QVERIFY2(worstFrame > 35.0, qPrintable(QString("worst frame %1 dB").arg(worstFrame)));

    const QList<double> flashes = flashTimes(out, 30000.0 / 1001.0);
    const QList<double> beeps = beepTimes(out);
    QVERIFY(flashes.size() >= 20);
    QCOMPARE(beeps.size(), flashes.size());
    double worst = 0;
    for (int i = 0; i < flashes.size(); ++i)
        worst = std::max(worst, std::abs(beeps[i] - flashes[i]));
    // Every join: the first flash after it is among those measured.
    int at = 0;
    for (const SmartRange& r : plan.segments) {
        const int firstFlash = ((r.from + 14) / 15) * 15 - r.from + at; // output frame
        const double t = firstFlash * 1001.0 / 30000.0;
        QVERIFY2(std::any_of(flashes.begin(), flashes.end(),
                             [&](double f) { return std::abs(f - t) < 0.001; }),
                 qPrintable(QString("no flash at %1 s").arg(t)));
        at += r.frames();
    }
    qInfo("29.97 A/V: %d flashes, worst offset %.1f ms", int(flashes.size()), worst * 1000);
    QVERIFY2(worst <= 1001.0 / 30000.0, qPrintable(QString("worst A/V offset %1 s").arg(worst)));
}

namespace {
QStringList* g_logged = nullptr;
void keepInfo(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    if (type == QtInfoMsg && g_logged)
        *g_logged << msg;
}
} // namespace

// Where the smart render must step aside the export still comes out (the normal render) and
// the job log names why, in one line: here a 720p source exported at 1080p.
void TstSmartRender::stepAsideIsLogged()
{
    const QHash<QString, RenderInput> inputs{
        {"m1", RenderInput{source_, true, true, 20000, false}}};
    const Draft draft = draftOf(
        {track("v1", 0, {seg("s1", "m1", 0, 1000, 1000), seg("s2", "m1", 1000, 5000, 1000)})});
    RenderPreset p = RenderPreset::byName("1080p");
    p.x264Preset = "ultrafast";
    QStringList logged;
    g_logged = &logged;
    const QtMessageHandler previous = qInstallMessageHandler(keepInfo);
    bool smart = true;
    const QString out = dir_.filePath("step aside.mp4");
    const RunResult r = renderDraft(draft, inputs, p, out, dir_.path(), {}, nullptr, &smart);
    qInstallMessageHandler(previous);
    g_logged = nullptr;
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!smart);
    QCOMPARE(streamOf(cw::test::probe(out), "video").value("width").toInt(), 1920);
    const QStringList lines = logged.filter("smart render steps aside");
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first(),
             QString("engine: smart render steps aside: source is 1280x720, output 1920x1080"));
}

// Not part of CI: CLIPWRIGHT_SMART_BENCH_CLIP=<tests/data/make_long_talk.sh output> times
// "cut the pauses" exported with the 720p preset, smart and normal, and measures the A/V
// offset at every join of both (audio cross-correlated against the source at the frame the
// join shows).
void TstSmartRender::measureLongTalk()
{
    const QString clip = qEnvironmentVariable("CLIPWRIGHT_SMART_BENCH_CLIP");
    if (clip.isEmpty())
        QSKIP("set CLIPWRIGHT_SMART_BENCH_CLIP to measure");
    const RenderPreset p = RenderPreset::byName("720p");
    const qint64 durationMs = qRound64(durationOfClip(clip) * 1000);
    QVERIFY(durationMs > 0);
    const QHash<QString, RenderInput> inputs{{"m1", RenderInput{clip, true, true, durationMs}}};
    const Draft whole = draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, durationMs)})});
    QElapsedTimer t;
    t.start();
    const PauseCutResult cut = cutPauses(whole, {{"m1", analyzeAudio(clip)}});
    qInfo("analysis + cut: %lld ms, %d pauses removed, %lld ms removed", t.elapsed(),
          cut.pausesRemoved, cut.removedMs);
    t.restart();
    const QHash<QString, SmartSource> sources = probeSmartSources(cut.draft, inputs);
    const SmartPlan plan = planSmartRender(cut.draft, inputs, sources, p);
    QVERIFY2(plan.eligible, qPrintable(plan.reason));
    const QString smart = dir_.filePath("long-smart.mp4");
    const double cpuBefore = childCpuSeconds();
    const RunResult rs =
        runSmartRender(plan, sources, p, smart, dir_.filePath("long-work"), {}, nullptr);
    QVERIFY2(rs.ok, qPrintable(rs.error));
    const qint64 smartMs = t.elapsed();
    qInfo("smart: %lld ms (incl. probe), ffmpeg CPU %.1f s, %d segments, %d pieces, %d of %d "
          "frames copied",
          smartMs, childCpuSeconds() - cpuBefore, int(plan.segments.size()),
          int(plan.pieces.size()), plan.copiedFrames(), plan.totalFrames());
    QByteArray err;
    run("ffmpeg", {"-v", "error", "-i", smart, "-f", "null", "-"}, &err);
    QVERIFY2(err.trimmed().isEmpty(), err.constData());

    const QString normal = dir_.filePath("long-normal.mp4");
    qint64 normalMs = -1;
    if (qEnvironmentVariable("CLIPWRIGHT_SMART_BENCH_NORMAL") != "0") {
        t.restart();
        const RenderCommand cmd =
            buildRenderCommand(cut.draft, inputs, p, normal, dir_.path(), QString());
        QVERIFY(runFfmpeg(cmd, normal, {}, nullptr).ok);
        normalMs = t.elapsed();
        qInfo("normal: %lld ms; ratio %.2fx", normalMs, double(normalMs) / double(smartMs));
    }

    const QVector<qint16> src = cw::test::monoPcm(clip);
    for (const QString& file : {smart, normal}) {
        if (!QFile::exists(file))
            continue;
        const QVector<qint16> out = cw::test::monoPcm(file);
        int at = 0;
        double worst = 0;
        int measured = 0;
        QStringList all;
        for (const SmartRange& r : plan.segments) {
            const double lag = cw::test::audioLag(out, at / 30.0, src, r.from / 30.0);
            at += r.frames();
            if (std::isnan(lag))
                continue;
            ++measured;
            worst = std::max(worst, std::abs(lag));
            all << QString::number(lag * 1000, 'f', 1);
        }
        qInfo("%s: frames %d, A/V offset at %d of %d joins, worst %.1f ms: %s",
              qPrintable(QFileInfo(file).fileName()), frameCount(file), measured,
              int(plan.segments.size()), worst * 1000, qPrintable(all.join(' ')));
        QVERIFY(worst <= 0.040);
    }
}

QTEST_GUILESS_MAIN(TstSmartRender)
#include "tst_smartrender.moc"
