// Team accounts: users with roles, login sessions and API tokens (see docs/store-format.md).
#pragma once

#include <cstdint>
#include <string>

namespace letapis {

// A person who may use the web UI or the API. Roles, from least to most rights:
// "viewer" (reads), "editor" (also reviews, merges, uploads), "admin" (also manages
// users). "disabled" accounts cannot log in and their sessions and tokens stop working.
struct User {
  int64_t id = 0;
  std::string name;
  std::string role;
  std::string created_at;  // UTC, ISO 8601
};

// True for "admin", "editor", "viewer" and "disabled".
bool IsUserRole(const std::string& role);

// The rank of a role: viewer 1, editor 2, admin 3; 0 for "disabled" and anything else.
int RoleRank(const std::string& role);

// A login session lasts this long from login.
constexpr int64_t kSessionSeconds = 12 * 3600;

}  // namespace letapis
