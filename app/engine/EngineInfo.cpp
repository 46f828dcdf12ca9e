#include "EngineInfo.h"

namespace cw::engine {
QString engineVersion()
{
    return QStringLiteral(CLIPWRIGHT_VERSION);
}
} // namespace cw::engine
