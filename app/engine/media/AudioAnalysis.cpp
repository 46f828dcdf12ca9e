// One decode of the best audio stream, every other stream discarded at the demuxer
// (AVDISCARD_ALL) so a video file costs little more than its audio. Samples are mixed down
// to mono float at the stream's own rate and reduced on the fly to RMS per 10 ms window and
// peak per 20 ms: nothing but the envelope is kept in memory. Float audio (what the AAC,
// MP3 and Opus decoders give) is mixed down here in one loop; other formats go through
// libswresample for the format only. Resampling (to 16 kHz, as this once did) cost more
// than decoding the AAC and changes the levels by a fraction of a dB, so it is only done for
// exotic rates. A decode error mid-file ends the pass but keeps what was decoded.
#include "media/AudioAnalysis.h"

#include "media/LibavUtil.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <utility>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

namespace cw::engine {
namespace {

constexpr int kFallbackRate = 16000;
constexpr float kSilenceDb = -120.f;

struct Envelope {
    int rate = kFallbackRate; // set from the first decoded frame, before any add()
    int windowSamples = kFallbackRate / 100;
    int peakSamples = kFallbackRate / 50;
    double sumSq = 0;
    int inWindow = 0;
    float peak = 0;
    int inPeak = 0;
    qint64 total = 0;
    QVector<float> levels;
    QVector<float> peaks;

    static float toDb(double meanSq)
    {
        if (meanSq <= 1e-12)
            return kSilenceDb;
        return std::max(kSilenceDb, float(10.0 * std::log10(meanSq)));
    }

    void setRate(int r)
    {
        rate = r;
        windowSamples = std::max(1, r / 100);
        peakSamples = std::max(1, r / 50);
    }

    // Window by window rather than sample by sample: the inner loop has no branches.
    void add(const float* s, int n)
    {
        total += n;
        int i = 0;
        while (i < n) {
            const int take = std::min({n - i, windowSamples - inWindow, peakSamples - inPeak});
            float sq0 = 0, sq1 = 0;
            float pk = peak;
            int k = 0;
            for (; k + 1 < take; k += 2) {
                const float a = s[i + k];
                const float b = s[i + k + 1];
                sq0 += a * a;
                sq1 += b * b;
                pk = std::max(pk, std::max(std::fabs(a), std::fabs(b)));
            }
            if (k < take) {
                const float a = s[i + k];
                sq0 += a * a;
                pk = std::max(pk, std::fabs(a));
            }
            sumSq += double(sq0) + double(sq1);
            peak = pk;
            inWindow += take;
            inPeak += take;
            i += take;
            if (inWindow == windowSamples) {
                levels.append(toDb(sumSq / windowSamples));
                sumSq = 0;
                inWindow = 0;
            }
            if (inPeak == peakSamples) {
                peaks.append(std::min(1.f, peak));
                peak = 0;
                inPeak = 0;
            }
        }
    }

