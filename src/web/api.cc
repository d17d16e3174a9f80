// The JSON API under /api/v1 (docs/api.md).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "letapis/export.h"
#include "letapis/person_lookup.h"
#include "letapis/resolution.h"
#include "letapis/statistics.h"
#include "web/app.h"
#include "web/fact_view.h"

namespace letapis::web {
namespace {

using nlohmann::json;

constexpr int64_t kDefaultPage = 50;

WebResponse Ok(const json& j) {
  return WebResponse::Json(200, j.dump(-1, ' ', false, json::error_handler_t::replace));
}

WebResponse Error(const Status& s) {
  return WebResponse::Json(HttpStatus(s), json{{"error", s.message()}}.dump(
                                              -1, ' ', false, json::error_handler_t::replace));
}

json FactJson(const FactRow& f) {
  json j = {{"kind", f.kind},
            {"id", f.id},
            {"report_id", f.source_id},
            {"report", f.source_name},
            {"type", f.type},
            {"date", f.date.empty() ? json() : json(f.date)},
            {"people", f.people},
            {"evidence", f.evidence},
            {"evidence_span", {f.evidence_begin, f.evidence_end}},
            {"rule", f.rule},
            {"confidence", f.confidence},
            {"review_state", f.review_state}};
  if (f.kind == "event") {
    j["place"] = f.place;
    j["term_months"] = f.term_months ? json(*f.term_months) : json();
    j["article"] = f.article;
    j["modality"] = f.modality;
  }
  if (f.kind == "claim") {
    j["value"] = f.value;
    j["qualifier"] = f.qualifier;
    j["what"] = f.what;
  }
  return j;
}

WebResponse Reports(App& app, const WebRequest& r) {
  const int64_t limit = r.IntParam("limit", kDefaultPage, 1, 1000);
  const int64_t offset = r.IntParam("offset", 0, 0, 1'000'000'000);
  std::vector<ReportSummary> reports;
  int64_t total = 0;
  Status s = app.store->ListReports(limit, offset, &reports, &total);
  if (!s.ok()) return Error(s);
  json items = json::array();
  for (const ReportSummary& rep : reports) {
    items.push_back({{"id", rep.id},
                     {"name", rep.name},
                     {"title", rep.title},
                     {"publisher", rep.publisher},
                     {"published", rep.published},
                     {"ingested_at", rep.ingested_at},
                     {"sha256", rep.sha256},
                     {"events", rep.events},
                     {"claims", rep.claims},
                     {"quotes", rep.quotes},
                     {"proposed", rep.proposed}});
  }
  return Ok({{"items", items}, {"total", total}, {"limit", limit}, {"offset", offset}});
}

WebResponse Report(App& app, const WebRequest& r) {
  StoredReport rep;
  Status s = app.store->LoadReport(std::stoll(r.args[0]), &rep);
  if (!s.ok()) return Error(s);
  json j = FullRecord(rep.document, rep.extraction);
  j["id"] = rep.id;
  j["text"] = rep.document.text;
  return Ok(j);
}

WebResponse Facts(App& app, const WebRequest& r, const std::string& kind) {
  const FactFilter f = FactFilterOf(r, kind, kDefaultPage, 1000);
  std::vector<FactRow> rows;
  int64_t total = 0;
  Status s = app.store->ListFacts(f, &rows, &total);
  if (!s.ok()) return Error(s);
  json items = json::array();
  for (const FactRow& row : rows) items.push_back(FactJson(row));
  return Ok({{"items", items}, {"total", total}, {"limit", f.limit}, {"offset", f.offset}});
}

WebResponse Fact(App& app, const WebRequest& r) {
  FactRow f;
  Status s = app.store->GetFact(r.args[0], std::stoll(r.args[1]), &f);
  std::vector<AuditEntry> history;
  if (s.ok()) s = app.store->ListAudit(f.kind, f.id, &history);
  if (!s.ok()) return Error(s);
  json j = FactJson(f);
  j["history"] = json::array();
  for (const AuditEntry& e : history) {
    j["history"].push_back({{"at", e.at},
                            {"actor", e.actor},
                            {"action", e.action},
                            {"before", json::parse(e.before, nullptr, false)},
                            {"after", json::parse(e.after, nullptr, false)}});
  }
  return Ok(j);
}

// The JSON object of a request body; error message in *error when it is not one.
bool BodyObject(const WebRequest& r, json* out, std::string* error) {
  *out = json::parse(r.body, nullptr, false);
  if (out->is_discarded() || !out->is_object()) {
    *error = "the body must be a JSON object";
    return false;
  }
  return true;
}

WebResponse Review(App& app, const WebRequest& r) {
  json body;
  std::string error;
  if (!BodyObject(r, &body, &error)) return WebResponse::Json(400, json{{"error", error}}.dump());
  ReviewAction a;
  a.kind = r.args[0];
  a.id = std::stoll(r.args[1]);
  a.actor = r.user.name;
  try {
    a.action = body.value("action", "");
    a.why = body.value("why", "");
    if (body.contains("type")) a.type = body["type"].get<std::string>();
    if (body.contains("date"))
      a.date = body["date"].is_null() ? "" : body["date"].get<std::string>();
    if (body.contains("article")) a.article = body["article"].get<std::string>();
    if (body.contains("term_months")) a.term_months = body["term_months"].get<int>();
    if (body.contains("value")) a.value = body["value"].get<double>();
    if (body.contains("people")) a.people = body["people"].get<std::vector<std::string>>();
  } catch (const json::exception& e) {
    return WebResponse::Json(400, json{{"error", std::string("bad field: ") + e.what()}}.dump());
  }
  FactRow after;
  Status s = ReviewAndResolve(app, a, &after);
  if (!s.ok()) return Error(s);
  return Ok(FactJson(after));
}

json PersonSummaryJson(const Person& p, size_t reports) {
  return {{"id", p.id},         {"name", p.name},     {"names", p.names},
          {"origin", p.origin}, {"reports", reports}, {"list_source", p.list_source}};
}

// GET /api/v1/people: every person (`q` filters by name), or with `name` the people a
// name may denote.
WebResponse People(App& app, const WebRequest& r) {
  const int64_t limit = r.IntParam("limit", kDefaultPage, 1, 1000);
  const int64_t offset = r.IntParam("offset", 0, 0, 1'000'000'000);
  json items = json::array();
  size_t total = 0;
  if (!r.Param("name").empty()) {
    std::vector<Person> people;
    Status s = PeopleAskedFor(app.store.get(), app.matcher, r.Param("name"), 0, &people);
    if (!s.ok()) return Error(s);
    total = people.size();
    for (size_t i = offset; i < people.size() && items.size() < static_cast<size_t>(limit); ++i) {
      items.push_back(PersonSummaryJson(people[i], 0));
      items.back().erase("reports");
    }
  } else {
    std::vector<PersonListing> people;
    Status s = ListPeopleWithReports(app.store.get(), r.Param("q"), &people);
    if (!s.ok()) return Error(s);
    total = people.size();
    for (size_t i = offset; i < people.size() && items.size() < static_cast<size_t>(limit); ++i) {
      items.push_back(PersonSummaryJson(people[i].person, people[i].reports));
    }
  }
  return Ok({{"items", items}, {"total", total}, {"limit", limit}, {"offset", offset}});
}

// GET /api/v1/people/{id}: one person's dossier.
WebResponse PersonDossier(App& app, const WebRequest& r) {
  std::vector<Person> people;
  Dossier d;
  Status s = PeopleAskedFor(app.store.get(), app.matcher, "", std::stoll(r.args[0]), &people);
  if (s.ok()) s = BuildPersonDossier(app.store.get(), people.front(), app.role_words, &d);
  if (!s.ok()) return Error(s);
  return Ok(DossierJson(d));
}

WebResponse Judge(App& app, const WebRequest& r) {
  json body;
  std::string error;
  if (!BodyObject(r, &body, &error)) return WebResponse::Json(400, json{{"error", error}}.dump());
  Judgement j;
  try {
    j = Judgement{
        0,  body.value("a", ""),  body.value("b", ""), body.value("verdict", ""), r.user.name,
        "", body.value("why", "")};
  } catch (const json::exception& e) {
    return WebResponse::Json(400, json{{"error", std::string("bad field: ") + e.what()}}.dump());
  }
  Status s = RecordJudgement(app, &j);
  if (!s.ok()) return Error(s);
  return Ok({{"id", j.id},
             {"a", j.name_a},
             {"b", j.name_b},
             {"verdict", j.verdict},
             {"actor", j.actor},
             {"at", j.at}});
}

WebResponse SearchApi(App& app, const WebRequest& r) {
  SearchResults results;
  const int64_t limit = r.IntParam("limit", 20, 1, 100);
  const int64_t offset = r.IntParam("offset", 0, 0, 1'000'000);
  Status s = app.store->Search(r.Param("q"), limit, offset, &results);
  if (!s.ok()) return Error(s);
  json items = json::array();
  for (const SearchHit& h : results.hits) {
    std::string marked;
    for (char c : h.snippet) {
      marked += c == kHitOpen    ? std::string("[[")
                : c == kHitClose ? std::string("]]")
                                 : std::string(1, c);
    }
    items.push_back({{"report_id", h.source_id},
                     {"name", h.name},
                     {"title", h.title},
                     {"published", h.published},
                     {"score", h.score},
                     {"snippet", marked}});
  }
  return Ok({{"items", items},
             {"total", results.total},
             {"limit", limit},
             {"offset", offset},
             {"order", results.newest_first ? "newest" : "rank"}});
}

WebResponse Ingest(App& app, const WebRequest& r) {
  json body;
  std::string error;
  if (!BodyObject(r, &body, &error)) return WebResponse::Json(400, json{{"error", error}}.dump());
  if (!body.contains("name") || !body["name"].is_string() ||
      !(body.contains("text") || body.contains("html"))) {
    return WebResponse::Json(400, R"({"error":"give \"name\" and \"text\" or \"html\""})");
  }
  const bool html = body.contains("html");
  const json& content = html ? body["html"] : body["text"];
  if (!content.is_string())
    return WebResponse::Json(400, R"({"error":"text/html must be a string"})");
  std::string name = body["name"].get<std::string>();
  const std::string want = html ? ".html" : ".txt";
  if (name.size() < want.size() ||
      name.compare(name.size() - want.size(), want.size(), want) != 0) {
    name += want;
  }
  bool added = false;
  Status s = IngestUpload(app, name, content.get<std::string>(), r.user.name, &added);
  if (!s.ok()) return Error(s);
  return WebResponse::Json(added ? 201 : 200, json{{"name", name}, {"added", added}}.dump());
}

WebResponse Stats(App& app, const WebRequest& r) {
  const std::string category = r.Param("category");
  std::shared_ptr<const std::vector<StatisticPoint>> figures;
  Status s = app.statistics.Get(app.store.get(), &figures);
  if (!s.ok()) return Error(s);
  json items = json::array();
  for (const StatisticPoint& p : *figures) {
    if (!category.empty() && p.category != category) continue;
    items.push_back({{"category", p.category},
                     {"as_of", p.as_of.known() ? json(p.as_of.ToIso()) : json()},
                     {"value", p.value},
                     {"qualifier", p.qualifier},
                     {"source", p.source},
                     {"reports", p.reports},
                     {"conflicting", p.conflicting}});
  }
  return Ok({{"items", items}});
}

WebResponse Me(App&, const WebRequest& r) {
  return Ok({{"name", r.user.name}, {"role", r.user.role}});
}

}  // namespace

void AddApiRoutes(std::vector<Route>* routes) {
  auto facts = [](const char* kind) {
    return [kind](App& app, const WebRequest& r) { return Facts(app, r, kind); };
  };
  routes->push_back({"GET", "/api/v1/me", Access::kApi, 1, Me});
  routes->push_back({"GET", "/api/v1/reports", Access::kApi, 1, Reports});
  routes->push_back({"GET", "/api/v1/reports/([0-9]{1,15})", Access::kApi, 1, Report});
  routes->push_back({"GET", "/api/v1/events", Access::kApi, 1, facts("event")});
  routes->push_back({"GET", "/api/v1/claims", Access::kApi, 1, facts("claim")});
  routes->push_back({"GET", "/api/v1/quotes", Access::kApi, 1, facts("quote")});
  routes->push_back({"GET", "/api/v1/(event|claim|quote)s/([0-9]{1,15})", Access::kApi, 1, Fact});
  routes->push_back(
      {"POST", "/api/v1/(event|claim|quote)s/([0-9]{1,15})/review", Access::kApi, 2, Review});
  routes->push_back({"GET", "/api/v1/people", Access::kApi, 1, People});
  routes->push_back({"GET", "/api/v1/people/([0-9]{1,15})", Access::kApi, 1, PersonDossier});
  routes->push_back({"POST", "/api/v1/people/judgements", Access::kApi, 2, Judge});
  routes->push_back({"GET", "/api/v1/search", Access::kApi, 1, SearchApi});
  routes->push_back({"GET", "/api/v1/stats", Access::kApi, 1, Stats});
  routes->push_back({"POST", "/api/v1/ingest", Access::kApi, 2, Ingest});
}

}  // namespace letapis::web
