// Scene edits (edit/Scenes.h). split_scenes splits only the main track, as split_at does: the
// cuts are the main picture's, and other footage (a voice-over track) plays on across them.
#include "edit/OperationsUtil.h"
#include "edit/Scenes.h"

#include "ApiError.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace cw::engine {

using namespace ops;

QList<qint64> timelineSceneCuts(const Draft& draft, const QHash<QString, QList<qint64>>& sourceCuts)
{
    QList<qint64> out;
    const int vi = mainVideoTrack(draft);
    if (vi < 0)
        return out;
    for (const Segment& s : draft.t[vi].sg) {
        const auto it = sourceCuts.constFind(s.src);
        if (it == sourceCuts.cend() || s.d <= 0 || s.m.value(QLatin1String("freeze")).toBool())
            continue;
        const double speed = speedOf(s);
        const bool reversed = s.m.value(QLatin1String("reverse")).toBool();
        const double srcEnd = double(s.in) + double(s.d) * speed;
        for (const qint64 c : *it) {
            if (c <= s.in || double(c) >= srcEnd)
                continue;
            const double offset =
                reversed ? (srcEnd - double(c)) / speed : double(c - s.in) / speed;
            const qint64 t = s.st + qint64(std::floor(offset + 1e-6));
            if (t - s.st >= kSceneEdgeMs && s.end() - t >= kSceneEdgeMs)
                out << t;
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

EditResult splitScenes(const Draft& draft, const QList<qint64>& cuts)
{
    const int vi = mainVideoTrack(draft);
    if (vi < 0 || draft.t[vi].sg.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("There are no clips on the timeline."));
    Draft out = draft;
    Track& t = out.t[vi];
    QJsonArray done;
    for (const qint64 at : cuts) {
        for (int i = 0; i < t.sg.size(); ++i) {
            const Segment s = t.sg[i];
            if (s.st < at && at < s.end()) {
                const auto parts = splitSegment(out, s, at);
                t.sg[i] = parts.first;
                t.sg.insert(i + 1, parts.second);
                done.append(at);
                break;
            }
        }
    }
    if (done.isEmpty())
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("No scene changes found inside the clips on the timeline."));
    std::stable_sort(t.sg.begin(), t.sg.end(),
                     [](const Segment& a, const Segment& b) { return a.st < b.st; });
    return success(
        out, {{QStringLiteral("cuts"), done}, {QStringLiteral("segments"), int(t.sg.size())}});
}

EditResult removeScene(const Draft& draft, const QList<qint64>& cuts, qint64 atMs)
{
    const int vi = mainVideoTrack(draft);
    if (vi < 0 || draft.t[vi].sg.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("There are no clips on the timeline."));
    const qint64 total = draft.computedDuration();
    if (atMs < 0 || atMs >= total)
        return fail(ErrorCode::BadRequest, QStringLiteral("%1 is after the end of the video (%2).")
                                               .arg(clock(atMs), clock(total)));
    QList<qint64> edges{0, total};
    edges << cuts;
    for (const Segment& s : draft.t[vi].sg)
        edges << s.st << s.end();
    qint64 a = 0;
    qint64 b = total;
    for (const qint64 e : edges) {
        if (e <= atMs)
            a = std::max(a, e);
        else
            b = std::min(b, e);
    }
    if (a <= 0 && b >= total)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("The scene at %1 is the whole video; nothing was changed.")
                        .arg(clock(atMs)));
    EditResult r = removeRange(draft, a, b);
    if (r.ok)
        r.details.insert(QStringLiteral("at_ms"), atMs);
    return r;
}

} // namespace cw::engine
