// The crop that follows the subject (media/SubjectTrack.h, SubjectPath.h, render/
// RenderReframe.cpp). Tables for the pure parts (the smoothing, the crop's size, the ffmpeg
// expression, the planner's reading), then the quality bar on generated clips through the real
// render: a bright target crossing a 1280x720 frame left to right is exported at 9:16, the
// output's frames are decoded and the target is found in each: it must be whole in >= 95% of
// them, and the crop's position (the target's known source position minus where it shows)
// must never move more than 2% of the source's width between frames, also across a cut. A
// still "talking head" keeps the crop still. A drawn face walking across while a box jiggles
// in a corner is followed by its face (OpenCV's cascade), not by the motion. The shared
// green-screen clip (a real person, in silhouette) stays in the picture when that footage exists;
// an unreadable file fails with a message and caches nothing.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "TestMedia.h"
#include "agent/Planner.h"
#include "edit/Operations.h"
#include "media/SubjectTrack.h"
#include "render/RenderDraft.h"
#include "render/RenderFilters.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr int kOutW = 360; // the export's frame (9:16), small for speed
constexpr int kOutH = 640;
constexpr int kBox = 100; // the target's side in source pixels

// Source x of the moving target's left edge at t seconds: still for 1 s, crosses in 6 s.
double targetX(double t)
{
    return 40 + 1100 * std::clamp((t - 1) / 6, 0.0, 1.0);
}

