// See BeatDetect.h. Only the best audio stream is read (the others discarded at the demuxer);
// libswresample turns any layout and sample format into mono float at the stream's own rate
// (no resampling: aubio's window is in samples, and 44.1 or 48 kHz both give ~11 ms hops).
// Alongside the tracker, each hop's energy rise (dB, clamped at 0) is kept: the onset curve
// that pulseClarity and the downbeat phase read. Times are file time (the container's start
// taken off, a late first audio frame added), what a segment's `in` uses.
#include "media/BeatDetect.h"

#include "media/LibavUtil.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <memory>

extern "C" {
#include <aubio/aubio.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
}

namespace cw::engine {

namespace {

constexpr uint_t kWindow = 1024;
constexpr uint_t kHop = 512;

std::atomic_int g_runs{0};

QString tr(const char* text)
{
    return QCoreApplication::translate("BeatDetect", text);
}

// Hop-sized blocks of mono samples -> aubio's tracker and the onset curve.
class Tracker {
public:
    explicit Tracker(int rate)
        : m_rate(rate), m_tempo(new_aubio_tempo("default", kWindow, kHop, uint_t(rate))),
          m_in(new_fvec(kHop)), m_out(new_fvec(2))
    {}
    ~Tracker()
    {
        if (m_tempo)
            del_aubio_tempo(m_tempo);
        del_fvec(m_in);
        del_fvec(m_out);
    }
    Tracker(const Tracker&) = delete;
    Tracker& operator=(const Tracker&) = delete;

    bool ok() const { return m_tempo != nullptr; }
    double hopMs() const { return 1000.0 * kHop / m_rate; }

    void add(const float* s, int n)
    {
        for (int i = 0; i < n; ++i) {
            m_in->data[m_fill++] = s[i];
            if (m_fill == kHop)
                step();
        }
    }

    QList<double> tracked; // ms
    QVector<float> onsets; // dB rise per hop
    QVector<float> energy; // mean square per hop
    qint64 samples = 0;

private:
    void step()
    {
        aubio_tempo_do(m_tempo, m_in, m_out);
        if (m_out->data[0] != 0)
            tracked << double(aubio_tempo_get_last_s(m_tempo)) * 1000.0;
        double sq = 0;
        for (uint_t i = 0; i < kHop; ++i)
            sq += double(m_in->data[i]) * m_in->data[i];
        const float db = float(10.0 * std::log10(sq / kHop + 1e-10));
        onsets << std::max(0.f, db - m_lastDb);
        energy << float(sq / kHop);
        m_lastDb = db;
        samples += kHop;
        m_fill = 0;
    }

    int m_rate;
    aubio_tempo_t* m_tempo;
    fvec_t* m_in;
    fvec_t* m_out;
    uint_t m_fill = 0;
    float m_lastDb = -100;
};

struct Libav {
    AVCodecContext* codec = nullptr;
    SwrContext* swr = nullptr;
    AVPacket* pkt = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    QVector<float> buf;
    ~Libav()
    {
        swr_free(&swr);
        avcodec_free_context(&codec);
        av_packet_free(&pkt);
        av_frame_free(&frame);
    }
};

BeatAnalysis failed(const QString& error)
{
    BeatAnalysis a;
    a.error = error;
    return a;
}

} // namespace

QByteArray BeatAnalysis::toJson() const
{
    QJsonArray b, d;
    for (const qint64 x : beats)
        b.append(x);
    for (const qint64 x : downbeats)
        d.append(x);
    return QJsonDocument(QJsonObject{{QStringLiteral("v"), kBeatFormat},
                                     {QStringLiteral("bpm"), std::round(bpm * 1000) / 1000},
                                     {QStringLiteral("steady"), steady},
                                     {QStringLiteral("d"), durationMs},
                                     {QStringLiteral("clarity"), clarity},
                                     {QStringLiteral("beats"), b},
                                     {QStringLiteral("downbeats"), d}})
        .toJson(QJsonDocument::Compact);
}

BeatAnalysis BeatAnalysis::fromJson(const QByteArray& json)
{
    BeatAnalysis a;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QLatin1String("v")).toInt() != kBeatFormat ||
        !o.value(QLatin1String("beats")).isArray())
        return a;
    a.bpm = o.value(QLatin1String("bpm")).toDouble();
    a.steady = o.value(QLatin1String("steady")).toBool();
    a.durationMs = o.value(QLatin1String("d")).toInteger();
    a.clarity = o.value(QLatin1String("clarity")).toDouble();
    for (const QJsonValue& v : o.value(QLatin1String("beats")).toArray())
        a.beats << v.toInteger();
    for (const QJsonValue& v : o.value(QLatin1String("downbeats")).toArray())
        a.downbeats << v.toInteger();
    a.ok = a.bpm > 0 && !a.beats.isEmpty();
    return a;
}

