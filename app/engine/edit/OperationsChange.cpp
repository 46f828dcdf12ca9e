// Changing and removing what earlier edits added (pure Draft -> Draft).
//
// Rules (tst_changeops pins each one):
// - Music is every segment isMusicSegment() accepts, on any audio track. Volumes are kept to
//   0..1 and rounded to 1/1000 so "a bit louder" twice gives a stable number; a segment
//   without m.vol counts as 0.35, addMusic's default.
// - removeMusic and removeText drop a track only when it held what was removed and is empty
//   afterwards: other audio and other texts stay where they are, nothing else moves.
// - editText without a style changes one text (the only one, else the first title, else the
//   first); with a style, every text of that style, except that a new start for several
//   texts is refused (they would all pile up at one time). Starts must lie inside the
//   footage and lengths are cut at its end, as in addText. A moved or longer text that
//   would overlap another on its track moves to a text track where it fits (the renderer
//   refuses overlapping segments on one track).
// - removeIntro prefers the m.role "intro" marker the agent sets; without it (drafts made
//   before the marker), only a first main-track clip named "intro.mp4" with insertClip's
//   "clip" id counts, so an uploaded clip of that name elsewhere is never taken. All pieces
//   of the intro go (pause cutting may have split it), later content ripples left, and the
//   new first clip loses the transition that led into it from the intro.
#include "edit/OperationsChange.h"

#include "edit/OperationsUtil.h"
#include "media/AudioAnalysis.h"

#include "ApiError.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace cw::engine {

using namespace ops;

namespace {

constexpr double kDefaultMusicVolume = 0.35;

QString noMusic()
{
    return QStringLiteral("There is no background music on the timeline.");
}

double roundedVolume(double v)
{
    return std::round(std::clamp(v, 0.0, 1.0) * 1000.0) / 1000.0;
}

bool knownStyle(const QString& style)
{
    return style.isEmpty() || style == QLatin1String("title") ||
           style == QLatin1String("lower_third") || style == QLatin1String("caption") ||
           style == QLatin1String("watermark");
}

QString unknownStyle(const QString& style)
{
    return QStringLiteral(
               "Unknown text style \"%1\" (use title, lower_third, caption or watermark).")
        .arg(style);
}

// "title" -> "title", "lower_third" -> "lower third", "" -> "text".
QString styleWord(const QString& style)
{
    if (style == QLatin1String("lower_third"))
        return QStringLiteral("lower third");
    return style.isEmpty() ? QStringLiteral("text") : style;
}

QString noText(const QString& style)
{
    return QStringLiteral("There is no %1 on the timeline.").arg(styleWord(style));
}

QString styleOf(const Segment& s)
{
    return s.m.value(QLatin1String("style")).toString();
}

// "Top left", "top-left" -> "top_left"; empty when not one of the positions.
QString normalisedPosition(const QString& position)
{
    static const QStringList positions = {
        QStringLiteral("top"),         QStringLiteral("bottom"),    QStringLiteral("center"),
        QStringLiteral("top_left"),    QStringLiteral("top_right"), QStringLiteral("bottom_left"),
        QStringLiteral("bottom_right")};
    QString p = position.trimmed().toLower();
    p.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    if (p == QLatin1String("centre") || p == QLatin1String("middle"))
        p = QStringLiteral("center");
    return positions.contains(p) ? p : QString();
}

// (track, segment) indices of the text segments `style` selects, see the header.
QList<QPair<int, int>> selectTexts(const Draft& d, const QString& style, bool all)
{
    QList<QPair<int, int>> texts;
    for (int ti = 0; ti < d.t.size(); ++ti) {
        if (d.t[ti].tt != int(TrackType::Text))
            continue;
        for (int si : sortedIndices(d.t[ti]))
            if (style.isEmpty() || styleOf(d.t[ti].sg[si]) == style)
                texts << qMakePair(ti, si);
    }
    if (!style.isEmpty() || all || texts.size() <= 1)
        return texts;
    auto start = [&](const QPair<int, int>& x) { return d.t[x.first].sg[x.second].st; };
    std::stable_sort(texts.begin(), texts.end(),
                     [&](const auto& a, const auto& b) { return start(a) < start(b); });
    for (const auto& x : texts)
        if (styleOf(d.t[x.first].sg[x.second]) == QLatin1String("title"))
            return {x};
    return {texts.first()};
}

// The renderer refuses a track whose segments overlap, so a text that now runs into another
// on its track moves to a text track where it fits (a new one when none does).
void separateOverlaps(Draft& d, const QStringList& ids)
{
    for (const QString& id : ids) {
        for (int ti = 0; ti < d.t.size(); ++ti) {
            const int si = int(std::find_if(d.t[ti].sg.begin(), d.t[ti].sg.end(),
                                            [&](const Segment& x) { return x.id == id; }) -
                               d.t[ti].sg.begin());
            if (si >= d.t[ti].sg.size())
                continue;
            const Segment s = d.t[ti].sg[si];
            auto fits = [&](const Track& t) {
                return t.tt == int(TrackType::Text) &&
                       std::none_of(t.sg.begin(), t.sg.end(), [&](const Segment& x) {
                           return x.id != s.id && x.d > 0 && x.st < s.end() && s.st < x.end();
                       });
            };
            if (fits(d.t[ti]))
                break;
            d.t[ti].sg.removeAt(si);
            int dest = -1;
            for (int i = 0; i < d.t.size() && dest < 0; ++i)
                if (i != ti && fits(d.t[i]))
                    dest = i;
            if (dest < 0)
                dest = appendTextTrack(d);
            d.t[dest].sg << s;
            break;
        }
    }
}

} // namespace

