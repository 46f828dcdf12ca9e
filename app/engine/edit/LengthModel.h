// The model cutToLength (TargetLength.cpp) plans on, kept apart from the planning itself: the
// tuning constants, prefix sums over a clip's loudness and activity (any source range in
// O(1)), the reference track's clips, and the sorted ranges already taken. Internal to
// edit/TargetLength.cpp; header-only so the compiler can inline the hot lookups.
#pragma once

#include "edit/TargetLength.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cw::engine::length {

constexpr qint64 kTolerance = 500;
constexpr qint64 kMinTarget = 1000;
constexpr qint64 kMaxTarget = 24LL * 3600 * 1000;
constexpr qint64 kKeepPerClip = 1000;
constexpr qint64 kGrid = 100;
constexpr qint64 kMinStretch = 1000;
constexpr qint64 kMinPiece = 1000; // shortest piece a stretch may leave before the next cut
constexpr qint64 kMaxStretch = 5000;
constexpr qint64 kMinPause = 500;
constexpr qint64 kQuietProbeMs = 50; // each side of a cut point
constexpr double kEdgePenaltyDb = 3.0;
constexpr double kDensityDb = 10.0;
constexpr double kSpreadDb = 0.1;
constexpr double kDefaultSpeechDb = -20.0;
constexpr double kMotionDb = 6.0;
constexpr double kMotionCap = 1.5;

// Prefix sums over one analysis: the loudness of any source range in O(1).
struct Envelope {
    qint64 windowMs = 10;
    double thresholdDb = 0;
    double speechDb = kDefaultSpeechDb;
    std::vector<double> energy; // sum of 10^(dB/10) over windows [0, i)
    std::vector<int> loud;      // windows in [0, i) at or above the threshold

    explicit Envelope(const AudioAnalysis& a)
        : windowMs(std::max(1, a.windowMs)), thresholdDb(adaptiveSilenceThresholdDb(a)),
          speechDb(a.speechLevelDb)
    {
        energy.assign(size_t(a.levelsDb.size()) + 1, 0.0);
        loud.assign(size_t(a.levelsDb.size()) + 1, 0);
        for (int i = 0; i < a.levelsDb.size(); ++i) {
            energy[size_t(i) + 1] = energy[size_t(i)] + std::pow(10.0, a.levelsDb[i] / 10.0);
            loud[size_t(i) + 1] = loud[size_t(i)] + (a.levelsDb[i] >= thresholdDb ? 1 : 0);
        }
    }
    int windows() const { return int(energy.size()) - 1; }
    // Windows [i0, i1) covering the source range [s0, s1), clipped to the analysis.
    std::pair<int, int> range(double s0, double s1) const
    {
        const int i0 = int(std::clamp(std::floor(s0 / double(windowMs)), 0.0, double(windows())));
        const int i1 = int(std::clamp(std::ceil(s1 / double(windowMs)), 0.0, double(windows())));
        return {i0, i1};
    }
};

// Prefix sums over one media's per-second activity, scaled by the footage's reference: the
// mean activity of any source range in O(1).
struct Activity {
    std::vector<double> sum; // activity of seconds [0, i)

    Activity(const QList<float>& perSecond, double reference)
    {
        sum.assign(size_t(perSecond.size()) + 1, 0.0);
        for (int i = 0; i < perSecond.size(); ++i)
            sum[size_t(i) + 1] =
                sum[size_t(i)] + std::min(kMotionCap, double(perSecond[i]) / reference);
    }
    // Integral of the step function over [0, sec).
    double upTo(double sec) const
    {
        const double n = double(sum.size() - 1);
        const double x = std::clamp(sec, 0.0, n);
        const size_t i = size_t(std::floor(x));
        const double part = i + 1 < sum.size() ? (sum[i + 1] - sum[i]) * (x - double(i)) : 0;
        return sum[i] + part;
    }
    double mean(double s0Ms, double s1Ms) const
    {
        const double a = s0Ms / 1000.0, b = s1Ms / 1000.0;
        return b > a ? (upTo(b) - upTo(a)) / (b - a) : 0;
    }
};

// The activity that counts as "a lot": the 90th percentile of every second of the footage's
// media that moves at all; 0 when nothing moves (then activity plays no part).
inline double activityReference(const QHash<QString, QList<float>>& motion,
                                const QStringList& media)
{
    std::vector<float> all;
    for (const QString& id : media)
        for (float m : motion.value(id))
            if (m > 0.05f)
                all.push_back(m);
    if (all.empty())
        return 0;
    auto at = all.begin() + qsizetype(double(all.size() - 1) * 0.9);
    std::nth_element(all.begin(), at, all.end());
    return double(*at);
}

