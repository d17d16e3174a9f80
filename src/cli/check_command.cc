#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/store_admin.h"

namespace letapis::cli {

void AddCheckCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "check",
      "verify the store: every page authenticates, the structure is sound and the audit log's "
      "hash chain is intact");
  cmd->callback([&global, exit_code] {
    std::string passphrase;
    StoreFileReport report;
    std::unique_ptr<Store> store;
    AuditVerdict verdict;
    Status s = ReadPassphrase(false, &passphrase);
    if (s.ok()) s = VerifyStoreFile(global.db, passphrase, &report);
    if (s.ok()) s = OpenSqlcipherStore(global.db, passphrase, false, &store);
    if (s.ok()) s = store->VerifyAudit(&verdict);
    if (s.ok() && !verdict.intact) {
      s = Status::Corrupt(fmt::format("{}: audit log tampered: {}", global.db, verdict.problem));
    }
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format(
        "{}: ok (schema version {}, {} pages authenticated, {} audit rows chained, content "
        "sha256 {})\n",
        global.db, report.schema_version, report.pages, verdict.rows, report.digest);
  });
}

}  // namespace letapis::cli
