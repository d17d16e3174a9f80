#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/names.h"
#include "letapis/tsv.h"

namespace letapis::cli {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

// A first line is a header when its first field is "a" or its third is not a 0/1 label.
bool IsHeader(const std::vector<std::string>& fields) {
  return fields[0] == "a" || (fields.size() >= 3 && fields[2] != "0" && fields[2] != "1");
}

// Compares each pair of names read from `in` (named `path` in messages) and writes
// "a<TAB>b<TAB>score<TAB>same" lines to `out`. Returns how many lines were skipped.
int MatchPairs(const NameMatcher& matcher, std::istream& in, const std::string& path,
               std::ostream& out) {
  int skipped = 0;
  int number = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::vector<std::string> fields = SplitTabs(line);
    if (number == 1 && IsHeader(fields)) continue;
    if (fields.size() < 2 || fields[0].empty() || fields[1].empty()) {
      std::cerr << fmt::format("letapis: {}:{}: expected two tab-separated names; line skipped\n",
                               path, number);
      ++skipped;
      continue;
    }
    const NameMatcher::Match m = matcher.Compare(fields[0], fields[1]);
    out << fmt::format("{}\t{}\t{:.3f}\t{}\n", fields[0], fields[1], m.score, m.same ? 1 : 0);
  }
  return skipped;
}

}  // namespace

void AddNamesCommand(CLI::App& app, GlobalOptions&, int* exit_code) {
  CLI::App* names =
      app.add_subcommand("names", "compare person names across scripts and transliterations");
  names->require_subcommand(1);
  CLI::App* match =
      names->add_subcommand("match",
                            "for each pair of names, decide whether they may be one person; writes "
                            "a<TAB>b<TAB>score<TAB>same (score 0-1 with 3 decimals, same 0/1)");
  auto pairs = std::make_shared<std::string>();
  auto out_path = std::make_shared<std::string>();
  match
      ->add_option("--pairs", *pairs,
                   "TSV file whose first two columns are two names (further columns are "
                   "ignored; a first line whose first field is 'a' or whose third is not 0/1 "
                   "is a header)")
      ->required();
  match->add_option("--out", *out_path, "write the results to this file instead of stdout");
  match->callback([exit_code, pairs, out_path] {
    NameMatcher matcher;
    if (Status s = NameMatcher::Load(DataDir(), &matcher); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::ifstream in(*pairs, std::ios::binary);
    if (!in) {
      *exit_code = Fail(Status::IoError(fmt::format("{}: cannot open the pairs file", *pairs)));
      return;
    }
    std::ofstream file;
    if (!out_path->empty()) {
      file.open(*out_path, std::ios::binary | std::ios::trunc);
      if (!file) {
        *exit_code = Fail(Status::IoError(fmt::format("{}: cannot write", *out_path)));
        return;
      }
    }
    std::ostream& out = out_path->empty() ? std::cout : file;
    const int skipped = MatchPairs(matcher, in, *pairs, out);
    out.flush();
    if (!out) {
      *exit_code = Fail(Status::IoError(
          fmt::format("{}: write failed", out_path->empty() ? "stdout" : *out_path)));
      return;
    }
    if (in.bad()) {
      *exit_code = Fail(Status::IoError(fmt::format("{}: read failed", *pairs)));
      return;
    }
    if (skipped > 0) {
      std::cerr << fmt::format("letapis: {} line(s) of {} skipped\n", skipped, *pairs);
      *exit_code = kExitSkipped;
    }
  });
}

}  // namespace letapis::cli