struct Clip {
    qint64 st = 0;
    qint64 d = 0;
    qint64 in = 0;
    double speed = 1;
    QString src;
    const Envelope* env = nullptr;
    const Activity* act = nullptr;
    qint64 budget = 0; // how much of it may go
    qint64 used = 0;

    qint64 end() const { return st + d; }
    double source(double t) const { return double(in) + (t - double(st)) * speed; }
};

struct Loudness {
    double db = kDefaultSpeechDb;
    double density = 1; // share of windows at or above the speech threshold
};

inline Loudness loudness(const Clip& c, qint64 a, qint64 b, double unknownDb)
{
    if (!c.env)
        return {unknownDb, 1.0};
    const auto [i0, i1] = c.env->range(c.source(double(a)), c.source(double(b)));
    if (i1 <= i0)
        return {unknownDb, 1.0};
    const double mean = (c.env->energy[size_t(i1)] - c.env->energy[size_t(i0)]) / (i1 - i0);
    return {10.0 * std::log10(std::max(mean, 1e-12)),
            double(c.env->loud[size_t(i1)] - c.env->loud[size_t(i0)]) / (i1 - i0)};
}

// A cut at t does not split a word: the 50 ms on one side of it are below the threshold,
// or t is an existing cut (the clip's edge).
inline bool quietAt(const Clip& c, qint64 t)
{
    if (t <= c.st || t >= c.end())
        return true;
    if (!c.env)
        return false;
    const double s = c.source(double(t));
    const double probe = double(kQuietProbeMs) * c.speed;
    auto silent = [&](double s0, double s1) {
        const auto [i0, i1] = c.env->range(s0, s1);
        return i1 > i0 && c.env->loud[size_t(i1)] == c.env->loud[size_t(i0)];
    };
    return silent(s - probe, s) || silent(s, s + probe);
}

// Sorted, disjoint timeline ranges.
class Spans {
public:
    const std::vector<Interval>& list() const { return m_v; }
    // Nothing within `gap` of [a, b); gap 0 lets ranges touch.
    bool clearOf(qint64 a, qint64 b, qint64 gap) const
    {
        auto it = std::upper_bound(m_v.begin(), m_v.end(), a - gap,
                                   [](qint64 x, const Interval& iv) { return x < iv.endMs; });
        return it == m_v.end() || it->startMs >= b + gap;
    }
    // End of the last range ending at or before t / start of the first starting at or after
    // t; the limit when there is none nearer.
    qint64 endBefore(qint64 t, qint64 limit) const
    {
        auto it = std::upper_bound(m_v.begin(), m_v.end(), t,
                                   [](qint64 x, const Interval& iv) { return x < iv.endMs; });
        return it == m_v.begin() ? limit : std::max(limit, std::prev(it)->endMs);
    }
    qint64 startAfter(qint64 t, qint64 limit) const
    {
        auto it = std::lower_bound(m_v.begin(), m_v.end(), t,
                                   [](const Interval& iv, qint64 x) { return iv.startMs < x; });
        return it == m_v.end() ? limit : std::min(limit, it->startMs);
    }
    bool isEdge(qint64 t) const
    {
        return std::any_of(m_v.begin(), m_v.end(),
                           [t](const Interval& iv) { return iv.startMs == t || iv.endMs == t; });
    }
    void add(const Interval& iv)
    {
        m_v.insert(std::upper_bound(
                       m_v.begin(), m_v.end(), iv,
                       [](const Interval& x, const Interval& y) { return x.startMs < y.startMs; }),
                   iv);
    }
    // Touching ranges joined.
    QList<Interval> merged() const
    {
        QList<Interval> out;
        for (const Interval& iv : m_v) {
            if (!out.isEmpty() && iv.startMs <= out.last().endMs)
                out.last().endMs = std::max(out.last().endMs, iv.endMs);
            else
                out << iv;
        }
        return out;
    }

private:
    std::vector<Interval> m_v;
};

// Evenly spaced slot centres over [from, to): the tie-break that spreads equal candidates.
class Slots {
public:
    Slots(qint64 from, qint64 to, int n)
        : m_width(double(std::max<qint64>(1, to - from)) / std::max(1, n))
    {
        for (int j = 0; j < n; ++j)
            m_free.push_back(double(from) + (j + 0.5) * m_width);
    }
    double penalty(double mid) const
    {
        if (m_free.empty())
            return 0;
        return kSpreadDb * std::min(1.0, std::abs(mid - nearest(mid)) / m_width);
    }
    void take(double mid)
    {
        if (!m_free.empty())
            m_free.erase(std::find(m_free.begin(), m_free.end(), nearest(mid)));
    }

private:
    double nearest(double mid) const
    {
        return *std::min_element(m_free.begin(), m_free.end(), [mid](double x, double y) {
            return std::abs(x - mid) < std::abs(y - mid);
        });
    }
    double m_width;
    std::vector<double> m_free;
};

} // namespace cw::engine::length
