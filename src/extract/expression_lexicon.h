// Internal to src/extract: the tables behind ExpressionLexicon and the helpers that the
// date, number and term finders share (case folding, token classification, numbers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/expressions.h"
#include "extract/word_filter.h"
#include "extract/word_map.h"

namespace letapis {

// Kinds of rows in data/time_words.tsv.
enum class TimeKind : uint8_t {
  kNone,
  kWeekday,  // value 0=Monday..6=Sunday
  kShift,    // anchor-relative: last -1, this 0, next +1
  kContext,  // relative to the previous date: previous -1, same/that 0, following +1
  kPart,     // early 1, mid 2, late 3 (directly before a year or month)
  kPartOf,   // beginning/start 1, middle 2, end 3 (followed by "of")
  kAgo,      // "ago"
  kDay,      // yesterday -1, today 0, tomorrow +1
  kUnit,     // TimeUnit value: day, week, month, year (singular and plural)
  kPrep,     // preposition before a date; value 1 marks a range start ("since", "from")
  kSeason,   // value: first month of the season (spring 3, summer 6, autumn 9, winter 12)
};

// Values of kUnit rows.
enum TimeUnit : int8_t { kUnitDay = 1, kUnitWeek = 2, kUnitMonth = 3, kUnitYear = 4 };

// Kinds of rows in data/number_words.tsv.
enum class NumKind : uint8_t {
  kNone,
  kUnit,         // one..nine
  kTeen,         // ten..nineteen
  kTens,         // twenty..ninety
  kHundred,      // hundred
  kScale,        // thousand, million, billion
  kDozen,        // dozen (x12)
  kFraction,     // half: "two and a half", "half a million"
  kIndefinite,   // a, an: 1 before hundred/scale/dozen ("a thousand")
  kSeveral,      // several: a vague multiplier before hundred/scale/dozen
  kVague,        // dozens, hundreds, thousands, millions, scores: value = lower bound
  kVaguePrefix,  // tens: only in "tens of thousands"
  kCountNoun,    // people, prisoners, ...: after a 4-digit number, makes it a count
  kQuantifier,   // over, than, about, ...: before a 4-digit number, hints a count
};

// What the lexicon knows about one (case-folded) word; a word may have several roles.
struct LexEntry {
  uint8_t month = 0;        // 1..12 when a month name
  bool month_abbr = false;  // "Jan", "Sept": may be followed by '.'
  TimeKind time = TimeKind::kNone;
  int8_t time_value = 0;
  NumKind num = NumKind::kNone;
  double num_value = 0;
};

struct ExpressionLexicon::Tables {
  WordMap<LexEntry> words;  // case-folded word (scope 0) -> entry
  WordFilter filter;        // the keys of `words`

