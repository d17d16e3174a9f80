#include "resolve/name_parse.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>

namespace letapis::names {
namespace {

// A word as written, before its role is known.
struct Word {
  std::u32string lower;      // lower-case letters and hyphens
  bool caps = false;         // written in capitals ("LOIKA")
  bool dot = false;          // followed by '.'
  bool comma_after = false;  // followed by ','
  Token token;
  bool patronymic_shaped = false;
  bool known_given = false;
};

struct PatronymicEnding {
  std::string_view ending;
  Gender gender;
};

// Patronymic endings in readable Latin (Russian, Belarusian, Ukrainian; Polish, German and
// French renderings).
constexpr std::array<PatronymicEnding, 27> kPatronymicEndings = {{
    {"owitsch", Gender::kMale}, {"ewitsch", Gender::kMale}, {"awitsch", Gender::kMale},
    {"ovitch", Gender::kMale},  {"evitch", Gender::kMale},  {"avitch", Gender::kMale},
    {"ovich", Gender::kMale},   {"evich", Gender::kMale},   {"avich", Gender::kMale},
    {"ovych", Gender::kMale},   {"evych", Gender::kMale},   {"owicz", Gender::kMale},
    {"ewicz", Gender::kMale},   {"awicz", Gender::kMale},   {"ovitj", Gender::kMale},
    {"evitj", Gender::kMale},   {"ovna", Gender::kFemale},  {"evna", Gender::kFemale},
    {"avna", Gender::kFemale},  {"auna", Gender::kFemale},  {"euna", Gender::kFemale},
    {"ouna", Gender::kFemale},  {"owna", Gender::kFemale},  {"ewna", Gender::kFemale},
    {"awna", Gender::kFemale},  {"ivna", Gender::kFemale},  {"ichna", Gender::kFemale},
}};

constexpr size_t kMinPatronymicStem = 3;

std::optional<PatronymicEnding> FindPatronymicEnding(std::string_view readable) {
  for (const PatronymicEnding& p : kPatronymicEndings) {
    if (readable.size() >= p.ending.size() + kMinPatronymicStem &&
        readable.substr(readable.size() - p.ending.size()) == p.ending) {
      return p;
    }
  }
  return std::nullopt;
}

// Splits a name into words: letters and inner hyphens form words; '.' and ',' are noted;
// parenthesised asides and every other character separate words.
std::vector<Word> SplitWords(std::string_view name) {
  std::vector<Word> words;
  Word current;
  int depth = 0;
  auto finish = [&] {
    while (!current.lower.empty() && current.lower.back() == U'-') current.lower.pop_back();
    if (!current.lower.empty()) words.push_back(current);
    current = Word();
  };
  size_t letters = 0, upper = 0;
  for (char32_t c : Script::Normalize(name)) {
    if (c == U'(' || c == U'[') {
      finish();
      ++depth;
      continue;
    }
    if (c == U')' || c == U']') {
      depth = std::max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    if (IsLetter(c)) {
      if (current.lower.empty()) letters = upper = 0;
      ++letters;
      if (IsUpper(c)) ++upper;
      current.lower.push_back(ToLower(c));
      current.caps = letters >= 2 && upper == letters;
      continue;
    }
    if (c == U'-' && !current.lower.empty()) {
      if (current.lower.back() != U'-') current.lower.push_back(U'-');
      continue;
    }
    if (c == U'.' && !current.lower.empty()) current.dot = true;
    if (c == U',') {
      if (!current.lower.empty()) {
        current.comma_after = true;
      } else if (!words.empty()) {
        words.back().comma_after = true;
      }
    }
    finish();
  }
  finish();
  return words;
}

bool IsOneOf(std::u32string_view word, std::initializer_list<std::u32string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

// Spells one word (or surname part) readably and phonetically.
Token MakeToken(const Tables& tables, std::u32string_view lower, Cyrillic lang,
                const Style& style) {
  Token token;
  const Spelling spelling = tables.script.Spell(lower, lang);
  token.readable = spelling.readable;
  token.canonical = Canonicals(spelling.key, style);
  return token;
}

// The patronymic's stem, spelled from its readable form ("ryhoravich" -> "ryhor").
Token StemToken(const Token& patronymic, size_t ending_size, const Style& style) {
  Token stem;
  stem.readable = patronymic.readable.substr(0, patronymic.readable.size() - ending_size);
  // The father's name may have lost a final vowel or й: Prokofy -> Prokofevich, Nikita ->
  // Nikitich; try it with one back for the class lookup.
  for (const std::string& c : Canonicals(stem.readable, style)) {
    for (std::string_view end : {"", "i", "a"}) {
      std::string form = c + std::string(end);
      if (std::find(stem.canonical.begin(), stem.canonical.end(), form) == stem.canonical.end()) {
        stem.canonical.push_back(std::move(form));
      }
    }
  }
  return stem;
}

// Assigns the words other than the surname: the last is the patronymic when it looks like
// one (or is an initial after another given word), the others are given names.
void AssignGiven(std::vector<Word>& rest, const Style& style, ParsedName* out) {
  if (rest.size() >= 2 && (rest.back().patronymic_shaped || rest.back().token.initial)) {
    const Word& p = rest.back();
    out->patronymic = p.token;
    if (p.token.initial) {
      out->patronymic_stem = p.token;
    } else if (auto ending = FindPatronymicEnding(p.token.readable)) {
      out->patronymic_stem = StemToken(p.token, ending->ending.size(), style);
      out->patronymic_gender = ending->gender;
    }
    rest.pop_back();
  }
  for (const Word& w : rest) out->given.push_back(w.token);
}

// Spells the surname words, one token per hyphenated part, and reads the gender of the
// last part's ending.
void AssignSurname(const Tables& tables, const std::vector<Word>& words, Cyrillic lang,
                   const Style& style, ParsedName* out) {
  for (const Word& w : words) {
    size_t start = 0;
    while (start < w.lower.size()) {
      size_t hyphen = w.lower.find(U'-', start);
      if (hyphen == std::u32string::npos) hyphen = w.lower.size();
      Token part = MakeToken(tables, w.lower.substr(start, hyphen - start), lang, style);
      part.initial = w.token.initial;
      if (!part.readable.empty()) {
        if (!out->surname_readable.empty()) out->surname_readable += '-';
        out->surname_readable += part.readable;
        out->surname.push_back(std::move(part));
      }
      start = hyphen + 1;
    }
  }
  if (!out->surname.empty()) out->surname_gender = SurnameGender(out->surname.back().readable);
}

}  // namespace

ParsedName ParseName(const Tables& tables, std::string_view name) {
  ParsedName out;
  std::vector<Word> words;
  std::u32string whole;
  for (Word& w : SplitWords(name)) {
    if (IsOneOf(w.lower, {U"mr", U"mrs", U"ms", U"dr", U"prof"})) continue;
    if (!words.empty() && IsOneOf(w.lower, {U"jr", U"junior", U"sr", U"senior"})) {
      out.suffix = w.lower[0] == U'j' ? "jr" : "sr";
      if (w.comma_after) words.back().comma_after = true;
      continue;
    }
    whole += w.lower;
    whole += U' ';
    words.push_back(std::move(w));
  }
  if (words.empty()) return out;
  const Cyrillic lang = Script::GuessLanguage(whole);
  const Style style = GuessStyle(whole);
  for (Word& w : words) {
    w.token = MakeToken(tables, w.lower, lang, style);
    const size_t letters = w.token.readable.size();
    w.token.initial = w.lower.size() <= 2 && (w.dot || w.lower.size() == 1) && letters > 0;
    w.patronymic_shaped = !w.token.initial && FindPatronymicEnding(w.token.readable).has_value();
    w.known_given = !w.token.initial && !tables.given.Exact(w.token.canonical).empty();
  }
  const size_t n = words.size();
  std::vector<Word> surname, rest;
  const auto comma =
      std::find_if(words.begin(), words.end() - 1, [](const Word& w) { return w.comma_after; });
  const size_t caps = static_cast<size_t>(
      std::count_if(words.begin(), words.end(), [](const Word& w) { return w.caps; }));
  if (n >= 2 && comma != words.end() - 1) {  // "BIALIATSKI, Ales"
    surname.assign(words.begin(), comma + 1);
    rest.assign(comma + 1, words.end());
  } else if (n >= 2 && caps == 1) {  // "LOIKA Nasta"
    for (Word& w : words) (w.caps ? surname : rest).push_back(w);
  } else if (n == 1) {
    (words[0].token.initial ? rest : surname).push_back(words[0]);
  } else {
    const bool initials_after =
        !words[0].token.initial &&
        std::all_of(words.begin() + 1, words.end(), [](const Word& w) { return w.token.initial; });
    const bool patronymic_last = n >= 3 && words[n - 1].patronymic_shaped &&
                                 !words[n - 2].patronymic_shaped && !words[1].token.initial &&
                                 (words[1].known_given || !words[0].known_given);
    const bool given_second = n == 2 && !words[0].known_given && words[1].known_given;
    if (initials_after || patronymic_last || given_second) {  // "Labkovich U. M."
      surname.push_back(words[0]);
      rest.assign(words.begin() + 1, words.end());
    } else {
      surname.push_back(words[n - 1]);
      rest.assign(words.begin(), words.end() - 1);
    }
  }
  AssignSurname(tables, surname, lang, style, &out);
  AssignGiven(rest, style, &out);
  return out;
}

}  // namespace letapis::names
