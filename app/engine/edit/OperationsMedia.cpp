// Music, text, transitions and the whole-draft settings (aspect, loudness, denoise, look).
//
// Rules (tst_operations pins each one):
// - addMusic replaces every existing music track with one track "Music" (tt 1) whose
//   segments (m.role "music") repeat the file back to back from 0 to the end of the footage
//   (or of the timeline when there is no footage); the last repeat is trimmed. The fade-in
//   sits on the first repeat, the fade-out on the last; vol and duck are on every repeat.
// - addText adds to the first text track (creating "Titles", tt 7, at the end) and clamps
//   the text to the timeline: it must start before the end, and its end is cut to the end.
// - addTransitions puts m.tr {type, d} on every main-track video segment after the first
//   (in timeline order); d is clamped to half the shorter of the two neighbours. "none"
//   removes them. Transitions never change durations: the renderer holds the last frame of
//   the outgoing clip for d and overlaps, so the output is exactly as long as the timeline.
// - setAspect/setLoudness/setDenoise/setLook only write draft.m keys (see Operations.h).
#include "edit/OperationsUtil.h"

#include "ApiError.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace cw::engine {

using namespace ops;

EditResult addMusic(const Draft& draft, const MediaRef& music, const MusicOptions& options)
{
    if (music.id.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no music file to add."));
    if (!music.hasAudio || music.durationMs <= 0)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("\"%1\" has no sound to use as music.").arg(music.fileName));
    if (!std::isfinite(options.volume) || options.volume < 0.0 || options.volume > 2.0)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Music volume must be between 0% and 200%."));
    qint64 length = footageEnd(draft);
    if (length <= 0)
        length = draft.computedDuration();
    if (length <= 0)
        return fail(ErrorCode::Conflict,
                    QStringLiteral("Add a video first; the music follows its length."));

    Draft out = draft;
    int removed = 0;
    for (int i = int(out.t.size()) - 1; i >= 0; --i) {
        const Track& t = out.t[i];
        const bool musicTrack = t.tt == int(TrackType::Audio) &&
                                (t.n == QLatin1String("Music") ||
                                 std::any_of(t.sg.begin(), t.sg.end(), [&](const Segment& s) {
                                     return isMusicSegment(t, s);
                                 }));
        if (musicTrack) {
            out.t.removeAt(i);
            ++removed;
        }
    }
    Track track;
    track.id = uniqueTrackId(out, QStringLiteral("music"));
    track.tt = int(TrackType::Audio);
    track.n = QStringLiteral("Music");
    const QString name = options.name.isEmpty() ? music.fileName : options.name;
    qint64 cursor = 0;
    int n = 0;
    while (cursor < length) {
        Segment s;
        s.id = track.id + QStringLiteral("_s") + QString::number(++n);
        s.src = music.id;
        s.st = cursor;
        s.in = 0;
        s.d = std::min(music.durationMs, length - cursor);
        s.m = {{QStringLiteral("name"), name},
               {QStringLiteral("role"), QStringLiteral("music")},
               {QStringLiteral("vol"), options.volume},
               {QStringLiteral("duck"), options.duck}};
        cursor += s.d;
        track.sg << s;
    }
    if (options.fadeInMs > 0)
        track.sg.first().m.insert(QStringLiteral("fi"),
                                  std::min(options.fadeInMs, track.sg.first().d));
    if (options.fadeOutMs > 0)
        track.sg.last().m.insert(QStringLiteral("fo"),
                                 std::min(options.fadeOutMs, track.sg.last().d));
    out.t << track;
    return success(out, {{QStringLiteral("segments"), int(track.sg.size())},
                         {QStringLiteral("music_ms"), length},
                         {QStringLiteral("loops"), int(track.sg.size())},
                         {QStringLiteral("replaced_tracks"), removed},
                         {QStringLiteral("volume"), options.volume},
                         {QStringLiteral("duck"), options.duck}});
}

