// Draft -> one ffmpeg argument vector (a pure function, golden-tested). Video-track
// segments are trimmed from their sources (video and their own audio), scaled/padded to the
// preset, concatenated; audio-track segments are mixed in at their volume; text segments
// are drawn with drawtext reading a textfile (never inline text, so user text cannot inject
// filter syntax). Output: H.264 High + AAC in MP4 with +faststart, `-progress pipe:1`.
#pragma once

#include "Draft.h"
#include "media/SubjectPath.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace cw::engine {

// A frame rate as FFmpeg takes it: 30000/1001 for NTSC's 29.97 (exporting 29.97 fps footage
// at 30 would repeat a frame every 33 seconds).
struct FrameRate {
    int num = 30;
    int den = 1;
    double value() const { return double(num) / den; }
    QString text() const
    {
        return den == 1 ? QString::number(num) : QStringLiteral("%1/%2").arg(num).arg(den);
    }
    // The project rates a draft's m.fps may name (MediaIngest.cpp projectRate); else nullopt.
    static std::optional<FrameRate> ofProject(double fps);
};

struct RenderPreset {
    QString name = QStringLiteral("1080p");
    int width = 1920;
    int height = 1080;
    FrameRate fps;
    QString x264Preset = QStringLiteral("veryfast");
    int crf = 20;
    int audioBitrateK = 192;
    bool soundOnly = false; // the graph makes only [aout] (the preview's sound pass)
    // The container (RenderOutput.h): mp4, mov, webm, gif, mp3, m4a or wav.
    QString format = QStringLiteral("mp4");
    int gifFps = 0; // a GIF's frame rate; 0: kGifFps (RenderOutput.h)
    // Compress to a size (SizeRender.h): the file must stay under this many bytes; 0: none
    // (the draft's m.export.max_bytes then decides).
    qint64 maxBytes = 0;
    // Fast export (SmartCodec.h): keep the source's codec (HEVC stays HEVC) and copy what
    // is untouched; false: the H.264 export.
    bool keepCodec = false;

    // "1080p", "vertical-1080", "square-1080", "720p", "4k"; unknown names -> nullopt-like
    // (ok=false).
    static RenderPreset byName(const QString& name, bool* ok = nullptr);
};

// Packet size for reading PCM WAV (the sound proxies, the preview's sound): ffmpeg's 4 KB
// default makes 50 packets a second, each a trip through the queues and the filters.
constexpr int kWavPacketBytes = 65536;

struct RenderInput {
    QString path;
    bool hasVideo = true;
    bool hasAudio = true;
    qint64 durationMs = 0;
    bool isImage = false; // a still picture: looped (-loop 1) and trimmed to each segment
    // A window of the file (-ss seekMs -t durationMs before it) when seekMs >= 0: segments'
    // in-points are then relative to seekMs. Reading only what a segment needs matters when
    // many segments use one source: each would otherwise filter all of it.
    qint64 seekMs = -1;
    // Preview proxies (PreviewMedia.h), empty until made: the picture (intra, video only) and
    // the sound (PCM WAV). Only previews read them.
    QString proxyVideo{};
    QString proxySound{};
    // From the probe (MediaProbe.h): pixels that are not square are made square before the
    // picture is fitted, and a PQ/HLG picture is tone-mapped to BT.709 (render::displayFix).
    // Proxies keep both (their pixels are the source's, only fewer), so these stay valid.
    int sarNum = 1;
    int sarDen = 1;
    QString hdrTransfer{}; // "smpte2084" or "arib-std-b67"; empty for SDR
    // The matrix of its YUV samples (MediaProbe's colorMatrix): the fit converts it to the
    // export's BT.709 (an SD clip's BT.601, a photo's JPEG matrix), so the tags tell the truth.
    QString matrix = QStringLiteral("bt709");
    // Stabilisation (media/Stabilise.h): where this media's shake analysis is cached, and the
    // analysis once it exists (prepareStabilisation sets it before a render; empty: none).
    QString stabCache{};
    QString stabTrf{};
    // Segment id -> that segment's own stretch of the analysis (read after its trim), when
    // the frames' timestamps allow it; else the render counts from the file's first frame.
    QHash<QString, QString> stabFrom{};
    // Reframing (media/SubjectTrack.h): where this media's subject analysis is cached, and the
    // crop's path for this render (prepareReframe sets it; empty: the crop stays centred).
    QString subjectCache{};
    QList<ReframeKey> reframe{};
};

struct RenderCommand {
    QStringList args; // ffmpeg arguments, without the program name
    qint64 durationMs = 0;
    QStringList files; // temporary files the command reads (text files); caller deletes
    QString error;     // non-empty when the draft cannot be rendered
    // The draft's loudness target: loudnorm (one pass) in the graph gets close; runFfmpeg
    // then measures the result (ebur128) and corrects the gain (volume + limiter, video
    // copied) until it is within 0.5 LU, since one pass misses by several LU on speech.
    bool normalizeLoudness = false;
    double loudnessLufs = -14.0;
    int audioBitrateK = 192; // the AAC rate the correction re-encodes at
    // The sound's codec and muxer options for that re-encode (RenderOutput.h); empty: AAC
    // in MP4.
    QStringList soundArgs{};
};

// inputs: media id -> input. textDir: where text files for drawtext are written.
// fontFile: font for titles (must cover CJK when available).
RenderCommand buildRenderCommand(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                                 const RenderPreset& preset, const QString& outputPath,
                                 const QString& textDir, const QString& fontFile);

// The picture size a draft renders at: the draft's own size replaces the default 1080p
// preset's; the preview fits the draft's aspect into 640 pixels on its long side.
QPair<int, int> renderSize(const Draft& draft, const RenderPreset& preset);

QString defaultFontFile(); // Noto CJK if installed, else DejaVu Sans

// Escapes a value for use as a filter option inside -filter_complex (both the option level
// and the graph level), e.g. a path with ':', ',', '\'' or '\\'.
QString escapeFilterValue(const QString& value);

} // namespace cw::engine
