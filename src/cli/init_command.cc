#include <iostream>

#include "cli/commands.h"

namespace letapis::cli {

void AddInitCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd =
      app.add_subcommand("init", "create a new encrypted store (asks for a passphrase)");
  cmd->callback([&global, exit_code] {
    std::string passphrase;
    if (Status s = ReadPassphrase(true, &passphrase); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::unique_ptr<Store> store;
    if (Status s = OpenSqlcipherStore(global.db, passphrase, true, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << "created encrypted store " << global.db << "\n";
  });
}

}  // namespace letapis::cli
