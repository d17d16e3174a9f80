// Keeps the staff server's figures (App::statistics) up to date in the background, so that
// the dashboard and the statistics pages find the reports an ingest added already folded in.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "web/app.h"

namespace letapis::web {

// While it lives, a thread brings app.statistics up to date (StatisticsCache::Get, under
// app.store_mutex) once at the start, always, and then every `interval`; the destructor
// stops and joins it. A failed update is left for the next page that asks to report.
class StatisticsRefresher {
 public:
  StatisticsRefresher(App& app, std::chrono::milliseconds interval);
  ~StatisticsRefresher();
  StatisticsRefresher(const StatisticsRefresher&) = delete;
  StatisticsRefresher& operator=(const StatisticsRefresher&) = delete;

 private:
  void Run();

  App& app_;
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace letapis::web
