#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace letapis::cli {
namespace {

// Longest before/after JSON shown per row of `audit log`.
constexpr size_t kShownJson = 160;

void Verify(const GlobalOptions& global, int* exit_code) {
  std::unique_ptr<Store> store;
  AuditVerdict verdict;
  Status s = OpenStore(global, &store);
  if (s.ok()) s = store->VerifyAudit(&verdict);
  if (!s.ok()) {
    *exit_code = Fail(s);
    return;
  }
  if (!verdict.intact) {
    *exit_code = Fail(
        Status::Corrupt(fmt::format("{}: audit log tampered: {}", global.db, verdict.problem)));
    return;
  }
  std::cout << fmt::format("audit log intact: {} row(s) chained", verdict.rows);
  if (verdict.head_id > 0) {
    std::cout << fmt::format("; last row {} has hash {}", verdict.head_id, verdict.head_hash);
  }
  std::cout << "\n";
}

void Log(const GlobalOptions& global, size_t limit, int* exit_code) {
  std::unique_ptr<Store> store;
  std::vector<AuditEntry> entries;
  Status s = OpenStore(global, &store);
  if (s.ok()) s = store->ListAudit(limit, &entries);
  if (!s.ok()) {
    *exit_code = Fail(s);
    return;
  }
  for (const AuditEntry& e : entries) {
    std::cout << fmt::format(
        "{}\t{}\t{}\t{}\t{} {}\t{}\t{}\n", e.id, e.at, e.actor, e.action, e.object_type,
        e.object_id ? std::to_string(*e.object_id) : "-",
        OneLine(e.before.empty() ? e.after : e.before + " -> " + e.after, kShownJson),
        e.hash.substr(0, 16));
  }
}

}  // namespace

void AddAuditCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("audit", "read and check the tamper-evident audit log");
  cmd->require_subcommand(1);
  CLI::App* verify = cmd->add_subcommand(
      "verify", "check the hash chain; names the first changed, removed or reordered row");
  verify->callback([&global, exit_code] { Verify(global, exit_code); });
  CLI::App* log = cmd->add_subcommand(
      "log", "print the newest rows: id, time, actor, action, object, change, hash prefix");
  auto limit = std::make_shared<size_t>(50);
  log->add_option("--limit", *limit, "rows to show (0 = all; default 50)");
  log->callback([&global, exit_code, limit] { Log(global, *limit, exit_code); });
}

}  // namespace letapis::cli
