// Pause cutting as a pure Draft -> Draft function.
//
// Rules (the tests pin each one):
// - Speech tracks are video tracks (tt 0) and audio tracks (tt 1) that do not look like
//   music (see isMusicTrack). Each of their segments whose src has an analysis is cut at the
//   pauses that findSilences finds (explicit threshold or the adaptive one, minPauseMs).
// - A pause is clipped to the segment's source range [in, in+d); what remains must still be
//   at least minPauseMs long. It is shrunk by marginMs on each side that touches speech; a
//   side at the segment's own start/end keeps no margin. A pause with nothing left after
//   shrinking removes nothing. So no window at or above the threshold is ever removed.
// - The kept pieces are packed back to back from the segment's original st; pieces get
//   ids "<id>_1", "<id>_2", ... (unique in the draft); later segments of the same track move
//   left by the time removed before them, so gaps between segments are preserved.
// - A source without speech (hasSpeech: silence, room tone, music) is left alone: cutting
//   it would delete nearly the whole clip or chop the music.
// - Every other track (text, music) keeps its positions and is only clipped to the new
//   end of the speech tracks, so a title or music bed never outlasts the video.
#include "edit/CutPauses.h"

#include <QSet>
#include <algorithm>

namespace cw::engine {
namespace {

bool isMusicTrack(const Track& t)
{
    if (t.tt != int(TrackType::Audio))
        return false;
    const QString n = t.n.toLower();
    if (n.contains(QLatin1String("music")) || n.contains(QLatin1String("bgm")) ||
        n.contains(QStringLiteral("音乐")))
        return true;
    return std::any_of(t.sg.begin(), t.sg.end(), [](const Segment& s) {
        return s.m.value(QLatin1String("duck")).toBool() ||
               s.m.value(QLatin1String("role")).toString() == QLatin1String("music");
    });
}

bool isSpeechTrack(const Track& t)
{
    return t.tt == int(TrackType::Video) || (t.tt == int(TrackType::Audio) && !isMusicTrack(t));
}

QString uniqueId(const QString& base, QSet<QString>& used)
{
    QString id = base;
    for (int k = 2; used.contains(id); ++k)
        id = base + QLatin1Char('_') + QString::number(k);
    used.insert(id);
    return id;
}

} // namespace

QHash<QString, QList<Interval>> pausesBySource(const QHash<QString, AudioAnalysis>& analyses,
                                               const PauseOptions& options)
{
    QHash<QString, QList<Interval>> out;
    for (auto it = analyses.begin(); it != analyses.end(); ++it) {
        const AudioAnalysis& a = it.value();
        if (!a.ok || a.levelsDb.isEmpty())
            continue;
        const double thr =
            options.thresholdDb != 0 ? options.thresholdDb : adaptiveSilenceThresholdDb(a);
        if (!hasSpeech(a, thr))
            continue;
        out.insert(it.key(), findSilences(a, thr, options.minPauseMs));
    }
    return out;
}

QList<Interval> pauseCutsInSegment(const Segment& s, const QList<Interval>& pauses,
                                   const PauseOptions& o)
{
    QList<Interval> cuts;
    const qint64 a0 = s.in;
    const qint64 b0 = s.in + s.d;
    for (const Interval& p : pauses) {
        qint64 a = std::max(p.startMs, a0);
        qint64 b = std::min(p.endMs, b0);
        if (b - a < std::max<qint64>(o.minPauseMs, 1))
            continue;
        if (a > a0)
            a += o.marginMs;
        if (b < b0)
            b -= o.marginMs;
        if (b > a)
            cuts.append({a, b});
    }
    return cuts;
}

PauseCutResult cutPauses(const Draft& draft, const QHash<QString, AudioAnalysis>& analyses,
                         const PauseOptions& options)
{
    PauseCutResult result;
    result.draft = draft;

    const QHash<QString, QList<Interval>> pausesBySrc = pausesBySource(analyses, options);
    for (auto it = pausesBySrc.begin(); it != pausesBySrc.end(); ++it) {
        const AudioAnalysis a = analyses.value(it.key());
        const double thr =
            options.thresholdDb != 0 ? options.thresholdDb : adaptiveSilenceThresholdDb(a);
        result.thresholdDb = result.thresholdDb == 0 ? thr : std::max(result.thresholdDb, thr);
    }

    QSet<QString> usedIds;
    for (const Track& t : draft.t)
        for (const Segment& s : t.sg)
            usedIds.insert(s.id);

    qint64 speechEnd = 0;
    bool anySpeechTrack = false;
    for (Track& track : result.draft.t) {
        if (!isSpeechTrack(track))
            continue;
        anySpeechTrack = true;
        QList<Segment> segments = track.sg;
        std::stable_sort(segments.begin(), segments.end(),
                         [](const Segment& x, const Segment& y) { return x.st < y.st; });
        QList<Segment> out;
        qint64 shift = 0;
        for (const Segment& s : segments) {
            const auto pit = pausesBySrc.constFind(s.src);
            if (pit == pausesBySrc.constEnd() && analyses.contains(s.src) &&
                !result.sourcesWithoutSpeech.contains(s.src))
                result.sourcesWithoutSpeech << s.src;
            const QList<Interval> cuts = pit == pausesBySrc.constEnd() || s.d <= 0
                                             ? QList<Interval>{}
                                             : pauseCutsInSegment(s, *pit, options);
            if (cuts.isEmpty()) {
                Segment moved = s;
                moved.st -= shift;
                out.append(moved);
                continue;
            }
            QList<Interval> keep;
            qint64 pos = s.in;
            qint64 removedHere = 0;
            for (const Interval& c : cuts) {
                if (c.startMs > pos)
                    keep.append({pos, c.startMs});
                pos = c.endMs;
                removedHere += c.length();
                ++result.pausesRemoved;
            }
            if (pos < s.in + s.d)
                keep.append({pos, s.in + s.d});

            qint64 st = s.st - shift;
            for (int k = 0; k < keep.size(); ++k) {
                Segment piece = s;
                if (keep.size() > 1)
                    piece.id = uniqueId(s.id + QLatin1Char('_') + QString::number(k + 1), usedIds);
                piece.st = st;
                piece.in = keep[k].startMs;
                piece.d = keep[k].length();
                st += piece.d;
                out.append(piece);
            }
            shift += removedHere;
            result.removedMs += removedHere;
        }
        track.sg = out;
        for (const Segment& s : out)
            speechEnd = std::max(speechEnd, s.end());
    }

    if (result.removedMs > 0 && anySpeechTrack) {
        for (Track& track : result.draft.t) {
            if (isSpeechTrack(track))
                continue;
            QList<Segment> kept;
            for (Segment s : track.sg) {
                if (s.st >= speechEnd)
                    continue;
                s.d = std::min(s.d, speechEnd - s.st);
                kept.append(s);
            }
            track.sg = kept;
        }
    }
    result.draft.d = result.draft.computedDuration();
    return result;
}

} // namespace cw::engine
