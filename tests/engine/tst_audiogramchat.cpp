// Audiograms through the chat over the real engine (loopback, the real store, planner and
// render): a podcast (a tone, a silence, a tone) becomes a waveform video, its colours and
// progress bar are changed in words and the export is measured (ffprobe size and length; the
// background colour, the waveform's colour in the middle band while sound plays and not in the
// silence, the bar's width at half time). The cover uploaded with the podcast becomes its
// background; Chinese asks; footage and a picture that is not uploaded change nothing and say
// why.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace cw;

namespace {

test::HttpReply upload(test::EngineClient& c, const QString& sid, const QString& file,
                       const char* name)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? c.upload(sid, {{f.readAll(), name}}) : test::HttpReply{};
}

QByteArray frameAt(const QString& file, double sec)
{
    QProcess p;
    p.start("ffmpeg", {"-v", "error", "-ss", QString::number(sec, 'f', 3), "-i", file, "-frames:v",
                       "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

bool near(const QByteArray& f, int w, int x, int y, int r, int g, int b)
{
    const int i = (y * w + x) * 3;
    return std::abs(uchar(f[i]) - r) <= 40 && std::abs(uchar(f[i + 1]) - g) <= 40 &&
           std::abs(uchar(f[i + 2]) - b) <= 40;
}

// Pixels of the yellow waveform in the middle band of a 1280x720 frame.
int yellowInBand(const QByteArray& f)
{
    int n = 0;
    for (int y = 216; y < 504; y += 2)
        for (int x = 64; x < 1216; x += 2)
            n += near(f, 1280, x, y, 0xff, 0xd6, 0x0a);
    return n;
}

} // namespace

class TstAudiogramChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_pod;
    QString m_cover;

private Q_SLOTS:
    void initTestCase();
    void chat();
    void coverAndChinese();
    void declines();
};

void TstAudiogramChat::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_pod = m_dir.filePath("podcast.wav");
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "sine=f=440:d=2,volume=6", "-f", "lavfi", "-i",
                              "anullsrc=r=48000:cl=mono:d=2", "-f", "lavfi", "-i",
                              "sine=f=660:d=2,volume=6", "-filter_complex",
                              "[0][1][2]concat=n=3:v=0:a=1,aresample=48000", "-ac", "2", m_pod},
                             &error),
             qPrintable(error));
    m_cover = m_dir.filePath("cover.png");
    QVERIFY2(
        test::runFfmpeg(
            {"-f", "lavfi", "-i", "color=c=0xc02020:s=400x400", "-frames:v", "1", m_cover}, &error),
        qPrintable(error));
}

void TstAudiogramChat::chat()
{
    QString error;
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QCOMPARE(upload(c, sid, m_pod, "podcast.wav").code(), 0);

    test::Turn t = test::runTurn(c, sid, "turn my podcast audio into a video with a waveform");
    QCOMPARE(t.calls, QStringList{"audiogram"});
    QVERIFY2(t.text.contains("Made an audiogram: a waveform in white"), qPrintable(t.text));
    t = test::runTurn(c, sid, "waveform in yellow on a dark blue background");
    QVERIFY2(t.text.contains("a waveform in yellow on a navy background"), qPrintable(t.text));
    t = test::runTurn(c, sid, "add a progress bar");
    QCOMPARE(t.calls, QStringList{"audiogram"});
    QVERIFY2(t.text.contains("with a progress bar"), qPrintable(t.text));
    const test::State s = test::stateOf(c, sid);
    const QJsonObject a = s.draft.m.value("audiogram").toObject();
    QCOMPARE(a.value("color").toString(), QString("#ffd60a"));
    QCOMPARE(a.value("background").toString(), QString("#1c3f94"));
    QCOMPARE(a.value("progress").toBool(), true);

    const QString file = test::exportSession(c, sid, m_dir.path());
    QVERIFY(!file.isEmpty());
    const QJsonObject info = test::probe(file);
    const QJsonObject video = info.value("streams").toArray().at(0).toObject();
    QCOMPARE(video.value("codec_type").toString(), QString("video"));
    QCOMPARE(video.value("width").toInt(), 1280);
    QCOMPARE(video.value("height").toInt(), 720);
    QVERIFY(std::abs(video.value("duration").toString().toDouble() * 1000 - s.durationMs) <= 34);
    const QByteArray loud = frameAt(file, 1.0), quiet = frameAt(file, 3.0);
    QCOMPARE(loud.size(), 1280 * 720 * 3);
    QCOMPARE(quiet.size(), loud.size());
    QVERIFY(near(quiet, 1280, 20, 100, 0x1c, 0x3f, 0x94));
    const int sounding = yellowInBand(loud), silent = yellowInBand(quiet);
    qInfo("yellow in the band: %d while sound plays, %d in the silence", sounding, silent);
    QVERIFY(sounding > 20 * std::max(silent, 10));
    int bar = 0;
    for (int x = 0; x < 1280; ++x)
        bar += near(quiet, 1280, x, 716, 0xff, 0xd6, 0x0a);
    QVERIFY2(std::abs(bar - 640) <= 26, qPrintable(QString::number(bar)));

    t = test::runTurn(c, sid, "remove the waveform");
    QVERIFY2(t.text.contains("Took the waveform off"), qPrintable(t.text));
    QVERIFY(!test::stateOf(c, sid).draft.m.contains("audiogram"));
}

