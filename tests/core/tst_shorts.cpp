// Shorts (Shorts.h) from tables: the draft of short n (footage cut to the source ranges on
// every track, spans moved with their time, speed/reverse/freeze honoured, the short's frame
// applied, m.shorts gone), the source <-> timeline mapping, the m.shorts round trip through
// the draft codec, and the bad cases (short 7 of 3, footage no longer on the timeline).
#include "Shorts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace cw;

namespace {

// "track:src@st+in<d" for every segment, in track order; spans without a source as "track:@st<d".
QStringList layout(const Draft& d)
{
    QStringList out;
    for (const Track& t : d.t)
        for (const Segment& s : t.sg)
            out << (s.src.isEmpty() ? QStringLiteral("%1:@%2<%3").arg(t.id).arg(s.st).arg(s.d)
                                    : QStringLiteral("%1:%2@%3+%4<%5")
                                          .arg(t.id, s.src)
                                          .arg(s.st)
                                          .arg(s.in)
                                          .arg(s.d));
    return out;
}

Draft parse(const QByteArray& json)
{
    QString error;
    const std::optional<Draft> d = Draft::fromBytes(json, &error);
    if (!d)
        qFatal("bad fixture: %s", qPrintable(error));
    return *d;
}

// Two clips (m1 0-10 s from its 0 s, m2 10-20 s from its 5 s), a title over 0-3 s and music
// under everything; `shorts` is spliced into m.
QByteArray twoClips(const char* shorts, const char* clipMeta = "{}")
{
    return QByteArray(R"({"v":1,"m":{"width":1920,"height":1080,"fps":30,"shorts":)") + shorts +
           R"(},"t":[{"id":"v1","tt":0,"sg":[{"id":"s1","src":"m1","st":0,"in":0,"d":10000,"m":)" +
           clipMeta +
           R"(},{"id":"s2","src":"m2","st":10000,"in":5000,"d":10000,"m":{"tr":{"type":"fade","d":500}}}]},
              {"id":"x1","tt":7,"sg":[{"id":"t1","st":0,"d":3000,"m":{"text":"Hi"}}]},
              {"id":"a1","tt":1,"n":"BGM","sg":[{"id":"b1","src":"mus","st":0,"in":0,"d":20000}]}]})";
}

} // namespace

