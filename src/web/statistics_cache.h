// The figures of every stored report, computed once per state of the store.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "letapis/statistics.h"
#include "letapis/status.h"
#include "letapis/store.h"

namespace letapis::web {

// "<id> <chain hash>" of the newest audit-log row, "" for an empty log. Every change to a
// store (ingest, review, resolution, marks, re-extraction) appends an audit-log row, so
// the key changes whenever what the store holds does.
Status StoreStateKey(Store* store, std::string* out);

// Every figure (all categories) of the stored reports, without the claims reviewers
// rejected, near-duplicate copies counted once per point (as `letapis stats`), kept while
// the store is unchanged (StoreStateKey). Not thread-safe: call it with the store's lock
// held.
class StatisticsCache {
 public:
  // The points in StatisticsTimeline::Points order: the kept ones when the store has not
  // changed since they were computed, else computed afresh and kept.
  Status Get(Store* store, std::shared_ptr<const std::vector<StatisticPoint>>* out);

 private:
  std::string key_;
  std::shared_ptr<const std::vector<StatisticPoint>> points_;
};

}  // namespace letapis::web
