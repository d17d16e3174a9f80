#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "letapis/names.h"
#include "letapis/person_lookup.h"
#include "letapis/resolution.h"
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

// The one person `query` (or `id`, when non-zero) denotes; a clear error when none or many.
Status ChoosePerson(Store* store, const NameMatcher& matcher, const std::string& query, int64_t id,
                    const std::string& db, Person* out) {
  std::vector<Person> found;
  if (Status s = PeopleAskedFor(store, matcher, query, id, &found); !s.ok()) {
    return s.WithContext(db);
  }
  if (found.size() > 1) {
    std::string listed;
    for (const Person& p : found) {
      std::string names;
      for (size_t i = 0; i < p.names.size() && i < 3; ++i) names += (i ? ", " : "") + p.names[i];
      listed += fmt::format("\n  --id {}  {}", p.id, names);
    }
    return Status::InvalidInput(fmt::format(
        "\"{}\" may be {} different people; choose one with --id:{}", query, found.size(), listed));
  }
  *out = std::move(found.front());
  return Status::Ok();
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
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
    // Every assignment is redone under the new judgement.
    if (Status s = ResolveStoredPeople(store.get(), true, j.actor); !s.ok()) *exit_code = Fail(s);
  });
}

void AddPersonCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "person", "a person's dossier: every spelling, status timeline with sources, conflicts");
  auto name = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("name", *name, "the person's name in any spelling or script");
  cmd->add_flag("--json", *as_json, "print JSON");
  auto id = std::make_shared<int64_t>(0);
  cmd->add_option("--id", *id, "the person's number, when a name fits several people");
  cmd->require_subcommand(0, 1);
  AddJudgementCommand(cmd, "merge", "same", "record that two names are one person", global,
                      exit_code);
  AddJudgementCommand(cmd, "split", "different",
                      "record that two names are different people (never merged again)", global,
                      exit_code);
  cmd->callback([cmd, &global, exit_code, name, as_json, id] {
    if (!cmd->get_subcommands().empty()) return;
    if (name->empty() && *id == 0) {
      *exit_code = Fail(Status::InvalidInput("person: give a name, or `merge A B` / `split A B`"));
      return;
    }
    NameMatcher matcher;
    std::unique_ptr<Store> store;
    std::vector<std::string> role_words;
    Person person;
    Dossier d;
    Status s = LoadNameMatcher(&matcher);
    if (s.ok()) s = LoadRoleWords(DataDir(), &role_words);
    if (s.ok()) s = OpenStore(global, &store);
    if (s.ok()) s = ChoosePerson(store.get(), matcher, *name, *id, global.db, &person);
    if (s.ok()) s = BuildPersonDossier(store.get(), person, role_words, &d);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    if (*as_json) {
      std::cout << DossierJson(d).dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("{}  (person #{}{})\n", d.name, d.person_id,
                             d.list_source.empty() ? "" : ", listed in " + d.list_source);
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
    for (const std::string& line : CaseFactLines(d.case_facts)) std::cout << "  " << line << "\n";
    std::cout << fmt::format("  in {} report(s)", d.reports.size());
    if (!d.copies.empty()) {
      std::cout << fmt::format(", also published as {} near-duplicate cop{}", d.copies.size(),
                               d.copies.size() == 1 ? "y" : "ies");
    }
    std::cout << "\n";
    if (d.publishers.size() > 1) std::cout << "  publishers: " << Joined(d.publishers) << "\n";
    std::cout << "\nTimeline\n";
    if (d.timeline.empty()) std::cout << "  (no dated steps in the reports yet)\n";
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
