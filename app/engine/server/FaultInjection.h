// Test mode: makes the real engine answer the way the NemoVideo cloud does for behaviours the
// engine cannot produce on its own, so the client's reactions are tested against a real
// server instead of a mock. Off unless CLIPWRIGHT_ENGINE_FAULTS names faults (comma list):
//   auth-expire-once      HTTP 401 / code 1001 on the next authenticated request, once
//   rate-limit-once       HTTP 429 on the next authenticated request, once
//   credits-empty         code 2001 on POST /api/render/proxy/lambda
//   export-402            bare HTTP 402 on POST /api/render/proxy/lambda
//   schematic-events      /run_sse events rewritten to the {"type":...} form
//   no-text-stream        /run_sse without any text event (the edits still happen)
//   render-shape-toplevel render submit answered at top level, polls as {"success":true,...}
//   credits-limited       balance {available:120,frozen:30,total:150} instead of unlimited
//   gui-prose             the final agent text ends with CLIPWRIGHT_ENGINE_GUI_PROSE (cloud
//                         prose written for a GUI, e.g. "Click Export to download it.")
//   allow-anonymous       serve POST /api/auth/anonymous-token (X-Client-Id required, else
//                         HTTP 400) and accept the tokens it hands out
//   upload-expire-once    code 1001 from the upload route once, after the whole body was
//                         read (the cloud checks the token late; the client must re-send
//                         the file, not just the headers); nothing is stored
//   upload-rate-limit-once  HTTP 429 from the upload route once, after reading the body
// The once faults take an optional scope, "auth-expire-once@/run_sse": only requests whose
// path starts with it count. CLIPWRIGHT_ENGINE_ALLOW_ANONYMOUS=1 also enables allow-anonymous.
#pragma once

#include <httplib.h>
#include <string>

namespace cw::engine {

enum class FaultDecision { Continue, Handled, Authorized };

// Called first in the pre-routing handler. Authorized: the request carries a token handed
// out by the anonymous endpoint, so the launch-token check is skipped.
FaultDecision applyFaultsBeforeRouting(const httplib::Request& req, httplib::Response& res,
                                       const std::string& launchToken);
// Called by the upload route once the body has been read (files received, links listed):
// true when an upload fault answered instead (the caller stores nothing).
bool applyUploadFaults(httplib::Response& res);
// Installs the post-routing rewrites (stream and render shapes) when such faults are on.
void installFaultPostRouting(httplib::Server& http);

} // namespace cw::engine
