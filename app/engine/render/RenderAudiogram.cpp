// See RenderAudiogram.h. Geometry: the waveform fills a band across the middle (90% of the
// width; 40% of the height, at most half the width, so a 9:16 frame gets a band, not a
// column); the progress bar runs along the bottom edge in the waveform's colour, a strip as
// wide as the frame slid in from the left (overlay x = W*t/T - w: overlay evaluates x per
// frame, drawbox in FFmpeg 5.1 cannot read t). A colour background is a constant lutyuv on the
// joined black frame (a fifth of drawbox's cost, a full-frame overlay's half); a picture is
// decoded once, scaled to cover and held (eof_action=repeat), not looped and scaled per frame.
// The waveform and the bar end with the sound (shortest=1): overlay would otherwise add a frame
// after the last one.
// The spectrum styles read the sound at 16 kHz: speech and music are drawn where they live
// (below 8 kHz) and a small window is enough for bars that move at the frame rate.
#include "render/RenderAudiogram.h"

#include "edit/Audiogram.h"
#include "edit/Overlays.h"
#include "render/RenderFilters.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace cw::engine::render {

namespace {

int even(double v)
{
    return std::max(2, int(v) / 2 * 2);
}

QString ffColor(const QString& hex) // "#rrggbb" (validated) -> "0xrrggbb"
{
    return QStringLiteral("0x") + hex.mid(1);
}

// BT.709 limited-range Y, Cb, Cr of "#rrggbb": what the exported frames are tagged as.
QString lutOf(const QString& hex)
{
    const double r = hex.mid(1, 2).toInt(nullptr, 16) / 255.0;
    const double g = hex.mid(3, 2).toInt(nullptr, 16) / 255.0;
    const double b = hex.mid(5, 2).toInt(nullptr, 16) / 255.0;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const auto clip = [](double v) {
        return QString::number(std::clamp(int(std::lround(v)), 16, 240));
    };
    return QStringLiteral("lutyuv=y=%1:u=%2:v=%3")
        .arg(clip(16 + 219 * y), clip(128 + 224 * (b - y) / 1.8556),
             clip(128 + 224 * (r - y) / 1.5748));
}

QString waveFilter(const Audiogram& a, int w, int h, const QString& fps)
{
    const QString size = QStringLiteral("s=%1x%2").arg(w).arg(h);
    const QString colour = QStringLiteral(":colors=") + ffColor(a.color);
    if (a.style == QLatin1String("wave") || a.style == QLatin1String("line"))
        return QStringLiteral("aformat=channel_layouts=mono,showwaves=") + size +
               QStringLiteral(":mode=%1:r=%2:draw=full:scale=sqrt")
                   .arg(a.style == QLatin1String("wave") ? QStringLiteral("cline")
                                                         : QStringLiteral("p2p"),
                        fps) +
               colour;
    const bool bars = a.style == QLatin1String("bars");
    return QStringLiteral("aresample=16000,aformat=channel_layouts=mono,showfreqs=") + size +
           QStringLiteral(":mode=%1:win_size=%2:fscale=%3:ascale=%4:r=%5")
               .arg(bars ? QStringLiteral("bar") : QStringLiteral("line"),
                    bars ? QStringLiteral("128") : QStringLiteral("1024"),
                    bars ? QStringLiteral("lin") : QStringLiteral("log"),
                    bars ? QStringLiteral("sqrt") : QStringLiteral("log"), fps) +
           colour;
}

} // namespace

bool audiogramDrawn(const Draft& draft, const QHash<QString, RenderInput>& inputs)
{
    if (!audiogramOf(draft.m))
        return false;
    for (const Track& t : draft.t)
        if (t.tt == int(TrackType::Video))
            for (const Segment& s : t.sg) {
                const auto in = inputs.constFind(s.src);
                if (s.d > 0 && in != inputs.constEnd() && !isOverlaySegment(s) &&
                    (in->hasVideo || in->isImage)) // a logo is drawn on top
                    return false;
            }
    return true;
}

AudiogramPicture audiogramPicture(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                                  const RenderPreset& p, qint64 totalMs, int input,
                                  const QString& sound)
{
    AudiogramPicture out;
    const Audiogram a = audiogramOf(draft.m).value_or(Audiogram{});
    const int bw = even(p.width * 0.9);
    const int bh = even(std::min(p.height * 0.4, p.width * 0.5));
    const QString fps = p.fps.text();

    // A preview window (PreviewMedia.h draftWindow) holds only its segments' media: its
    // still shows the colour instead of the picture, and its bar the window's place in the
    // whole (m.fade_window), as the export would.
    const auto bg = inputs.constFind(a.backgroundMedia);
    const QJsonObject window = draft.m.value(QLatin1String("fade_window")).toObject();
    if (!a.backgroundMedia.isEmpty() && bg == inputs.constEnd() && window.isEmpty()) {
        out.error = QCoreApplication::translate(
            "RenderGraph", "The audiogram's background picture is not in the project");
        return out;
    }
    if (bg != inputs.constEnd() && bg->isImage) {
        out.inputArgs << QStringLiteral("-i") << bg->path;
        out.chains << QStringLiteral("[%1:v]").arg(input) + squarePixels(*bg) +
                          QStringLiteral("scale=%1:%2:force_original_aspect_ratio=increase")
                              .arg(p.width)
                              .arg(p.height) +
                          toBt709(*bg) +
                          QStringLiteral(",crop=%1:%2,setsar=1,format=yuv420p[agbg]")
                              .arg(p.width)
                              .arg(p.height);
        out.filters << QStringLiteral("[agbg]overlay=x=0:y=0:eof_action=repeat");
    } else {
        out.filters << lutOf(a.background);
    }

    out.chains << sound + waveFilter(a, bw, bh, fps) + QStringLiteral(",format=yuva420p[agw]");
    out.filters << QStringLiteral("[agw]overlay=x=%1:y=%2:shortest=1")
                       .arg((p.width - bw) / 2)
                       .arg((p.height - bh) / 2);

    if (a.progress) {
        const ProgressBarLayer bar =
            progressBarLayer(draft, a.color, p, totalMs, QStringLiteral("[agp]"));
        out.chains << bar.chain;
        out.filters << bar.filter;
    }
    return out;
}

ProgressBarLayer progressBarLayer(const Draft& draft, const QString& hex, const RenderPreset& p,
                                  qint64 totalMs, const QString& label)
{
    // A preview window (PreviewMedia.h draftWindow) draws the bar at the window's place in the
    // whole (m.fade_window), as the export would.
    const QJsonObject window = draft.m.value(QLatin1String("fade_window")).toObject();
    const int barH = even(std::max(4, p.height / 90));
    const qint64 at = window.value(QLatin1String("at")).toInteger(0);
    const qint64 length = window.value(QLatin1String("length")).toInteger(totalMs);
    return {QStringLiteral("color=c=%1:s=%2x%3:r=%4:d=%5,format=yuv420p")
                    .arg(ffColor(hex))
                    .arg(p.width)
                    .arg(barH)
                    .arg(p.fps.text(), sec(totalMs)) +
                label,
            label + QStringLiteral("overlay=x='W*(t+%1)/%2-w':y=H-h:shortest=1")
                        .arg(sec(at), sec(std::max<qint64>(1, length)))};
}

} // namespace cw::engine::render