bool makeMoving(const QString& out)
{
    return test::runFfmpeg(
        {"-f", "lavfi", "-i", "color=c=0x203040:s=1280x720:r=30:d=8", "-f", "lavfi", "-i",
         "color=c=white:s=100x100:r=30:d=8,drawbox=x=22:y=30:w=18:h=18:c=black:t=fill,"
         "drawbox=x=60:y=30:w=18:h=18:c=black:t=fill",
         "-filter_complex", "[0][1]overlay=x='40+1100*clip((t-1)/6,0,1)':y=310:eval=frame", "-c:v",
         "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out});
}

// A still head left of centre whose "mouth" opens and closes (the only motion).
bool makeTalking(const QString& out)
{
    return test::runFfmpeg(
        {"-f", "lavfi", "-i",
         "color=c=0x203040:s=1280x720:r=30:d=6,drawbox=x=360:y=200:w=200:h=240:c=white:t=fill,"
         "drawbox=x=410:y=340:w=100:h=50:c=black:t=fill:enable='lt(mod(t,0.5),0.25)'",
         "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out});
}

// A drawn face (hair, skin, brows, eyes, nose, mouth, softened: OpenCV's frontal cascade
// finds it)
// walks right across the frame while a white box jiggles in the bottom-right corner: motion
// alone would be pulled to the box, the face is what must be followed.
double faceX(double t)
{
    return 100 + 880 * std::clamp((t - 1) / 6, 0.0, 1.0);
}

bool makeFace(const QString& out)
{
    return test::runFfmpeg(
        {"-f",
         "lavfi",
         "-i",
         "color=c=0x404040:s=1280x720:r=30:d=8",
         "-f",
         "lavfi",
         "-i",
         "color=c=0x404040:s=220x300:r=30:d=8,drawbox=x=10:y=10:w=200:h=280:c=0xd8c0a8:t=fill,"
         "drawbox=x=10:y=10:w=200:h=40:c=0x302018:t=fill,"
         "drawbox=x=40:y=100:w=56:h=10:c=0x302020:t=fill,"
         "drawbox=x=124:y=100:w=56:h=10:c=0x302020:t=fill,"
         "drawbox=x=48:y=126:w=40:h=22:c=0x201010:t=fill,"
         "drawbox=x=132:y=126:w=40:h=22:c=0x201010:t=fill,"
         "drawbox=x=98:y=150:w=24:h=60:c=0xb09880:t=fill,"
         "drawbox=x=70:y=230:w=80:h=18:c=0x602020:t=fill,boxblur=3:1",
         "-f",
         "lavfi",
         "-i",
         "color=c=white:s=60x60:r=30:d=8",
         "-filter_complex",
         "[0][1]overlay=x='90+880*clip((t-1)/6,0,1)':y=170:eval=frame[a];"
         "[a][2]overlay=x='1150+80*sin(9*t)':y=630:eval=frame",
         "-c:v",
         "libx264",
         "-preset",
         "veryfast",
         "-pix_fmt",
         "yuv420p",
         out});
}

QList<QByteArray> greyFrames(const QString& file, int w, int h)
{
    QProcess p;
    p.start("ffmpeg", {"-v", "error", "-i", file, "-f", "rawvideo", "-pix_fmt", "gray", "-"});
    p.waitForFinished(120000);
    const QByteArray all = p.readAllStandardOutput();
    QList<QByteArray> frames;
    for (qsizetype at = 0; at + w * h <= all.size(); at += w * h)
        frames << all.mid(at, w * h);
    return frames;
}

// The bright target's columns in a frame (rows from top to bottom): {left, right}, {-1, -1}
// when absent.
QPair<int, int> brightSpan(const QByteArray& f, int w, int h, int top = 0, int bottom = -1)
{
    int left = w, right = -1;
    for (int y = top; y < (bottom < 0 ? h : bottom); ++y)
        for (int x = 0; x < w; ++x)
            if (uchar(f[y * w + x]) > 160) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
    return right < 0 ? qMakePair(-1, -1) : qMakePair(left, right);
}

Draft draftOf(const QList<QPair<qint64, qint64>>& pieces) // (in, d) per main-track segment
{
    QJsonArray sg;
    qint64 st = 0;
    for (const auto& [in, d] : pieces) {
        sg.append(QJsonObject{{"id", QStringLiteral("s%1").arg(sg.size())},
                              {"src", "m1"},
                              {"st", st},
                              {"in", in},
                              {"d", d}});
        st += d;
    }
    const QJsonObject json{{"v", 1},
                           {"m", QJsonObject{{"fps", 30}}},
                           {"d", st},
                           {"t", QJsonArray{QJsonObject{{"id", "v1"}, {"tt", 0}, {"sg", sg}}}}};
    Draft d = *Draft::fromJson(json);
    d = setAspect(d, "9:16", "crop").draft;
    d.m.insert("width", kOutW);
    d.m.insert("height", kOutH);
    return d;
}

} // namespace

class TestReframe : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("CLIPWRIGHT_X264_PRESET", "ultrafast"); }

    void smoothing_data();
    void smoothing();
    void pureParts();
    void planner_data();
    void planner();
    void movingTarget();
    void stillTalkingHead();
    void faceTarget();
    void chat();
    void realFootage();
    void badInput();

private:
    QTemporaryDir m_dir;
};

void TestReframe::smoothing_data()
{
    QTest::addColumn<QList<double>>("xs"); // the subject, one sample per 200 ms (-1: unseen)
    QTest::addColumn<double>("cropW");
    QTest::addColumn<double>("firstX"); // the crop's centre at the start and the end
    QTest::addColumn<double>("lastX");
    QTest::addColumn<double>("maxTravel"); // total movement allowed (widths)
    QList<double> noisy, step, edge, unseen, blip;
    for (int i = 0; i < 50; ++i) {
        noisy << 0.5 + 0.03 * std::sin(i * 2.1); // detector noise around the centre
        step << (i < 15 ? 0.3 : 0.7);            // walks to the other side
        edge << 0.02;                            // hugs the left edge
        unseen << (i % 3 ? -1.0 : 0.6);          // seen one frame in three
        blip << (i == 20 ? 0.95 : 0.45);         // one wrong detection
    }
    QTest::newRow("noise stays still") << noisy << 0.3164 << 0.5 << 0.5 << 0.001;
    QTest::newRow("pans to the new side") << step << 0.3164 << 0.3 << 0.7 << 0.41;
    QTest::newRow("clamped to the frame") << edge << 0.3164 << 0.1582 << 0.1582 << 0.001;
    QTest::newRow("gaps held") << unseen << 0.3164 << 0.6 << 0.6 << 0.001;
    QTest::newRow("one miss ignored") << blip << 0.3164 << 0.45 << 0.45 << 0.001;
    QTest::newRow("nothing to pan") << step << 1.0 << 0.5 << 0.5 << 0.0;
}

void TestReframe::smoothing()
{
    QFETCH(QList<double>, xs);
    QFETCH(double, cropW);
    QFETCH(double, firstX);
    QFETCH(double, lastX);
    QFETCH(double, maxTravel);
    QList<SubjectSample> raw;
    for (int i = 0; i < xs.size(); ++i)
        raw << SubjectSample{i * 200, xs[i] < 0 ? 0.5 : xs[i], 0.5, xs[i] >= 0};
    const QList<ReframeKey> keys = smoothSubjectPath(raw, cropW, 1.0);
    QVERIFY(!keys.isEmpty());
    QVERIFY2(std::abs(keys.first().x - firstX) < 0.01, qPrintable(QString::number(keys.first().x)));
    QVERIFY2(std::abs(reframeAt(keys, 9800).x - lastX) < 0.01,
             qPrintable(QString::number(reframeAt(keys, 9800).x)));
    double travel = 0;
    for (qint64 ms = 0; ms + 33 <= 9800; ms += 33) { // every frame at 30 fps
        const double dx = std::abs(reframeAt(keys, ms + 33).x - reframeAt(keys, ms).x);
        QVERIFY2(dx <= kMaxPanSpeed * 0.033 + 1e-4, qPrintable(QString::number(dx)));
        travel += dx;
        QVERIFY(reframeAt(keys, ms).x >= cropW / 2 - 1e-6);
        QVERIFY(reframeAt(keys, ms).x <= 1 - cropW / 2 + 1e-6);
    }
    QVERIFY2(travel <= maxTravel, qPrintable(QString::number(travel)));
    QCOMPARE(reframeAt(keys, 0).y, 0.5);
}

void TestReframe::pureParts()
{
    // The crop's share of the source: 16:9 -> 9:16 keeps 31.6% of the width; 9:16 -> 1:1 keeps
    // 56.25% of the height.
    const auto [w, h] = subjects::cropFraction(1280, 720, 1080, 1920);
    QVERIFY(std::abs(w - 0.3164) < 1e-3 && h == 1.0);
    const auto [w2, h2] = subjects::cropFraction(1080, 1920, 1080, 1080);
    QVERIFY(w2 == 1.0 && std::abs(h2 - 0.5625) < 1e-3);
    QCOMPARE(subjects::chooseKind(30, 100, 100), QStringLiteral("face"));
    QCOMPARE(subjects::chooseKind(10, 100, 100), QStringLiteral("motion"));
    QCOMPARE(subjects::chooseKind(0, 5, 100), QStringLiteral("none"));
    // The expression maps file time to the segment's own: in 1 s at twice the speed reads the
    // file from 1 s to 3 s, along a path from 0.2 (0 s) to 0.8 (4 s).
    RenderInput in;
    in.reframe = {ReframeKey{0, 0.2, 0.5}, ReframeKey{4000, 0.8, 0.5}};
    Segment s;
    s.in = 1000;
    s.d = 1000;
    QCOMPARE(
        render::reframeCrop(s, in, 2.0, false),
        QStringLiteral(":x='clip((0.3500+0.3000*clip((t-0.000)/1.000,0,1))*iw-ow/2,0,iw-ow)'"));
    QCOMPARE(render::reframeCrop(s, in, 1.0, true),
             QStringLiteral(":x='clip((0.3500)*iw-ow/2,0,iw-ow)'"));
    in.reframe = {ReframeKey{0, 0.5, 0.5}};
    QCOMPARE(render::reframeCrop(s, in, 1.0, false), QString()); // centred: today's graph
    // An hour that zigzags all the time stays a bounded expression (one ffmpeg argument).
    in.reframe.clear();
    for (qint64 ms = 0; ms <= 3600000; ms += 500)
        in.reframe << ReframeKey{ms, ms % 1000 ? 0.3 : 0.7, 0.5};
    s.in = 0;
    s.d = 3600000;
    const QString hour = render::reframeCrop(s, in, 1.0, false);
    QVERIFY2(hour.size() < 20000 && hour.count("clip(") > 200,
             qPrintable(QString::number(hour.size())));
    SubjectTrack t;
    t.kind = "motion";
    t.samples = {SubjectSample{0, 0.25, 0.5, true}, SubjectSample{200, 0.5, 0.5, false}};
    const SubjectTrack back = SubjectTrack::fromJson(t.toJson());
    QVERIFY(back.ok);
    QCOMPARE(back.kind, t.kind);
    QCOMPARE(back.samples, t.samples);
    QVERIFY(!SubjectTrack::fromJson("{\"v\":0}").ok);
    // Old drafts (no m.reframe) keep the centre; a new crop follows; a bad mode is refused.
    Draft d = draftOf({{0, 1000}});
    QVERIFY(draftFollowsSubject(d));
    d.m.remove("reframe");
    QVERIFY(!draftFollowsSubject(d));
    QVERIFY(!draftFollowsSubject(setAspect(d, "9:16", "crop", "centre").draft));
    QVERIFY(!draftFollowsSubject(setAspect(d, "9:16", "blur").draft));
    QVERIFY(!setAspect(d, "9:16", "crop", "sideways").ok);
}

void TestReframe::planner_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("plan");
    QTest::newRow("vertical follows") << "make it vertical"
                                      << "set_aspect crop 9:16 -";
    QTest::newRow("centre crop") << "make it vertical, centre crop"
                                 << "set_aspect crop 9:16 centre";
    QTest::newRow("crop the centre") << "crop the centre to 1:1"
                                     << "set_aspect crop 1:1 centre";
    QTest::newRow("keep it centred") << "make it 4:5 and keep it centred"
                                     << "set_aspect crop 4:5 centre";
    QTest::newRow("auto reframe") << "auto reframe"
                                  << "set_aspect crop - -";
    QTest::newRow("smart reframe") << "smart reframe this for tiktok"
                                   << "set_aspect crop 9:16 -";
    QTest::newRow("keep me in frame") << "make it vertical and keep me in frame"
                                      << "set_aspect crop 9:16 -";
    QTest::newRow("follow the subject") << "follow the subject"
                                        << "set_aspect crop - -";
    QTest::newRow("zh smart crop") << "智能裁剪"
                                   << "set_aspect crop - -";
    QTest::newRow("zh follow") << "跟随主体"
                               << "set_aspect crop - -";
    QTest::newRow("zh vertical follow") << "竖屏并跟随人物"
                                        << "set_aspect crop 9:16 -";
    QTest::newRow("zh centre") << "改成竖屏，居中裁剪"
                               << "set_aspect crop 9:16 centre";
    QTest::newRow("a title kept centred") << "keep it centered"
                                          << "";
}

