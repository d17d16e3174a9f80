// Splitting a person's name into given names, patronymic, surname and suffix, with every
// part spelled readably and phonetically.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resolve/given_names.h"
#include "resolve/name_phonetic.h"
#include "resolve/name_script.h"

namespace letapis::names {

// The data a NameMatcher works with.
struct Tables {
  Script script;
  GivenNames given;
};

// One word of a name (or one part of a hyphenated surname).
struct Token {
  std::string readable;                // lower-case ASCII Latin; "" when absent
  std::vector<std::string> canonical;  // phonetic forms, the most likely first
  bool initial = false;                // a one- or two-letter abbreviation ("U.", "Ya.")
};

// A parsed name.
struct ParsedName {
  std::vector<Token> given;  // given names or initials in written order
  Token patronymic;          // as written; readable "" when absent
  Token patronymic_stem;     // the father's name inside it ("leanid"); initials too
  Gender patronymic_gender = Gender::kUnknown;
  std::vector<Token> surname;    // one token per hyphenated part
  std::string surname_readable;  // parts joined by '-'
  Gender surname_gender = Gender::kUnknown;
  std::string suffix;  // "jr", "sr" or ""
};

// Parses `name` (any script, any of the orders and forms NameMatcher::Parse lists).
ParsedName ParseName(const Tables& tables, std::string_view name);

}  // namespace letapis::names
