// See PreviewMedia.h.
#include "render/PreviewMedia.h"

#include "render/RenderFilters.h"

#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace cw::engine {

QStringList proxyVideoCodecArgs()
{
    return {QStringLiteral("-c:v"),         QStringLiteral("libx264"),
            QStringLiteral("-preset"),      QStringLiteral("ultrafast"),
            QStringLiteral("-x264-params"), QStringLiteral("keyint=1:8x8dct=1"),
            QStringLiteral("-profile:v"),   QStringLiteral("high"),
            QStringLiteral("-crf"),         QStringLiteral("24"),
            QStringLiteral("-pix_fmt"),     QStringLiteral("yuv420p")};
}

QStringList proxyArgs(const QString& source, const QString& videoOut, const QString& soundOut)
{
    QStringList args{QStringLiteral("-i"),
                     source,
                     QStringLiteral("-map"),
                     QStringLiteral("0:v:0"),
                     QStringLiteral("-vf"),
                     QStringLiteral("scale=w='if(gte(iw,ih),%1,-2)':h='if(gte(iw,ih),-2,%1)':"
                                    "flags=bilinear")
                         .arg(kProxyLongSide),
                     QStringLiteral("-r"),
                     QStringLiteral("30")};
    args << proxyVideoCodecArgs() << QStringLiteral("-an") << QStringLiteral("-f")
         << QStringLiteral("mp4") << QStringLiteral("-y") << videoOut;
    if (!soundOut.isEmpty())
        args << QStringLiteral("-map") << QStringLiteral("0:a:0") << QStringLiteral("-c:a")
             << QStringLiteral("pcm_s16le") << QStringLiteral("-ac") << QStringLiteral("2")
             << QStringLiteral("-ar") << QStringLiteral("48000") << QStringLiteral("-f")
             << QStringLiteral("wav") << QStringLiteral("-y") << soundOut;
    return args;
}

QStringList renderGraphArgs(const RenderCommand& cmd, QString* error)
{
    const int at = int(cmd.args.indexOf(QStringLiteral("-filter_complex")));
    if (!cmd.error.isEmpty() || at < 0) {
        *error = cmd.error.isEmpty() ? QStringLiteral("no filter graph") : cmd.error;
        return {};
    }
    return cmd.args.mid(0, at + 2);
}

void windowInputs(Track& track, const QHash<QString, RenderInput>& from, const QString& tag,
                  QHash<QString, RenderInput>* to)
{
    for (int k = 0; k < track.sg.size(); ++k) {
        Segment& s = track.sg[k];
        const auto source = from.constFind(s.src);
        if (s.src.isEmpty() || source == from.constEnd())
            continue;
        RenderInput in = *source;
        if (!in.isImage && (in.hasVideo || in.hasAudio)) {
            in.seekMs = s.in;
            in.durationMs = qRound64(double(s.d) * render::segmentSpeed(s)) + 1000; // a margin
            s.in = 0;
        }
        s.src += QLatin1Char('#') + tag + QString::number(k);
        to->insert(s.src, in);
    }
}

Draft draftWindow(const Draft& draft, qint64 atMs, qint64 lengthMs,
                  const QHash<QString, RenderInput>& sources, QHash<QString, RenderInput>* inputs)
{
    Draft window = draft;
    window.t.clear();
    const qint64 a = atMs;
    const qint64 b = atMs + std::max<qint64>(1, lengthMs);
    // The whole video's fades stay timed on the whole timeline (RenderFilters.h).
    window.m.insert(QStringLiteral("fade_window"),
                    QJsonObject{{QStringLiteral("at"), a},
                                {QStringLiteral("length"), render::timelineLength(draft)}});
    for (const Track& track : draft.t) {
        if (track.tt == int(TrackType::Audio))
            continue;
        Track kept = track;
        kept.sg.clear();
        for (const Segment& s : track.sg) {
            if (s.d <= 0 || s.end() <= a || s.st >= b)
                continue;
            Segment cut = s;
            if (track.tt == int(TrackType::Text)) { // moved, not cut: a title's fades stay put
                cut.st = s.st - a;
                kept.sg << cut;
                continue;
            }
            if (!s.src.isEmpty() && !sources.contains(s.src))
                continue;
            const qint64 from = std::max(s.st, a);
            cut.st = from - a;
            cut.d = std::min(s.end(), b) - from;
            cut.in = s.in + qRound64(double(from - s.st) * render::segmentSpeed(s));
            cut.m.remove(QLatin1String("tr")); // a window has no joins
            kept.sg << cut;
        }
        windowInputs(kept, sources, QStringLiteral("t%1_").arg(window.t.size()), inputs);
        if (!kept.sg.isEmpty())
            window.t << kept;
    }
    return window;
}

RenderCommand frameCommand(const Draft& window, const QHash<QString, RenderInput>& inputs,
                           const RenderPreset& preset, const QString& out, const QString& textDir)
{
    const QStringList jpeg{
        QStringLiteral("-frames:v"), QStringLiteral("1"),        QStringLiteral("-c:v"),
        QStringLiteral("mjpeg"),     QStringLiteral("-pix_fmt"), QStringLiteral("yuvj420p"),
        QStringLiteral("-q:v"),      QStringLiteral("3"),        QStringLiteral("-f"),
        QStringLiteral("image2"),    QStringLiteral("-y"),       out};
    RenderCommand cmd;
    if (window.t.isEmpty()) { // nothing on screen: the export shows black there
        const auto [w, h] = renderSize(window, preset);
        cmd.args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
                 << QStringLiteral("color=c=black:s=%1x%2").arg(w).arg(h) << jpeg;
        return cmd;
    }
    cmd = buildRenderCommand(window, inputs, preset, out, textDir, defaultFontFile());
    QString error;
    const QStringList graph = renderGraphArgs(cmd, &error);
    cmd.args = graph;
    cmd.error = error;
    if (graph.isEmpty())
        return cmd;
    // The edit's pixels are BT.709 (as the export and the preview are tagged); a JPEG is read
    // as BT.601 full range, so the still is converted to that.
    cmd.args.last() += QStringLiteral(";[vout]scale=in_color_matrix=bt709:out_color_matrix=bt601:"
                                      "out_range=full[still]");
    cmd.args << QStringLiteral("-map") << QStringLiteral("[still]") << jpeg
             << QStringLiteral("-map") << QStringLiteral("[aout]") << QStringLiteral("-f")
             << QStringLiteral("null") << QStringLiteral("-");
    return cmd;
}

} // namespace cw::engine
