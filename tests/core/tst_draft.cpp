// Draft codec, validation and the cloud-style summary, from tables. Hostile inputs: wrong
// types at every level (the error must name the path), truncated JSON, deep nesting, huge
// numbers; round trips must keep unknown keys at every level.
#include "Draft.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace cw;

namespace {

// The DESIGN.md sample, with the text track named as in its summary line.
const QByteArray kSample =
    R"({"v":1,"m":{"title":"Urban Dreams","width":1920,"height":1080,"fps":30},"d":10000,
 "t":[
  {"id":"v1","tt":0,"n":"Video","sg":[
     {"id":"s1","src":"m1","st":0,"in":1200,"d":4000,"m":{"name":"city.mp4","tr":{"type":"fade","d":500}}},
     {"id":"s2","src":"m1","st":4000,"in":7300,"d":6000}]},
  {"id":"a1","tt":1,"n":"BGM","sg":[{"id":"s3","src":"m2","st":0,"in":0,"d":10000,"m":{"name":"Lo-fi","vol":0.35,"duck":true,"fi":1000,"fo":2000}}]},
  {"id":"x1","tt":7,"n":"Title","sg":[{"id":"s4","st":0,"d":3000,"m":{"text":"Urban Dreams","style":"title","pos":"center"}}]}]})";

