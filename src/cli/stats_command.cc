#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "letapis/reviewed.h"
#include "letapis/statistics.h"

namespace letapis::cli {
namespace {

const char* QualifierWord(const std::string& q) {
  if (q == "more_than") return "more than ";
  if (q == "at_least") return "at least ";
  if (q == "about") return "about ";
  if (q == "less_than") return "less than ";
  if (q == "up_to") return "up to ";
  return "";
}

std::string Value(double v) {
  return v == static_cast<int64_t>(v) ? fmt::format("{}", static_cast<int64_t>(v))
                                      : fmt::format("{}", v);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

}  // namespace

void AddStatsCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "stats", "statistics over time: every figure of a category by as-of date and source");
  auto category = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  auto as_csv = std::make_shared<bool>(false);
  cmd->add_option("category", *category,
                  "political_prisoners, repressed, detained, prosecuted, convicted, released, "
                  "fled, died_in_custody, signatories or other (default: all)")
      ->check(
          CLI::IsMember({"political_prisoners", "repressed", "detained", "prosecuted", "convicted",
                         "released", "fled", "died_in_custody", "signatories", "other"}));
  auto* json_flag = cmd->add_flag("--json", *as_json, "print JSON");
  cmd->add_flag("--csv", *as_csv, "print CSV")->excludes(json_flag);
  cmd->callback([&global, exit_code, category, as_json, as_csv] {
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    StatisticsTimeline timeline;
    // Figures reviewers rejected are left out (docs/api.md, review).
    Status s = store->ForEachReport([&](const StoredReport& r) {
      StoredReport reviewed;
      reviewed.id = r.id;
      reviewed.extraction = r.extraction;
      Status dropped = DropRejectedFacts(store.get(), &reviewed);
      if (dropped.ok()) {
        timeline.Add(r.document, reviewed.extraction, *category,
                     r.original_id != 0 ? r.original_id : r.id);
      }
      return dropped;
    });
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    const std::vector<StatisticPoint> points = timeline.Points();
    if (*as_json) {
      nlohmann::json j = nlohmann::json::array();
      for (const StatisticPoint& p : points) {
        j.push_back(
            {{"category", p.category},
             {"as_of", p.as_of.known() ? nlohmann::json(p.as_of.ToIso()) : nlohmann::json()},
             {"value", p.value},
             {"qualifier", p.qualifier},
             {"source", p.source.empty() ? nlohmann::json() : nlohmann::json(p.source)},
             {"what", p.what},
             {"reports", p.reports},
             {"evidence", p.evidence},
             {"copies", p.copies},
             {"publishers", p.publishers},
             {"conflicting", p.conflicting}});
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    if (*as_csv) {
      std::cout << "as_of,category,qualifier,value,source,reports,conflicting,evidence,copies\n";
      for (const StatisticPoint& p : points) {
        std::cout << fmt::format("{},{},{},{},{},{},{},{},{}\n", p.as_of.ToIso(), p.category,
                                 p.qualifier, Value(p.value), CsvField(p.source),
                                 CsvField(Join(p.reports, "; ")), p.conflicting ? 1 : 0,
                                 CsvField(p.evidence.empty() ? "" : p.evidence.front()),
                                 CsvField(Join(p.copies, "; ")));
      }
      return;
    }
    if (points.empty()) {
      std::cout << "no figures" << (category->empty() ? "" : " for " + *category) << "\n";
      return;
    }
    std::string last_category;
    for (const StatisticPoint& p : points) {
      std::cout << fmt::format(
          "{:10}  {:19} {:>22}  {}{}\n", p.as_of.known() ? p.as_of.ToIso() : "undated", p.category,
          QualifierWord(p.qualifier) + Value(p.value), p.source.empty() ? "(no source)" : p.source,
          p.conflicting ? "  <- differs from other figures that month" : "");
      std::cout << fmt::format("{:12}reported in {}\n", "", Join(p.reports, ", "));
      if (!p.copies.empty()) {
        std::cout << fmt::format("{:12}also published as {} near-duplicate cop{}: {}\n", "",
                                 p.copies.size(), p.copies.size() == 1 ? "y" : "ies",
                                 Join(p.copies, ", "));
      }
      if (p.publishers.size() > 1) {
        std::cout << fmt::format("{:12}publishers: {}\n", "", Join(p.publishers, ", "));
      }
    }
  });
}

}  // namespace letapis::cli
