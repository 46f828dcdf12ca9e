// Issue 16's speed bar for the layout, motion, timer and sound operations, measured as the
// fade/logo rows are (BenchOperationSupport.h: a fresh engine with the short 1080p clip, the
// operation by chat, the engine's 1080p export against what a person would type for the same
// result, alternated, best of 2, CPU seconds beside wall time). Each baseline does what the
// engine's graph does (printed into the JSON), read from the draft the chat made:
// - pip: a copy of the clip scaled to the draft's width and overlaid in its corner, the main
//   clip's sound;
// - stabilise: vidstabdetect then vidstabtransform (+ unsharp) with the engine's options, both
//   passes timed on both sides; the engine's analysis cache is emptied before each export, so
//   every engine run is a clip's first export;
// - zoom (a steady 1.5x punch-in, a gradual zoom over the last 3 s): split/trim into the
//   draft's pieces, the zoomed one cropped and scaled back (steady) or zoompan on the picture
//   doubled first as the engine does against zoompan's whole-pixel jitter (gradual), concat;
// - freeze: tpad clones the last frame, apad adds the silence;
// - loop: -stream_loop re-encoded (the note adds the stream-copy command's time too);
// - countdown / timecode: drawtext with the engine's font, size and style reading the same
//   expansion;
// - cleanup: the same highpass/afftdn/deesser chain and two-pass loudnorm to the draft's
//   target (measure pass on the sound, then the picture copied and the sound encoded).
#include "BenchOperationSupport.h"

#include "Draft.h"
#include "media/Stabilise.h"
#include "render/FfmpegRunner.h"

#include <QDir>
#include <QJsonArray>
#include <cmath>

