// Filter strings for the render graph. Conventions read from the draft (edit/Operations.h):
// - speed: the trim takes d*speed of source, setpts divides, atempo (0.5..2 per stage)
//   chains keep the pitch; so the piece lasts exactly d on the timeline.
// - transitions never change the length: the outgoing piece is held on its last frame
//   (tpad clone) and padded with silence (apad) for d, then xfade/acrossfade overlap by d at
//   the next piece's timeline start. The incoming sound fades in over d. Output length ==
//   timeline length, so the draft's durations, the progress bar and the e2e checks agree.
//   xfade's output timestamps are rebuilt from the frame count (setpts=N/fps/TB): chained
//   xfades in ffmpeg 5.1 otherwise emit non-monotonic timestamps and the video ends early.
//   The held outgoing piece is rebuilt the same way: tpad clones from the trim's end-of-stream
//   time, a frame past the last frame's, and the gap made the blend start a frame early.
// - aspect "crop": scale to cover then crop the centre, or follow the subject's path
//   (m.reframe "subject", RenderReframe.cpp); "blur": a blurred, cover-scaled copy
//   (done at 1/8 size for speed) under the fitted picture; absent: fit and pad with black.
#include "render/RenderFilters.h"

#include "edit/TextLook.h"
#include "media/Stabilise.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace cw::engine::render {

