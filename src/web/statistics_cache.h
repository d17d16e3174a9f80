// The figures of every stored report, kept up to date as reports are ingested.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <set>
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
// rejected, near-duplicate copies counted once per point (as `letapis stats`).
//
// Computed in full once; after that the audit log rows appended since tell what changed:
// when every one of them only added reports (an ingest, its near-duplicate link) or
// touched nothing the figures depend on (people, accounts, feeds), just the new reports
// are folded in; any other change (a review decision, re-extraction, a mark, an action
// this class does not know) or a break in the log computes everything afresh. Either way
// the points equal a full computation over the store as it is. Not thread-safe: call it
// with the store's lock held.
class StatisticsCache {
 public:
  // `audit_batch`: audit-log rows read per query while catching up (at least 1).
  explicit StatisticsCache(size_t audit_batch = 1000)
      : audit_batch_(std::max<size_t>(audit_batch, 1)) {}

  // The points in StatisticsTimeline::Points order, up to date with the store.
  Status Get(Store* store, std::shared_ptr<const std::vector<StatisticPoint>>* out);

  // How many times the figures were computed from every report (for tests and logs).
  size_t full_computations() const { return full_computations_; }

 private:
  // Computes the figures from every stored report, remembering the audit-log head first.
  Status ComputeAll(Store* store);
  // Reads the audit-log rows after the remembered head. Sets *folded to true and folds the
  // reports they add when the figures can be brought up to date that way (nothing to do
  // counts too); *folded false means a full computation is needed.
  Status FoldChanges(Store* store, bool* folded);
  // Adds the claims of stored report `source_id` to the timeline.
  Status FoldReport(Store* store, int64_t source_id);

  size_t audit_batch_;
  std::unique_ptr<StatisticsTimeline> timeline_;
  std::set<int64_t> folded_;  // the source ids in the timeline
  int64_t head_id_ = 0;       // the newest audit-log row accounted for (0: none)
  std::string head_hash_;     // its chain hash
  std::shared_ptr<const std::vector<StatisticPoint>> points_;
  size_t full_computations_ = 0;
};

}  // namespace letapis::web
