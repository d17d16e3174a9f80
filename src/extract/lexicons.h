// Lexicons: every rule and word list of data/, loaded once into lookup tables.
#pragma once

#include <string>
#include <vector>

#include "extract/expressions.h"
#include "extract/phrase_table.h"
#include "extract/word_filter.h"
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

  WordSet given_names;         // case-sensitive
  WordSet stopwords;           // capitalised non-names
  WordSet demonyms;            // "Belarusian", "Former"
  WordSet org_heads;           // "Centre", "Ministry"
  WordSet roles;               // lower-case role words
  WordSet claim_nouns;         // "people", "prisoners"
  WordSet quote_verbs;         // "said", "told"
  SuffixSet surname_suffixes;  // "vich", "enko"

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
