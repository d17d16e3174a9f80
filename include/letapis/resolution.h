// Resolution over a store: assigning person mentions to people after ingest, finding people
// by any spelling, and building their dossiers. The rules are PeopleResolver's (people.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "letapis/dossier.h"
#include "letapis/names.h"
#include "letapis/store.h"

namespace letapis {

// What one resolution run did.
struct ResolutionSummary {
  size_t mentions = 0;    // mentions looked at
  size_t assigned = 0;    // of them, assigned to a person
  size_t unassigned = 0;  // left without a person (ambiguous, or a surname alone)
  size_t new_people = 0;  // people created
};

// Resolves the person mentions not yet resolved (every mention when `full`, as after a
// reviewer's judgement), respecting every judgement, and saves the result in one
// transaction. `actor` goes into the audit log.
Status ResolvePeople(Store* store, const NameMatcher& matcher, bool full, const std::string& actor,
                     ResolutionSummary* out);

// The people a name (any spelling or script) may denote: those written exactly so first,
// then those whose every full name is compatible with it; none judged different from it.
Status FindPeople(Store* store, const NameMatcher& matcher, std::string_view name,
                  std::vector<Person>* out);

// The dossier of one person: every report whose mentions are resolved to them, plus the
// case fields of a list they came from, without the facts reviewers rejected.
// `role_words` as for DossierBuilder.
Status BuildPersonDossier(Store* store, const Person& person,
                          const std::vector<std::string>& role_words, Dossier* out);

}  // namespace letapis
