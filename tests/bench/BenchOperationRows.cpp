// Issue 16's speed bar for single operations: "every operation renders within 1.15x the time
// of one hand-written ffmpeg command doing the same on the same input". Each row puts the
// short 1080p clip in a fresh engine, applies the operation by chat as a user would, and
// times the engine's 1080p export against one ffmpeg command a person would type for the
// same result, with the export's x264/AAC settings; alternated, best of 2 each, CPU seconds
// beside wall time. The note says which path the engine took (the smart render copies the
// source's GOPs and re-encodes only the frames the operation draws; the normal render
// re-encodes every frame), from the engine's own plan for the draft, and the engine's
// filter graph goes into the JSON so a slow row shows where the time goes. Rows: fade, logo,
// split screen, reverse.
#include "BenchOperationSupport.h"

#include "Draft.h"
#include "edit/Overlays.h"

#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace cw::bench {

using namespace cw::engine;

using cw::test::HttpReply;

Row fadeRow(const Context& ctx)
{
    Row r = operationRow("fade", "fade in + out (1 s each), short 1080p clip");
    Edited e;
    if (!edit(ctx, {}, QStringLiteral("fade in at the start and fade out at the end"), &e)) {
        r.note = e.error;
        return r;
    }
    const qint64 total = qint64(e.draft.value(QStringLiteral("d")).toDouble());
    const QJsonObject m = e.draft.value(QStringLiteral("m")).toObject();
    const qint64 in =
        m.value(QStringLiteral("fade_in")).toObject().value(QStringLiteral("d")).toInt();
    const qint64 out =
        m.value(QStringLiteral("fade_out")).toObject().value(QStringLiteral("d")).toInt();
    if (in <= 0 || out <= 0 || total <= 0) {
        r.note = QStringLiteral("no fades in the draft; reply: ") + e.reply.left(300);
        return r;
    }
    const QString file = ctx.workDir + QStringLiteral("/fade-baseline.mp4");
    const QString outAt = sec(total - out);
    const QStringList args = handWritten(
        {QStringLiteral("-i"), ctx.shortHd},
        {QStringLiteral("-vf"),
         QStringLiteral("fade=t=in:st=0:d=%1,fade=t=out:st=%2:d=%3").arg(sec(in), outAt, sec(out)),
         QStringLiteral("-af"),
         QStringLiteral("afade=t=in:st=0:d=%1,afade=t=out:st=%2:d=%3")
             .arg(sec(in), outAt, sec(out))},
        ctx.x264, file);
    measure(ctx, e, args, file, enginePath(e.draft, ctx.shortHd, {}, ctx.workDir), &r);
    return r;
}

Row logoRow(const Context& ctx)
{
    Row r = operationRow("logo", "logo in a corner at 80% opacity, short 1080p");
    // A 200x100 RGBA logo whose right half is transparent, as a PNG.
    const QString logo = ctx.workDir + QStringLiteral("/logo.png");
    const ProcResult made =
        runTimed(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                  QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("color=c=0xE04020:s=200x100,format=rgba,"
                                 "geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='if(lt(X,100),255,0)'"),
                  QStringLiteral("-frames:v"), QStringLiteral("1"), logo},
                 60000);
    if (!made.ok) {
        r.note = QStringLiteral("cannot make the logo: ") + QString::fromUtf8(made.err.right(300));
        return r;
    }
    // No chat message places a logo yet (the lexicon still declines "logo"), so the engine
    // renders a draft made by the operation itself, addOverlay, over the uploaded PNG.
    Edited e;
    if (!edit(ctx, {}, {}, &e)) {
        r.note = e.error;
        return r;
    }
    const std::optional<Draft> plain = Draft::fromJson(e.draft);
    QSet<QString> before;
    if (plain)
        for (const Track& t : plain->t)
            for (const Segment& sg : t.sg)
                before.insert(sg.src);
    const HttpReply up = uploadFile(e.engine.baseUrl(), e.engine.token(), e.sid, logo);
    QString logoId;
    if (const std::optional<Draft> withLogo = Draft::fromJson(headDraft(*e.c, e.sid)))
        for (const Track& t : withLogo->t)
            for (const Segment& sg : t.sg)
                if (!sg.src.isEmpty() && !before.contains(sg.src))
                    logoId = sg.src;
    if (up.code() != 0 || logoId.isEmpty() || !plain) {
        r.note = QStringLiteral("the logo upload failed (HTTP %1)").arg(up.status);
        return r;
    }
    OverlayOptions options;
    options.position = QStringLiteral("bottom_right");
    options.opacity = 0.8;
    const EditResult placed = addOverlay(
        *plain,
        MediaRef{logoId, QStringLiteral("logo.png"), QStringLiteral("image"), 0, false, true},
        options);
    if (!placed.ok) {
        r.note = QStringLiteral("addOverlay failed: ") + placed.error;
        return r;
    }
    const QJsonObject draft = placed.draft.toJson();
    QJsonObject seg;
    for (const QJsonValue& tv : draft.value(QStringLiteral("t")).toArray())
        for (const QJsonValue& sv : tv.toObject().value(QStringLiteral("sg")).toArray())
            if (sv.toObject().value(QStringLiteral("m")).toObject().value(QStringLiteral("role")) ==
                QLatin1String("overlay"))
                seg = sv.toObject();
    const QJsonObject m = seg.value(QStringLiteral("m")).toObject();
    const double opacity = m.value(QStringLiteral("op")).toDouble(-1);
    if (seg.isEmpty() || std::abs(opacity - 0.8) > 1e-6) {
        r.note = QStringLiteral("no logo at 80% in the draft");
        return r;
    }
    // The engine's size and margin (RenderFilters.cpp): a share of the width, rounded to even.
    const int w = int(1920 * m.value(QStringLiteral("w")).toDouble(15) / 100) / 2 * 2;
    const int margin = int(std::lround(1920 * 0.03));
    const QString file = ctx.workDir + QStringLiteral("/logo-baseline.mp4");
    const QStringList args =
        handWritten({QStringLiteral("-i"), ctx.shortHd, QStringLiteral("-loop"),
                     QStringLiteral("1"), QStringLiteral("-i"), logo},
                    {QStringLiteral("-filter_complex"),
                     QStringLiteral("[1:v]scale=%1:-2,format=yuva420p,lut=a=val*0.8[l];"
                                    "[0:v][l]overlay=x=W-w-%2:y=H-h-%2:shortest=1[v]")
                         .arg(w)
                         .arg(margin),
                     QStringLiteral("-map"), QStringLiteral("[v]"), QStringLiteral("-map"),
                     QStringLiteral("0:a")},
                    ctx.x264, file);
    measure(ctx, e, args, file, enginePath(draft, ctx.shortHd, logo, ctx.workDir), &r, draft);
    r.note += QStringLiteral("; logo %1 px wide at %2")
                  .arg(w)
                  .arg(m.value(QStringLiteral("pos")).toString());
    return r;
}

