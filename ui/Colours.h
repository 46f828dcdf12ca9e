// Colour helpers the painted widgets share (timeline, chat transcript).
#pragma once

#include <QColor>

namespace cw {

// a blended towards b by t (0..1), channel by channel.
inline QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace cw
