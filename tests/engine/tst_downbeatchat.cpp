// Transitions on the downbeats of a montage, through the chat over the real engine (loopback,
// the real store, planner, beat tracker and renderer). Eight solid-colour 30 fps clips whose
// lengths hold 4, 4, 3, 5, 4, 2, 2 and 4 beats at 120 BPM (so the montage's cuts fall on
// downbeats and off them) and a 120 BPM click track whose second click of every four is three
// times louder (the bars start on it, at 580 ms + 2 s k) are uploaded. "make a montage to the
// beat" then "add transitions on the downbeats": the cuts that are on an accented click (the
// truth, not the engine's beats) get a fade and no other does; no part moves and the length
// stays. In the export (decoded to mean Y, U, V per frame) every cut on a downbeat is a blend
// that starts within 40 ms of its click, every other cut is a hard cut within 40 ms of its
// click, and the length is the draft's. The same montage asked in one message, in English and
// in Chinese (卡点视频，加转场), gets the same transitions; a timeline not cut to a song is
// refused and unchanged. The planner rows check the phrasings.
#include "AgentTurn.h"
#include "PhraseCorpus.h"
#include "TestEngine.h"
#include "TestMedia.h"
#include "agent/Planner.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <cmath>

using namespace cw;

namespace {

constexpr double kBeatMs = 500;
constexpr double kFirstClickMs = 80;
constexpr double kFirstDownbeatMs = 580; // the accented second click
constexpr int kFps = 30;

using Yuv = std::array<double, 3>;

// Distance of song time `file` from the nearest click, or from the nearest accented one.
double offClick(double file)
{
    const double x = file - kFirstClickMs;
    return std::fabs(x - std::round(x / kBeatMs) * kBeatMs);
}
double offDownbeat(double file)
{
    const double x = file - kFirstDownbeatMs;
    return std::fabs(x - std::round(x / (4 * kBeatMs)) * 4 * kBeatMs);
}

// The mean colour (Y, U, V: the blend is made in YUV, where it is a straight line; in RGB
// the clipping of saturated colours bends it) of every frame of the file's picture.
QList<Yuv> frameColours(const QString& file)
{
    QProcess p;
    p.start("ffmpeg", {"-hide_banner", "-nostdin", "-loglevel", "error", "-i", file, "-vf",
                       "scale=8:8", "-pix_fmt", "yuv444p", "-f", "rawvideo", "-"});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return {};
    const QByteArray raw = p.readAllStandardOutput();
    QList<Yuv> out;
    for (qsizetype at = 0; at + 192 <= raw.size(); at += 192) {
        Yuv c{0, 0, 0};
        for (int k = 0; k < 3; ++k)
            for (int i = 0; i < 64; ++i)
                c[k] += double(quint8(raw[at + k * 64 + i])) / 64;
        out << c;
    }
    return out;
}

// How far frame colour c is from a to b (0 = a, 1 = b).
double along(const Yuv& c, const Yuv& a, const Yuv& b)
{
    double num = 0, den = 0;
    for (int k = 0; k < 3; ++k) {
        num += (c[k] - a[k]) * (b[k] - a[k]);
        den += (b[k] - a[k]) * (b[k] - a[k]);
    }
    return den > 0 ? num / den : 0;
}

int transitionsIn(const Draft& d)
{
    int n = 0;
    for (const Segment& s : d.t[0].sg)
        n += s.m.contains("tr") ? 1 : 0;
    return n;
}

} // namespace

class TstDownbeatChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QStringList m_clips;
    QString m_song;

private Q_SLOTS:
    void initTestCase();
    void planner_data();
    void planner();
    void chat();
    void notAMontage();
};

