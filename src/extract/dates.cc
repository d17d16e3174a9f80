// Date expressions over a token stream: absolute ("14 July 2025", "July 14, 2025",
// "2025-07-14", "14.07.2025"), years ("in 2021", "since 2020"), parts of a year or month
// ("early 2023", "mid-February") and relative dates ("last October", "four years ago",
// "the following year").
//
// Rule ids:
//   date.dmy, date.mdy, date.my     day month year / month day year / month year
//   date.dm, date.md                day and month without a year (year from the anchor or
//                                   from a following "this year"/"last year")
//   date.iso, date.numeric          2025-07-14; 14.07.2025, 14/07/2025 (day first)
//   date.year, date.year_range      2021; 2020-2021 (the first year)
//   date.season                     summer 2020, the summer of 2020 (year precision)
//   date.part_of_year               early 2023, mid-2024, the end of 2024, late last year
//   date.part_of_month              mid-February, early March 2025, the beginning of May
//   date.rel.month                  in October, since March, March last year
//   date.rel.last_month, .this_month, .next_month   last October, this May, next June
//   date.rel.last_year, .this_year, .next_year      last year, this year, next year
//   date.rel.month_unit             last month, this month, next month
//   date.rel.weekday                (on) Tuesday: the latest Tuesday on or before the anchor
//   date.rel.last_weekday, .next_weekday            last Tuesday (strictly before), next Tuesday
//   date.rel.day                    yesterday, today, tomorrow
//   date.rel.ago                    four years ago, two months ago, a week ago
//   date.rel.context                the following year, that year, the next day (relative
//                                   to the previous date match of the same call)
//   date.rel.season                 last summer, this winter
//
// Precision: a relative date keeps the precision its expression names ("last October" is a
// month), except "N units ago", which keeps the anchor's precision ("four years ago" from
// 2025-07-14 is 2021-07-14) and is unknown when the unit is finer than the anchor.
//
// Bare years: a number token of exactly four digits 1900..2100 is a year unless it is a
// count: preceded by "Article"/"Art."/"Part"/"No."/"ст."/"ч." or a currency sign; or
// followed by a lower-case count noun of data/number_words.tsv ("2021 people"), or by one
// lower-case word and a count noun ("2000 political prisoners"), or preceded by a
// quantifier ("over", "than", ...) and followed by a lower-case plural ("over 2000
// detainees"). A plural alone is not enough: "the 2020 protests", "2025 marks".
#include <algorithm>
#include <cmath>

#include "extract/expression_lexicon.h"

namespace letapis {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && (year == 0 || IsLeap(year))) return 29;
  return kDays[month - 1];
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `date` moved by `months`, keeping its precision; the day is clamped to the month.
PartialDate AddMonths(PartialDate date, int months) {
  int total = date.year * 12 + (date.month - 1) + months;
  date.year = total / 12;
  date.month = total % 12 + 1;
  if (date.day > 0) date.day = std::min(date.day, DaysIn(date.year, date.month));
  return date;
}

PartialDate YearOnly(int year) { return PartialDate{year, 0, 0}; }

// One candidate match at a position: its end token and meaning.
struct Candidate {
  uint32_t end = 0;
  PartialDate date;
  bool relative = false;
  const char* rule = nullptr;
};

class DateFinder {
 public:
  DateFinder(std::string_view text, const std::vector<Token>& tokens,
             const std::vector<const LexEntry*>& entries, const PartialDate& anchor,
             const ExpressionLexicon::Tables& tables)
      : text_(text),
        tokens_(tokens),
        n_(static_cast<uint32_t>(tokens.size())),
        lex_(entries),
        tables_(tables),
        anchor_(anchor) {}

