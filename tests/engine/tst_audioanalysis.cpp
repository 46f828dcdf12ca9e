// analyzeAudio on generated audio with known loud/silent spans, the JSON cache form, the
// adaptive threshold and findSilences on hand-built envelopes, plus a speed check on a 60 s
// clip printed next to plain ffmpeg's silencedetect over the same file.
#include "media/AudioAnalysis.h"

#include "TestMedia.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw::engine;

Q_DECLARE_METATYPE(QList<Interval>)

namespace {
AudioAnalysis envelope(const QVector<float>& levels)
{
    AudioAnalysis a;
    a.ok = true;
    a.levelsDb = levels;
    a.durationMs = levels.size() * 10;
    return a;
}

QVector<float> repeat(std::initializer_list<std::pair<float, int>> runs)
{
    QVector<float> out;
    for (const auto& [db, count] : runs)
        for (int i = 0; i < count; ++i)
            out << db;
    return out;
}
} // namespace

class TstAudioAnalysis : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }

    void make(const QString& name, const QStringList& args)
    {
        QString error;
        QVERIFY2(cw::test::runFfmpeg(args + QStringList{path(name)}, &error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // 1 s tone (amplitude 1/8: -21.1 dBFS RMS), 1 s digital silence, 1 s tone.
        const QString known =
            "sine=frequency=440:sample_rate=48000:duration=1[a];"
            "anullsrc=r=48000:cl=mono,atrim=duration=1[b];"
            "sine=frequency=660:sample_rate=48000:duration=1[c];[a][b][c]concat=n=3:v=0:a=1";
        make("known.wav", {"-filter_complex", known, "-ac", "2"});
        make("known.mp4", {"-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=3", "-i",
                           path("known.wav"), "-c:v", "libx264", "-preset", "ultrafast", "-c:a",
                           "aac", "-shortest"});
        make("mute.mp4", {"-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=1", "-c:v",
                          "libx264", "-preset", "ultrafast"});
        make("long.ts", {"-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=4",
                         "-c:a", "aac"});
    }

    void knownSilence_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("wav") << "known.wav";
        QTest::newRow("mp4 with video") << "known.mp4";
    }

    void knownSilence()
    {
        QFETCH(QString, file);
        const AudioAnalysis a = analyzeAudio(path(file));
        QVERIFY2(a.ok, qPrintable(a.error));
        QVERIFY2(qAbs(a.durationMs - 3000) <= 50, qPrintable(QString::number(a.durationMs)));
        QCOMPARE(a.windowMs, 10);
        QVERIFY(qAbs(a.levelsDb.size() - 300) <= 5);
        // Away from the edges: tone at -21.1 dB, silence at the -120 floor.
        for (int i = 10; i < 90; ++i)
            QVERIFY2(qAbs(a.levelsDb[i] + 21.1) < 1.0, qPrintable(QString::number(a.levelsDb[i])));
        for (int i = 110; i < 190; ++i)
            QVERIFY2(a.levelsDb[i] < -90, qPrintable(QString::number(a.levelsDb[i])));
        QVERIFY(qAbs(a.noiseFloorDb) > 90);
        QVERIFY(qAbs(a.speechLevelDb + 21.1) < 1.0);
        QCOMPARE(a.peaksPerSecond, 50);
        QVERIFY(qAbs(a.peaks.size() - 150) <= 3);
        QVERIFY(qAbs(a.peaks[25] - 0.125) < 0.02);
        QVERIFY(a.peaks[75] < 0.01);

        const QList<Interval> s = findSilences(a, adaptiveSilenceThresholdDb(a), 500);
        QCOMPARE(s.size(), 1);
        QVERIFY2(qAbs(s[0].startMs - 1000) <= 40 && qAbs(s[0].endMs - 2000) <= 40,
                 qPrintable(QStringLiteral("%1-%2").arg(s[0].startMs).arg(s[0].endMs)));
        QVERIFY(findSilences(a, adaptiveSilenceThresholdDb(a), 1100).isEmpty());
    }

    void lateAudioIsAligned()
    {
        // Audio that starts 1 s into an MP4: envelope index 0 is still the file's time 0.
        make("late.mp4",
             {"-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=4", "-itsoffset", "1",
              "-i", path("known.wav"), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"});
        const AudioAnalysis a = analyzeAudio(path("late.mp4"));
        QVERIFY2(a.ok, qPrintable(a.error));
        QVERIFY2(qAbs(a.durationMs - 4000) <= 60, qPrintable(QString::number(a.durationMs)));
        QVERIFY(a.levelsDb[50] < -90);
        QVERIFY2(qAbs(a.levelsDb[150] + 21.1) < 1.0, qPrintable(QString::number(a.levelsDb[150])));
        QVERIFY(a.levelsDb[250] < -90);
        QVERIFY(qAbs(a.levelsDb[350] + 21.1) < 1.0);
    }

    void noAudio()
    {
        const AudioAnalysis a = analyzeAudio(path("mute.mp4"));
        QVERIFY(a.ok);
        QVERIFY(a.levelsDb.isEmpty());
        QVERIFY(a.peaks.isEmpty());
        QVERIFY(findSilences(a, -40, 100).isEmpty());
    }

    void notMedia()
    {
        QFile f(path("notes.wav"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just words\n");
        f.close();
        const AudioAnalysis a = analyzeAudio(path("notes.wav"));
        QVERIFY(!a.ok);
        QVERIFY(!a.error.isEmpty());
        QVERIFY(!analyzeAudio(path("missing.wav")).ok);
    }

    void damagedMidFile()
    {
        // Garbage over the middle of an MPEG-TS file and the tail cut off: what decodes stays.
        QFile f(path("long.ts"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        const int third = bytes.size() / 3;
        for (int i = third; i < third + 4000 && i < bytes.size(); ++i)
            bytes[i] = char((i * 131) & 0xff);
        bytes.truncate(bytes.size() * 3 / 4);
        QFile out(path("damaged.ts"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const AudioAnalysis a = analyzeAudio(path("damaged.ts"));
        QVERIFY2(a.ok, qPrintable(a.error));
        QVERIFY2(a.durationMs >= 1000 && a.durationMs <= 3500,
                 qPrintable(QString::number(a.durationMs)));
    }

    void jsonRoundTrip()
    {
        const AudioAnalysis a = analyzeAudio(path("known.wav"));
        QVERIFY(a.ok);
        const QByteArray json = a.toJson();
        QVERIFY2(json.size() < 3000, qPrintable(QString::number(json.size())));
        const AudioAnalysis b = AudioAnalysis::fromJson(json);
        QVERIFY(b.ok);
        QCOMPARE(b.durationMs, a.durationMs);
        QCOMPARE(b.windowMs, a.windowMs);
        QCOMPARE(b.peaksPerSecond, a.peaksPerSecond);
        QCOMPARE(b.levelsDb.size(), a.levelsDb.size());
        QCOMPARE(b.peaks.size(), a.peaks.size());
        for (int i = 0; i < a.levelsDb.size(); ++i)
            QVERIFY(qAbs(a.levelsDb[i] - b.levelsDb[i]) <= 0.051);
        for (int i = 0; i < a.peaks.size(); ++i)
            QVERIFY(qAbs(a.peaks[i] - b.peaks[i]) <= 0.00051);
        QVERIFY(qAbs(a.noiseFloorDb - b.noiseFloorDb) <= 0.051);
        QVERIFY(qAbs(a.speechLevelDb - b.speechLevelDb) <= 0.051);
        QCOMPARE(findSilences(b, -50, 500), findSilences(a, -50, 500));

        QVERIFY(!AudioAnalysis::fromJson("not json").ok);
        QVERIFY(!AudioAnalysis::fromJson("{\"v\":99}").ok);
        QVERIFY(!AudioAnalysis::fromJson("[1,2]").ok);
    }

    void threshold_data()
    {
        QTest::addColumn<double>("noise");
        QTest::addColumn<double>("speech");
        QTest::addColumn<double>("expected");
        QTest::newRow("digital silence, loud speech") << -120.0 << -20.0 << -55.0;
        QTest::newRow("quiet room") << -60.0 << -20.0 << -46.0;
        QTest::newRow("noisy room") << -40.0 << -10.0 << -29.5;
        QTest::newRow("very noisy") << -30.0 << -5.0 << -25.0;
        QTest::newRow("all silence") << -120.0 << -120.0 << -55.0;
    }

    void threshold()
    {
        QFETCH(double, noise);
        QFETCH(double, speech);
        QFETCH(double, expected);
        AudioAnalysis a;
        a.noiseFloorDb = noise;
        a.speechLevelDb = speech;
        QCOMPARE(adaptiveSilenceThresholdDb(a), expected);
    }

    void silences_data()
    {
        QTest::addColumn<QVector<float>>("levels");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<qint64>("minMs");
        QTest::addColumn<QList<Interval>>("expected");
        QTest::newRow("empty") << QVector<float>{} << -40.0 << qint64(100) << QList<Interval>{};
        QTest::newRow("all loud") << repeat({{-20, 100}}) << -40.0 << qint64(100)
                                  << QList<Interval>{};
        QTest::newRow("all silent")
            << repeat({{-90, 100}}) << -40.0 << qint64(100) << QList<Interval>{{0, 1000}};
        QTest::newRow("one pause") << repeat({{-20, 50}, {-60, 60}, {-20, 50}}) << -40.0
                                   << qint64(500) << QList<Interval>{{500, 1100}};
        QTest::newRow("too short") << repeat({{-20, 50}, {-60, 49}, {-20, 50}}) << -40.0
                                   << qint64(500) << QList<Interval>{};
        QTest::newRow("exactly min") << repeat({{-20, 5}, {-60, 50}, {-20, 5}}) << -40.0
                                     << qint64(500) << QList<Interval>{{50, 550}};
        QTest::newRow("at threshold is sound")
            << repeat({{-60, 30}, {-40, 1}, {-60, 30}}) << -40.0 << qint64(200)
            << QList<Interval>{{0, 300}, {310, 610}};
        QTest::newRow("leading and trailing")
            << repeat({{-70, 20}, {-10, 10}, {-70, 30}}) << -40.0 << qint64(150)
            << QList<Interval>{{0, 200}, {300, 600}};
        QTest::newRow("two pauses, one short")
            << repeat({{-20, 10}, {-50, 80}, {-20, 10}, {-50, 20}, {-20, 10}, {-50, 100}}) << -45.0
            << qint64(500) << QList<Interval>{{100, 900}, {1300, 2300}};
        QTest::newRow("min zero keeps single window")
            << repeat({{-20, 3}, {-50, 1}, {-20, 3}}) << -45.0 << qint64(0)
            << QList<Interval>{{30, 40}};
    }

    void silences()
    {
        QFETCH(QVector<float>, levels);
        QFETCH(double, threshold);
        QFETCH(qint64, minMs);
        QFETCH(QList<Interval>, expected);
        const QList<Interval> got = findSilences(envelope(levels), threshold, minMs);
        QString text;
        for (const Interval& i : got)
            text += QStringLiteral("[%1,%2) ").arg(i.startMs).arg(i.endMs);
        QVERIFY2(got == expected, qPrintable(text));
    }

    void silenceEndsAtDuration()
    {
        // A partial last window: the interval ends at the real duration, not the window grid.
        AudioAnalysis a = envelope(repeat({{-20, 10}, {-80, 10}}));
        a.durationMs = 195;
        QCOMPARE(findSilences(a, -40, 50), (QList<Interval>{{100, 195}}));
    }

    // A minute of speech-like bursts: every silence found. The speed is printed for reference
    // only; the speed target lives in the benchmark (tests/bench), not in a timed test.
    void longClip()
    {
        // 60 s of 640x360 video with speech-like bursts of tone and silence.
        make("long.mp4",
             {"-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30:duration=60", "-f", "lavfi", "-i",
              "sine=frequency=220:sample_rate=48000:duration=60,volume='lt(mod(t,3),2)':eval=frame",
              "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-ac", "2", "-shortest"});
        QElapsedTimer timer;
        timer.start();
        const AudioAnalysis a = analyzeAudio(path("long.mp4"));
        const qint64 ours = std::max<qint64>(1, timer.elapsed());
        QVERIFY(a.ok);
        QVERIFY(qAbs(a.durationMs - 60000) < 100);
        QCOMPARE(findSilences(a, adaptiveSilenceThresholdDb(a), 500).size(), 20);

        timer.restart();
        QProcess ff;
        ff.start(QStringLiteral("ffmpeg"), {"-v", "error", "-nostdin", "-i", path("long.mp4"),
                                            "-vn", "-af", "silencedetect", "-f", "null", "-"});
        QVERIFY(ff.waitForFinished(60000));
        const qint64 theirs = std::max<qint64>(1, timer.elapsed());
        qInfo("analysis of 60 s: %lld ms (%.0fx realtime); ffmpeg silencedetect: %lld ms "
              "(ratio %.2f)",
              ours, 60000.0 / ours, theirs, double(ours) / theirs);
    }
};

QTEST_GUILESS_MAIN(TstAudioAnalysis)
#include "tst_audioanalysis.moc"