void TestReframe::planner()
{
    QFETCH(QString, text);
    QFETCH(QString, plan);
    const Plan p = planInstruction(text);
    QStringList got;
    for (const Operation& o : p.operations)
        got << QStringLiteral("%1 %2 %3 %4")
                   .arg(o.name, o.args.value("mode").toString("-"),
                        o.args.value("ratio").toString("-"), o.args.value("reframe").toString("-"));
    QCOMPARE(got.join(" | "), plan);
}

void TestReframe::movingTarget()
{
    const QString clip = m_dir.filePath("moving.mp4");
    QVERIFY(makeMoving(clip));
    RenderInput in{clip, true, false, 8000};
    in.subjectCache = m_dir.filePath("subjects/moving.json");
    const SubjectTrack found = cachedSubjects(clip, 8000, in.subjectCache);
    QVERIFY2(found.ok, qPrintable(found.error));
    QCOMPARE(found.kind, QStringLiteral("motion"));
    const int runs = subjectAnalysesRun();
    QVERIFY(cachedSubjects(clip, 8000, in.subjectCache).ok);
    QCOMPARE(subjectAnalysesRun(), runs); // read back, not run again
    // Whole, cut (0-3 s and 5-8 s: the second piece's times start at its own in-point), the
    // app's preview (360x640 too) with the analysis made above, and the centre crop, which
    // must fail the bar (the measure can tell).
    struct Case {
        QList<QPair<qint64, qint64>> pieces;
        QString preset;
        QString reframe;
    };
    const QList<Case> cases{{{{0, 8000}}, "1080p", "subject"},
                            {{{0, 3000}, {5000, 3000}}, "1080p", "subject"},
                            {{{0, 8000}}, "preview", "subject"},
                            {{{0, 8000}}, "1080p", "centre"}};
    for (const auto& [pieces, preset, reframe] : cases) {
        Draft d = draftOf(pieces);
        d.m.insert("reframe", reframe);
        const QString out = m_dir.filePath(
            QStringLiteral("moving-%1-%2-%3.mp4").arg(pieces.size()).arg(preset, reframe));
        const RunResult r = renderDraft(d, {{"m1", in}}, RenderPreset::byName(preset), out,
                                        m_dir.path(), {}, nullptr);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QList<QByteArray> frames = greyFrames(out, kOutW, kOutH);
        const qint64 lengthMs = d.computedDuration();
        QVERIFY2(std::abs(frames.size() - lengthMs * 30 / 1000) <= 2,
                 qPrintable(QString::number(frames.size())));
        const double scale = double(kOutH) / 720;
        int whole = 0;
        double worstJump = 0;
        double lastCrop = -1;
        for (int n = 0; n < frames.size(); ++n) {
            qint64 ms = n * 1000 / 30;
            const bool second = pieces.size() > 1 && ms >= 3000;
            const double t = (second ? ms - 3000 + 5000 : ms) / 1000.0;
            const auto [left, right] = brightSpan(frames[n], kOutW, kOutH);
            const bool inside =
                left > 0 && right < kOutW - 1 && right - left + 1 >= 0.95 * kBox * scale;
            if (!inside) {
                lastCrop = -1;
                continue;
            }
            ++whole;
            const double crop = targetX(t) - left / scale; // the crop's left edge, source px
            if (lastCrop >= 0 && !(second && ms - 3000 < 34))
                worstJump = std::max(worstJump, std::abs(crop - lastCrop));
            lastCrop = crop;
        }
        const double share = double(whole) / frames.size();
        qInfo("moving target, %s, %s, %lld piece(s): whole in %.1f%% of %lld frames, largest crop "
              "step "
              "%.1f px (%.2f%% of the width)",
              qPrintable(preset), qPrintable(reframe), qlonglong(pieces.size()), share * 100,
              qlonglong(frames.size()), worstJump, worstJump / 12.8);
        if (reframe == QLatin1String("centre")) {
            QVERIFY2(share < 0.6, qPrintable(QString::number(share)));
            continue;
        }
        QVERIFY2(share >= 0.95, qPrintable(QString::number(share)));
        QVERIFY2(worstJump <= 0.02 * 1280, qPrintable(QString::number(worstJump)));
    }
}

