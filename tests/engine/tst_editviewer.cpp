// What the viewer shows, against the real engine process: proxies are made after upload
// (video-only, every frame a keyframe, sound as WAV; half-written and old-format proxies
// cleared first); the preview of a cut edit with a title
// is assembled (stream-copied stretches + drawn title frames + PCM sound) and shows the same
// frames as the export at several times (PSNR after scaling, high enough that a one-frame
// shift fails); a vertical edit previews at 360x640; GET /api/preview/<sid>/frame draws the
// frame under the playhead as the preview shows it, at the draft's aspect, for a stored
// version, and answers clear errors. A long edit whose every frame is drawn (vertical) with
// the playhead given is progressive: a 10-s window from the playhead is reported while the
// whole is drawn, shows the whole's frames there, has its sound, and is gone afterwards; a
// short edit has no window and a bad playhead is refused. The preview planner itself is
// table-tested (pure).
#include "AgentTurn.h"
#include "DraftBuilder.h"
#include "EngineClient.h"
#include "TestEngine.h"
#include "TestMedia.h"
#include "render/PreviewAssembly.h"
#include "render/PreviewMedia.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <cmath>

using namespace cw;
using namespace cw::test;

namespace {

constexpr double kSameFrameDb = 27.0; // matching frames measure ~31 dB, one frame off ~21 dB

// One frame of `file` at `seconds`, scaled to `size`, as RGB bytes.
QByteArray frameAt(const QString& file, double seconds, const QSize& size)
{
    QProcess p; // no seek in a still picture: ffmpeg gives nothing for -ss 0 on a JPEG
    const QStringList seek{"-ss", QString::number(seconds, 'f', 3)};
    p.start(QStringLiteral("ffmpeg"),
            QStringList{"-v", "error"} + (seconds > 0 ? seek : QStringList()) +
                QStringList{"-i", file, "-frames:v", "1", "-vf",
                            QStringLiteral("scale=%1:%2").arg(size.width()).arg(size.height()),
                            "-f", "rawvideo", "-pix_fmt", "rgb24", "-"});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

QSize videoSize(const QString& file)
{
    for (const QJsonValue& s : probe(file).value("streams").toArray())
        if (s.toObject().value("codec_type") == "video")
            return {s.toObject().value("width").toInt(), s.toObject().value("height").toInt()};
    return {};
}

double streamSeconds(const QString& file, const char* type)
{
    for (const QJsonValue& s : probe(file).value("streams").toArray())
        if (s.toObject().value("codec_type") == QLatin1String(type))
            return s.toObject().value("duration").toString().toDouble();
    return -1;
}

engine::SmartSource proxySource(int width, int height, int frames)
{
    engine::SmartSource s;
    s.ok = true;
    s.path = QStringLiteral("/p.mp4");
    s.width = width;
    s.height = height;
    s.fpsNum = 30;
    for (int i = 0; i < frames; ++i) {
        s.frame << i;
        s.dts << i;
        s.key << true;
    }
    return s;
}

} // namespace

class TstEditViewer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void plan_data();
    void plan();
    void soundOnlyGraph();
    void proxiesAreMade();
    void previewMatchesExport();
    void verticalPreview();
    void progressiveWindow();
    void frameOfTheEdit();
    void frameErrors();

private:
    // Renders `draft` in the session with `preset`; the output's local path, or empty.
    QString render(const QJsonObject& draft, const QString& preset)
    {
        const QString id = QStringLiteral("r%1_%2").arg(++m_renders).arg(preset);
        QJsonObject body{{"id", id},
                         {"sessionId", m_sid},
                         {"draft", draft},
                         {"output", QJsonObject{{"format", "mp4"}, {"preset", preset}}}};
        if (m_client->postJson(QStringLiteral("/api/render/proxy/lambda"), body).code() != 0)
            return {};
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 120000) {
            const QJsonObject d = m_client->get("/api/render/proxy/lambda/" + id).data();
            if (d.value("status") == "failed")
                qWarning() << d;
            if (d.value("status") == "completed")
                return m_engine.dataDir() + "/renders/" + id + ".mp4";
            if (d.value("status") == "failed")
                return {};
            QThread::msleep(50);
        }
        return {};
    }
    // The cut (2-4.5 s and 7-11 s of the clip) with a title over 1-3 s of the edit.
    QJsonObject cutWithTitle(int width = 1280, int height = 720) const
    {
        Draft d =
            draftOf({track("v1", int(TrackType::Video),
                           {seg("a", m_video, 0, 2000, 2500), seg("b", m_video, 2500, 7000, 4000)}),
                     track("t1", int(TrackType::Text),
                           {seg("x", QString(), 1000, 0, 2000, {{"text", "Chapter 1"}})})});
        d.m.insert("width", width);
        d.m.insert("height", height);
        if (height > width)
            d.m.insert("aspect", "9:16");
        return d.toJson();
    }
    QTemporaryDir m_dir;
    TestEngine m_engine;
    std::unique_ptr<EngineClient> m_client;
    QString m_sid;
    QString m_video;
    int m_renders = 0;
};

