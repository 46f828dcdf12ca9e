// A/V offset at a join, measured from the sound alone: the output's audio at the time a
// join is shown is cross-correlated with the source's audio at the frame that join shows.
// A perfectly synced render gives 0; a render whose sound is late by x gives +x. Used by
// tst_smartrender and the benchmark's cut-only rows.
#pragma once

#include <QList>
#include <QProcess>
#include <QStringList>
#include <QVector>
#include <cmath>
#include <cstring>

namespace cw::test {

// Mono 48 kHz samples of a file's audio.
inline QVector<qint16> monoPcm(const QString& file)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            {"-v", "error", "-i", file, "-vn", "-ac", "1", "-ar", "48000", "-f", "s16le", "-"});
    p.waitForFinished(600000);
    const QByteArray pcm = p.readAllStandardOutput();
    QVector<qint16> out(int(pcm.size() / 2));
    memcpy(out.data(), pcm.constData(), size_t(out.size()) * 2);
    return out;
}

// Lag (s) of `out` at outAt against `src` at srcAt: the shift within ±100 ms that best
// correlates 0.8 s of sound; NaN when there is no sound to compare.
inline double audioLag(const QVector<qint16>& out, double outAt, const QVector<qint16>& src,
                       double srcAt)
{
    const int len = 38400;
    const int max = 4800;
    const int o = int(std::lround(outAt * 48000));
    const int s0 = int(std::lround(srcAt * 48000));
    if (o < 0 || o + len > out.size())
        return std::nan("");
    double energy = 0;
    for (int i = 0; i < len; ++i)
        energy += double(out[o + i]) * out[o + i];
    if (energy < len * 100.0 * 100.0)
        return std::nan("");
    double best = -1;
    int bestLag = 0;
    // Coarse (every 8th lag, every 2nd sample), then fine around the best.
    auto scan = [&](int from, int to, int step, int stride) {
        for (int lag = from; lag <= to; lag += step) {
            const int s = s0 + lag;
            if (s < 0 || s + len > src.size())
                continue;
            double dot = 0;
            double e2 = 0;
            for (int i = 0; i < len; i += stride) {
                dot += double(out[o + i]) * src[s + i];
                e2 += double(src[s + i]) * src[s + i];
            }
            const double c = e2 > 0 ? dot / std::sqrt(e2) : 0;
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
    };
    scan(-max, max, 8, 2);
    best = -1;
    const int coarse = bestLag;
    scan(coarse - 8, coarse + 8, 1, 1);
    return bestLag / 48000.0;
}

// Onsets (s) of beeps in a file's sound: a sample above a quarter of full scale after at
// least 0.1 s below it (the flash-and-beep clips of tst_smartrender and tst_vfrsync).
inline QList<double> beepTimes(const QString& file)
{
    const QVector<qint16> s = monoPcm(file);
    QList<double> out;
    int quiet = 48000;
    for (int i = 0; i < s.size(); ++i) {
        if (std::abs(int(s[i])) > 8000) {
            if (quiet > 4800)
                out << i / 48000.0;
            quiet = 0;
        } else {
            ++quiet;
        }
    }
    return out;
}

} // namespace cw::test