QString sec(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

QString num(double v)
{
    return QString::number(v, 'g', 6);
}

// Probes report stills as video without audio and without duration; treat those as images
// even when the caller did not set isImage, or the picture would last a single frame.
bool isStill(const RenderInput& in)
{
    return in.isImage || (in.hasVideo && !in.hasAudio && in.durationMs <= 0);
}

QString audioFormat()
{
    return QStringLiteral("aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo");
}

// The "fast" coder instead of ffmpeg 5.1's default "twoloop": at export bitrates (96-192k) it
// measured as close to the source (asdr on speech 82 vs 60 dB, on music 74 vs 74 dB) at the
// same size, and encodes speech ~3.7x faster (twoloop was a third of a long cut-only export).
QStringList aacArgs(int kbps)
{
    return {QStringLiteral("-c:a"), QStringLiteral("aac"),  QStringLiteral("-aac_coder"),
            QStringLiteral("fast"), QStringLiteral("-b:a"), QStringLiteral("%1k").arg(kbps),
            QStringLiteral("-ar"),  QStringLiteral("48000")};
}

QStringList x264Args(const RenderPreset& preset)
{
    return {QStringLiteral("-c:v"),   QStringLiteral("libx264"),   QStringLiteral("-profile:v"),
            QStringLiteral("high"),   QStringLiteral("-preset"),   preset.x264Preset,
            QStringLiteral("-crf"),   QString::number(preset.crf), QStringLiteral("-pix_fmt"),
            QStringLiteral("yuv420p")};
}

QString Graph::silence(qint64 ms) const
{
    return QStringLiteral("anullsrc=r=48000:cl=stereo,atrim=duration=") + sec(ms) +
           QStringLiteral(",aformat=sample_fmts=fltp:channel_layouts=stereo");
}

QString Graph::black(qint64 ms) const
{
    return QStringLiteral("color=c=black:s=%1x%2:r=%3:d=%4,setsar=1,format=yuv420p")
        .arg(p.width)
        .arg(p.height)
        .arg(p.fps.text(), sec(ms));
}

QStringList bt709Tags()
{
    return {QStringLiteral("-colorspace"),      QStringLiteral("bt709"),
            QStringLiteral("-color_primaries"), QStringLiteral("bt709"),
            QStringLiteral("-color_trc"),       QStringLiteral("bt709")};
}

QStringList bt709CopyTags()
{
    return {QStringLiteral("-bsf:v"),
            QStringLiteral("h264_metadata=colour_primaries=1:transfer_characteristics=1:"
                           "matrix_coefficients=1")};
}

// Square pixels first, so force_original_aspect_ratio below sees the display aspect (the
// expression reads the frame's own sample aspect, so a proxy with the source's works too).
QString squarePixels(const RenderInput& in)
{
    if (in.sarNum <= 0 || in.sarDen <= 0 || in.sarNum == in.sarDen)
        return {};
    return QStringLiteral("scale=trunc(iw*sar/2)*2:ih,setsar=1,");
}

// PQ/HLG (BT.2020) -> SDR BT.709, after the picture is fitted so the float stages run at the
// output's size. Reference white (203 nits, ITU-R BT.2408) maps to linear 1.0; mobius keeps
// everything below it as is and rolls the highlights off. The source's primaries/matrix
// are assumed BT.2020, as every HDR camera and phone writes them.
QString toneMap(const RenderInput& in)
{
    if (in.hdrTransfer.isEmpty())
        return {};
    return QStringLiteral("zscale=tin=%1:pin=bt2020:min=bt2020nc:t=linear:npl=203,"
                          "format=gbrpf32le,zscale=p=bt709,tonemap=mobius:desat=0,"
                          "zscale=t=bt709:m=bt709:r=tv,")
        .arg(in.hdrTransfer == QLatin1String("smpte2084") ? QStringLiteral("smpte2084")
                                                          : QStringLiteral("arib-std-b67"));
}

// Options of the fit's scale that bring the samples to BT.709, which the export is tagged
// as: an SD clip's BT.601, a photo's JPEG matrix or a PNG's RGB. HDR is left to toneMap.
QString toBt709(const RenderInput& in)
{
    if (!in.hdrTransfer.isEmpty() || (!in.isImage && in.matrix == QLatin1String("bt709")))
        return {};
    return QStringLiteral(":in_color_matrix=%1:out_color_matrix=bt709").arg(in.matrix);
}

QString Graph::fit(int n, const RenderInput& in, qint64 startMs, const QString& cropAt) const
{
    const QString tail = QStringLiteral("setsar=1,fps=%1:start_time=%2:round=down,")
                             .arg(p.fps.text(), sec(startMs)) +
                         toneMap(in) + QStringLiteral("format=yuv420p");
    const QString head = squarePixels(in);
    const QString colour = toBt709(in);
    if (aspectMode == QLatin1String("crop"))
        return head +
               QStringLiteral("scale=%1:%2:force_original_aspect_ratio=increase%3,crop=%1:%2%4,")
                   .arg(p.width)
                   .arg(p.height)
                   .arg(colour, cropAt) +
               tail;
    if (aspectMode == QLatin1String("blur")) {
        const int bw = std::max(2, p.width / 8 / 2 * 2);
        const int bh = std::max(2, p.height / 8 / 2 * 2);
        const QString k = QString::number(n);
        return head +
               QStringLiteral("split[bg%1][fg%1];"
                              "[bg%1]scale=%2:%3:force_original_aspect_ratio=increase%6,"
                              "crop=%2:%3,boxblur=8:2,scale=%4:%5,setsar=1[bb%1];"
                              "[fg%1]scale=%4:%5:force_original_aspect_ratio=decrease%6,setsar=1"
                              "[ff%1];"
                              "[bb%1][ff%1]overlay=(W-w)/2:(H-h)/2,")
                   .arg(k)
                   .arg(bw)
                   .arg(bh)
                   .arg(p.width)
                   .arg(p.height)
                   .arg(colour) +
               tail;
    }
    return head +
           QStringLiteral("scale=%1:%2:force_original_aspect_ratio=decrease%3,"
                          "pad=%1:%2:(ow-iw)/2:(oh-ih)/2,")
               .arg(p.width)
               .arg(p.height)
               .arg(colour) +
           tail;
}

void Graph::addGap(qint64 ms)
{
    const QString n = QString::number(pieces.size());
    if (!p.soundOnly)
        chains << black(ms) + QStringLiteral("[v") + n + QLatin1Char(']');
    chains << silence(ms) + QStringLiteral("[a") + n + QLatin1Char(']');
    pieces << Piece{ms, {}, 0};
}

QString atempoChain(double speed)
{
    QStringList stages;
    double s = speed;
    while (s > 2.0 + 1e-9) {
        stages << QStringLiteral("atempo=2");
        s /= 2.0;
    }
    while (s < 0.5 - 1e-9) {
        stages << QStringLiteral("atempo=0.5");
        s /= 0.5;
    }
    if (std::abs(s - 1.0) > 1e-9)
        stages << QStringLiteral("atempo=") + num(s);
    return stages.join(QLatin1Char(','));
}

double segmentSpeed(const Segment& s)
{
    const double speed = s.m.value(QLatin1String("speed")).toDouble(1.0);
    return speed > 0.01 && std::isfinite(speed) ? speed : 1.0;
}

// m.zoom {z0, z1} (edit/Motion.h) on a fitted picture: a steady zoom crops the centre and
// scales it back; a changing one is zoompan, one output frame per input frame, its zoom
// following the segment's own time. zoompan places its window on whole pixels, so the
// picture is doubled first: the window then moves in half-pixel steps (no visible jitter).
QString Graph::zoomFilter(const Segment& s) const
{
    if (!s.m.contains(QLatin1String("zoom")))
        return {};
    const QJsonObject z = s.m.value(QLatin1String("zoom")).toObject();
    const double z0 = std::clamp(z.value(QLatin1String("z0")).toDouble(1), 1.0, 4.0);
    const double z1 = std::clamp(z.value(QLatin1String("z1")).toDouble(1), 1.0, 4.0);
    if (std::abs(z1 - z0) < 1e-3) {
        if (z0 < 1.001)
            return {};
        return QStringLiteral("crop=w=2*trunc(iw/%1/2):h=2*trunc(ih/%1/2),scale=%2:%3,setsar=1")
            .arg(num(z0))
            .arg(p.width)
            .arg(p.height);
    }
    return QStringLiteral("scale=%1:%2,zoompan=z='%3+(%4)*min(1,it/%5)':x='iw/2-iw/zoom/2':"
                          "y='ih/2-ih/zoom/2':d=1:s=%6x%7:fps=%8,setsar=1")
        .arg(p.width * 2)
        .arg(p.height * 2)
        .arg(num(z0), num(z1 - z0), sec(std::max<qint64>(1, s.d)))
        .arg(p.width)
        .arg(p.height)
        .arg(p.fps.text());
}

void Graph::addSegment(const Segment& s, int input, const RenderInput& in)
{
    const int index = int(pieces.size());
    const QString n = QString::number(index);
    const QString i = QString::number(input);
    const bool still = isStill(in);
    const bool frozen = !still && s.m.value(QLatin1String("freeze")).toBool();
    const bool reversed = !still && !frozen && s.m.value(QLatin1String("reverse")).toBool();
    const double speed = still || frozen ? 1.0 : segmentSpeed(s);
    const bool sped = speed != 1.0;
    const qint64 srcMs = sped ? qRound64(double(s.d) * speed) : s.d;
    const QString trim = QStringLiteral("start=") + sec(still ? 0 : s.in) +
                         QStringLiteral(":duration=") + sec(srcMs);
    // The picture's times count from the cut point, not from the first frame kept: with a
    // variable frame rate (or a picture that starts after the sound) that frame may come up
    // to a source frame later, and counting from it would show the piece early. The fit's
    // fps filter (start_time=0, round=down) fills from 0 with the first frame and, for a
    // steady rate, keeps exactly the frames it kept before (SmartPlan.cpp relies on that).
    const QString fromCut =
        still ? QStringLiteral("PTS") : QString(QStringLiteral("PTS-") + sec(s.in) + "/TB");
    const QString pts = sped ? QString(QStringLiteral("setpts=(") + fromCut + ")/" + num(speed))
                             : QString(QStringLiteral("setpts=") + fromCut);
    // The closing trim: when one source feeds several pieces out of order, ffmpeg 5.1's fps
    // filter repeats a piece's last frame up to the source's end; cut it to the piece length.
    if (p.soundOnly) {
        // the sound pass makes no picture
    } else if (in.hasVideo) {
        // A file's picture may stop a frame or two before its sound (the container's length):
        // a segment reaching the end holds its last frame, or the joins after it drift.
        const bool nearEnd = in.durationMs > 0 && s.in + srcMs + 1000 > in.durationMs;
        const QString hold =
            nearEnd ? QStringLiteral(",tpad=stop_mode=clone:stop_duration=") + sec(s.d) : QString();
        QStringList after = pictureFades(s.m, s.d);
        after.prepend(zoomFilter(s));
        if (reversed)
            after.prepend(QStringLiteral("reverse"));
        after.removeAll(QString());
        after.prepend(QString());
        // A held frame is the last source frame at or before `in` (a window read backwards),
        // repeated for the segment's length.
        const QString head =
            frozen ? QStringLiteral("trim=start=%1:end=%2,reverse,trim=end_frame=1,setpts=PTS-"
                                    "STARTPTS")
                         .arg(sec(std::max<qint64>(0, s.in - 500)), sec(s.in + 1))
                   : QStringLiteral("trim=") + trim + QLatin1Char(',') + pts;
        const QString tail =
            frozen ? QStringLiteral(",tpad=stop_mode=clone:stop_duration=") + sec(s.d) : hold;
        chains << QStringLiteral("[") + i + QStringLiteral(":v]") + stabiliseFilter(s, in) + head +
                      QLatin1Char(',') + fit(index, in, 0, reframeCrop(s, in, speed, frozen)) +
                      tail + QStringLiteral(",trim=duration=") + sec(s.d) +
                      after.join(QLatin1Char(',')) + QStringLiteral("[v") + n + QLatin1Char(']');
    } else {
        chains << black(s.d) + QStringLiteral("[v") + n + QLatin1Char(']');
    }
    if (in.hasAudio && !still && !frozen) {
        QString chain = QStringLiteral("[") + i + QStringLiteral(":a]atrim=") + trim +
                        QStringLiteral(",asetpts=PTS-STARTPTS,") + audioFormat();
        if (reversed)
            chain += QStringLiteral(",areverse");
        if (sped)
            chain += QLatin1Char(',') + atempoChain(speed);
        const double vol = s.m.value(QLatin1String("vol")).toDouble(1.0);
        if (vol != 1.0)
            chain += QStringLiteral(",volume=") + num(vol);
        const QString fades = soundFades(s.m, s.d);
        if (!fades.isEmpty())
            chain += QLatin1Char(',') + fades;
        chains << chain + QStringLiteral("[a") + n + QLatin1Char(']');
    } else {
        chains << silence(s.d) + QStringLiteral("[a") + n + QLatin1Char(']');
    }
    Piece piece{s.d, {}, 0};
    const QJsonObject tr = s.m.value(QLatin1String("tr")).toObject();
    const QString type = tr.value(QLatin1String("type")).toString();
    const qint64 trMs = tr.value(QLatin1String("d")).toInteger(0);
    if (index > 0 && !xfadeName(type).isEmpty() && trMs > 0) {
        piece.trType = type;
        piece.trMs = std::min({trMs, s.d, pieces.last().ms});
    }
    pieces << piece;
}

QPair<QString, QString> cornerXY(const QString& pos, int frameWidth)
{
    const QString m = QString::number(std::max(1, int(std::lround(frameWidth * 0.03))));
    QString x = QStringLiteral("(W-w)/2");
    QString y = QStringLiteral("(H-h)/2");
    if (pos.endsWith(QLatin1String("left")))
        x = m;
    else if (pos.endsWith(QLatin1String("right")))
        x = QStringLiteral("W-w-") + m;
    if (pos.startsWith(QLatin1String("top")))
        y = m;
    else if (pos.startsWith(QLatin1String("bottom")))
        y = QStringLiteral("H-h-") + m;
    return {x, y};
}

// Cutaways are shifted to their timeline start (setpts +st) and drawn only while they run
// (overlay enable + eof_action=pass), so the main picture shows before and after them.
QString Graph::addBroll(const Segment& s, int input, const RenderInput& in, int k)
{
    const QString st = sec(s.st);
    const QString end = sec(s.end());
    const QString in0 = sec(isStill(in) ? 0 : s.in);
    QString c = QStringLiteral("[%1:v]trim=start=%2:duration=%3,setpts=PTS-%2/TB+%4/TB,")
                    .arg(input)
                    .arg(in0, sec(s.d), st) +
                fit(1000 + k, in, s.st);
    const qint64 fade = std::min(
        s.m.value(QLatin1String("tr")).toObject().value(QLatin1String("d")).toInteger(0), s.d / 2);
    if (fade > 0)
        c += QStringLiteral(",format=yuva420p,fade=t=in:st=%1:d=%2:alpha=1,"
                            "fade=t=out:st=%3:d=%2:alpha=1")
                 .arg(st, sec(fade), sec(s.end() - fade));
    chains << c + QStringLiteral("[b%1]").arg(k);
    return QStringLiteral("[b%1]overlay=eof_action=pass:enable='between(t,%2,%3)'")
        .arg(k)
        .arg(st, end);
}

// The picture keeps its shape and its transparency (yuva420p through the overlay); opacity
// scales the alpha plane (lut: colorchannelmixer takes only RGB). The margin is 3% of the
// width, as broadcasters place a bug.
QString Graph::addOverlay(const Segment& s, int input, const RenderInput& in, int k)
{
    const int w = std::max(
        2, int(p.width * std::clamp(s.m.value(QLatin1String("w")).toDouble(15), 2.0, 100.0) / 100) /
               2 * 2);
    const double opacity = std::clamp(s.m.value(QLatin1String("op")).toDouble(1), 0.0, 1.0);
    const auto [x, y] = cornerXY(s.m.value(QLatin1String("pos")).toString(), p.width);
    const QString st = sec(s.st);
    const QString in0 = sec(isStill(in) ? 0 : s.in);
    QString c = QStringLiteral("[%1:v]trim=start=%2:duration=%3,setpts=PTS-%2/TB+%4/TB,")
                    .arg(input)
                    .arg(in0, sec(s.d), st) +
                squarePixels(in) + QStringLiteral("scale=%1:-2").arg(w) + toBt709(in) +
                QStringLiteral(",format=yuva420p");
    if (opacity < 1)
        c += QStringLiteral(",lut=a=val*") + num(opacity);
    const qint64 fade = std::min(
        s.m.value(QLatin1String("tr")).toObject().value(QLatin1String("d")).toInteger(0), s.d / 2);
    if (fade > 0)
        c += QStringLiteral(",fade=t=in:st=%1:d=%2:alpha=1,fade=t=out:st=%3:d=%2:alpha=1")
                 .arg(st, sec(fade), sec(s.end() - fade));
    chains << c + QStringLiteral("[b%1]").arg(k);
    return QStringLiteral("[b%1]overlay=x=%2:y=%3:eof_action=pass:enable='between(t,%4,%5)'")
        .arg(k)
        .arg(x, y, st, sec(s.end()));
}

bool Graph::hasTransitions() const
{
    return std::any_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.trMs > 0; });
}

