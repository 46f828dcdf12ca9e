// The pure part of media/BeatDetect.h: tracked beats -> a steady grid, filled beats, downbeats
// and how clearly the sound pulses on them. The grid's beat indices are counted interval by
// interval (round(interval / period)) rather than from the first beat, so a period a few ms
// off (one hop of the tracker) cannot slip an index over a long song; the least-squares line
// through (index, time) then gives the period to a fraction of a ms.
#include "media/BeatDetect.h"

#include <algorithm>
#include <cmath>

namespace cw::engine::beats {

namespace {

struct Fit {
    double a = 0; // ms at index 0
    double b = 0; // ms per beat
    double worst = 1e18;
    int kept = 0;
};

// The least-squares line through (index, time).
Fit line(const QList<double>& x, const QList<double>& y)
{
    const double n = double(x.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double den = n * sxx - sx * sx;
    if (den <= 0)
        return {};
    Fit f;
    f.b = (n * sxy - sx * sy) / den;
    f.a = (sy - f.b * sx) / n;
    f.worst = 0;
    f.kept = int(x.size());
    for (int i = 0; i < x.size(); ++i)
        f.worst = std::max(f.worst, std::fabs(y[i] - (f.a + f.b * x[i])));
    return f;
}

// Indices counted interval by interval at period p from beat `anchor`: a beat whose distance
// from the last one kept is not near a whole number of periods is a stray (the tracker lost
// the pulse for a moment) and left out, so it cannot shift the count of every beat after it.
// Beats farther than the tolerance from the line are left out too, and the line fitted again.
Fit fitAt(const QList<double>& t, double p, int anchor, double toleranceMs)
{
    QList<double> x{0};
    QList<double> y{t[anchor]};
    for (const int dir : {1, -1})
        for (int i = anchor + dir, last = 0; i >= 0 && i < t.size(); i += dir) {
            const double r = (t[i] - y[last]) / p;
            const double k = std::round(r);
            if (std::fabs(k) < 1 || std::fabs(r - k) > 0.2)
                continue;
            x << x[last] + k;
            y << t[i];
            last = int(x.size()) - 1;
        }
    const Fit f = line(x, y);
    if (f.worst <= toleranceMs)
        return f;
    QList<double> xs, ys;
    for (int i = 0; i < x.size(); ++i)
        if (std::fabs(y[i] - (f.a + f.b * x[i])) <= toleranceMs) {
            xs << x[i];
            ys << y[i];
        }
    return line(xs, ys);
}

} // namespace

Grid fitGrid(const QList<double>& t, double minBpm, double maxBpm, double toleranceMs)
{
    Grid g;
    if (t.size() < 4 || minBpm <= 0 || maxBpm <= minBpm)
        return g;
    const double minP = 60000.0 / maxBpm;
    const double maxP = 60000.0 / minBpm;
    QList<double> candidates;
    for (int i = 1; i < t.size(); ++i)
        for (int k = 1; k <= 8; ++k) {
            const double p = (t[i] - t[i - 1]) / k;
            if (p >= minP * 0.97 && p <= maxP * 1.03)
                candidates << std::round(p);
        }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    // The longest period that explains the intervals of at least 4 in 5 beats: shorter ones
    // always fit too (a grid at twice the tempo holds every beat), so the first fit from the
    // top is the tempo. The count starts from the first beat, or from the middle or a quarter
    // in when the first is a stray.
    const int anchors[] = {0, int(t.size() / 2), int(t.size() / 4)};
    for (auto it = candidates.crbegin(); it != candidates.crend(); ++it) {
        Fit f;
        for (const int anchor : anchors) {
            f = fitAt(t, *it, anchor, toleranceMs);
            if (f.kept * 5 >= t.size() * 4)
                break;
        }
        if (f.kept >= 4 && f.kept * 5 >= t.size() * 4 && f.worst <= toleranceMs &&
            f.b >= minP * 0.97 && f.b <= maxP * 1.03) {
            g.ok = true;
            g.periodMs = f.b;
            g.phaseMs = f.a;
            g.worstMs = f.worst;
            return g;
        }
    }
    return g;
}

QList<qint64> gridBeats(const Grid& g, qint64 durationMs)
{
    QList<qint64> out;
    if (!g.ok || g.periodMs <= 1)
        return out;
    // A beat a few ms before the file's start (the tracker's rounding) is its first sample.
    const double slack = std::min(kGridToleranceMs, g.periodMs / 4);
    const double first = g.phaseMs - std::floor((g.phaseMs + slack) / g.periodMs) * g.periodMs;
    for (int k = 0; first + k * g.periodMs < double(durationMs); ++k)
        out << std::max<qint64>(0, std::llround(first + k * g.periodMs));
    return out;
}

QList<qint64> filledBeats(const QList<double>& t, qint64 durationMs)
{
    QList<qint64> out;
    if (t.size() < 2)
        return out;
    QList<double> d;
    for (int i = 1; i < t.size(); ++i)
        d << t[i] - t[i - 1];
    std::sort(d.begin(), d.end());
    const double p = std::max(1.0, d[d.size() / 4]); // the tracker skips beats, never adds
    QList<double> all;
    for (double x = t.first() - p; x >= 0; x -= p)
        all.prepend(x);
    for (int i = 0; i < t.size(); ++i) {
        all << t[i];
        if (i + 1 < t.size()) {
            const double gap = t[i + 1] - t[i];
            const int k = int(std::round(gap / p));
            for (int j = 1; j < k; ++j)
                all << t[i] + gap * j / k;
        }
    }
    for (double x = t.last() + p; x < double(durationMs); x += p)
        all << x;
    for (const double x : all)
        out << qint64(std::llround(x));
    return out;
}

QList<double> snapToOnsets(const QList<double>& trackedMs, const QVector<float>& onsets,
                           double hopMs, double radiusMs)
{
    QList<double> out;
    if (hopMs <= 0)
        return trackedMs;
    const qsizetype reach = qsizetype(radiusMs / hopMs);
    for (const double t : trackedMs) {
        const qsizetype at = qsizetype(std::floor(t / hopMs));
        qsizetype best = -1;
        float peak = 0;
        for (qsizetype i = std::max<qsizetype>(0, at - reach); i <= at + reach && i < onsets.size();
             ++i)
            if (onsets[i] > peak) {
                peak = onsets[i];
                best = i;
            }
        const double snapped = best < 0 ? t : (double(best) + 0.5) * hopMs;
        if (out.isEmpty() || snapped > out.last())
            out << snapped;
    }
    return out;
}

int downbeatPhase(const QList<double>& strength, int beatsPerBar)
{
    if (beatsPerBar < 2 || strength.size() < 2 * beatsPerBar)
        return -1;
    // Only whole bars are compared: a phase with one beat more in a ragged end would otherwise
    // be judged on a different stretch of the song than the others.
    const int bars = int(strength.size()) / beatsPerBar;
    int phase = 0;
    double best = -1;
    for (int ph = 0; ph < beatsPerBar; ++ph) {
        double sum = 0;
        for (int k = 0; k < bars; ++k)
            sum += std::max(0.0, strength[ph + k * beatsPerBar]);
        const double mean = sum / bars;
        if (mean > best * 1.05) { // a tie keeps the earlier phase
            best = mean;
            phase = ph;
        }
    }
    return phase;
}

QList<qint64> downbeats(const QList<qint64>& beats, const QList<double>& strength)
{
    const int found = strength.size() == beats.size() ? downbeatPhase(strength) : -1;
    const int phase = found < 0 ? 0 : found;
    QList<qint64> out;
    for (int i = phase; i < beats.size(); i += 4)
        out << beats[i];
    return out;
}

namespace {

double windowMax(const QVector<float>& onsets, qsizetype at)
{
    float m = 0;
    for (qsizetype i = std::max<qsizetype>(0, at - 2);
         i <= std::min<qsizetype>(onsets.size() - 1, at + 2); ++i)
        m = std::max(m, onsets[i]);
    return m;
}

} // namespace

double pulseClarity(const QVector<float>& onsets, double hopMs, const QList<qint64>& beats)
{
    if (onsets.isEmpty() || beats.isEmpty() || hopMs <= 0)
        return 0;
    double all = 0;
    for (qsizetype i = 0; i < onsets.size(); ++i)
        all += windowMax(onsets, i);
    all /= double(onsets.size());
    double on = 0;
    int n = 0;
    for (const qint64 b : beats) {
        const qsizetype at = qsizetype(std::llround(double(b) / hopMs));
        if (at >= onsets.size())
            break;
        on += windowMax(onsets, at);
        ++n;
    }
    if (n == 0 || all <= 1e-9)
        return 0;
    return on / n / all;
}

} // namespace cw::engine::beats
