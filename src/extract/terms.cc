// Prison and detention terms: "seven years", "10 years in prison", "two and a half
// years", "18 months", "nine years' imprisonment", "a seven-year sentence", "5 years and
// 6 months", "life imprisonment".
//
// Rule ids: term.years, term.months, term.years_months, term.hyphen ("seven-year
// sentence", "18-year prison term"; needs a following sentence noun), term.life (months
// = -1). A count before "year(s)"/"month(s)" is a term unless it is a period of time:
// followed by "ago", "since", "old", "later", "earlier" or "long", or preceded by "past",
// "last", "next", "first", "recent", "coming", "previous", "following", "initial",
// "over", "within", "during", "in", "after" or "every" ("for the past five years").
// The match extends over a following "in prison", "in a penal colony", "imprisonment",
// "of imprisonment", "of restricted freedom", "prison term", "sentence", "behind bars".
#include <algorithm>
#include <cmath>

#include "extract/expression_lexicon.h"

namespace letapis {
namespace {

constexpr std::string_view kNotTermAfter[] = {"ago", "since", "old", "later", "earlier", "long"};
constexpr std::string_view kNotTermBefore[] = {
    "past",    "last", "next",   "first",  "recent", "coming", "previous", "following",
    "initial", "over", "within", "during", "in",     "after",  "every"};
// Nouns that name what the term is of: "ten years' imprisonment", "a ten-year sentence".
constexpr std::string_view kTermNouns[] = {"imprisonment", "incarceration", "sentence", "term"};
// Heads of "in a ... colony": where the term is served.
constexpr std::string_view kPlaces[] = {"prison", "jail", "colony", "penitentiary", "custody"};
// Longest "in a maximum-security penal colony": words between "in" and the place.
constexpr uint32_t kMaxPlaceWords = 4;
// Longest term accepted, in months.
constexpr double kMaxMonths = 1200;

template <size_t N>
bool OneOf(std::string_view text, const std::vector<Token>& tokens, uint32_t i,
           const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (WordIs(text, tokens, i, w)) return true;
  }
  return false;
}

class TermFinder {
 public:
  TermFinder(std::string_view text, const std::vector<Token>& tokens,
             const std::vector<const LexEntry*>& entries, const ExpressionLexicon::Tables& tables)
      : text_(text),
        tokens_(tokens),
        n_(static_cast<uint32_t>(tokens.size())),
        entries_(entries),
        tables_(tables) {}