void TstEditViewer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), QStringLiteral("ultrafast"));
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    m_client = std::make_unique<EngineClient>(m_engine.baseUrl(), m_engine.token());
    m_sid = m_client->createSession();
    QVERIFY(!m_sid.isEmpty());
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY2(
        runFfmpeg({"-f",   "lavfi",   "-i",        "testsrc2=size=1280x720:rate=30:duration=12",
                   "-f",   "lavfi",   "-i",        "sine=frequency=440:duration=12",
                   "-c:v", "libx264", "-preset",   "ultrafast",
                   "-g",   "60",      "-pix_fmt",  "yuv420p",
                   "-c:a", "aac",     "-shortest", clip},
                  &error),
        qPrintable(error));
    // Left by a killed engine and by an older proxy format: cleared before the first proxy.
    QVERIFY(QDir().mkpath(m_engine.dataDir() + "/proxies"));
    for (const char* stale :
         {"/proxies/0123456789abcdef-p0.mp4", "/proxies/0123456789abcdef-p0.wav",
          "/proxies/fedcba9876543210-p1.mp4.part"}) {
        QFile sf(m_engine.dataDir() + stale);
        QVERIFY(sf.open(QIODevice::WriteOnly) && sf.write("stale") == 5);
    }
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const HttpReply r = m_client->upload(m_sid, {{f.readAll(), QStringLiteral("clip.mp4")}});
    m_video = r.data().value("files").toArray().at(0).toObject().value("media_id").toString();
    QVERIFY2(!m_video.isEmpty(), r.body.constData());
}

void TstEditViewer::plan_data()
{
    QTest::addColumn<QJsonObject>("meta");    // the draft's m
    QTest::addColumn<QJsonObject>("segMeta"); // the second segment's m
    QTest::addColumn<bool>("title");          // a title over 1-2 s
    QTest::addColumn<qint64>("secondStart");  // where the second segment starts (gap test)
    QTest::addColumn<bool>("eligible");
    QTest::addColumn<int>("copied"); // frames copied from the proxy
    QTest::addColumn<int>("drawn");
    const QJsonObject none;
    // Two segments of 1 s (30 frames) each: 60 frames.
    QTest::newRow("cut only") << none << none << false << qint64(1000) << true << 60 << 0;
    // The title over 1000..2000 ms is drawn from frame 30 to frame 61 (rounded outwards).
    QTest::newRow("title") << none << none << true << qint64(1000) << true << 30 << 30;
    QTest::newRow("speed") << none << QJsonObject{{"speed", 2.0}} << false << qint64(1000) << true
                           << 30 << 30;
    QTest::newRow("unknown effect")
        << none << QJsonObject{{"fade_in", 500}} << false << qint64(1000) << true << 30 << 30;
    QTest::newRow("look") << QJsonObject{{"look", "warm"}} << none << false << qint64(1000) << true
                          << 0 << 60;
    QTest::newRow("vertical") << QJsonObject{{"width", 1080}, {"height", 1920}} << none << false
                              << qint64(1000) << true << 0 << 60;
    // A pause's edge falls inside a frame: drawn from the frame the export shows first.
    QTest::newRow("vertical, mid-frame cut") << QJsonObject{{"width", 1080}, {"height", 1920}}
                                             << none << false << qint64(1000) << true << 0 << 60;
    // The second segment asks for 1 s from 9.5 s of a 10-s proxy: 15 frames exist.
    QTest::newRow("past the end") << none << none << false << qint64(1000) << true << 45 << 0;
    QTest::newRow("gap") << none << none << false << qint64(1500) << false << 0 << 0;
    QTest::newRow("crossfade") << none
                               << QJsonObject{{"tr", QJsonObject{{"type", "fade"}, {"d", 300}}}}
                               << false << qint64(1000) << false << 0 << 0;
}

