#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace letapis::cli {

void AddTokenCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("token", "API tokens for scripts");
  cmd->require_subcommand(1);
  CLI::App* create = cmd->add_subcommand(
      "create", "create an API token acting as USER; it is printed once and stored hashed");
  auto user = std::make_shared<std::string>();
  auto label = std::make_shared<std::string>();
  create->add_option("user", *user, "the user the token acts as")->required();
  create->add_option("--label", *label, "what the token is for");
  create->callback([&global, exit_code, user, label] {
    std::unique_ptr<Store> store;
    std::string token;
    Status s = OpenStore(global, &store);
    if (s.ok()) s = store->CreateApiToken(*user, *label, "cli", &token);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << token << "\n";
    std::cerr << fmt::format(
        "letapis: token for {} created; use it as 'Authorization: Bearer TOKEN'. It is not "
        "shown again.\n",
        *user);
  });
}

}  // namespace letapis::cli
