// Looking up a person's dossier in a store, with the reviewers' merge/split judgements.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "letapis/dossier.h"
#include "letapis/names.h"
#include "letapis/status.h"
#include "letapis/store.h"

namespace letapis {

// The role words of data/person_roles.tsv (second column), for DossierBuilder.
Status LoadRoleWords(const std::string& data_dir, std::vector<std::string>* out);

// Builds the dossier of the person named `query` (any spelling or script) from every
// stored report: names judged the same as the query (transitively) are included, names
// judged different are excluded, other full names are compared with `matcher`.
// kNotFound when no report mentions such a person.
Status LookUpPerson(Store* store, const NameMatcher& matcher,
                    const std::vector<std::string>& role_words, const std::string& query,
                    Dossier* out);

// A dossier as JSON (the `letapis person --json` and /api/v1/people/{name} format).
nlohmann::json DossierJson(const Dossier& dossier);

}  // namespace letapis
