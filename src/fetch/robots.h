// robots.txt rules for one user agent.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace letapis {

// The Allow/Disallow rules of robots.txt that apply to one user agent: the groups
// naming it (case-insensitively, by prefix of its product token), else the "*" groups.
class RobotsRules {
 public:
  // Everything allowed.
  RobotsRules() = default;
  // Parses robots.txt text for `agent` (e.g. "letapis"). Unknown lines are ignored.
  RobotsRules(std::string_view robots_txt, std::string_view agent);
  // True when `path` (path and query, starting with '/') may be fetched: the longest
  // matching rule decides, Allow winning ties; no matching rule allows. Rules match by
  // prefix, with '*' matching any run of characters and a final '$' anchoring the end.
  bool Allowed(std::string_view path) const;

 private:
  struct Rule {
    std::string pattern;
    bool allow;
  };
  std::vector<Rule> rules_;
};

}  // namespace letapis