EditResult addText(const Draft& draft, const TextOptions& options)
{
    const QString text = options.text.trimmed();
    if (text.isEmpty())
        return fail(ErrorCode::BadRequest, QStringLiteral("The text is empty."));
    static const QStringList styles = {QStringLiteral("title"),     QStringLiteral("lower_third"),
                                       QStringLiteral("caption"),   QStringLiteral("watermark"),
                                       QStringLiteral("countdown"), QStringLiteral("timecode")};
    const QString style = options.style.isEmpty() ? QStringLiteral("title") : options.style;
    if (!styles.contains(style))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Unknown text style \"%1\" (use title, lower_third, caption, "
                                   "watermark, countdown or timecode).")
                        .arg(style));
    if (options.startMs < 0)
        return fail(ErrorCode::BadRequest, QStringLiteral("The text cannot start before 0:00."));
    if (const QString problem = textLookProblem(options.look); !problem.isEmpty())
        return fail(ErrorCode::BadRequest, problem);
    const qint64 total = draft.computedDuration();
    if (total > 0 && options.startMs >= total)
        return fail(ErrorCode::BadRequest, QStringLiteral("%1 is after the end of the video (%2).")
                                               .arg(clock(options.startMs), clock(total)));
    // A watermark and a running timecode stay on to the end unless a length is given.
    const bool watermark = style == QLatin1String("watermark");
    const bool toEnd = watermark || style == QLatin1String("timecode");
    const qint64 wanted = options.durationMs > 0 ? options.durationMs
                          : toEnd && total > 0   ? total - options.startMs
                                                 : 3000;
    const qint64 d = total > 0 ? std::min(wanted, total - options.startMs) : wanted;

    Draft out = draft;
    int ti = -1;
    for (int i = 0; i < out.t.size() && ti < 0; ++i)
        if (out.t[i].tt == int(TrackType::Text))
            ti = i;
    if (ti < 0)
        ti = appendTextTrack(out);
    QString pos = options.position;
    if (pos.isEmpty())
        pos = style == QLatin1String("title") || style == QLatin1String("countdown")
                  ? QStringLiteral("center")
              : style == QLatin1String("lower_third") ? QStringLiteral("bottom_left")
              : watermark                             ? QStringLiteral("bottom_right")
              : style == QLatin1String("timecode")    ? QStringLiteral("top_right")
                                                      : QStringLiteral("bottom");
    Segment s;
    s.id = uniqueSegmentId(out, QStringLiteral("text"));
    s.st = options.startMs;
    s.d = d;
    s.m = {{QStringLiteral("text"), text},
           {QStringLiteral("style"), style},
           {QStringLiteral("pos"), pos},
           {QStringLiteral("name"), text.left(40)}};
    applyTextLook(s.m, options.look, false);
    out.t[ti].sg << s;
    QJsonObject details = textLookDetails(s.m);
    details.insert(QStringLiteral("start_ms"), s.st);
    details.insert(QStringLiteral("duration_ms"), s.d);
    details.insert(QStringLiteral("clamped_ms"), wanted - d);
    details.insert(QStringLiteral("style"), style);
    return success(out, details);
}

EditResult addTransitions(const Draft& draft, const QString& type, qint64 durationMs)
{
    EditResult failed;
    const QString kind = ops::transitionKind(type, true, &failed);
    if (kind.isEmpty())
        return failed;
    if (durationMs < 0 || durationMs > 5000)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("A transition lasts between 0 and 5 seconds."));
    const qint64 wanted = durationMs > 0 ? durationMs : 500;
    const int vi = mainVideoTrack(draft);
    if (vi < 0 || draft.t[vi].sg.size() < 2)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("There is only one clip; transitions go between clips. "
                                   "Split it or cut the pauses first."));
    Draft out = draft;
    Track& t = out.t[vi];
    const QList<int> order = sortedIndices(t);
    qint64 clamped = 0;
    QJsonArray applied;
    t.sg[order.first()].m.remove(QLatin1String("tr"));
    for (int k = 1; k < order.size(); ++k) {
        Segment& s = t.sg[order[k]];
        if (kind == QLatin1String("none")) {
            s.m.remove(QLatin1String("tr"));
            continue;
        }
        const qint64 limit = std::min(s.d, t.sg[order[k - 1]].d) / 2;
        const qint64 d = std::min(wanted, limit);
        clamped = std::max(clamped, wanted - d);
        if (d <= 0) {
            s.m.remove(QLatin1String("tr"));
            continue;
        }
        s.m.insert(QStringLiteral("tr"),
                   QJsonObject{{QStringLiteral("type"), kind}, {QStringLiteral("d"), d}});
        applied << d;
    }
    return success(out, {{QStringLiteral("type"), kind},
                         {QStringLiteral("transitions"), int(applied.size())},
                         {QStringLiteral("duration_ms"), wanted},
                         {QStringLiteral("clamped_ms"), clamped}});
}