void TstEditViewer::plan()
{
    QFETCH(QJsonObject, meta);
    QFETCH(QJsonObject, segMeta);
    QFETCH(bool, title);
    QFETCH(qint64, secondStart);
    QFETCH(bool, eligible);
    QFETCH(int, copied);
    QFETCH(int, drawn);
    const QByteArray tag = QTest::currentDataTag();
    const qint64 secondIn = tag == "past the end" ? 9500 : tag.contains("mid-frame") ? 5017 : 5000;
    QList<Track> tracks{
        track("v1", int(TrackType::Video),
              {seg("a", "m1", 0, 0, 1000), seg("b", "m1", secondStart, secondIn, 1000, segMeta)})};
    if (title)
        tracks << track("t1", int(TrackType::Text),
                        {seg("x", QString(), 1000, 0, 1000, {{"text", "Hi"}})});
    Draft d = draftOf(tracks);
    d.m = meta;
    engine::RenderInput in;
    in.path = QStringLiteral("/src.mp4");
    in.durationMs = 10000;
    const engine::PreviewPlan plan =
        engine::planPreview(d, {{"m1", in}}, {{"m1", proxySource(640, 360, 300)}},
                            engine::RenderPreset::byName(QStringLiteral("preview")));
    QCOMPARE(plan.eligible, eligible);
    if (!eligible)
        return;
    QCOMPARE(plan.copiedFrames(), copied);
    QCOMPARE(plan.batchFrames, drawn);
    QCOMPARE(plan.totalFrames, copied + drawn);
    int sum = 0;
    for (const engine::PreviewPiece& p : plan.pieces) {
        QVERIFY(p.to > p.from);
        sum += p.to - p.from;
    }
    QCOMPARE(sum, plan.totalFrames);
    // Drawn clips at normal speed start on a frame (a time inside frame f's slot: f/30 s,
    // rounded down to the millisecond) and last whole frames.
    for (const Track& t : plan.batch.t)
        for (const Segment& s : t.sg)
            if (t.tt == int(TrackType::Video) && !s.m.contains("speed")) {
                const int first = int(std::ceil(s.in * 30.0 / 1000.0 - 1e-6));
                QCOMPARE(s.in, qint64(std::floor(first * 1000.0 / 30.0)));
                QCOMPARE(s.d, qint64(std::floor(std::round(s.d * 30.0 / 1000.0) * 1000.0 / 30.0)));
            }
}

