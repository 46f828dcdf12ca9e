// Helpers shared by the Operations*.cpp files (internal; not part of the contract).
#pragma once

#include "edit/Operations.h"

#include <QSet>
#include <functional>

namespace cw::engine::ops {

EditResult fail(int code, const QString& reason);
EditResult success(Draft draft, QJsonObject details = {});

// Music (background) segments are not cut like footage: they keep playing continuously.
bool isMusicSegment(const Track& t, const Segment& s);
// Footage: segments with a source on a video track or a non-music audio track.
bool isFootage(const Track& t, const Segment& s);

double speedOf(const Segment& s); // m.speed, 1 when absent or invalid

// Index of the first video track with segments, or of the first video track, or -1.
int mainVideoTrack(const Draft& d);
QList<int> sortedIndices(const Track& t); // segment indices by st

QString uniqueSegmentId(const Draft& d, const QString& base, const QSet<QString>& alsoTaken = {});
QString uniqueTrackId(const Draft& d, const QString& base);
// Appends an empty track of type tt named `name` (id from idBase) and returns its index.
int appendTrack(Draft& d, int tt, const QString& idBase, const QString& name);
// Appends an empty text track ("Titles") and returns its index.
int appendTextTrack(Draft& d);

// Splits footage segment s at timeline time t (st < t < end): the first part keeps the id.
QPair<Segment, Segment> splitSegment(const Draft& d, const Segment& s, qint64 t);
// Splits every footage segment that runs across t, so that t falls on a cut.
void splitFootageAt(Draft& d, qint64 t);

// Moves text/music spans through a monotonic map of timeline time. Spans that end up empty are
// dropped; a music segment keeps its in-point (the bed plays on; its tail is what is lost).
void remapSpans(Draft& d, const std::function<qint64(qint64)>& map);
void clipSpansTo(Draft& d, qint64 endMs); // text/music never outlast the footage
qint64 footageEnd(const Draft& d);
QString clock(qint64 ms); // "0:05.2" for messages
// A transition type in lower case ("" means fade); *failed set (and "" returned) when it is
// none of fade, dissolve, wipe, slide, zoom (or "none" where allowNone).
QString transitionKind(const QString& type, bool allowNone, EditResult* failed);

} // namespace cw::engine::ops