EditResult setAspect(const Draft& draft, const QString& ratio, const QString& mode,
                     const QString& reframe)
{
    struct Size {
        const char* ratio;
        int w;
        int h;
    };
    static const Size sizes[] = {
        {"16:9", 1920, 1080}, {"9:16", 1080, 1920}, {"1:1", 1080, 1080}, {"4:5", 1080, 1350}};
    const QString m = mode.isEmpty() ? QStringLiteral("crop") : mode.toLower();
    if (m != QLatin1String("crop") && m != QLatin1String("blur"))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Unknown aspect mode \"%1\" (use crop or blur).").arg(mode));
    const QString follow = reframe.isEmpty() ? QStringLiteral("subject") : reframe.toLower();
    if (follow != QLatin1String("subject") && follow != QLatin1String("centre"))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Unknown reframe \"%1\" (use subject or centre).").arg(reframe));
    for (const Size& s : sizes) {
        if (ratio.trimmed() != QLatin1String(s.ratio))
            continue;
        Draft out = draft;
        out.m.insert(QStringLiteral("width"), s.w);
        out.m.insert(QStringLiteral("height"), s.h);
        out.m.insert(QStringLiteral("aspect"), QString::fromLatin1(s.ratio));
        out.m.insert(QStringLiteral("aspect_mode"), m);
        out.m.remove(QStringLiteral("reframe"));
        if (m == QLatin1String("crop"))
            out.m.insert(QStringLiteral("reframe"), follow);
        return success(out, {{QStringLiteral("width"), s.w},
                             {QStringLiteral("height"), s.h},
                             {QStringLiteral("aspect"), QString::fromLatin1(s.ratio)},
                             {QStringLiteral("mode"), m},
                             {QStringLiteral("reframe"), out.m.value(QLatin1String("reframe"))}});
    }
    return fail(
        ErrorCode::BadRequest,
        QStringLiteral("Unknown aspect ratio \"%1\" (use 16:9, 9:16, 1:1 or 4:5).").arg(ratio));
}

EditResult setLoudness(const Draft& draft, double lufs)
{
    if (!std::isfinite(lufs) || lufs < -70.0 || lufs > 0.0)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Loudness must be between -70 and 0 LUFS."));
    Draft out = draft;
    out.m.insert(QStringLiteral("loudness_lufs"), lufs);
    return success(out, {{QStringLiteral("loudness_lufs"), lufs}});
}

EditResult setDenoise(const Draft& draft, bool on)
{
    Draft out = draft;
    if (on)
        out.m.insert(QStringLiteral("denoise"), true);
    else
        out.m.remove(QLatin1String("denoise"));
    return success(out, {{QStringLiteral("denoise"), on}});
}

EditResult setAudioCleanup(const Draft& draft, bool on)
{
    Draft out = draft;
    if (on) {
        out.m.insert(QStringLiteral("cleanup"), true);
        out.m.remove(QLatin1String("denoise")); // the chain reduces noise itself
        if (!out.m.contains(QLatin1String("loudness_lufs")))
            out.m.insert(QStringLiteral("loudness_lufs"), -14.0);
    } else {
        out.m.remove(QLatin1String("cleanup"));
    }
    return success(out, {{QStringLiteral("cleanup"), on},
                         {QStringLiteral("lufs"), out.m.value(QLatin1String("loudness_lufs"))}});
}

