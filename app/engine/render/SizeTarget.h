// Compress to a size (issue 17): an export whose file must stay under a byte limit ("under
// 50 MB", a messenger's attachment limit) is encoded at a bitrate planned from the limit
// rather than at a quality (CRF), because only a bitrate bounds the size. The plan is a pure
// function so its table can be tested without encoding anything:
//  - the sound is chosen first (128k, then 96k, then 64k as the budget tightens), since
//    speech survives 64k AAC while the picture has nothing left at a tiny video rate;
//  - the picture gets the rest, less the container's overhead and a safety margin for the
//    encoder's overshoot (x264's two-pass lands within ~2%, the margin leaves room for more);
//  - when that rate spreads too thin over the pixels (bits per pixel per frame under
//    kMinBitsPerPixel), the picture drops to 720p, 540p, 480p, then 360p, which at equal
//    bytes looks better than blocks at full size;
//  - below kMinBitsPerPixel at 360p with 64k sound the target is impossible, and the plan
//    says the smallest limit that works for that duration.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cw::engine {

constexpr double kMinBitsPerPixel = 0.04;      // x264 below this at any size is mostly blocks
constexpr double kSizeSafety = 0.05;           // of the budget, for the encoder's overshoot
constexpr qint64 kMuxerFixedBytes = 64 * 1024; // moov header, a few tables, at any duration
constexpr double kMuxerFraction = 0.01;        // mp4 packet index etc., ~1% of the streams

struct SizePlan {
    bool ok = false;
    int audioKbps = 0;
    int videoKbps = 0;
    int width = 0; // the picture to encode at (even; at most the source's size)
    int height = 0;
    qint64 minimumBytes = 0; // when !ok: the smallest limit that works for this duration
};

// durationMs: the export's length; maxBytes: the limit; width/height/fps: the picture the
// export would have without a limit. hasSound=false gives all of the budget to the picture.
SizePlan planSize(qint64 durationMs, qint64 maxBytes, int width, int height, double fps,
                  bool hasSound = true);

// The other formats (SizeRender.h):
// - MP3 and M4A are constant-rate sound: the highest of LAME's/AAC's usual rates (32-192k)
//   that fits after the margin; below 32k the plan fails with the smallest limit for 32k.
// - A GIF has no rate to aim at: it is drawn, measured, and drawn again smaller. Its bytes
//   grow with the pixels and the frames, so the next try shrinks both by the share that is
//   over (15% more for the guess): the frame rate takes the square root of it down to 8 fps
//   and the picture the rest (the area, so its side by another square root), not under
//   kGifMinSide on the long side; !ok when that is not enough.
// - WebM takes the MP4's two-pass plan with VP9 and Opus.
constexpr int kGifMinSide = 120;
SizePlan planSoundSize(qint64 durationMs, qint64 maxBytes);
struct GifTry {
    bool ok = false;
    int longSide = 0;
    int fps = 0;
};
GifTry nextGifTry(int longSide, int fps, qint64 bytes, qint64 maxBytes);

// "50MB", "50 MB", "1.5 GB", "800k", "20 MiB" -> bytes (MB = 1,000,000; MiB = 1,048,576);
// 0 when it is not a size.
qint64 parseByteSize(const QString& text);

// "49.9 MB" for the user.
QString formatBytes(qint64 bytes);

// A named limit from resources/export/size_limits.json ("whatsapp", "email", "discord", ...,
// matched case-insensitively, also by its aliases); 0 when unknown.
qint64 namedSizeLimit(const QString& name, QString* label = nullptr);
QStringList namedSizeLimits(); // their ids
// The first named limit a message mentions ("small enough for WhatsApp", 发邮件): Latin names as
// whole words, Chinese ones anywhere; 0 when none.
qint64 namedSizeLimitIn(const QString& text, QString* label = nullptr);

// The trade in words (English and Chinese) for a plan: "video 1200 kb/s at 1280x720, sound
// 96 kb/s" / "画面 1200 kb/s、1280x720，声音 96 kb/s".
QString describeSizePlan(const SizePlan& plan, const QString& language = QStringLiteral("en"));

} // namespace cw::engine
