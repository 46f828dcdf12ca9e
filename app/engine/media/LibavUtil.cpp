#include "media/LibavUtil.h"

#include <mutex>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/log.h>
}

namespace cw::engine {

void quietLibavLogging()
{
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_QUIET); });
}

FormatContext::~FormatContext()
{
    if (ctx_)
        avformat_close_input(&ctx_);
}

bool FormatContext::open(const QString& path)
{
    quietLibavLogging();
    // The file: prefix keeps names like "concat:a|b" or "http:x" from selecting a protocol.
    const QByteArray file = QByteArrayLiteral("file:") + path.toUtf8();
    if (avformat_open_input(&ctx_, file.constData(), nullptr, nullptr) < 0) {
        ctx_ = nullptr;
        return false;
    }
    if (avformat_find_stream_info(ctx_, nullptr) < 0) {
        avformat_close_input(&ctx_);
        return false;
    }
    return true;
}

} // namespace cw::engine
