// Extraction: the facts found in one document, each with its evidence span and rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "letapis/date.h"
#include "letapis/document.h"

namespace letapis {

// Kind of a mention or entity.
enum class EntityKind : uint8_t { kPerson, kOrganization, kPlace };

// Names used in stores and exports: "person", "organization", "place".
const char* EntityKindName(EntityKind kind);

// One occurrence of a name in the text.
struct Mention {
  Span span;  // in Document::text
  EntityKind kind = EntityKind::kPerson;
  std::string surface;  // text as written (normalised quotes/spaces)
  std::string rule;     // id of the rule or lexicon entry that found it
  float confidence = 0;
  int entity = -1;  // index into Extraction::entities
};

// A person, organisation or place of one document with every name it goes by there.
struct Entity {
  EntityKind kind = EntityKind::kPerson;
  std::string name;                  // fullest form in the text
  std::vector<std::string> aliases;  // other forms used in the text
  float confidence = 0;
};

// A reported occurrence: detention, search, charge, trial, sentence, release, pardon,
// death_in_custody, incommunicado, extradition, exile, designation, advocacy.
struct Event {
  std::string type;
  std::vector<int> who;   // entity indices (people, or bodies for designation/advocacy)
  PartialDate date;       // resolved; unknown when not stated
  std::string date_text;  // the date expression as written ("" if none)
  int place = -1;         // entity index of a place, or -1
  std::optional<int> term_months;
  std::string article;  // criminal-code article(s) as written, e.g. "342", "361-1 part 2"
  std::string modality = "asserted";  // "asserted", or why not a fact: "possible",
                                      // "demanded", "negated", "threatened"
  Span evidence;                      // the clause or sentence stating it
  Span trigger;                       // the word that triggered it
  std::string rule;
  float confidence = 0;
};

// A statistical statement: a number about a category of people or things.
struct Claim {
  double value = 0;
  std::string qualifier = "exact";  // exact, about, more_than, at_least, less_than, up_to
  std::string category = "other";
  std::string what;  // short description (the counted noun phrase)
  PartialDate as_of;
  int source = -1;          // entity index of the attributed body, or -1
  std::string source_name;  // attributed source as written when not an entity
  Span evidence;
  std::string rule;
  float confidence = 0;
};

// A direct quotation.
struct Quote {
  int speaker = -1;  // entity index, or -1 when unknown
  Span span;         // the text inside the quotation marks
  std::string rule;
  float confidence = 0;
};

// Everything extracted from one document.
struct Extraction {
  PartialDate published;  // from metadata, else from the text
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Event> events;
  std::vector<Claim> claims;
  std::vector<Quote> quotes;
};

}  // namespace letapis
