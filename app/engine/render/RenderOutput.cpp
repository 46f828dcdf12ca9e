// See RenderOutput.h. The MP4 command is cut after its -filter_complex and given the format's
// own maps, codecs and muxer; its "-r" (the project's rate) is kept for the video formats.
#include "render/RenderOutput.h"

#include "render/RenderFilters.h"

#include <algorithm>

namespace cw::engine {

QStringList outputFormats()
{
    return {QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("webm"),
            QStringLiteral("gif"), QStringLiteral("mp3"), QStringLiteral("m4a"),
            QStringLiteral("wav")};
}

bool isOutputFormat(const QString& format)
{
    return outputFormats().contains(format);
}

bool isAudioFormat(const QString& format)
{
    return format == QLatin1String("mp3") || format == QLatin1String("m4a") ||
           format == QLatin1String("wav");
}

namespace render {

namespace {

constexpr int kSoundPictureSide = 64; // the audio formats' picture, made and dropped

// The sound's codec options of a format (48 kHz, as every audio chain of the graph).
QStringList soundCodec(const QString& format, int kbps)
{
    if (format == QLatin1String("mp3"))
        return {QStringLiteral("-c:a"), QStringLiteral("libmp3lame"),
                QStringLiteral("-b:a"), QStringLiteral("%1k").arg(kbps),
                QStringLiteral("-ar"),  QStringLiteral("48000")};
    if (format == QLatin1String("wav"))
        return {QStringLiteral("-c:a"), QStringLiteral("pcm_s16le"), QStringLiteral("-ar"),
                QStringLiteral("48000")};
    if (format == QLatin1String("webm"))
        return {QStringLiteral("-c:a"), QStringLiteral("libopus"),
                QStringLiteral("-b:a"), QStringLiteral("%1k").arg(std::min(kbps, 128)),
                QStringLiteral("-ar"),  QStringLiteral("48000")};
    return aacArgs(kbps);
}

// The muxer options that end a command (before the output file).
QStringList muxer(const QString& format)
{
    static const QHash<QString, QString> names = {{QStringLiteral("mov"), QStringLiteral("mov")},
                                                  {QStringLiteral("webm"), QStringLiteral("webm")},
                                                  {QStringLiteral("gif"), QStringLiteral("gif")},
                                                  {QStringLiteral("mp3"), QStringLiteral("mp3")},
                                                  {QStringLiteral("m4a"), QStringLiteral("ipod")},
                                                  {QStringLiteral("wav"), QStringLiteral("wav")}};
    const QString name = names.value(format, QStringLiteral("mp4"));
    QStringList args;
    if (name == QLatin1String("mp4") || name == QLatin1String("mov") ||
        name == QLatin1String("ipod"))
        args << QStringLiteral("-movflags") << QStringLiteral("+faststart");
    if (name == QLatin1String("gif"))
        args << QStringLiteral("-loop") << QStringLiteral("0");
    return args << QStringLiteral("-f") << name;
}

QStringList vp9Args(const RenderPreset& preset)
{
    // "good" at cpu-used 4 encodes 1080p at ~4x the clip's length on two cores; realtime at
    // cpu-used 6 is ~4x faster for ~20% more bytes at the same CRF. The tests' (and a slow
    // machine's) "ultrafast" goes further.
    const bool fast = preset.x264Preset == QLatin1String("ultrafast") ||
                      preset.x264Preset == QLatin1String("superfast");
    return {QStringLiteral("-c:v"),      QStringLiteral("libvpx-vp9"),
            QStringLiteral("-deadline"), QStringLiteral("realtime"),
            QStringLiteral("-cpu-used"), fast ? QStringLiteral("8") : QStringLiteral("6"),
            QStringLiteral("-row-mt"),   QStringLiteral("1"),
            QStringLiteral("-crf"),      QStringLiteral("32"),
            QStringLiteral("-b:v"),      QStringLiteral("0"),
            QStringLiteral("-pix_fmt"),  QStringLiteral("yuv420p")};
}

} // namespace

RenderPreset outputPreset(const RenderPreset& preset, const Draft& draft)
{
    RenderPreset p = preset;
    const bool audio = isAudioFormat(p.format);
    if (audio || p.format == QLatin1String("gif")) {
        // A GIF is drawn at its own size. The audio formats draw a small picture and drop it:
        // the joins (concat) time the sound by the picture's whole frames, so only the graph
        // with its picture gives the MP4's sound to the sample.
        const auto [w, h] = renderSize(draft, preset);
        const int side = audio ? kSoundPictureSide : kGifLongSide;
        const double scale = std::min(1.0, double(side) / std::max(w, h));
        p.name = p.format;
        p.width = std::max(16, int(w * scale + 0.5) / 2 * 2);
        p.height = std::max(16, int(h * scale + 0.5) / 2 * 2);
    }
    return p;
}

RenderCommand withOutputFormat(const RenderCommand& mp4, const RenderPreset& preset)
{
    const QString format = preset.format;
    const int graph = int(mp4.args.indexOf(QStringLiteral("-filter_complex")));
    if (format == QLatin1String("mp4") || format.isEmpty() || !mp4.error.isEmpty() || graph < 0 ||
        graph + 1 >= mp4.args.size())
        return mp4;
    RenderCommand cmd = mp4;
    cmd.args = mp4.args.mid(0, graph + 2);
    const int rate = int(mp4.args.indexOf(QStringLiteral("-r"), graph));
    const QString fps =
        rate > 0 && rate + 1 < mp4.args.size() ? mp4.args.at(rate + 1) : QStringLiteral("30");
    const QString out = mp4.args.last();
    QStringList sound = soundCodec(format, preset.audioBitrateK);
    if (isAudioFormat(format)) {
        // The MP4's sound, completed with silence to the draft's length where a source's sound
        // ends before its picture (the MP4 then ends on the picture).
        cmd.args[graph + 1] += QStringLiteral(";[vout]nullsink;[aout]apad=whole_dur=%1[sound]")
                                   .arg(sec(mp4.durationMs));
        cmd.args << QStringLiteral("-map") << QStringLiteral("[sound]") << sound;
    } else if (format == QLatin1String("gif")) {
        // One palette for the whole clip: paletteuse waits for it, so every frame is held until
        // the end (hence kGifMaxMs). The sound is made (it is part of the graph) and dropped.
        cmd.args[graph + 1] +=
            QStringLiteral(";[vout]fps=%1,split[gifa][gifb];[gifa]palettegen=stats_mode="
                           "diff[gifp];[gifb][gifp]paletteuse=dither=bayer:bayer_scale=4:"
                           "diff_mode=rectangle[gif];[aout]anullsink")
                .arg(preset.gifFps > 0 ? preset.gifFps : kGifFps);
        cmd.args << QStringLiteral("-map") << QStringLiteral("[gif]");
        cmd.normalizeLoudness = false;
        sound.clear();
    } else {
        cmd.args << QStringLiteral("-map") << QStringLiteral("[vout]") << QStringLiteral("-map")
                 << QStringLiteral("[aout]")
                 << (format == QLatin1String("webm") ? vp9Args(preset) : x264Args(preset))
                 << bt709Tags() << QStringLiteral("-r") << fps << sound;
    }
    cmd.soundArgs = sound.isEmpty() ? QStringList() : sound + muxer(format);
    cmd.args << QStringLiteral("-progress") << QStringLiteral("pipe:1")
             << QStringLiteral("-nostats") << QStringLiteral("-y") << muxer(format) << out;
    return cmd;
}

} // namespace render

} // namespace cw::engine