Draft decode(const QByteArray& json)
{
    QString error;
    const std::optional<Draft> d = Draft::fromBytes(json, &error);
    if (!d)
        qWarning("decode failed: %s", qPrintable(error));
    return d.value_or(Draft{});
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TstDraft : public QObject {
    Q_OBJECT

private slots:
    void decodeSample()
    {
        QString error;
        const std::optional<Draft> d = Draft::fromBytes(kSample, &error);
        QVERIFY2(d, qPrintable(error));
        QCOMPARE(d->v, 1);
        QCOMPARE(d->d, 10000);
        QCOMPARE(d->m.value("width").toInt(), 1920);
        QCOMPARE(d->t.size(), 3);
        const Segment& s1 = d->t[0].sg[0];
        QCOMPARE(s1.id, QStringLiteral("s1"));
        QCOMPARE(s1.src, QStringLiteral("m1"));
        QCOMPARE(s1.in, 1200);
        QCOMPARE(s1.end(), 4000);
        QCOMPARE(s1.m.value("tr").toObject().value("d").toInt(), 500);
        QCOMPARE(d->t[1].tt, int(TrackType::Audio));
        QCOMPARE(d->t[2].sg[0].src, QString());
        QCOMPARE(d->computedDuration(), 10000);
        QVERIFY(d->isExportable());
        QVERIFY(d->validate().isEmpty());
        QVERIFY(d->track("a1"));
        QCOMPARE(d->track("a1")->n, QStringLiteral("BGM"));
        QVERIFY(!d->track("nope"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("sample") << kSample;
        QTest::newRow("empty") << QByteArray("{}");
        QTest::newRow("unknown top") << QByteArray(R"({"v":2,"zz":{"a":[1,2]},"t":[]})");
        QTest::newRow("unknown track")
            << QByteArray(R"({"t":[{"id":"v1","tt":0,"locked":true,"h":{"x":1},"sg":[]}]})");
        QTest::newRow("unknown segment") << QByteArray(
            R"({"t":[{"id":"v1","sg":[{"id":"s","src":"m","d":5,"fx":["blur"],"k":null}]}]})");
        QTest::newRow("unknown track type") << QByteArray(R"({"t":[{"id":"z","tt":42,"sg":[]}]})");
        QTest::newRow("deep extra") << QByteArray("{\"deep\":" + nested(200) + "}");
        QTest::newRow("huge extra number") << QByteArray(R"({"big":1e308,"t":[]})");
    }

    void roundTrip()
    {
        QFETCH(QByteArray, json);
        QString error;
        const std::optional<Draft> a = Draft::fromBytes(json, &error);
        QVERIFY2(a, qPrintable(error));
        const std::optional<Draft> b = Draft::fromBytes(a->toBytes(), &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(*b, *a);
        QCOMPARE(b->toBytes(), a->toBytes());
        // every key of the input survives, at every level
        const QJsonObject in = QJsonDocument::fromJson(json).object();
        const QJsonObject out = a->toJson();
        for (auto it = in.begin(); it != in.end(); ++it)
            QVERIFY2(out.contains(it.key()), qPrintable(it.key()));
        const QJsonArray inTracks = in.value("t").toArray();
        const QJsonArray outTracks = out.value("t").toArray();
        for (int i = 0; i < inTracks.size(); ++i) {
            const QJsonObject ti = inTracks[i].toObject();
            const QJsonObject to = outTracks[i].toObject();
            for (auto it = ti.begin(); it != ti.end(); ++it)
                QCOMPARE(to.value(it.key()).type() == QJsonValue::Undefined, false);
            const QJsonArray si = ti.value("sg").toArray();
            const QJsonArray so = to.value("sg").toArray();
            for (int j = 0; j < si.size(); ++j) {
                const QJsonObject a2 = si[j].toObject();
                for (auto it = a2.begin(); it != a2.end(); ++it)
                    if (!it.value().isNull())
                        QCOMPARE(so[j].toObject().value(it.key()), it.value());
            }
        }
    }

    void unknownKeysLandInExtra()
    {
        const Draft d = decode(R"({"q":1,"t":[{"id":"v","w":2,"sg":[{"id":"s","z":3}]}]})");
        QCOMPARE(d.extra.value("q").toInt(), 1);
        QCOMPARE(d.t[0].extra.value("w").toInt(), 2);
        QCOMPARE(d.t[0].sg[0].extra.value("z").toInt(), 3);
        QVERIFY(!d.t[0].sg[0].extra.contains("id"));
    }

    void knownFieldWinsOverExtra()
    {
        Draft d = decode(R"({"t":[{"id":"v","sg":[{"id":"s","st":5}]}]})");
        d.t[0].sg[0].extra.insert("st", 999);
        d.t[0].sg[0].st = 7;
        QCOMPARE(
            d.toJson()["t"].toArray()[0].toObject()["sg"].toArray()[0].toObject()["st"].toInt(), 7);
    }

    void defaults()
    {
        const Draft d = decode(R"({"t":[{"sg":[{}]}],"m":null,"d":null})");
        QCOMPARE(d.v, 1);
        QCOMPARE(d.d, 0);
        QCOMPARE(d.t.size(), 1);
        QCOMPARE(d.t[0].tt, 0);
        QCOMPARE(d.t[0].sg[0].d, 0);
        QVERIFY(d.t[0].sg[0].id.isEmpty());
    }

    void doublesRoundToMs_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("1200.0") << QByteArray("1200.0") << qint64(1200);
        QTest::newRow("1200.4") << QByteArray("1200.4") << qint64(1200);
        QTest::newRow("1200.6") << QByteArray("1200.6") << qint64(1201);
        QTest::newRow("1.2e3") << QByteArray("1.2e3") << qint64(1200);
        QTest::newRow("-0.4") << QByteArray("-0.4") << qint64(0);
        QTest::newRow("2^53") << QByteArray("9007199254740992") << qint64(9007199254740992LL);
    }

    void doublesRoundToMs()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, ms);
        const Draft d = decode("{\"t\":[{\"sg\":[{\"st\":" + value + "}]}]}");
        QCOMPARE(d.t[0].sg[0].st, ms);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        auto row = [](const char* name, const QByteArray& json, const char* error) {
            QTest::newRow(name) << json << QString::fromUtf8(error);
        };
        row("t not array", R"({"t":{}})", "t: expected an array");
        row("t string", R"({"t":"abc"})", "t: expected an array");
        row("track not object", R"({"t":[1]})", "t[0]: expected an object");
        row("second track not object", R"({"t":[{},"x"]})", "t[1]: expected an object");
        row("st string", R"({"t":[{"sg":[{},{},{"st":"abc"}]}]})",
            "t[0].sg[2].st: expected an integer");
        row("in bool", R"({"t":[{"sg":[{"in":true}]}]})", "t[0].sg[0].in: expected an integer");
        row("d array", R"({"t":[{"sg":[{"d":[]}]}]})", "t[0].sg[0].d: expected an integer");
        row("v string", R"({"v":"1"})", "v: expected an integer");
        row("draft d object", R"({"d":{}})", "d: expected an integer");
        row("m array", R"({"m":[]})", "m: expected an object");
        row("segment m string", R"({"t":[{"sg":[{"m":"x"}]}]})",
            "t[0].sg[0].m: expected an object");
        row("track id number", R"({"t":[{"id":5}]})", "t[0].id: expected a string");
        row("segment src number", R"({"t":[{},{"sg":[{"src":1}]}]})",
            "t[1].sg[0].src: expected a string");
        row("track n object", R"({"t":[{"n":{}}]})", "t[0].n: expected a string");
        row("tt string", R"({"t":[{"tt":"video"}]})", "t[0].tt: expected an integer");
        row("sg object", R"({"t":[{"sg":{}}]})", "t[0].sg: expected an array");
        row("segment not object", R"({"t":[{"sg":[null]}]})", "t[0].sg[0]: expected an object");
        row("huge d", R"({"d":1e300})", "d: number out of range");
        row("huge negative st", R"({"t":[{"sg":[{"st":-1e20}]}]})",
            "t[0].sg[0].st: number out of range");
        row("tt beyond int", R"({"t":[{"tt":1e12}]})", "t[0].tt: number out of range");
        row("v beyond int", R"({"v":4294967296})", "v: number out of range");
        row("top-level array", "[1,2]", "draft: expected an object");
    }

    void badInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString got;
        QVERIFY(!Draft::fromBytes(json, &got));
        QCOMPARE(got, error);
    }

    void invalidJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << QByteArray(R"({"t":[{"id":"v1","sg":[{"st":)");
        QTest::newRow("truncated sample") << kSample.left(kSample.size() / 2);
        QTest::newRow("garbage") << QByteArray("\xFF\xFE\x00junk", 7);
        QTest::newRow("deep nesting") << QByteArray("{\"t\":" + nested(100000) + "}");
        QTest::newRow("trailing comma") << QByteArray(R"({"t":[],})");
    }

    void invalidJson()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!Draft::fromBytes(json, &error));
        QVERIFY2(error.startsWith("invalid JSON"), qPrintable(error));
    }

    void everyTruncationFailsCleanly()
    {
        for (int i = 0; i < kSample.size(); ++i) {
            QString error;
            const std::optional<Draft> d = Draft::fromBytes(kSample.left(i), &error);
            QVERIFY(!d);
            QVERIFY(!error.isEmpty());
        }
    }

    void validate_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("problems");
        auto row = [](const char* name, const QByteArray& json, const QStringList& p) {
            QTest::newRow(name) << json << p;
        };
        row("sample", kSample, {});
        row("empty", "{}", {});
        row("negative start", R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","st":-5,"d":10}]}]})",
            {"Segment a on track v starts before 0 (-5 ms)."});
        row("negative in", R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","in":-1,"d":10}]}]})",
            {"Segment a on track v has a negative in-point (-1 ms)."});
        row("negative length", R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":-3}]}]})",
            {"Segment a on track v has a negative length (-3 ms)."});
        row("zero length", R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":0}]}]})",
            {"Segment a on track v has zero length."});
        row("overlap",
            R"({"t":[{"id":"v","sg":[{"id":"b","src":"m","st":3000,"d":2000},{"id":"a","src":"m","st":0,"d":4000}]}]})",
            {"Segments a and b on track v overlap (3000-4000 ms)."});
        row("touching is fine",
            R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","st":0,"d":4000},{"id":"b","src":"m","st":4000,"d":1}]}]})",
            {});
        row("overlap with a long earlier segment",
            R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","st":0,"d":10000},{"id":"b","src":"m","st":1000,"d":1000},{"id":"c","src":"m","st":3000,"d":1000}]}]})",
            {"Segments a and b on track v overlap (1000-2000 ms).",
             "Segments a and c on track v overlap (3000-4000 ms)."});
        row("overlap across tracks is fine",
            R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":10}]},{"id":"w","sg":[{"id":"b","src":"m","d":10}]}]})",
            {});
        row("duplicate segment ids",
            R"({"t":[{"id":"v","sg":[{"id":"a","src":"m","d":10}]},{"id":"w","sg":[{"id":"a","src":"m","d":10}]}]})",
            {"Segment id a is used more than once."});
        row("duplicate track ids", R"({"t":[{"id":"v"},{"id":"v"}]})",
            {"Track id v is used more than once."});
        row("missing ids", R"({"t":[{"sg":[{"src":"m","d":1}]}]})",
            {"Track #1 has no id.", "Segment #1 on track #1 has no id."});
        row("video without src", R"({"t":[{"id":"v","tt":0,"sg":[{"id":"a","d":10}]}]})",
            {"Segment a on track v has no source media."});
        row("audio without src", R"({"t":[{"id":"au","tt":1,"sg":[{"id":"a","d":10}]}]})",
            {"Segment a on track au has no source media."});
        row("text without text", R"({"t":[{"id":"x","tt":7,"sg":[{"id":"a","d":10,"m":{}}]}]})",
            {"Text segment a on track x has no text."});
        row("text with empty text",
            R"({"t":[{"id":"x","tt":7,"sg":[{"id":"a","d":10,"m":{"text":""}}]}]})",
            {"Text segment a on track x has no text."});
        row("unknown track type needs nothing",
            R"({"t":[{"id":"z","tt":9,"sg":[{"id":"a","d":10}]}]})", {});
        row("placeholder-like ids stay literal",
            R"({"t":[{"id":"%2","sg":[{"id":"%1","src":"m","st":-7,"d":10}]}]})",
            {"Segment %1 on track %2 starts before 0 (-7 ms)."});
        row("several problems in one segment",
            R"({"t":[{"id":"v","sg":[{"id":"a","st":-1,"d":0}]}]})",
            {"Segment a on track v starts before 0 (-1 ms).",
             "Segment a on track v has zero length.", "Segment a on track v has no source media."});
    }

    void validate()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, problems);
        QCOMPARE(decode(json).validate(), problems);
    }

    void summary_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("summary");
        auto row = [](const char* name, const QByteArray& json, const QString& s) {
            QTest::newRow(name) << json << s;
        };
        row("design sample", kSample,
            R"(Timeline (3 tracks): 1. Video: city.mp4 (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s))");
        row("no tracks", "{}", "Timeline is empty.");
        row("tracks without segments", R"({"t":[{"id":"v","sg":[]},{"id":"a","tt":1}]})",
            "Timeline is empty.");
        row("one track", R"({"t":[{"id":"v","sg":[{"id":"a","src":"m1","d":4500}]}]})",
            "Timeline (1 track): 1. Video: m1 (0-4.5s)");
        row("default names",
            R"({"t":[{"tt":0,"sg":[{"src":"m","d":1000}]},{"tt":1,"sg":[{"src":"b","d":1000}]},{"tt":7,"sg":[{"d":1000,"m":{"text":"Hi"}}]},{"tt":3,"sg":[{"id":"q","d":1000}]}]})",
            R"(Timeline (4 tracks): 1. Video: m (0-1s) 2. Audio: b (0-1s) 3. Text: "Hi" (0-1s) 4. Track: q (0-1s))");
        row("names de-duplicated in timeline order",
            R"({"t":[{"n":"V","sg":[{"src":"m2","st":5000,"d":1000,"m":{"name":"b.mov"}},{"src":"m1","st":0,"d":1000,"m":{"name":"a.mp4"}},{"src":"m1","st":2000,"d":1000}]}]})",
            "Timeline (1 track): 1. V: a.mp4, b.mov (0-6s)");
        row("name borrowed from another track",
            R"({"t":[{"sg":[{"src":"m9","d":1000}]},{"tt":1,"sg":[{"src":"m9","d":1000,"m":{"name":"voice.wav"}}]}]})",
            "Timeline (2 tracks): 1. Video: voice.wav (0-1s) 2. Audio: voice.wav (0-1s)");
        row("span with gap and decimals",
            R"({"t":[{"sg":[{"src":"m","st":2500,"d":1250},{"src":"m","st":10000,"d":2340}]}]})",
            "Timeline (1 track): 1. Video: m (2.5-12.3s)");
        row("rounds to whole", R"({"t":[{"sg":[{"src":"m","st":0,"d":9960}]}]})",
            "Timeline (1 track): 1. Video: m (0-10s)");
        row("long timeline", R"({"t":[{"sg":[{"src":"m","st":0,"d":3725000}]}]})",
            "Timeline (1 track): 1. Video: m (0-3725s)");
        row("volume range",
            R"({"t":[{"tt":1,"n":"Music","sg":[{"src":"a","d":1000,"m":{"vol":0.8}},{"src":"a","st":1000,"d":1000,"m":{"vol":0.2}}]}]})",
            "Timeline (1 track): 1. Music: a (0-2s, 20-80%)");
        row("volume above one", R"({"t":[{"tt":1,"sg":[{"src":"a","d":1000,"m":{"vol":1.5}}]}]})",
            "Timeline (1 track): 1. Audio: a (0-1s, 150%)");
        row("no volume", R"({"t":[{"tt":1,"sg":[{"src":"a","d":1000}]}]})",
            "Timeline (1 track): 1. Audio: a (0-1s)");
        row("video ignores volume", R"({"t":[{"sg":[{"src":"a","d":1000,"m":{"vol":0.5}}]}]})",
            "Timeline (1 track): 1. Video: a (0-1s)");
        row("several texts",
            R"({"t":[{"tt":7,"n":"Captions","sg":[{"d":1000,"m":{"text":"One"}},{"st":1000,"d":1000,"m":{"text":"Two"}},{"st":3000,"d":1000,"m":{"text":"One"}}]}]})",
            R"(Timeline (1 track): 1. Captions: "One", "Two" (0-4s))");
        row("empty track among others",
            R"({"t":[{"sg":[{"src":"m","d":1000}]},{"tt":1,"n":"BGM","sg":[]}]})",
            "Timeline (2 tracks): 1. Video: m (0-1s) 2. BGM: empty");
        row("chinese", R"({"t":[{"tt":7,"n":"标题","sg":[{"d":3000,"m":{"text":"城市之梦"}}]}]})",
            QStringLiteral("Timeline (1 track): 1. 标题: \"城市之梦\" (0-3s)"));
    }

    void summary()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, summary);
        QCOMPARE(decode(json).summary(), summary);
    }

    void computedDurationIgnoresStoredD()
    {
        const Draft d =
            decode(R"({"d":99999,"t":[{"sg":[{"st":1000,"d":500}]},{"sg":[{"d":200}]}]})");
        QCOMPARE(d.computedDuration(), 1500);
        QCOMPARE(d.d, 99999);
        QCOMPARE(decode("{}").computedDuration(), 0);
        QVERIFY(!decode(R"({"t":[{"sg":[]}]})").isExportable());
    }
};

QTEST_GUILESS_MAIN(TstDraft)
#include "tst_draft.moc"
