#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/names.h"
#include "letapis/tsv.h"

namespace letapis::cli {
namespace {

// Shown reasons per name, so that a long history stays readable.
constexpr size_t kReasonsPerName = 3;

std::string Describe(const std::vector<Person>& people) {
  if (people.empty()) return "no person";
  std::string out;
  for (const Person& p : people)
    out += fmt::format("{}#{} {}", out.empty() ? "" : " or ", p.id, p.name);
  return out;
}

// How the store's resolution treats the two names, with the reasons it recorded.
void ExplainResolution(Store* store, const NameMatcher& matcher, const std::string& a,
                       const std::string& b) {
  std::vector<Person> pa, pb;
  std::vector<PersonMention> mentions;
  if (!FindPeople(store, matcher, a, &pa).ok() || !FindPeople(store, matcher, b, &pb).ok() ||
      !store->ListPersonMentions(&mentions).ok()) {
    return;
  }
  const bool one = pa.size() == 1 && pb.size() == 1 && pa[0].id == pb[0].id;
  std::cout << fmt::format(
      "  in this store: {}\n",
      one ? "one person, " + Describe(pa)
          : fmt::format("\"{}\" is {}; \"{}\" is {}", a, Describe(pa), b, Describe(pb)));
  for (const std::string& name : {a, b}) {
    const std::string folded = FoldPersonName(name);
    size_t shown = 0;
    for (const PersonMention& m : mentions) {
      if (!m.resolved || FoldPersonName(m.name) != folded || shown == kReasonsPerName) continue;
      std::cout << fmt::format("  report {}: {}\n", m.source_id, m.why);
      ++shown;
    }
  }
}

}  // namespace

void AddExplainMergeCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd =
      app.add_subcommand("explain-merge", "why two names are (or are not) taken as one person");
  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();
  cmd->add_option("a", *a, "one name")->required();
  cmd->add_option("b", *b, "the other name")->required();
  cmd->callback([&global, exit_code, a, b] {
    NameMatcher matcher;
    if (Status s = LoadNameMatcher(&matcher); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    const NameMatcher::Match m = matcher.Compare(*a, *b);
    std::cout << fmt::format("{} / {}\n  names: {} (score {:.3f})\n  why: {}\n", *a, *b,
                             m.same ? "may be one person" : "different people", m.score, m.why);
    // Reviewers' judgements on the pair, when a store is at hand, override the names.
    std::unique_ptr<Store> store;
    if (!OpenStore(global, &store).ok()) return;
    std::vector<Judgement> judgements;
    if (!store->ListJudgements(&judgements).ok()) return;
    for (const Judgement& j : judgements) {
      const bool pair = (j.name_a == *a && j.name_b == *b) || (j.name_a == *b && j.name_b == *a);
      if (!pair) continue;
      std::cout << fmt::format("  judged {} by {} at {}{}\n", j.verdict, j.actor, j.at,
                               j.why.empty() ? "" : ": " + j.why);
    }
    ExplainResolution(store.get(), matcher, *a, *b);
  });
}

}  // namespace letapis::cli
