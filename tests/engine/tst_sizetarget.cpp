// Compress to a size (render/SizeTarget.h, render/SizeRender.h). The planner's table is
// checked row by row; the render is measured on a clip that is hard to compress (testsrc2
// under fresh noise every frame, 1080p): a planner that trusted a quality setting, or a
// single pass, would miss the limit on it. The file must be under the limit and use most of
// it (else the picture was spoiled for nothing), and an impossible limit must say the
// smallest one that works and leave no file behind.
#include "render/RenderDraft.h"
#include "render/SizeRender.h"
#include "render/SizeTarget.h"

#include "DraftBuilder.h"
#include "TestMedia.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr qint64 kClipMs = 20000;
constexpr int kFps = 25;

Draft oneClip(qint64 maxBytes)
{
    Draft draft = test::draftOf(
        {test::track("v1", 0, "Video", {test::seg("s1", "m1", 0, 0, kClipMs, QJsonObject{})})});
    draft.m = QJsonObject{{"width", 1920}, {"height", 1080}, {"fps", kFps}};
    if (maxBytes > 0)
        draft.m.insert("export", QJsonObject{{"max_bytes", double(maxBytes)}});
    return draft;
}

} // namespace

class TstSizeTarget : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QHash<QString, RenderInput> inputs_;

    RunResult render(const Draft& d, const QString& out, SizePlan* plan = nullptr)
    {
        RenderPreset p = RenderPreset::byName(QStringLiteral("1080p"));
        p.x264Preset = QStringLiteral("superfast");
        QDir().mkpath(dir_.filePath("work"));
        return renderToSize(d, inputs_, p, draftMaxBytes(d), out, dir_.filePath("work"), {},
                            nullptr, plan);
    }

private Q_SLOTS:
    void initTestCase();
    void planner_data();
    void planner();
    void impossibleSaysTheSmallest();
    void sizes_data();
    void sizes();
    void namedLimits();
    void renderLandsUnderTheLimit();
    void impossibleRenderLeavesNoFile();
    void otherFormatPlans();
    void otherFormatsUnderTheLimit();
};

void TstSizeTarget::initTestCase()
{
    QVERIFY(dir_.isValid());
    const QString src = dir_.filePath("noisy.mp4");
    QString error;
    QVERIFY2(test::runFfmpeg({"-filter_complex",
                              QStringLiteral("testsrc2=size=1920x1080:rate=%1:duration=20,"
                                             "noise=alls=30:allf=t+u,format=yuv420p[v];"
                                             "sine=f=440:d=20[s]")
                                  .arg(kFps),
                              "-map", "[v]", "-map", "[s]", "-c:v", "libx264", "-preset",
                              "ultrafast", "-crf", "26", "-c:a", "aac", src},
                             &error),
             qPrintable(error));
    inputs_.insert(QStringLiteral("m1"), RenderInput{src, true, true, kClipMs, false});
}

void TstSizeTarget::planner_data()
{
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("fps");
    QTest::addColumn<int>("audioKbps");
    QTest::addColumn<int>("videoKbps");
    QTest::addColumn<int>("outWidth");
    QTest::addColumn<int>("outHeight");
    // Room to spare: full size, the best sound.
    QTest::newRow("1 min in 50 MB")
        << 60000LL << 50000000LL << 1920 << 1080 << 30.0 << 128 << 6134 << 1920 << 1080;
    // Tight: 64k sound first, then the picture drops until 0.04 bit per pixel is reached.
    QTest::newRow("20 s in 2 MB") << 20000LL << 2000000LL << 1920 << 1080 << 25.0 << 64 << 663
                                  << 960 << 540;
    QTest::newRow("3 min for WhatsApp")
        << 180000LL << 16000000LL << 1920 << 1080 << 30.0 << 64 << 602 << 854 << 480;
    // Vertical video keeps its orientation when it drops.
    QTest::newRow("vertical 30 s for Discord")
        << 30000LL << 10000000LL << 1080 << 1920 << 30.0 << 128 << 2363 << 720 << 1280;
    QTest::newRow("2 min in 10 MB")
        << 120000LL << 10000000LL << 1280 << 720 << 30.0 << 64 << 558 << 854 << 480;
    // A middle budget: 96k sound (128k would be over an eighth of it).
    QTest::newRow("1 min in 7 MB")
        << 60000LL << 7000000LL << 1280 << 720 << 30.0 << 96 << 773 << 960 << 540;
    // A small source is never scaled up.
    QTest::newRow("small source") << 60000LL << 50000000LL << 640 << 360 << 30.0 << 128 << 6134
                                  << 640 << 360;
}

