// People: every person name in the reports, dossiers, and merge/split judgements.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "letapis/person_lookup.h"
#include "web/app.h"

namespace letapis::web {
namespace {

constexpr size_t kListed = 300;

WebResponse PeoplePage(App& app, const WebRequest& r) {
  const std::string filter = r.Param("q");
  std::map<std::string, std::set<std::string>> reports_of;
  Status s = app.store->ForEachReport([&](const StoredReport& rep) {
    for (const Entity& e : rep.extraction.entities) {
      if (e.kind == EntityKind::kPerson && e.name.find(' ') != std::string::npos) {
        reports_of[e.name].insert(rep.document.meta.name);
      }
    }
    return Status::Ok();
  });
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  std::vector<std::pair<std::string, size_t>> people;
  for (const auto& [name, reps] : reports_of) {
    if (filter.empty() || name.find(filter) != std::string::npos)
      people.emplace_back(name, reps.size());
  }
  std::stable_sort(people.begin(), people.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const Viewer viewer = ViewerOf(r);
  std::string body = fmt::format(
      "<form class=\"filters card\" method=\"get\" action=\"/people\"><label>Name<input "
      "name=\"q\" value=\"{}\"></label><button type=\"submit\">Filter</button></form>",
      Escape(filter));
  if (RoleRank(r.user.role) >= 2) {
    body += fmt::format(
        "<details class=\"card\"><summary>Merge or split two names</summary>"
        "<form method=\"post\" action=\"/people/judge\" class=\"edit\">{}"
        "<label>One name<input name=\"a\" required></label><label>The other<input name=\"b\" "
        "required></label><label>Why<input name=\"why\"></label>"
        "<button type=\"submit\" name=\"verdict\" value=\"same\">Same person</button>"
        "<button type=\"submit\" name=\"verdict\" value=\"different\" class=\"secondary\">"
        "Different people</button></form></details>",
        CsrfField(viewer));
  }
  body += "<ul class=\"people\">";
  for (size_t i = 0; i < people.size() && i < kListed; ++i) {
    body += fmt::format(
        "<li><a href=\"/people/view?name={}\">{}</a> <span class=\"muted\">{} report{}</span></li>",
        UrlEncode(people[i].first), Escape(people[i].first), people[i].second,
        people[i].second == 1 ? "" : "s");
  }
  body += "</ul>";
  WebResponse res;
  res.body = Page(viewer, "/people", "People", body);
  return res;
}

WebResponse DossierPage(App& app, const WebRequest& r) {
  const std::string name = r.Param("name");
  Dossier d;
  Status s = name.empty() ? Status::NotFound("give a name")
                          : LookUpPerson(app.store.get(), app.matcher, app.role_words, name, &d);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  const Viewer viewer = ViewerOf(r);
  std::string names;
  for (const std::string& n : d.names) names += "<li>" + Escape(n) + "</li>";
  std::string body = fmt::format(
      "<section class=\"card summary\"><p class=\"status\">{}</p><p class=\"muted\">{}</p>"
      "<h3>Names</h3><ul class=\"chips\">{}</ul>",
      d.status.empty() ? "Status unknown" : Escape(d.status),
      d.status.empty()
          ? ""
          : Escape((d.status_since.known() ? "since " + d.status_since.ToIso() + ", " : "") +
                   "according to " + d.status_report),
      names);
  if (!d.roles.empty() || !d.organizations.empty()) {
    std::string roles, orgs;
    for (const std::string& x : d.roles) roles += (roles.empty() ? "" : ", ") + x;
    for (const std::string& x : d.organizations) orgs += (orgs.empty() ? "" : ", ") + x;
    body += fmt::format("<p>{}{}</p>", roles.empty() ? "" : "Described as " + Escape(roles) + ". ",
                        orgs.empty() ? "" : "Named with " + Escape(orgs) + ".");
  }
  body += "</section><h2>Timeline</h2><ol class=\"timeline\">";
  for (const DossierStep& st : d.timeline) {
    std::string details;
    if (st.term_months) {
      details += *st.term_months < 0 ? " · life" : fmt::format(" · {} months", *st.term_months);
    }
    if (!st.article.empty()) details += " · Art. " + st.article;
    if (!st.place.empty()) details += " · " + st.place;
    body += fmt::format(
        "<li><time>{}</time><div><strong>{}</strong>{}<blockquote>{}</blockquote><p "
        "class=\"meta\">{} · rule <code>{}</code></p></div></li>",
        Escape(st.date.known() ? st.date.ToIso() : "undated"), Escape(st.type), Escape(details),
        Escape(st.evidence), Escape(st.report), Escape(st.rule));
  }
  body += "</ol>";
  if (!d.conflicts.empty()) {
    body += "<h2>Reports disagree</h2><ul class=\"conflicts\">";
    for (const std::string& c : d.conflicts) body += "<li>" + Escape(c) + "</li>";
    body += "</ul>";
  }
  WebResponse res;
  res.body = Page(viewer, "/people", d.name, body);
  return res;
}

WebResponse JudgePost(App& app, const WebRequest& r) {
  Judgement j{0, r.Param("a"), r.Param("b"), r.Param("verdict"), r.user.name, "", r.Param("why")};
  Status s = app.store->AddJudgement(&j);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  return WebResponse::Redirect("/people/view?name=" + UrlEncode(j.name_a));
}

}  // namespace

void AddPeopleRoutes(std::vector<Route>* routes) {
  routes->push_back({"GET", "/people", Access::kPage, 1, PeoplePage});
  routes->push_back({"GET", "/people/view", Access::kPage, 1, DossierPage});
  routes->push_back({"POST", "/people/judge", Access::kPage, 2, JudgePost});
}

}  // namespace letapis::web
