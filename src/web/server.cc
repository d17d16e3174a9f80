#include "web/server.h"

#include <chrono>
#include <optional>
#include <regex>

#include <fmt/format.h>
#include <httplib.h>

#include "letapis/ingest.h"
#include "web/public_site.h"
#include "web/statistics_refresher.h"

namespace letapis::web {
namespace {

constexpr size_t kMaxBody = 40u << 20;
constexpr time_t kIoSeconds = 20;
constexpr char kSessionCookie[] = "letapis_session";
// How often the figures fold in what changed in the store.
constexpr std::chrono::milliseconds kStatisticsRefresh{2000};

// The cookies of a request (name=value pairs separated by ';').
std::map<std::string, std::string> Cookies(const httplib::Request& req) {
  std::map<std::string, std::string> out;
  const std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    const size_t eq = part.find('=');
    if (eq != std::string::npos) out.emplace(part.substr(0, eq), part.substr(eq + 1));
    pos = end + 1;
  }
  return out;
}

struct CompiledRoute {
  const Route* route;
  std::regex pattern;
};

class Router {
 public:
  Router(App& app, bool public_site)
      : app_(app), public_site_(public_site), routes_(public_site ? PublicRoutes() : AllRoutes()) {
    for (const Route& r : routes_) compiled_.push_back({&r, std::regex(r.pattern)});
  }

  void Handle(const httplib::Request& req, httplib::Response& res) {
    WebRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [k, v] : req.params) request.params.emplace(k, v);
    for (const auto& [k, f] : req.files) {
      request.files.push_back(UploadedFile{k, f.filename, f.content});
      if (f.filename.empty()) request.params.emplace(k, f.content);  // plain form fields
    }
    request.body = req.body;
    request.content_type = req.get_header_value("Content-Type");
    request.cookies = Cookies(req);
    request.client = req.remote_addr;
    WebResponse response = Dispatch(req, &request);
    AddSecurityHeaders(&response);
    res.status = response.status;
    for (const auto& [k, v] : response.headers) res.set_header(k, v);
    res.set_content(response.body, response.content_type);
  }

 private:
  WebResponse Dispatch(const httplib::Request& req, WebRequest* request) {
    if (public_site_) return DispatchPublic(request);
    const bool api = request->path.rfind("/api/", 0) == 0;
    const CompiledRoute* found = nullptr;
    bool path_known = false;
    std::smatch match;
    for (const CompiledRoute& c : compiled_) {
      if (!std::regex_match(request->path, match, c.pattern)) continue;
      path_known = true;
      if (c.route->method == request->method) {
        found = &c;
        break;
      }
    }
    if (found == nullptr) {
      return ErrorResponse(*request, path_known ? 405 : 404,
                           path_known ? "method not allowed" : "no such page");
    }
    for (size_t i = 1; i < match.size(); ++i) request->args.push_back(match[i].str());
    const Route& route = *found->route;
    std::lock_guard lock(app_.store_mutex);
    if (route.access != Access::kPublic) {
      const std::string session = request->Cookie(kSessionCookie);
      const std::string auth = req.get_header_value("Authorization");
      bool by_token = false;
      Status s = Status::NotFound("no session");
      if (route.access == Access::kApi && auth.rfind("Bearer ", 0) == 0) {
        s = app_.store->FindApiToken(auth.substr(7), &request->user);
        by_token = true;
      } else if (!session.empty()) {
        s = app_.store->FindSession(session, &request->user);
        request->csrf = CsrfToken(session);
      }
      if (!s.ok()) {
        if (s.code() != Status::Code::kNotFound) return ErrorResponse(*request, 500, s.message());
        if (api) return WebResponse::Json(401, R"({"error":"log in or give an API token"})");
        return WebResponse::Redirect("/login");
      }
      if (request->method != "GET" && !by_token) {
        const std::string given =
            api ? req.get_header_value("X-CSRF-Token") : request->Param("csrf");
        if (given.empty() || given != request->csrf) {
          return ErrorResponse(*request, 403, "the form is stale or forged (CSRF check failed)");
        }
      }
      if (RoleRank(request->user.role) < route.min_rank) {
        return ErrorResponse(*request, 403, "your account may not do this");
      }
    }
    try {
      return route.handler(app_, *request);
    } catch (const std::exception& e) {
      return ErrorResponse(*request, 500, std::string("internal error: ") + e.what());
    }
  }

  // The public site: GET (HEAD) to a public route, nothing else; no session is looked at.
  WebResponse DispatchPublic(WebRequest* request) {
    const bool read = request->method == "GET" || request->method == "HEAD";
    std::smatch match;
    for (const CompiledRoute& c : compiled_) {
      if (!read || c.route->access != Access::kPublic || c.route->method != "GET" ||
          !std::regex_match(request->path, match, c.pattern)) {
        continue;
      }
      for (size_t i = 1; i < match.size(); ++i) request->args.push_back(match[i].str());
      std::lock_guard lock(app_.store_mutex);
      try {
        return c.route->handler(app_, *request);
      } catch (const std::exception&) {
        return PublicErrorResponse(*request, 500, "internal error");
      }
    }
    return PublicErrorResponse(*request, 404, "no such page");
  }

  App& app_;
  bool public_site_;
  std::vector<Route> routes_;
  std::vector<CompiledRoute> compiled_;
};

}  // namespace

void AddSecurityHeaders(WebResponse* r) {
  r->headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  r->headers.emplace_back("X-Frame-Options", "DENY");
  r->headers.emplace_back("X-Content-Type-Options", "nosniff");
  r->headers.emplace_back("Referrer-Policy", "no-referrer");
  r->headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  if (r->content_type.rfind("text/css", 0) != 0 &&
      r->content_type.rfind("text/javascript", 0) != 0) {
    r->headers.emplace_back("Cache-Control", "no-store");
  }
}

Status Serve(App& app, const ServeOptions& options, const std::function<void()>& ready) {
  httplib::Server server;
  Router router(app, options.public_site);
  server.set_payload_max_length(kMaxBody);
  server.set_read_timeout(kIoSeconds, 0);
  server.set_write_timeout(kIoSeconds, 0);
  server.set_keep_alive_max_count(100);
  // Send each answer at once: with Nagle's algorithm a response written in two parts waits
  // for the client's delayed ACK (about 40 ms on Linux) before its second part leaves.
  server.set_tcp_nodelay(true);
  auto handle = [&router](const httplib::Request& req, httplib::Response& res) {
    router.Handle(req, res);
  };
  server.Get(".*", handle);
  server.Post(".*", handle);
  server.Put(".*", handle);
  server.Delete(".*", handle);
  server.Patch(".*", handle);
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    WebResponse r;
    r.status = res.status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = res.status == 413 ? "request too large\n" : "request refused\n";
    (void)req;
    AddSecurityHeaders(&r);
    for (const auto& [k, v] : r.headers) res.set_header(k, v);
    res.set_content(r.body, r.content_type);
  });
  // The staff pages' figures follow a running ingest in the background (docs/scaling.md).
  std::optional<StatisticsRefresher> refresher;
  if (!options.public_site) refresher.emplace(app, kStatisticsRefresh);
  if (!server.bind_to_port(options.host.c_str(), options.port)) {
    return Status::IoError(fmt::format("cannot listen on {}:{} (in use, or not an address here)",
                                       options.host, options.port));
  }
  ready();
  if (!server.listen_after_bind()) return Status::IoError("the server stopped unexpectedly");
  return Status::Ok();
}

}  // namespace letapis::web
