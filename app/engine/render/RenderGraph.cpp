// Draft -> ffmpeg arguments. Layout of the graph (labels are stable so tests can compare
// whole strings):
//   [vN][aN]  one pair per piece of the main video track in timeline order: a trimmed,
//             scaled, padded source segment, or black + silence for a gap (also before the
//             first and after the last segment when other tracks run longer);
//   concat    joins the pairs into [vcat][acat] (or straight into [vout]/[aout]);
//   [mK]      each audio-track segment trimmed, faded, set to its volume, delayed to st;
//   amix      normalize=0 so music at 35% stays at 35% and the voice is not halved;
//   drawtext  one per text segment, reading its text from a file with expansion=none, so
//             no user text ever becomes filter syntax.
// Only the first non-empty video track is used as the picture; overlays are not supported.
#include "render/RenderGraph.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <algorithm>

namespace cw::engine {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RenderGraph", text);
}

// Probes report stills as video without audio and without duration; treat those as images
// even when the caller did not set isImage, or the picture would last a single frame.
bool isStill(const RenderInput& in)
{
    return in.isImage || (in.hasVideo && !in.hasAudio && in.durationMs <= 0);
}

QString sec(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

QString num(double v)
{
    return QString::number(v, 'g', 6);
}

struct Graph {
    const RenderPreset& p;
    QStringList chains;
    int pieces = 0;

    QString audioFormat() const
    {
        return QStringLiteral("aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo");
    }
    QString silence(qint64 ms) const
    {
        return QStringLiteral("anullsrc=r=48000:cl=stereo,atrim=duration=") + sec(ms) +
               QStringLiteral(",aformat=sample_fmts=fltp:channel_layouts=stereo");
    }
    QString black(qint64 ms) const
    {
        return QStringLiteral("color=c=black:s=%1x%2:r=%3:d=%4,setsar=1,format=yuv420p")
            .arg(p.width)
            .arg(p.height)
            .arg(p.fps)
            .arg(sec(ms));
    }
    QString fit() const
    {
        return QStringLiteral("scale=%1:%2:force_original_aspect_ratio=decrease,"
                              "pad=%1:%2:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=%3,format=yuv420p")
            .arg(p.width)
            .arg(p.height)
            .arg(p.fps);
    }

    void addGap(qint64 ms)
    {
        const QString n = QString::number(pieces++);
        chains << black(ms) + QStringLiteral("[v") + n + QLatin1Char(']');
        chains << silence(ms) + QStringLiteral("[a") + n + QLatin1Char(']');
    }

    void addSegment(const Segment& s, int input, const RenderInput& in)
    {
        const QString n = QString::number(pieces++);
        const QString i = QString::number(input);
        const bool still = isStill(in);
        const QString trim = QStringLiteral("start=") + sec(still ? 0 : s.in) +
                             QStringLiteral(":duration=") + sec(s.d);
        if (in.hasVideo)
            chains << QStringLiteral("[") + i + QStringLiteral(":v]trim=") + trim +
                          QStringLiteral(",setpts=PTS-STARTPTS,") + fit() + QStringLiteral("[v") +
                          n + QLatin1Char(']');
        else
            chains << black(s.d) + QStringLiteral("[v") + n + QLatin1Char(']');
        if (in.hasAudio && !still) {
            QString chain = QStringLiteral("[") + i + QStringLiteral(":a]atrim=") + trim +
                            QStringLiteral(",asetpts=PTS-STARTPTS,") + audioFormat();
            const double vol = s.m.value(QLatin1String("vol")).toDouble(1.0);
            if (vol != 1.0)
                chain += QStringLiteral(",volume=") + num(vol);
            chains << chain + QStringLiteral("[a") + n + QLatin1Char(']');
        } else {
            chains << silence(s.d) + QStringLiteral("[a") + n + QLatin1Char(']');
        }
    }
};

QString audioTrackChain(const Segment& s, int input, int k)
{
    QString c = QStringLiteral("[") + QString::number(input) + QStringLiteral(":a]atrim=start=") +
                sec(s.in) + QStringLiteral(":duration=") + sec(s.d) +
                QStringLiteral(",asetpts=PTS-STARTPTS,aresample=48000,"
                               "aformat=sample_fmts=fltp:channel_layouts=stereo");
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

QString drawtext(const Segment& s, const RenderPreset& p, const QString& fontFile,
                 const QString& textFile)
{
    const int base = std::min(p.width, p.height);
    const bool title = s.m.value(QLatin1String("style")).toString() == QLatin1String("title");
    const int size = title ? base / 12 : base / 20;
    const int margin = p.height * 8 / 100;
    const QString pos = s.m.value(QLatin1String("pos")).toString();
    QString y = QStringLiteral("(h-text_h)/2");
    if (pos == QLatin1String("bottom"))
        y = QStringLiteral("h-text_h-") + QString::number(margin);
    else if (pos == QLatin1String("top"))
        y = QString::number(margin);
    return QStringLiteral("drawtext=fontfile=") + escapeFilterValue(fontFile) +
           QStringLiteral(":textfile=") + escapeFilterValue(textFile) +
           QStringLiteral(":expansion=none:fontsize=") + QString::number(size) +
           QStringLiteral(":fontcolor=white:box=1:boxcolor=black@0.45:boxborderw=") +
           QString::number(size / 4) +
           QStringLiteral(":shadowcolor=black@0.6:shadowx=2:shadowy=2:x=(w-text_w)/2:y=") + y +
           QStringLiteral(":enable='between(t,") + sec(s.st) + QLatin1Char(',') + sec(s.end()) +
           QStringLiteral(")'");
}

RenderCommand failed(const QString& error)
{
    RenderCommand c;
    c.error = error;
    return c;
}

} // namespace

RenderPreset RenderPreset::byName(const QString& name, bool* ok)
{
    static const QMap<QString, QPair<int, int>> sizes = {
        {QStringLiteral("1080p"), {1920, 1080}},
        {QStringLiteral("vertical-1080"), {1080, 1920}},
        {QStringLiteral("square-1080"), {1080, 1080}},
        {QStringLiteral("720p"), {1280, 720}},
        {QStringLiteral("4k"), {3840, 2160}}};
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
    QList<const Track*> audioTracks;
    QList<const Track*> textTracks;
    qint64 total = 0;
    for (const Track& t : draft.t) {
        if (t.tt == int(TrackType::Video) && !video && !t.sg.isEmpty())
            video = &t;
        else if (t.tt == int(TrackType::Audio))
            audioTracks << &t;
        else if (t.tt == int(TrackType::Text))
            textTracks << &t;
        else
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
        if (isStill(*it))
            inputArgs << QStringLiteral("-loop") << QStringLiteral("1")
                      << QStringLiteral("-framerate") << QString::number(preset.fps);
        inputArgs << QStringLiteral("-i") << it->path;
        const int index = int(inputIndex.size());
        inputIndex.insert(s.src, index);
        return index;
    };

    Graph g{preset, {}, 0};
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

    QStringList music;
    for (const Track* t : audioTracks) {
        for (const Segment& s : t->sg) {
            if (s.d <= 0)
                continue;
            const int index = inputFor(s, &error);
            if (index < 0)
                return failed(error);
            if (!inputs.value(s.src).hasAudio)
                continue;
            music << audioTrackChain(s, index, int(music.size()));
        }
    }

    RenderCommand cmd;
    QStringList texts;
    const QString font = fontFile.isEmpty() ? defaultFontFile() : fontFile;
    const QString stem = QFileInfo(outputPath).completeBaseName();
    for (const Track* t : textTracks) {
        for (const Segment& s : t->sg) {
            const QString text = s.m.value(QLatin1String("text")).toString();
            if (s.d <= 0 || text.trimmed().isEmpty())
                continue;
            if (!QDir().mkpath(textDir))
                return failed(tr("Cannot create the folder %1").arg(textDir));
            const QString file =
                QDir(textDir).filePath(stem + QStringLiteral(".text") +
                                       QString::number(texts.size()) + QStringLiteral(".txt"));
            QFile f(file);
            const QByteArray bytes = text.toUtf8();
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                f.write(bytes) != bytes.size()) {
                f.remove();
                for (const QString& written : qAsConst(cmd.files))
                    QFile::remove(written);
                return failed(tr("Cannot write %1").arg(file));
            }
            cmd.files << file;
            texts << drawtext(s, preset, font, file);
        }
    }

    QString concatIn;
    for (int n = 0; n < g.pieces; ++n)
        concatIn += QStringLiteral("[v%1][a%1]").arg(n);
    const QString vcat = texts.isEmpty() ? QStringLiteral("[vout]") : QStringLiteral("[vcat]");
    const QString acat = music.isEmpty() ? QStringLiteral("[aout]") : QStringLiteral("[acat]");
    QStringList chains = g.chains;
    chains << concatIn + QStringLiteral("concat=n=%1:v=1:a=1").arg(g.pieces) + vcat + acat;
    chains << music;
    if (!music.isEmpty()) {
        QString mix = QStringLiteral("[acat]");
        for (int k = 0; k < music.size(); ++k)
            mix += QStringLiteral("[m%1]").arg(k);
        chains << mix + QStringLiteral("amix=inputs=%1:duration=first:dropout_transition=0:"
                                       "normalize=0[aout]")
                            .arg(music.size() + 1);
    }
    for (int k = 0; k < texts.size(); ++k) {
        const QString in = k == 0 ? QStringLiteral("[vcat]") : QStringLiteral("[t%1]").arg(k - 1);
        const QString out =
            k + 1 == texts.size() ? QStringLiteral("[vout]") : QStringLiteral("[t%1]").arg(k);
        chains << in + texts[k] + out;
    }

    cmd.durationMs = total;
    cmd.args << QStringLiteral("-hide_banner") << QStringLiteral("-nostdin") << inputArgs
             << QStringLiteral("-filter_complex") << chains.join(QLatin1Char(';'))
             << QStringLiteral("-map") << QStringLiteral("[vout]") << QStringLiteral("-map")
             << QStringLiteral("[aout]") << QStringLiteral("-c:v") << QStringLiteral("libx264")
             << QStringLiteral("-profile:v") << QStringLiteral("high") << QStringLiteral("-preset")
             << preset.x264Preset << QStringLiteral("-crf") << QString::number(preset.crf)
             << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p") << QStringLiteral("-r")
             << QString::number(preset.fps) << QStringLiteral("-c:a") << QStringLiteral("aac")
             << QStringLiteral("-b:a") << QStringLiteral("%1k").arg(preset.audioBitrateK)
             << QStringLiteral("-ar") << QStringLiteral("48000") << QStringLiteral("-movflags")
             << QStringLiteral("+faststart") << QStringLiteral("-progress")
             << QStringLiteral("pipe:1") << QStringLiteral("-nostats") << QStringLiteral("-y")
             << QStringLiteral("-f") << QStringLiteral("mp4") << outputPath;
    return cmd;
}

} // namespace cw::engine
