#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"

namespace letapis::cli {

void AddSearchCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "search", "full-text search over every stored report (ranked, any script)");
  auto words = std::make_shared<std::vector<std::string>>();
  auto limit = std::make_shared<int64_t>(10);
  auto offset = std::make_shared<int64_t>(0);
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("query", *words, "words that must all occur; word* matches a prefix")->required();
  cmd->add_option("--limit", *limit, "results per page (default 10)")->check(CLI::Range(1, 100));
  cmd->add_option("--offset", *offset, "skip this many results")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", *as_json, "print JSON");
  cmd->callback([&global, exit_code, words, limit, offset, as_json] {
    std::string query;
    for (const std::string& w : *words) query += (query.empty() ? "" : " ") + w;
    std::unique_ptr<Store> store;
    SearchResults results;
    Status s = OpenStore(global, &store);
    if (s.ok()) s = store->Search(query, *limit, *offset, &results);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    auto marked = [](const std::string& snippet, const char* open, const char* close) {
      std::string out;
      for (char c : snippet)
        out += c == kHitOpen ? open : c == kHitClose ? close : std::string(1, c);
      return OneLine(out, 400);
    };
    if (*as_json) {
      nlohmann::json j = {{"total", results.total},
                          {"order", results.newest_first ? "newest" : "rank"},
                          {"hits", nlohmann::json::array()}};
      for (const SearchHit& h : results.hits) {
        j["hits"].push_back({{"report_id", h.source_id},
                             {"name", h.name},
                             {"title", h.title},
                             {"score", h.score},
                             {"snippet", marked(h.snippet, "[[", "]]")}});
      }
      std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      return;
    }
    std::cout << fmt::format(
        "{} report(s) match{}\n", results.total,
        results.newest_first ? ", newest first (words most reports contain)" : "");
    for (const SearchHit& h : results.hits) {
      std::cout << fmt::format("\n{:.2f}  {}{}\n      {}\n", h.score, h.name,
                               h.title.empty() ? "" : " — " + h.title, marked(h.snippet, "[", "]"));
    }
    if (results.total == 0) *exit_code = kExitNotFound;
  });
}

}  // namespace letapis::cli
