// People: every person of the store, dossiers, and merge/split judgements.
#include <cstdint>
#include <set>

#include <fmt/format.h>

#include "letapis/person_lookup.h"
#include "letapis/resolution.h"
#include "web/app.h"

namespace letapis::web {
namespace {

constexpr size_t kListed = 300;

WebResponse PeoplePage(App& app, const WebRequest& r) {
  const std::string filter = r.Param("q");
  std::vector<PersonListing> people;
  Status s = ListPeopleWithReports(app.store.get(), filter, &people);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
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
  body += fmt::format("<p class=\"muted\">{} {}</p><ul class=\"people\">", people.size(),
                      people.size() == 1 ? "person" : "people");
  for (size_t i = 0; i < people.size() && i < kListed; ++i) {
    const PersonListing& p = people[i];
    std::string others;
    // Other full spellings (surnames alone add nothing to the list).
    for (size_t n = 1, shown = 0; n < p.person.names.size() && shown < 3; ++n) {
      if (p.person.names[n].find(' ') == std::string::npos) continue;
      others += (others.empty() ? "" : ", ") + p.person.names[n];
      ++shown;
    }
    body += fmt::format(
        "<li><a href=\"/people/view?id={}\">{}</a>{} <span class=\"muted\">{} report{}{}</span>"
        "</li>",
        p.person.id, Escape(p.person.name),
        others.empty() ? "" : " <span class=\"muted\">(" + Escape(others) + ")</span>", p.reports,
        p.reports == 1 ? "" : "s", p.person.origin == "list" ? " · listed" : "");
  }
  body += "</ul>";
  WebResponse res;
  res.body = Page(viewer, "/people", "People", body);
  return res;
}

// The reviewers' merge/split judgements about any of `names`, with who, when and why.
std::string JudgementsSection(App& app, const std::vector<std::string>& names) {
  std::vector<Judgement> judgements;
  if (!app.store->ListJudgements(&judgements).ok()) return "";
  std::set<std::string> folded;
  for (const std::string& n : names) folded.insert(FoldPersonName(n));
  std::string items;
  for (const Judgement& j : judgements) {
    if (!folded.contains(FoldPersonName(j.name_a)) && !folded.contains(FoldPersonName(j.name_b)))
      continue;
    items += fmt::format(
        "<li><strong>{}</strong> and <strong>{}</strong>: {} <span class=\"muted\">· {} · "
        "{}{}</span></li>",
        Escape(j.name_a), Escape(j.name_b),
        j.verdict == "same" ? "the same person" : "different people", Escape(j.actor), Escape(j.at),
        j.why.empty() ? "" : " · " + Escape(j.why));
  }
  return items.empty()
             ? ""
             : "<h2>Reviewers' judgements</h2><ul class=\"judgements\">" + items + "</ul>";
}

// A page listing the people a name may denote, each linked to their dossier.
WebResponse ChooserPage(const WebRequest& r, const std::string& name,
                        const std::vector<Person>& people) {
  std::string body =
      fmt::format("<p>\"{}\" may be {} different people. Choose one:</p><ul class=\"people\">",
                  Escape(name), people.size());
  for (const Person& p : people) {
    std::string names;
    for (const std::string& n : p.names) names += (names.empty() ? "" : ", ") + n;
    body += fmt::format(
        "<li><a href=\"/people/view?id={}\">{}</a> <span class=\"muted\">#{} · {}"
        "</span></li>",
        p.id, Escape(p.name), p.id, Escape(names));
  }
  body += "</ul>";
  WebResponse res;
  res.body = Page(ViewerOf(r), "/people", "Which person?", body);
  return res;
}

WebResponse DossierPage(App& app, const WebRequest& r) {
  const std::string name = r.Param("name");
  const int64_t id = r.IntParam("id", 0, 0, INT64_MAX);
  std::vector<Person> people;
  Status s = name.empty() && id == 0
                 ? Status::NotFound("give a name or a person's number")
                 : PeopleAskedFor(app.store.get(), app.matcher, name, id, &people);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  if (people.size() > 1) return ChooserPage(r, name, people);
  Dossier d;
  s = BuildPersonDossier(app.store.get(), people.front(), app.role_words, &d);
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
  const std::vector<std::string> case_lines = CaseFactLines(d.case_facts);
  if (!case_lines.empty()) {
    body += "<h3>Case";
    if (!d.list_source.empty())
      body += " <span class=\"muted\">(" + Escape(d.list_source) + ")</span>";
    body += "</h3><ul class=\"case\">";
    for (const std::string& line : case_lines) body += "<li>" + Escape(line) + "</li>";
    body += "</ul>";
  }
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
  body += JudgementsSection(app, d.names);
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
  Status s = RecordJudgement(app, &j);
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
