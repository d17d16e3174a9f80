#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace letapis::cli {

void AddReextractCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "reextract",
      "re-run the current rules over every stored report; reviewers' decisions are kept");
  cmd->callback([&global, exit_code] {
    std::unique_ptr<Store> store;
    Extractor extractor;
    Status s = OpenStore(global, &store);
    if (s.ok()) s = LoadExtractor(&extractor);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    // Source ids first (oldest first), then one report at a time.
    constexpr int64_t kPage = 1000;
    std::vector<int64_t> ids;
    int64_t reports = 0;
    for (int64_t offset = 0; s.ok() && (offset == 0 || offset < reports); offset += kPage) {
      std::vector<ReportSummary> page;
      s = store->ListReports(kPage, offset, &page, &reports);
      for (const ReportSummary& r : page) ids.push_back(r.id);
    }
    std::reverse(ids.begin(), ids.end());
    ReextractStats total;
    size_t failed = 0;
    Progress progress(ids.size());
    for (size_t i = 0; i < ids.size() && s.ok(); ++i) {
      StoredReport report;
      Status one = store->LoadReport(ids[i], &report);
      progress.Update(i, report.document.meta.name);
      ReextractStats stats;
      if (one.ok())
        one = store->ReplaceExtraction(ids[i], extractor.Run(report.document), "cli", &stats);
      if (!one.ok()) {
        std::cerr << "letapis: skipped " << one.message() << "\n";
        ++failed;
        continue;
      }
      total.events += stats.events;
      total.claims += stats.claims;
      total.quotes += stats.quotes;
      total.decisions_applied += stats.decisions_applied;
      total.decisions_orphaned += stats.decisions_orphaned;
    }
    progress.Update(ids.size(), "");
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format(
        "re-extracted {} report(s): {} events, {} claims, {} quotes; {} review decision(s) kept, "
        "{} no longer match a fact\n",
        ids.size() - failed, total.events, total.claims, total.quotes, total.decisions_applied,
        total.decisions_orphaned);
    // New entities replaced the old ones: every person mention is resolved again.
    if (Status r = ResolveStoredPeople(store.get(), true, "cli"); !r.ok()) {
      *exit_code = Fail(r);
      return;
    }
    if (failed > 0) *exit_code = kExitError;
  });
}

}  // namespace letapis::cli
