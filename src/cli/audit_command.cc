#include <exception>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"

namespace letapis::cli {
namespace {

// Longest before/after JSON shown per row of `audit log`.
constexpr size_t kShownJson = 160;

// Checks that row `id` of the chain still has `hash`, as noted down from an earlier
// `audit verify`: a chain rebuilt or cut after an edit no longer does.
Status CheckAnchor(Store* store, const std::string& anchor) {
  const size_t colon = anchor.find(':');
  int64_t id = 0;
  const std::string hash = colon == std::string::npos ? "" : anchor.substr(colon + 1);
  try {
    id = colon == std::string::npos ? 0 : std::stoll(anchor.substr(0, colon));
  } catch (const std::exception&) {
    id = 0;
  }
  if (id <= 0 || hash.empty()) {
    return Status::InvalidInput(fmt::format("--expect {}: expected ROW:HASH", anchor));
  }
  std::vector<AuditEntry> entries;
  Status s = store->ListAudit(0, &entries);
  if (!s.ok()) return s;
  for (const AuditEntry& e : entries) {
    if (e.id == id && e.hash == hash) return Status::Ok();
  }
  return Status::Corrupt(fmt::format(
      "audit log rewritten: row {} no longer has hash {} (the chain was rebuilt or cut)", id,
      hash));
}

void Verify(const GlobalOptions& global, const std::string& anchor, int* exit_code) {
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
  if (!anchor.empty()) s = CheckAnchor(store.get(), anchor);
  if (!s.ok()) {
    *exit_code = Fail(s.WithContext(global.db));
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
  auto anchor = std::make_shared<std::string>();
  verify->add_option("--expect", *anchor,
                     "ROW:HASH noted from an earlier verify; fails when that row no longer "
                     "has that hash");
  verify->callback([&global, exit_code, anchor] { Verify(global, *anchor, exit_code); });
  CLI::App* log = cmd->add_subcommand(
      "log", "print the newest rows: id, time, actor, action, object, change, hash prefix");
  auto limit = std::make_shared<size_t>(50);
  log->add_option("--limit", *limit, "rows to show (0 = all; default 50)");
  log->callback([&global, exit_code, limit] { Log(global, *limit, exit_code); });
}

}  // namespace letapis::cli
