// Reviewers' edits of an event's people: the names they give, linked to the report's
// entities or added to it as new person entities.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// The rule id recorded for a person entity that a reviewer added to a report.
inline constexpr char kReviewPersonRule[] = "review.person";

// At most this many people per event, each name at most kMaxReviewNameBytes bytes.
inline constexpr size_t kMaxReviewPeople = 50;
inline constexpr size_t kMaxReviewNameBytes = 200;

// The names a reviewer gave, cleaned: surrounding white space removed, inner runs of
// white space made one space, empty names and repeats dropped. kInvalidInput naming the
// name when one is too long or holds a control character, or when there are too many.
Status CleanPeopleNames(const std::vector<std::string>& names, std::vector<std::string>* out);

// Makes the entities named `names` the participants of event `event_id`, in that order,
// inside the caller's transaction. A name that is the name or an alias of a person or
// organisation entity of the event's report links that entity (persons first, then the
// lowest id); any other name becomes a new person entity of the report (confidence 1, no
// mention), and its name is appended to *added. Entities a reviewer added earlier that
// nothing refers to any more are removed, with their person record when it was theirs
// alone.
Status SetEventPeople(Database* db, int64_t event_id, const std::vector<std::string>& names,
                      std::vector<std::string>* added);

}  // namespace letapis::store
