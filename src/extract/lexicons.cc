#include "extract/lexicons.h"

#include <fmt/format.h>

#include "letapis/tsv.h"

namespace letapis {
namespace {

// Splits "a|b|c" into its non-empty parts.
std::vector<std::string> SplitAliases(const std::string& field) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    std::string part = field.substr(start, bar == std::string::npos ? bar : bar - start);
    if (!part.empty()) parts.push_back(std::move(part));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return parts;
}

Status LoadRows(const std::string& dir, const char* file, size_t min_fields,
                std::vector<TsvRow>* rows) {
  return ReadTsv(fmt::format("{}/{}", dir, file), min_fields, rows);
}

Status LoadWordSet(const std::string& dir, const char* file, WordSet* set) {
  std::vector<TsvRow> rows;
  if (Status s = LoadRows(dir, file, 2, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) set->insert(row.fields[1]);
  return Status::Ok();
}

bool IsAllCaps(const std::string& s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

// Loads a file of (id, name, [kind,] aliases) rows into entries and a phrase table.
Status LoadNamed(const std::string& dir, const char* file, bool has_kind,
                 std::vector<NamedEntry>* entries, PhraseTable* names, PhraseTable* acronyms) {
  std::vector<TsvRow> rows;
  if (Status s = LoadRows(dir, file, 2, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    NamedEntry entry{row.fields[0], row.fields[1],
                     has_kind && row.fields.size() > 2 ? row.fields[2] : ""};
    const int index = static_cast<int>(entries->size());
    entries->push_back(entry);
    std::vector<std::string> forms{row.fields[1]};
    const size_t alias_field = has_kind ? 3 : 2;
    if (row.fields.size() > alias_field) {
      for (std::string& alias : SplitAliases(row.fields[alias_field])) forms.push_back(alias);
    }
    for (const std::string& form : forms) {
      if (acronyms != nullptr && IsAllCaps(form)) {
        acronyms->Add(form, index);
      } else {
        names->Add(form, index);
      }
    }
  }
  return Status::Ok();
}

// Loads (id, phrase, label) rows into labels and a phrase table.
Status LoadLabels(const std::string& dir, const char* file, std::vector<LabelEntry>* labels,
                  PhraseTable* phrases) {
  std::vector<TsvRow> rows;
  if (Status s = LoadRows(dir, file, 3, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    phrases->Add(row.fields[1], static_cast<int>(labels->size()));
    labels->push_back(LabelEntry{row.fields[0], row.fields[2]});
  }
  return Status::Ok();
}

}  // namespace

Status Lexicons::Load(const std::string& dir, Lexicons* out) {
  if (Status s = ExpressionLexicon::Load(dir, &out->expressions); !s.ok()) return s;
  if (Status s = LoadWordSet(dir, "given_names.tsv", &out->given_names); !s.ok()) return s;
  if (Status s = LoadWordSet(dir, "capitalized_stopwords.tsv", &out->stopwords); !s.ok()) return s;
  if (Status s = LoadWordSet(dir, "demonyms.tsv", &out->demonyms); !s.ok()) return s;
  if (Status s = LoadWordSet(dir, "org_heads.tsv", &out->org_heads); !s.ok()) return s;
  if (Status s = LoadWordSet(dir, "person_roles.tsv", &out->roles); !s.ok()) return s;
  if (Status s = LoadWordSet(dir, "claim_nouns.tsv", &out->claim_nouns); !s.ok()) return s;
  if (Status s = LoadWordSet(dir, "quote_verbs.tsv", &out->quote_verbs); !s.ok()) return s;
  WordSet suffixes;
  if (Status s = LoadWordSet(dir, "surname_suffixes.tsv", &suffixes); !s.ok()) return s;
  for (const std::string& suffix : suffixes.words()) out->surname_suffixes.insert(suffix);
  if (Status s = LoadNamed(dir, "organizations.tsv", false, &out->organizations,
                           &out->organization_names, &out->organization_acronyms);
      !s.ok()) {
    return s;
  }
  if (Status s = LoadNamed(dir, "places.tsv", true, &out->places, &out->place_names, nullptr);
      !s.ok()) {
    return s;
  }
  if (Status s = LoadNamed(dir, "persons.tsv", false, &out->persons, &out->person_names, nullptr);
      !s.ok()) {
    return s;
  }
  std::vector<TsvRow> rows;
  if (Status s = LoadRows(dir, "event_triggers.tsv", 4, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    out->trigger_phrases.Add(row.fields[1], static_cast<int>(out->triggers.size()));
    out->triggers.push_back(TriggerEntry{row.fields[0], row.fields[2], row.fields[3]});
  }
  if (Status s = LoadLabels(dir, "claim_categories.tsv", &out->categories, &out->category_phrases);
      !s.ok()) {
    return s;
  }
  if (Status s = LoadLabels(dir, "claim_qualifiers.tsv", &out->qualifiers, &out->qualifier_phrases);
      !s.ok()) {
    return s;
  }
  return LoadLabels(dir, "modality.tsv", &out->modalities, &out->modality_phrases);
}

}  // namespace letapis
