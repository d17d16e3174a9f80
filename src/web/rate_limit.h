// A sliding-window limiter of failures per key (failed logins per user name or address).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace letapis::web {

// Allows at most `max_failures` failures per key within `window_seconds`. Times are
// passed in (seconds on any monotonic clock), so tests need no real clock.
class RateLimiter {
 public:
  RateLimiter(int max_failures, int64_t window_seconds)
      : max_failures_(max_failures), window_(window_seconds) {}
  // True when `key` may try again at time `now`.
  bool Allowed(const std::string& key, int64_t now);
  // Records a failure of `key` at `now`.
  void Fail(const std::string& key, int64_t now);
  // Forgets the failures of `key` (after a successful login).
  void Clear(const std::string& key);

 private:
  void Expire(std::deque<int64_t>* times, int64_t now) const;

  int max_failures_;
  int64_t window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace letapis::web
