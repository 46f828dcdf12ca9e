// Draft -> ffmpeg arguments. Layout of the graph (labels are stable so tests can compare
// whole strings):
//   [vN][aN]  one pair per piece of the main video track in timeline order: a trimmed,
//             sped, scaled (pad / crop / blurred fill) source segment, stabilised, played
//             backwards, held or zoomed as its marks say (edit/Stabilise.h, edit/Motion.h),
//             or black + silence for a gap (also before the first and after the last segment
//             when other tracks run longer);
//   join      concat of the pairs into [vcat][acat] (or straight into [vout]/[aout]); with
//             transitions, a chain of xfade/acrossfade (RenderFilters.cpp: the length stays);
//   [vcat]    then the look (eq/colorbalance/hue) and one drawtext per text segment, reading
//             its text from a file with expansion=none, so no user text becomes filter syntax
//             (a countdown's or timecode's own expansion is the only expanded text), and the
//             whole video's fade in / out (RenderLayers.cpp);
//   [mK]      each audio-track segment trimmed, faded, set to its volume, delayed to st;
//   [acat]    then the clean-up chain or denoise, the music mix and loudness (RenderLayers.cpp).
//   audiogram with no picture on the video tracks, a copy of the final mix is drawn as the
//             picture under the titles (render/RenderAudiogram.h): [amix] splits into [aout]
//             and [agwa];
// The draft's m.width/height (set by the aspect operation) replace the size of the default
// "1080p" preset; an explicitly chosen preset wins. The first non-empty video track is the
// picture and the sound; later video tracks are B-roll cutaways [bK] overlaid on [vcat]
// (silent) before the look and the text, or logos (edit/Overlays.h) drawn at their corner,
// or a picture-in-picture / split screen (edit/Layouts.h, RenderLayout.cpp).
#include "render/RenderGraph.h"

#include "edit/Layouts.h"
#include "edit/Overlays.h"
#include "edit/ProgressBar.h"
#include "render/RenderAudiogram.h"
#include "render/RenderFilters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <algorithm>
#include <cmath>

namespace cw::engine {

using namespace render;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RenderGraph", text);
}

RenderCommand failed(const QString& error)
{
    RenderCommand c;
    c.error = error;
    return c;
}

} // namespace

std::optional<FrameRate> FrameRate::ofProject(double fps)
{
    for (const FrameRate r : {FrameRate{24000, 1001}, FrameRate{24, 1}, FrameRate{25, 1},
                              FrameRate{30000, 1001}, FrameRate{30, 1}})
        if (std::abs(r.value() - fps) < 0.005)
            return r;
    return std::nullopt;
}

RenderPreset RenderPreset::byName(const QString& name, bool* ok)
{
    static const QMap<QString, QPair<int, int>> sizes = {
        {QStringLiteral("1080p"), {1920, 1080}},
        {QStringLiteral("vertical-1080"), {1080, 1920}},
        {QStringLiteral("square-1080"), {1080, 1080}},
        {QStringLiteral("720p"), {1280, 720}},
        {QStringLiteral("4k"), {3840, 2160}},
        {QStringLiteral("preview"), {640, 360}}};
    RenderPreset p;
    const auto it = sizes.constFind(name);
    if (ok)
        *ok = it != sizes.constEnd();
    if (it != sizes.constEnd()) {
        p.name = name;
        p.width = it->first;
        p.height = it->second;
    }
    // Tests and slow machines may trade quality for speed without a code change.
    const QString x264 = qEnvironmentVariable("CLIPWRIGHT_X264_PRESET");
    if (!x264.isEmpty())
        p.x264Preset = x264;
    if (name == QLatin1String("preview")) { // the app's low-resolution preview of the edit
        p.x264Preset = QStringLiteral("ultrafast");
        p.crf = 30;
        p.audioBitrateK = 96;
    }
    return p;
}

QString escapeFilterValue(const QString& value)
{
    // Level 1 is the filter's option parser (':' separates options), level 2 the graph
    // parser ('[' ']' ',' ';' separate filters); both unescape '\\' and strip quotes and
    // surrounding blanks, so each level escapes its own specials plus '\\', '\'' and blanks.
    auto escape = [](const QString& in, const QString& specials) {
        QString out;
        out.reserve(in.size() * 2);
        for (const QChar c : in) {
            if (specials.contains(c) || c.isSpace())
                out += QLatin1Char('\\');
            out += c;
        }
        return out;
    };
    return escape(escape(value, QStringLiteral("\\':")), QStringLiteral("\\'[],;"));
}

