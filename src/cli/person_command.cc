#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "extract/phrase_table.h"
#include "letapis/dossier.h"
#include "letapis/names.h"
#include "letapis/tsv.h"

namespace letapis::cli {
namespace {

std::string Details(const DossierStep& s) {
  std::string out;
  if (s.term_months) {
    out += *s.term_months < 0 ? " life" : fmt::format(" {} months", *s.term_months);
  }
  if (!s.article.empty()) out += " under Article " + s.article;
  if (!s.place.empty()) out += " in " + s.place;
  return out;
}

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

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::string Actor(const std::string& given) {
  if (!given.empty()) return given;
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "cli";
}

nlohmann::json ToJson(const Dossier& d) {
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

}  // namespace

// `person merge A B` / `person split A B`: records a judgement.
void AddJudgementCommand(CLI::App* person, const char* name, const char* verdict, const char* help,
                         GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = person->add_subcommand(name, help);
  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();
  auto why = std::make_shared<std::string>();
  auto by = std::make_shared<std::string>();
  cmd->add_option("a", *a, "one name")->required();
  cmd->add_option("b", *b, "the other name")->required();
  cmd->add_option("--why", *why, "the reason (kept in the audit log)");
  cmd->add_option("--by", *by, "who decides (default: $USER)");
  cmd->callback([&global, exit_code, a, b, why, by, verdict] {
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    Judgement j{0, *a, *b, verdict, Actor(*by), "", *why};
    if (Status s = store->AddJudgement(&j); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format(
        "recorded: \"{}\" and \"{}\" are {} ({} by {}, judgement {})\n", j.name_a, j.name_b,
        j.verdict == "same" ? "the same person" : "different people", j.at, j.actor, j.id);
  });
}

void AddPersonCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "person", "a person's dossier: every spelling, status timeline with sources, conflicts");
  auto name = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("name", *name, "the person's name in any spelling or script");
  cmd->add_flag("--json", *as_json, "print JSON");
  cmd->require_subcommand(0, 1);
  AddJudgementCommand(cmd, "merge", "same", "record that two names are one person", global,
                      exit_code);
  AddJudgementCommand(cmd, "split", "different",
                      "record that two names are different people (never merged again)", global,
                      exit_code);
  cmd->callback([cmd, &global, exit_code, name, as_json] {
    if (!cmd->get_subcommands().empty()) return;
    if (name->empty()) {
      *exit_code = Fail(Status::InvalidInput("person: give a name, or `merge A B` / `split A B`"));
      return;
    }
    NameMatcher matcher;
    if (Status s = NameMatcher::Load(DataDir(), &matcher); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::vector<Judgement> judgements;
    if (Status s = store->ListJudgements(&judgements); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    const std::string query = *name;
    const JudgedNames judged = ApplyJudgements(query, judgements);
    std::vector<TsvRow> role_rows;
    if (Status s = ReadTsv(DataDir() + "/person_roles.tsv", 2, &role_rows); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::vector<std::string> role_words;
    for (const TsvRow& row : role_rows) role_words.push_back(row.fields[1]);
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
      builder.Add(r.document, r.extraction, r.original_id != 0 ? r.original_id : r.id);
      return Status::Ok();
    });
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    if (!builder.found()) {
      *exit_code =
          Fail(Status::NotFound(fmt::format("no person matching \"{}\" in {}", query, global.db)));
      return;
    }
    const Dossier d = builder.Build();
    if (*as_json) {
      std::cout << ToJson(d).dump(2) << "\n";
      return;
    }
    std::cout << d.name << "\n";
    if (d.names.size() > 1) {
      std::vector<std::string> others(d.names.begin() + 1, d.names.end());
      std::string joined;
      for (const std::string& o : others) joined += (joined.empty() ? "" : ", ") + o;
      std::cout << "  also written: " << joined << "\n";
    }
    if (!d.status.empty()) {
      std::cout << fmt::format("  status: {}{} (per {})\n", d.status,
                               d.status_since.known() ? " since " + d.status_since.ToIso() : "",
                               d.status_report);
    }
    if (!d.roles.empty()) {
      std::string joined;
      for (const std::string& r : d.roles) joined += (joined.empty() ? "" : ", ") + r;
      std::cout << "  described as: " << joined << "\n";
    }
    if (!d.organizations.empty()) {
      std::string joined;
      for (const std::string& o : d.organizations) joined += (joined.empty() ? "" : ", ") + o;
      std::cout << "  named with: " << joined << "\n";
    }
    std::cout << fmt::format("  in {} report(s)", d.reports.size());
    if (!d.copies.empty()) {
      std::cout << fmt::format(", also published as {} near-duplicate cop{}", d.copies.size(),
                               d.copies.size() == 1 ? "y" : "ies");
    }
    std::cout << "\n";
    if (d.publishers.size() > 1) std::cout << "  publishers: " << Joined(d.publishers) << "\n";
    std::cout << "\nTimeline\n";
    for (const DossierStep& step : d.timeline) {
      std::cout << fmt::format("  {:10}  {}{}  [{}]\n      \"{}\"\n",
                               step.date.known() ? step.date.ToIso() : "undated", step.type,
                               Details(step), step.report, OneLine(step.evidence, 150));
      if (!step.copies.empty()) std::cout << "      also in: " << Joined(step.copies) << "\n";
    }
    if (!d.conflicts.empty()) {
      std::cout << "\nConflicts between reports\n";
      for (const std::string& c : d.conflicts) std::cout << "  " << c << "\n";
    }
  });
}

}  // namespace letapis::cli
