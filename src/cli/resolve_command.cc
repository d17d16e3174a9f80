#include "cli/commands.h"

namespace letapis::cli {

void AddResolveCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "resolve", "re-resolve every person mention from scratch (after new name tables)");
  auto by = std::make_shared<std::string>();
  cmd->add_option("--by", *by, "who asks (default: $USER), for the audit log");
  cmd->callback([&global, exit_code, by] {
    std::unique_ptr<Store> store;
    Status s = OpenStore(global, &store);
    if (s.ok()) s = ResolveStoredPeople(store.get(), true, Actor(*by));
    if (!s.ok()) *exit_code = Fail(s);
  });
}

}  // namespace letapis::cli