// The preview's sound pass: the same audio chains as the export, no picture at all, and each
// cut reading its own window of the source (-ss/-t) rather than all of it.
void TstEditViewer::soundOnlyGraph()
{
    Draft d = draftOf(
        {track("v1", int(TrackType::Video),
               {seg("a", "m1", 0, 0, 1000), seg("b", "m1", 1000, 5000, 1000)}),
         track("t1", int(TrackType::Text), {seg("x", QString(), 0, 0, 1000, {{"text", "Hi"}})})});
    engine::RenderInput in;
    in.path = QStringLiteral("/src.mp4");
    in.durationMs = 10000;
    in.proxySound = QStringLiteral("/src.wav");
    const engine::PreviewPlan plan =
        engine::planPreview(d, {{"m1", in}}, {{"m1", proxySource(640, 360, 300)}},
                            engine::RenderPreset::byName(QStringLiteral("preview")));
    QVERIFY(plan.eligible);
    QString error;
    const QString args =
        engine::previewSoundArgs(plan, "/out.wav", QDir::tempPath(), &error).join(' ');
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(args.contains("concat=n=2:v=0:a=1"), qPrintable(args));
    QVERIFY(!args.contains("[vout]") && !args.contains("drawtext") && !args.contains("color="));
    // Opened as the WAV it is, without probing, in large packets.
    const QString wav = "-f wav -probesize 4096 -analyzeduration 0 -max_size 65536 -i /src.wav";
    QVERIFY2(args.contains("-ss 0.000 -t 2.000 " + wav), qPrintable(args));
    QVERIFY(args.contains("-ss 5.000 -t 2.000 " + wav));
    QVERIFY(!args.contains("/src.mp4"));
}

void TstEditViewer::proxiesAreMade()
{
    QElapsedTimer t;
    t.start();
    QDir dir(m_engine.dataDir() + "/proxies");
    // The stale files are there from the start: wait for the new proxy and the clean-up (on a
    // loaded machine the listing can come before the proxy thread has run at all).
    const QString current = QStringLiteral("*-p%1.mp4").arg(engine::kProxyFormat);
    while ((dir.entryList({current}, QDir::Files).isEmpty() ||
            dir.entryList({"*.mp4"}, QDir::Files).size() > 1) &&
           t.elapsed() < 90000)
        QThread::msleep(100);
    const QStringList mp4 = dir.entryList({"*.mp4"}, QDir::Files);
    QCOMPARE(mp4.size(), 1);
    QVERIFY2(mp4.first().endsWith(QStringLiteral("-p%1.mp4").arg(engine::kProxyFormat)),
             qPrintable(mp4.first()));
    QCOMPARE(dir.entryList({"*.wav"}, QDir::Files).size(), 1);
    QCOMPARE(dir.entryList({"*.part"}, QDir::Files), QStringList());
    const QString proxy = dir.filePath(mp4.first());
    QCOMPARE(videoSize(proxy), QSize(640, 360));
    QProcess p; // every frame a keyframe
    p.start("ffprobe", {"-v", "error", "-select_streams", "v:0", "-show_entries", "packet=flags",
                        "-of", "csv=p=0", proxy});
    p.waitForFinished(60000);
    const QList<QByteArray> flags = p.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(flags.size(), 360);
    for (const QByteArray& f : flags)
        QVERIFY2(f.startsWith('K'), f.constData());
    QVERIFY(streamSeconds(proxy, "audio") < 0); // the picture only
}

void TstEditViewer::previewMatchesExport()
{
    const QJsonObject draft = cutWithTitle();
    const QString preview = render(draft, "preview");
    const QString exported = render(draft, "720p");
    QVERIFY(!preview.isEmpty() && !exported.isEmpty());
    QCOMPARE(videoSize(preview), QSize(640, 360));
    const double length = streamSeconds(exported, "video");
    QVERIFY2(qAbs(streamSeconds(preview, "video") - length) < 0.034,
             qPrintable(QString::number(streamSeconds(preview, "video"))));
    QVERIFY(qAbs(streamSeconds(preview, "audio") - length) < 0.05);
    // In the title, around the cut, in a copied stretch, near the end.
    for (const double at : {0.3, 1.5, 2.45, 2.55, 4.0, 6.3}) {
        const double same =
            psnr(frameAt(exported, at, {640, 360}), frameAt(preview, at, {640, 360}));
        QVERIFY2(same > kSameFrameDb, qPrintable(QStringLiteral("%1 s: %2 dB").arg(at).arg(same)));
    }
    // The measure tells frames apart: the next frame of the export is far off.
    const double shifted =
        psnr(frameAt(exported, 4.0 + 1.0 / 30, {640, 360}), frameAt(preview, 4.0, {640, 360}));
    QVERIFY2(shifted < kSameFrameDb, qPrintable(QString::number(shifted)));
}