void TstSizeTarget::planner()
{
    QFETCH(qint64, durationMs);
    QFETCH(qint64, maxBytes);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, fps);
    const SizePlan plan = planSize(durationMs, maxBytes, width, height, fps);
    QVERIFY(plan.ok);
    QTEST(plan.audioKbps, "audioKbps");
    QTEST(plan.videoKbps, "videoKbps");
    QTEST(plan.width, "outWidth");
    QTEST(plan.height, "outHeight");
    // The planned streams and the muxer's share fit under the limit.
    const double bytes = (plan.audioKbps + plan.videoKbps) * durationMs / 8.0;
    QVERIFY(bytes * (1 + kMuxerFraction) + kMuxerFixedBytes < double(maxBytes));
}

void TstSizeTarget::impossibleSaysTheSmallest()
{
    // 1 MB for 10 minutes: far below 360p at 0.04 bit per pixel with 64k sound.
    const SizePlan plan = planSize(600000, 1000000, 1920, 1080, 30);
    QVERIFY(!plan.ok);
    QVERIFY2(plan.minimumBytes > 20000000 && plan.minimumBytes < 35000000,
             qPrintable(QString::number(plan.minimumBytes)));
    // The smallest size that works does work, and one percent less does not.
    QVERIFY(planSize(600000, plan.minimumBytes, 1920, 1080, 30).ok);
    QVERIFY(!planSize(600000, plan.minimumBytes * 99 / 100, 1920, 1080, 30).ok);
    QVERIFY(!planSize(600000, 16000000, 1920, 1080, 30).ok); // 10 min for WhatsApp
}

void TstSizeTarget::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("50MB") << "50MB" << 50000000LL;
    QTest::newRow("50 mb") << "50 mb" << 50000000LL;
    QTest::newRow("1.5 GB") << "1.5 GB" << 1500000000LL;
    QTest::newRow("20 MiB") << "20 MiB" << 20971520LL;
    QTest::newRow("800k") << "800k" << 800000LL;
    QTest::newRow("50兆") << QStringLiteral("50兆") << 50000000LL;
    QTest::newRow("bare number is MB") << "25" << 25000000LL;
    QTest::newRow("words") << "fifty" << 0LL;
    QTest::newRow("empty") << "" << 0LL;
}

void TstSizeTarget::sizes()
{
    QFETCH(QString, text);
    QTEST(parseByteSize(text), "bytes");
}

void TstSizeTarget::namedLimits()
{
    QCOMPARE(namedSizeLimit("WhatsApp"), 16000000);
    QCOMPARE(namedSizeLimit("discord"), 10000000);
    QCOMPARE(namedSizeLimit(QStringLiteral("邮件")), 18000000);
    QString label;
    QCOMPARE(namedSizeLimit("e-mail", &label), 18000000);
    QCOMPARE(label, QStringLiteral("email"));
    QCOMPARE(namedSizeLimit("myspace"), 0);
    QVERIFY(namedSizeLimits().contains("telegram"));
}

void TstSizeTarget::renderLandsUnderTheLimit()
{
    constexpr qint64 kLimit = 2000000;
    const QString out = dir_.filePath("small.mp4");
    QElapsedTimer timer;
    timer.start();
    SizePlan plan;
    const RunResult r = render(oneClip(kLimit), out, &plan);
    QVERIFY2(r.ok, qPrintable(r.error));
    const qint64 size = QFileInfo(out).size();
    qInfo("2 MB target: %lld bytes in %lld ms; %s", size, timer.elapsed(),
          qPrintable(describeSizePlan(plan)));
    QVERIFY2(size <= kLimit, qPrintable(QString::number(size)));
    QVERIFY2(size >= 1400000, qPrintable(QString::number(size)));
    const QJsonObject probe = test::probe(out);
    const double seconds = probe.value("format").toObject().value("duration").toString().toDouble();
    QVERIFY2(std::abs(seconds - kClipMs / 1000.0) <= 1.0 / kFps + 1e-6,
             qPrintable(QString::number(seconds)));
    const QJsonObject video = probe.value("streams").toArray().at(0).toObject();
    QCOMPARE(video.value("codec_name").toString(), QStringLiteral("h264"));
    QCOMPARE(video.value("width").toInt(), plan.width);
    QVERIFY(plan.width < 1920);
    // The draft's own setting goes the same way through the one render entry point.
    const QString viaDraft = dir_.filePath("draft.mp4");
    RenderPreset p = RenderPreset::byName(QStringLiteral("1080p"));
    p.x264Preset = QStringLiteral("ultrafast");
    const RunResult d =
        renderDraft(oneClip(kLimit), inputs_, p, viaDraft, dir_.path(), {}, nullptr);
    QVERIFY2(d.ok, qPrintable(d.error));
    QVERIFY(QFileInfo(viaDraft).size() <= kLimit);
}

