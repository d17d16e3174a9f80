#include <iostream>

#include "cli/commands.h"
#include "letapis/store_admin.h"

namespace letapis::cli {

void AddRekeyCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "rekey",
      "change the store's passphrase (asks for the current one, then twice for the new one; "
      "or $LETAPIS_PASSPHRASE and $LETAPIS_NEW_PASSPHRASE). Stop any server first.");
  cmd->callback([&global, exit_code] {
    std::string old_passphrase, new_passphrase;
    Status s = ReadPassphrase(false, &old_passphrase);
    if (s.ok()) s = ReadNewPassphrase(&new_passphrase);
    if (s.ok() && new_passphrase == old_passphrase) {
      s = Status::InvalidInput("the new passphrase is the current one");
    }
    if (s.ok()) s = RekeyStore(global.db, old_passphrase, new_passphrase);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << "changed the passphrase of " << global.db
              << "; the old passphrase no longer opens it\n";
  });
}

}  // namespace letapis::cli
