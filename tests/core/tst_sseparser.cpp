// SseParser against the WHATWG event-stream rules: every row is parsed in one chunk, at
// every two-way split point and byte by byte, and all must agree with the expected items.
// Hostile cases: CR/LF split across chunks, UTF-8 split at every byte, BOM, NUL in id,
// a 10 MB line in chunks of 1 byte to 64 KiB, and lines beyond the buffer limit.
#include "SseParser.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace cw;

namespace {

QStringList render(const QList<SseItem>& items)
{
    QStringList out;
    for (const SseItem& item : items) {
        if (item.kind == SseItem::Kind::Comment)
            out << QStringLiteral("C:") + item.comment;
        else
            out << QStringLiteral("E:%1|%2|%3")
                       .arg(item.event.type, item.event.id, item.event.data);
    }
    return out;
}

QStringList parseChunks(const QList<QByteArray>& chunks, int* retry = nullptr)
{
    SseParser p;
    QList<SseItem> items;
    for (const QByteArray& c : chunks)
        items += p.feed(c);
    items += p.finish();
    if (retry)
        *retry = p.retryMs();
    return render(items);
}

QStringList parseOnce(const QByteArray& bytes, int* retry = nullptr)
{
    return parseChunks({bytes}, retry);
}

QList<QByteArray> bytewise(const QByteArray& bytes)
{
    QList<QByteArray> chunks;
    for (char c : bytes)
        chunks << QByteArray(1, c);
    return chunks;
}

const QByteArray kMixedStream = QByteArray("\xEF\xBB\xBF: hello\r\n"
                                           "event: note\r"
                                           "data: \xE4\xBD\xA0\xE5\xA5\xBD \xF0\x9F\x98\x80\r\n"
                                           "id: 42\n"
                                           "data:line2\r"
                                           "\r"
                                           "data\r\n\r\n"
                                           ":\n"
                                           "retry: 1500\r"
                                           "data: \xE5\x89\xAA\r\n"
                                           "\n"
                                           "data: tail");

} // namespace

class TstSseParser : public QObject {
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("retry");