void TstDownbeatChat::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Lengths that hold 4, 4, 3, 5, 4, 2, 2, 4 beats (a clip holds floor((L - 50) / 501)).
    const QList<double> seconds{2.2, 2.2, 1.7, 2.7, 2.2, 1.2, 1.2, 2.2};
    const QStringList colours{"red", "lime", "blue", "yellow", "magenta", "cyan", "white", "black"};
    QString error;
    for (int i = 0; i < seconds.size(); ++i) {
        m_clips << m_dir.filePath(QStringLiteral("shot%1.mp4").arg(i + 1));
        QVERIFY2(
            test::runFfmpeg(
                {"-f", "lavfi", "-i",
                 QStringLiteral("color=c=%1:s=160x120:r=30:d=%2").arg(colours[i]).arg(seconds[i]),
                 "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", m_clips.last()},
                &error),
            qPrintable(error));
    }
    m_song = m_dir.filePath(QStringLiteral("bars.m4a"));
    const QString expr =
        QStringLiteral("(0.27+0.53*eq(mod(floor((t-0.08)/0.5+0.001)\\,4)\\,1))*sin(2*PI*1000*t)*"
                       "gte(t\\,0.08)*exp(-40*mod(t-0.08+0.5\\,0.5))");
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i",
                              QStringLiteral("aevalsrc='%1':s=44100:d=40").arg(expr), "-c:a", "aac",
                              m_song},
                             &error),
             qPrintable(error));
}

void TstDownbeatChat::planner_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("want");
    QTest::newRow("with transitions") << "make a montage to the beat with transitions"
                                      << "montage transitions=fade";
    QTest::newRow("crossfade on the downbeats")
        << "cut these clips into a 30-second montage synced to the music with crossfades on the "
           "downbeats"
        << "montage target_ms=30000 transitions=fade";
    QTest::newRow("wipes") << "make a montage to the beat with wipe transitions"
                           << "montage transitions=wipe";
    QTest::newRow("卡点视频，加转场") << "卡点视频，加转场"
                                      << "montage transitions=fade";
    QTest::newRow("卡点视频加转场") << "做个卡点视频加转场"
                                    << "montage transitions=fade";
    QTest::newRow("dissolves") << "beat-synced montage with dissolves on the downbeats"
                               << "montage transitions=dissolve";
    QTest::newRow("follow-up wipe") << "add wipe transitions on the downbeats"
                                    << "add_transitions at=downbeats type=wipe";
    QTest::newRow("remove stays") << "remove the transitions"
                                  << "add_transitions type=none";
    QTest::newRow("重拍加转场") << "做一个卡点视频，重拍上加转场"
                                << "montage transitions=fade";
    QTest::newRow("no transitions") << "make a montage to the beat, no transitions"
                                    << "montage";
    QTest::newRow("follow-up") << "add transitions on the downbeats"
                               << "add_transitions at=downbeats";
    QTest::newRow("follow-up crossfade") << "crossfade on the downbeats"
                                         << "add_transitions at=downbeats type=fade";
    QTest::newRow("follow-up 重拍") << "在重拍上加转场"
                                    << "add_transitions at=downbeats";
    QTest::newRow("plain transitions") << "add transitions"
                                       << "add_transitions";
    QTest::newRow("plain crossfade") << "add a 1 second crossfade between the clips"
                                     << "add_transitions duration_ms=1000 type=fade";
}

void TstDownbeatChat::planner()
{
    QFETCH(QString, text);
    QFETCH(QString, want);
    const engine::Plan plan = engine::planInstruction(text);
    const QStringList got = test::describeOperations(plan);
    QCOMPARE(got.join(" | "), want);
}

