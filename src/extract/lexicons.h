// Lexicons: every rule and word list of data/, loaded once into lookup tables.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "extract/expressions.h"
#include "extract/phrase_table.h"
#include "letapis/status.h"

namespace letapis {

// An entry of a lexicon with a canonical name (organisations, places, persons).
struct NamedEntry {
  std::string id;
  std::string name;
  std::string kind;  // place kind, or "" for other lexicons
};

// An event trigger row of data/event_triggers.tsv.
struct TriggerEntry {
  std::string id;
  std::string type;
  std::string form;  // participle, verb, noun, phrase
};

// A row that maps a phrase to a label (claim category, qualifier, modality).
struct LabelEntry {
  std::string id;
  std::string label;
};

// All lexicons. Phrase tables map to indices into the entry vectors beside them.
struct Lexicons {
  ExpressionLexicon expressions;

  std::unordered_set<std::string> given_names;  // case-sensitive
  std::unordered_set<std::string> stopwords;    // capitalised non-names
  std::unordered_set<std::string> demonyms;     // "Belarusian", "Former"
  std::unordered_set<std::string> org_heads;    // "Centre", "Ministry"
  std::unordered_set<std::string> roles;        // lower-case role words
  std::unordered_set<std::string> claim_nouns;  // "people", "prisoners"
  std::unordered_set<std::string> quote_verbs;  // "said", "told"
  std::vector<std::string> surname_suffixes;    // "vich", "enko"

  std::vector<NamedEntry> organizations;
  PhraseTable organization_names{true};  // -> organizations index
  PhraseTable organization_acronyms{false};
  std::vector<NamedEntry> places;
  PhraseTable place_names{false};  // -> places index (case-sensitive)
  std::vector<NamedEntry> persons;
  PhraseTable person_names{false};  // -> persons index

  std::vector<TriggerEntry> triggers;
  PhraseTable trigger_phrases{true};
  std::vector<LabelEntry> categories;
  PhraseTable category_phrases{true};
  std::vector<LabelEntry> qualifiers;
  PhraseTable qualifier_phrases{true};
  std::vector<LabelEntry> modalities;
  PhraseTable modality_phrases{true};

  // Loads every file from `data_dir` (see docs/rules.md); fails naming file and line.
  static Status Load(const std::string& data_dir, Lexicons* out);
};

}  // namespace letapis