void TestReframe::stillTalkingHead()
{
    const QString clip = m_dir.filePath("talking.mp4");
    QVERIFY(makeTalking(clip));
    RenderInput in{clip, true, false, 6000};
    in.subjectCache = m_dir.filePath("subjects/talking.json");
    const Draft d = draftOf({{0, 6000}});
    const QString out = m_dir.filePath("talking-out.mp4");
    const RunResult r =
        renderDraft(d, {{"m1", in}}, RenderPreset::byName("1080p"), out, m_dir.path(), {}, nullptr);
    QVERIFY2(r.ok, qPrintable(r.error));
    // The head (source x 360-560) is inside the crop and stays where it is: no jitter.
    const QList<QByteArray> frames = greyFrames(out, kOutW, kOutH);
    QVERIFY(frames.size() >= 175);
    int lo = kOutW, hi = -1;
    for (const QByteArray& f : frames) {
        const auto [left, right] = brightSpan(f, kOutW, kOutH);
        QVERIFY2(left > 0 && right < kOutW - 1, "the head left the crop");
        lo = std::min(lo, left);
        hi = std::max(hi, left);
    }
    qInfo("talking head: its left edge moved over %d output px in %lld frames", hi - lo,
          qlonglong(frames.size()));
    QVERIFY2(hi - lo <= 2, qPrintable(QString::number(hi - lo)));
}

