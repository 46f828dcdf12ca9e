// The planner's scorecard on the phrase corpus (tests/data/phrases, issue 13). Prints, for
// the tuning part and the held-back part, how many lines were applied as asked, partly applied
// with an honest note, honestly declined, wrong or silently dropped, and not understood, and
// fails when a line that scored well in tests/data/phrases/baseline.json no longer does.
// CLIPWRIGHT_PHRASE_BASELINE=update rewrites the baseline after an improvement (only ever
// adds lines that now score well; review the diff); =reset writes exactly the lines that
// score well now, for a regression accepted on purpose (say which in the commit).
// CLIPWRIGHT_PHRASE_BATCH=5 scores only the files of one collection batch (tune-en5.jsonl,
// held-zh5.jsonl, ...): a new batch's first score, before any tuning, is the honest measure of
// how the planner does on phrasings it has not seen.
// CLIPWRIGHT_PHRASE_SHOW=wrong (or any class name, or "all") lists those lines of the tuning part
// with the plan made (CLIPWRIGHT_PHRASE_PART=held shows the held-back part: for the notes, never
// for tuning).
#include "PhraseCorpus.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

using namespace cw::engine;
using namespace cw::test;

namespace {

const QString kDir = QStringLiteral(CLIPWRIGHT_TEST_DATA_DIR "/phrases");

struct Tally {
    int counts[5] = {0, 0, 0, 0, 0};
    int total = 0;
    int doable = 0; // lines that expect at least one operation
    int doableGood = 0;
    int doableNotUnderstood = 0;
};

QString pct(int n, int of)
{
    return of == 0 ? QStringLiteral("-")
                   : QString::number(100.0 * n / of, 'f', 1) + QLatin1Char('%');
}

} // namespace

class TstPhraseCorpus : public QObject {
    Q_OBJECT

private slots:
    void corpusIsWellFormed();
    void scorecard();
};