namespace cw::bench {

using namespace cw::engine;

namespace {

// The main track's segments in timeline order.
QList<Segment> mainSegments(const QJsonObject& json)
{
    const std::optional<Draft> d = Draft::fromJson(json);
    if (!d)
        return {};
    for (const Track& t : d->t)
        if (t.tt == int(TrackType::Video) && !t.sg.isEmpty()) {
            QList<Segment> segs = t.sg;
            std::sort(segs.begin(), segs.end(),
                      [](const Segment& a, const Segment& b) { return a.st < b.st; });
            return segs;
        }
    return {};
}

std::optional<Segment> segmentWith(const QJsonObject& json, const char* key, const QString& value)
{
    const std::optional<Draft> d = Draft::fromJson(json);
    if (!d)
        return std::nullopt;
    for (const Track& t : d->t)
        for (const Segment& s : t.sg)
            if (s.m.value(QLatin1String(key)).toString() == value)
                return s;
    return std::nullopt;
}

void keep(Row* r, const QList<QStringList>& commands)
{
    QStringList lines;
    for (const QStringList& c : commands)
        lines << QStringLiteral("ffmpeg ") + c.join(QLatin1Char(' '));
    r->extra.insert(QStringLiteral("handwritten_command"), lines.join(QStringLiteral(" && ")));
}

EnginePath pathOf(const Edited& e, const Context& ctx)
{
    return enginePath(e.draft, ctx.shortHd, {}, ctx.workDir);
}

// The export of a timeline cut into the main track's pieces, each as the engine draws it
// (zoomed or not), joined again; the sound is the source's, untouched.
Row zoomRow(const Context& ctx, const char* id, const char* metric, const QString& message)
{
    Row r = operationRow(id, metric);
    Edited e;
    if (!edit(ctx, {}, message, &e)) {
        r.note = e.error;
        return r;
    }
    const QList<Segment> segs = mainSegments(e.draft);
    QStringList chains;
    QString joined;
    QString zoomed;
    for (int k = 0; k < segs.size(); ++k) {
        const Segment& s = segs[k];
        QString c = QStringLiteral("[p%1]trim=%2:%3,setpts=PTS-STARTPTS")
                        .arg(k)
                        .arg(sec(s.in), sec(s.in + s.d));
        const QJsonObject z = s.m.value(QStringLiteral("zoom")).toObject();
        const double z0 = z.value(QStringLiteral("z0")).toDouble(1);
        const double z1 = z.value(QStringLiteral("z1")).toDouble(1);
        if (!z.isEmpty() && std::abs(z1 - z0) < 1e-3)
            c += QStringLiteral(",crop=iw/%1:ih/%1,scale=1920:1080").arg(z0);
        else if (!z.isEmpty())
            c += QStringLiteral(",scale=3840:2160,zoompan=z='%1+%2*min(1,it/%3)':"
                                "x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=1920x1080:fps=30")
                     .arg(z0)
                     .arg(z1 - z0)
                     .arg(sec(s.d));
        if (!z.isEmpty())
            zoomed +=
                QStringLiteral("%1x-%2x %3-%4 s ").arg(z0).arg(z1).arg(sec(s.st), sec(s.end()));
        chains << c + QStringLiteral("[q%1]").arg(k);
        joined += QStringLiteral("[q%1]").arg(k);
    }
    if (zoomed.isEmpty()) {
        r.note = QStringLiteral("no zoom in the draft; reply: ") + e.reply.left(300);
        return r;
    }
    QString split = QStringLiteral("[0:v]split=%1").arg(segs.size());
    for (int k = 0; k < segs.size(); ++k)
        split += QStringLiteral("[p%1]").arg(k);
    const QString graph = (QStringList{split} + chains).join(QLatin1Char(';')) + QLatin1Char(';') +
                          joined + QStringLiteral("concat=n=%1:v=1:a=0[v]").arg(segs.size());
    const QString file = ctx.workDir + QStringLiteral("/%1-baseline.mp4").arg(QLatin1String(id));
    const QStringList args =
        handWritten({QStringLiteral("-i"), ctx.shortHd},
                    {QStringLiteral("-filter_complex"), graph, QStringLiteral("-map"),
                     QStringLiteral("[v]"), QStringLiteral("-map"), QStringLiteral("0:a")},
                    ctx.x264, file);
    measure(ctx, e, args, file, pathOf(e, ctx), &r);
    r.note += QStringLiteral("; zoom ") + zoomed.trimmed();
    return r;
}

// drawtext as the engine draws a timer (RenderFilters.cpp's drawtext), from a text file
// holding the expansion.
Row timerRow(const Context& ctx, const char* id, const char* metric, const QString& message,
             const QString& style)
{
    Row r = operationRow(id, metric);
    Edited e;
    if (!edit(ctx, {}, message, &e)) {
        r.note = e.error;
        return r;
    }
    const std::optional<Segment> s = segmentWith(e.draft, "style", style);
    if (!s) {
        r.note = QStringLiteral("no %1 in the draft; reply: ").arg(style) + e.reply.left(300);
        return r;
    }
    const bool countdown = style == QLatin1String("countdown");
    const QString text = countdown ? QStringLiteral("%{eif:ceil(%1-t-0.0005):d}").arg(sec(s->end()))
                                   : QStringLiteral("%{pts:gmtime:0:%H\\:%M\\:%S}");
    const QString textFile = ctx.workDir + QStringLiteral("/%1.txt").arg(QLatin1String(id));
    QFile f(textFile);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text.toUtf8()) < 0) {
        r.note = QStringLiteral("cannot write ") + textFile;
        return r;
    }
    f.close();
    const QString pos = s->m.value(QStringLiteral("pos")).toString();
    QString x = QStringLiteral("(w-text_w)/2");
    QString y = QStringLiteral("(h-text_h)/2");
    if (pos.startsWith(QLatin1String("bottom")))
        y = QStringLiteral("h-text_h-86");
    else if (pos.startsWith(QLatin1String("top")))
        y = QStringLiteral("86");
    if (pos.endsWith(QLatin1String("_right")))
        x = QStringLiteral("w-text_w-115");
    else if (pos.endsWith(QLatin1String("_left")))
        x = QStringLiteral("115");
    const QString look =
        countdown ? QStringLiteral("fontsize=216:fontcolor=white:borderw=11:bordercolor=black@0.7")
                  : QStringLiteral("fontsize=54:fontcolor=white:box=1:boxcolor=black@0.45:"
                                   "boxborderw=13");
    const QString draw = QStringLiteral("drawtext=fontfile=%1:textfile=%2:expansion=normal:%3:"
                                        "shadowcolor=black@0.6:shadowx=2:shadowy=2:x=%4:y=%5:"
                                        "enable='between(t,%6,%7)'")
                             .arg(escapeFilterValue(defaultFontFile()), escapeFilterValue(textFile),
                                  look, x, y, sec(s->st), sec(s->end()));
    const QString file = ctx.workDir + QStringLiteral("/%1-baseline.mp4").arg(QLatin1String(id));
    const QStringList args = handWritten({QStringLiteral("-i"), ctx.shortHd},
                                         {QStringLiteral("-vf"), draw}, ctx.x264, file);
    measure(ctx, e, args, file, pathOf(e, ctx), &r);
    r.note +=
        QStringLiteral("; %1 %2-%3 s at %4")
            .arg(style, sec(s->st), sec(s->end()), pos.isEmpty() ? QStringLiteral("centre") : pos);
    return r;
}

} // namespace

