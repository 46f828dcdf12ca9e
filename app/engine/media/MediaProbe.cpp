// Content probe with libavformat. The file name is never consulted: a text file renamed
// .mp4 must fail here, and a PNG renamed .mp4 is still an image. Three traps shaped this:
// - image formats (png_pipe, image2, webp_pipe, a one-frame gif) expose a "video" stream, so
//   a video stream counts as video only when it holds more than one frame;
// - cover art in audio files is an attached-picture video stream and is ignored;
// - a faststart MP4 cut after its header opens fine and claims the full duration, so the
//   demuxer's index is checked against the real file size;
// - phones store portrait video landscape with a display matrix (or, from older muxers, a
//   "rotate" tag), and some cameras and DVD rips store non-square pixels: the reported size
//   is the display size, the stored one is kept beside it.
#include "media/MediaProbe.h"

#include "ApiError.h"
#include "media/LibavUtil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <cmath>
#include <mutex>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

namespace cw::engine {
namespace {

MediaInfo fail(const QString& message)
{
    MediaInfo info;
    info.ok = false;
    info.errorCode = cw::ErrorCode::UnsupportedFile;
    info.error = message;
    return info;
}

QString notMedia(const QString& fileName)
{
    return QCoreApplication::translate("MediaProbe",
                                       "%1 is not a video, audio or image file that can be read.")
        .arg(fileName);
}

bool isImageContainer(const char* name)
{
    const QByteArray n(name ? name : "");
    return n == "image2" || n.endsWith("_pipe") || n == "gif" || n == "apng" || n == "webp";
}

// Counts packets of stream `index` up to `limit`; used only for image-like containers.
int countPackets(AVFormatContext* fmt, int index, int limit)
{
    AVPacket* pkt = av_packet_alloc();
    int count = 0;
    while (count < limit && av_read_frame(fmt, pkt) >= 0) {
        if (pkt->stream_index == index)
            ++count;
        av_packet_unref(pkt);
    }
    av_packet_free(&pkt);
    return count;
}

// True when the demuxer's index points past the end of the file (a cut-off download).
bool indexBeyondFile(AVStream* st, qint64 fileSize)
{
    const int n = avformat_index_get_entries_count(st);
    if (n <= 0)
        return false;
    const AVIndexEntry* last = avformat_index_get_entry(st, n - 1);
    return last && last->pos + last->size > fileSize;
}

// Clockwise degrees (0/90/180/270) of a counter-clockwise angle, rounded to a quarter turn as
// ffmpeg's own autorotation does.
int clockwiseQuarter(double ccw)
{
    if (std::isnan(ccw))
        return 0;
    return ((int(std::lround(-ccw / 90.0)) % 4) + 4) % 4 * 90;
}

int displayRotation(AVStream* st)
{
    if (const uint8_t* m = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, nullptr))
        return clockwiseQuarter(av_display_rotation_get(reinterpret_cast<const int32_t*>(m)));
    if (const AVDictionaryEntry* tag = av_dict_get(st->metadata, "rotate", nullptr, 0))
        return clockwiseQuarter(-QByteArray(tag->value).toDouble()); // the tag counts clockwise
    return 0;
}

void readPicture(AVFormatContext* ctx, AVStream* st, MediaInfo* info)
{
    const AVCodecParameters* par = st->codecpar;
    info->storedWidth = par->width;
    info->storedHeight = par->height;
    const AVRational sar = av_guess_sample_aspect_ratio(ctx, st, nullptr);
    if (sar.num > 0 && sar.den > 0 && sar.num != sar.den) {
        const AVRational r = av_mul_q(sar, AVRational{1, 1}); // reduced
        info->sarNum = r.num;
        info->sarDen = r.den;
    }
    // Even sizes: every later stage is 4:2:0.
    int w = int(std::lround(double(par->width) * info->sarNum / info->sarDen / 2.0)) * 2;
    int h = par->height;
    info->rotation = displayRotation(st);
    if (info->rotation == 90 || info->rotation == 270)
        std::swap(w, h);
    info->width = std::max(2, w);
    info->height = std::max(2, h);
    if (par->color_trc != AVCOL_TRC_UNSPECIFIED)
        info->colorTransfer = QString::fromLatin1(av_color_transfer_name(par->color_trc));
    switch (par->color_space) {
    case AVCOL_SPC_BT709:
        info->colorMatrix = QStringLiteral("bt709");
        break;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
        info->colorMatrix = QStringLiteral("bt601");
        break;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
        info->colorMatrix = QStringLiteral("bt2020");
        break;
    default:
        info->colorMatrix = par->height >= 720 ? QStringLiteral("bt709") : QStringLiteral("bt601");
    }
    if (const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(AVPixelFormat(par->format)))
        info->bitDepth = d->comp[0].depth;
    else if (par->bits_per_raw_sample > 0)
        info->bitDepth = par->bits_per_raw_sample;
}

// A photo's EXIF orientation reaches FFmpeg only as side data of the decoded frame (which
// ffmpeg's autorotation then applies), so a still is decoded once to learn its turn.
int stillRotation(const QString& path)
{
    FormatContext fmt;
    if (!fmt.open(path))
        return 0;
    AVFormatContext* ctx = fmt.get();
    const int vi = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (vi < 0)
        return 0;
    const AVCodec* codec = avcodec_find_decoder(ctx->streams[vi]->codecpar->codec_id);
    AVCodecContext* dec = codec ? avcodec_alloc_context3(codec) : nullptr;
    int rotation = 0;
    if (dec && avcodec_parameters_to_context(dec, ctx->streams[vi]->codecpar) >= 0 &&
        avcodec_open2(dec, codec, nullptr) >= 0) {
        AVPacket* pkt = av_packet_alloc();
        AVFrame* frame = av_frame_alloc();
        bool done = false;
        while (!done && av_read_frame(ctx, pkt) >= 0) {
            if (pkt->stream_index == vi && avcodec_send_packet(dec, pkt) >= 0 &&
                avcodec_receive_frame(dec, frame) >= 0) {
                if (const AVFrameSideData* sd =
                        av_frame_get_side_data(frame, AV_FRAME_DATA_DISPLAYMATRIX))
                    rotation = clockwiseQuarter(
                        av_display_rotation_get(reinterpret_cast<const int32_t*>(sd->data)));
                done = true;
            }
            av_packet_unref(pkt);
        }
        av_frame_free(&frame);
        av_packet_free(&pkt);
    }
    avcodec_free_context(&dec);
    return rotation;
}

} // namespace

