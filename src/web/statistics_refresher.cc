#include "web/statistics_refresher.h"

namespace letapis::web {

StatisticsRefresher::StatisticsRefresher(App& app, std::chrono::milliseconds interval)
    : app_(app), interval_(interval), thread_([this] { Run(); }) {}

StatisticsRefresher::~StatisticsRefresher() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void StatisticsRefresher::Run() {
  for (;;) {
    {
      std::lock_guard store_lock(app_.store_mutex);
      std::shared_ptr<const std::vector<StatisticPoint>> ignored;
      (void)app_.statistics.Get(app_.store.get(), &ignored);
    }
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, interval_, [this] { return stop_; })) return;
  }
}

}  // namespace letapis::web
