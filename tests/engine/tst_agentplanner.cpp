// The instruction planner from a table: English and Chinese phrasings of each operation,
// numbers (durations, levels), negations, ordering of several operations, and requests the
// engine cannot do (which must plan nothing).
#include "agent/Planner.h"

#include <QtTest>

using namespace cw::engine;

class TstAgentPlanner : public QObject {
    Q_OBJECT

private slots:
    void plans_data();
    void plans();
    void chineseDetection_data();
    void chineseDetection();
};

void TstAgentPlanner::plans_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("ops");        // comma-joined operation names
    QTest::addColumn<int>("minPauseMs");     // -1: absent
    QTest::addColumn<double>("thresholdDb"); // 0: absent

    auto row = [](const char* tag, const QString& msg, const char* ops, int ms = -1,
                  double db = 0) {
        QTest::newRow(tag) << msg << QString::fromLatin1(ops) << ms << db;
    };
    row("cut the pauses", QStringLiteral("cut the pauses"), "cut_pauses");
    row("capitalised", QStringLiteral("Cut The Pauses!"), "cut_pauses");
    row("remove silences", QStringLiteral("remove silences"), "cut_pauses");
    row("remove the pauses", QStringLiteral("please remove the pauses"), "cut_pauses");
    row("cut out", QStringLiteral("cut out the pauses"), "cut_pauses");
    row("get rid of", QStringLiteral("get rid of the dead air"), "cut_pauses");
    row("tighten", QStringLiteral("tighten it up"), "cut_pauses");
    row("jump cut", QStringLiteral("make a jump cut edit"), "cut_pauses");
    row("jump-cuts", QStringLiteral("jump-cuts please"), "cut_pauses");
    row("longer than 1 second", QStringLiteral("cut the pauses longer than 1 second"), "cut_pauses",
        1000);
    row("1.5s", QStringLiteral("remove 1.5s pauses"), "cut_pauses", 1500);
    row("800 ms", QStringLiteral("remove silences over 800 ms"), "cut_pauses", 800);
    row("one second words", QStringLiteral("cut pauses longer than one second"), "cut_pauses",
        1000);
    row("half a second", QStringLiteral("trim gaps of half a second or more"), "cut_pauses", 500);
    row("below -40 dB", QStringLiteral("remove silences below -40 dB"), "cut_pauses", -1, -40.0);
    row("both numbers", QStringLiteral("cut pauses longer than 2 seconds below 35dB"), "cut_pauses",
        2000, -35.0);
    row("clamped duration", QStringLiteral("cut pauses over 0.01s"), "cut_pauses", 100);
    row("zh 剪掉停顿", QStringLiteral("剪掉停顿"), "cut_pauses");
    row("zh 去掉停顿", QStringLiteral("去掉停顿"), "cut_pauses");
    row("zh 删除静音", QStringLiteral("删除静音"), "cut_pauses");
    row("zh 超过1秒", QStringLiteral("剪掉超过1秒的停顿"), "cut_pauses", 1000);
    row("zh 1.5秒", QStringLiteral("请把1.5秒以上的静音删掉"), "cut_pauses", 1500);
    row("zh 两秒", QStringLiteral("删除两秒以上的停顿"), "cut_pauses", 2000);
    row("zh 分贝", QStringLiteral("删除低于-40分贝的静音"), "cut_pauses", -1, -40.0);
    row("zh object first", QStringLiteral("停顿都删掉"), "cut_pauses");
    row("undo", QStringLiteral("undo"), "undo");
    row("undo that", QStringLiteral("Undo that, please"), "undo");
    row("revert", QStringLiteral("revert the last change"), "undo");
    row("zh 撤销", QStringLiteral("撤销"), "undo");
    row("redo", QStringLiteral("redo"), "redo");
    row("zh 重做", QStringLiteral("重做"), "redo");
    row("undo then redo", QStringLiteral("undo and then redo"), "undo,redo");
    row("cut then undo", QStringLiteral("remove the pauses, no wait, undo"), "cut_pauses,undo");
    row("what's on", QStringLiteral("what's on the timeline?"), "summary");
    row("typographic apostrophe", QStringLiteral("What\u2019s on the timeline"), "summary");
    row("show tracks", QStringLiteral("show tracks"), "summary");
    row("zh 状态", QStringLiteral("状态"), "summary");
    row("summary yields to edit", QStringLiteral("cut the pauses and show the timeline"),
        "cut_pauses");
    row("unknown purple", QStringLiteral("make it purple"), "");
    row("unknown music", QStringLiteral("add background music"), "");
    row("add a pause is not a cut", QStringLiteral("add a pause after the intro"), "");
    row("as is not a duration", QStringLiteral("make it as good as possible"), "");
    row("negated cut", QStringLiteral("don't cut the pauses"), "");
    row("zh negated", QStringLiteral("不要删除静音"), "");
    row("zh unknown", QStringLiteral("把视频变成紫色"), "");
    row("empty", QString(), "");
    row("whitespace", QStringLiteral("   \n\t "), "");
    row("hostile", QStringLiteral("'; DROP TABLE drafts; -- <script>"), "");
    row("very long", QStringLiteral("undo ") + QStringLiteral("blah ").repeated(20000), "undo");
    row("only the start is read", QStringLiteral("blah ").repeated(20000) + QStringLiteral("undo"),
        "");
    row("many verbs", QStringLiteral("cut remove delete ").repeated(20000), "");
    row("verb far from object",
        QStringLiteral("cut the intro and then later on maybe think about the music and the "
                       "colours and the titles and then the pauses"),
        "");
}

void TstAgentPlanner::plans()
{
    QFETCH(QString, message);
    QFETCH(QString, ops);
    QFETCH(int, minPauseMs);
    QFETCH(double, thresholdDb);

    const Plan plan = planInstruction(message);
    QStringList names;
    for (const Operation& op : plan.operations)
        names << op.name;
    QCOMPARE(names.join(QLatin1Char(',')), ops);
    for (const Operation& op : plan.operations) {
        if (op.name != Op::cutPauses()) {
            QVERIFY(op.args.isEmpty());
            continue;
        }
        QCOMPARE(op.args.contains(QStringLiteral("min_pause_ms")), minPauseMs >= 0);
        if (minPauseMs >= 0)
            QCOMPARE(op.args.value(QStringLiteral("min_pause_ms")).toInt(), minPauseMs);
        QCOMPARE(op.args.contains(QStringLiteral("threshold_db")), thresholdDb != 0);
        if (thresholdDb != 0)
            QCOMPARE(op.args.value(QStringLiteral("threshold_db")).toDouble(), thresholdDb);
    }
}

void TstAgentPlanner::chineseDetection_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("chinese");
    QTest::newRow("en") << QStringLiteral("cut the pauses") << false;
    QTest::newRow("zh") << QStringLiteral("剪掉停顿") << true;
    QTest::newRow("mixed") << QStringLiteral("please 撤销") << true;
    QTest::newRow("japanese kana only") << QStringLiteral("カット") << false;
    QTest::newRow("empty") << QString() << false;
}

void TstAgentPlanner::chineseDetection()
{
    QFETCH(QString, message);
    QFETCH(bool, chinese);
    QCOMPARE(containsChinese(message), chinese);
    QCOMPARE(planInstruction(message).chinese, chinese);
}

QTEST_GUILESS_MAIN(TstAgentPlanner)
#include "tst_agentplanner.moc"
