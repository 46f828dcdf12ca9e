#pragma once

#include <QString>

namespace cw::engine {
QString engineVersion();
}
