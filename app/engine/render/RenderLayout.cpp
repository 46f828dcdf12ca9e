// Picture-in-picture and split screen (edit/Layouts.h) in the render graph. The other clip is
// trimmed, shifted to its timeline start and brought to the output's frame rate as a cutaway
// is (Graph::addBroll), then drawn over [vcat] only while its segment runs:
// - "pip": scaled to m.w percent of the width keeping its shape, framed by m.border white px
//   (of a 1080-high picture), at m.pos with a 3% margin as a logo is;
// - "split": the frame is cut in two halves (even sizes, so 4:2:0 stays aligned). The main
//   picture is [vcat] itself, already fitted to the frame: its centre is cut out for its half
//   ("crop": the picture is not scaled, so it keeps its shape and fills the half) or it is
//   scaled down whole into it with black bars ("pad"). The other clip is fitted to its half
//   the same way from its own geometry (square pixels first). Nothing is ever stretched.
//   A split over the whole video is the two halves stacked (hstack / vstack) instead.
// The sound is not the graph's business: the operation put it in the draft.
#include "render/RenderFilters.h"

#include <QPoint>
#include <algorithm>
#include <cmath>

namespace cw::engine::render {

namespace {

// The other clip from its in-point, timed from its timeline start at the output's rate; held
// on its last frame to the segment's end (a file's picture may stop short of its sound).
QString otherClip(const Segment& s, int input, const RenderInput& in, const RenderPreset& p)
{
    const QString st = sec(s.st);
    const QString in0 = sec(isStill(in) ? 0 : s.in);
    return QStringLiteral("[%1:v]trim=start=%2:duration=%3,setpts=PTS-%2/TB+%4/TB,"
                          "fps=%5:start_time=%4:round=down,")
               .arg(input)
               .arg(in0, sec(s.d), st, p.fps.text()) +
           squarePixels(in);
}

QString held(const Segment& s)
{
    return QStringLiteral(",tpad=stop_mode=clone:stop_duration=%1,trim=end=%2")
        .arg(sec(std::min<qint64>(s.d, 1000)), sec(s.end()));
}

// scale + pad/crop of any picture into w x h, keeping its shape.
QString fitInto(int w, int h, bool crop, const QString& colour)
{
    if (crop)
        return QStringLiteral("scale=%1:%2:force_original_aspect_ratio=increase%3,crop=%1:%2")
            .arg(w)
            .arg(h)
            .arg(colour);
    return QStringLiteral("scale=%1:%2:force_original_aspect_ratio=decrease%3,"
                          "pad=%1:%2:(ow-iw)/2:(oh-ih)/2")
        .arg(w)
        .arg(h)
        .arg(colour);
}

} // namespace

QString Graph::addLayout(const Segment& s, int input, const RenderInput& in, int k)
{
    const QString enable = QStringLiteral("enable='between(t,%1,%2)'").arg(sec(s.st), sec(s.end()));
    const QString tail = QStringLiteral(",setsar=1,") + toneMap(in) +
                         QStringLiteral("format=yuv420p") + held(s) +
                         QStringLiteral("[b%1]").arg(k);
    if (s.m.value(QLatin1String("role")).toString() == QLatin1String("pip")) {
        const double scale = p.height / 1080.0;
        const int b = std::clamp(s.m.value(QLatin1String("border")).toInt(0), 0, 40);
        const int border = b > 0 ? std::max(1, int(std::lround(b * scale))) : 0;
        const double percent = std::clamp(s.m.value(QLatin1String("w")).toDouble(30), 10.0, 60.0);
        const int w = std::max(2, int(p.width * percent / 100 - 2 * border) / 2 * 2);
        const auto [x, y] = cornerXY(s.m.value(QLatin1String("pos")).toString(), p.width);
        QString c = otherClip(s, input, in, p) + QStringLiteral("scale=%1:-2").arg(w) + toBt709(in);
        if (border > 0)
            c += QStringLiteral(",pad=iw+%1:ih+%1:%2:%2:color=white").arg(2 * border).arg(border);
        chains << c + tail;
        return QStringLiteral("[b%1]overlay=x=%2:y=%3:eof_action=pass:%4").arg(k).arg(x, y, enable);
    }

    const bool side = s.m.value(QLatin1String("layout")).toString() != QLatin1String("v");
    const bool crop = s.m.value(QLatin1String("fit")).toString() != QLatin1String("pad");
    const bool mainFirst = s.m.value(QLatin1String("main")).toString() != QLatin1String("second");
    const int hw = side ? p.width / 2 / 2 * 2 : p.width;
    const int hh = side ? p.height : p.height / 2 / 2 * 2;
    // Top-left corners of the first and the second half.
    const QPoint first(0, 0);
    const QPoint second(side ? p.width - hw : 0, side ? 0 : p.height - hh);
    const QPoint mainAt = mainFirst ? first : second;
    const QPoint otherAt = mainFirst ? second : first;
    chains << otherClip(s, input, in, p) + fitInto(hw, hh, crop, toBt709(in)) + tail;
    const QString n = QString::number(k);
    const QString mainHalf = crop ? QStringLiteral("crop=%1:%2:(iw-%1)/2:(ih-%2)/2").arg(hw).arg(hh)
                                  : fitInto(hw, hh, false, QString()) + QStringLiteral(",setsar=1");
    // Over the whole video the halves are simply stacked: no full-frame copy of the main
    // picture under them (the overlays' cost, ~20% of a 720p export).
    qint64 total = 0;
    for (const Piece& piece : pieces)
        total += piece.ms;
    if (s.st <= 0 && s.end() >= total) {
        const QString other = QStringLiteral("[b%1]").arg(n);
        const QString half = QStringLiteral("[lh%1]").arg(n);
        return mainHalf + half + QLatin1Char(';') + (mainFirst ? half + other : other + half) +
               (side ? QStringLiteral("hstack") : QStringLiteral("vstack"));
    }
    return QStringLiteral("split[lf%1][lm%1];[lm%1]%2[lh%1];[lf%1][lh%1]overlay=x=%3:y=%4:%5"
                          "[lx%1];[lx%1][b%1]overlay=x=%6:y=%7:eof_action=pass:%5")
        .arg(n, mainHalf, QString::number(mainAt.x()), QString::number(mainAt.y()), enable,
             QString::number(otherAt.x()), QString::number(otherAt.y()));
}

} // namespace cw::engine::render