  std::vector<TermMatch> Run() const {
    std::vector<TermMatch> out;
    for (uint32_t i = 0; i < n_;) {
      if (!CanStart(i)) {  // most tokens: decided before a TermMatch is built
        ++i;
        continue;
      }
      TermMatch m;
      if (Life(i, &m) || Hyphen(i, &m) || Count(i, &m)) {
        m.first = i;
        i = m.end;
        out.push_back(std::move(m));
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  bool Is(uint32_t i, std::string_view lower) const { return WordIs(text_, tokens_, i, lower); }
  // False when no term can start at `i`: any token but a number, a word of the lexicon,
  // "life", "a", "an", "half" or a hyphenated word.
  bool CanStart(uint32_t i) const {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind != TokenKind::kWord) return false;
    if (entries_[i] != nullptr || t.is(kHasHyphen)) return true;
    // The four words by the hash Tokenize made (then by their letters).
    static const uint64_t kWords[] = {HashWord("life"), HashWord("a"), HashWord("an"),
                                      HashWord("half")};
    if (!t.is(kAscii) ||
        std::find(std::begin(kWords), std::end(kWords), t.lower_hash) == std::end(kWords)) {
      return false;
    }
    return Is(i, "life") || Is(i, "a") || Is(i, "an") || Is(i, "half");
  }
  bool IsLower(uint32_t i) const {
    return i < n_ && tokens_[i].kind == TokenKind::kWord && !tokens_[i].is(kCapitalized);
  }

  // The unit (kUnitYear or kUnitMonth) of a year/month word at `i`, or 0.
  int Unit(uint32_t i) const {
    if (i >= n_ || tokens_[i].kind != TokenKind::kWord) return 0;
    const LexEntry* e = entries_[i];
    if (e == nullptr || e->time != TimeKind::kUnit) return 0;
    return e->time_value == kUnitYear || e->time_value == kUnitMonth ? e->time_value : 0;
  }

  // Words after a term naming what it is ("in prison", "of imprisonment", "sentence");
  // returns the index after them (`k` when none) and whether a term noun was found.
  uint32_t Tail(uint32_t k, bool* noun) const {
    *noun = false;
    if (PunctIs(text_, tokens_, k, '\'') && k + 1 < n_ && tokens_[k + 1].kind == TokenKind::kWord) {
      ++k;  // "nine years' imprisonment"
    }
    if (Is(k, "behind") && Is(k + 1, "bars")) {
      *noun = true;
      return k + 2;
    }
    if (Is(k, "of")) {
      if (OneOf(text_, tokens_, k + 1, kTermNouns) || Is(k + 1, "detention")) {
        *noun = true;
        k += 2;
      } else if (Is(k + 1, "restricted") && Is(k + 2, "freedom")) {
        *noun = true;
        k += 3;
      } else if ((Is(k + 1, "restriction") && Is(k + 2, "of") && Is(k + 3, "freedom")) ||
                 (Is(k + 1, "deprivation") && Is(k + 2, "of") && Is(k + 3, "liberty"))) {
        *noun = true;
        k += 4;
      }
    } else if (Is(k, "prison") || Is(k, "jail")) {
      *noun = true;
      ++k;
      if (Is(k, "sentence") || Is(k, "term")) ++k;
    } else if (OneOf(text_, tokens_, k, kTermNouns)) {
      *noun = true;
      ++k;
    }
    if (Is(k, "in")) {
      for (uint32_t p = k + 1; p <= k + kMaxPlaceWords && IsLower(p); ++p) {
        if (OneOf(text_, tokens_, p, kPlaces)) {
          *noun = true;
          return Is(p + 1, "colony") ? p + 2 : p + 1;
        }
      }
    }
    return k;
  }

  // "life imprisonment", "a life sentence", "life in prison".
  bool Life(uint32_t i, TermMatch* m) const {
    if (!Is(i, "life")) return false;
    bool noun = false;
    uint32_t end = Tail(i + 1, &noun);
    if (!noun) return false;
    *m = TermMatch{i, end, -1, "term.life"};
    return true;
  }

  // Months of a term of `count` units; false when out of range.
  static bool ToMonths(double count, int unit, int* months) {
    double m = unit == kUnitYear ? count * 12 : count;
    if (m <= 0 || m > kMaxMonths) return false;
    *months = static_cast<int>(std::lround(m));
    return *months > 0;
  }

  // "a seven-year sentence", "an 18-year prison term", "a two-and-a-half-year term".
  bool Hyphen(uint32_t i, TermMatch* m) const {
    double count = 0;
    int unit = 0;
    uint32_t k = 0;
    if (tokens_[i].kind == TokenKind::kWord) {
      if (!tokens_[i].is(kHasHyphen)) return false;
      std::string_view pieces[16];
      size_t n = SplitHyphens(tokens_[i].view(text_), pieces, 16);
      if (n < 2) return false;
      const LexEntry* last = tables_.Find(pieces[n - 1]);
      WordNumber words;
      if (last == nullptr || last->time != TimeKind::kUnit || pieces[n - 1].back() == 's' ||
          !ParseNumberWords(pieces, n - 1, tables_, &words) || words.used != n - 1 || words.vague) {
        return false;
      }
      count = words.value;
      unit = last->time_value;
      k = i + 1;
    } else if (tokens_[i].kind == TokenKind::kNumber && i + 2 < n_ &&
               PunctIs(text_, tokens_, i + 1, '-') && tokens_[i].end == tokens_[i + 1].begin &&
               tokens_[i + 1].end == tokens_[i + 2].begin) {
      unit = Unit(i + 2);
      if (unit == 0 || tokens_[i + 2].view(text_).back() == 's' ||
          !ParseDigitNumber(tokens_[i].view(text_), &count)) {
        return false;
      }
      k = i + 3;
    } else {
      return false;
    }
    int months = 0;
    if ((unit != kUnitYear && unit != kUnitMonth) || !ToMonths(count, unit, &months)) return false;
    bool noun = false;
    uint32_t end = Tail(k, &noun);
    if (!noun && IsLower(k)) end = Tail(k + 1, &noun);  // "a five-year suspended sentence"
    if (!noun) return false;
    *m = TermMatch{i, end, months, "term.hyphen"};
    return true;
  }

  // A count at `i`: digits, number words, "a"/"an", "half a"; sets the index after it.
  bool ReadCount(uint32_t i, double* count, uint32_t* end) const {
    if (i >= n_) return false;
    if (Is(i, "a") || Is(i, "an")) {
      *count = 1;
      *end = i + 1;
      return true;
    }
    if (Is(i, "half") && Is(i + 1, "a")) {
      *count = 0.5;
      *end = i + 2;
      return true;
    }
    NumberRead r;
    if (!ReadNumber(text_, tokens_, i, tables_, &r, &entries_) || r.vague) return false;
    *count = r.value;
    *end = r.end;
    return true;
  }

  // "seven years", "10 years in prison", "5 years and 6 months", "a year and a half".
  bool Count(uint32_t i, TermMatch* m) const {
    double count = 0;
    uint32_t k = 0;
    // The unit ends the count, which spans at most a number's longest reach.
    if (next_unit_.From(i + 1) - i > kMaxNumberPieces + 1 || !ReadCount(i, &count, &k)) {
      return false;
    }
    const int unit = Unit(k);
    if (unit == 0 || (i > 0 && OneOf(text_, tokens_, i - 1, kNotTermBefore))) return false;
    double total = unit == kUnitYear ? count * 12 : count;
    const char* rule = unit == kUnitYear ? "term.years" : "term.months";
    ++k;
    if (Is(k, "and") && Is(k + 1, "a") && Is(k + 2, "half")) {
      total += unit == kUnitYear ? 6 : 0.5;  // "a year and a half"
      k += 3;
    } else if (unit == kUnitYear) {
      // "5 years and 6 months", "five years, six months".
      uint32_t p = Is(k, "and") || PunctIs(text_, tokens_, k, ',') ? k + 1 : k;
      double extra = 0;
      uint32_t q = 0;
      if (ReadCount(p, &extra, &q) && Unit(q) == kUnitMonth) {
        total += extra;
        rule = "term.years_months";
        k = q + 1;
      }
    }
    if (OneOf(text_, tokens_, k, kNotTermAfter)) return false;
    int months = 0;
    if (!ToMonths(total, kUnitMonth, &months)) return false;
    bool noun = false;
    *m = TermMatch{i, Tail(k, &noun), months, rule};
    return true;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const uint32_t n_;
  const std::vector<const LexEntry*>& entries_;
  const ExpressionLexicon::Tables& tables_;
  // The next year or month word (Count).
  static bool IsYearOrMonth(const LexEntry& e) {
    return e.time == TimeKind::kUnit && (e.time_value == kUnitYear || e.time_value == kUnitMonth);
  }
  mutable NextEntry<IsYearOrMonth> next_unit_{entries_};
};

}  // namespace

std::vector<TermMatch> FindTerms(std::string_view text, const std::vector<Token>& tokens,
                                 const ExpressionLexicon& lex) {
  return FindTerms(text, tokens, Classify(text, tokens, lex.tables()), lex.tables());
}

std::vector<TermMatch> FindTerms(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<const LexEntry*>& entries,
                                 const ExpressionLexicon::Tables& tables) {
  return TermFinder(text, tokens, entries, tables).Run();
}

}  // namespace letapis
