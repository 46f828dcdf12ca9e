// Content probe with libavformat. The file name is never consulted: a text file renamed
// .mp4 must fail here, and a PNG renamed .mp4 is still an image. Three traps shaped this:
// - image formats (png_pipe, image2, webp_pipe, a one-frame gif) expose a "video" stream, so
//   a video stream counts as video only when it holds more than one frame;
// - cover art in audio files is an attached-picture video stream and is ignored;
// - a faststart MP4 cut after its header opens fine and claims the full duration, so the
//   demuxer's index is checked against the real file size.
#include "media/MediaProbe.h"

#include "ApiError.h"
#include "media/LibavUtil.h"

#include <QCoreApplication>
#include <QFileInfo>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
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

} // namespace

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
    for (unsigned i = 0; i < ctx->nb_streams; ++i) {
        const AVStream* st = ctx->streams[i];
        const AVCodecParameters* par = st->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && videoIndex < 0 &&
            !(st->disposition & AV_DISPOSITION_ATTACHED_PIC) && par->width > 0 && par->height > 0)
            videoIndex = int(i);
        else if (par->codec_type == AVMEDIA_TYPE_AUDIO && audioIndex < 0 &&
                 par->ch_layout.nb_channels > 0 && par->sample_rate > 0)
            audioIndex = int(i);
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
        info.width = par->width;
        info.height = par->height;
        info.videoCodec = QString::fromUtf8(avcodec_get_name(par->codec_id));
        const AVRational rate = av_guess_frame_rate(ctx, st, nullptr);
        if (rate.num > 0 && rate.den > 0)
            info.fps = av_q2d(rate);
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