// "Put both clips side by side" over the short clip and a copy of it (a second upload), each
// cropped to its half, against one hstack command (edit/Layouts.h, render/RenderLayout.cpp).
Row splitRow(const Context& ctx)
{
    Row r = operationRow("split", "side-by-side split screen of two clips, short 1080p");
    QString error;
    const QString second = copyOfClip(ctx, QStringLiteral("second.mp4"), &error);
    if (second.isEmpty()) {
        r.note = error;
        return r;
    }
    Edited e;
    if (!edit(ctx, {second}, QStringLiteral("put both clips side by side"), &e)) {
        r.note = e.error;
        return r;
    }
    bool split = false;
    for (const QJsonValue& tv : e.draft.value(QStringLiteral("t")).toArray())
        for (const QJsonValue& sv : tv.toObject().value(QStringLiteral("sg")).toArray())
            split =
                split ||
                sv.toObject().value(QStringLiteral("m")).toObject().value(QStringLiteral("role")) ==
                    QLatin1String("split");
    if (!split) {
        r.note = QStringLiteral("no split screen in the draft; reply: ") + e.reply.left(300);
        return r;
    }
    const QString file = ctx.workDir + QStringLiteral("/split-baseline.mp4");
    const QStringList args =
        handWritten({QStringLiteral("-i"), ctx.shortHd, QStringLiteral("-i"), second},
                    {QStringLiteral("-filter_complex"),
                     QStringLiteral("[0:v]crop=960:1080[l];[1:v]crop=960:1080[r];[l][r]hstack[v]"),
                     QStringLiteral("-map"), QStringLiteral("[v]"), QStringLiteral("-map"),
                     QStringLiteral("0:a")},
                    ctx.x264, file);
    measure(ctx, e, args, file, enginePath(e.draft, ctx.shortHd, {}, ctx.workDir), &r);
    return r;
}

Row reverseRow(const Context& ctx)
{
    Row r = operationRow("reverse", "the last 5 s played backwards, short 1080p clip");
    Edited e;
    if (!edit(ctx, {}, QStringLiteral("play the last 5 seconds backwards"), &e)) {
        r.note = e.error;
        return r;
    }
    const qint64 total = qint64(e.draft.value(QStringLiteral("d")).toDouble());
    if (total <= 5000) {
        r.note = QStringLiteral("the clip is too short: ") + e.reply.left(300);
        return r;
    }
    // Split, trim both parts, reverse the second, join: picture and sound alike.
    const QString cut = sec(total - 5000);
    const QString end = sec(total);
    const QString graph =
        QStringLiteral(
            "[0:v]split[v1][v2];[v1]trim=0:%1,setpts=PTS-STARTPTS[va];"
            "[v2]trim=%1:%2,setpts=PTS-STARTPTS,reverse[vb];[va][vb]concat=n=2:v=1:a=0[v];"
            "[0:a]asplit[a1][a2];[a1]atrim=0:%1,asetpts=PTS-STARTPTS[aa];"
            "[a2]atrim=%1:%2,asetpts=PTS-STARTPTS,areverse[ab];"
            "[aa][ab]concat=n=2:v=0:a=1[a]")
            .arg(cut, end);
    const QString file = ctx.workDir + QStringLiteral("/reverse-baseline.mp4");
    const QStringList args =
        handWritten({QStringLiteral("-i"), ctx.shortHd},
                    {QStringLiteral("-filter_complex"), graph, QStringLiteral("-map"),
                     QStringLiteral("[v]"), QStringLiteral("-map"), QStringLiteral("[a]")},
                    ctx.x264, file);
    measure(ctx, e, args, file, enginePath(e.draft, ctx.shortHd, {}, ctx.workDir), &r);
    return r;
}

} // namespace cw::bench
