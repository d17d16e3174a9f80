#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace letapis::cli {

void AddConfidentialCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "confidential",
      "mark reports (file name or sha256 prefix) confidential: `export --public` leaves them "
      "out; audited");
  auto reports = std::make_shared<std::vector<std::string>>();
  auto clear = std::make_shared<bool>(false);
  cmd->add_option("REPORT", *reports, "reports to mark")->required();
  cmd->add_flag("--clear", *clear, "remove the mark instead");
  cmd->callback([&global, exit_code, reports, clear] {
    std::unique_ptr<Store> store;
    Status s = OpenStore(global, &store);
    for (size_t i = 0; i < reports->size() && s.ok(); ++i) {
      s = store->SetConfidential((*reports)[i], !*clear, "cli");
    }
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format("{} report(s) {}\n", reports->size(),
                             *clear ? "no longer confidential" : "marked confidential");
  });
}

}  // namespace letapis::cli
