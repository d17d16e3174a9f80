#include "web/statistics_cache.h"

#include "letapis/reviewed.h"

namespace letapis::web {

Status StoreStateKey(Store* store, std::string* out) {
  std::vector<AuditEntry> newest;
  Status s = store->ListAudit(1, &newest);
  if (!s.ok()) return s;
  *out = newest.empty() ? "" : std::to_string(newest.back().id) + " " + newest.back().hash;
  return Status::Ok();
}

Status StatisticsCache::Get(Store* store, std::shared_ptr<const std::vector<StatisticPoint>>* out) {
  std::string key;
  Status s = StoreStateKey(store, &key);
  if (!s.ok()) return s;
  if (points_ == nullptr || key != key_) {
    StatisticsTimeline timeline;
    s = store->ForEachReport([&](const StoredReport& report) {
      StoredReport reviewed = report;
      Status dropped = DropRejectedFacts(store, &reviewed);
      if (dropped.ok()) {
        timeline.Add(reviewed.document, reviewed.extraction, "",
                     report.original_id != 0 ? report.original_id : report.id);
      }
      return dropped;
    });
    if (!s.ok()) return s;
    points_ = std::make_shared<const std::vector<StatisticPoint>>(timeline.Points());
    key_ = key;
  }
  *out = points_;
  return Status::Ok();
}

}  // namespace letapis::web
