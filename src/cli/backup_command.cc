#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/store_admin.h"

namespace letapis::cli {

void AddBackupCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "backup",
      "write an encrypted, verified copy of the store to FILE (same passphrase); safe while "
      "a server or another command uses the store");
  auto file = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "the backup file to create (never overwritten)")->required();
  cmd->callback([&global, exit_code, file] {
    std::string passphrase;
    Status s = ReadPassphrase(false, &passphrase);
    if (s.ok()) s = BackupStore(global.db, passphrase, *file);
    StoreFileReport report;
    if (s.ok()) s = VerifyStoreFile(*file, passphrase, &report);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format("backed up {} to {} (verified: {} pages, content sha256 {})\n",
                             global.db, *file, report.pages, report.digest.substr(0, 16));
  });
}

}  // namespace letapis::cli