QString xfadeName(const QString& type)
{
    if (type == QLatin1String("fade"))
        return QStringLiteral("fade");
    if (type == QLatin1String("dissolve"))
        return QStringLiteral("dissolve");
    if (type == QLatin1String("wipe"))
        return QStringLiteral("wipeleft");
    if (type == QLatin1String("slide"))
        return QStringLiteral("slideleft");
    if (type == QLatin1String("zoom"))
        return QStringLiteral("zoomin");
    return {};
}

void Graph::join(const QString& vout, const QString& aout)
{
    const int count = int(pieces.size());
    if (!hasTransitions()) {
        QString in;
        for (int n = 0; n < count; ++n)
            in += (p.soundOnly ? QStringLiteral("[a%1]") : QStringLiteral("[v%1][a%1]")).arg(n);
        chains << in + QStringLiteral("concat=n=%1:v=%2:a=1").arg(count).arg(p.soundOnly ? 0 : 1) +
                      (p.soundOnly ? QString() : vout) + aout;
        return;
    }
    QString v = QStringLiteral("[v0]");
    QString a = QStringLiteral("[a0]");
    qint64 offset = pieces[0].ms;
    for (int n = 1; n < count; ++n) {
        const bool last = n + 1 == count;
        const QString vo = last ? vout : QStringLiteral("[vj%1]").arg(n);
        const QString ao = last ? aout : QStringLiteral("[aj%1]").arg(n);
        const Piece& piece = pieces[n];
        if (piece.trMs > 0) {
            const QString d = sec(piece.trMs);
            if (!p.soundOnly)
                chains << v + QStringLiteral("tpad=stop_mode=clone:stop_duration=") + d +
                              QStringLiteral(
                                  ",setpts=N/(%2)/TB,settb=AVTB[vh%1];[v%1]settb=AVTB[vi%1];"
                                  "[vh%1][vi%1]xfade=transition=")
                                  .arg(QString::number(n), p.fps.text()) +
                              xfadeName(piece.trType) + QStringLiteral(":duration=") + d +
                              QStringLiteral(":offset=") + sec(offset) +
                              QStringLiteral(",setpts=N/(%1)/TB").arg(p.fps.text()) + vo;
            chains << a + QStringLiteral("apad=pad_dur=") + d +
                          QStringLiteral("[ah%1];[ah%1][a%1]acrossfade=d=").arg(n) + d + ao;
        } else {
            if (!p.soundOnly)
                chains << v + QStringLiteral("[v%1]concat=n=2:v=1:a=0").arg(n) + vo;
            chains << a + QStringLiteral("[a%1]concat=n=2:v=0:a=1").arg(n) + ao;
        }
        v = vo;
        a = ao;
        offset += piece.ms;
    }
}