void TestReframe::faceTarget()
{
    const QString clip = m_dir.filePath("face.mp4");
    QVERIFY(makeFace(clip));
    RenderInput in{clip, true, false, 8000};
    in.subjectCache = m_dir.filePath("subjects/face.json");
    const SubjectTrack found = cachedSubjects(clip, 8000, in.subjectCache);
    QVERIFY2(found.ok, qPrintable(found.error));
    int seen = 0;
    for (const SubjectSample& s : found.samples)
        seen += s.found;
    qInfo("drawn face: followed by %s, seen in %d of %lld frames", qPrintable(found.kind), seen,
          qlonglong(found.samples.size()));
    QCOMPARE(found.kind, QStringLiteral("face"));
    const Draft d = draftOf({{0, 8000}});
    const QString out = m_dir.filePath("face-out.mp4");
    const RunResult r =
        renderDraft(d, {{"m1", in}}, RenderPreset::byName("1080p"), out, m_dir.path(), {}, nullptr);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QList<QByteArray> frames = greyFrames(out, kOutW, kOutH);
    QVERIFY(frames.size() >= 235);
    const double scale = double(kOutH) / 720;
    int whole = 0;
    double worstJump = 0, lastCrop = -1;
    for (int n = 0; n < frames.size(); ++n) {
        // The face's rows only (the box jiggles below them).
        const auto [left, right] =
            brightSpan(frames[n], kOutW, kOutH, int(200 * scale), int(440 * scale));
        if (!(left > 0 && right < kOutW - 1 && right - left + 1 >= 0.95 * 200 * scale)) {
            lastCrop = -1;
            continue;
        }
        ++whole;
        const double crop = faceX(n / 30.0) - left / scale;
        if (lastCrop >= 0)
            worstJump = std::max(worstJump, std::abs(crop - lastCrop));
        lastCrop = crop;
    }
    qInfo("drawn face: whole in %d of %lld frames, largest crop step %.1f px", whole,
          qlonglong(frames.size()), worstJump);
    QVERIFY2(whole >= frames.size() * 95 / 100, qPrintable(QString::number(whole)));
    QVERIFY2(worstJump <= 0.02 * 1280, qPrintable(QString::number(worstJump)));
}

