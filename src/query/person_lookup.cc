#include "letapis/person_lookup.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "extract/phrase_table.h"
#include "letapis/resolution.h"
#include "letapis/tsv.h"

namespace letapis {

Status LoadRoleWords(const std::string& data_dir, std::vector<std::string>* out) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(data_dir + "/person_roles.tsv", 2, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) out->push_back(row.fields[1]);
  return Status::Ok();
}

Status PeopleAskedFor(Store* store, const NameMatcher& matcher, const std::string& query,
                      int64_t id, std::vector<Person>* out) {
  out->clear();
  if (id != 0) {
    std::vector<Person> all;
    if (Status s = store->ListPeople(&all); !s.ok()) return s;
    for (Person& p : all) {
      if (p.id == id) out->push_back(std::move(p));
    }
    if (out->empty()) return Status::NotFound(fmt::format("no person #{}", id));
    return Status::Ok();
  }
  if (Status s = FindPeople(store, matcher, query, out); !s.ok()) return s;
  if (out->empty()) return Status::NotFound(fmt::format("no person matching \"{}\"", query));
  return Status::Ok();
}

Status ListPeopleWithReports(Store* store, const std::string& filter,
                             std::vector<PersonListing>* out) {
  out->clear();
  std::vector<Person> people;
  std::map<int64_t, size_t> reports_of;
  Status s = store->ListPeople(&people);
  if (s.ok()) s = store->CountReportsPerPerson(&reports_of);
  if (!s.ok()) return s;
  const std::string folded_filter = FoldCase(filter);
  for (Person& p : people) {
    const auto found = reports_of.find(p.id);
    const size_t reports = found == reports_of.end() ? 0 : found->second;
    if (reports == 0 && p.origin != "list") continue;
    const bool kept = folded_filter.empty() ||
                      std::any_of(p.names.begin(), p.names.end(), [&](const std::string& n) {
                        return FoldCase(n).find(folded_filter) != std::string::npos;
                      });
    if (kept) out->push_back({std::move(p), reports});
  }
  std::stable_sort(out->begin(), out->end(), [](const PersonListing& a, const PersonListing& b) {
    return a.reports != b.reports ? a.reports > b.reports : a.person.name < b.person.name;
  });
  return Status::Ok();
}

nlohmann::json CaseJson(const CaseFacts& f) {
  auto text = [](const std::string& v) { return v.empty() ? nlohmann::json() : nlohmann::json(v); };
  return {{"status", text(f.status)},
          {"gender", text(f.gender)},
          {"birth_year", f.birth_year != 0 ? nlohmann::json(f.birth_year) : nlohmann::json()},
          {"detained", text(f.detained)},
          {"articles", text(f.articles)},
          {"verdict_date", text(f.verdict_date)},
          {"sentence", text(f.sentence)},
          {"sentence_months",
           f.sentence_months ? nlohmann::json(*f.sentence_months) : nlohmann::json()},
          {"judge", text(f.judge)},
          {"prosecutor", text(f.prosecutor)},
          {"prison", text(f.prison)},
          {"released", text(f.released)},
          {"died", text(f.died)}};
}

std::vector<std::string> CaseFactLines(const CaseFacts& f) {
  std::vector<std::string> lines;
  auto add = [&](const char* label, const std::string& v) {
    if (!v.empty()) lines.push_back(fmt::format("{}: {}", label, v));
  };
  add("born", f.birth_year != 0 ? std::to_string(f.birth_year) : "");
  add("detained", f.detained);
  add("articles", f.articles);
  add("verdict", f.verdict_date);
  add("sentence", f.sentence);
  add("judge", f.judge);
  add("prosecutor", f.prosecutor);
  add("prison", f.prison);
  add("released", f.released);
  add("died", f.died);
  return lines;
}

nlohmann::json DossierJson(const Dossier& d) {
  nlohmann::json j;
  j["name"] = d.name;
  j["names"] = d.names;
  j["roles"] = d.roles;
  j["organizations"] = d.organizations;
  j["reports"] = d.reports;
  j["copies"] = d.copies;
  j["publishers"] = d.publishers;
  j["status"] = d.status;
  j["status_since"] =
      d.status_since.known() ? nlohmann::json(d.status_since.ToIso()) : nlohmann::json();
  j["status_report"] = d.status_report;
  j["conflicts"] = d.conflicts;
  j["person_id"] = d.person_id;
  j["list_source"] = d.list_source;
  j["case"] = CaseJson(d.case_facts);
  j["timeline"] = nlohmann::json::array();
  for (const DossierStep& s : d.timeline) {
    j["timeline"].push_back(
        {{"date", s.date.known() ? nlohmann::json(s.date.ToIso()) : nlohmann::json()},
         {"type", s.type},
         {"term_months", s.term_months ? nlohmann::json(*s.term_months) : nlohmann::json()},
         {"article", s.article},
         {"place", s.place},
         {"report", s.report},
         {"evidence", s.evidence},
         {"rule", s.rule},
         {"copies", s.copies}});
  }
  return j;
}

}  // namespace letapis
