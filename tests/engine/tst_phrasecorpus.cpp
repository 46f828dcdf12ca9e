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
// CLIPWRIGHT_PHRASE_MECHANISMS=1 counts, for the held-back lines that score badly, the kind of
// difference (an operation not asked for, one missing without a note, an argument with another
// value, a missing ask) by operation and argument name, never with the line's text: enough to
// find which mechanism goes wrong, then fix it on the tuning part and on new phrasings
// (=lines: one row per line, by id).
#include "PhraseCorpus.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <QtTest>
#include <algorithm>

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

// "name k=v k=v" -> name and its arguments.
QPair<QString, QHash<QString, QString>> splitDescribed(const QString& op)
{
    const QStringList parts = op.split(QLatin1Char(' '));
    QHash<QString, QString> args;
    QString key;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const qsizetype eq = parts.at(i).indexOf(QLatin1Char('='));
        if (eq > 0) {
            key = parts.at(i).left(eq);
            args.insert(key, parts.at(i).mid(eq + 1));
        } else if (!key.isEmpty()) {
            args[key] += QLatin1Char(' ') + parts.at(i); // a value with spaces (a text)
        }
    }
    return {parts.value(0), args};
}

// The kinds of difference between what was expected and what was planned, as words naming
// operations and arguments only.
QStringList mechanisms(const Expectation& e, const Plan& plan, PhraseClass c)
{
    QStringList out;
    const QStringList got = describeOperations(plan);
    const bool note = !plan.declined.isEmpty() || !plan.unrecognized.isEmpty();
    if (c == PhraseClass::NotUnderstood) {
        for (const QString& o : e.ops)
            out << QStringLiteral("nothing planned for ") + splitDescribed(o).first;
        return out;
    }
    QStringList expectedLeft = e.ops;
    QStringList gotLeft;
    for (const QString& g : got)
        if (!expectedLeft.removeOne(g))
            gotLeft << g;
    // Pair the unmatched by name: a different value; the rest are extra or missing.
    for (const QString& g : gotLeft) {
        const auto [name, args] = splitDescribed(g);
        qsizetype pair = -1;
        for (qsizetype i = 0; i < expectedLeft.size() && pair < 0; ++i)
            if (splitDescribed(expectedLeft.at(i)).first == name)
                pair = i;
        if (pair < 0) {
            out << (e.ops.isEmpty() ? QStringLiteral("planned where a decline was expected: ")
                                    : QStringLiteral("extra op: ")) +
                       name;
            continue;
        }
        const auto want = splitDescribed(expectedLeft.takeAt(pair)).second;
        QStringList keys;
        for (auto it = want.cbegin(); it != want.cend(); ++it)
            if (!args.contains(it.key()))
                keys << it.key() + QStringLiteral(" missing");
            else if (args.value(it.key()) != it.value())
                keys << it.key() + QStringLiteral(" differs");
        for (auto it = args.cbegin(); it != args.cend(); ++it)
            if (!want.contains(it.key()))
                keys << it.key() + QStringLiteral(" extra");
        keys.sort();
        out << QStringLiteral("value: ") + name + QLatin1Char(' ') + keys.join(QLatin1Char(','));
    }
    for (const QString& m : expectedLeft)
        out << (note ? QStringLiteral("missing op (with a note): ")
                     : QStringLiteral("missing op, silent: ")) +
                   splitDescribed(m).first;
    if (out.isEmpty() && got != e.ops)
        out << QStringLiteral("order differs");
    if (out.isEmpty() && !e.needs.isEmpty()) {
        for (const QString& need : e.needs) {
            bool found = false;
            for (const Declined& d : plan.declined)
                found = found || d.need == need || (need.isEmpty() && d.need.isEmpty());
            if (!found)
                out << (need.isEmpty() ? QStringLiteral("no decline note")
                                       : QStringLiteral("did not ask for ") + need);
        }
    }
    if (out.isEmpty())
        out << QStringLiteral("other");
    return out;
}

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
    void tryMessages();
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
    const bool countMechanisms = qEnvironmentVariableIsSet("CLIPWRIGHT_PHRASE_MECHANISMS");
    QMap<QString, int> mechanismCounts;
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
        if (countMechanisms && !isGood(c) && l.part == QLatin1String("held")) {
            // =lines: one row per line (its id, class and differences; still no text).
            const QStringList found = mechanisms(e, plan, c);
            if (qEnvironmentVariable("CLIPWRIGHT_PHRASE_MECHANISMS") == QLatin1String("lines"))
                ++mechanismCounts[className(c) + QLatin1Char(' ') + l.id + QStringLiteral(": ") +
                                  found.join(QStringLiteral("; "))];
            else
                for (const QString& m : found)
                    ++mechanismCounts[className(c) + QLatin1Char(' ') + l.lang +
                                      QStringLiteral(": ") + m];
        }
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
    if (countMechanisms) {
        QList<QPair<int, QString>> sorted;
        for (auto it = mechanismCounts.cbegin(); it != mechanismCounts.cend(); ++it)
            sorted << qMakePair(it.value(), it.key());
        std::sort(sorted.begin(), sorted.end(),
                  [](const auto& a, const auto& b) { return a.first > b.first; });
        QStringList rows;
        for (const auto& [n, m] : sorted)
            rows << QStringLiteral("%1  %2").arg(n, 3).arg(m);
        qInfo().noquote() << QStringLiteral("\nHeld-back misses by mechanism (no texts)\n") +
                                 rows.join(QLatin1Char('\n'));
    }

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

// CLIPWRIGHT_PHRASE_TRY=<file>: the plan for each line of a text file (new phrasings being
// written for a batch, or probes of one mechanism), with its notes.
void TstPhraseCorpus::tryMessages()
{
    const QString path = qEnvironmentVariable("CLIPWRIGHT_PHRASE_TRY");
    if (path.isEmpty())
        QSKIP("CLIPWRIGHT_PHRASE_TRY not set");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    while (!f.atEnd()) {
        const QString text = QString::fromUtf8(f.readLine()).trimmed();
        if (text.isEmpty())
            continue;
        const Plan plan = planInstruction(text);
        QStringList notes;
        for (const Declined& d : plan.declined)
            notes << QStringLiteral("declined: ") + d.id +
                         (d.need.isEmpty() ? QString() : QStringLiteral(" needs ") + d.need);
        if (!plan.unrecognized.isEmpty())
            notes << QStringLiteral("not understood: ") +
                         plan.unrecognized.join(QStringLiteral(" / "));
        qInfo().noquote() << text + QStringLiteral("\n    -> ") + describePlan(plan) +
                                 (notes.isEmpty()
                                      ? QString()
                                      : QStringLiteral("  (") + notes.join(QStringLiteral("; ")) +
                                            QLatin1Char(')'));
    }
}

QTEST_GUILESS_MAIN(TstPhraseCorpus)
#include "tst_phrasecorpus.moc"
