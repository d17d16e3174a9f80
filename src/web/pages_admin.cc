// Users (admins), upload (editors) and export (everyone logged in).
#include <fmt/format.h>

#include "letapis/export.h"
#include "web/app.h"

namespace letapis::web {

namespace {

const char* kRoles[] = {"viewer", "editor", "admin", "disabled"};

WebResponse UsersPage(App& app, const WebRequest& r, const std::string& notice) {
  std::vector<User> users;
  Status s = app.store->ListUsers(&users);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  const Viewer viewer = ViewerOf(r);
  std::string body = notice.empty() ? "" : "<p class=\"notice\">" + Escape(notice) + "</p>";
  body +=
      "<table class=\"data\"><thead><tr><th>User</th><th>Role</th><th>Since</th><th>Change "
      "role</th></tr></thead><tbody>";
  for (const User& u : users) {
    std::string options;
    for (const char* role : kRoles) {
      options += fmt::format("<option{}>{}</option>", u.role == role ? " selected" : "", role);
    }
    body += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td><form class=\"inline\" method=\"post\" "
        "action=\"/users/role\">{}<input type=\"hidden\" name=\"name\" value=\"{}\"><select "
        "name=\"role\">{}</select><button type=\"submit\" class=\"secondary\">Save</button>"
        "</form></td></tr>",
        Escape(u.name), Escape(u.role), Escape(u.created_at), CsrfField(viewer), Escape(u.name),
        options);
  }
  body += fmt::format(
      "</tbody></table><h2>Add a user</h2><form class=\"card edit\" method=\"post\" "
      "action=\"/users\">{}<label>Name<input name=\"name\" required></label><label>Role<select "
      "name=\"role\"><option>viewer</option><option>editor</option><option>admin</option>"
      "</select></label><label>Password (at least 10 characters)<input name=\"password\" "
      "type=\"password\" autocomplete=\"new-password\" required></label><button "
      "type=\"submit\">Add user</button></form>",
      CsrfField(viewer));
  WebResponse res;
  res.body = Page(viewer, "/users", "Users", body);
  return res;
}

WebResponse AddUserPost(App& app, const WebRequest& r) {
  Status s = app.store->AddUser(r.Param("name"), r.Param("password"), r.Param("role"), r.user.name,
                                nullptr);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  return UsersPage(app, r, "Added " + r.Param("name") + ".");
}

WebResponse SetRolePost(App& app, const WebRequest& r) {
  if (r.Param("name") == r.user.name) {
    return ErrorResponse(r, 400, "you cannot change your own role; ask another admin");
  }
  Status s = app.store->SetUserRole(r.Param("name"), r.Param("role"), r.user.name);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  return WebResponse::Redirect("/users");
}

std::string UploadForm(const Viewer& viewer) {
  return fmt::format(
      "<form class=\"card edit\" method=\"post\" action=\"/upload\" "
      "enctype=\"multipart/form-data\">{}<label class=\"wide\">Reports (.txt, .html)<input "
      "type=\"file\" name=\"files\" multiple required accept=\".txt,.html,.htm\"></label>"
      "<button type=\"submit\">Upload and extract</button></form>",
      CsrfField(viewer));
}

WebResponse UploadPage(App&, const WebRequest& r) {
  WebResponse res;
  res.body = Page(ViewerOf(r), "/upload", "Upload reports",
                  "<p class=\"muted\">Each file is stored encrypted, byte for byte, and its facts "
                  "are extracted for review.</p>" +
                      UploadForm(ViewerOf(r)));
  return res;
}

WebResponse UploadPost(App& app, const WebRequest& r) {
  std::string list;
  size_t n = 0;
  for (const UploadedFile& f : r.files) {
    if (f.filename.empty()) continue;
    ++n;
    bool added = false;
    Status s = IngestUpload(app, f.filename, f.content, r.user.name, &added);
    list += fmt::format("<li class=\"{}\">{}: {}</li>", s.ok() ? "ok" : "error", Escape(f.filename),
                        Escape(!s.ok() ? s.message()
                               : added ? "stored and extracted"
                                       : "already stored"));
  }
  if (n == 0) return ErrorResponse(r, 400, "choose at least one file");
  WebResponse res;
  res.body = Page(ViewerOf(r), "/upload", "Upload reports",
                  "<ul class=\"results card\">" + list +
                      "</ul><p><a href=\"/reports\">See the "
                      "reports</a></p>" +
                      UploadForm(ViewerOf(r)));
  return res;
}

WebResponse ExportPage(App&, const WebRequest& r) {
  WebResponse res;
  res.body = Page(
      ViewerOf(r), "/export", "Export",
      "<div class=\"grid2\"><section class=\"card\"><h2>Everything, as JSON lines</h2><p>One "
      "line per report: provenance, entities with mentions, events, claims and quotes, each "
      "with its text and byte spans and rule id.</p><a class=\"button\" "
      "href=\"/export/full.jsonl\">Download JSONL</a></section><section class=\"card\"><h2>The "
      "evaluation format</h2><p>Asserted events and attributed quotes per report, as "
      "<code>letapis export --format eval</code> writes them.</p><a class=\"button\" "
      "href=\"/export/eval.jsonl\">Download eval JSONL</a></section><section class=\"card\">"
      "<h2>Events table</h2><p>Every event with its review state, as CSV.</p><a "
      "class=\"button\" href=\"/events.csv\">Download CSV</a></section></div>");
  return res;
}

WebResponse ExportFile(App& app, const WebRequest& r, bool eval) {
  std::string out;
  Status s = app.store->ForEachReport([&](const StoredReport& rep) {
    if (eval) {
      AppendEvalRecord(rep.document, rep.extraction, &out);
    } else {
      out += FullRecord(rep.document, rep.extraction)
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out.push_back('\n');
    return Status::Ok();
  });
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  WebResponse res;
  res.content_type = "application/x-ndjson; charset=utf-8";
  res.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"") +
                                                      (eval ? "eval" : "full") + ".jsonl\"");
  res.body = std::move(out);
  return res;
}

}  // namespace

void AddAdminRoutes(std::vector<Route>* routes) {
  routes->push_back({"GET", "/users", Access::kPage, 3,
                     [](App& app, const WebRequest& r) { return UsersPage(app, r, ""); }});
  routes->push_back({"POST", "/users", Access::kPage, 3, AddUserPost});
  routes->push_back({"POST", "/users/role", Access::kPage, 3, SetRolePost});
  routes->push_back({"GET", "/upload", Access::kPage, 2, UploadPage});
  routes->push_back({"POST", "/upload", Access::kPage, 2, UploadPost});
  routes->push_back({"GET", "/export", Access::kPage, 1, ExportPage});
  routes->push_back({"GET", "/export/full\\.jsonl", Access::kPage, 1,
                     [](App& app, const WebRequest& r) { return ExportFile(app, r, false); }});
  routes->push_back({"GET", "/export/eval\\.jsonl", Access::kPage, 1,
                     [](App& app, const WebRequest& r) { return ExportFile(app, r, true); }});
}

}  // namespace letapis::web
