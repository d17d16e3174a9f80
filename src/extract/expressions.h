// Dates, numbers, sentence terms and criminal-code articles found over a token stream.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "letapis/date.h"
#include "letapis/status.h"
#include "letapis/text.h"

namespace letapis {

// A date expression: tokens [first, end) of the stream.
struct DateMatch {
  uint32_t first = 0, end = 0;
  PartialDate date;       // resolved date; unknown when relative and no anchor was known
  bool relative = false;  // "last October", "on Tuesday", "four years ago", "this year"
  bool is_range_or_duration_start = false;  // "since 2020", "from May" (still a date)
  std::string rule;                         // id, e.g. "date.dmy", "date.rel.last_month"
};

// A number: digits ("65,000", "1.5"), words ("seven", "two and a half", "a thousand"),
// digits with a scale ("1.5 million"), and vague counts ("dozens", "hundreds of").
struct NumberMatch {
  uint32_t first = 0, end = 0;
  double value = 0;
  bool vague = false;  // "dozens", "hundreds", "thousands": value is the lower bound
  std::string rule;
};

// A prison or detention term: "seven years", "10 years", "two and a half years",
// "18 months", "nine years' imprisonment", "a seven-year sentence".
struct TermMatch {
  uint32_t first = 0, end = 0;
  int months = 0;
  std::string rule;
};

// A criminal-code article reference: "Article 342", "Art. 342", "Part 2 of Article 361-1",
// "Articles 342 and 369" (one match, all numbers), "ч. 1 ст. 342".
struct ArticleMatch {
  uint32_t first = 0, end = 0;
  std::vector<std::string> articles;  // "342", "361-1 part 2"
  std::string rule;
};

// The lexicons these finders use (month names, weekdays, number words, vague counts,
// relative-time words), loaded from data/.
class ExpressionLexicon {
 public:
  // Loads data/months.tsv, data/number_words.tsv and data/time_words.tsv from `data_dir`.
  static Status Load(const std::string& data_dir, ExpressionLexicon* out);
  // Opaque tables; defined in expression_lexicon.h.
  struct Tables;
  ExpressionLexicon();
  ~ExpressionLexicon();
  ExpressionLexicon(ExpressionLexicon&&) noexcept;
  ExpressionLexicon& operator=(ExpressionLexicon&&) noexcept;
  const Tables& tables() const { return *tables_; }

 private:
  std::unique_ptr<Tables> tables_;
};

// All date expressions, in token order, non-overlapping (longest match wins). Relative
// expressions are resolved against `anchor` (publication date) when it is known:
// "last October" = the latest October strictly before the anchor month; "on Tuesday" =
// the latest Tuesday on or before the anchor (a past-tense reading); "four years ago" =
// anchor minus four years; "this year" / "May 23 this year" = anchor's year; "in early
// 2023" / "mid-February" keep year (and month) precision. A bare year 1900..2100 counts
// as a date when not followed by a noun that makes it a count ("2021 people").
std::vector<DateMatch> FindDates(std::string_view text, const std::vector<Token>& tokens,
                                 const PartialDate& anchor, const ExpressionLexicon& lex);

// All numbers in token order, non-overlapping. Years, article numbers and dates are
// included as numbers here; callers decide what a number means.
std::vector<NumberMatch> FindNumbers(std::string_view text, const std::vector<Token>& tokens,
                                     const ExpressionLexicon& lex);

// All sentence terms in token order.
std::vector<TermMatch> FindTerms(std::string_view text, const std::vector<Token>& tokens,
                                 const ExpressionLexicon& lex);

// All criminal-code article references in token order.
std::vector<ArticleMatch> FindArticles(std::string_view text, const std::vector<Token>& tokens);

}  // namespace letapis
