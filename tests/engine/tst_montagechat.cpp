// A montage cut to the beat through the chat over the real engine (loopback, the real store,
// planner, beat tracker and renderer). Three visually different 30 fps clips (a panning
// testsrc2 plain, hue-shifted and negated; the first with a loud stretch at 6-8 s) and a
// 128 BPM click track (first click at 80 ms) are uploaded; "cut these clips into a 20-second
// montage synced to the music" must put every clip boundary of the draft on a click (+-40 ms), each
// part a whole number of beats, and take the loud stretch; the export's length must be the draft's,
// and every cut that FFmpeg's scdet finds in the exported picture must be within 40 ms of a click,
// with every cut that jumps in the footage found (the pictures pan and brighten with time, so a
// jump inside a clip shows too). The Chinese phrasing works the same. The engine's lo-fi bed
// works as the music (100 BPM); its calm bed, a song without a beat (white noise) and no song
// at all change nothing and say why. The planner rows check the phrasings (and that music cut
// to the pictures stays declined).
#include "AgentTurn.h"
#include "PhraseCorpus.h"
#include "TestEngine.h"
#include "TestMedia.h"
#include "agent/Planner.h"
#include "media/SceneDetect.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <cmath>

using namespace cw;

namespace {

constexpr double kBeatMs = 60000.0 / 128;
constexpr double kFirstClickMs = 80;
constexpr double kCutThreshold = 5;

// The cuts scdet finds in the picture (the engine's scene pass at a lower threshold: a jump
// of a second in a clip can score 6-7 where a clip change scores 10-40).
QList<engine::SceneCut> cutsIn(const QString& file)
{
    QProcess p;
    p.start("ffmpeg", QStringList{"-hide_banner", "-nostdin"} +
                          engine::scenes::detectArgs(file, kCutThreshold));
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return {};
    return engine::scenes::parseScdetLog(p.readAllStandardError(), kCutThreshold);
}

// Distance of timeline time t from the nearest click, with the song playing from musicIn.
double offBeat(double t, double musicIn)
{
    const double file = t + musicIn - kFirstClickMs;
    return std::fabs(file - std::round(file / kBeatMs) * kBeatMs);
}

} // namespace

class TstMontageChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QStringList m_clips;
    QString m_song;

private Q_SLOTS:
    void initTestCase();
    void planner_data();
    void planner();
    void chat();
    void generatedBed();
    void badInput();
};

void TstMontageChat::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Each picture pans across a wide pattern at 200 px/s and brightens steadily: a jump in a
    // clip's time shows as a cut too. (testsrc's clock shows a new digit at 10 s, which scdet
    // takes for a cut.)
    const QString pan = QStringLiteral("testsrc2=s=2880x240:r=30:d=12,crop=320:240:x='t*200',"
                                       "eq=brightness='t*0.05-0.3':eval=frame");
    const QStringList pictures{pan, pan + ",hue=h=120:s=2", pan + ",negate"};
    const QStringList sounds{"sine=f=300:d=12,volume='if(between(t,6,8),1,0.05)':eval=frame",
                             "sine=f=500:d=12,volume=0.1", "sine=f=700:d=12,volume=0.1"};
    QString error;
    for (int i = 0; i < 3; ++i) {
        m_clips << m_dir.filePath(QStringLiteral("clip%1.mp4").arg(i + 1));
        QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", pictures[i], "-f", "lavfi", "-i", sounds[i],
                                  "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                                  "-c:a", "aac", "-shortest", m_clips.last()},
                                 &error),
                 qPrintable(error));
    }
    m_song = m_dir.filePath(QStringLiteral("clicks.m4a"));
    const QString expr =
        QStringLiteral("0.8*sin(2*PI*1000*t)*gte(t\\,0.08)*exp(-40*mod(t-0.08+%1\\,%1))")
            .arg(kBeatMs / 1000, 0, 'f', 6);
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i",
                              QStringLiteral("aevalsrc='%1':s=44100:d=40").arg(expr), "-c:a", "aac",
                              m_song},
                             &error),
             qPrintable(error));
}

