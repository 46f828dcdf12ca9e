// "Add B-roll every 10 seconds" on scene boundaries. The pure placement (edit/BrollTimes.h) from a
// table: plain times without cuts, a cut within min(every/3, 3 s) taken and one past it not, the
// nearer of two, cuts at the very end ignored, a cutaway shortened so it never runs into the
// next. Then the chat over the real engine, the analysis left to first use: on the 46-second
// clip of tst_uploadanalysis (cuts at 8.84, 15.2, 21.16, 28.6, 40.52 s) the turn shows the scene
// pass's progress and the four cutaways start within one frame of the cuts near 10, 20, 30 and
// 40 s (not the one at 15.2 s), and the reply says so (in Chinese too). A clip with no cuts keeps
// the plain times and claims nothing.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "UploadShots.h"
#include "edit/BrollTimes.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

Q_DECLARE_METATYPE(QList<qint64>)
Q_DECLARE_METATYPE(QList<BrollTime>)

namespace {

test::HttpReply upload(test::EngineClient& c, const QString& sid, const QString& file,
                       const char* name)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? c.upload(sid, {{f.readAll(), name}}) : test::HttpReply{};
}

// The segments of the video tracks after the main one (the cutaways).
QList<Segment> cutaways(const Draft& d)
{
    QList<Segment> out;
    bool main = true;
    for (const Track& t : d.t) {
        if (t.tt != 0)
            continue;
        if (!main)
            out << t.sg;
        main = false;
    }
    return out;
}

} // namespace

class TstBrollScenes : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void times_data();
    void times();
    void chat();
};

void TstBrollScenes::times_data()
{
    QTest::addColumn<qint64>("every");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<QList<qint64>>("cuts");
    QTest::addColumn<QList<BrollTime>>("want");
    const auto plain = [](qint64 at, qint64 d) { return BrollTime{at, d, false}; };
    const auto cut = [](qint64 at, qint64 d) { return BrollTime{at, d, true}; };
    QTest::newRow("no cuts: every interval, 3 s each")
        << qint64(10000) << qint64(35000) << QList<qint64>{}
        << QList<BrollTime>{plain(10000, 3000), plain(20000, 3000), plain(30000, 3000)};
    QTest::newRow("cuts within 3 s taken, one past it not")
        << qint64(10000) << qint64(35000) << QList<qint64>{11500, 16500, 21000}
        << QList<BrollTime>{cut(11500, 3000), cut(21000, 3000), plain(30000, 3000)};
    QTest::newRow("reach is a third of a short interval")
        << qint64(6000) << qint64(14000) << QList<qint64>{7900, 14100, 9900}
        << QList<BrollTime>{cut(7900, 3000), plain(12000, 2000)};
    QTest::newRow("the nearer of two cuts, unsorted")
        << qint64(10000) << qint64(15000) << QList<qint64>{10500, 8000}
        << QList<BrollTime>{cut(10500, 3000)};
    QTest::newRow("a cut on the mark") << qint64(10000) << qint64(12000) << QList<qint64>{10000}
                                       << QList<BrollTime>{cut(10000, 2000)};
    QTest::newRow("a cut in the last 200 ms is not a start")
        << qint64(10000) << qint64(20500) << QList<qint64>{20400}
        << QList<BrollTime>{plain(10000, 3000), plain(20000, 500)};
    QTest::newRow("snapped towards each other: the first is cut short")
        << qint64(2000) << qint64(5000) << QList<qint64>{2600, 3500}
        << QList<BrollTime>{cut(2600, 900), cut(3500, 1000)};
    QTest::newRow("shorter than one interval")
        << qint64(10000) << qint64(9000) << QList<qint64>{5000} << QList<BrollTime>{};
    QTest::newRow("no interval") << qint64(0) << qint64(9000) << QList<qint64>{}
                                 << QList<BrollTime>{};
}

void TstBrollScenes::times()
{
    QFETCH(qint64, every);
    QFETCH(qint64, end);
    QFETCH(QList<qint64>, cuts);
    QFETCH(QList<BrollTime>, want);
    const QList<BrollTime> got = brollTimes(every, end, cuts);
    QStringList shown;
    for (const BrollTime& t : got)
        shown << QStringLiteral("%1+%2%3").arg(t.atMs).arg(t.durationMs).arg(t.onCut ? "*" : "");
    QVERIFY2(got == want, qPrintable(shown.join(QStringLiteral(" "))));
}

