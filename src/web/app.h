// The web application: shared state (the store behind a mutex, rules, name matcher) and
// the route table that every page and API handler is registered in.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "letapis/extractor.h"
#include "letapis/names.h"
#include "letapis/store.h"
#include "web/html.h"
#include "web/public_view.h"
#include "web/rate_limit.h"
#include "web/request.h"
#include "web/statistics_cache.h"

namespace letapis::web {

// Everything handlers share. The SQLite connection is not thread-safe: the router holds
// `store_mutex` while a handler runs.
struct App {
  std::unique_ptr<Store> store;
  std::mutex store_mutex;
  Extractor extractor;
  NameMatcher matcher;
  std::vector<std::string> role_words;
  RateLimiter user_limiter{5, 300};     // failed logins per user name
  RateLimiter client_limiter{50, 300};  // failed logins per client address
  bool secure_cookies = false;          // add Secure to cookies (serving behind HTTPS)
  PublicViewCache public_view;          // the public site's data (serve --public)
  StatisticsCache statistics;           // every figure, for the dashboard and statistics
};

// Who may call a route.
enum class Access {
  kPublic,  // anyone (login page, static files)
  kPage,    // a logged-in user; without a session: redirect to /login
  kApi,     // a session or an API token; without one: 401 JSON
};

// One route: method, a regular expression for the whole path, who may call it and the
// least role (RoleRank) needed.
struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::kPage;
  int min_rank = 1;
  std::function<WebResponse(App&, const WebRequest&)> handler;
};

// Every route of the application (pages, API, static files, login/logout).
std::vector<Route> AllRoutes();

// Route groups, each defined in its own file.
void AddAuthRoutes(std::vector<Route>* routes);
void AddDashboardRoutes(std::vector<Route>* routes);
void AddReportRoutes(std::vector<Route>* routes);
void AddFactRoutes(std::vector<Route>* routes);
void AddPeopleRoutes(std::vector<Route>* routes);
void AddSearchRoutes(std::vector<Route>* routes);
void AddAdminRoutes(std::vector<Route>* routes);
void AddApiRoutes(std::vector<Route>* routes);
// GET /static/app.css and /static/app.js (public; part of AddAuthRoutes too).
void AddStaticRoutes(std::vector<Route>* routes);

// The CSRF token of a session: a keyed hash of the session secret, so it is never stored.
std::string CsrfToken(const std::string& session_token);

// An HTML error page (or JSON for API paths) with `status` and a plain message.
WebResponse ErrorResponse(const WebRequest& request, int status, const std::string& message);

// Ingests one uploaded report (.txt, .html, .htm or .pdf by `name`): decodes, extracts,
// stores, and resolves its people. *added is false when the same bytes were stored before.
Status IngestUpload(App& app, const std::string& name, const std::string& bytes,
                    const std::string& actor, bool* added);

// Records a reviewer's merge/split judgement and re-resolves every person mention under it.
Status RecordJudgement(App& app, Judgement* judgement);

// Applies a review action (Store::ReviewFact); when it sets an event's people, resolves
// the person entities it added to the report. Fills *after when given.
Status ReviewAndResolve(App& app, const ReviewAction& action, FactRow* after);

// The frame data of the request's user.
inline Viewer ViewerOf(const WebRequest& r) { return Viewer{r.user, r.csrf}; }

// The HTTP status for a store error (404 for kNotFound, 400 for bad input, else 500).
int HttpStatus(const Status& status);

}  // namespace letapis::web
