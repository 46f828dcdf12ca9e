// The path a reframing crop follows (pure; table-tested in tests/engine/tst_reframe.cpp).
// The analysis (SubjectTrack.h) says where the subject is a few times a second; this turns
// those raw, noisy centres into a camera move an operator would make: a median over a second
// removes detector noise and the odd miss, a dead zone keeps the crop still while the subject
// stays well inside it (a talking head never jitters), a pan aims 0.3 s ahead (the whole
// track is known, so it starts with the subject, not after), and it starts and stops with a
// limited acceleration and never exceeds kMaxPanSpeed, so no frame moves the crop more than 2%
// of the source's width at 24 fps or faster. The crop never leaves the frame. The result is
// keyframes every ~0.5 s, linear between (the render turns them into ffmpeg's crop x/y
// expression, render/RenderReframe.cpp), with the keys a straight line passes dropped.
// Coordinates are fractions of the source's display width and height; times file ms.
#pragma once

#include <QList>

namespace cw::engine {

inline constexpr double kMaxPanSpeed = 0.4;  // frame widths (or heights) per second
inline constexpr double kMaxPanAccel = 0.8;  // per second per second
inline constexpr double kDeadZone = 0.3;     // half-width of the still zone, x the crop's size
inline constexpr qint64 kReframeKeyMs = 500; // keyframe spacing

struct SubjectSample {
    qint64 ms = 0;
    double x = 0.5; // the subject's centre
    double y = 0.5;
    bool found = false; // false: nothing seen at this time (held from the neighbours)
    bool operator==(const SubjectSample& o) const
    {
        return ms == o.ms && x == o.x && y == o.y && found == o.found;
    }
};

struct ReframeKey {
    qint64 ms = 0;
    double x = 0.5; // the crop's centre
    double y = 0.5;
    bool operator==(const ReframeKey& o) const { return ms == o.ms && x == o.x && y == o.y; }
};

// cropW/cropH: the crop's size as a fraction of the frame (1: that axis does not move).
// Empty when there are no samples; a single key when the crop never moves.
QList<ReframeKey> smoothSubjectPath(const QList<SubjectSample>& raw, double cropW, double cropH);

// The crop's centre at `ms` (linear between keys, held before the first and after the last).
ReframeKey reframeAt(const QList<ReframeKey>& keys, qint64 ms);

namespace reframe {
// The median of every sample's window of +-`half` samples, missing samples filled from the
// nearest found one (the frame's centre when none is).
QList<SubjectSample> medianTrack(const QList<SubjectSample>& raw, int half);
// One axis of the camera: follows `target` (one value per step of dt seconds) within
// [lo, hi], with the dead zone, speed and acceleration limits above.
QList<double> panAxis(const QList<double>& target, double dt, double dead, double lo, double hi);
} // namespace reframe

} // namespace cw::engine
