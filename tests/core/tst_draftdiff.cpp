// diffDrafts counts and describeChange wording, from tables of before/after drafts.
#include "DraftDiff.h"

#include <QtTest>

using namespace cw;

namespace {

Draft decode(const QByteArray& json)
{
    QString error;
    const std::optional<Draft> d = Draft::fromBytes(json, &error);
    if (!d)
        qFatal("bad test draft: %s", qPrintable(error));
    return *d;
}

// One video track "v" with segments given as "id:start:length" triples.
QByteArray video(const QStringList& segs)
{
    QStringList parts;
    for (const QString& s : segs) {
        const QStringList f = s.split(u':');
        parts << QStringLiteral(R"({"id":"%1","src":"m","st":%2,"d":%3})").arg(f[0], f[1], f[2]);
    }
    return QStringLiteral(R"({"t":[{"id":"v","tt":0,"sg":[%1]}]})").arg(parts.join(u',')).toUtf8();
}

} // namespace

class TstDraftDiff : public QObject {
    Q_OBJECT

private slots:
    void diff_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QList<int>>("counts"); // added, removed, changed, tracks +, tracks -
        QTest::addColumn<QString>("sentence");

        QTest::newRow("identical")
            << video({"a:0:1000"}) << video({"a:0:1000"}) << QList<int>{0, 0, 0, 0, 0}
            << QStringLiteral("Nothing changed on the timeline.");
        QTest::newRow("both empty")
            << QByteArray("{}") << QByteArray("{}") << QList<int>{0, 0, 0, 0, 0}
            << QStringLiteral("Nothing changed on the timeline.");
        QTest::newRow("cut pauses")
            << video({"a:0:17500"})
            << video({"b:0:3000", "c:3000:2500", "d:5500:2500", "e:8000:2500", "f:10500:2500"})
            << QList<int>{5, 1, 0, 0, 0}
            << QStringLiteral(
                   "Timeline changed: 5 segments added, 1 removed; 4.5 s shorter (now 0:13).");
        QTest::newRow("one removed")
            << video({"a:0:1000", "b:1000:1000"}) << video({"a:0:1000"})
            << QList<int>{0, 1, 0, 0, 0}
            << QStringLiteral("Timeline changed: 1 segment removed; 1 s shorter (now 0:01).");
        QTest::newRow("one added longer")
            << video({"a:0:1000"}) << video({"a:0:1000", "b:1000:60000"})
            << QList<int>{1, 0, 0, 0, 0}
            << QStringLiteral("Timeline changed: 1 segment added; 60 s longer (now 1:01).");
        QTest::newRow("changed same length")
            << video({"a:0:1000", "b:1000:1000"}) << video({"a:0:1000", "b:1000:1010"})
            << QList<int>{0, 0, 1, 0, 0}
            << QStringLiteral("Timeline changed: 1 segment changed; same length (0:02).");
        QTest::newRow("removed and changed")
            << video({"a:0:1000", "b:1000:1000", "c:2000:1000"}) << video({"a:0:500", "b:500:1000"})
            << QList<int>{0, 1, 2, 0, 0}
            << QStringLiteral(
                   "Timeline changed: 1 segment removed, 2 changed; 1.5 s shorter (now 0:02).");
        QTest::newRow("metadata change counts")
            << QByteArray(
                   R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":1000,"m":{"vol":1}}]}]})")
            << QByteArray(
                   R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":1000,"m":{"vol":0.5}}]}]})")
            << QList<int>{0, 0, 1, 0, 0}
            << QStringLiteral("Timeline changed: 1 segment changed; same length (0:01).");
        QTest::newRow("track added")
            << video({"a:0:10000"})
            << QByteArray(
                   R"({"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"m","st":0,"d":10000}]},{"id":"b","tt":1,"sg":[{"id":"m","src":"x","d":10000}]}]})")
            << QList<int>{1, 0, 0, 1, 0}
            << QStringLiteral(
                   "Timeline changed: 1 track added; 1 segment added; same length (0:10).");
        QTest::newRow("tracks removed")
            << QByteArray(
                   R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":1000}]},{"id":"w","sg":[{"id":"b","src":"m","d":2000},{"id":"c","src":"m","st":2000,"d":2000}]},{"id":"x","sg":[]}]})")
            << QByteArray(R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":1000}]}]})")
            << QList<int>{0, 2, 0, 0, 2}
            << QStringLiteral("Timeline changed: 2 tracks removed; 2 segments removed; 3 s shorter "
                              "(now 0:01).");
        QTest::newRow("segment moved between tracks")
            << QByteArray(
                   R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":1000}]},{"id":"w","sg":[]}]})")
            << QByteArray(
                   R"({"t":[{"id":"v","sg":[]},{"id":"w","sg":[{"id":"a","src":"m","d":1000}]}]})")
            << QList<int>{1, 1, 0, 0, 0}
            << QStringLiteral("Timeline changed: 1 segment added, 1 removed; same length (0:01).");
        QTest::newRow("duplicate ids")
            << video({"a:0:1000", "a:1000:1000"}) << video({"a:0:1000"})
            << QList<int>{0, 1, 0, 0, 0}
            << QStringLiteral("Timeline changed: 1 segment removed; 1 s shorter (now 0:01).");
        // Found by fuzz_draft: a draft with a repeated track id diffed against itself.
        QTest::newRow("duplicate track ids unchanged")
            << QByteArray(R"({"t":[{"id":"a","sg":[{"id":"s","d":500}]},{"id":"a","sg":[]}]})")
            << QByteArray(R"({"t":[{"id":"a","sg":[{"id":"s","d":500}]},{"id":"a","sg":[]}]})")
            << QList<int>{0, 0, 0, 0, 0} << QStringLiteral("Nothing changed on the timeline.");
        QTest::newRow("duplicate track id removed")
            << QByteArray(R"({"t":[{"id":"a","sg":[]},{"id":"a","sg":[{"id":"s","d":500}]}]})")
            << QByteArray(R"({"t":[{"id":"a","sg":[]}]})") << QList<int>{0, 1, 0, 0, 1}
            << QStringLiteral("Timeline changed: 1 track removed; 1 segment removed; 0.5 s "
                              "shorter (now 0:00).");
        QTest::newRow("everything cleared")
            << video({"a:0:3725000"}) << QByteArray("{}") << QList<int>{0, 1, 0, 0, 1}
            << QStringLiteral("Timeline changed: 1 track removed; 1 segment removed; 3725 s "
                              "shorter (now 0:00).");
        QTest::newRow("hour clock")
            << QByteArray("{}") << video({"a:0:3725000"}) << QList<int>{1, 0, 0, 1, 0}
            << QStringLiteral("Timeline changed: 1 track added; 1 segment added; 3725 s longer "
                              "(now 1:02:05).");
        QTest::newRow("tiny length change only")
            << video({"a:0:1000"}) << video({"a:0:1020"}) << QList<int>{0, 0, 1, 0, 0}
            << QStringLiteral("Timeline changed: 1 segment changed; same length (0:01).");
    }

    void diff()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QList<int>, counts);
        QFETCH(QString, sentence);
        const DraftChange c = diffDrafts(decode(before), decode(after));
        QCOMPARE((QList<int>{c.segmentsAdded, c.segmentsRemoved, c.segmentsChanged, c.tracksAdded,
                             c.tracksRemoved}),
                 counts);
        QCOMPARE(c.durationBeforeMs, decode(before).computedDuration());
        QCOMPARE(c.durationAfterMs, decode(after).computedDuration());
        QCOMPARE(describeChange(c), sentence);
    }

    void isEmptyWhenOnlyDurationDiffers()
    {
        DraftChange c;
        QVERIFY(c.isEmpty());
        c.durationAfterMs = 10;
        QVERIFY(!c.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstDraftDiff)
#include "tst_draftdiff.moc"