QPair<int, int> renderSize(const Draft& draft, const RenderPreset& preset)
{
    const int w = draft.m.value(QLatin1String("width")).toInt(0);
    const int h = draft.m.value(QLatin1String("height")).toInt(0);
    if (w < 16 || h < 16 || w > 7680 || h > 7680)
        return {preset.width, preset.height};
    if (preset.name == QLatin1String("1080p"))
        return {w / 2 * 2, h / 2 * 2};
    // 720p and 4K keep the edit's frame too (a vertical edit stays vertical) with the preset's
    // short side: 1080x1920 -> 720x1280 or 2160x3840.
    if (preset.name == QLatin1String("720p") || preset.name == QLatin1String("4k")) {
        const double scale = double(std::min(preset.width, preset.height)) / std::min(w, h);
        return {std::max(16, int(std::lround(w * scale / 2)) * 2),
                std::max(16, int(std::lround(h * scale / 2)) * 2)};
    }
    if (preset.name == QLatin1String("preview")) {
        const double scale = 640.0 / std::max(w, h);
        return {std::max(16, int(w * scale) / 2 * 2), std::max(16, int(h * scale) / 2 * 2)};
    }
    return {preset.width, preset.height};
}

QString defaultFontFile()
{
    const QString noto = QStringLiteral("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    if (QFileInfo::exists(noto))
        return noto;
    return QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
}

RenderCommand buildRenderCommand(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                                 const RenderPreset& preset, const QString& outputPath,
                                 const QString& textDir, const QString& fontFile)
{
    const Track* video = nullptr;
    QList<const Track*> brollTracks;
    qint64 total = 0;
    for (const Track& t : draft.t) {
        if (t.tt == int(TrackType::Video) && !video && !t.sg.isEmpty())
            video = &t;
        else if (t.tt == int(TrackType::Video))
            brollTracks << &t;
        else if (t.tt != int(TrackType::Audio) && t.tt != int(TrackType::Text))
            continue;
        for (const Segment& s : t.sg)
            if (s.d > 0)
                total = std::max(total, s.end());
    }
    if (total <= 0)
        return failed(tr("The timeline is empty"));

    QStringList inputArgs;
    QHash<QString, int> inputIndex;
    auto inputFor = [&](const Segment& s, QString* error) -> int {
        const auto known = inputIndex.constFind(s.src);
        if (known != inputIndex.constEnd())
            return *known;
        const auto it = inputs.constFind(s.src);
        if (s.src.isEmpty() || it == inputs.constEnd()) {
            *error = tr("Segment %1 uses unknown media \"%2\"").arg(s.id, s.src);
            return -1;
        }
        if (it->seekMs >= 0)
            inputArgs << QStringLiteral("-ss") << sec(it->seekMs) << QStringLiteral("-t")
                      << sec(std::max<qint64>(1, it->durationMs));
        // A sound proxy is a WAV the engine wrote: probing it again cost ~5 ms per input, and
        // a cut preview opens it once per segment; read in large packets (fewer frames).
        if (!it->proxySound.isEmpty() && it->path == it->proxySound)
            inputArgs << QStringLiteral("-f") << QStringLiteral("wav")
                      << QStringLiteral("-probesize") << QStringLiteral("4096")
                      << QStringLiteral("-analyzeduration") << QStringLiteral("0")
                      << QStringLiteral("-max_size") << QString::number(kWavPacketBytes);
        if (isStill(*it))
            inputArgs << QStringLiteral("-loop") << QStringLiteral("1")
                      << QStringLiteral("-framerate") << preset.fps.text();
        inputArgs << QStringLiteral("-i") << it->path;
        const int index = int(inputIndex.size());
        inputIndex.insert(s.src, index);
        return index;
    };

    Graph g;
    g.p = preset;
    std::tie(g.p.width, g.p.height) = renderSize(draft, preset);
    if (draft.m.contains(QLatin1String("aspect")) || draft.m.contains(QLatin1String("aspect_mode")))
        g.aspectMode = draft.m.value(QLatin1String("aspect_mode")).toString(QStringLiteral("crop"));
    if (g.aspectMode != QLatin1String("blur"))
        g.aspectMode = g.aspectMode.isEmpty() ? QString() : QStringLiteral("crop");
    QString error;
    qint64 cursor = 0;
    if (video) {
        QList<Segment> segs;
        for (const Segment& s : video->sg)
            if (s.d > 0)
                segs << s;
        std::stable_sort(segs.begin(), segs.end(),
                         [](const Segment& a, const Segment& b) { return a.st < b.st; });
        for (const Segment& s : segs) {
            const int index = inputFor(s, &error);
            if (index < 0)
                return failed(error);
            if (s.st > cursor)
                g.addGap(s.st - cursor);
            g.addSegment(s, index, inputs.value(s.src));
            cursor = std::max(cursor, s.st) + s.d;
        }
    }
    if (total > cursor)
        g.addGap(total - cursor);
    total = std::max(total, cursor);

    // An audiogram (render/RenderAudiogram.h) draws a copy of the final mix [agwa].
    const bool audiogram = !preset.soundOnly && audiogramDrawn(draft, inputs);
    const QString aout = audiogram ? QStringLiteral("[amix]") : QStringLiteral("[aout]");
    const AudioMix mix = mixAudio(draft, inputs, inputFor, QStringLiteral("[acat]"), aout);
    if (!mix.error.isEmpty())
        return failed(mix.error);

    RenderCommand cmd;
    QStringList videoPost;
    AudiogramPicture wave;
    if (audiogram) {
        wave = audiogramPicture(draft, inputs, g.p, total, int(inputIndex.size()),
                                QStringLiteral("[agwa]"));
        if (!wave.error.isEmpty())
            return failed(wave.error);
        if (!wave.inputArgs.isEmpty()) // its own input index: no media id has a blank
            inputIndex.insert(QStringLiteral(" audiogram"), int(inputIndex.size()));
        inputArgs << wave.inputArgs;
        videoPost << wave.filters;
        wave.chains.prepend(aout + QStringLiteral("asplit[aout][agwa]"));
    }
    if (preset.soundOnly)
        brollTracks.clear();
    for (const Track* t : brollTracks) {
        for (const Segment& s : t->sg) {
            if (s.d <= 0 || s.st >= total)
                continue;
            const int index = inputFor(s, &error);
            if (index < 0)
                return failed(error);
            if (!inputs.value(s.src).hasVideo)
                continue;
            const int k = int(videoPost.size());
            if (isLayoutSegment(s)) // edit/Layouts.h
                videoPost << g.addLayout(s, index, inputs.value(s.src), k);
            else
                videoPost << (isOverlaySegment(s) ? g.addOverlay(s, index, inputs.value(s.src), k)
                                                  : g.addBroll(s, index, inputs.value(s.src), k));
        }
    }
    const QString look = lookFilter(draft.m.value(QLatin1String("look")).toString());
    if (!look.isEmpty())
        videoPost << look;
    const QString font = fontFile.isEmpty() ? defaultFontFile() : fontFile;
    videoPost << textOverlays(draft, g.p, font, textDir, QFileInfo(outputPath).completeBaseName(),
                              &cmd.files, &error);
    if (!error.isEmpty())
        return failed(error);
    // A progress bar over footage (edit/ProgressBar.h) lies over the titles; an audiogram
    // draws its own.
    QString barChain;
    if (const std::optional<QString> bar = progressBarColor(draft.m); bar && !audiogram) {
        const ProgressBarLayer layer = progressBarLayer(draft, *bar, g.p, total, "[pbar]");
        barChain = layer.chain;
        videoPost << layer.filter;
    }
    videoPost << pictureFades(draft.m, total);
    if (preset.soundOnly)
        videoPost.clear();

    g.join(videoPost.isEmpty() ? QStringLiteral("[vout]") : QStringLiteral("[vcat]"),
           mix.post ? QStringLiteral("[acat]") : aout);
    QStringList chains = g.chains + mix.chains + wave.chains;
    if (!barChain.isEmpty())
        chains << barChain;
    for (int k = 0; k < videoPost.size(); ++k) {
        const QString in = k == 0 ? QStringLiteral("[vcat]") : QStringLiteral("[t%1]").arg(k - 1);
        const QString out =
            k + 1 == videoPost.size() ? QStringLiteral("[vout]") : QStringLiteral("[t%1]").arg(k);
        chains << in + videoPost[k] + out;
    }

    cmd.durationMs = total;
    cmd.normalizeLoudness = mix.loudness && preset.name != QLatin1String("preview"); // speed
    cmd.loudnessLufs = mix.lufs;
    cmd.audioBitrateK = preset.audioBitrateK;
    cmd.args << QStringLiteral("-hide_banner") << QStringLiteral("-nostdin") << inputArgs
             << QStringLiteral("-filter_complex") << chains.join(QLatin1Char(';'))
             << QStringLiteral("-map") << QStringLiteral("[vout]") << QStringLiteral("-map")
             << QStringLiteral("[aout]") << render::x264Args(preset) << render::bt709Tags()
             << QStringLiteral("-r") << preset.fps.text() << render::aacArgs(preset.audioBitrateK)
             << QStringLiteral("-movflags") << QStringLiteral("+faststart")
             << QStringLiteral("-progress") << QStringLiteral("pipe:1")
             << QStringLiteral("-nostats") << QStringLiteral("-y") << QStringLiteral("-f")
             << QStringLiteral("mp4") << outputPath;
    return cmd;
}

} // namespace cw::engine
