// End to end: an operation from edit/Operations.h applied to a draft of generated clips,
// rendered by buildRenderCommand + runFfmpeg, and the output measured with ffprobe/ffmpeg:
// durations after cuts, speed and transitions; the frame size after an aspect change;
// music present and ducked under speech; a title visible where it should be; loudness at
// the target. Small frames and the ultrafast preset keep the whole run short.
#include "edit/Operations.h"
#include "generate/IntroCard.h"
#include "generate/MusicBed.h"
#include "render/FfmpegRunner.h"

#include "MeasureAudio.h"
#include "TestMedia.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

Q_DECLARE_METATYPE(cw::Draft)

class TstRenderOps : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QHash<QString, RenderInput> inputs_;
    int renders_ = 0;

    QString path(const QString& name) const { return dir_.filePath(name); }

    static RenderPreset small()
    {
        RenderPreset p;
        p.name = QStringLiteral("test");
        p.width = 320;
        p.height = 180;
        p.x264Preset = QStringLiteral("ultrafast");
        return p;
    }

    static Draft clipDraft(const QString& src, qint64 ms)
    {
        Segment s;
        s.id = QStringLiteral("s1");
        s.src = src;
        s.d = ms;
        s.m.insert(QStringLiteral("name"), src);
        Track t;
        t.id = QStringLiteral("v1");
        t.n = QStringLiteral("Video");
        t.sg << s;
        Draft d;
        d.t << t;
        d.d = ms;
        return d;
    }

    static Draft must(const EditResult& r)
    {
        if (!r.ok)
            qWarning() << "operation failed:" << r.error;
        return r.draft;
    }

    // Renders and returns the output path ("" on failure, with a test failure).
    QString render(const Draft& d, const RenderPreset& p = small())
    {
        const QString out = path(QStringLiteral("render_%1.mp4").arg(++renders_));
        const RenderCommand cmd =
            buildRenderCommand(d, inputs_, p, out, dir_.path(), defaultFontFile());
        if (!cmd.error.isEmpty()) {
            qWarning() << cmd.error;
            return {};
        }
        const RunResult r = runFfmpeg(cmd, out, {}, nullptr);
        if (!r.ok) {
            qWarning() << r.error;
            return {};
        }
        return out;
    }

    static double seconds(const QString& file)
    {
        return test::probe(file).value("format").toObject().value("duration").toString().toDouble();
    }

    static QJsonObject video(const QString& file)
    {
        for (const QJsonValue& v : test::probe(file).value("streams").toArray())
            if (v.toObject().value("codec_type").toString() == "video")
                return v.toObject();
        return {};
    }

    void make(const QString& name, const QStringList& args)
    {
        QString error;
        QVERIFY2(test::runFfmpeg(args + QStringList{path(name)}, &error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        dir_.setAutoRemove(qEnvironmentVariableIsEmpty("CLIPWRIGHT_KEEP_RENDERS"));
        // 4 s of moving picture; "speech" is a 5 kHz tone for the first 2 s, then silence.
        make("talk.mp4",
             {"-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30:duration=4", "-f", "lavfi", "-i",
              "aevalsrc=exprs='0.3*sin(2*PI*5000*t)*lt(t,2)':s=48000:d=4", "-c:v", "libx264",
              "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"});
        QString error;
        QVERIFY2(generateMusicBed(path("bed.m4a"), "upbeat", 3000, &error), qPrintable(error));
        inputs_.insert("talk", {path("talk.mp4"), true, true, 4000});
        inputs_.insert("bed", {path("bed.m4a"), false, true, 3000});
    }

    void durations_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<double>("expected");
        const Draft base = clipDraft("talk", 4000);
        QTest::newRow("remove 1.0-2.5 s") << must(removeRange(base, 1000, 2500)) << 2.5;
        QTest::newRow("keep 0.5-2.0 s") << must(keepRange(base, 500, 2000)) << 1.5;
        QTest::newRow("speed 2x") << must(setSpeed(base, 0, 0, 2.0)) << 2.0;
        QTest::newRow("middle 0.5x") << must(setSpeed(base, 1000, 2000, 0.5)) << 5.0;
        QTest::newRow("split + wipe + bw keeps the length")
            << must(setLook(must(addTransitions(must(splitAt(base, 2000)), "wipe", 600)), "bw"))
            << 4.0;
        QTest::newRow("three pieces, dissolve and zoom")
            << must(addTransitions(must(splitAt(must(splitAt(base, 1000)), 2500)), "zoom", 400))
            << 4.0;
        for (const char* type : {"fade", "dissolve", "slide"})
            QTest::addRow("%s transitions keep the length", type)
                << must(addTransitions(must(splitAt(base, 1500)), type, 500)) << 4.0;
    }

    void durations()
    {
        QFETCH(Draft, draft);
        QFETCH(double, expected);
        QCOMPARE(double(draft.d) / 1000.0, expected);
        const QString out = render(draft);
        QVERIFY(!out.isEmpty());
        const double got = seconds(out);
        QVERIFY2(std::abs(got - expected) <= 0.1, qPrintable(QString::number(got)));
        QVERIFY(std::abs(video(out).value("nb_frames").toString().toDouble() - expected * 30) <= 3);
    }

    void blackAndWhite()
    {
        const Draft d = must(setLook(clipDraft("talk", 1000), "bw"));
        const QString out = render(d);
        QVERIFY(!out.isEmpty());
        QByteArray err;
        test::ffmpegOutput({"-i", out, "-vf",
                            "signalstats,metadata=print:key=lavfi.signalstats.SATAVG", "-frames:v",
                            "5", "-f", "null", "-"},
                           &err);
        const double sat = test::lastNumberAfter(err, "lavfi.signalstats.SATAVG=");
        QVERIFY2(sat < 1.0, qPrintable(QString::number(sat)));
    }

    void looks_data()
    {
        QTest::addColumn<QString>("look");
        for (const char* look : {"cinematic", "warm", "cool", "vivid"})
            QTest::newRow(look) << look;
    }

    void looks()
    {
        QFETCH(QString, look);
        const Draft base = must(keepRange(clipDraft("talk", 4000), 0, 400));
        static QString plain;
        if (plain.isEmpty())
            plain = render(base);
        const QString out = render(must(setLook(base, look)));
        QVERIFY(!plain.isEmpty() && !out.isEmpty());
        const QString all = "iw:ih:0:0";
        const double diff = test::meanAbsDiff(test::greyFrame(plain, 0.2, all, 32, 18),
                                              test::greyFrame(out, 0.2, all, 32, 18));
        auto redMinusBlue = [](const QString& file) {
            const QByteArray px =
                test::ffmpegOutput({"-v", "error", "-ss", "0.2", "-i", file, "-frames:v", "1",
                                    "-vf", "scale=32:18,format=rgb24", "-f", "rawvideo", "-"});
            double sum = 0;
            for (int i = 0; i + 2 < px.size(); i += 3)
                sum += int(quint8(px[i])) - int(quint8(px[i + 2]));
            return px.isEmpty() ? 0.0 : sum / (px.size() / 3);
        };
        const double shift = redMinusBlue(out) - redMinusBlue(plain);
        const QString info = QStringLiteral("grey diff %1, red-blue shift %2").arg(diff).arg(shift);
        // Cinematic and vivid change contrast/saturation; warm and cool move the colour.
        if (look == "warm")
            QVERIFY2(shift > 5, qPrintable(info));
        else if (look == "cool")
            QVERIFY2(shift < -5, qPrintable(info));
        else
            QVERIFY2(diff > 2, qPrintable(info));
    }

    void aspect_data()
    {
        QTest::addColumn<QString>("ratio");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("9:16 crop") << "9:16"
                                   << "crop" << 1080 << 1920;
        QTest::newRow("4:5 blur") << "4:5"
                                  << "blur" << 1080 << 1350;
    }

    void aspect()
    {
        QFETCH(QString, ratio);
        QFETCH(QString, mode);
        QFETCH(int, width);
        QFETCH(int, height);
        const Draft d =
            must(setAspect(must(keepRange(clipDraft("talk", 4000), 0, 500)), ratio, mode));
        RenderPreset p = RenderPreset::byName("1080p");
        p.x264Preset = "ultrafast";
        const QString out = render(d, p);
        QVERIFY(!out.isEmpty());
        const QJsonObject v = video(out);
        QCOMPARE(v.value("width").toInt(), width);
        QCOMPARE(v.value("height").toInt(), height);
        // 720p keeps the edit's frame at a short side of 720; a named frame wins over it.
        p = RenderPreset::byName("720p");
        p.x264Preset = "ultrafast";
        const QString out2 = render(d, p);
        QCOMPARE(video(out2).value("width").toInt(), 720);
        QCOMPARE(video(out2).value("height").toInt(), height * 720 / width);
        p = RenderPreset::byName("square-1080");
        p.x264Preset = "ultrafast";
        const QString out3 = render(d, p);
        QCOMPARE(video(out3).value("width").toInt(), 1080);
        QCOMPARE(video(out3).value("height").toInt(), 1080);
    }

    void musicIsDuckedUnderSpeech()
    {
        MusicOptions o;
        o.volume = 0.5;
        o.fadeInMs = 0;
        o.fadeOutMs = 0;
        const Draft ducked = must(
            addMusic(clipDraft("talk", 4000), {"bed", "bed.m4a", "audio", 3000, true, false}, o));
        QCOMPARE(ducked.t.last().sg.size(), 2); // looped: 3 s + 1 s
        o.duck = false;
        const Draft flat = must(
            addMusic(clipDraft("talk", 4000), {"bed", "bed.m4a", "audio", 3000, true, false}, o));
        const QString plain = render(clipDraft("talk", 4000));
        const QString withDuck = render(ducked);
        const QString withoutDuck = render(flat);
        QVERIFY(!plain.isEmpty() && !withDuck.isEmpty() && !withoutDuck.isEmpty());
        // Only the music lives below 1.2 kHz (the "speech" is a 5 kHz tone).
        const QString low = "lowpass=f=1200,lowpass=f=1200,lowpass=f=1200";
        const double none = test::rmsDb(plain, 2.3, 3.8, low);
        const double duckSpeech = test::rmsDb(withDuck, 0.5, 1.8, low);
        const double duckQuiet = test::rmsDb(withDuck, 2.3, 3.8, low);
        const double flatSpeech = test::rmsDb(withoutDuck, 0.5, 1.8, low);
        const double flatQuiet = test::rmsDb(withoutDuck, 2.3, 3.8, low);
        const QString all = QStringLiteral("none %1 duck %2/%3 flat %4/%5")
                                .arg(none)
                                .arg(duckSpeech)
                                .arg(duckQuiet)
                                .arg(flatSpeech)
                                .arg(flatQuiet);
        qInfo().noquote() << all;
        QVERIFY2(duckQuiet > none + 20, qPrintable(all));                  // music is there
        QVERIFY2(duckQuiet - duckSpeech > 4, qPrintable(all));             // ducked during speech
        QVERIFY2(std::abs(flatQuiet - flatSpeech) < 2.5, qPrintable(all)); // not without duck
    }

    // A voice-over (an audio track that is not music) counts as speech: the music ducks under
    // it even where the clip itself is silent, and the voice is heard.
    void musicIsDuckedUnderVoiceOver()
    {
        make("vo.m4a", {"-f", "lavfi", "-i", "aevalsrc=exprs='0.3*sin(2*PI*5000*t)':s=48000:d=1.5",
                        "-c:a", "aac"});
        inputs_.insert("vo", {path("vo.m4a"), false, true, 1500});
        MusicOptions o;
        o.volume = 0.5;
        o.fadeInMs = 0;
        o.fadeOutMs = 0;
        Draft d = clipDraft("talk", 4000);
        d.t[0].sg[0].m.insert("vol", 0); // the clip's own "speech" muted
        d = must(addMusic(d, {"bed", "bed.m4a", "audio", 3000, true, false}, o));
        Segment vo;
        vo.id = "vo1";
        vo.src = "vo";
        vo.st = 2000;
        vo.d = 1500;
        vo.m.insert("role", "voiceover");
        Track track;
        track.id = "a9";
        track.tt = int(TrackType::Audio);
        track.n = "Voice-over";
        track.sg << vo;
        d.t << track;
        const QString out = render(d);
        QVERIFY(!out.isEmpty());
        const QString low = "lowpass=f=1200,lowpass=f=1200,lowpass=f=1200";
        const QString high = "highpass=f=3000,highpass=f=3000";
        const double musicAlone = test::rmsDb(out, 0.5, 1.8, low);
        const double musicUnder = test::rmsDb(out, 2.5, 3.4, low);
        const double voice = test::rmsDb(out, 2.2, 3.4, high);
        const double noVoice = test::rmsDb(out, 0.5, 1.8, high);
        const QString all = QStringLiteral("music %1 / under voice %2, voice %3 / before %4")
                                .arg(musicAlone)
                                .arg(musicUnder)
                                .arg(voice)
                                .arg(noVoice);
        qInfo().noquote() << all;
        QVERIFY2(musicAlone - musicUnder >= 6, qPrintable(all));
        QVERIFY2(voice > noVoice + 20, qPrintable(all));
    }

    void shortDuckedMusicAfterSlowDown()
    {
        // Slowing the video down after adding music leaves the music shorter than the video;
        // the sidechain must not stall the graph and the render keeps the full length.
        Draft d = must(
            addMusic(clipDraft("talk", 4000), {"bed", "bed.m4a", "audio", 3000, true, false}, {}));
        d = must(setSpeed(d, 0, 0, 0.5));
        QCOMPARE(d.d, 8000);
        const QString out = render(d);
        QVERIFY(!out.isEmpty());
        QVERIFY2(std::abs(seconds(out) - 8.0) <= 0.1, qPrintable(QString::number(seconds(out))));
    }

    void introIsPrependedWithAFade()
    {
        // The first 2.5 s are black: the intro must pick a later, visible frame.
        make("dark.mp4", {"-f", "lavfi", "-i",
                          "testsrc2=size=320x180:rate=30:duration=4,drawbox=x=0:y=0:w=iw:h=ih:"
                          "color=black:t=fill:enable='lt(t,2.5)'",
                          "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"});
        QCOMPARE(pickIntroFrame(path("dark.mp4"), 4000) >= 2500, true);

        IntroOptions o;
        o.title = QString::fromUtf8("Urban Dreams: 'it\\s' 100% 中文");
        o.durationMs = 3000;
        o.width = 320;
        o.height = 180;
        QString error;
        qint64 picked = -1;
        QVERIFY2(generateIntro(path("intro.mp4"), path("talk.mp4"), 4000, o, path("work"), &error,
                               &picked),
                 qPrintable(error));
        QVERIFY(picked >= 0 && picked < 4000);
        QVERIFY(QDir(path("work")).isEmpty());
        QVERIFY(std::abs(seconds(path("intro.mp4")) - 3.0) <= 0.1);
        QVERIFY2(test::rmsDb(path("intro.mp4"), 2.0, 2.6) > -40, "the swell is audible");
        // Letterbox: the top rows are black, the middle is not.
        const QByteArray top = test::greyFrame(path("intro.mp4"), 2.0, "iw:ih/10:0:0", 16, 2);
        const QByteArray mid = test::greyFrame(path("intro.mp4"), 2.0, "iw:ih/5:0:ih*2/5", 16, 2);
        QVERIFY(!top.isEmpty() && !mid.isEmpty());
        QVERIFY(test::meanAbsDiff(top, QByteArray(top.size(), char(0))) < 6);
        QVERIFY(test::meanAbsDiff(mid, QByteArray(mid.size(), char(0))) > 20);

        inputs_.insert("intro", {path("intro.mp4"), true, true, 3000});
        const Draft d =
            must(insertClip(clipDraft("talk", 4000),
                            {"intro", "intro.mp4", "video", 3000, true, true}, 0, "fade", 500));
        QCOMPARE(d.d, 7000);
        const QString out = render(d);
        QVERIFY(!out.isEmpty());
        QVERIFY2(std::abs(seconds(out) - 7.0) <= 0.1, qPrintable(QString::number(seconds(out))));
    }

    void brollCutaway()
    {
        make("red.mp4", {"-f", "lavfi", "-i", "color=c=red:s=320x240:r=30:d=3", "-c:v", "libx264",
                         "-preset", "ultrafast", "-pix_fmt", "yuv420p"});
        inputs_.insert("red", {path("red.mp4"), true, false, 3000});
        const Draft d =
            must(addBroll(clipDraft("talk", 4000), {"red", "red.mp4", "video", 3000, false, true},
                          1000, 1500, 500, 200));
        QCOMPARE(d.t.size(), 2);
        QCOMPARE(d.t[1].n, "B-roll");
        const QString out = render(d);
        QVERIFY(!out.isEmpty());
        QVERIFY(std::abs(seconds(out) - 4.0) <= 0.1);
        // Red has a high V (Cr) value; the test pattern's centre does not.
        auto redness = [&](double at) {
            const QByteArray px = test::ffmpegOutput(
                {"-v", "error", "-ss", QString::number(at), "-i", out, "-frames:v", "1", "-vf",
                 "crop=iw/4:ih/4:iw*3/8:ih*3/8,scale=4:4,format=rgb24", "-f", "rawvideo", "-"});
            double r = 0;
            for (int i = 0; i + 2 < px.size(); i += 3)
                r += quint8(px[i]) - (quint8(px[i + 1]) + quint8(px[i + 2])) / 2.0;
            return px.isEmpty() ? -1.0 : r / (px.size() / 3);
        };
        const double during = redness(1.8);
        const double before = redness(0.5);
        const double after = redness(3.2);
        QVERIFY2(during > 150 && before < 100 && after < 100,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(before).arg(during).arg(after)));
        // The main clip's sound goes on under the cutaway (5 kHz tone until 2 s).
        QVERIFY(test::rmsDb(out, 1.1, 1.9) > -20);
    }

    void titleIsVisible()
    {
        const Draft base = must(keepRange(clipDraft("talk", 4000), 0, 2000));
        TextOptions t;
        t.text = QString::fromUtf8("Urban Dreams: 100% \\ 中文");
        t.startMs = 0;
        t.durationMs = 2000;
        TextOptions lower;
        lower.text = "Ana Silva, Designer";
        lower.style = "lower_third";
        lower.startMs = 500;
        TextOptions caption;
        caption.text = QString::fromUtf8("字幕 caption");
        caption.style = "caption";
        const Draft titled = must(addText(must(addText(must(addText(base, t)), lower)), caption));
        const QString a = render(base);
        const QString b = render(titled);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        // 1.0 s is in the fully visible part (the title fades over its first/last 0.5 s).
        const QString centre = "iw/2:ih/5:iw/4:ih*2/5";
        const QString corner = "iw/6:ih/6:0:0";
        const double inTitle = test::meanAbsDiff(test::greyFrame(a, 1.0, centre, 80, 18),
                                                 test::greyFrame(b, 1.0, centre, 80, 18));
        const double outside = test::meanAbsDiff(test::greyFrame(a, 1.0, corner, 20, 12),
                                                 test::greyFrame(b, 1.0, corner, 20, 12));
        qInfo() << "title area diff" << inTitle << "corner diff" << outside;
        QVERIFY2(inTitle > 8 && outside >= 0 && outside < 2,
                 qPrintable(QStringLiteral("%1 %2").arg(inTitle).arg(outside)));
    }

    void loudnessOfRealSpeech()
    {
        // espeak speech with pauses and peaks near 0 dBFS: one-pass loudnorm alone lands
        // several LU short of -14; the runner's measured correction must reach it.
        QString error;
        const QJsonObject info = test::makeSpeechClip(path("speech.mp4"), 1.0, 1, 320, 180, &error);
        QVERIFY2(!info.isEmpty(), qPrintable(error));
        const qint64 ms = qint64(info.value("duration").toDouble() * 1000);
        inputs_.insert("speech", {path("speech.mp4"), true, true, ms});
        const Draft d = must(setLoudness(clipDraft("speech", ms), -14));
        const QString out = render(d);
        QVERIFY(!out.isEmpty());
        const double lufs = test::integratedLufs(out);
        qInfo() << "speech loudness" << lufs;
        QVERIFY2(std::abs(lufs + 14) <= 1.0, qPrintable(QString::number(lufs)));
        QVERIFY(std::abs(seconds(out) - ms / 1000.0) <= 0.15);
    }

    void loudnessTarget()
    {
        Draft d = must(setLoudness(clipDraft("talk", 4000), -14));
        d = must(setDenoise(d, true));
        d = must(keepRange(d, 0, 2000)); // steady tone only
        const QString out = render(d);
        QVERIFY(!out.isEmpty());
        const double lufs = test::integratedLufs(out);
        qInfo() << "integrated loudness" << lufs;
        QVERIFY2(std::abs(lufs + 14) <= 1.0, qPrintable(QString::number(lufs)));
    }
};

QTEST_GUILESS_MAIN(TstRenderOps)
#include "tst_renderops.moc"
