#include "web/statistics_cache.h"

#include <set>

#include "letapis/reviewed.h"

namespace letapis::web {
namespace {

// Actions that change nothing a figure depends on (people, judgements, accounts, feeds).
const std::set<std::string>& NeutralActions() {
  static const std::set<std::string> actions = {"resolve", "re-resolve", "import",   "judge",
                                                "protect", "add_user",   "set_role", "create_token",
                                                "watch",   "watch_check"};
  return actions;
}

}  // namespace

Status StoreStateKey(Store* store, std::string* out) {
  std::vector<AuditEntry> newest;
  Status s = store->ListAudit(1, &newest);
  if (!s.ok()) return s;
  *out = newest.empty() ? "" : std::to_string(newest.back().id) + " " + newest.back().hash;
  return Status::Ok();
}

Status StatisticsCache::Get(Store* store, std::shared_ptr<const std::vector<StatisticPoint>>* out) {
  bool folded = false;
  Status s = points_ == nullptr ? Status::Ok() : FoldChanges(store, &folded);
  if (s.ok() && !folded) s = ComputeAll(store);
  if (!s.ok()) {
    points_.reset();  // start afresh next time
    return s;
  }
  *out = points_;
  return Status::Ok();
}

Status StatisticsCache::ComputeAll(Store* store) {
  ++full_computations_;
  timeline_ = std::make_unique<StatisticsTimeline>();
  folded_.clear();
  points_.reset();
  // The head first: a report stored while the reports are read is then also named by a
  // newer audit row, which FoldChanges skips as already folded.
  std::vector<AuditEntry> newest;
  Status s = store->ListAudit(1, &newest);
  if (!s.ok()) return s;
  head_id_ = newest.empty() ? 0 : newest.back().id;
  head_hash_ = newest.empty() ? "" : newest.back().hash;
  s = store->ForEachReport([&](const StoredReport& report) {
    StoredReport reviewed = report;
    Status dropped = DropRejectedFacts(store, &reviewed);
    if (dropped.ok()) {
      timeline_->Add(reviewed.document, reviewed.extraction, "",
                     report.original_id != 0 ? report.original_id : report.id);
      folded_.insert(report.id);
    }
    return dropped;
  });
  if (!s.ok()) return s;
  points_ = std::make_shared<const std::vector<StatisticPoint>>(timeline_->Points());
  return Status::Ok();
}

Status StatisticsCache::FoldChanges(Store* store, bool* folded) {
  *folded = false;
  std::set<int64_t> added;   // sources the new rows ingest
  std::set<int64_t> linked;  // sources the new rows link to an original
  // Read from the remembered head itself: it must still be there, unchanged.
  int64_t after = head_id_ > 0 ? head_id_ - 1 : 0;
  int64_t last_id = head_id_;
  std::string last_hash = head_hash_;
  bool first = head_id_ > 0;
  for (;;) {
    std::vector<AuditEntry> rows;
    Status s = store->ListAuditAfter(after, audit_batch_, &rows);
    if (!s.ok()) return s;
    for (const AuditEntry& row : rows) {
      if (first) {
        if (row.id != head_id_ || row.hash != head_hash_) return Status::Ok();  // log replaced
        first = false;
        continue;
      }
      const bool about_source = row.object_type == "source" && row.object_id.has_value();
      if (row.action == "ingest" && about_source) {
        added.insert(*row.object_id);
      } else if (row.action == "near_duplicate" && about_source) {
        linked.insert(*row.object_id);
      } else if (!NeutralActions().contains(row.action)) {
        return Status::Ok();
      }
      last_id = row.id;
      last_hash = row.hash;
    }
    if (first) return Status::Ok();  // the remembered head is gone
    if (rows.size() < audit_batch_) break;
    after = rows.back().id;
  }
  std::vector<int64_t> fresh;
  for (int64_t id : added) {
    if (!folded_.contains(id)) fresh.push_back(id);
  }
  // A link is written with its report; one for another report (a backfill of an older
  // store) changes the group of a report already folded.
  for (int64_t id : linked) {
    if (!added.contains(id)) return Status::Ok();
  }
  // Folding in ascending id order after every folded report matches ingestion order.
  if (!fresh.empty() && !folded_.empty() && fresh.front() < *folded_.rbegin()) {
    return Status::Ok();
  }
  for (int64_t id : fresh) {
    if (Status s = FoldReport(store, id); !s.ok()) return Status::Ok();  // deleted meanwhile
  }
  head_id_ = last_id;
  head_hash_ = last_hash;
  if (!fresh.empty()) {
    points_ = std::make_shared<const std::vector<StatisticPoint>>(timeline_->Points());
  }
  *folded = true;
  return Status::Ok();
}

Status StatisticsCache::FoldReport(Store* store, int64_t source_id) {
  // No rejected facts to drop: a review of this report before the audit rows were read
  // is among them and computes everything afresh; one after is seen by the next Get.
  StoredReport report;
  if (Status s = store->LoadReport(source_id, &report); !s.ok()) return s;
  timeline_->Add(report.document, report.extraction, "",
                 report.original_id != 0 ? report.original_id : report.id);
  folded_.insert(report.id);
  return Status::Ok();
}

}  // namespace letapis::web