QString audioTrackChain(const Segment& s, int input, int k)
{
    QString c = QStringLiteral("[") + QString::number(input) + QStringLiteral(":a]atrim=start=") +
                sec(s.in) + QStringLiteral(":duration=") + sec(s.d) +
                QStringLiteral(",asetpts=PTS-STARTPTS,") + audioFormat();
    const qint64 fi = std::clamp<qint64>(s.m.value(QLatin1String("fi")).toInteger(0), 0, s.d);
    const qint64 fo = std::clamp<qint64>(s.m.value(QLatin1String("fo")).toInteger(0), 0, s.d);
    if (fi > 0)
        c += QStringLiteral(",afade=t=in:st=0:d=") + sec(fi);
    if (fo > 0)
        c += QStringLiteral(",afade=t=out:st=") + sec(s.d - fo) + QStringLiteral(":d=") + sec(fo);
    c += QStringLiteral(",volume=") + num(s.m.value(QLatin1String("vol")).toDouble(1.0));
    if (s.st > 0)
        c += QStringLiteral(",adelay=delays=") + QString::number(s.st) + QStringLiteral(":all=1");
    return c + QStringLiteral("[m") + QString::number(k) + QLatin1Char(']');
}

// Styles: "title" big and centred, fading in and out, with a shadow and no box;
// "lower_third" bottom-left on a box; "caption" bottom centre on a box. Without a style the
// text is a plain boxed line placed by pos (top, bottom, center, and the corners top_left,
// top_right, bottom_left, bottom_right). The look a user asked for (edit/TextLook.h) then
// replaces the style's colour, size, weight, box and outline.
QString drawtext(const Segment& s, const RenderPreset& p, const QString& fontFile,
                 const QString& textFile)
{
    const int base = std::min(p.width, p.height);
    const QString style = s.m.value(QLatin1String("style")).toString();
    const bool title = style == QLatin1String("title");
    const bool lower = style == QLatin1String("lower_third");
    const bool caption = style == QLatin1String("caption");
    const bool watermark = style == QLatin1String("watermark");
    const bool countdown = style == QLatin1String("countdown");
    const int size = std::max(8, int(std::lround(styleTextPx(style, base) *
                                                 s.m.value(QLatin1String("size")).toDouble(1))));
    const int margin = p.height * 8 / 100;
    const QString pos = s.m.value(QLatin1String("pos")).toString();
    QString x = QStringLiteral("(w-text_w)/2");
    QString y = QStringLiteral("(h-text_h)/2");
    if (pos.startsWith(QLatin1String("bottom")) || ((lower || caption) && pos.isEmpty()))
        y = QStringLiteral("h-text_h-") + QString::number(margin);
    else if (pos.startsWith(QLatin1String("top")))
        y = QString::number(margin);
    if (pos.endsWith(QLatin1String("_right")))
        x = QStringLiteral("w-text_w-") + QString::number(p.width * 6 / 100);
    else if (lower || pos.endsWith(QLatin1String("_left")))
        x = QString::number(p.width * 6 / 100);
    // A watermark is half-transparent white, unboxed, with a faint shadow: readable on any
    // picture without hiding it. A title and a countdown have no box either.
    const QString hex = textColorHex(s.m.value(QLatin1String("color")).toString());
    QString look = QStringLiteral(":fontcolor=") +
                   (hex.isEmpty() ? QStringLiteral("white") : QStringLiteral("0x") + hex.mid(1)) +
                   QLatin1String(watermark ? "@0.5" : "");
    const bool boxed = s.m.value(QLatin1String("box")).toBool(!title && !watermark && !countdown);
    if (boxed) {
        const QString boxHex = textColorHex(s.m.value(QLatin1String("box_color")).toString());
        look +=
            QStringLiteral(":box=1:boxcolor=") +
            (boxHex.isEmpty() ? QStringLiteral("black") : QStringLiteral("0x") + boxHex.mid(1)) +
            QLatin1String(lower              ? "@0.6"
                          : boxHex.isEmpty() ? "@0.45"
                                             : "@0.85") +
            QStringLiteral(":boxborderw=") + QString::number(lower ? size / 2 : size / 4);
    }
    if (s.m.value(QLatin1String("outline")).toBool(countdown))
        look += QStringLiteral(":borderw=") + QString::number(std::max(2, size / 20 + 1)) +
                QStringLiteral(":bordercolor=black@0.7");
    QString alpha;
    if (title) {
        const QString f = sec(std::min<qint64>(500, s.d / 4));
        alpha = QStringLiteral(":alpha='if(lt(t,%1+%3),(t-%1)/%3,if(gt(t,%2-%3),(%2-t)/%3,1))'")
                    .arg(sec(s.st), sec(s.end()), f);
    }
    // Only a timer's own text (timerText, never the user's) is expanded.
    const bool timer = !timerText(s).isEmpty();
    const QString font =
        s.m.value(QLatin1String("bold")).toBool() ? boldFontFile(fontFile) : fontFile;
    return QStringLiteral("drawtext=fontfile=") + escapeFilterValue(font) +
           QStringLiteral(":textfile=") + escapeFilterValue(textFile) +
           QLatin1String(timer ? ":expansion=normal:fontsize=" : ":expansion=none:fontsize=") +
           QString::number(size) + look +
           QStringLiteral(":shadowcolor=black@0.6:shadowx=2:shadowy=2:x=") + x +
           QStringLiteral(":y=") + y + alpha + QStringLiteral(":enable='between(t,") + sec(s.st) +
           QLatin1Char(',') + sec(s.end()) + QStringLiteral(")'");
}

