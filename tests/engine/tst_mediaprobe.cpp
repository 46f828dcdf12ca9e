// probeMedia on generated files: real containers of every kind must be recognised by their
// content, and files that only look like media (renamed text, empty, cut off) must fail
// with 4001 and a reason.
#include "media/MediaProbe.h"

#include "ApiError.h"
#include "TestMedia.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw::engine;

class TstMediaProbe : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }

    void make(const QString& name, const QStringList& args)
    {
        QString error;
        QVERIFY2(cw::test::runFfmpeg(args + QStringList{path(name)}, &error), qPrintable(error));
    }

    void truncateCopy(const QString& from, const QString& to, qint64 bytes)
    {
        QFile in(path(from));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(path(to));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(in.read(bytes));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QStringList av = {
            "-f",      "lavfi",     "-i",       "testsrc=size=320x240:rate=25",
            "-f",      "lavfi",     "-i",       "sine=frequency=440:sample_rate=44100",
            "-t",      "2",         "-c:v",     "libx264",
            "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-c:a",    "aac"};
        make("clip.mp4", av);
        make("faststart.mp4", av + QStringList{"-movflags", "+faststart"});
        make("clip.mkv", {"-f", "lavfi", "-i", "testsrc=size=160x120:rate=30", "-t", "1", "-c:v",
                          "libx264", "-preset", "ultrafast"});
        make("tone.wav", {"-f", "lavfi", "-i", "sine=frequency=300:sample_rate=48000", "-t", "1.5",
                          "-ac", "2"});
        make("still.png", {"-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1"});
        make("photo.jpg", {"-f", "lavfi", "-i", "testsrc=size=80x60", "-frames:v", "1"});
        make("still.gif", {"-f", "lavfi", "-i", "testsrc=size=40x30", "-frames:v", "1"});
        make("anim.gif", {"-f", "lavfi", "-i", "testsrc=size=40x30:rate=10", "-frames:v", "10"});
        make("cover.png", {"-f", "lavfi", "-i", "testsrc=size=32x32", "-frames:v", "1"});
        make("song.mp3", {"-f", "lavfi", "-i", "sine=frequency=500", "-i", path("cover.png"), "-t",
                          "1", "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-c:v", "png",
                          "-disposition:v", "attached_pic"});

        QFile text(path("notes.mp4"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray("These are my notes, not a video.\n").repeated(200));
        text.close();
        QFile empty(path("empty.mp4"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QFile garbage(path("garbage.mov"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        QByteArray noise(64 * 1024, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919 + (i >> 3) * 31) & 0xff);
        garbage.write(noise);
        garbage.close();
        truncateCopy("clip.mp4", "cut.mp4", 10 * 1024);
        truncateCopy("faststart.mp4", "cut-faststart.mp4", 10 * 1024);
        QFile::copy(path("still.png"), path("png-named.mp4"));
    }

    void probe_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("video");
        QTest::addColumn<bool>("audio");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("durationMs"); // -1: do not check

        QTest::newRow("mp4") << "clip.mp4"
                             << "video" << true << true << 320 << 240 << 2000;
        QTest::newRow("mp4 faststart") << "faststart.mp4"
                                       << "video" << true << true << 320 << 240 << 2000;
        QTest::newRow("mkv no audio") << "clip.mkv"
                                      << "video" << true << false << 160 << 120 << 1000;
        QTest::newRow("wav") << "tone.wav"
                             << "audio" << false << true << 0 << 0 << 1500;
        QTest::newRow("mp3 with cover") << "song.mp3"
                                        << "audio" << false << true << 0 << 0 << -1;
        QTest::newRow("png") << "still.png"
                             << "image" << true << false << 64 << 48 << 0;
        QTest::newRow("png named mp4") << "png-named.mp4"
                                       << "image" << true << false << 64 << 48 << 0;
        QTest::newRow("jpeg") << "photo.jpg"
                              << "image" << true << false << 80 << 60 << 0;
        QTest::newRow("gif one frame") << "still.gif"
                                       << "image" << true << false << 40 << 30 << 0;
        QTest::newRow("gif animated") << "anim.gif"
                                      << "video" << true << false << 40 << 30 << -1;
    }

    void probe()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(bool, video);
        QFETCH(bool, audio);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, durationMs);
        const MediaInfo info = probeMedia(path(file));
        QVERIFY2(info.ok, qPrintable(info.error));
        QCOMPARE(info.errorCode, 0);
        QCOMPARE(info.kind, kind);
        QCOMPARE(info.hasVideo, video);
        QCOMPARE(info.hasAudio, audio);
        QCOMPARE(info.width, width);
        QCOMPARE(info.height, height);
        QVERIFY(!info.container.isEmpty());
        if (durationMs >= 0)
            QVERIFY2(qAbs(info.durationMs - durationMs) <= 100,
                     qPrintable(QString::number(info.durationMs)));
        if (kind == QLatin1String("video")) {
            QVERIFY(info.durationMs > 0);
            QVERIFY(info.fps > 0);
            QVERIFY(!info.videoCodec.isEmpty());
        }
        if (audio) {
            QVERIFY(info.sampleRate > 0);
            QVERIFY(info.channels > 0);
            QVERIFY(!info.audioCodec.isEmpty());
        }
    }

    void details()
    {
        const MediaInfo mp4 = probeMedia(path("clip.mp4"));
        QCOMPARE(mp4.videoCodec, QStringLiteral("h264"));
        QCOMPARE(mp4.audioCodec, QStringLiteral("aac"));
        QCOMPARE(mp4.fps, 25.0);
        QCOMPARE(mp4.sampleRate, 44100);
        QVERIFY(mp4.container.contains(QLatin1String("mp4")));
        const MediaInfo wav = probeMedia(path("tone.wav"));
        QCOMPARE(wav.channels, 2);
        QCOMPARE(wav.sampleRate, 48000);
    }

    void notMedia_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("text renamed mp4") << "notes.mp4";
        QTest::newRow("empty") << "empty.mp4";
        QTest::newRow("garbage") << "garbage.mov";
        QTest::newRow("truncated mp4") << "cut.mp4";
        QTest::newRow("truncated faststart mp4") << "cut-faststart.mp4";
        QTest::newRow("missing") << "does-not-exist.mp4";
        QTest::newRow("directory") << ".";
    }

    void notMedia()
    {
        QFETCH(QString, file);
        const MediaInfo info = probeMedia(path(file));
        QVERIFY(!info.ok);
        QCOMPARE(info.errorCode, int(cw::ErrorCode::UnsupportedFile));
        QVERIFY(!info.error.isEmpty());
        QVERIFY2(info.kind.isEmpty(), qPrintable(info.kind));
    }

    void protocolNamesAreFiles()
    {
        // A file literally named like a protocol URL is still just a file.
        QVERIFY(QFile::copy(path("tone.wav"), path("concat:tone.wav")));
        const MediaInfo info = probeMedia(path("concat:tone.wav"));
        QVERIFY2(info.ok, qPrintable(info.error));
        QCOMPARE(info.kind, QStringLiteral("audio"));
    }
};

QTEST_GUILESS_MAIN(TstMediaProbe)
#include "tst_mediaprobe.moc"
