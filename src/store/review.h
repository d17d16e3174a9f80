// Reports, facts and review actions in the store (the Store review methods).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "letapis/review.h"
#include "letapis/status.h"
#include "letapis/store.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// See Store::ListReports.
Status ListReports(Database* db, int64_t limit, int64_t offset, std::vector<ReportSummary>* out,
                   int64_t* total);
// See Store::ListFacts.
Status ListFacts(Database* db, const FactFilter& filter, std::vector<FactRow>* out, int64_t* total);
// See Store::CountEventsPerMonth.
Status CountEventsPerMonth(Database* db, std::map<std::string, int64_t>* out);
// See Store::GetFact.
Status GetFact(Database* db, const std::string& kind, int64_t id, FactRow* out);
// See Store::ReviewFact.
Status ReviewFact(Database* db, const ReviewAction& action, FactRow* after);
// See Store::ListAudit.
Status ListAudit(Database* db, const std::string& object_type, int64_t object_id,
                 std::vector<AuditEntry>* out);

// Sets the review state and the edited fields (a JSON object as made by ReviewFact) of
// fact `id` of `kind`, inside the caller's transaction. The names of person entities that
// an edit of an event's people added to the report are appended to *added_people (when
// given; see SetEventPeople).
Status ApplyDecision(Database* db, const std::string& kind, int64_t id, const std::string& state,
                     const std::string& edits_json,
                     std::vector<std::string>* added_people = nullptr);

}  // namespace letapis::store
