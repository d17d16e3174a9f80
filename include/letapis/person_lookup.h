// Finding the person a user asks for, and dossiers as JSON (CLI `person`, web and API).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "letapis/dossier.h"
#include "letapis/names.h"
#include "letapis/people.h"
#include "letapis/status.h"
#include "letapis/store.h"

namespace letapis {

// The role words of data/person_roles.tsv (second column), for DossierBuilder.
Status LoadRoleWords(const std::string& data_dir, std::vector<std::string>* out);

// The people a user may mean: person `id` when non-zero (kNotFound when there is none),
// else every person `query` may denote in any spelling or script (FindPeople; kNotFound
// when none). Several people are returned when the name fits several (namesakes).
Status PeopleAskedFor(Store* store, const NameMatcher& matcher, const std::string& query,
                      int64_t id, std::vector<Person>* out);

// A person with the number of stored reports naming them.
struct PersonListing {
  Person person;
  size_t reports = 0;
};

// Every person, most reported first (then by name); people no report names and no list
// holds are left out. `filter`, when not empty, keeps people one of whose names contains
// it, case-insensitively.
Status ListPeopleWithReports(Store* store, const std::string& filter,
                             std::vector<PersonListing>* out);

// A list's case fields as JSON, null for unknown values.
nlohmann::json CaseJson(const CaseFacts& facts);

// The case fields that are known, as "label: value" lines (born, detained, articles, ...).
std::vector<std::string> CaseFactLines(const CaseFacts& facts);

// A dossier as JSON (the `letapis person --json` and /api/v1/people/{id} format).
nlohmann::json DossierJson(const Dossier& dossier);

}  // namespace letapis