void TstAudiogramChat::coverAndChinese()
{
    QString error;
    test::TestEngine engine;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    QString sid = c.createSession();
    QCOMPARE(upload(c, sid, m_pod, "podcast.wav").code(), 0);
    QCOMPARE(upload(c, sid, m_cover, "cover.png").code(), 0);
    test::Turn t = test::runTurn(c, sid, "make a spectrum visualiser");
    QCOMPARE(t.calls, QStringList{"audiogram"});
    QVERIFY2(t.text.contains("a spectrum curve") && t.text.contains("cover.png"),
             qPrintable(t.text));
    test::State s = test::stateOf(c, sid);
    for (const Track& track : s.draft.t)
        if (track.tt == int(TrackType::Video))
            QVERIFY(track.sg.isEmpty()); // the cover is the background, not a clip
    QVERIFY(!s.draft.m.value("audiogram").toObject().value("bg_media").toString().isEmpty());
    QVERIFY(s.durationMs >= 5990);

    sid = c.createSession();
    QCOMPARE(upload(c, sid, m_pod, "podcast.wav").code(), 0);
    t = test::runTurn(c, sid, "加上声波");
    QCOMPARE(t.calls, QStringList{"audiogram"});
    QVERIFY2(t.text.contains("做好了音频可视化"), qPrintable(t.text));
    t = test::runTurn(c, sid, "做成带波形的视频，黄色波形，加进度条");
    QVERIFY2(t.text.contains("黄色的波形") && t.text.contains("进度条"), qPrintable(t.text));
}

void TstAudiogramChat::declines()
{
    QString error;
    const QString talk = m_dir.filePath("talk.mp4");
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-f", "lavfi",
                              "-i", "sine=f=300:d=3", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                              "-c:a", "aac", "-shortest", talk},
                             &error),
             qPrintable(error));
    test::TestEngine engine;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    QString sid = c.createSession();
    QCOMPARE(upload(c, sid, talk, "talk.mp4").code(), 0);
    int version = test::stateOf(c, sid).version;
    test::Turn t = test::runTurn(c, sid, "make an audiogram");
    QVERIFY2(t.text.contains("made from sound alone") && t.text.contains("titles"),
             qPrintable(t.text));
    t = test::runTurn(c, sid, "use this photo as the background");
    QVERIFY2(t.text.contains("replacing the background behind people"), qPrintable(t.text));
    t = test::runTurn(c, sid, "加上声波");
    QVERIFY2(t.text.contains("只能用纯音频制作"), qPrintable(t.text));
    QCOMPARE(test::stateOf(c, sid).version, version);

    sid = c.createSession();
    QCOMPARE(upload(c, sid, m_pod, "podcast.wav").code(), 0);
    version = test::stateOf(c, sid).version;
    t = test::runTurn(c, sid, "use missing.png as the background of the waveform");
    QVERIFY2(t.text.contains("can't find missing.png"), qPrintable(t.text));
    QCOMPARE(test::stateOf(c, sid).version, version);
}

QTEST_GUILESS_MAIN(TstAudiogramChat)
#include "tst_audiogramchat.moc"
