#include "web/rate_limit.h"

namespace letapis::web {

// Keys kept at most; beyond, the oldest-keyed entries are dropped (memory bound).
constexpr size_t kMaxKeys = 10000;

void RateLimiter::Expire(std::deque<int64_t>* times, int64_t now) const {
  while (!times->empty() && times->front() <= now - window_) times->pop_front();
}

bool RateLimiter::Allowed(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return true;
  Expire(&it->second, now);
  return static_cast<int>(it->second.size()) < max_failures_;
}

void RateLimiter::Fail(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  if (failures_.size() >= kMaxKeys && failures_.find(key) == failures_.end()) {
    failures_.erase(failures_.begin());
  }
  std::deque<int64_t>& times = failures_[key];
  Expire(&times, now);
  times.push_back(now);
}

void RateLimiter::Clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace letapis::web