    void finish()
    {
        if (inWindow > 0)
            levels.append(toDb(sumSq / inWindow));
        if (inPeak > 0)
            peaks.append(std::min(1.f, peak));
        inWindow = inPeak = 0;
    }
};

double percentile(QVector<float> values, double p)
{
    if (values.isEmpty())
        return kSilenceDb;
    const int k = std::clamp(int(p * (values.size() - 1) + 0.5), 0, int(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + k, values.end());
    return values[k];
}

struct Decoder {
    AVCodecContext* codec = nullptr;
    SwrContext* swr = nullptr;
    AVPacket* pkt = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    const AVStream* stream = nullptr;
    int64_t fileStartUs = AV_NOPTS_VALUE;
    int outRate = 0;      // 0 until the first frame
    bool direct = false;  // float input at outRate: mixed down here, no swr
    bool damaged = false; // a frame failed to decode since the flag was read
    QVector<float> buf;

    ~Decoder()
    {
        swr_free(&swr);
        avcodec_free_context(&codec);
        av_packet_free(&pkt);
        av_frame_free(&frame);
    }

    bool setup(const AVStream* st)
    {
        const AVCodec* dec = avcodec_find_decoder(st->codecpar->codec_id);
        if (!dec)
            return false;
        codec = avcodec_alloc_context3(dec);
        if (!codec || avcodec_parameters_to_context(codec, st->codecpar) < 0)
            return false;
        codec->thread_count = 1;
        return avcodec_open2(codec, dec, nullptr) >= 0;
    }

    // On the first frame: the envelope's rate, and whether the frame can be mixed down
    // directly (float, packed or planar) or needs libswresample.
    bool configure(const AVFrame* f, Envelope& env)
    {
        if (outRate > 0)
            return true;
        outRate =
            f->sample_rate >= 8000 && f->sample_rate <= 192000 ? f->sample_rate : kFallbackRate;
        env.setRate(outRate);
        direct = outRate == f->sample_rate && f->ch_layout.nb_channels > 0 &&
                 f->ch_layout.nb_channels <= 2 &&
                 (f->format == AV_SAMPLE_FMT_FLTP || f->format == AV_SAMPLE_FMT_FLT);
        return direct || ensureResampler(f);
    }

    // Mono or stereo float frames. Stereo is mixed down as libswresample does by default,
    // (L + R) / sqrt(2), so levels stay what they were when swr did it (a mono source
    // upmixed to stereo reads at its mono level).
    void mixDown(const AVFrame* f, Envelope& env)
    {
        const int n = f->nb_samples;
        const int ch = f->ch_layout.nb_channels;
        if (n <= 0 || ch <= 0 || ch > 2 || f->sample_rate != outRate ||
            (f->format != AV_SAMPLE_FMT_FLTP && f->format != AV_SAMPLE_FMT_FLT))
            return;
        if (ch == 1) {
            env.add(reinterpret_cast<const float*>(f->extended_data[0]), n);
            return;
        }
        if (buf.size() < n)
            buf.resize(n);
        float* out = buf.data();
        constexpr float k = 0.70710678f;
        if (f->format == AV_SAMPLE_FMT_FLTP) {
            const float* l = reinterpret_cast<const float*>(f->extended_data[0]);
            const float* r = reinterpret_cast<const float*>(f->extended_data[1]);
            for (int i = 0; i < n; ++i)
                out[i] = (l[i] + r[i]) * k;
        } else {
            const float* in = reinterpret_cast<const float*>(f->data[0]);
            for (int i = 0; i < n; ++i)
                out[i] = (in[2 * i] + in[2 * i + 1]) * k;
        }
        env.add(out, n);
    }

    bool ensureResampler(const AVFrame* f)
    {
        if (swr)
            return true;
        AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
        AVChannelLayout in;
        if (f->ch_layout.nb_channels > 0 && f->ch_layout.order != AV_CHANNEL_ORDER_UNSPEC)
            av_channel_layout_copy(&in, &f->ch_layout);
        else
            av_channel_layout_default(&in, std::max(1, f->ch_layout.nb_channels));
        const int rc = swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_FLT, outRate, &in,
                                           AVSampleFormat(f->format), f->sample_rate, 0, nullptr);
        av_channel_layout_uninit(&in);
        return rc >= 0 && swr_init(swr) >= 0;
    }

    // Feeds one decoded frame through the resampler into the envelope.
    bool consume(const AVFrame* f, Envelope& env)
    {
        if (!configure(f, env))
            return false;
        if (direct) {
            mixDown(f, env);
            return true;
        }
        if (!ensureResampler(f))
            return false;
        const int maxOut = swr_get_out_samples(swr, f->nb_samples);
        if (maxOut <= 0)
            return true;
        if (buf.size() < maxOut)
            buf.resize(maxOut);
        uint8_t* out = reinterpret_cast<uint8_t*>(buf.data());
        const int n = swr_convert(swr, &out, maxOut, const_cast<const uint8_t**>(f->extended_data),
                                  f->nb_samples);
        if (n > 0)
            env.add(buf.constData(), n);
        return n >= 0;
    }

    void flushResampler(Envelope& env)
    {
        if (!swr)
            return;
        const int maxOut = swr_get_out_samples(swr, 0);
        if (maxOut <= 0)
            return;
        if (buf.size() < maxOut)
            buf.resize(maxOut);
        uint8_t* out = reinterpret_cast<uint8_t*>(buf.data());
        const int n = swr_convert(swr, &out, maxOut, nullptr, 0);
        if (n > 0)
            env.add(buf.constData(), n);
    }

    // Envelope index 0 must be the file's time 0 (what trim= and the draft's `in` use):
    // audio that starts late (after the container start) gets leading silence.
    void alignStart(const AVFrame* f, Envelope& env)
    {
        const int64_t pts = f->best_effort_timestamp;
        if (pts == AV_NOPTS_VALUE || !stream)
            return;
        double offset = double(pts) * av_q2d(stream->time_base);
        if (fileStartUs != AV_NOPTS_VALUE)
            offset -= double(fileStartUs) / 1e6;
        if (offset < 0.02 || offset > 600)
            return;
        QVector<float> zeros(int(offset * env.rate), 0.f);
        env.add(zeros.constData(), int(zeros.size()));
    }

    // Drains decoded frames; false when the resampler fails.
    bool receive(Envelope& env)
    {
        for (;;) {
            const int rc = avcodec_receive_frame(codec, frame);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return true;
            if (rc < 0) {
                damaged = true;
                return true; // bad data: keep going with the next packet
            }
            if (env.total == 0) {
                if (!configure(frame, env))
                    return false;
                alignStart(frame, env);
            }
            const bool ok = consume(frame, env);
            av_frame_unref(frame);
            if (!ok)
                return false;
        }
    }
};

} // namespace

namespace {

// Length-prefixed H.264/HEVC (MP4, MKV): the NAL unit lengths of a packet must add up to
// its size and each unit's forbidden bit must be clear. Damage in the middle of a file nearly
// always breaks this, and checking it costs no decoding. 0: not length-prefixed, not checked.
int nalLengthSize(const AVCodecParameters* par)
{
    const uint8_t* x = par->extradata;
    if (par->codec_id == AV_CODEC_ID_H264 && par->extradata_size >= 7 && x[0] == 1)
        return (x[4] & 3) + 1;
    if (par->codec_id == AV_CODEC_ID_HEVC && par->extradata_size >= 23 && x[0] == 1)
        return (x[21] & 3) + 1;
    return 0;
}

bool nalUnitsBroken(const AVPacket* pkt, int lengthSize)
{
    const uint8_t* p = pkt->data;
    qint64 left = pkt->size;
    while (left > 0) {
        if (left < lengthSize)
            return true;
        qint64 n = 0;
        for (int i = 0; i < lengthSize; ++i)
            n = (n << 8) | p[i];
        p += lengthSize;
        left -= lengthSize;
        if (n == 0 || n > left || (p[0] & 0x80))
            return true;
        p += n;
        left -= n;
    }
    return false;
}

qint64 packetMs(const AVPacket* pkt, const AVStream* st, int64_t fileStartUs)
{
    const int64_t ts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    if (ts == AV_NOPTS_VALUE)
        return 0;
    double s = double(ts) * av_q2d(st->time_base);
    if (fileStartUs != AV_NOPTS_VALUE)
        s -= double(fileStartUs) / 1e6;
    return std::max<qint64>(0, qint64(s * 1000));
}

} // namespace

AudioAnalysis analyzeAudio(const QString& path)
{
    AudioAnalysis result;
    FormatContext fmt;
    if (!fmt.open(path)) {
        result.error = QCoreApplication::translate("AudioAnalysis", "%1 cannot be read.")
                           .arg(QFileInfo(path).fileName());
        return result;
    }
    AVFormatContext* ctx = fmt.get();
    const int index = av_find_best_stream(ctx, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (index < 0) {
        result.ok = true; // no audio: nothing to analyse, nothing to cut
        return result;
    }
    const int video = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    const int lengthSize = video >= 0 ? nalLengthSize(ctx->streams[video]->codecpar) : 0;
    for (unsigned i = 0; i < ctx->nb_streams; ++i)
        ctx->streams[i]->discard = int(i) == index || (lengthSize > 0 && int(i) == video)
                                       ? AVDISCARD_DEFAULT
                                       : AVDISCARD_ALL;

    Decoder dec;
    dec.stream = ctx->streams[index];
    dec.fileStartUs = ctx->start_time;
    if (!dec.setup(ctx->streams[index])) {
        result.error =
            QCoreApplication::translate("AudioAnalysis", "The audio of %1 cannot be decoded.")
                .arg(QFileInfo(path).fileName());
        return result;
    }

    // Damaged packets are skipped (decoders resynchronise); a read error ends the pass with
    // what was decoded so far; only a resampler failure is fatal.
    Envelope env;
    bool broken = false;
    auto damage = [&](const AVPacket* pkt) {
        if (result.damagedAtMs < 0)
            result.damagedAtMs = packetMs(pkt, ctx->streams[pkt->stream_index], ctx->start_time);
    };
    while (!broken && av_read_frame(ctx, dec.pkt) >= 0) {
        if (dec.pkt->stream_index == index) {
            if (avcodec_send_packet(dec.codec, dec.pkt) >= 0)
                broken = !dec.receive(env);
            else
                dec.damaged = true;
            if (std::exchange(dec.damaged, false))
                damage(dec.pkt);
        } else if (dec.pkt->stream_index == video && nalUnitsBroken(dec.pkt, lengthSize)) {
            damage(dec.pkt);
        }
        av_packet_unref(dec.pkt);
    }
    if (!broken) {
        avcodec_send_packet(dec.codec, nullptr);
        dec.receive(env);
    }
    dec.flushResampler(env);
    env.finish();

    result.durationMs = env.total * 1000 / env.rate;
    result.levelsDb = std::move(env.levels);
    result.peaks = std::move(env.peaks);
    result.ok = result.durationMs > 0;
    if (!result.ok) {
        result.error =
            QCoreApplication::translate("AudioAnalysis", "No audio could be decoded from %1.")
                .arg(QFileInfo(path).fileName());
        return result;
    }
    result.noiseFloorDb = percentile(result.levelsDb, 0.10);
    result.speechLevelDb = percentile(result.levelsDb, 0.90);
    return result;
}

double adaptiveSilenceThresholdDb(const AudioAnalysis& a)
{
    // 35% of the way from the noise floor to the speech level: noise is steady and sits
    // within a few dB of its 10th percentile, while soft consonants and word endings fall
    // far below the 90th-percentile speech level, so the threshold leans towards the floor.
    const double t = a.noiseFloorDb + 0.35 * (a.speechLevelDb - a.noiseFloorDb);
    return std::clamp(t, -55.0, -25.0);
}

bool hasSpeech(const AudioAnalysis& a, double thresholdDb)
{
    if (a.levelsDb.isEmpty() || a.speechLevelDb - a.noiseFloorDb < kSpeechSpreadDb)
        return false;
    const qint64 above = std::count_if(a.levelsDb.begin(), a.levelsDb.end(),
                                       [&](float v) { return v >= thresholdDb; });
    return above * std::max(1, a.windowMs) >= 1000;
}

bool looksLikeMusic(const AudioAnalysis& a)
{
    return !a.levelsDb.isEmpty() && a.speechLevelDb - a.noiseFloorDb < kSpeechSpreadDb &&
           a.noiseFloorDb > -45.0;
}

QList<Interval> findSilences(const AudioAnalysis& a, double thresholdDb, qint64 minSilenceMs)
{
    QList<Interval> out;
    const int n = a.levelsDb.size();
    const qint64 w = std::max(1, a.windowMs);
    const qint64 total = a.durationMs > 0 ? a.durationMs : n * w;
    int i = 0;
    while (i < n) {
        if (a.levelsDb[i] >= thresholdDb) {
            ++i;
            continue;
        }
        int j = i;
        while (j < n && a.levelsDb[j] < thresholdDb)
            ++j;
        const Interval iv{i * w, std::min(j * w, total)};
        if (iv.length() >= minSilenceMs && iv.length() > 0)
            out.append(iv);
        i = j;
    }
    return out;
}

QByteArray AudioAnalysis::toJson() const
{
    // Written by hand: QJsonArray costs ~40 bytes per value and this runs at upload time.
    QByteArray out;
    out.reserve(levelsDb.size() * 6 + peaks.size() * 4 + 200);
    out += "{\"v\":1,\"ok\":";
    out += ok ? "true" : "false";
    out += ",\"d\":" + QByteArray::number(durationMs);
    out += ",\"w\":" + QByteArray::number(windowMs);
    out += ",\"nf\":" + QByteArray::number(std::lround(noiseFloorDb * 10));
    out += ",\"sp\":" + QByteArray::number(std::lround(speechLevelDb * 10));
    out += ",\"pps\":" + QByteArray::number(peaksPerSecond);
    out += ",\"dmg\":" + QByteArray::number(damagedAtMs);
    out += ",\"l\":[";
    for (int i = 0; i < levelsDb.size(); ++i) {
        if (i)
            out += ',';
        out += QByteArray::number(int(std::lround(levelsDb[i] * 10)));
    }
    out += "],\"p\":[";
    for (int i = 0; i < peaks.size(); ++i) {
        if (i)
            out += ',';
        out += QByteArray::number(int(std::lround(peaks[i] * 1000)));
    }
    out += "]}";
    return out;
}

AudioAnalysis AudioAnalysis::fromJson(const QByteArray& json)
{
    AudioAnalysis a;
    QJsonParseError err{};
    const QJsonObject o = QJsonDocument::fromJson(json, &err).object();
    if (err.error != QJsonParseError::NoError || o.value(QLatin1String("v")).toInt() != 1) {
        a.error = QStringLiteral("invalid analysis JSON");
        return a;
    }
    a.ok = o.value(QLatin1String("ok")).toBool();
    a.durationMs = qint64(o.value(QLatin1String("d")).toDouble());
    a.windowMs = std::max(1, o.value(QLatin1String("w")).toInt(10));
    a.noiseFloorDb = o.value(QLatin1String("nf")).toDouble(-1200) / 10.0;
    a.speechLevelDb = o.value(QLatin1String("sp")).toDouble(-1200) / 10.0;
    a.peaksPerSecond = std::max(1, o.value(QLatin1String("pps")).toInt(50));
    a.damagedAtMs = qint64(o.value(QLatin1String("dmg")).toDouble(-1));
    const QJsonArray l = o.value(QLatin1String("l")).toArray();
    a.levelsDb.reserve(l.size());
    for (const QJsonValue& v : l)
        a.levelsDb.append(float(v.toDouble() / 10.0));
    const QJsonArray p = o.value(QLatin1String("p")).toArray();
    a.peaks.reserve(p.size());
    for (const QJsonValue& v : p)
        a.peaks.append(float(v.toDouble() / 1000.0));
    return a;
}

} // namespace cw::engine