void TstBrollScenes::chat()
{
    QVERIFY(m_dir.isValid());
    const QString shots = m_dir.filePath(QStringLiteral("shots.mp4"));
    const QString beach = m_dir.filePath(QStringLiteral("beach.mp4"));
    const QString plain = m_dir.filePath(QStringLiteral("plain.mp4"));
    QString error;
    QVERIFY2(test::upload::makeShots(shots, &error), qPrintable(error));
    for (const auto& [file, seconds] : {std::pair{beach, 3}, std::pair{plain, 22}})
        QVERIFY2(
            test::runFfmpeg({"-f", "lavfi", "-i",
                             QStringLiteral("testsrc2=s=320x180:r=25:d=%1").arg(seconds), "-c:v",
                             "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", file},
                            &error),
            qPrintable(error));
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_ANALYSE_AT_UPLOAD", "0"); // found in the turn, with progress
    engine.setEnv("CLIPWRIGHT_PROXIES", "0");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());

    // The main clip (46 s) then the B-roll (3 s, appended: the timeline ends at 49 s).
    QString sid = c.createSession();
    QCOMPARE(upload(c, sid, shots, "shots.mp4").code(), 0);
    QCOMPARE(upload(c, sid, beach, "beach.mp4").code(), 0);
    QList<AgentEvent> events;
    c.runSse(sid, QStringLiteral("add B-roll every 10 seconds"), &events);
    QStringList progress;
    QString reply;
    for (const AgentEvent& e : events) {
        if (e.kind == AgentEvent::Kind::Progress)
            progress << e.text;
        else if (e.kind == AgentEvent::Kind::Text && !e.partial)
            reply = e.text;
    }
    QVERIFY2(progress.contains(QStringLiteral("Finding the scene changes in shots.mp4")),
             qPrintable(progress.join(" | ")));
    QVERIFY2(reply.contains("Added 4 B-roll cutaways from beach.mp4") &&
                 reply.contains("They start on scene changes."),
             qPrintable(reply));
    const QList<Segment> placed = cutaways(test::stateOf(c, sid).draft);
    const QList<qint64> cuts = test::upload::expectedCuts();
    const QList<qint64> want{cuts[0], cuts[2], cuts[3], cuts[4]}; // 15.2 s is near no mark
    QCOMPARE(placed.size(), want.size());
    for (int i = 0; i < want.size(); ++i) {
        QVERIFY2(std::abs(placed[i].st - want[i]) <= 1000 / test::upload::kFps,
                 qPrintable(QStringLiteral("cutaway %1 starts at %2, the cut is at %3")
                                .arg(i + 1)
                                .arg(placed[i].st)
                                .arg(want[i])));
        QVERIFY(placed[i].d > 0 && placed[i].d <= 3000);
    }
    // The same in Chinese, with the cuts read back from the cache.
    test::runTurn(c, sid, "undo");
    const test::Turn zh = test::runTurn(c, sid, QString::fromUtf8("每隔10秒插入空镜"));
    QVERIFY2(zh.text.contains(QString::fromUtf8("空镜都从场景切换处开始")), qPrintable(zh.text));
    QCOMPARE(cutaways(test::stateOf(c, sid).draft).size(), want.size());

    // One shot, no cuts: the plain times, and no claim about scene changes.
    sid = c.createSession();
    QCOMPARE(upload(c, sid, plain, "plain.mp4").code(), 0);
    QCOMPARE(upload(c, sid, beach, "beach.mp4").code(), 0);
    const test::Turn t = test::runTurn(c, sid, "add B-roll every 10 seconds");
    QVERIFY2(t.text.contains("Added 2 B-roll cutaways") && !t.text.contains("scene"),
             qPrintable(t.text));
    const QList<Segment> still = cutaways(test::stateOf(c, sid).draft);
    QCOMPARE(still.size(), 2);
    QCOMPARE(still[0].st, qint64(10000));
    QCOMPARE(still[1].st, qint64(20000));
}

QTEST_GUILESS_MAIN(TstBrollScenes)
#include "tst_brollscenes.moc"
