// Describes in words what changed between two drafts, for streams that end without text
// (about 30% of cloud edits) and for the engine's own replies.
#pragma once

#include "Draft.h"

namespace cw {

struct DraftChange {
    int segmentsAdded = 0;
    int segmentsRemoved = 0;
    int segmentsChanged = 0;
    int tracksAdded = 0;
    int tracksRemoved = 0;
    qint64 durationBeforeMs = 0;
    qint64 durationAfterMs = 0;
    bool isEmpty() const;
};

DraftChange diffDrafts(const Draft& before, const Draft& after);
// "Timeline changed: 3 segments added, 1 removed; 4.5 s shorter (now 0:25)." or
// "Nothing changed on the timeline."  Translatable through QCoreApplication::translate.
QString describeChange(const DraftChange& change);

} // namespace cw