QString boldFontFile(const QString& fontFile)
{
    // NotoSansCJK-Regular.ttc -> NotoSansCJK-Bold.ttc, DejaVuSans.ttf -> DejaVuSans-Bold.ttf.
    QString bold = fontFile;
    if (bold.contains(QLatin1String("-Regular.")))
        bold.replace(QLatin1String("-Regular."), QLatin1String("-Bold."));
    else
        bold.insert(bold.lastIndexOf(QLatin1Char('.')), QLatin1String("-Bold"));
    return QFileInfo::exists(bold) ? bold : fontFile;
}

// drawtext's expansion of the timeline time t (the text runs over the joined picture): the
// whole seconds left until the segment ends, or the running time as H:MM:SS. '\:' keeps a
// colon inside the strftime argument.
QString timerText(const Segment& s)
{
    const QString style = s.m.value(QLatin1String("style")).toString();
    if (style == QLatin1String("countdown"))
        return QStringLiteral("%{eif:ceil(") + sec(s.end()) + QStringLiteral("-t-0.0005):d}");
    if (style == QLatin1String("timecode"))
        return QStringLiteral("%{pts:gmtime:0:%H\\:%M\\:%S}");
    return {};
}

// Warm/cool scale the channels (colorbalance barely moves saturated or clipped colours).
QString lookFilter(const QString& look)
{
    if (look == QLatin1String("cinematic"))
        return QStringLiteral("eq=contrast=1.12:saturation=0.85:gamma=0.95,"
                              "colorbalance=rs=-0.05:bs=0.06:rh=0.06:bh=-0.04");
    if (look == QLatin1String("warm"))
        return QStringLiteral("colorchannelmixer=rr=1.08:gg=1.0:bb=0.82,format=yuv420p");
    if (look == QLatin1String("cool"))
        return QStringLiteral("colorchannelmixer=rr=0.84:gg=0.98:bb=1.08,format=yuv420p");
    if (look == QLatin1String("bw"))
        return QStringLiteral("hue=s=0");
    if (look == QLatin1String("vivid"))
        return QStringLiteral("eq=saturation=1.45:contrast=1.06");
    return {};
}

} // namespace cw::engine::render
