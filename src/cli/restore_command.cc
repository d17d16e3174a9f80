#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/store_admin.h"

namespace letapis::cli {

void AddRestoreCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "restore",
      "verify a backup FILE and make it the store (--db, or --to PATH); the replaced store is "
      "kept beside it. Stop any server first.");
  auto file = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "a file written by `letapis backup`")->required();
  cmd->add_option("--to", *to, "where to restore (default: the store, --db)");
  cmd->callback([&global, exit_code, file, to] {
    const std::string target = to->empty() ? global.db : *to;
    std::string passphrase, kept;
    Status s = ReadPassphrase(false, &passphrase);
    if (s.ok()) s = RestoreStore(*file, passphrase, target, &kept);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format("restored {} from {} (verified)\n", target, *file);
    if (!kept.empty()) std::cout << fmt::format("the replaced store is kept as {}\n", kept);
  });
}

}  // namespace letapis::cli
