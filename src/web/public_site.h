// The public, read-only site (`letapis serve --public`): GET routes only, no accounts,
// no cookies, showing only what `letapis export --public` publishes (web/public_view.h).
#pragma once

#include <string>
#include <vector>

#include "web/app.h"

namespace letapis::web {

// Every route of the public site; each is GET and Access::kPublic. Pages: / (overview),
// /events, /people, /people/view?name=, /stats, /quotes; JSON: /api/v1/public/events,
// /api/v1/public/claims, /api/v1/public/quotes; and the static files.
std::vector<Route> PublicRoutes();

// An error of the public site: a public page (JSON for /api/ paths) with `status` and a
// plain `message`, which must not carry stored data.
WebResponse PublicErrorResponse(const WebRequest& request, int status, const std::string& message);

}  // namespace letapis::web
