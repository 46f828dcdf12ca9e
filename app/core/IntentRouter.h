// Client-side routing (PROTOCOL.md "Routing in the client"): messages that clearly ask for
// export, credits, status or upload skip the agent round trip. English and Chinese.
#pragma once

#include <QString>

namespace cw {

enum class Intent { Agent, Export, Credits, Status, Upload };

Intent routeMessage(const QString& message);

} // namespace cw
