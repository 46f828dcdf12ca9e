// Text helpers of the planner: quoted text is lifted out before anything else (so titles are
// taken exactly and never split or parsed as commands), then the rest is normalised
// (NFKC, lower case, number words to digits in English and Chinese) and split into clauses.
// Times and levels are read from a clause here; Planner.cpp decides what each clause means.
#pragma once

#include <QString>
#include <QStringList>

namespace cw::engine::plannertext {

struct Prepared {
    QString text;       // normalised, quotes replaced by kQuoteMark + index + kQuoteEnd
    QStringList quotes; // the quoted texts, exactly as written
    QString original;   // the message as read (first 4000 characters)
};

constexpr char16_t kQuoteMark = 0xE000;
constexpr char16_t kQuoteEnd = 0xE001;

Prepared prepare(const QString& message);
// NFKC, lower case, number words to digits: what prepare() does to the text outside quotes
// (the vocabulary is normalised the same way, so "一下" in it matches "1下" in a message).
QString normalize(const QString& text);
QStringList splitClauses(const QString& text);

// The first quote placeholder in a clause: its index into Prepared::quotes, or -1.
int quoteIndex(const QString& clause);

// A time: "1:30", "0:12.5", "00:01:02", "12s", "800 ms", "2 minutes", "5秒". -1 when none.
// `defaultUnitMs` applies to a bare number (1000 = seconds).
qint64 parseTimeToken(const QString& token, qint64 defaultUnitMs = 1000);

struct Range {
    qint64 fromMs = -1;
    qint64 toMs = -1;   // -1 with fromMs >= 0: to the end
    qint64 lastMs = -1; // "the last 3 seconds"
    bool found() const { return fromMs >= 0 || lastMs >= 0; }
};
// "0:12-0:20", "from 12s to 20s", "12 to 20 seconds", "the first 5 seconds", "the last 3
// seconds", "everything after 1:00", "before 0:10", 前5秒, 最后3秒, 12秒到20秒.
Range findRange(const QString& clause);
// The first time mentioned with at/@/在/从: "at 0:05" -> 5000; -1 when none.
qint64 findAt(const QString& clause);
// The first plain duration ("for 4 seconds", "of 0.5 s", "1.5秒"); -1 when none.
qint64 findDuration(const QString& clause);
// "80%", "80 percent" -> 0.8; -1 when none.
double findPercent(const QString& clause);
// "1.5x", "2 times", "1.5倍" -> factor; -1 when none.
double findFactor(const QString& clause);
// "-40 dB" -> -40 (always negative); 0 when none.
double findDb(const QString& clause);
// "-16 LUFS" -> -16; 0 when none.
double findLufs(const QString& clause);
// Ordinal of a clip: "second" / "2nd" / "clip 2" / 第二个 -> 1 (0-based); "last" -> -1;
// returns -2 when none. `from` is where to start looking; *end receives the match end.
int findOrdinal(const QString& clause, qsizetype from = 0, qsizetype* end = nullptr);

} // namespace cw::engine::plannertext
