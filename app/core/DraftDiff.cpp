// Draft diff in counts, and those counts in one English sentence. Segments are matched by id
// within tracks matched by id: a segment that moved to another track counts as removed plus
// added, and the segments of an added (removed) track count as added (removed). Plurals are
// separate source strings rather than %n forms, so English reads right without a translator
// loaded and a translator still gets every form.
#include "DraftDiff.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <cstdlib>

namespace cw {

namespace {

// "4.5 s" style: at most one decimal, no trailing ".0".
QString seconds(qint64 ms)
{
    const qint64 tenths = (std::llabs(ms) + 50) / 100;
    if (tenths % 10 == 0)
        return QString::number(tenths / 10);
    return QStringLiteral("%1.%2").arg(tenths / 10).arg(tenths % 10);
}

// "0:13", "12:05", "1:02:03", rounded to the nearest second.
QString clock(qint64 ms)
{
    const qint64 total = (std::max<qint64>(ms, 0) + 500) / 1000;
    const qint64 h = total / 3600;
    const qint64 m = total / 60 % 60;
    const qint64 s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace

bool DraftChange::isEmpty() const
{
    return segmentsAdded == 0 && segmentsRemoved == 0 && segmentsChanged == 0 && tracksAdded == 0 &&
           tracksRemoved == 0 && durationBeforeMs == durationAfterMs;
}

DraftChange diffDrafts(const Draft& before, const Draft& after)
{
    DraftChange c;
    c.durationBeforeMs = before.computedDuration();
    c.durationAfterMs = after.computedDuration();

    // Duplicate track ids (invalid, but possible) pair up in order of appearance, like
    // segments, so a draft compared with itself is always unchanged.
    QHash<QString, QList<const Track*>> oldTracks;
    for (const Track& t : before.t)
        oldTracks[t.id].append(&t);
    for (const Track& t : after.t) {
        auto found = oldTracks.find(t.id);
        const Track* old =
            found == oldTracks.end() || found->isEmpty() ? nullptr : found->takeFirst();
        if (!old) {
            ++c.tracksAdded;
            c.segmentsAdded += t.sg.size();
            continue;
        }
        // Duplicate ids (invalid, but possible) pair up in order of appearance.
        QHash<QString, QList<const Segment*>> oldSegs;
        for (const Segment& s : old->sg)
            oldSegs[s.id].append(&s);
        int matched = 0;
        for (const Segment& s : t.sg) {
            auto it = oldSegs.find(s.id);
            if (it == oldSegs.end() || it->isEmpty()) {
                ++c.segmentsAdded;
                continue;
            }
            const Segment* o = it->takeFirst();
            ++matched;
            if (!(*o == s))
                ++c.segmentsChanged;
        }
        c.segmentsRemoved += old->sg.size() - matched;
    }
    for (const QList<const Track*>& unmatched : std::as_const(oldTracks))
        for (const Track* t : unmatched) {
            ++c.tracksRemoved;
            c.segmentsRemoved += t->sg.size();
        }
    return c;
}

QString describeChange(const DraftChange& c)
{
    if (c.isEmpty())
        return QCoreApplication::translate("DraftDiff", "Nothing changed on the timeline.");

    QStringList clauses;
    QStringList tracks;
    if (c.tracksAdded == 1)
        tracks << QCoreApplication::translate("DraftDiff", "1 track added");
    else if (c.tracksAdded > 1)
        tracks << QCoreApplication::translate("DraftDiff", "%1 tracks added").arg(c.tracksAdded);
    if (c.tracksRemoved == 1)
        tracks << QCoreApplication::translate("DraftDiff", "1 track removed");
    else if (c.tracksRemoved > 1)
        tracks
            << QCoreApplication::translate("DraftDiff", "%1 tracks removed").arg(c.tracksRemoved);
    if (!tracks.isEmpty())
        clauses << tracks.join(QStringLiteral(", "));

    // The first count names the noun ("5 segments added"), the rest lean on it ("1 removed").
    QStringList segs;
    const int counts[3] = {c.segmentsAdded, c.segmentsRemoved, c.segmentsChanged};
    for (int k = 0; k < 3; ++k) {
        const int n = counts[k];
        if (n == 0)
            continue;
        const bool first = segs.isEmpty();
        QString s;
        if (k == 0)
            s = n == 1 ? QCoreApplication::translate("DraftDiff", "1 segment added")
                       : QCoreApplication::translate("DraftDiff", "%1 segments added").arg(n);
        else if (k == 1 && first)
            s = n == 1 ? QCoreApplication::translate("DraftDiff", "1 segment removed")
                       : QCoreApplication::translate("DraftDiff", "%1 segments removed").arg(n);
        else if (k == 1)
            s = QCoreApplication::translate("DraftDiff", "%1 removed").arg(n);
        else if (first)
            s = n == 1 ? QCoreApplication::translate("DraftDiff", "1 segment changed")
                       : QCoreApplication::translate("DraftDiff", "%1 segments changed").arg(n);
        else
            s = QCoreApplication::translate("DraftDiff", "%1 changed").arg(n);
        segs << s;
    }
    if (!segs.isEmpty())
        clauses << segs.join(QStringLiteral(", "));

    const qint64 delta = c.durationAfterMs - c.durationBeforeMs;
    const QString now = clock(c.durationAfterMs);
    if (std::llabs(delta) < 50)
        clauses << QCoreApplication::translate("DraftDiff", "same length (%1)").arg(now);
    else if (delta < 0)
        clauses << QCoreApplication::translate("DraftDiff", "%1 s shorter (now %2)")
                       .arg(seconds(delta), now);
    else
        clauses << QCoreApplication::translate("DraftDiff", "%1 s longer (now %2)")
                       .arg(seconds(delta), now);

    return QCoreApplication::translate("DraftDiff", "Timeline changed: %1.")
        .arg(clauses.join(QStringLiteral("; ")));
}

} // namespace cw
