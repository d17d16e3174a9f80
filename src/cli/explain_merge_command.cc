#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/names.h"
#include "letapis/tsv.h"

namespace letapis::cli {

void AddExplainMergeCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd =
      app.add_subcommand("explain-merge", "why two names are (or are not) taken as one person");
  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();
  cmd->add_option("a", *a, "one name")->required();
  cmd->add_option("b", *b, "the other name")->required();
  cmd->callback([&global, exit_code, a, b] {
    NameMatcher matcher;
    if (Status s = NameMatcher::Load(DataDir(), &matcher); !s.ok()) {
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
  });
}

}  // namespace letapis::cli