QString beatCacheKey(const QString& hash)
{
    return hash + QStringLiteral(":beats");
}

BeatAnalysis detectBeats(const QString& path, qint64 durationMs,
                         const std::function<void(double)>& onProgress,
                         const std::atomic_bool* cancel)
{
    const QString name = QFileInfo(path).fileName();
    FormatContext fmt;
    if (!QFileInfo(path).isFile() || !fmt.open(path))
        return failed(tr("Cannot find the beat of %1: the file cannot be read.").arg(name));
    ++g_runs;
    AVFormatContext* ctx = fmt.get();
    const int index = av_find_best_stream(ctx, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (index < 0)
        return failed(tr("%1 has no sound, so it has no beat to cut to.").arg(name));
    for (unsigned i = 0; i < ctx->nb_streams; ++i)
        ctx->streams[i]->discard = int(i) == index ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    const AVStream* st = ctx->streams[index];
    Libav lv;
    const AVCodec* dec = avcodec_find_decoder(st->codecpar->codec_id);
    if (!dec || !(lv.codec = avcodec_alloc_context3(dec)) ||
        avcodec_parameters_to_context(lv.codec, st->codecpar) < 0 ||
        avcodec_open2(lv.codec, dec, nullptr) < 0)
        return failed(tr("Cannot find the beat of %1: its sound cannot be decoded.").arg(name));

    std::unique_ptr<Tracker> tracker;
    double offsetMs = 0; // a first audio frame after the file's start
    auto consume = [&](const AVFrame* f) -> bool {
        if (!tracker) {
            const int rate =
                f->sample_rate >= 8000 && f->sample_rate <= 192000 ? f->sample_rate : 44100;
            tracker = std::make_unique<Tracker>(rate);
            AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
            AVChannelLayout in;
            if (f->ch_layout.nb_channels > 0 && f->ch_layout.order != AV_CHANNEL_ORDER_UNSPEC)
                av_channel_layout_copy(&in, &f->ch_layout);
            else
                av_channel_layout_default(&in, std::max(1, f->ch_layout.nb_channels));
            const int rc =
                swr_alloc_set_opts2(&lv.swr, &mono, AV_SAMPLE_FMT_FLT, rate, &in,
                                    AVSampleFormat(f->format), f->sample_rate, 0, nullptr);
            av_channel_layout_uninit(&in);
            if (!tracker->ok() || rc < 0 || swr_init(lv.swr) < 0)
                return false;
            if (f->best_effort_timestamp != AV_NOPTS_VALUE) {
                double s = double(f->best_effort_timestamp) * av_q2d(st->time_base);
                if (ctx->start_time != AV_NOPTS_VALUE)
                    s -= double(ctx->start_time) / 1e6;
                offsetMs = s > 0.02 && s < 600 ? s * 1000 : 0;
            }
        }
        const int maxOut = swr_get_out_samples(lv.swr, f->nb_samples);
        if (maxOut <= 0)
            return true;
        if (lv.buf.size() < maxOut)
            lv.buf.resize(maxOut);
        uint8_t* out = reinterpret_cast<uint8_t*>(lv.buf.data());
        const int n = swr_convert(lv.swr, &out, maxOut,
                                  const_cast<const uint8_t**>(f->extended_data), f->nb_samples);
        if (n > 0)
            tracker->add(lv.buf.constData(), n);
        return n >= 0;
    };
    auto drain = [&]() -> bool {
        while (avcodec_receive_frame(lv.codec, lv.frame) >= 0) {
            const bool ok = consume(lv.frame);
            av_frame_unref(lv.frame);
            if (!ok)
                return false;
        }
        return true;
    };
    int packets = 0;
    bool broken = false;
    while (!broken && av_read_frame(ctx, lv.pkt) >= 0) {
        if (lv.pkt->stream_index == index && avcodec_send_packet(lv.codec, lv.pkt) >= 0)
            broken = !drain();
        av_packet_unref(lv.pkt);
        if ((++packets & 63) == 0) {
            if (cancel && cancel->load()) {
                BeatAnalysis a = failed(tr("Cancelled."));
                a.cancelled = true;
                return a;
            }
            if (onProgress && durationMs > 0 && tracker)
                onProgress(std::clamp(double(tracker->samples) * tracker->hopMs() / kHop /
                                          double(durationMs),
                                      0.0, 1.0));
        }
    }
    if (!broken) {
        avcodec_send_packet(lv.codec, nullptr);
        broken = !drain();
    }
    if (!tracker || broken || tracker->samples == 0)
        return failed(tr("Cannot find the beat of %1: its sound cannot be decoded.").arg(name));

    BeatAnalysis a;
    a.durationMs = qint64(double(tracker->samples) * tracker->hopMs() / kHop + offsetMs);
    QList<double> tracked =
        beats::snapToOnsets(tracker->tracked, tracker->onsets, tracker->hopMs());
    for (double& t : tracked)
        t += offsetMs;
    beats::Grid grid = beats::fitGrid(tracked);
    if (!grid.ok) {
        // A pulse faster than the range (the upbeat bed's plucks at 300 a minute, a tracker
        // that hops between the off-beats): every other one of them is the beat.
        grid = beats::fitGrid(tracked, kMaxBpm, 2 * kMaxBpm);
        grid.periodMs *= 2;
    }
    if (grid.ok) {
        a.steady = true;
        a.bpm = 60000.0 / grid.periodMs;
        a.beats = beats::gridBeats(grid, a.durationMs);
    } else {
        a.beats = beats::filledBeats(tracked, a.durationMs);
        if (a.beats.size() >= 2)
            a.bpm = 60000.0 * double(a.beats.size() - 1) / double(a.beats.last() - a.beats.first());
    }
    // The onset curve starts at the file's time 0 only when the audio does.
    QVector<float> onsets = tracker->onsets;
    if (offsetMs > 0)
        onsets.insert(0, int(offsetMs / tracker->hopMs()), 0.f);
    a.clarity = beats::pulseClarity(onsets, tracker->hopMs(), a.beats);
    if (tracked.size() < 4 || a.beats.size() < 4 || a.clarity < kMinPulseClarity)
        return failed(tr("%1 has no steady beat to cut to (it sounds like silence, noise or "
                         "a sound without a pulse).")
                          .arg(name));
    QVector<float> energy = tracker->energy;
    if (offsetMs > 0)
        energy.insert(0, int(offsetMs / tracker->hopMs()), 0.f);
    QList<double> strength;
    for (const qint64 b : a.beats) {
        const qsizetype at = qsizetype(std::llround(double(b) / tracker->hopMs()));
        float peak = 0;
        for (qsizetype i = std::max<qsizetype>(0, at - 2); i <= at + 2 && i < energy.size(); ++i)
            peak = std::max(peak, energy[i]);
        strength << double(peak);
    }
    a.downbeats = beats::downbeats(a.beats, strength);
    a.ok = true;
    if (onProgress)
        onProgress(1.0);
    return a;
}

int beatAnalysesRun()
{
    return g_runs.load();
}

} // namespace cw::engine