// Over the real engine: the reply says what the crop follows, and the draft keeps it.
void TestReframe::chat()
{
    const QString clip = m_dir.filePath("moving.mp4");
    QVERIFY(QFile::exists(clip) || makeMoving(clip));
    QString error;
    test::TestEngine engine;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(c.upload(sid, {{f.readAll(), "walk.mp4"}}).code(), 0);
    const struct {
        const char* say;
        const char* reply;
        const char* reframe;
    } turns[] = {{"make it vertical", "The crop follows the movement", "subject"},
                 {"make it vertical, centre crop", "cropped to the centre", "centre"},
                 {"auto reframe", "The crop follows the movement", "subject"},
                 {"改成1:1，居中裁剪", "居中裁剪", "centre"},
                 {"竖屏并跟随人物", "裁剪会跟随画面里的运动主体", "subject"}};
    for (const auto& turn : turns) {
        const test::Turn t = test::runTurn(c, sid, QString::fromUtf8(turn.say));
        QVERIFY2(t.text.contains(QString::fromUtf8(turn.reply)),
                 qPrintable(turn.say + (" -> " + t.text)));
        const Draft d = test::stateOf(c, sid).draft;
        QCOMPARE(d.m.value("reframe").toString(), QString::fromLatin1(turn.reframe));
        QCOMPARE(d.m.value("aspect_mode").toString(), QStringLiteral("crop"));
    }
}