EditResult setLook(const Draft& draft, const QString& look)
{
    static const QStringList looks = {QStringLiteral("cinematic"), QStringLiteral("warm"),
                                      QStringLiteral("cool"), QStringLiteral("bw"),
                                      QStringLiteral("vivid")};
    const QString l = look.trimmed().toLower();
    Draft out = draft;
    if (l == QLatin1String("none") || l.isEmpty())
        out.m.remove(QLatin1String("look"));
    else if (looks.contains(l))
        out.m.insert(QStringLiteral("look"), l);
    else
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("Unknown look \"%1\" (use cinematic, warm, cool, bw or vivid).")
                        .arg(look));
    return success(out, {{QStringLiteral("look"), l.isEmpty() ? QStringLiteral("none") : l}});
}

} // namespace cw::engine

namespace cw::engine {

using namespace ops;

EditResult addBroll(const Draft& draft, const MediaRef& media, qint64 atMs, qint64 durationMs,
                    qint64 inMs, qint64 fadeMs)
{
    if (media.id.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("There is no clip to use as B-roll."));
    const bool still = media.kind == QLatin1String("image");
    if (!media.hasVideo && !still)
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("\"%1\" has no picture to use as B-roll.").arg(media.fileName));
    const int vi = mainVideoTrack(draft);
    qint64 end = 0;
    if (vi >= 0)
        for (const Segment& s : draft.t[vi].sg)
            end = std::max(end, s.end());
    if (end <= 0)
        return fail(ErrorCode::Conflict, QStringLiteral("Add the main video first."));
    if (atMs < 0 || atMs >= end)
        return fail(
            ErrorCode::BadRequest,
            QStringLiteral("%1 is outside the video (0:00-%2).").arg(clock(atMs), clock(end)));
    if (inMs < 0 || (!still && inMs >= media.durationMs))
        return fail(ErrorCode::BadRequest,
                    QStringLiteral("\"%1\" is shorter than that.").arg(media.fileName));
    const qint64 wanted = durationMs > 0 ? durationMs : 3000;
    qint64 d = std::min(wanted, end - atMs);
    if (!still)
        d = std::min(d, media.durationMs - inMs);
    if (d < 200)
        return fail(ErrorCode::BadRequest, QStringLiteral("The B-roll would be too short."));

    Draft out = draft;
    int bi = -1;
    for (int i = 0; i < out.t.size(); ++i)
        if (i != vi && out.t[i].tt == int(TrackType::Video) &&
            (out.t[i].n == QLatin1String("B-roll") || out.t[i].sg.isEmpty() ||
             out.t[i].sg.first().m.value(QLatin1String("role")).toString() ==
                 QLatin1String("broll")))
            bi = i;
    if (bi < 0) {
        Track t;
        t.id = uniqueTrackId(out, QStringLiteral("broll"));
        t.tt = int(TrackType::Video);
        t.n = QStringLiteral("B-roll");
        out.t.insert(vi + 1, t);
        bi = vi + 1;
    }
    Track& t = out.t[bi];
    const int before = int(t.sg.size());
    t.sg.erase(std::remove_if(t.sg.begin(), t.sg.end(),
                              [&](const Segment& x) { return x.st < atMs + d && atMs < x.end(); }),
               t.sg.end());
    Segment s;
    s.id = uniqueSegmentId(out, QStringLiteral("broll"));
    s.src = media.id;
    s.st = atMs;
    s.in = still ? 0 : inMs;
    s.d = d;
    s.m = {{QStringLiteral("name"), media.fileName},
           {QStringLiteral("role"), QStringLiteral("broll")}};
    const qint64 fade = std::min(std::max<qint64>(fadeMs, 0), d / 2);
    if (fade > 0)
        s.m.insert(QStringLiteral("tr"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("fade")},
                               {QStringLiteral("d"), fade}});
    t.sg << s;
    std::stable_sort(t.sg.begin(), t.sg.end(),
                     [](const Segment& a, const Segment& b) { return a.st < b.st; });
    return success(out, {{QStringLiteral("start_ms"), atMs},
                         {QStringLiteral("duration_ms"), d},
                         {QStringLiteral("clamped_ms"), wanted - d},
                         {QStringLiteral("replaced"), before + 1 - int(t.sg.size())}});
}

} // namespace cw::engine