void TstPhraseCorpus::corpusIsWellFormed()
{
    QString error;
    const QList<PhraseLine> tune = loadPhrases(kDir, QStringLiteral("tune"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<PhraseLine> held = loadPhrases(kDir, QStringLiteral("held"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> ids;
    int zh = 0;
    const QStringList& known = Op::all();
    for (const PhraseLine& l : tune + held) {
        QVERIFY2(!ids.contains(l.id), qPrintable(QStringLiteral("duplicate id ") + l.id));
        ids.insert(l.id);
        zh += l.lang == QLatin1String("zh") ? 1 : 0;
        for (const QString& o : parseExpectation(l.expect).ops)
            QVERIFY2(known.contains(o.section(QLatin1Char(' '), 0, 0)),
                     qPrintable(l.id + QStringLiteral(": unknown operation in ") + l.expect));
    }
    QVERIFY2(ids.size() >= 500, qPrintable(QString::number(ids.size())));
    QVERIFY2(zh >= 120, qPrintable(QString::number(zh)));
    QVERIFY2(held.size() * 4 >= ids.size(), "the held-back part is under a quarter");
}

void TstPhraseCorpus::scorecard()
{
    QString error;
    const QList<PhraseLine> lines = loadPhrases(kDir, QStringLiteral("tune"), &error) +
                                    loadPhrases(kDir, QStringLiteral("held"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile baselineFile(kDir + QStringLiteral("/baseline.json"));
    QSet<QString> baseline;
    if (baselineFile.open(QIODevice::ReadOnly))
        for (const QJsonValue& v : QJsonDocument::fromJson(baselineFile.readAll())
                                       .object()
                                       .value(QStringLiteral("good"))
                                       .toArray())
            baseline.insert(v.toString());
    baselineFile.close();

    const QString show = qEnvironmentVariable("CLIPWRIGHT_PHRASE_SHOW");
    // Lines are shown from the tuning part only, unless asked: the held-back part is scored,
    // not read while tuning.
    const QString showPart = qEnvironmentVariable("CLIPWRIGHT_PHRASE_PART", QStringLiteral("tune"));
    const QString batch = qEnvironmentVariable("CLIPWRIGHT_PHRASE_BATCH");
    QHash<QString, Tally> tallies;
    QStringList regressions;
    QStringList nowGood;
    for (const PhraseLine& l : lines) {
        if (!batch.isEmpty() && !l.file.endsWith(batch + QStringLiteral(".jsonl")))
            continue;
        const Expectation e = parseExpectation(l.expect);
        const Plan plan = planInstruction(l.text);
        const PhraseClass c = classify(e, plan);
        for (const QString& key : QStringList{l.part, l.part + QLatin1Char('-') + l.lang}) {
            Tally& t = tallies[key];
            ++t.counts[int(c)];
            ++t.total;
            if (!e.ops.isEmpty()) {
                ++t.doable;
                t.doableGood += isGood(c) ? 1 : 0;
                t.doableNotUnderstood += c == PhraseClass::NotUnderstood ? 1 : 0;
            }
        }
        if (isGood(c))
            nowGood << l.id;
        // A held-back line is named, not shown: reading it would be tuning on it.
        if (!isGood(c) && baseline.contains(l.id))
            regressions << (l.part == QLatin1String("held")
                                ? QStringLiteral("%1 (held back; now %2)").arg(l.id, className(c))
                                : QStringLiteral("%1 \"%2\"\n    expected: %3\n    planned:  %4")
                                      .arg(l.id, l.text, l.expect, describePlan(plan)));
        if ((show == QLatin1String("all") || show == className(c)) && l.part == showPart)
            qInfo().noquote() << QStringLiteral(
                                     "%1 [%2] %3\n    expected: %4\n    planned:  %5%6%7")
                                     .arg(l.id, className(c), l.text, l.expect, describePlan(plan),
                                          plan.declined.isEmpty()
                                              ? QString()
                                              : QStringLiteral(" (declined: ") +
                                                    plan.declined.first().id + QLatin1Char(')'),
                                          plan.unrecognized.isEmpty()
                                              ? QString()
                                              : QStringLiteral(" (not understood: ") +
                                                    plan.unrecognized.join(QStringLiteral(" / ")) +
                                                    QLatin1Char(')'));
    }

    QStringList table{QStringLiteral("| part | lines | applied | partial | declined | wrong | "
                                     "not understood | applied+partial of doable | wrong | not "
                                     "understood of doable |"),
                      QStringLiteral("|---|---|---|---|---|---|---|---|---|---|")};
    for (const QString& key :
         {QStringLiteral("tune"), QStringLiteral("tune-en"), QStringLiteral("tune-zh"),
          QStringLiteral("held"), QStringLiteral("held-en"), QStringLiteral("held-zh")}) {
        const Tally& t = tallies[key];
        table << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |")
                     .arg(key)
                     .arg(t.total)
                     .arg(t.counts[0])
                     .arg(t.counts[1])
                     .arg(t.counts[2])
                     .arg(t.counts[3])
                     .arg(t.counts[4])
                     .arg(pct(t.doableGood, t.doable), pct(t.counts[3], t.total),
                          pct(t.doableNotUnderstood, t.doable));
    }
    qInfo().noquote() << QStringLiteral("\nPhrase scorecard\n") + table.join(QLatin1Char('\n'));

    const QString mode = qEnvironmentVariable("CLIPWRIGHT_PHRASE_BASELINE");
    // A batch alone never rewrites the baseline (a reset would drop every other batch).
    if (batch.isEmpty() && (mode == QLatin1String("update") || mode == QLatin1String("reset"))) {
        QSet<QString> merged = mode == QLatin1String("reset") ? QSet<QString>() : baseline;
        for (const QString& id : nowGood)
            merged.insert(id);
        QStringList sorted = merged.values();
        sorted.sort();
        QVERIFY(baselineFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        baselineFile.write(
            QJsonDocument(QJsonObject{{QStringLiteral("good"), QJsonArray::fromStringList(sorted)}})
                .toJson());
    }
    QVERIFY2(
        regressions.isEmpty(),
        qPrintable(
            QStringLiteral("%1 line(s) that scored well no longer do:\n").arg(regressions.size()) +
            regressions.join(QLatin1Char('\n'))));
    // The baseline must not be empty once the corpus exists: a missing file fails loudly.
    QVERIFY2(!baseline.isEmpty(), "tests/data/phrases/baseline.json is missing or empty");
}

QTEST_GUILESS_MAIN(TstPhraseCorpus)
#include "tst_phrasecorpus.moc"
