#include <cstdlib>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "letapis/names.h"
#include "letapis/person_lookup.h"
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

std::string Actor(const std::string& given) {
  if (!given.empty()) return given;
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "cli";
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
    std::vector<std::string> role_words;
    if (Status s = LoadRoleWords(DataDir(), &role_words); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    Dossier d;
    if (Status s = LookUpPerson(store.get(), matcher, role_words, *name, &d); !s.ok()) {
      *exit_code = Fail(
          s.code() == Status::Code::kNotFound
              ? Status::NotFound(fmt::format("no person matching \"{}\" in {}", *name, global.db))
              : s);
      return;
    }
    if (*as_json) {
      std::cout << DossierJson(d).dump(2) << "\n";
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
    std::cout << fmt::format("  in {} report(s)\n\nTimeline\n", d.reports.size());
    for (const DossierStep& step : d.timeline) {
      std::cout << fmt::format("  {:10}  {}{}  [{}]\n      \"{}\"\n",
                               step.date.known() ? step.date.ToIso() : "undated", step.type,
                               Details(step), step.report, OneLine(step.evidence, 150));
    }
    if (!d.conflicts.empty()) {
      std::cout << "\nConflicts between reports\n";
      for (const std::string& c : d.conflicts) std::cout << "  " << c << "\n";
    }
  });
}

}  // namespace letapis::cli