class TstShorts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shortDraft_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("n");
        QTest::addColumn<QStringList>("expected"); // layout(); empty when an error is expected
        QTest::addColumn<QString>("error");        // part of the error

        QTest::newRow("two ranges over two clips")
            << twoClips(R"([{"name":"Short 1","keep":[{"src":"m1","in":2000,"out":4000},
                              {"src":"m2","in":6000,"out":8000}]}])")
            << 1
            << QStringList{"v1:m1@0+2000<2000", "v1:m2@2000+6000<2000", "x1:@0<1000",
                           "a1:mus@0+0<4000"}
            << QString();
        QTest::newRow("the second short")
            << twoClips(R"([{"keep":[{"src":"m1","in":0,"out":1000}]},
                            {"keep":[{"src":"m2","in":12000,"out":15000}]}])")
            << 2 << QStringList{"v1:m2@0+12000<3000", "a1:mus@0+0<3000"} << QString();
        QTest::newRow("one range across the cut")
            << twoClips(R"([{"keep":[{"src":"m1","in":9000,"out":10000},
                             {"src":"m2","in":5000,"out":6000}]}])")
            << 1 << QStringList{"v1:m1@0+9000<1000", "v1:m2@1000+5000<1000", "a1:mus@0+0<2000"}
            << QString();
        QTest::newRow("a sped-up clip")
            << twoClips(R"([{"keep":[{"src":"m1","in":4000,"out":8000}]}])", R"({"speed":2})") << 1
            << QStringList{"v1:m1@0+4000<2000", "x1:@0<1000", "a1:mus@0+0<2000"} << QString();
        QTest::newRow("a reversed clip shows the later source first")
            << twoClips(R"([{"keep":[{"src":"m1","in":1000,"out":3000}]}])", R"({"reverse":true})")
            << 1 << QStringList{"v1:m1@0+1000<2000", "a1:mus@0+0<2000"} << QString();
        QTest::newRow("two ranges in one clip get their own ids")
            << twoClips(R"([{"keep":[{"src":"m2","in":6000,"out":7000},
                             {"src":"m2","in":9000,"out":10000}]}])")
            << 1 << QStringList{"v1:m2@0+6000<1000", "v1:m2@1000+9000<1000", "a1:mus@0+0<2000"}
            << QString();
        QTest::newRow("short 7 of 3")
            << twoClips(R"([{"keep":[{"src":"m1","in":0,"out":1000}]},
                            {"keep":[{"src":"m1","in":2000,"out":3000}]},
                            {"keep":[{"src":"m1","in":4000,"out":5000}]}])")
            << 7 << QStringList() << QStringLiteral("There is no short 7: this edit has 3");
        QTest::newRow("short 0") << twoClips(R"([{"keep":[{"src":"m1","in":0,"out":1000}]}])") << 0
                                 << QStringList()
                                 << QStringLiteral("There is no short 0: this edit has 1");
        QTest::newRow("no shorts")
            << twoClips("[]") << 1 << QStringList() << QStringLiteral("has no shorts");
        QTest::newRow("footage gone")
            << twoClips(R"([{"name":"Short 1","keep":[{"src":"m9","in":0,"out":1000}]}])") << 1
            << QStringList() << QStringLiteral("footage of Short 1 is no longer on the timeline");
        QTest::newRow("a bad range is skipped")
            << twoClips(R"([{"keep":[{"src":"m1","in":5000,"out":4000}]}])") << 1 << QStringList()
            << QStringLiteral("has no shorts");
    }
    void shortDraft()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, n);
        QFETCH(QStringList, expected);
        QFETCH(QString, error);
        const Draft d = parse(json);
        QString why;
        const std::optional<Draft> s = cw::shortDraft(d, n, &why);
        if (!error.isEmpty()) {
            QVERIFY(!s);
            QVERIFY2(why.contains(error), qPrintable(why));
            return;
        }
        QVERIFY2(s, qPrintable(why));
        QCOMPARE(layout(*s), expected);
        QVERIFY(!s->m.contains("shorts"));
        QCOMPARE(s->d, s->computedDuration());
        QVERIFY2(s->validate().isEmpty(), qPrintable(s->validate().join(' ')));
        // A part after a cut loses the transition into it.
        for (const Segment& seg : s->t[0].sg)
            if (seg.src == "m2" && seg.in != 5000)
                QVERIFY(!seg.m.contains("tr"));
    }

    void frameOfTheShort()
    {
        const Draft d = parse(twoClips(
            R"([{"name":"Short 1","keep":[{"src":"m1","in":0,"out":5000}],
                 "m":{"width":1080,"height":1920,"aspect":"9:16","reframe":"subject"}}])"));
        const std::optional<Draft> s = cw::shortDraft(d, 1);
        QVERIFY(s);
        QCOMPARE(s->m.value("width").toInt(), 1080);
        QCOMPARE(s->m.value("height").toInt(), 1920);
        QCOMPARE(s->m.value("aspect").toString(), QStringLiteral("9:16"));
        QCOMPARE(s->m.value("fps").toInt(), 30); // the main draft's own metadata stays
        QCOMPARE(s->m.value("short").toString(), QStringLiteral("Short 1"));
        // The main draft is unchanged.
        QCOMPARE(d.m.value("width").toInt(), 1920);
    }

    // A later edit of the main timeline carries over: after a cut at 1-2 s of m1 the short
    // keeps showing the same source, now from its new place.
    void followsLaterEdits()
    {
        Draft d = parse(twoClips(R"([{"keep":[{"src":"m1","in":500,"out":3000}]}])"));
        Segment& s1 = d.t[0].sg[0];
        Segment tail = s1;
        s1.d = 1000;
        tail.id = "s1b";
        tail.st = 1000;
        tail.in = 2000;
        tail.d = 8000;
        d.t[0].sg.insert(1, tail);
        for (int i = 2; i < d.t[0].sg.size(); ++i)
            d.t[0].sg[i].st -= 1000;
        const std::optional<Draft> s = cw::shortDraft(d, 1);
        QVERIFY(s);
        QCOMPARE(layout(*s).mid(0, 2), (QStringList{"v1:m1@0+500<500", "v1:m1@500+2000<1000"}));
    }

    void roundTrip()
    {
        const Draft d = parse(twoClips("[]"));
        const QList<TimeRange> chosen{{1000, 2500}, {12000, 14000}};
        const QList<SourceRange> src = sourceRangesOf(d, chosen);
        QCOMPARE(src, (QList<SourceRange>{{"m1", 1000, 2500}, {"m2", 7000, 9000}}));
        QCOMPARE(timelineRangesOf(d, src), chosen);
        ShortSpec spec{QStringLiteral("Short 1"), src, QJsonObject{{"aspect", "9:16"}}};
        const Draft stored = withShorts(d, {spec});
        const std::optional<Draft> back = Draft::fromBytes(stored.toBytes());
        QVERIFY(back);
        const QList<ShortSpec> again = shortsOf(*back);
        QCOMPARE(again.size(), 1);
        QCOMPARE(again[0].name, spec.name);
        QCOMPARE(again[0].keep, spec.keep);
        QCOMPARE(again[0].m, spec.m);
        QVERIFY(!withShorts(*back, {}).m.contains("shorts"));
    }
};

QTEST_GUILESS_MAIN(TstShorts)
#include "tst_shorts.moc"
