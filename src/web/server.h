// `letapis serve`: the HTTP server around the route table.
#pragma once

#include <functional>
#include <string>

#include "letapis/status.h"
#include "web/app.h"

namespace letapis::web {

// Where to listen. Only loopback by default: exposing the server needs a TLS proxy.
struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  // Serve the public, read-only site (PublicRoutes) instead of the staff one: only GET
  // (and HEAD), no sessions; everything else is 404.
  bool public_site = false;
};

// Security headers sent with every response (CSP without 'unsafe-inline', no framing,
// no referrer, no MIME sniffing, no caching of pages).
void AddSecurityHeaders(WebResponse* response);

// Serves `app` until the process ends; fails when the address cannot be bound. Calls
// `ready` once listening. Limits: 40 MiB request bodies, 20 s to read or write a request.
Status Serve(App& app, const ServeOptions& options, const std::function<void()>& ready);

}  // namespace letapis::web