Row pipRow(const Context& ctx)
{
    Row r = operationRow("pip", "picture-in-picture of a second clip, short 1080p");
    QString error;
    const QString second = copyOfClip(ctx, QStringLiteral("second.mp4"), &error);
    if (second.isEmpty()) {
        r.note = error;
        return r;
    }
    Edited e;
    if (!edit(ctx, {second}, QStringLiteral("picture in picture of clip 2 in the bottom right"),
              &e)) {
        r.note = e.error;
        return r;
    }
    const std::optional<Segment> pip = segmentWith(e.draft, "role", QStringLiteral("pip"));
    if (!pip) {
        r.note = QStringLiteral("no picture-in-picture in the draft; reply: ") + e.reply.left(300);
        return r;
    }
    // The engine's size, border and margin (RenderLayout.cpp, cornerXY): a share of the width
    // less the border, rounded to even; 3% of the width from the corner.
    const int border = std::clamp(pip->m.value(QStringLiteral("border")).toInt(0), 0, 40);
    const double percent = std::clamp(pip->m.value(QStringLiteral("w")).toDouble(30), 10.0, 60.0);
    const int w = std::max(2, int(1920 * percent / 100 - 2 * border) / 2 * 2);
    const QString pos = pip->m.value(QStringLiteral("pos")).toString();
    const QString x =
        pos.endsWith(QLatin1String("left")) ? QStringLiteral("58") : QStringLiteral("W-w-58");
    const QString y =
        pos.startsWith(QLatin1String("top")) ? QStringLiteral("58") : QStringLiteral("H-h-58");
    QString small = QStringLiteral("[1:v]scale=%1:-2").arg(w);
    if (border > 0)
        small += QStringLiteral(",pad=iw+%1:ih+%1:%2:%2:color=white").arg(2 * border).arg(border);
    const QString file = ctx.workDir + QStringLiteral("/pip-baseline.mp4");
    const QStringList args =
        handWritten({QStringLiteral("-i"), ctx.shortHd, QStringLiteral("-i"), second},
                    {QStringLiteral("-filter_complex"),
                     small + QStringLiteral("[p];[0:v][p]overlay=x=%1:y=%2[v]").arg(x, y),
                     QStringLiteral("-map"), QStringLiteral("[v]"), QStringLiteral("-map"),
                     QStringLiteral("0:a")},
                    ctx.x264, file);
    measure(ctx, e, args, file, pathOf(e, ctx), &r);
    r.note += QStringLiteral("; %1 px wide, border %2, %3").arg(w).arg(border).arg(pos);
    return r;
}