        auto row = [](const char* name, const QByteArray& in, const QStringList& ex, int r = -1) {
            QTest::newRow(name) << in << ex << r;
        };
        row("simple", "data: hello\n\n", {"E:message||hello"});
        row("multi-line data", "data: a\ndata: b\n\n", {"E:message||a\nb"});
        row("spec stock ticker", "data: YHOO\ndata: +2\ndata: 10\n\n", {"E:message||YHOO\n+2\n10"});
        row("crlf", "data: a\r\n\r\n", {"E:message||a"});
        row("cr only", "data: a\r\r", {"E:message||a"});
        row("mixed line ends", "data: a\r\ndata: b\rdata: c\n\n", {"E:message||a\nb\nc"});
        row("comment", ": ping\n", {"C:ping"});
        row("comment without space", ":ping\n", {"C:ping"});
        row("comment keeps second space", ":  two\n", {"C: two"});
        row("empty comment", ":\n", {"C:"});
        row("event type", "event: update\ndata: x\n\n", {"E:update||x"});
        row("type resets after dispatch", "event: a\ndata: 1\n\ndata: 2\n\n",
            {"E:a||1", "E:message||2"});
        row("type without data is dropped", "event: foo\n\ndata: x\n\n", {"E:message||x"});
        row("empty data line dispatches", "data:\n\n", {"E:message||"});
        row("field without colon", "data\n\n", {"E:message||"});
        row("two empty data lines", "data\ndata\n\n", {"E:message||\n"});
        row("no data no event", "\n\n\n", {});
        row("one space stripped", "data:  two spaces\n\n", {"E:message|| two spaces"});
        row("no space", "data:nospace\n\n", {"E:message||nospace"});
        row("colon in value", "data: a:b: c\n\n", {"E:message||a:b: c"});
        row("field name with space is unknown", "data : x\n\n", {});
        row("unknown field ignored", "foo: bar\ndata: x\n\n", {"E:message||x"});
        row("case-sensitive field", "Data: x\n\n", {});
        row("id applies and persists", "id: 7\ndata: x\n\ndata: y\n\n",
            {"E:message|7|x", "E:message|7|y"});
        static const char withNul[] = "id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n";
        row("id with NUL ignored", QByteArray(withNul, sizeof(withNul) - 1),
            {"E:message|1|a", "E:message|1|b"});
        row("empty id resets", "id: 1\ndata: a\n\nid\ndata: b\n\n",
            {"E:message|1|a", "E:message||b"});
        row("spec example",
            ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\n"
            "data:  third event\n",
            {"C:test stream", "E:message|1|first event", "E:message||second event"});
        row("retry digits", "retry: 3000\n", {}, 3000);
        row("retry letters ignored", "retry: 3a\n", {}, -1);
        row("retry negative ignored", "retry: -5\n", {}, -1);
        row("retry empty ignored", "retry:\n", {}, -1);
        row("retry huge ignored", "retry: 99999999999999999999\n", {}, -1);
        row("retry keeps last valid", "retry: 10\nretry: x\n", {}, 10);
        row("bom stripped",
            "\xEF\xBB\xBF"
            "data: x\n\n",
            {"E:message||x"});
        row("second bom is part of the field",
            "\xEF\xBB\xBF\xEF\xBB\xBF"
            "data: x\n\n",
            {});
        row("bom later is data", "data: \xEF\xBB\xBFx\n\n", {QStringLiteral("E:message||\uFEFFx")});
        row("unterminated event discarded", "data: x\n", {});
        row("unterminated line discarded", "data: x", {});
        row("trailing blank lines", "data: x\n\n\n\n", {"E:message||x"});
        row("utf8", "data: \xE4\xBD\xA0\xE5\xA5\xBD\xF0\x9F\x98\x80\n\n",
            {QStringLiteral("E:message||你好😀")});
        row("invalid utf8 replaced", "data: \xFF\n\n", {QStringLiteral("E:message||\uFFFD")});
        row("mixed stream", kMixedStream,
            {"C:hello", QStringLiteral("E:note|42|你好 😀\nline2"), "E:message|42|",
             "C:", QStringLiteral("E:message|42|剪")},
            1500);
    }

    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, expected);
        QFETCH(int, retry);

        int gotRetry = 0;
        QCOMPARE(parseOnce(input, &gotRetry), expected);
        QCOMPARE(gotRetry, retry);
        QCOMPARE(parseChunks(bytewise(input)), expected);
        for (int i = 0; i <= input.size(); ++i) {
            const QStringList got = parseChunks({input.left(i), input.mid(i)});
            if (got != expected)
                QFAIL(qPrintable(QStringLiteral("split at %1 differs: %2")
                                     .arg(i)
                                     .arg(got.join(QStringLiteral(" / ")))));
        }
    }

    // Every three-way split of the mixed stream (CRLF, CR, BOM and multibyte characters all
    // land on chunk edges somewhere) must equal the one-shot parse.
    void everyThreeWaySplit()
    {
        const QByteArray s = kMixedStream;
        const QStringList expected = parseOnce(s);
        QCOMPARE(expected.size(), 5);
        for (int i = 0; i <= s.size(); ++i)
            for (int j = i; j <= s.size(); ++j) {
                const QStringList got = parseChunks({s.left(i), s.mid(i, j - i), s.mid(j)});
                if (got != expected)
                    QFAIL(qPrintable(QStringLiteral("split %1/%2 differs").arg(i).arg(j)));
            }
    }

    void crAtChunkEndThenEmptyChunk()
    {
        QCOMPARE(parseChunks({"data: a\r", "", "\n", "\n"}), QStringList{"E:message||a"});
        QCOMPARE(parseChunks({"data: a\r", "", "\r"}), QStringList{"E:message||a"});
        QCOMPARE(parseChunks({"data: a\r", "\ndata: b\r", "\n\r", "\n"}),
                 QStringList{"E:message||a\nb"});
    }

    void bomSplitAcrossChunks()
    {
        QCOMPARE(parseChunks({"\xEF", "\xBB",
                              "\xBF"
                              "data: x\n\n"}),
                 QStringList{"E:message||x"});
        QCOMPARE(parseChunks({"\xEF", "\xBB"
                                      "data: x\n\n"}),
                 QStringList{});
    }

    void splitUtf8EveryByte()
    {
        const QString text = QStringLiteral("剪掉停顿 😀🎬 and 背景音乐 🎵");
        const QByteArray stream = "data: " + text.toUtf8() + "\n\n";
        const QStringList expected{QStringLiteral("E:message||") + text};
        for (int i = 0; i <= stream.size(); ++i)
            QCOMPARE(parseChunks({stream.left(i), stream.mid(i)}), expected);
        QCOMPARE(parseChunks(bytewise(stream)), expected);
    }

    void hugeLine_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("1 byte") << 1;
        QTest::newRow("7 bytes") << 7;
        QTest::newRow("4 KiB") << 4096;
        QTest::newRow("64 KiB") << 65536;
    }

    // A 10 MB data line must parse correctly and in linear time however it is chunked.
    void hugeLine()
    {
        QFETCH(int, chunk);
        const QByteArray unit = QStringLiteral("é中😀x").toUtf8(); // 10 bytes
        const QByteArray payload = unit.repeated(1024 * 1024);
        const QByteArray stream = "data: " + payload + "\r\n\r\n: after\n";
        SseParser p;
        QList<SseItem> items;
        QElapsedTimer timer;
        timer.start();
        for (qsizetype pos = 0; pos < stream.size(); pos += chunk)
            items += p.feed(QByteArray::fromRawData(
                stream.constData() + pos, std::min<qsizetype>(chunk, stream.size() - pos)));
        const qint64 ms = timer.elapsed();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).kind, SseItem::Kind::Event);
        QCOMPARE(items.at(0).event.data.toUtf8(), payload);
        QCOMPARE(items.at(1).comment, QStringLiteral("after"));
        QVERIFY2(ms < 20000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
        qInfo("10 MB line in %d-byte chunks: %lld ms", chunk, ms);
    }

    void manyLinesInOneChunk()
    {
        QByteArray stream;
        for (int i = 0; i < 200000; ++i)
            stream += "data: " + QByteArray::number(i) + "\n\n";
        SseParser p;
        QElapsedTimer timer;
        timer.start();
        const QList<SseItem> items = p.feed(stream);
        QCOMPARE(items.size(), 200000);
        QCOMPARE(items.last().event.data, QStringLiteral("199999"));
        QVERIFY(timer.elapsed() < 20000);
    }

    void overflowPartialLine()
    {
        SseParser p;
        p.setMaxLineBytes(1000);
        QCOMPARE(render(p.feed("data: ok\n\n")), QStringList{"E:message||ok"});
        const QByteArray junk(600, 'x');
        QVERIFY(p.feed("data: " + junk).isEmpty());
        QVERIFY(!p.overflowed());
        QVERIFY(p.feed(junk).isEmpty());
        QVERIFY(p.overflowed());
        QVERIFY(p.feed("\n\ndata: later\n\n").isEmpty());
        QVERIFY(p.overflowed());
    }

    void overflowCompleteLineKeepsEarlierEvents()
    {
        SseParser p;
        p.setMaxLineBytes(100);
        const QList<SseItem> items =
            p.feed("data: first\n\ndata: " + QByteArray(200, 'y') + "\n\ndata: never\n\n");
        QCOMPARE(render(items), QStringList{"E:message||first"});
        QVERIFY(p.overflowed());
    }

    void overflowAccumulatedData()
    {
        SseParser p;
        p.setMaxLineBytes(100);
        QByteArray stream;
        for (int i = 0; i < 50; ++i)
            stream += "data: 0123456789\n";
        QVERIFY(p.feed(stream + "\n").isEmpty());
        QVERIFY(p.overflowed());
    }

    void lastEventIdAndRetryAccessors()
    {
        SseParser p;
        p.feed("id: abc\nretry: 250\ndata: x\n\n");
        QCOMPARE(p.lastEventId(), QStringLiteral("abc"));
        QCOMPARE(p.retryMs(), 250);
    }

    void finishResetsPartialState()
    {
        SseParser p;
        QVERIFY(p.feed("data: partial\n").isEmpty());
        QVERIFY(p.finish().isEmpty());
        QCOMPARE(render(p.feed("data: next\n\n")), QStringList{"E:message||next"});
    }

    // A stream that ends here was cut inside an event (AgentStream treats it as broken).
    void midEvent_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<bool>("mid");
        QTest::newRow("nothing") << QByteArray() << false;
        QTest::newRow("whole event") << QByteArray("data: x\n\n") << false;
        QTest::newRow("comment line") << QByteArray(": ping\n") << false;
        QTest::newRow("inside a line") << QByteArray("data: {\"par") << true;
        QTest::newRow("data, no blank line") << QByteArray("data: x\n") << true;
        QTest::newRow("event type only") << QByteArray("event: text\n") << true;
        QTest::newRow("after a whole event") << QByteArray("data: x\n\ndata: y") << true;
    }
    void midEvent()
    {
        QFETCH(QByteArray, stream);
        QFETCH(bool, mid);
        SseParser p;
        p.feed(stream);
        QCOMPARE(p.midEvent(), mid);
        p.finish();
        QVERIFY(!p.midEvent());
    }
};

QTEST_GUILESS_MAIN(TstSseParser)
#include "tst_sseparser.moc"