void TstEditViewer::verticalPreview()
{
    const QString preview = render(cutWithTitle(1080, 1920), "preview");
    QVERIFY(!preview.isEmpty());
    QCOMPARE(videoSize(preview), QSize(360, 640));
}

void TstEditViewer::progressiveWindow()
{
    // 44 s of the clip made vertical: every frame is drawn.
    QList<Segment> parts;
    for (int i = 0; i < 4; ++i)
        parts << seg(QStringLiteral("p%1").arg(i), m_video, i * 11000, 0, 11000);
    Draft d = draftOf({track("v1", int(TrackType::Video), parts)});
    d.m.insert("width", 1080);
    d.m.insert("height", 1920);
    d.m.insert("aspect", "9:16");
    const QString id = QStringLiteral("progressive");
    QJsonObject body{{"id", id},
                     {"sessionId", m_sid},
                     {"draft", d.toJson()},
                     {"output", QJsonObject{{"format", "mp4"}, {"preset", "preview"}}}};
    for (const QJsonValue& bad : {QJsonValue(-5), QJsonValue("12"), QJsonValue(1e12)}) {
        QJsonObject output = body.value("output").toObject();
        output.insert("at_ms", bad);
        body.insert("output", output);
        const HttpReply r = m_client->postJson(QStringLiteral("/api/render/proxy/lambda"), body);
        QCOMPARE(r.code(), 4000);
        QVERIFY2(r.body.contains("at_ms"), r.body.constData());
    }
    QJsonObject output = body.value("output").toObject();
    output.insert("at_ms", 25000);
    body.insert("output", output);
    QCOMPARE(m_client->postJson(QStringLiteral("/api/render/proxy/lambda"), body).code(), 0);
    QString enginePath;
    QJsonObject window;
    const QString linked = m_dir.filePath(QStringLiteral("window.mov"));
    QElapsedTimer t;
    t.start();
    QString status;
    while (t.elapsed() < 180000 && status != "completed" && status != "failed") {
        const QJsonObject data = m_client->get("/api/render/proxy/lambda/" + id).data();
        status = data.value("status").toString();
        if (window.isEmpty() && data.contains("window")) {
            window = data.value("window").toObject();
            enginePath = window.value("path").toString();
            QCOMPARE(status, QStringLiteral("processing"));
            QVERIFY(QFile::copy(enginePath, linked)); // before the engine removes it
        }
        QThread::msleep(20);
    }
    QCOMPARE(status, QStringLiteral("completed"));
    QVERIFY2(!window.isEmpty(), "no window was reported while the whole was drawn");
    QCOMPARE(window.value("from_ms").toInteger(), 25000);
    QCOMPARE(window.value("to_ms").toInteger(), 35000);
    QVERIFY(!QFileInfo::exists(enginePath)); // the engine's copy goes with the job
    const QString whole = m_engine.dataDir() + "/renders/" + id + ".mp4";
    QCOMPARE(videoSize(linked), QSize(360, 640));
    QVERIFY2(qAbs(streamSeconds(linked, "video") - 10.0) < 0.034,
             qPrintable(QString::number(streamSeconds(linked, "video"))));
    QVERIFY2(qAbs(streamSeconds(linked, "audio") - 10.0) < 0.05,
             qPrintable(QString::number(streamSeconds(linked, "audio"))));
    for (const double at : {0.1, 3.3, 9.9}) {
        const double same =
            psnr(frameAt(whole, 25.0 + at, {360, 640}), frameAt(linked, at, {360, 640}));
        QVERIFY2(same > kSameFrameDb, qPrintable(QStringLiteral("%1 s: %2 dB").arg(at).arg(same)));
    }
    const double shifted =
        psnr(frameAt(whole, 25.0 + 3.3 + 1.0 / 30, {360, 640}), frameAt(linked, 3.3, {360, 640}));
    QVERIFY2(shifted < kSameFrameDb, qPrintable(QString::number(shifted)));

    // A short edit is drawn whole at once: no window.
    body.insert("id", "short");
    body.insert("draft", cutWithTitle(1080, 1920));
    QCOMPARE(m_client->postJson(QStringLiteral("/api/render/proxy/lambda"), body).code(), 0);
    status.clear();
    t.restart();
    while (t.elapsed() < 60000 && status != "completed" && status != "failed") {
        const QJsonObject data = m_client->get("/api/render/proxy/lambda/short").data();
        status = data.value("status").toString();
        QVERIFY(!data.contains("window"));
        QThread::msleep(20);
    }
    QCOMPARE(status, QStringLiteral("completed"));
}

