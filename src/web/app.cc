#include "web/app.h"

#include <nlohmann/json.hpp>

#include "letapis/ingest.h"
#include "web/html.h"

namespace letapis::web {

std::vector<Route> AllRoutes() {
  std::vector<Route> routes;
  AddAuthRoutes(&routes);
  AddDashboardRoutes(&routes);
  AddReportRoutes(&routes);
  AddFactRoutes(&routes);
  AddPeopleRoutes(&routes);
  AddSearchRoutes(&routes);
  AddAdminRoutes(&routes);
  AddApiRoutes(&routes);
  return routes;
}

std::string CsrfToken(const std::string& session_token) {
  return Sha256Hex("letapis-csrf\n" + session_token);
}

WebResponse ErrorResponse(const WebRequest& request, int status, const std::string& message) {
  if (request.path.rfind("/api/", 0) == 0) {
    return WebResponse::Json(status, nlohmann::json{{"error", message}}.dump());
  }
  WebResponse r;
  r.status = status;
  r.body = Page(Viewer{request.user, request.csrf}, "", status == 404 ? "Not found" : "Sorry",
                "<p class=\"notice error\">" + Escape(message) +
                    "</p><p><a href=\"/\">Back to "
                    "the dashboard</a></p>");
  return r;
}

int HttpStatus(const Status& status) {
  switch (status.code()) {
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kInvalidInput:
    case Status::Code::kLimit:
      return 400;
    default:
      return 500;
  }
}

}  // namespace letapis::web