void TstMontageChat::planner_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("want");
    QTest::newRow("60 s montage") << "cut these clips into a 60-second montage synced to the music"
                                  << "montage target_ms=60000";
    QTest::newRow("to the beat") << "make a montage to the beat"
                                 << "montage";
    QTest::newRow("sync cuts") << "sync the cuts to the music"
                               << "montage";
    QTest::newRow("edit to the beat") << "edit to the beat"
                                      << "montage";
    QTest::newRow("song named") << "make a 30 second montage to song.mp3"
                                << "montage file=song.mp3 target_ms=30000";
    QTest::newRow("卡点") << "卡点"
                          << "montage";
    QTest::newRow("按音乐节奏剪辑") << "按音乐节奏剪辑"
                                    << "montage";
    QTest::newRow("做一个卡点视频") << "做一个卡点视频"
                                    << "montage";
    QTest::newRow("30秒卡点") << "把这些片段剪成30秒的卡点视频"
                              << "montage target_ms=30000";
    QTest::newRow("beat drop") << "sync the beat drop to the cut"
                               << "";
    QTest::newRow("音乐卡画面") << "音乐节奏卡在画面切换点上"
                                << "";
    QTest::newRow("negated") << "don't make a montage"
                             << "";
    QTest::newRow("sync with") << "sync the cuts with the beat"
                               << "montage";
    QTest::newRow("song length") << "cut it to the song length"
                                 << "-";
    QTest::newRow("edit with music") << "edit with music and a title 'Hi'"
                                     << "add_music | add_text style=title text=Hi";
    // With other cuts in the message the montage is declined, the rest done.
    QTest::newRow("with pauses") << "cut the silences and make a montage to the beat"
                                 << "cut_pauses";
}

void TstMontageChat::planner()
{
    QFETCH(QString, text);
    QFETCH(QString, want);
    const engine::Plan plan = engine::planInstruction(text);
    const QStringList got = test::describeOperations(plan);
    // "-": whatever else is planned, no montage.
    if (want == QLatin1String("-"))
        QVERIFY2(!got.join(' ').contains("montage"), qPrintable(got.join(" | ")));
    else
        QCOMPARE(got.join(" | "), want);
    const bool declined =
        std::any_of(plan.declined.cbegin(), plan.declined.cend(), [](const engine::Declined& d) {
            return d.id == QLatin1String("montage_with_cuts");
        });
    QCOMPARE(declined, want == QLatin1String("cut_pauses"));
}

void TstMontageChat::chat()
{
    QString error;
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QCOMPARE(c.uploadFiles(sid, m_clips + QStringList{m_song}).code(), 0);
    const test::State before = test::stateOf(c, sid);
    test::Turn t = test::runTurn(c, sid,
                                 "cut these clips into a 20-second montage synced to the "
                                 "music");
    QCOMPARE(t.calls, QStringList{"montage"});
    qInfo("%s", qPrintable(t.text));
    QVERIFY2(t.text.contains("128 BPM") && t.text.contains("montage") &&
                 t.text.contains("loudest") && t.text.contains("muted"),
             qPrintable(t.text));
    test::State s = test::stateOf(c, sid);
    QCOMPARE(s.version, before.version + 1);
    const Track& v = s.draft.t[0];
    const Track& music = s.draft.t.last();
    QCOMPARE(music.sg.size(), 1);
    QVERIFY(music.sg[0].src != v.sg[0].src);
    const double musicIn = double(music.sg[0].in);
    QVERIFY2(offBeat(0, musicIn) <= 40, "the montage starts on a beat");
    QStringList clipOrder;
    bool loudTaken = false;
    for (const Segment& g : v.sg) {
        QVERIFY2(offBeat(double(g.end()), musicIn) <= 40,
                 qPrintable(QString("cut at %1 ms").arg(g.end())));
        // Whole beats, give or take the frame the cuts are moved to.
        const double beats = double(g.d) / kBeatMs;
        QVERIFY2(std::fabs(beats - std::round(beats)) * kBeatMs <= 40 && beats > 1.9 && beats < 8.1,
                 qPrintable(QString("a part of %1 beats").arg(beats)));
        const QString name = g.m.value("name").toString();
        if (clipOrder.isEmpty() || clipOrder.last() != name)
            clipOrder << name;
        loudTaken = loudTaken ||
                    (name == "clip1.mp4" &&
                     std::min<qint64>(g.in + g.d, 8000) - std::max<qint64>(g.in, 6000) >= 1000);
    }
    QCOMPARE(clipOrder, (QStringList{"clip1.mp4", "clip2.mp4", "clip3.mp4"}));
    QVERIFY(loudTaken);
    QVERIFY2(s.durationMs <= 20000 && s.durationMs > 20000 - kBeatMs,
             qPrintable(QString::number(s.durationMs)));

    // The export: its length and the cuts in its picture.
    const QString file = test::exportSession(c, sid, m_dir.path());
    QVERIFY(!file.isEmpty());
    const double exportedMs =
        test::probe(file).value("format").toObject().value("duration").toString().toDouble() * 1000;
    QVERIFY2(std::fabs(exportedMs - double(s.durationMs)) <= 100,
             qPrintable(QString("export %1 ms, draft %2 ms").arg(exportedMs).arg(s.durationMs)));
    const QList<engine::SceneCut> found = cutsIn(file);
    QVERIFY(!found.isEmpty());
    double worst = 0;
    for (const engine::SceneCut& k : found)
        worst = std::max(worst, offBeat(double(k.ms), musicIn));
    qInfo("%d parts, %d cuts found in the export, the worst %.1f ms from a click", int(v.sg.size()),
          int(found.size()), worst);
    QVERIFY2(worst <= 40, qPrintable(QString::number(worst)));
    // Every cut that jumps (to another clip, or on in a clip by half a second or more) is seen.
    int jumps = 0;
    for (int i = 1; i < v.sg.size(); ++i) {
        const qint64 skipped = v.sg[i].in - (v.sg[i - 1].in + v.sg[i - 1].d);
        if (v.sg[i].src == v.sg[i - 1].src && skipped < 500)
            continue;
        ++jumps;
        bool seen = false;
        for (const engine::SceneCut& k : found)
            seen = seen || std::abs(k.ms - v.sg[i].st) <= 40;
        QVERIFY2(seen, qPrintable(QString("the cut at %1 ms").arg(v.sg[i].st)));
    }
    QVERIFY(jumps >= 3);

    // Chinese, after an undo; the beats are read back from the store.
    t = test::runTurn(c, sid, "undo");
    QElapsedTimer timer;
    timer.start();
    t = test::runTurn(c, sid, "做一个卡点视频");
    QCOMPARE(t.calls, QStringList{"montage"});
    QVERIFY2(t.text.contains("卡点视频") && t.text.contains("128 BPM"), qPrintable(t.text));
    QVERIFY2(timer.elapsed() < 5000, "the cached beats are used");
}

