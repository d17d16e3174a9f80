// People tables (person, person_name, entity.person_id/person_why): reading and writing
// inside the caller's transaction. docs/store-format.md describes the tables.
#pragma once

#include <string>
#include <vector>

#include "letapis/people.h"
#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Every person record with its names, by id.
Status ReadPeople(Database* db, std::vector<Person>* out);

// Every person entity of every report, in ingestion order, with the other people and
// bodies named in the same report and the entity's current assignment.
Status ReadPersonMentions(Database* db, std::vector<PersonMention>* out);

// Writes people (inserted, or their names replaced), deletes `removed` people from reports,
// and records each assignment on its entity. When `full`, every assignment is cleared first
// and people from reports that keep no mention are removed.
Status WriteResolution(Database* db, const std::vector<Person>& people,
                       const std::vector<int64_t>& removed,
                       const std::vector<PersonAssignment>& assignments, bool full);

// Inserts people from a list (origin "list", reviewed) with their names and case facts;
// appends their new ids to *ids.
Status InsertListedPeople(Database* db, const std::vector<Person>& people,
                          std::vector<int64_t>* ids);

}  // namespace letapis::store