void TstSizeTarget::impossibleRenderLeavesNoFile()
{
    const QString out = dir_.filePath("tiny.mp4");
    const RunResult r = render(oneClip(100000), out);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains("smallest size that works is"), qPrintable(r.error));
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(!QFileInfo::exists(out + ".sized"));
    QVERIFY(!QFileInfo::exists(out + ".sized.part"));
}

// MP3/M4A rates and a GIF's next try are plans like the MP4's, tabled.
void TstSizeTarget::otherFormatPlans()
{
    SizePlan p = planSoundSize(60000, 2000000); // 253 kb/s of room: the top rate
    QVERIFY(p.ok);
    QCOMPARE(p.audioKbps, 192);
    p = planSoundSize(60000, 500000); // 63 kb/s
    QCOMPARE(p.audioKbps, 56);
    p = planSoundSize(60000, 200000); // 25 kb/s: under the lowest rate
    QVERIFY(!p.ok);
    QCOMPARE(p.minimumBytes, 252632); // 32 kb/s for a minute, through the margin
    QVERIFY(!planSoundSize(0, 200000).ok);

    GifTry g = nextGifTry(480, 12, 2000000, 1000000); // 0.425 of it: 8 fps and a smaller side
    QVERIFY(g.ok);
    QCOMPARE(g.fps, 8);
    QCOMPARE(g.longSide, 384);
    g = nextGifTry(384, 8, 1200000, 1000000); // the rate stays at 8, the side shrinks
    QVERIFY(g.ok);
    QCOMPARE(g.fps, 8);
    QCOMPARE(g.longSide, 324);
    QVERIFY(!nextGifTry(160, 8, 1000000, 100000).ok); // 46 px would be too small
    QVERIFY(!nextGifTry(480, 12, 0, 100000).ok);
}

// A GIF, an MP3 and a WebM of a clean 6-s clip land under their limits and play; a WAV
// cannot be sized and says so, leaving no file.
void TstSizeTarget::otherFormatsUnderTheLimit()
{
    const QString src = dir_.filePath("clean.mp4");
    QString error;
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=6", "-f",
                              "lavfi", "-i", "sine=f=440:d=6", "-c:v", "libx264", "-preset",
                              "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", src},
                             &error),
             qPrintable(error));
    const QHash<QString, RenderInput> inputs{{"m2", RenderInput{src, true, true, 6000, false}}};
    Draft d = test::draftOf(
        {test::track("v1", 0, "Video", {test::seg("s1", "m2", 0, 0, 6000, QJsonObject{})})});
    d.m = QJsonObject{{"width", 640}, {"height", 360}, {"fps", 25}};
    struct Case {
        const char* format;
        qint64 limit;
        const char* codec;
    };
    for (const Case& k :
         {Case{"gif", 400000, "gif"}, Case{"mp3", 100000, "mp3"}, Case{"webm", 500000, "vp9"}}) {
        RenderPreset p = RenderPreset::byName(QStringLiteral("720p"));
        p.x264Preset = QStringLiteral("ultrafast");
        p.format = k.format;
        const QString out = dir_.filePath(QStringLiteral("small.%1").arg(k.format));
        const RunResult r =
            renderToSize(d, inputs, p, k.limit, out, dir_.filePath("work"), {}, nullptr);
        QVERIFY2(r.ok, qPrintable(k.format + QString(": ") + r.error));
        const qint64 size = QFileInfo(out).size();
        const QJsonObject probe = test::probe(out);
        const QJsonObject first = probe["streams"].toArray().at(0).toObject();
        qInfo("%s under %lld: %lld bytes, %s %dx%d, %s b/s", k.format, k.limit, size,
              qPrintable(first["codec_name"].toString()), first["width"].toInt(),
              first["height"].toInt(), qPrintable(probe["format"]["bit_rate"].toString()));
        QVERIFY2(size <= k.limit && size > 0, qPrintable(QString::number(size)));
        QCOMPARE(first["codec_name"].toString(), QString(k.codec));
        const double seconds = probe["format"]["duration"].toString().toDouble();
        QVERIFY2(std::abs(seconds - 6.0) < 0.2, qPrintable(QString::number(seconds)));
    }
    RenderPreset wav = RenderPreset::byName(QStringLiteral("720p"));
    wav.format = QStringLiteral("wav");
    const QString out = dir_.filePath("small.wav");
    const RunResult r =
        renderToSize(d, inputs, wav, 100000, out, dir_.filePath("work"), {}, nullptr);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains("not compressed"), qPrintable(r.error));
    QVERIFY(!QFileInfo::exists(out));
}

QTEST_GUILESS_MAIN(TstSizeTarget)
#include "tst_sizetarget.moc"