// The engine's own lo-fi bed (100 BPM) as the music; the calm bed has no beat and says which
// bed to ask for instead.
void TstMontageChat::generatedBed()
{
    QString error;
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QCOMPARE(c.uploadFiles(sid, m_clips).code(), 0);
    test::Turn t = test::runTurn(c, sid, "add calm background music");
    QCOMPARE(t.calls, QStringList{"add_music"});
    int version = test::stateOf(c, sid).version;
    t = test::runTurn(c, sid, "edit to the beat");
    QVERIFY2(t.text.contains("no steady beat") && t.text.contains("lo-fi"), qPrintable(t.text));
    QCOMPARE(test::stateOf(c, sid).version, version);
    t = test::runTurn(c, sid, "add lo-fi background music");
    t = test::runTurn(c, sid, "make a 15-second montage to the beat");
    QCOMPARE(t.calls, QStringList{"montage"});
    QVERIFY2(t.text.contains("100 BPM"), qPrintable(t.text));
    const test::State s = test::stateOf(c, sid);
    const Segment& music = s.draft.t.last().sg.first();
    for (const Segment& g : s.draft.t[0].sg) {
        const double at = double(g.end() + music.in);
        QVERIFY2(std::fabs(at - std::round(at / 600) * 600) <= 40,
                 qPrintable(QString("cut at %1 ms").arg(g.end())));
    }
    QVERIFY(s.durationMs <= 15000 && s.durationMs > 15000 - 600);
}

void TstMontageChat::badInput()
{
    QString error;
    const QString noise = m_dir.filePath("noise.m4a");
    QVERIFY2(
        test::runFfmpeg({"-f", "lavfi", "-i", "anoisesrc=d=20:c=white:a=0.3", "-c:a", "aac", noise},
                        &error),
        qPrintable(error));
    test::TestEngine engine;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    struct Case {
        QStringList files;
        const char* says;
    };
    for (const Case& k : {Case{m_clips.mid(0, 2) + QStringList{noise}, "no steady beat"},
                          Case{m_clips.mid(0, 2), "there is none here"}}) {
        const QString sid = c.createSession();
        QCOMPARE(c.uploadFiles(sid, k.files).code(), 0);
        const int version = test::stateOf(c, sid).version;
        const test::Turn t = test::runTurn(c, sid, "make a montage to the beat");
        QVERIFY2(t.text.contains(k.says) && t.text.contains("othing was changed"),
                 qPrintable(t.text));
        QCOMPARE(test::stateOf(c, sid).version, version);
    }
}

QTEST_GUILESS_MAIN(TstMontageChat)
#include "tst_montagechat.moc"