void TstDownbeatChat::chat()
{
    QString error;
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QCOMPARE(c.uploadFiles(sid, m_clips + QStringList{m_song}).code(), 0);

    test::Turn t = test::runTurn(c, sid, "make a montage to the beat");
    QCOMPARE(t.calls, QStringList{"montage"});
    const test::State plain = test::stateOf(c, sid);
    QCOMPARE(transitionsIn(plain.draft), 0);
    t = test::runTurn(c, sid, "add transitions on the downbeats");
    QCOMPARE(t.calls, QStringList{"add_transitions"});
    qInfo("%s", qPrintable(t.text));
    const test::State s = test::stateOf(c, sid);
    QCOMPARE(s.version, plain.version + 1);
    QCOMPARE(s.durationMs, plain.durationMs); // the montage keeps its length
    const Track& v = s.draft.t[0];
    QCOMPARE(v.sg.size(), plain.draft.t[0].sg.size());
    const Segment& music = s.draft.t.last().sg.first();
    const double in = double(music.in - music.st);
    QVERIFY2(offDownbeat(in) <= 40, "the montage starts on a downbeat");
    int onDown = 0;
    for (int i = 0; i < v.sg.size(); ++i) {
        QCOMPARE(v.sg[i].st, plain.draft.t[0].sg[i].st); // no part moved
        QCOMPARE(v.sg[i].d, plain.draft.t[0].sg[i].d);
        const double file = double(v.sg[i].st) + in;
        QVERIFY2(offClick(file) <= 40, qPrintable(QString("cut at %1 ms").arg(v.sg[i].st)));
        const bool down = i > 0 && offDownbeat(file) <= 40;
        QVERIFY2(v.sg[i].m.contains("tr") == down,
                 qPrintable(QString("the cut at %1 ms (%2 a downbeat)")
                                .arg(v.sg[i].st)
                                .arg(down ? "on" : "not on")));
        onDown += down ? 1 : 0;
    }
    const int cuts = int(v.sg.size()) - 1;
    QVERIFY2(onDown >= 3 && onDown < cuts, qPrintable(QString("%1 of %2").arg(onDown).arg(cuts)));
    QVERIFY2(t.text.contains(QStringLiteral("%1 of the %2 cuts").arg(onDown).arg(cuts)) &&
                 t.text.contains("crossfade") && t.text.contains("hard cuts") &&
                 t.text.contains("120 BPM"),
             qPrintable(t.text));

    // The export: a blend at each downbeat cut starting on its click, a hard cut elsewhere.
    const QString file = test::exportSession(c, sid, m_dir.path());
    QVERIFY(!file.isEmpty());
    const double exportedMs =
        test::probe(file).value("format").toObject().value("duration").toString().toDouble() * 1000;
    QVERIFY2(std::fabs(exportedMs - double(s.durationMs)) <= 100,
             qPrintable(QString("export %1 ms, draft %2 ms").arg(exportedMs).arg(s.durationMs)));
    const QList<Yuv> frames = frameColours(file);
    QVERIFY(std::fabs(double(frames.size()) - double(s.durationMs) * kFps / 1000) <= 3);
    auto frameAt = [&](double ms) {
        return frames.value(
            std::clamp(int(std::floor(ms * kFps / 1000 + 0.5)), 0, int(frames.size()) - 1));
    };
    int blends = 0;
    double worst = 0;
    for (int i = 1; i < v.sg.size(); ++i) {
        const double cut = double(v.sg[i].st);
        const Yuv a = frameAt(cut - 150);
        const Yuv b = frameAt(cut + 350);
        const int from = int(std::floor((cut - 150) * kFps / 1000));
        const int to = int(std::ceil((cut + 350) * kFps / 1000));
        int mixed = 0;
        int firstB = -1; // the first frame nearer b than a
        // The blended frames' line x(t): where it leaves 0 is where the transition starts (the
        // frame at the cut shows 0 or 1/7 of b, as xfade's frames fall).
        double n = 0, st = 0, sx = 0, stt = 0, stx = 0;
        for (int k = from; k <= to && k < frames.size(); ++k) {
            const double x = along(frames[k], a, b);
            const double ms = k * 1000.0 / kFps;
            mixed += x > 0.15 && x < 0.85 ? 1 : 0;
            if (firstB < 0 && x >= 0.5)
                firstB = k;
            if (x > 0.05 && x < 0.95) {
                n += 1;
                st += ms;
                sx += x;
                stt += ms * ms;
                stx += ms * x;
            }
            if (qEnvironmentVariableIsSet("DOWNBEAT_TRACE"))
                qInfo("  frame %d (%.1f ms): %.2f", k, ms, x);
        }
        QVERIFY2(firstB > 0, qPrintable(QString::number(cut)));
        const bool tr = v.sg[i].m.contains("tr");
        double measured = firstB * 1000.0 / kFps; // a hard cut: its first new frame
        if (tr) {
            QVERIFY2(n >= 3, qPrintable(QString("the cut at %1 ms").arg(cut)));
            const double slope = (n * stx - st * sx) / (n * stt - st * st);
            measured = (st - sx / slope) / n; // x = 0 on the line
            const double d = double(v.sg[i].m.value("tr").toObject().value("d").toInteger());
            qInfo("  the blend: %.5f of the way a ms x %.0f ms = %.2f", slope, d, slope * d);
            QVERIFY2(std::fabs(slope * d - 1) <= 0.25, "the blend takes the transition's length");
        }
        const double off = offClick(measured + in);
        worst = std::max(worst, off);
        qInfo("cut at %.0f ms: %s, %d blended frames, measured at %.1f ms, %.1f ms from a click",
              cut, tr ? "transition" : "hard cut", mixed, measured, off);
        QVERIFY2(off <= 40, qPrintable(QString("the cut at %1 ms").arg(cut)));
        if (tr) {
            QVERIFY2(mixed >= 3, qPrintable(QString("the cut at %1 ms").arg(cut)));
            QVERIFY2(offDownbeat(measured + in) <= 40, qPrintable(QString::number(cut)));
            // The blend starts at the cut itself, not a frame early (render/RenderFilters.cpp
            // rebuilds the held outgoing picture's times).
            QVERIFY2(std::fabs(measured - cut) <= 500.0 / kFps, qPrintable(QString::number(cut)));
            ++blends;
        } else {
            QVERIFY2(mixed == 0, qPrintable(QString("the cut at %1 ms").arg(cut)));
        }
    }
    QCOMPARE(blends, onDown);
    qInfo("%d cuts, %d blends on the downbeats, every cut at most %.1f ms from its click", cuts,
          blends, worst);

    // In one message, English then Chinese (after undoing back to the uploads).
    for (int k = 0; k < 2; ++k)
        test::runTurn(c, sid, "undo");
    t = test::runTurn(c, sid, "make a montage to the beat with crossfades on the downbeats");
    QCOMPARE(t.calls, QStringList{"montage"});
    qInfo("%s", qPrintable(t.text));
    QVERIFY2(t.text.contains("downbeat") && t.text.contains("crossfade"), qPrintable(t.text));
    test::State one = test::stateOf(c, sid);
    QCOMPARE(one.durationMs, plain.durationMs);
    QCOMPARE(transitionsIn(one.draft), onDown);
    test::runTurn(c, sid, "undo");
    t = test::runTurn(c, sid, "卡点视频，加转场");
    QCOMPARE(t.calls, QStringList{"montage"});
    qInfo("%s", qPrintable(t.text));
    QVERIFY2(t.text.contains("重拍") && t.text.contains("硬切"), qPrintable(t.text));
    one = test::stateOf(c, sid);
    QCOMPARE(transitionsIn(one.draft), onDown);
}

// Clips cut by hand, no montage: there are no downbeats to put transitions on.
void TstDownbeatChat::notAMontage()
{
    QString error;
    test::TestEngine engine;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QCOMPARE(c.uploadFiles(sid, m_clips.mid(0, 3)).code(), 0);
    const int version = test::stateOf(c, sid).version;
    for (const char* text : {"add transitions on the downbeats", "在重拍上加转场"}) {
        const test::Turn t = test::runTurn(c, sid, text);
        qInfo("%s", qPrintable(t.text));
        QVERIFY2(t.text.contains("othing was changed") || t.text.contains("没有修改"),
                 qPrintable(t.text));
        QVERIFY2(t.text.contains("beat") || t.text.contains("节拍"), qPrintable(t.text));
        QCOMPARE(test::stateOf(c, sid).version, version);
    }
}

QTEST_GUILESS_MAIN(TstDownbeatChat)
#include "tst_downbeatchat.moc"