  std::vector<DateMatch> Run() {
    std::vector<DateMatch> out;
    for (uint32_t i = 0; i < n_;) {
      // Most tokens: no lexicon entry (so no range opens here) and no pattern can start.
      if (lex_[i] == nullptr && !CanStart(i)) {
        ++i;
        continue;
      }
      uint32_t j = i;
      bool range = false;
      if (Time(i) == TimeKind::kPrep && lex_[i]->time_value == 1) {
        j = i + 1;
        range = true;
      }
      Candidate best;
      if (j < n_ && CanStart(j)) Core(j, out, &best);
      if (best.rule == nullptr) {
        ++i;
        continue;
      }
      out.push_back(DateMatch{i, best.end, best.date, best.relative, range, best.rule});
      i = best.end;
    }
    return out;
  }

 private:
  // --- token predicates -------------------------------------------------------------

  // False when no pattern of Core can start at `j`: any token but a number, a word of the
  // lexicon, "the" or a hyphenated word ("mid-2024", "twenty-five").
  bool CanStart(uint32_t j) const {
    const Token& t = tokens_[j];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind != TokenKind::kWord) return false;
    if (lex_[j] != nullptr || t.is(kHasHyphen)) return true;
    static const uint64_t kThe = HashWord("the");  // "the" told by its hash first
    return t.is(kAscii) && t.lower_hash == kThe && IsWord(j, "the");
  }

  std::string_view View(uint32_t i) const { return tokens_[i].view(text_); }
  bool IsWord(uint32_t i, std::string_view lower) const { return WordIs(text_, tokens_, i, lower); }
  bool IsPunct(uint32_t i, char c) const { return PunctIs(text_, tokens_, i, c); }
  TimeKind Time(uint32_t i) const {
    return i < n_ && lex_[i] != nullptr ? lex_[i]->time : TimeKind::kNone;
  }
  int TimeValue(uint32_t i) const { return lex_[i]->time_value; }
  NumKind Num(uint32_t i) const {
    return i < n_ && lex_[i] != nullptr ? lex_[i]->num : NumKind::kNone;
  }
  bool IsLower(uint32_t i) const {
    return i < n_ && tokens_[i].kind == TokenKind::kWord && !tokens_[i].is(kCapitalized);
  }
  // Skips an optional ',' at `i`.
  uint32_t SkipComma(uint32_t i) const { return IsPunct(i, ',') ? i + 1 : i; }

  // A month name at `i` (English names capitalised); sets the index after it, which
  // skips the '.' of an abbreviation followed by a number ("Jan. 5").
  int Month(uint32_t i, uint32_t* next) const {
    if (i >= n_ || lex_[i] == nullptr || lex_[i]->month == 0) return 0;
    if (!tokens_[i].is(kCyrillic) && !tokens_[i].is(kCapitalized)) return 0;
    *next = i + 1;
    if (lex_[i]->month_abbr && IsPunct(i + 1, '.') && i + 2 < n_ &&
        tokens_[i + 2].kind == TokenKind::kNumber) {
      *next = i + 2;
    }
    return lex_[i]->month;
  }

  // A day of month at `i`: "14", "1st", "22nd", "3rd", "14th"; 0 when not.
  int Day(uint32_t i) const {
    if (i >= n_ || tokens_[i].kind != TokenKind::kNumber) return 0;
    std::string_view s = View(i);
    size_t digits = 0;
    while (digits < s.size() && IsDigit(s[digits])) ++digits;
    if (digits == 0 || digits > 2) return 0;
    std::string_view suffix = s.substr(digits);
    if (!suffix.empty() && !EqualsFolded(suffix, "st") && !EqualsFolded(suffix, "nd") &&
        !EqualsFolded(suffix, "rd") && !EqualsFolded(suffix, "th")) {
      return 0;
    }
    int day = PureDigits(s.substr(0, digits));
    return day >= 1 && day <= 31 ? day : 0;
  }

  // A four-digit year 1900..2100 at `i`; 0 when not.
  int Year(uint32_t i) const {
    if (i >= n_ || tokens_[i].kind != TokenKind::kNumber ||
        tokens_[i].end - tokens_[i].begin != 4) {
      return 0;
    }
    int y = PureDigits(View(i));
    return y >= kMinYear && y <= kMaxYear ? y : 0;
  }

  // Skips "г", "г.", "года", "году" after a year in a Cyrillic date.
  uint32_t SkipCyrillicYearWord(uint32_t i) const {
    if (i >= n_ || !tokens_[i].is(kCyrillic)) return i;
    std::string_view w = View(i);
    if (w == "г") return IsPunct(i + 1, '.') ? i + 2 : i + 1;
    if (w == "года" || w == "году") return i + 1;
    return i;
  }

  // A singular unit word ("year", not "years") at `i`.
  bool SingularUnit(uint32_t i) const {
    if (Time(i) != TimeKind::kUnit) return false;
    std::string_view w = View(i);
    return w.back() != 's' || w[w.size() - 2] == '\'';  // "year's" is singular
  }

  bool IsCountNoun(uint32_t i) const { return IsLower(i) && Num(i) == NumKind::kCountNoun; }

  // The year-versus-count heuristic described at the top of this file.
  bool YearIsCount(uint32_t i) const {
    if (i > 0) {
      uint32_t p = i - 1;
      if (tokens_[p].kind == TokenKind::kPunct) {
        std::string_view s = View(p);
        if (s == "$" || s == "#" || s == "\u20AC" || s == "\u00A3" || s == "\u2116") return true;
        if (s == "." && p > 0) --p;
      }
      for (std::string_view marker : {"article", "articles", "art", "part", "parts", "no"}) {
        if (IsWord(p, marker)) return true;
      }
      std::string_view w = View(p);
      if (w == "ст" || w == "ч" || w == "статья" || w == "статьи") return true;
    }
    if (IsCountNoun(i + 1) || (IsLower(i + 1) && IsCountNoun(i + 2))) return true;
    if (i > 0 && Num(i - 1) == NumKind::kQuantifier && IsLower(i + 1)) {
      std::string_view next = View(i + 1);
      return next.size() >= 3 && next.back() == 's' && next[next.size() - 2] != 's';
    }
    return false;
  }

  // "this year", "last year", "of last year" at `i`: sets the year (0 without anchor).
  bool ShiftYear(uint32_t i, int* year, uint32_t* end) const {
    if (IsWord(i, "of")) ++i;
    if (Time(i) != TimeKind::kShift || !SingularUnit(i + 1) || TimeValue(i + 1) != kUnitYear) {
      return false;
    }
    *year = anchor_.known() ? anchor_.year + TimeValue(i) : 0;
    *end = i + 2;
    return true;
  }

  // The year of a month named without one: the latest such month on or before the
  // anchor's month (strictly before when `strict`); 0 without an anchor month.
  int YearOfBareMonth(int month, bool strict) const {
    if (anchor_.month == 0) return 0;
    bool same_year = strict ? month < anchor_.month : month <= anchor_.month;
    return same_year ? anchor_.year : anchor_.year - 1;
  }

  // A day and month without a year ("July 13", "13 July"): the year of a following
  // "this year"/"last year", else the anchor's year.
  void FinishDayMonth(int day, int month, uint32_t end, const char* rule, Candidate* c) const {
    int year = anchor_.known() ? anchor_.year : 0;
    ShiftYear(end, &year, &end);
    c->end = end;
    c->relative = true;
    c->rule = rule;
    c->date =
        year != 0 && day <= DaysIn(year, month) ? PartialDate{year, month, day} : PartialDate{};
  }

  static void Consider(const Candidate& c, Candidate* best) {
    if (c.rule != nullptr && (best->rule == nullptr || c.end > best->end)) *best = c;
  }

  // --- absolute dates ---------------------------------------------------------------

  // "2025-07-14", "14.07.2025", "14/07/2025", "2020-2021", "2020-21": adjacent number and
  // separator tokens read as one string.
  Candidate Numeric(uint32_t i) const {
    Candidate c;
    if (tokens_[i].kind != TokenKind::kNumber) return c;
    uint32_t last = i;
    while (last + 1 < n_ && last - i < 4 && tokens_[last].end == tokens_[last + 1].begin &&
           (tokens_[last + 1].kind == TokenKind::kNumber || IsPunct(last + 1, '-') ||
            IsPunct(last + 1, '.') || IsPunct(last + 1, '/'))) {
      ++last;
    }
    for (uint32_t end = last + 1; end > i; --end) {
      if (ParseNumeric(text_.substr(tokens_[i].begin, tokens_[end - 1].end - tokens_[i].begin),
                       &c)) {
        c.end = end;
        return c;
      }
    }
    return Candidate{};
  }

  static bool ParseNumeric(std::string_view s, Candidate* c) {
    int values[3];
    size_t lens[3];
    size_t groups = 0;
    char sep = 0;
    size_t i = 0;
    while (true) {
      size_t start = i;
      int v = 0;
      while (i < s.size() && IsDigit(s[i]) && i - start < 4) v = v * 10 + (s[i++] - '0');
      if (i == start || groups == 3 || (i < s.size() && IsDigit(s[i]))) return false;
      values[groups] = v;
      lens[groups++] = i - start;
      if (i == s.size()) break;
      if ((s[i] != '-' && s[i] != '.' && s[i] != '/') || (sep != 0 && s[i] != sep)) return false;
      sep = s[i++];
    }
    if (groups == 3) {
      int y, m, d;
      if (lens[0] == 4 && lens[1] == 2 && lens[2] == 2) {
        y = values[0], m = values[1], d = values[2];
        c->rule = "date.iso";
      } else if (lens[0] <= 2 && lens[1] <= 2 && lens[2] == 4) {
        d = values[0], m = values[1], y = values[2];
        c->rule = "date.numeric";
      } else {
        return false;
      }
      if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m))
        return false;
      c->date = PartialDate{y, m, d};
      return true;
    }
    if (groups != 2 || sep == '.' || lens[0] != 4 || (lens[1] != 4 && lens[1] != 2)) return false;
    int first = values[0];
    int second = lens[1] == 4 ? values[1] : first / 100 * 100 + values[1];
    if (first < kMinYear || second > kMaxYear || second <= first) return false;
    c->date = YearOnly(first);
    c->rule = "date.year_range";
    return true;
  }

  // "14 July 2025", "14th of July, 2025", "14 July", "14 июля 2025 г.".
  Candidate DayMonthYear(uint32_t i) const {
    Candidate c;
    int day = Day(i);
    if (day == 0) return c;
    uint32_t k = IsWord(i + 1, "of") ? i + 2 : i + 1;
    uint32_t after_month = 0;
    int month = Month(k, &after_month);
    if (month == 0 || day > DaysIn(0, month)) return c;
    uint32_t y_at = SkipComma(after_month);
    if (int year = Year(y_at); year != 0 && day <= DaysIn(year, month)) {
      c.end = tokens_[k].is(kCyrillic) ? SkipCyrillicYearWord(y_at + 1) : y_at + 1;
      c.date = PartialDate{year, month, day};
      c.rule = "date.dmy";
      return c;
    }
    FinishDayMonth(day, month, after_month, "date.dm", &c);
    return c;
  }

  // "July 14, 2025", "July 14 2025", "Jan. 5th", "July 13"; "July 14 people" is not a date.
  Candidate MonthDayYear(uint32_t i) const {
    Candidate c;
    uint32_t k = 0;
    int month = Month(i, &k);
    int day = month != 0 ? Day(k) : 0;
    if (day == 0 || day > DaysIn(0, month) || IsCountNoun(k + 1)) return c;
    uint32_t y_at = SkipComma(k + 1);
    if (int year = Year(y_at); year != 0 && day <= DaysIn(year, month)) {
      c.end = y_at + 1;
      c.date = PartialDate{year, month, day};
      c.rule = "date.mdy";
      return c;
    }
    FinishDayMonth(day, month, k + 1, "date.md", &c);
    return c;
  }

  // "July 2025", "October of 2023", "июль 2025 года".
  Candidate MonthYear(uint32_t i) const {
    Candidate c;
    uint32_t k = 0;
    int month = Month(i, &k);
    if (month == 0) return c;
    if (IsWord(k, "of")) ++k;
    if (int year = Year(k); year != 0) {
      c.end = tokens_[i].is(kCyrillic) ? SkipCyrillicYearWord(k + 1) : k + 1;
      c.date = PartialDate{year, month, 0};
      c.rule = "date.my";
    }
    return c;
  }

  // A bare year, unless it counts things.
  Candidate BareYear(uint32_t i) const {
    Candidate c;
    if (int year = Year(i); year != 0 && !YearIsCount(i)) {
      c.end = i + 1;
      c.date = YearOnly(year);
      c.rule = "date.year";
    }
    return c;
  }

  // "Tuesday, 25 February 2025": a weekday before a full date joins it.
  Candidate WeekdayThenDate(uint32_t i) const {
    Candidate c;
    if (Time(i) != TimeKind::kWeekday) return c;
    uint32_t k = SkipComma(i + 1);
    if (k >= n_) return c;
    Consider(DayMonthYear(k), &c);
    Consider(MonthDayYear(k), &c);
    return c;
  }

  // "summer 2020", "the summer of 2020".
  Candidate SeasonYear(uint32_t i) const {
    Candidate c;
    if (Time(i) != TimeKind::kSeason) return c;
    uint32_t k = IsWord(i + 1, "of") ? i + 2 : i + 1;
    if (int year = Year(k); year != 0) {
      c.end = k + 1;
      c.date = YearOnly(year);
      c.rule = "date.season";
    }
    return c;
  }

  // --- parts of a year or month -----------------------------------------------------

  // What follows a part word at `k`: a year, a month (with an optional year), or "last
  // year"; `month_piece` is a month from the part word itself ("mid-February").
  Candidate AfterPart(uint32_t k, int month_piece, int year_piece) const {
    Candidate c;
    if (year_piece != 0) {
      c.end = k;
      c.date = YearOnly(year_piece);
      c.rule = "date.part_of_year";
      return c;
    }
    int month = month_piece;
    if (month == 0) {
      if (int year = Year(k); year != 0) {
        c.end = k + 1;
        c.date = YearOnly(year);
        c.rule = "date.part_of_year";
        return c;
      }
      int year = 0;
      uint32_t end = 0;
      if (ShiftYear(k, &year, &end)) {
        c.end = end;
        c.date = YearOnly(year);
        c.relative = true;
        c.rule = "date.part_of_year";
        return c;
      }
      month = Month(k, &k);
      if (month == 0) return c;
    }
    c.rule = "date.part_of_month";
    if (IsWord(k, "of") && Year(k + 1) != 0) ++k;
    if (int year = Year(k); year != 0) {
      c.end = k + 1;
      c.date = PartialDate{year, month, 0};
      return c;
    }
    int year = YearOfBareMonth(month, false);
    uint32_t end = k;
    ShiftYear(k, &year, &end);
    c.end = end;
    c.relative = true;
    c.date = year != 0 ? PartialDate{year, month, 0} : PartialDate{};
    return c;
  }

  // "early 2023", "late last year", "mid-2024", "mid-February", "early March 2025".
  Candidate Part(uint32_t i) const {
    if (Time(i) == TimeKind::kPart) return AfterPart(i + 1, 0, 0);
    if (tokens_[i].kind != TokenKind::kWord) return Candidate{};
    std::string_view pieces[2];
    if (SplitHyphens(View(i), pieces, 2) != 2) return Candidate{};
    const LexEntry* part = tables_.Find(pieces[0]);
    if (part == nullptr || part->time != TimeKind::kPart) return Candidate{};
    int year = pieces[1].size() == 4 ? PureDigits(pieces[1]) : 0;
    if (year != 0 && (year < kMinYear || year > kMaxYear)) return Candidate{};
    int month = 0;
    if (year == 0) {
      const LexEntry* m = tables_.Find(pieces[1]);
      bool capital = !pieces[1].empty() &&
                     ((pieces[1][0] >= 'A' && pieces[1][0] <= 'Z') || tokens_[i].is(kCyrillic));
      if (m == nullptr || m->month == 0 || !capital) return Candidate{};
      month = m->month;
    }
    return AfterPart(i + 1, month, year);
  }

  // "the end of 2024", "the beginning of March", "the middle of last year".
  Candidate PartOf(uint32_t i) const {
    uint32_t k = IsWord(i, "the") ? i + 1 : i;
    if (Time(k) != TimeKind::kPartOf || !IsWord(k + 1, "of") || k + 2 >= n_) return Candidate{};
    return AfterPart(k + 2, 0, 0);
  }

  // --- relative dates ---------------------------------------------------------------

  // "last October", "this May", "last Tuesday", "last year", "last month", "last summer".
  Candidate Shift(uint32_t i) const {
    Candidate c;
    if (Time(i) != TimeKind::kShift || i + 1 >= n_) return c;
    const int shift = TimeValue(i);
    c.relative = true;
    uint32_t k = 0;
    if (int month = Month(i + 1, &k); month != 0) {
      static constexpr const char* kRules[] = {"date.rel.last_month", "date.rel.this_month",
                                               "date.rel.next_month"};
      c.end = i + 2;
      c.rule = kRules[shift + 1];
      if (anchor_.month != 0) {
        int year = shift < 0    ? YearOfBareMonth(month, true)
                   : shift == 0 ? anchor_.year
                                : (month > anchor_.month ? anchor_.year : anchor_.year + 1);
        c.date = PartialDate{year, month, 0};
      }
      return c;
    }
    switch (Time(i + 1)) {
      case TimeKind::kWeekday: {
        c.end = i + 2;
        int wd = TimeValue(i + 1);
        c.rule = shift < 0   ? "date.rel.last_weekday"
                 : shift > 0 ? "date.rel.next_weekday"
                             : "date.rel.weekday";
        if (anchor_.day != 0) {
          int aw = anchor_.Weekday();
          if (shift > 0) {
            int d = (wd - aw + 7) % 7;
            c.date = anchor_.AddDays(d == 0 ? 7 : d);
          } else {
            int d = (aw - wd + 7) % 7;
            c.date = anchor_.AddDays(-(d == 0 && shift < 0 ? 7 : d));
          }
        }
        return c;
      }
      case TimeKind::kUnit: {
        if (!SingularUnit(i + 1)) return Candidate{};
        const int unit = TimeValue(i + 1);
        c.end = i + 2;
        if (unit == kUnitYear) {
          static constexpr const char* kRules[] = {"date.rel.last_year", "date.rel.this_year",
                                                   "date.rel.next_year"};
          c.rule = kRules[shift + 1];
          if (anchor_.known()) c.date = YearOnly(anchor_.year + shift);
        } else if (unit == kUnitMonth) {
          c.rule = "date.rel.month_unit";
          if (anchor_.month != 0)
            c.date = AddMonths(PartialDate{anchor_.year, anchor_.month, 0}, shift);
        } else {
          return Candidate{};
        }
        return c;
      }
      case TimeKind::kSeason: {
        // Seasons resolve to the year in which they start.
        const int start = TimeValue(i + 1);
        c.end = i + 2;
        c.rule = "date.rel.season";
        if (anchor_.month != 0) {
          bool ended = anchor_.month > start + 2;
          int year = shift == 0  ? anchor_.year
                     : shift < 0 ? (ended ? anchor_.year : anchor_.year - 1)
                                 : (anchor_.month < start ? anchor_.year : anchor_.year + 1);
          c.date = YearOnly(year);
        }
        return c;
      }
      default:
        return Candidate{};
    }
  }

  // "the following year", "that year", "the same day", "the next month", "the previous
  // year": relative to the previous date match.
  Candidate Context(uint32_t i, const std::vector<DateMatch>& found) const {
    Candidate c;
    uint32_t k = i;
    bool the = IsWord(k, "the");
    if (the) ++k;
    int shift = 0;
    if (Time(k) == TimeKind::kContext) {
      shift = TimeValue(k);
    } else if (the && IsWord(k, "next")) {
      shift = 1;
    } else {
      return c;
    }
    if (!SingularUnit(k + 1)) return c;
    const int unit = TimeValue(k + 1);
    if (unit == kUnitWeek) return c;
    c.end = k + 2;
    c.relative = true;
    c.rule = "date.rel.context";
    if (found.empty()) return c;
    const PartialDate& prev = found.back().date;
    if (unit == kUnitYear && prev.known()) {
      c.date = YearOnly(prev.year + shift);
    } else if (unit == kUnitMonth && prev.month != 0) {
      c.date = AddMonths(PartialDate{prev.year, prev.month, 0}, shift);
    } else if (unit == kUnitDay && prev.day != 0) {
      c.date = prev.AddDays(shift);
    }
    return c;
  }

  // "in October", "since March", "until June", "March last year": a month without day
  // or year after a preposition, or before "this/last year".
  Candidate BareMonth(uint32_t i) const {
    Candidate c;
    uint32_t k = 0;
    int month = Month(i, &k);
    if (month == 0) return c;
    int year = 0;
    uint32_t end = 0;
    if (ShiftYear(k, &year, &end)) {
      c.end = end;
    } else if (i > 0 && Time(i - 1) == TimeKind::kPrep) {
      c.end = i + 1;
      year = YearOfBareMonth(month, false);
    } else {
      return c;
    }
    c.relative = true;
    c.rule = "date.rel.month";
    if (year != 0) c.date = PartialDate{year, month, 0};
    return c;
  }

  // "Tuesday", "on Tuesday": the latest such weekday on or before the anchor.
  Candidate Weekday(uint32_t i) const {
    Candidate c;
    if (Time(i) != TimeKind::kWeekday) return c;
    c.end = i + 1;
    c.relative = true;
    c.rule = "date.rel.weekday";
    if (anchor_.day != 0) c.date = anchor_.AddDays(-((anchor_.Weekday() - TimeValue(i) + 7) % 7));
    return c;
  }

  // "yesterday", "today", "tomorrow", "today's".
  Candidate DayWord(uint32_t i) const {
    Candidate c;
    if (Time(i) != TimeKind::kDay) return c;
    c.end = i + 1;
    c.relative = true;
    c.rule = "date.rel.day";
    const int shift = TimeValue(i);
    if (shift == 0) {
      c.date = anchor_;
    } else if (anchor_.day != 0) {
      c.date = anchor_.AddDays(shift);
    }
    return c;
  }

  // The count before a unit in "N units ago": digits, words, "a"/"an", or the first
  // number of a range "3-4".
  bool AgoCount(uint32_t i, double* count, uint32_t* end) const {
    if (Num(i) == NumKind::kIndefinite) {
      *count = 1;
      *end = i + 1;
      return true;
    }
    if (tokens_[i].kind == TokenKind::kNumber) {
      std::string_view s = View(i);
      size_t dash = s.find('-');
      if (dash != std::string_view::npos && PureDigits(s.substr(dash + 1)) >= 0) {
        int first = PureDigits(s.substr(0, dash));
        if (first <= 0) return false;
        *count = first;
        *end = i + 1;
        return true;
      }
    }
    NumberRead r;
    if (!ReadNumber(text_, tokens_, i, tables_, &r, &lex_) || r.vague) return false;
    *count = r.value;
    *end = r.end;
    return true;
  }

  // True when an "ago" word is close enough after `i` to end "N units ago" started
  // there: within a number's longest reach plus its unit.
  bool AgoNear(uint32_t i) const { return next_ago_.From(i) - i <= kMaxNumberPieces + 1; }

  // "four years ago", "two months ago", "a week ago", "3-4 months ago".
  Candidate Ago(uint32_t i) const {
    Candidate c;
    double count = 0;
    uint32_t k = 0;
    if (!AgoNear(i) || !AgoCount(i, &count, &k) || Time(k) != TimeKind::kUnit ||
        Time(k + 1) != TimeKind::kAgo || count <= 0 || count > 1000) {
      return c;
    }
    const int unit = TimeValue(k);
    c.end = k + 2;
    c.relative = true;
    c.rule = "date.rel.ago";
    if (unit == kUnitYear || unit == kUnitMonth) {
      int months = static_cast<int>(std::lround(unit == kUnitYear ? count * 12 : count));
      if (anchor_.month != 0) {
        c.date = AddMonths(anchor_, -months);
      } else if (anchor_.known() && months % 12 == 0) {
        c.date = YearOnly(anchor_.year - months / 12);
      }
    } else if (anchor_.day != 0) {
      int days = static_cast<int>(std::lround(unit == kUnitWeek ? count * 7 : count));
      c.date = anchor_.AddDays(-days);
    }
    return c;
  }

  // --- all patterns at one position ---------------------------------------------------

  // True when, of all patterns, only "N units ago" can start at word `j`: a word without
  // a hyphen that names no month and is no time word a pattern opens with ("of", "in",
  // "a", "people"; "a week ago").
  bool OnlyAgoCanStart(uint32_t j) const {
    const Token& t = tokens_[j];
    if (t.kind != TokenKind::kWord || t.is(kHasHyphen) || lex_[j] == nullptr || IsWord(j, "the")) {
      return false;
    }
    const LexEntry& e = *lex_[j];
    return e.month == 0 && (e.time == TimeKind::kNone || e.time == TimeKind::kPrep ||
                            e.time == TimeKind::kUnit || e.time == TimeKind::kAgo);
  }

  void Core(uint32_t j, const std::vector<DateMatch>& found, Candidate* best) const {
    if (tokens_[j].kind == TokenKind::kWord && lex_[j] == nullptr && !tokens_[j].is(kHasHyphen)) {
      // "the" (CanStart lets no other such word in): "the end of 2024", "the following
      // year"; every other pattern needs a number or a word of the lexicon.
      Consider(PartOf(j), best);
      Consider(Context(j, found), best);
      return;
    }
    if (OnlyAgoCanStart(j)) {
      Consider(Ago(j), best);
      return;
    }
    Consider(Numeric(j), best);
    Consider(DayMonthYear(j), best);
    Consider(MonthDayYear(j), best);
    Consider(MonthYear(j), best);
    Consider(BareYear(j), best);
    Consider(WeekdayThenDate(j), best);
    Consider(SeasonYear(j), best);
    Consider(Part(j), best);
    Consider(PartOf(j), best);
    Consider(Shift(j), best);
    Consider(Context(j, found), best);
    Consider(BareMonth(j), best);
    Consider(Weekday(j), best);
    Consider(DayWord(j), best);
    Consider(Ago(j), best);
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const uint32_t n_;
  const std::vector<const LexEntry*>& lex_;
  const ExpressionLexicon::Tables& tables_;
  const PartialDate anchor_;
  // The next "ago" word (AgoNear).
  static bool IsAgo(const LexEntry& e) { return e.time == TimeKind::kAgo; }
  mutable NextEntry<IsAgo> next_ago_{lex_};
};

}  // namespace

std::vector<DateMatch> FindDates(std::string_view text, const std::vector<Token>& tokens,
                                 const PartialDate& anchor, const ExpressionLexicon& lex) {
  return FindDates(text, tokens, Classify(text, tokens, lex.tables()), anchor, lex.tables());
}

std::vector<DateMatch> FindDates(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<const LexEntry*>& entries,
                                 const PartialDate& anchor,
                                 const ExpressionLexicon::Tables& tables) {
  return DateFinder(text, tokens, entries, anchor, tables).Run();
}

}  // namespace letapis
