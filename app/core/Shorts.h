// Several shorts made from one edit ("make 3 shorts of 30 s each"). The engine chooses them and
// stores them in the draft's metadata; the main timeline stays as it was:
//   m.shorts = [{"name":"Short 1","keep":[{"src":"m1","in":12000,"out":19500},...],
//                "m":{"width":1080,"height":1920,"aspect":"9:16",...}}, ...]
// keep holds *source* ranges (media id, in/out in the source's ms), not timeline times, so a
// later edit of the main timeline ("cut the pauses", "add a title") carries over to every
// short instead of pointing it at other footage. m holds what a short overrides in the
// draft's metadata (its frame). shortDraft() derives the draft of one short: the main draft
// cut to the timeline ranges that show those source ranges, with its titles, music and
// looks, and the short's own metadata. Client (Export dialog) and engine (CLI, chat export)
// call the same function, so both render the same short.
#pragma once

#include "Draft.h"

#include <QList>
#include <QString>
#include <optional>

namespace cw {

struct SourceRange {
    QString src;
    qint64 in = 0;  // ms in the source
    qint64 out = 0; // ms in the source, > in
    bool operator==(const SourceRange& o) const
    {
        return src == o.src && in == o.in && out == o.out;
    }
};

struct TimeRange {
    qint64 from = 0; // ms on the timeline
    qint64 to = 0;
    qint64 length() const { return to - from; }
    bool operator==(const TimeRange& o) const { return from == o.from && to == o.to; }
};

struct ShortSpec {
    QString name;
    QList<SourceRange> keep;
    QJsonObject m; // metadata the short overrides (width, height, aspect, ...)
};

// The shorts stored in the draft (m.shorts); entries without a usable keep are skipped.
QList<ShortSpec> shortsOf(const Draft& draft);
// The draft with these shorts stored (an empty list removes m.shorts).
Draft withShorts(const Draft& draft, const QList<ShortSpec>& shorts);

// The reference track the shorts are measured on: the main video track (the first video
// track with segments), else the first track with footage; -1 when there is none.
int shortsReferenceTrack(const Draft& draft);
// The source ranges shown by the timeline ranges of the reference track, in timeline order.
QList<SourceRange> sourceRangesOf(const Draft& draft, const QList<TimeRange>& timeline);
// The timeline ranges of the reference track showing the source ranges, sorted and merged.
QList<TimeRange> timelineRangesOf(const Draft& draft, const QList<SourceRange>& keep);
// The draft cut down to the timeline ranges, which play one after the other: footage on
// every track is cut with them, titles and music are moved with the time they belong to.
Draft keepTimeRanges(const Draft& draft, const QList<TimeRange>& ranges);

// The draft of short n (1-based): nullopt with a sentence in *error when there is no such
// short or its footage is no longer on the timeline. The result has no m.shorts.
std::optional<Draft> shortDraft(const Draft& draft, int n, QString* error = nullptr);

} // namespace cw