EditResult setMusicVolume(const Draft& draft, double volume, double factor)
{
    if (std::isnan(volume))
        return fail(ErrorCode::BadRequest, QStringLiteral("The music volume is not a number."));
    const bool absolute = volume >= 0;
    if (!absolute && (!std::isfinite(factor) || factor < 0))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("A volume change must be a factor of 0 or more."));
    Draft out = draft;
    int changed = 0;
    double oldVolume = 0;
    double newVolume = 0;
    for (Track& t : out.t) {
        for (int i : sortedIndices(t)) {
            Segment& s = t.sg[i];
            if (!isMusicSegment(t, s))
                continue;
            const double old = s.m.value(QLatin1String("vol")).toDouble(kDefaultMusicVolume);
            const double now = roundedVolume(absolute ? volume : old * factor);
            s.m.insert(QStringLiteral("vol"), now);
            if (changed++ == 0) {
                oldVolume = old;
                newVolume = now;
            }
        }
    }
    if (changed == 0)
        return fail(ErrorCode::Conflict, noMusic());
    return success(out, {{QStringLiteral("old_volume"), oldVolume},
                         {QStringLiteral("volume"), newVolume},
                         {QStringLiteral("segments"), changed}});
}

// Removes the segments `drop` picks; a track it leaves empty goes too. Returns how many.
static int eraseSegments(Draft& d, const std::function<bool(const Track&, const Segment&)>& drop)
{
    int removed = 0;
    for (int ti = int(d.t.size()) - 1; ti >= 0; --ti) {
        Track& t = d.t[ti];
        const int before = int(t.sg.size());
        t.sg.erase(
            std::remove_if(t.sg.begin(), t.sg.end(), [&](const Segment& s) { return drop(t, s); }),
            t.sg.end());
        const int here = before - int(t.sg.size());
        removed += here;
        if (here > 0 && t.sg.isEmpty())
            d.t.removeAt(ti);
    }
    return removed;
}

EditResult removeMusic(const Draft& draft)
{
    Draft out = draft;
    const int removed = eraseSegments(out, isMusicSegment);
    if (removed == 0)
        return fail(ErrorCode::Conflict, noMusic());
    return success(out, {{QStringLiteral("removed_segments"), removed}});
}

