// Login, logout and the static files: the only routes reachable without a session.
#include <sodium.h>

#include <chrono>

#include <fmt/format.h>

#include "web/app.h"
#include "web/html.h"
#include "web/static_assets.h"

namespace letapis::web {
namespace {

constexpr char kLoginCookie[] = "letapis_login";

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string CookieAttributes(const App& app) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") +
         (app.secure_cookies ? "; Secure" : "");
}

WebResponse LoginForm(const App& app, const WebRequest& r, const std::string& error, int status) {
  // The login form's CSRF token is a random value in a cookie and in the form.
  std::string token = r.Cookie(kLoginCookie);
  WebResponse res;
  res.status = status;
  if (token.size() != 64) {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    token = hex;
    res.headers.emplace_back("Set-Cookie",
                             std::string(kLoginCookie) + "=" + token + CookieAttributes(app));
  }
  res.body =
      Page(Viewer{}, "", "Log in",
           fmt::format("<form class=\"card narrow\" method=\"post\" action=\"/login\">{}"
                       "<input type=\"hidden\" name=\"csrf\" value=\"{}\">"
                       "<label>User name<input name=\"name\" autocomplete=\"username\" required "
                       "autofocus></label>"
                       "<label>Password<input name=\"password\" type=\"password\" "
                       "autocomplete=\"current-password\" required></label>"
                       "<button type=\"submit\">Log in</button></form>",
                       error.empty() ? "" : "<p class=\"notice error\">" + Escape(error) + "</p>",
                       Escape(token)));
  return res;
}

WebResponse Login(App& app, const WebRequest& r) {
  const std::string cookie = r.Cookie(kLoginCookie);
  if (cookie.empty() || r.Param("csrf") != cookie) {
    return LoginForm(app, r, "The form expired; please try again.", 403);
  }
  const std::string name = r.Param("name");
  const std::string& client = r.client;
  const int64_t now = NowSeconds();
  if (!app.client_limiter.Allowed(client, now) || !app.user_limiter.Allowed(name, now)) {
    return LoginForm(app, r, "Too many failed attempts; wait a few minutes.", 429);
  }
  User user;
  Status s = app.store->CheckPassword(name, r.Param("password"), &user);
  if (!s.ok()) {
    app.client_limiter.Fail(client, now);
    app.user_limiter.Fail(name, now);
    return LoginForm(app, r, s.code() == Status::Code::kInvalidInput ? s.message() : "login failed",
                     s.code() == Status::Code::kInvalidInput ? 401 : 500);
  }
  app.user_limiter.Clear(name);
  std::string token;
  s = app.store->CreateSession(user.id, &token);
  if (!s.ok()) return ErrorResponse(r, 500, s.message());
  WebResponse res = WebResponse::Redirect("/");
  res.headers.emplace_back("Set-Cookie", "letapis_session=" + token + CookieAttributes(app) +
                                             fmt::format("; Max-Age={}", kSessionSeconds));
  res.headers.emplace_back("Set-Cookie",
                           std::string(kLoginCookie) + "=" + CookieAttributes(app) + "; Max-Age=0");
  return res;
}

WebResponse Logout(App& app, const WebRequest& r) {
  Status s = app.store->EndSession(r.Cookie("letapis_session"));
  if (!s.ok()) return ErrorResponse(r, 500, s.message());
  WebResponse res = WebResponse::Redirect("/login");
  res.headers.emplace_back("Set-Cookie",
                           "letapis_session=" + CookieAttributes(app) + "; Max-Age=0");
  return res;
}

WebResponse Asset(const char* type, const char* body) {
  WebResponse r;
  r.content_type = type;
  r.body = body;
  r.headers.emplace_back("Cache-Control", "private, max-age=3600");
  return r;
}

}  // namespace

void AddAuthRoutes(std::vector<Route>* routes) {
  routes->push_back({"GET", "/login", Access::kPublic, 0,
                     [](App& app, const WebRequest& r) { return LoginForm(app, r, "", 200); }});
  routes->push_back({"POST", "/login", Access::kPublic, 0, Login});
  routes->push_back({"POST", "/logout", Access::kPage, 1, Logout});
  AddStaticRoutes(routes);
}

void AddStaticRoutes(std::vector<Route>* routes) {
  routes->push_back({"GET", "/static/app\\.css", Access::kPublic, 0, [](App&, const WebRequest&) {
                       return Asset("text/css; charset=utf-8", kAppCss);
                     }});
  routes->push_back({"GET", "/static/app\\.js", Access::kPublic, 0, [](App&, const WebRequest&) {
                       return Asset("text/javascript; charset=utf-8", kAppJs);
                     }});
}

}  // namespace letapis::web