Row stabiliseRow(const Context& ctx)
{
    Row r = operationRow("stabilise", "stabilise the whole short 1080p clip (both passes)");
    r.baselineName = QStringLiteral("hand-written vidstabdetect + vidstabtransform");
    Edited e;
    if (!edit(ctx, {}, QStringLiteral("stabilise the video"), &e)) {
        r.note = e.error;
        return r;
    }
    const QList<Segment> segs = mainSegments(e.draft);
    if (std::none_of(segs.cbegin(), segs.cend(),
                     [](const Segment& s) { return isStabilisedSegment(s); })) {
        r.note = QStringLiteral("nothing stabilised in the draft; reply: ") + e.reply.left(300);
        return r;
    }
    const QString trf = ctx.workDir + QStringLiteral("/shake.trf");
    const QString file = ctx.workDir + QStringLiteral("/stabilise-baseline.mp4");
    const QList<QStringList> commands{
        {QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-v"),
         QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-i"), ctx.shortHd,
         QStringLiteral("-an"), QStringLiteral("-vf"),
         QStringLiteral("vidstabdetect=shakiness=5:accuracy=15:result=") + trf,
         QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
        handWritten({QStringLiteral("-i"), ctx.shortHd},
                    {QStringLiteral("-vf"),
                     QStringLiteral("vidstabtransform=input=%1:smoothing=30:optzoom=1:"
                                    "interpol=bilinear,unsharp=5:5:0.8:3:3:0.4")
                         .arg(trf)},
                    ctx.x264, file)};
    const QString cache = e.engine.dataDir() + QStringLiteral("/stabilise");
    MeasureOptions options;
    options.beforeRender = [cache] { QDir(cache).removeRecursively(); };
    const auto path = [&] {
        const QStringList found =
            QDir(cache).entryList({QStringLiteral("*-v%1.trf").arg(kStabiliseFormat)});
        return enginePath(
            e.draft, ctx.shortHd, {}, ctx.workDir, [&](QHash<QString, RenderInput>* inputs) {
                if (found.isEmpty())
                    return;
                for (RenderInput& in : *inputs)
                    in.stabCache = cache + QLatin1Char('/') + found.first();
                prepareStabilisation(*Draft::fromJson(e.draft), inputs, nullptr, nullptr);
            });
    };
    measure(
        ctx, e, [&] { return runCommands(commands); }, file, path, &r, options);
    keep(&r, commands);
    r.note += QStringLiteral("; the engine's analysis cache emptied before each export");
    return r;
}

QList<Row> zoomRows(const Context& ctx)
{
    return {zoomRow(ctx, "zoom", "steady 1.5x punch-in 0:01-0:03, short 1080p",
                    QStringLiteral("zoom in 1.5x from 0:01 to 0:03")),
            zoomRow(ctx, "kenburns", "gradual zoom over the last 3 s, short 1080p",
                    QStringLiteral("slowly zoom in over the last 3 seconds"))};
}

Row freezeRow(const Context& ctx)
{
    Row r = operationRow("freeze", "the last frame held for 2 s, short 1080p");
    Edited e;
    if (!edit(ctx, {}, QStringLiteral("freeze the last frame for 2 seconds"), &e)) {
        r.note = e.error;
        return r;
    }
    const QList<Segment> segs = mainSegments(e.draft);
    if (std::none_of(segs.cbegin(), segs.cend(), [](const Segment& s) {
            return s.m.value(QLatin1String("freeze")).toBool();
        })) {
        r.note = QStringLiteral("no held frame in the draft; reply: ") + e.reply.left(300);
        return r;
    }
    const QString file = ctx.workDir + QStringLiteral("/freeze-baseline.mp4");
    const QStringList args =
        handWritten({QStringLiteral("-i"), ctx.shortHd},
                    {QStringLiteral("-vf"), QStringLiteral("tpad=stop_mode=clone:stop_duration=2"),
                     QStringLiteral("-af"), QStringLiteral("apad=pad_dur=2")},
                    ctx.x264, file);
    measure(ctx, e, args, file, pathOf(e, ctx), &r);
    return r;
}

Row loopRow(const Context& ctx)
{
    Row r = operationRow("loop", "the short 1080p clip played 3 times");
    Edited e;
    if (!edit(ctx, {}, QStringLiteral("loop it 3 times"), &e)) {
        r.note = e.error;
        return r;
    }
    if (mainSegments(e.draft).size() < 3) {
        r.note = QStringLiteral("not looped in the draft; reply: ") + e.reply.left(300);
        return r;
    }
    const QString file = ctx.workDir + QStringLiteral("/loop-baseline.mp4");
    const QStringList loopIn{QStringLiteral("-stream_loop"), QStringLiteral("2"),
                             QStringLiteral("-i"), ctx.shortHd};
    const QStringList args = handWritten(loopIn, {}, ctx.x264, file);
    measure(ctx, e, args, file, pathOf(e, ctx), &r);
    double copied = 1e9;
    for (int i = 0; i < 2; ++i)
        copied = std::min(
            copied,
            runTimed(
                QStringLiteral("ffmpeg"),
                QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} +
                    loopIn + QStringList{QStringLiteral("-c"), QStringLiteral("copy"), file})
                .seconds);
    QFile::remove(file);
    r.note += QStringLiteral("; the stream-copy command (-stream_loop 2 -c copy) %1 s")
                  .arg(copied, 0, 'f', 2);
    r.extra.insert(QStringLiteral("copy_command_s"), copied);
    return r;
}

