// The planner's speed on every line of the phrase corpus (issue 13: <= 5 ms per message):
// each message planned 20 times after a warm-up, the slowest message's median is the figure.
// There is no FFmpeg side to this row; the corpus size and the median are in the note.
#include "BenchRows.h"
#include "PhraseCorpus.h"

#include <QElapsedTimer>
#include <algorithm>

namespace cw::bench {

Row plannerRow(const Context&)
{
    Row row;
    row.id = QStringLiteral("planner");
    row.metric = QStringLiteral("plan one chat message (slowest corpus line)");
    row.unit = QStringLiteral("ms");
    row.target = QStringLiteral("<= 5 ms");
    const QString dir = QStringLiteral(CLIPWRIGHT_BENCH_SOURCE_DIR "/../data/phrases");
    QString error;
    QList<cw::test::PhraseLine> lines = cw::test::loadPhrases(dir, QStringLiteral("tune"), &error);
    lines += cw::test::loadPhrases(dir, QStringLiteral("held"), &error);
    if (lines.isEmpty()) {
        row.note = QStringLiteral("no phrase corpus: ") + error;
        return row;
    }
    (void)cw::engine::planInstruction(lines.first().text); // loads the vocabulary
    QList<double> perMessage;
    for (const cw::test::PhraseLine& l : lines) {
        QList<double> runs;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer t;
            t.start();
            const cw::engine::Plan plan = cw::engine::planInstruction(l.text);
            runs << double(t.nsecsElapsed()) / 1e6;
            (void)plan;
        }
        perMessage << median(runs);
    }
    std::sort(perMessage.begin(), perMessage.end());
    row.value = perMessage.last();
    row.pass = row.value <= 5.0;
    row.note = QStringLiteral("%1 messages; median %2 ms, 95th percentile %3 ms")
                   .arg(perMessage.size())
                   .arg(median(perMessage), 0, 'f', 3)
                   .arg(perMessage.at(qsizetype(perMessage.size() * 0.95)), 0, 'f', 3);
    return row;
}

} // namespace cw::bench
