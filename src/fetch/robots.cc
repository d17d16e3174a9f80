// RobotsRules: parsing robots.txt groups and matching paths (RFC 9309).
#include "fetch/robots.h"

namespace letapis {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// True when `pattern` (with '*' and a final '$') matches a prefix of `path`.
bool Matches(std::string_view pattern, std::string_view path) {
  const bool anchored = pattern.ends_with('$');
  if (anchored) pattern.remove_suffix(1);
  // Iterative wildcard matching: positions of the last '*' and where it resumed.
  size_t p = 0, s = 0, star = std::string_view::npos, resume = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      resume = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos || resume >= path.size()) return false;
    p = star + 1;
    s = ++resume;
  }
}

}  // namespace

RobotsRules::RobotsRules(std::string_view text, std::string_view agent) {
  const std::string me = Lower(agent);
  std::vector<Rule> mine, star;
  bool group_mine = false, group_star = false, in_agents = false, mine_seen = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) group_mine = group_star = false;
      in_agents = true;
      const std::string name = Lower(value);
      if (name == "*") group_star = true;
      if (!name.empty() && name != "*" && me.starts_with(name)) group_mine = mine_seen = true;
      continue;
    }
    in_agents = false;
    if (key != "allow" && key != "disallow") continue;
    if (value.empty()) continue;  // "Disallow:" allows everything
    const Rule rule{std::string(value), key == "allow"};
    if (group_mine) mine.push_back(rule);
    if (group_star) star.push_back(rule);
  }
  rules_ = mine_seen ? std::move(mine) : std::move(star);
}

bool RobotsRules::Allowed(std::string_view path) const {
  size_t best = 0;
  bool allowed = true;
  for (const Rule& rule : rules_) {
    if (!Matches(rule.pattern, path)) continue;
    const size_t length = rule.pattern.size();
    if (length > best || (length == best && rule.allow)) {
      best = length;
      allowed = rule.allow;
    }
  }
  return allowed;
}

}  // namespace letapis
