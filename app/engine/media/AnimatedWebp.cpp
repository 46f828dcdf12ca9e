#include "media/AnimatedWebp.h"

#include "render/FfmpegRunner.h"

#include <QFile>
#include <QProcess>
#include <webp/decode.h>
#include <webp/demux.h>

namespace cw::engine {

namespace {

constexpr int kFps = 30;
constexpr int kMaxSide = 4096;
constexpr int kMaxMs = 10 * 60 * 1000;
constexpr int kMaxFrames = 20000;

struct AnimDecoder {
    WebPAnimDecoder* dec = nullptr;
    ~AnimDecoder() { WebPAnimDecoderDelete(dec); }
};

} // namespace

bool isAnimatedWebp(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(64);
    WebPBitstreamFeatures features;
    return head.startsWith("RIFF") && head.mid(8, 4) == "WEBP" &&
           WebPGetFeatures(reinterpret_cast<const uint8_t*>(head.constData()), size_t(head.size()),
                           &features) == VP8_STATUS_OK &&
           features.has_animation;
}

bool convertAnimatedWebp(const QString& path, const QString& out, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot be read");
        return false;
    }
    const QByteArray bytes = f.readAll();
    WebPData data{reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size())};
    WebPAnimDecoderOptions options;
    if (!WebPAnimDecoderOptionsInit(&options)) {
        *error = QStringLiteral("libwebp is too old");
        return false;
    }
    options.color_mode = MODE_RGBA;
    options.use_threads = 0;
    AnimDecoder anim;
    anim.dec = WebPAnimDecoderNew(&data, &options);
    WebPAnimInfo info;
    if (!anim.dec || !WebPAnimDecoderGetInfo(anim.dec, &info)) {
        *error = QStringLiteral("the animation cannot be decoded");
        return false;
    }
    const int w = int(info.canvas_width);
    const int h = int(info.canvas_height);
    if (w <= 0 || h <= 0 || w > kMaxSide || h > kMaxSide || info.frame_count == 0 ||
        info.frame_count > uint32_t(kMaxFrames)) {
        *error = QStringLiteral("the animation is %1x%2 with %3 frames (at most %4 px a side and "
                                "%5 frames)")
                     .arg(w)
                     .arg(h)
                     .arg(info.frame_count)
                     .arg(kMaxSide)
                     .arg(kMaxFrames);
        return false;
    }

    // Black under the alpha, sides made even for 4:2:0.
    QProcess ffmpeg;
    ffmpeg.start(ffmpegProgram(),
                 {"-v",
                  "error",
                  "-y",
                  "-f",
                  "rawvideo",
                  "-pix_fmt",
                  "rgba",
                  "-s",
                  QStringLiteral("%1x%2").arg(w).arg(h),
                  "-r",
                  QString::number(kFps),
                  "-i",
                  "-",
                  "-filter_complex",
                  QStringLiteral("color=c=black:s=%1x%2:r=%3[bg];[bg][0:v]overlay=shortest=1,"
                                 "pad=ceil(iw/2)*2:ceil(ih/2)*2,format=yuv420p")
                      .arg(w)
                      .arg(h)
                      .arg(kFps),
                  "-c:v",
                  "libx264",
                  "-preset",
                  "veryfast",
                  "-crf",
                  "16",
                  "-movflags",
                  "+faststart",
                  "-f",
                  "mp4",
                  out});
    if (!ffmpeg.waitForStarted(10000)) {
        *error = QStringLiteral("ffmpeg did not start");
        return false;
    }
    const qsizetype frameBytes = qsizetype(w) * h * 4;
    int written = 0; // output frames so far: frame k shows at k/kFps s
    int endMs = 0;
    bool ok = true;
    while (ok && WebPAnimDecoderHasMoreFrames(anim.dec)) {
        uint8_t* rgba = nullptr;
        int timestampMs = 0; // when this frame stops showing
        if (!WebPAnimDecoderGetNext(anim.dec, &rgba, &timestampMs) || timestampMs > kMaxMs) {
            *error = timestampMs > kMaxMs ? QStringLiteral("the animation is over 10 minutes")
                                          : QStringLiteral("a frame cannot be decoded");
            ok = false;
            break;
        }
        endMs = std::max(endMs, timestampMs);
        while (ok && qint64(written) * 1000 < qint64(endMs) * kFps) {
            ok = ffmpeg.write(reinterpret_cast<const char*>(rgba), frameBytes) == frameBytes &&
                 (ffmpeg.bytesToWrite() < 64 * frameBytes || ffmpeg.waitForBytesWritten(30000));
            ++written;
        }
    }
    ffmpeg.closeWriteChannel();
    const bool finished = ffmpeg.waitForFinished(600000);
    if (ok && (!finished || ffmpeg.exitCode() != 0 || written == 0)) {
        *error = QStringLiteral("the animation could not be converted: %1")
                     .arg(QString::fromUtf8(ffmpeg.readAllStandardError()).left(200));
        ok = false;
    }
    if (!ok)
        QFile::remove(out);
    return ok;
}

} // namespace cw::engine
