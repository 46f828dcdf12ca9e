#include "media/SubjectPath.h"

#include <algorithm>
#include <cmath>

namespace cw::engine {

namespace {

constexpr double kStepSec = 1.0 / 60; // the camera's simulation step
// The camera aims where the subject will be this much later (the whole track is known): a
// pan then starts as the subject starts to move, not after, so a walk-in is not cut off.
constexpr double kLeadMs = 300;
constexpr double kKeyTolerance = 0.002;

double lerp(double a, double b, double f)
{
    return a + (b - a) * f;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The keys a straight line between their neighbours passes (within kKeyTolerance) dropped.
QList<ReframeKey> simplify(const QList<ReframeKey>& keys)
{
    if (keys.size() < 3)
        return keys;
    QList<ReframeKey> out{keys.first()};
    qsizetype kept = 0;
    for (qsizetype i = 1; i + 1 < keys.size(); ++i) {
        const ReframeKey& a = keys[kept];
        const ReframeKey& b = keys[i + 1];
        bool straight = true;
        for (qsizetype j = kept + 1; j <= i && straight; ++j) {
            const double f = double(keys[j].ms - a.ms) / double(std::max<qint64>(1, b.ms - a.ms));
            straight = std::abs(lerp(a.x, b.x, f) - keys[j].x) <= kKeyTolerance &&
                       std::abs(lerp(a.y, b.y, f) - keys[j].y) <= kKeyTolerance;
        }
        if (!straight) {
            out << keys[i];
            kept = i;
        }
    }
    const ReframeKey& last = keys.last();
    if (std::abs(last.x - out.first().x) <= kKeyTolerance &&
        std::abs(last.y - out.first().y) <= kKeyTolerance && out.size() == 1)
        return out; // never moves
    out << last;
    return out;
}

} // namespace

namespace reframe {

QList<SubjectSample> medianTrack(const QList<SubjectSample>& raw, int half)
{
    QList<SubjectSample> filled = raw;
    for (qsizetype i = 0; i < filled.size(); ++i) {
        if (filled[i].found)
            continue;
        qsizetype best = -1;
        for (qsizetype j = 0; j < raw.size(); ++j)
            if (raw[j].found &&
                (best < 0 || std::abs(raw[j].ms - raw[i].ms) < std::abs(raw[best].ms - raw[i].ms)))
                best = j;
        filled[i].x = best < 0 ? 0.5 : raw[best].x;
        filled[i].y = best < 0 ? 0.5 : raw[best].y;
    }
    QList<SubjectSample> out = filled;
    for (qsizetype i = 0; i < filled.size(); ++i) {
        QList<double> xs, ys;
        for (qsizetype j = std::max<qsizetype>(0, i - half);
             j <= std::min<qsizetype>(filled.size() - 1, i + half); ++j) {
            xs << filled[j].x;
            ys << filled[j].y;
        }
        out[i].x = median(xs);
        out[i].y = median(ys);
    }
    return out;
}

QList<double> panAxis(const QList<double>& target, double dt, double dead, double lo, double hi)
{
    QList<double> out;
    if (target.isEmpty())
        return out;
    double pos = std::clamp(target.first(), lo, hi);
    double v = 0;
    bool moving = false;
    for (const double want : target) {
        const double e = std::clamp(want, lo, hi) - pos;
        if (!moving && std::abs(e) > dead)
            moving = true;
        double vWant = 0;
        if (moving) {
            // The fastest speed from which the pan can still stop on the subject.
            vWant =
                std::copysign(std::min(kMaxPanSpeed, std::sqrt(2 * kMaxPanAccel * std::abs(e))), e);
            if (std::abs(e) < 0.002 && std::abs(v) < 0.02) {
                moving = false;
                vWant = 0;
                v = 0;
            }
        }
        v += std::clamp(vWant - v, -kMaxPanAccel * dt, kMaxPanAccel * dt);
        pos += v * dt;
        if (pos < lo || pos > hi) {
            pos = std::clamp(pos, lo, hi);
            v = 0;
        }
        out << pos;
    }
    return out;
}

} // namespace reframe

QList<ReframeKey> smoothSubjectPath(const QList<SubjectSample>& raw, double cropW, double cropH)
{
    if (raw.isEmpty())
        return {};
    const QList<SubjectSample> med = reframe::medianTrack(raw, 2);
    const qint64 first = med.first().ms;
    const qint64 last = med.last().ms;
    const int steps = int(double(last - first) / 1000.0 / kStepSec) + 1;
    QList<double> tx, ty;
    qsizetype k = 0;
    for (int i = 0; i < steps; ++i) {
        const double ms = first + i * kStepSec * 1000.0 + kLeadMs;
        while (k + 1 < med.size() && med[k + 1].ms <= ms)
            ++k;
        const SubjectSample& a = med[k];
        const SubjectSample& b = med[std::min(k + 1, med.size() - 1)];
        const double f = b.ms > a.ms ? std::clamp((ms - a.ms) / double(b.ms - a.ms), 0.0, 1.0) : 0;
        tx << lerp(a.x, b.x, f);
        ty << lerp(a.y, b.y, f);
    }
    auto axis = [&](const QList<double>& t, double crop) {
        if (crop >= 0.999)
            return QList<double>(t.size(), 0.5);
        return reframe::panAxis(t, kStepSec, kDeadZone * crop, crop / 2, 1 - crop / 2);
    };
    const QList<double> px = axis(tx, std::clamp(cropW, 0.01, 1.0));
    const QList<double> py = axis(ty, std::clamp(cropH, 0.01, 1.0));
    QList<ReframeKey> keys;
    for (qint64 ms = first;; ms += kReframeKeyMs) {
        const qint64 at = std::min(ms, last);
        const int i = std::clamp(int(std::lround((at - first) / 1000.0 / kStepSec)), 0, steps - 1);
        keys << ReframeKey{at, std::round(px[i] * 1e4) / 1e4, std::round(py[i] * 1e4) / 1e4};
        if (at >= last)
            break;
    }
    return simplify(keys);
}

ReframeKey reframeAt(const QList<ReframeKey>& keys, qint64 ms)
{
    if (keys.isEmpty())
        return ReframeKey{ms, 0.5, 0.5};
    if (ms <= keys.first().ms)
        return ReframeKey{ms, keys.first().x, keys.first().y};
    for (qsizetype i = 1; i < keys.size(); ++i) {
        if (ms > keys[i].ms)
            continue;
        const ReframeKey& a = keys[i - 1];
        const ReframeKey& b = keys[i];
        const double f = double(ms - a.ms) / double(std::max<qint64>(1, b.ms - a.ms));
        return ReframeKey{ms, lerp(a.x, b.x, f), lerp(a.y, b.y, f)};
    }
    return ReframeKey{ms, keys.last().x, keys.last().y};
}

} // namespace cw::engine