EditResult editText(const Draft& draft, const TextChange& change)
{
    if (!knownStyle(change.style))
        return fail(ErrorCode::BadRequest, unknownStyle(change.style));
    const QString text = change.text.trimmed();
    if (!change.text.isEmpty() && text.isEmpty())
        return fail(ErrorCode::BadRequest, QStringLiteral("The new text is empty."));
    const QString position = normalisedPosition(change.position);
    if (!change.position.isEmpty() && position.isEmpty())
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Unknown position \"%1\" (use top, bottom, center, top_left, "
                                   "top_right, bottom_left or bottom_right).")
                        .arg(change.position));
    const bool moveStart = change.startMs >= 0;
    const bool resize = change.durationMs > 0;
    if (const QString problem = textLookProblem(change.look); !problem.isEmpty())
        return fail(ErrorCode::BadRequest, problem);
    if (text.isEmpty() && position.isEmpty() && !moveStart && !resize && change.look.empty())
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Nothing to change: give a new text, position, start, "
                                   "length or look."));
    const QList<QPair<int, int>> targets = selectTexts(draft, change.style, change.all);
    if (targets.isEmpty())
        return fail(ErrorCode::Conflict, noText(change.style));
    if (moveStart && targets.size() > 1)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("There are %1 %2s; moving them all to %3 would stack them. "
                                   "Say which one to move.")
                        .arg(targets.size())
                        .arg(styleWord(change.style), clock(change.startMs)));
    const qint64 end = footageEnd(draft);
    if (moveStart && end > 0 && change.startMs >= end)
        return fail(ErrorCode::BadRequest, QStringLiteral("%1 is after the end of the video (%2).")
                                               .arg(clock(change.startMs), clock(end)));

    Draft out = draft;
    QStringList ids;
    for (const auto& [ti, si] : targets) {
        Segment& s = out.t[ti].sg[si];
        if (!text.isEmpty()) {
            s.m.insert(QStringLiteral("text"), text);
            s.m.insert(QStringLiteral("name"), text.left(40));
        }
        if (!position.isEmpty())
            s.m.insert(QStringLiteral("pos"), position);
        applyTextLook(s.m, change.look, true);
        if (moveStart)
            s.st = change.startMs;
        if (resize)
            s.d = change.durationMs;
        if (end > 0 && s.end() > end)
            s.d = std::max<qint64>(0, end - s.st);
        ids << s.id;
    }
    const Segment first = out.t[targets.first().first].sg[targets.first().second];
    if (moveStart || resize)
        separateOverlaps(out, ids);
    QJsonObject details = textLookDetails(first.m);
    details.insert(QStringLiteral("changed"), int(targets.size()));
    details.insert(QStringLiteral("text"), first.m.value(QLatin1String("text")));
    details.insert(QStringLiteral("position"), first.m.value(QLatin1String("pos")));
    details.insert(QStringLiteral("start_ms"), first.st);
    details.insert(QStringLiteral("duration_ms"), first.d);
    return success(out, details);
}

EditResult removeText(const Draft& draft, const QString& style)
{
    if (!knownStyle(style))
        return fail(ErrorCode::BadRequest, unknownStyle(style));
    Draft out = draft;
    const int removed = eraseSegments(out, [&](const Track& t, const Segment& s) {
        return t.tt == int(TrackType::Text) && (style.isEmpty() || styleOf(s) == style);
    });
    if (removed == 0)
        return fail(ErrorCode::Conflict, noText(style));
    return success(out, {{QStringLiteral("removed"), removed}});
}

EditResult removeIntro(const Draft& draft)
{
    const QString none = QStringLiteral("There is no added intro to remove.");
    const int vi = mainVideoTrack(draft);
    if (vi < 0 || draft.t[vi].sg.isEmpty())
        return fail(ErrorCode::Conflict, none);
    const Track& main = draft.t[vi];
    const QList<int> order = sortedIndices(main);
    QList<Interval> pieces;
    for (int i : order)
        if (main.sg[i].m.value(QLatin1String("role")).toString() == QLatin1String("intro"))
            pieces << Interval{main.sg[i].st, main.sg[i].end()};
    if (pieces.isEmpty()) {
        const Segment& first = main.sg[order.first()];
        if (first.m.value(QLatin1String("name")).toString() == QLatin1String("intro.mp4") &&
            first.id.startsWith(QLatin1String("clip")))
            for (int i : order)
                if (main.sg[i].src == first.src)
                    pieces << Interval{main.sg[i].st, main.sg[i].end()};
    }
    if (pieces.isEmpty())
        return fail(ErrorCode::Conflict, none);

    QList<Interval> merged;
    for (const Interval& p : pieces) {
        if (!merged.isEmpty() && p.startMs <= merged.last().endMs)
            merged.last().endMs = std::max(merged.last().endMs, p.endMs);
        else
            merged << p;
    }
    qint64 removedMs = 0;
    for (const Interval& p : merged)
        removedMs += p.length();
    if (removedMs >= footageEnd(draft))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("The intro is the only clip; removing it would leave nothing."));

    Draft out = draft;
    for (int k = int(merged.size()) - 1; k >= 0; --k) {
        EditResult r = removeRange(out, merged[k].startMs, merged[k].endMs);
        if (!r.ok)
            return r;
        out = std::move(r.draft);
    }
    Track& t = out.t[vi];
    t.sg.erase(std::remove_if(t.sg.begin(), t.sg.end(), [](const Segment& s) { return s.d <= 0; }),
               t.sg.end());
    if (!t.sg.isEmpty())
        t.sg[sortedIndices(t).first()].m.remove(QLatin1String("tr"));
    return success(out, {{QStringLiteral("removed_ms"), removedMs},
                         {QStringLiteral("segments"), int(t.sg.size())}});
}

} // namespace cw::engine
