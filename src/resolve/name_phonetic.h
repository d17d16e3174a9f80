// The phonetic form of a name token, equal across the romanisations of one Cyrillic name.
//
// A token's key spelling (see name_script.h) is scanned into sound units and normalised:
//   vowels     a (а о), e (е э ё я ...: iotated or soft vowels), i (і и ы), u (у ю)
//   consonants b v d f k l m n p r s t, h (г х g kh), c (ч), x (ш ж), "xc" (щ)
// with ц taken as t and дз as d (Belarusian цеканне/дзеканне: Valiantsin ~ Valentin,
// Dziadok ~ Dedok), з as s, non-syllabic ŭ/u after a vowel as v (Tsikhanouski ~
// Tikhanovsky), a glide й dropped, doubled units merged, a word-initial "u" before a
// consonant as v (Uladzimir ~ Vladimir). The skeleton keeps the consonants only, so that
// Belarusian akanne (Kalesnikava ~ Kolesnikova) and vowel spellings do not matter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace letapis::names {

// How to read the ambiguous Latin letters of one name, guessed from the whole name.
struct Style {
  bool ch_is_kh_first = false;  // Polish, German, Czech or Łacinka text: "ch" is х first
  bool ch_may_be_sh = false;    // French text ("ou", "tch"): "ch" may be ш
  bool z_may_be_ts = false;     // German text (w, sch, j): "z" may be ц
  bool rz_may_be_zh = false;    // Polish text (ł, sz, cz, w ...): "rz" may be ж
};

// Guesses the style of a lower-case name (code points after Script::Normalize).
Style GuessStyle(std::u32string_view lower_name);

// The phonetic forms of a key spelling: the most likely reading first, then the readings
// of ambiguous letters (at most 8). Empty strings are dropped.
std::vector<std::string> Canonicals(std::string_view key, const Style& style);

// The consonant skeleton of a phonetic form ("tihanavskae" -> "thnvsk").
std::string Skeleton(std::string_view canonical);

// For two phonetic forms with one skeleton: whether the vowels between each pair of
// consonants may be spellings of one another. They may unless one has u where the other has
// another vowel (a, e and i alternate in akanne, iotation and transliteration; u does not).
bool VowelsCompatible(std::string_view a, std::string_view b);

// Grammatical gender shown by a surname's ending.
enum class Gender { kUnknown, kMale, kFemale };

// The gender a readable surname's ending shows: -ova/-ava/-ina/-skaya/-ska/-naya ... are
// feminine; -ov/-au/-in/-ski/-sky/-ny ... masculine; -ka/-ko/-ich/-uk and the like neither.
Gender SurnameGender(std::string_view readable);

// "male", "female" or "unknown".
std::string_view GenderName(Gender g);

// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
// adjacent characters each cost one.
int EditDistance(std::string_view a, std::string_view b);

}  // namespace letapis::names