bool MediaInfo::hdr() const
{
    return colorTransfer == QLatin1String("smpte2084") ||
           colorTransfer == QLatin1String("arib-std-b67");
}

MediaInfo probeMediaCached(const QString& path)
{
    static std::mutex mutex;
    static QHash<QString, MediaInfo> cache;
    const QFileInfo fi(path);
    const QString key = QStringLiteral("%1\n%2\n%3")
                            .arg(path)
                            .arg(fi.size())
                            .arg(fi.lastModified().toMSecsSinceEpoch());
    {
        std::lock_guard<std::mutex> lock(mutex);
        const auto it = cache.constFind(key);
        if (it != cache.constEnd())
            return *it;
    }
    const MediaInfo info = probeMedia(path);
    std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() >= 256)
        cache.clear();
    cache.insert(key, info);
    return info;
}

MediaInfo probeMedia(const QString& path)
{
    quietLibavLogging();
    const QFileInfo fi(path);
    const QString name = fi.fileName();
    if (!fi.exists() || !fi.isFile())
        return fail(QCoreApplication::translate("MediaProbe", "%1 does not exist.").arg(name));
    if (fi.size() == 0)
        return fail(QCoreApplication::translate("MediaProbe", "%1 is empty.").arg(name));

    FormatContext fmt;
    if (!fmt.open(path))
        return fail(notMedia(name));
    AVFormatContext* ctx = fmt.get();

    int videoIndex = -1;
    int audioIndex = -1;
    int audioStreams = 0;
    for (unsigned i = 0; i < ctx->nb_streams; ++i) {
        const AVStream* st = ctx->streams[i];
        const AVCodecParameters* par = st->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && videoIndex < 0 &&
            !(st->disposition & AV_DISPOSITION_ATTACHED_PIC) && par->width > 0 && par->height > 0)
            videoIndex = int(i);
        else if (par->codec_type == AVMEDIA_TYPE_AUDIO && par->ch_layout.nb_channels > 0 &&
                 par->sample_rate > 0) {
            ++audioStreams;
            if (audioIndex < 0)
                audioIndex = int(i);
        }
    }
    if (videoIndex < 0 && audioIndex < 0)
        return fail(notMedia(name));

    for (int idx : {videoIndex, audioIndex}) {
        if (idx >= 0 && indexBeyondFile(ctx->streams[idx], fi.size()))
            return fail(
                QCoreApplication::translate("MediaProbe", "%1 is truncated or damaged.").arg(name));
    }

    MediaInfo info;
    info.ok = true;
    info.container = QString::fromUtf8(ctx->iformat->name);
    qint64 durationUs = ctx->duration != AV_NOPTS_VALUE ? ctx->duration : 0;

    if (videoIndex >= 0) {
        AVStream* st = ctx->streams[videoIndex];
        const AVCodecParameters* par = st->codecpar;
        info.hasVideo = true;
        readPicture(ctx, st, &info);
        info.videoCodec = QString::fromUtf8(avcodec_get_name(par->codec_id));
        const AVRational rate = av_guess_frame_rate(ctx, st, nullptr);
        if (rate.num > 0 && rate.den > 0)
            info.fps = av_q2d(rate);
        const double base = av_q2d(st->r_frame_rate);
        const double average = av_q2d(st->avg_frame_rate);
        info.variableRate = base > 0 && average > 0 && std::abs(base - average) > 0.01 * base;
        if (st->duration != AV_NOPTS_VALUE && st->duration > 0)
            durationUs = std::max<qint64>(
                durationUs, av_rescale_q(st->duration, st->time_base, AVRational{1, 1000000}));
    }
    if (audioIndex >= 0) {
        const AVCodecParameters* par = ctx->streams[audioIndex]->codecpar;
        info.hasAudio = true;
        info.audioCodec = QString::fromUtf8(avcodec_get_name(par->codec_id));
        info.sampleRate = par->sample_rate;
        info.channels = par->ch_layout.nb_channels;
        info.audioStreams = audioStreams;
    }

    if (info.hasVideo) {
        bool image = false;
        if (isImageContainer(ctx->iformat->name)) {
            image = countPackets(ctx, videoIndex, 2) < 2;
        } else {
            const AVStream* st = ctx->streams[videoIndex];
            image = st->nb_frames == 1 && !info.hasAudio;
        }
        info.kind = image ? QStringLiteral("image") : QStringLiteral("video");
        if (image) {
            info.fps = 0;
            durationUs = 0;
            info.rotation = stillRotation(path);
            if (info.rotation == 90 || info.rotation == 270)
                std::swap(info.width, info.height);
        }
    } else {
        info.kind = QStringLiteral("audio");
    }
    info.durationMs = durationUs / 1000;
    if (info.kind != QLatin1String("image") && info.durationMs <= 0)
        return fail(notMedia(name));
    return info;
}

} // namespace cw::engine
