#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace letapis::cli {

void AddProtectCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "protect",
      "mark people (witnesses, relatives) as protected: `export --public` shows them under a "
      "stable pseudonym, in any spelling or script; audited");
  auto names = std::make_shared<std::vector<std::string>>();
  auto list = std::make_shared<bool>(false);
  cmd->add_option("NAME", *names, "names of people to protect");
  cmd->add_flag("--list", *list, "print the protected names");
  cmd->callback([&global, exit_code, names, list] {
    std::unique_ptr<Store> store;
    Status s = OpenStore(global, &store);
    for (size_t i = 0; i < names->size() && s.ok(); ++i) {
      s = store->ProtectPerson((*names)[i], "cli");
    }
    std::vector<std::string> all;
    if (s.ok() && *list) s = store->ListProtected(&all);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    for (const std::string& name : all) std::cout << name << "\n";
    if (!names->empty()) std::cout << fmt::format("{} name(s) protected\n", names->size());
  });
}

}  // namespace letapis::cli
