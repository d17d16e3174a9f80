#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace letapis::cli {
namespace {

// Who runs an account command, for the audit log.
std::string CliActor() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user != nullptr && *user != '\0' ? user : "unknown");
}

Status ReadNewPassword(bool from_stdin, std::string* out) {
  if (from_stdin) {
    if (!std::getline(std::cin, *out)) return Status::InvalidInput("no password on standard input");
    if (!out->empty() && out->back() == '\r') out->pop_back();
    return Status::Ok();
  }
  if (!isatty(STDIN_FILENO)) {
    return Status::InvalidInput("no terminal to ask for the password: use --password-stdin");
  }
  std::string again;
  Status s = PromptHidden("New user's password: ", out);
  if (s.ok()) s = PromptHidden("Repeat it: ", &again);
  if (s.ok() && again != *out) s = Status::InvalidInput("the two passwords differ");
  return s;
}

}  // namespace

void AddUserCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("user", "team accounts for the web UI and the API");
  cmd->require_subcommand(1);

  CLI::App* add = cmd->add_subcommand("add", "add a user (the password is asked for)");
  auto name = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>("viewer");
  auto from_stdin = std::make_shared<bool>(false);
  auto exists_ok = std::make_shared<bool>(false);
  add->add_option("name", *name, "user name (no spaces)")->required();
  add->add_option("--role", *role, "admin, editor or viewer (default viewer)")
      ->check(CLI::IsMember({"admin", "editor", "viewer"}));
  add->add_flag("--password-stdin", *from_stdin, "read the password from the first line of stdin");
  add->add_flag("--exists-ok", *exists_ok, "succeed without change when the user exists");
  add->callback([&global, exit_code, name, role, from_stdin, exists_ok] {
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    if (*exists_ok) {
      std::vector<User> users;
      if (Status s = store->ListUsers(&users); !s.ok()) {
        *exit_code = Fail(s);
        return;
      }
      for (const User& u : users) {
        if (u.name == *name) {
          std::cout << fmt::format("user {} exists ({})\n", u.name, u.role);
          return;
        }
      }
    }
    std::string password;
    Status s = ReadNewPassword(*from_stdin, &password);
    User user;
    if (s.ok()) s = store->AddUser(*name, password, *role, CliActor(), &user);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format("added user {} ({})\n", user.name, user.role);
  });

  CLI::App* set_role =
      cmd->add_subcommand("role", "change a user's role (disabled locks them out)");
  auto role_name = std::make_shared<std::string>();
  auto new_role = std::make_shared<std::string>();
  set_role->add_option("name", *role_name, "user name")->required();
  set_role->add_option("role", *new_role, "admin, editor, viewer or disabled")
      ->required()
      ->check(CLI::IsMember({"admin", "editor", "viewer", "disabled"}));
  set_role->callback([&global, exit_code, role_name, new_role] {
    std::unique_ptr<Store> store;
    Status s = OpenStore(global, &store);
    if (s.ok()) s = store->SetUserRole(*role_name, *new_role, CliActor());
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format("{} is now {}\n", *role_name, *new_role);
  });

  CLI::App* list = cmd->add_subcommand("list", "list users and roles");
  list->callback([&global, exit_code] {
    std::unique_ptr<Store> store;
    std::vector<User> users;
    Status s = OpenStore(global, &store);
    if (s.ok()) s = store->ListUsers(&users);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    for (const User& u : users)
      std::cout << fmt::format("{:20} {:9} {}\n", u.name, u.role, u.created_at);
  });
}

}  // namespace letapis::cli