QList<Row> timerRows(const Context& ctx)
{
    return {timerRow(ctx, "countdown", "a 5-s countdown, short 1080p",
                     QStringLiteral("add a 5 second countdown"), QStringLiteral("countdown")),
            timerRow(ctx, "timecode", "a running timecode, short 1080p",
                     QStringLiteral("show a timecode"), QStringLiteral("timecode"))};
}

Row cleanupRow(const Context& ctx)
{
    Row r = operationRow("cleanup", "clean up the audio (-14 LUFS), short 1080p clip");
    r.baselineName = QStringLiteral("hand-written two-pass loudnorm with the same chain");
    Edited e;
    if (!edit(ctx, {}, QStringLiteral("clean up the audio"), &e)) {
        r.note = e.error;
        return r;
    }
    const QJsonObject m = e.draft.value(QStringLiteral("m")).toObject();
    const QJsonValue lufs = m.value(QStringLiteral("loudness_lufs"));
    if (!m.value(QStringLiteral("cleanup")).toBool() || !lufs.isDouble()) {
        r.note = QStringLiteral("no clean-up in the draft; reply: ") + e.reply.left(300);
        return r;
    }
    const QString chain = QStringLiteral("highpass=f=80:p=2,afftdn=nr=12:nf=-30,deesser,"
                                         "loudnorm=I=%1:TP=-2:LRA=11")
                              .arg(lufs.toDouble());
    const QString file = ctx.workDir + QStringLiteral("/cleanup-baseline.mp4");
    const QStringList measurePass{QStringLiteral("-hide_banner"),
                                  QStringLiteral("-nostdin"),
                                  QStringLiteral("-y"),
                                  QStringLiteral("-i"),
                                  ctx.shortHd,
                                  QStringLiteral("-vn"),
                                  QStringLiteral("-af"),
                                  chain + QStringLiteral(":print_format=json"),
                                  QStringLiteral("-f"),
                                  QStringLiteral("null"),
                                  QStringLiteral("-")};
    QStringList last;
    double reached = std::nan("");
    const Baseline baseline = [&] {
        ProcResult first = runTimed(QStringLiteral("ffmpeg"), measurePass);
        if (!first.ok)
            return first;
        const QByteArray err = first.err;
        const QJsonObject measured =
            QJsonDocument::fromJson(err.mid(err.lastIndexOf('{'))).object();
        auto v = [&](const char* key) { return measured.value(QLatin1String(key)).toString(); };
        if (v("input_i").isEmpty()) {
            first.ok = false;
            return first;
        }
        const QString second =
            chain + QStringLiteral(":measured_I=%1:measured_TP=%2:measured_LRA=%3:"
                                   "measured_thresh=%4:offset=%5:linear=true")
                        .arg(v("input_i"), v("input_tp"), v("input_lra"), v("input_thresh"),
                             v("target_offset"));
        last = QStringList{QStringLiteral("-hide_banner"),
                           QStringLiteral("-nostdin"),
                           QStringLiteral("-v"),
                           QStringLiteral("error"),
                           QStringLiteral("-y"),
                           QStringLiteral("-i"),
                           ctx.shortHd,
                           QStringLiteral("-map"),
                           QStringLiteral("0:v"),
                           QStringLiteral("-map"),
                           QStringLiteral("0:a"),
                           QStringLiteral("-c:v"),
                           QStringLiteral("copy"),
                           QStringLiteral("-af"),
                           second} +
               exportAudioArgs() +
               QStringList{QStringLiteral("-movflags"), QStringLiteral("+faststart"), file};
        const ProcResult encode = runTimed(QStringLiteral("ffmpeg"), last);
        first.ok = encode.ok;
        first.seconds += encode.seconds;
        first.cpuSeconds += encode.cpuSeconds;
        first.err = encode.err;
        int status = 0;
        if (encode.ok)
            reached = integratedLoudness(file, nullptr, &status);
        return first;
    };
    measure(
        ctx, e, baseline, file, [&] { return pathOf(e, ctx); }, &r);
    keep(&r, {measurePass, last});
    r.note += QStringLiteral("; the baseline's output at %1 LUFS (target %2; the engine corrects "
                             "its one-pass loudnorm to within 0.5 LU)")
                  .arg(reached, 0, 'f', 1)
                  .arg(lufs.toDouble());
    return r;
}

} // namespace cw::bench
