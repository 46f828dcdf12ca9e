// Small RAII helpers around libavformat shared by the probe and the audio analysis, and the
// one place that silences libav's logging (it would otherwise print to stderr on every
// damaged file, and the engine's stdout is a protocol channel).
#pragma once

#include <QString>

struct AVFormatContext;

namespace cw::engine {

void quietLibavLogging();

class FormatContext {
public:
    FormatContext() = default;
    ~FormatContext();
    FormatContext(const FormatContext&) = delete;
    FormatContext& operator=(const FormatContext&) = delete;

    // avformat_open_input + avformat_find_stream_info; false when either fails.
    bool open(const QString& path);
    AVFormatContext* get() const { return ctx_; }

private:
    AVFormatContext* ctx_ = nullptr;
};

} // namespace cw::engine