void TstEditViewer::frameOfTheEdit()
{
    QVERIFY(!runTurn(*m_client, m_sid, "add the title 'Chapter 1' for 3 seconds").text.isEmpty());
    QJsonObject state = m_client->state(m_sid).data();
    const int version = state.value("version").toInt();
    const HttpReply r = m_client->get(
        QStringLiteral("/api/preview/%1/frame?at=500&version=%2").arg(m_sid).arg(version));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.startsWith("\xFF\xD8"));
    QCOMPARE(r.header("X-Draft-Version").toInt(), version);
    QCOMPARE(r.header("X-Frame-At-Ms"), QStringLiteral("500"));
    const QString jpeg = m_dir.filePath("frame.jpg");
    QFile f(jpeg);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(r.body);
    f.close();
    QCOMPARE(videoSize(jpeg), QSize(640, 360));
    // The still is the preview's frame at that time, title included.
    const QJsonObject draft = state.value("state").toObject().value("draft").toObject();
    QVERIFY(QJsonDocument(draft).toJson().contains("Chapter 1"));
    const QString preview = render(draft, "preview");
    QVERIFY(!preview.isEmpty());
    const QByteArray still = frameAt(jpeg, 0, {640, 360});
    const QByteArray played = frameAt(preview, 0.5, {640, 360});
    const double same = psnr(still, played);
    QVERIFY2(same > kSameFrameDb, qPrintable(QStringLiteral("%1 dB (%2 and %3 bytes)")
                                                 .arg(same)
                                                 .arg(still.size())
                                                 .arg(played.size())));
    const HttpReply before = m_client->get(
        QStringLiteral("/api/preview/%1/frame?at=500&version=%2").arg(m_sid).arg(version - 1));
    QCOMPARE(before.status, 200); // an older version: no title, another picture
    QVERIFY(before.body != r.body);
    // Past the end: the last frame, and the header says which.
    const HttpReply last =
        m_client->get(QStringLiteral("/api/preview/%1/frame?at=999999").arg(m_sid));
    QCOMPARE(last.status, 200);
    QVERIFY(last.header("X-Frame-At-Ms").toLongLong() < 12000);
    // A vertical edit gives a vertical still.
    QVERIFY(!runTurn(*m_client, m_sid, "make it vertical").text.isEmpty());
    const HttpReply tall = m_client->get(QStringLiteral("/api/preview/%1/frame?at=500").arg(m_sid));
    QCOMPARE(tall.status, 200);
    f.setFileName(m_dir.filePath("tall.jpg"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(tall.body);
    f.close();
    QCOMPARE(videoSize(f.fileName()), QSize(360, 640));
}

void TstEditViewer::frameErrors()
{
    const HttpReply unknown = m_client->get("/api/preview/ses_nope/frame?at=0");
    QCOMPARE(unknown.status, 404);
    QVERIFY(unknown.code() != 0);
    QVERIFY(!unknown.json.value("message").toString().isEmpty());
    const HttpReply noVersion =
        m_client->get(QStringLiteral("/api/preview/%1/frame?at=0&version=99999").arg(m_sid));
    QVERIFY(noVersion.code() != 0);
    const HttpReply hostile = m_client->get(
        QStringLiteral("/api/preview/%1/frame?at=%27;rm%20-rf&version=abc").arg(m_sid));
    QCOMPARE(hostile.status, 200); // not a number: the first frame of the head version
    QVERIFY(hostile.body.startsWith("\xFF\xD8"));
    QCOMPARE(hostile.header("X-Frame-At-Ms"), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TstEditViewer)
#include "tst_editviewer.moc"