// Dark pixels (the silhouette) in each of a file's frames at 10 fps, scaled to h rows.
static QList<int> darkCounts(const QString& file, int w, int h)
{
    QProcess p;
    p.start("ffmpeg",
            {"-v", "error", "-i", file, "-vf", QStringLiteral("fps=10,scale=%1:%2").arg(w).arg(h),
             "-f", "rawvideo", "-pix_fmt", "gray", "-"});
    p.waitForFinished(120000);
    const QByteArray all = p.readAllStandardOutput();
    QList<int> out;
    for (qsizetype at = 0; at + w * h <= all.size(); at += w * h)
        out << int(std::count_if(all.begin() + at, all.begin() + at + w * h,
                                 [](char c) { return uchar(c) < 50; }));
    return out;
}

// Real footage: the shared green-screen clip shows a man in silhouette (no face to see) who
// walks in and stands right of centre; the analysis follows his movement and the 9:16 export
// keeps him in the picture (his dark pixels in the output against those in the source frame).
void TestReframe::realFootage()
{
    const QString clip =
        QDir(QStringLiteral(CLIPWRIGHT_TEST_DATA_DIR "/../../../shared/media/autoeditor-resources"))
            .filePath("only-video_man-on-green-screen.mp4");
    if (!QFile::exists(clip))
        QSKIP("shared/media/autoeditor-resources is absent");
    RenderInput in{clip, true, false, 24400};
    in.subjectCache = m_dir.filePath("subjects/green.json");
    const SubjectTrack t = cachedSubjects(clip, 24400, in.subjectCache);
    QVERIFY2(t.ok, qPrintable(t.error));
    QVERIFY(t.kind != QLatin1String("none"));
    const QList<int> source = darkCounts(clip, 568, 320);
    double worst[2] = {1, 1};
    int kept[2] = {0, 0};
    int frames = 0;
    for (const char* mode : {"subject", "centre"}) {
        Draft d = draftOf({{0, 24400}});
        d.m.insert("reframe", mode);
        d.m.insert("width", 180);
        d.m.insert("height", 320);
        const QString out = m_dir.filePath(QStringLiteral("green-%1.mp4").arg(mode));
        const RunResult r = renderDraft(d, {{"m1", in}}, RenderPreset::byName("1080p"), out,
                                        m_dir.path(), {}, nullptr);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QList<int> shown = darkCounts(out, 180, 320);
        const int k = mode[0] == 's' ? 0 : 1;
        frames = 0;
        for (int n = 0; n < std::min(source.size(), shown.size()); ++n) {
            if (source[n] < 2000) // nobody in the frame yet
                continue;
            ++frames;
            const double visible = double(shown[n]) / source[n];
            worst[k] = std::min(worst[k], visible);
            kept[k] += visible >= 0.9;
        }
    }
    qInfo("green-screen clip (%s): the man >= 90%% visible in %d of %d frames following him "
          "(least %.0f%%), %d with the centre crop (least %.0f%%)",
          qPrintable(t.kind), kept[0], frames, worst[0] * 100, kept[1], worst[1] * 100);
    QVERIFY(frames > 100);
    QVERIFY2(kept[0] >= frames * 95 / 100, qPrintable(QString::number(kept[0])));
    QVERIFY(kept[0] >= kept[1]);
}

void TestReframe::badInput()
{
    const QString junk = m_dir.filePath("junk.mp4");
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a video at all");
    f.close();
    const QString cache = m_dir.filePath("subjects/junk.json");
    const SubjectTrack t = cachedSubjects(junk, 1000, cache);
    QVERIFY(!t.ok);
    QVERIFY2(t.error.contains("junk.mp4"), qPrintable(t.error));
    QVERIFY(!QFile::exists(cache));
    // The export says the same and writes nothing.
    RenderInput in{junk, true, false, 1000};
    in.subjectCache = cache;
    const QString out = m_dir.filePath("junk-out.mp4");
    const RunResult r = renderDraft(draftOf({{0, 1000}}), {{"m1", in}},
                                    RenderPreset::byName("1080p"), out, m_dir.path(), {}, nullptr);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains("junk.mp4"), qPrintable(r.error));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestReframe)
#include "tst_reframe.moc"
