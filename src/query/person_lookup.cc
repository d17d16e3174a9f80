#include "letapis/person_lookup.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "extract/phrase_table.h"
#include "letapis/reviewed.h"
#include "letapis/tsv.h"

namespace letapis {
namespace {

// Lower-case, letters and digits only: how judgement names are compared with entity names.
std::string FoldName(std::string_view name) {
  std::string out;
  for (char c : FoldCase(name)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out += c;
  }
  return out;
}

// The people a query asks for, after the reviewers' judgements: every name judged the same
// as the query (transitively), and the names judged different from them.
struct JudgedNames {
  std::vector<std::string> same;       // folded
  std::vector<std::string> same_raw;   // as given, for the matcher
  std::vector<std::string> different;  // folded
};

JudgedNames ApplyJudgements(const std::string& query, const std::vector<Judgement>& judgements) {
  JudgedNames names;
  names.same.push_back(FoldName(query));
  names.same_raw.push_back(query);
  auto in_same = [&](const std::string& n) {
    return std::find(names.same.begin(), names.same.end(), FoldName(n)) != names.same.end();
  };
  // The latest verdict on each pair wins.
  std::map<std::pair<std::string, std::string>, const Judgement*> latest;
  for (const Judgement& j : judgements) {
    std::string a = FoldName(j.name_a), b = FoldName(j.name_b);
    if (b < a) std::swap(a, b);
    latest[{a, b}] = &j;
  }
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [pair, j] : latest) {
      if (j->verdict != "same") continue;
      for (const auto& [x, y] :
           {std::pair{j->name_a, j->name_b}, std::pair{j->name_b, j->name_a}}) {
        if (in_same(x) && !in_same(y)) {
          names.same.push_back(FoldName(y));
          names.same_raw.push_back(y);
          grew = true;
        }
      }
    }
  }
  for (const auto& [pair, j] : latest) {
    if (j->verdict != "different") continue;
    if (in_same(j->name_a)) names.different.push_back(FoldName(j->name_b));
    if (in_same(j->name_b)) names.different.push_back(FoldName(j->name_a));
  }
  return names;
}

}  // namespace

Status LoadRoleWords(const std::string& data_dir, std::vector<std::string>* out) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(data_dir + "/person_roles.tsv", 2, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) out->push_back(row.fields[1]);
  return Status::Ok();
}

Status LookUpPerson(Store* store, const NameMatcher& matcher,
                    const std::vector<std::string>& role_words, const std::string& query,
                    Dossier* out) {
  std::vector<Judgement> judgements;
  if (Status s = store->ListJudgements(&judgements); !s.ok()) return s;
  const JudgedNames judged = ApplyJudgements(query, judgements);
  DossierBuilder builder(
      [&matcher, &judged](const Entity& e) {
        std::vector<std::string> forms{e.name};
        forms.insert(forms.end(), e.aliases.begin(), e.aliases.end());
        for (const std::string& f : forms) {
          const std::string folded = FoldName(f);
          if (std::find(judged.different.begin(), judged.different.end(), folded) !=
              judged.different.end()) {
            return false;
          }
        }
        for (const std::string& wanted : judged.same_raw) {
          for (const std::string& f : forms) {
            if (FoldName(f) == FoldName(wanted)) return true;
            // A surname alone is too weak to decide; full names count.
            if (f.find(' ') != std::string::npos && matcher.Compare(wanted, f).same) return true;
          }
        }
        return false;
      },
      role_words);
  Status s = store->ForEachReport([&](const StoredReport& r) {
    StoredReport reviewed = r;
    Status dropped = DropRejectedFacts(store, &reviewed);
    if (dropped.ok()) builder.Add(reviewed.document, reviewed.extraction);
    return dropped;
  });
  if (!s.ok()) return s;
  if (!builder.found()) return Status::NotFound(fmt::format("no person matching \"{}\"", query));
  *out = builder.Build();
  return Status::Ok();
}

nlohmann::json DossierJson(const Dossier& d) {
  nlohmann::json j;
  j["name"] = d.name;
  j["names"] = d.names;
  j["roles"] = d.roles;
  j["organizations"] = d.organizations;
  j["reports"] = d.reports;
  j["status"] = d.status;
  j["status_since"] =
      d.status_since.known() ? nlohmann::json(d.status_since.ToIso()) : nlohmann::json();
  j["status_report"] = d.status_report;
  j["conflicts"] = d.conflicts;
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
         {"rule", s.rule}});
  }
  return j;
}

}  // namespace letapis