  // The entry of `word` in any letter case, or nullptr.
  const LexEntry* Find(std::string_view word) const;
  // Find for token `t` of `text`, using the hash Tokenize gave an ASCII word.
  const LexEntry* Find(const Token& t, std::string_view text) const;
};

// Longest word (in bytes) that FoldCase folds; longer words are never in the lexicon.
inline constexpr size_t kFoldMax = 64;

// Lower-cases ASCII and Cyrillic capitals of `word` into `buf` and returns the folded
// view; returns "" when `word` is longer than kFoldMax.
std::string_view FoldCase(std::string_view word, char (&buf)[kFoldMax]);

// True when token `i` exists, is a word and equals the lower-case ASCII `lower` in any case.
inline bool WordIs(std::string_view text, const std::vector<Token>& tokens, uint32_t i,
                   std::string_view lower) {
  return i < tokens.size() && tokens[i].kind == TokenKind::kWord &&
         tokens[i].end - tokens[i].begin == lower.size() &&
         EqualsFolded(tokens[i].view(text), lower);
}

// True when token `i` exists and is the punctuation character `c`.
inline bool PunctIs(std::string_view text, const std::vector<Token>& tokens, uint32_t i, char c) {
  return i < tokens.size() && tokens[i].kind == TokenKind::kPunct &&
         tokens[i].end - tokens[i].begin == 1 && text[tokens[i].begin] == c;
}

// One lexicon entry (or nullptr) per token; only word tokens are looked up.
std::vector<const LexEntry*> Classify(std::string_view text, const std::vector<Token>& tokens,
                                      const ExpressionLexicon::Tables& tables);

// Value of a token of 1..9 ASCII digits and nothing else, or -1.
int PureDigits(std::string_view s);

// Parses a digit number with thousands separators or a decimal point: "65,000", "1,300",
// "1.5", "2021", "1.300.000". False for anything else ("361-1", "14.07.2025", "10th").
bool ParseDigitNumber(std::string_view s, double* value);

// Most pieces (words split at hyphens) one number spelt in words may take ("one hundred
// and twenty-five thousand"); a number read by ReadNumber spans at most this many tokens.
inline constexpr size_t kMaxNumberPieces = 16;

// The first token at or after a position whose lexicon entry (Classify) passes `Test`,
// for scans that ask with rising positions: over a whole scan each token is tested at
// most once. Asking with a lower position than before searches again from there.
template <bool (*Test)(const LexEntry& entry)>
class NextEntry {
 public:
  // Over `entries`, which must outlive this.
  explicit NextEntry(const std::vector<const LexEntry*>& entries) : entries_(entries) {}
  // The first index >= i whose entry passes, or entries.size() when none does.
  uint32_t From(uint32_t i) {
    const uint32_t n = static_cast<uint32_t>(entries_.size());
    if (!searched_ || i < from_ || next_ < i) {
      searched_ = true;
      next_ = i;
      while (next_ < n && (entries_[next_] == nullptr || !Test(*entries_[next_]))) ++next_;
    }
    from_ = i;
    return next_;
  }

 private:
  const std::vector<const LexEntry*>& entries_;
  bool searched_ = false;
  uint32_t from_ = 0;  // the last position asked about
  uint32_t next_ = 0;  // the answer for it
};

// A number read at a token position.
struct NumberRead {
  uint32_t end = 0;  // one past its last token
  double value = 0;
  bool vague = false;
  const char* rule = "";  // "num.digits", "num.words", "num.scale", "num.vague"
};

// Reads the number starting at token `i`: digits, digits with a scale word, number words
// or a vague count. Number words must cover whole tokens. False when none starts there.
// `entries`, when given, is Classify() of the same tokens (saves looking words up again).
bool ReadNumber(std::string_view text, const std::vector<Token>& tokens, uint32_t i,
                const ExpressionLexicon::Tables& tables, NumberRead* out,
                const std::vector<const LexEntry*>* entries = nullptr);

// FindDates, FindNumbers and FindTerms over tokens already classified by Classify(), so
// that one document's words are looked up once for all three.
std::vector<DateMatch> FindDates(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<const LexEntry*>& entries,
                                 const PartialDate& anchor,
                                 const ExpressionLexicon::Tables& tables);
std::vector<NumberMatch> FindNumbers(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<const LexEntry*>& entries,
                                     const ExpressionLexicon::Tables& tables);
std::vector<TermMatch> FindTerms(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<const LexEntry*>& entries,
                                 const ExpressionLexicon::Tables& tables);

// A number spelt in words, read from pieces (words split at hyphens).
struct WordNumber {
  size_t used = 0;  // pieces consumed
  double value = 0;
  bool vague = false;
};

// Reads number words from the start of `pieces` ("twenty", "one", "hundred", "and",
// "fifty"; "two", "and", "a", "half"; "tens", "of", "thousands"). False when none.
bool ParseNumberWords(const std::string_view* pieces, size_t n,
                      const ExpressionLexicon::Tables& tables, WordNumber* out);

// Splits `word` at '-' into at most `cap` pieces; returns the count, or 0 when it has more.
size_t SplitHyphens(std::string_view word, std::string_view* pieces, size_t cap);

}  // namespace letapis
