// Numbers in digits ("65,000", "1.5 million") and words ("one hundred and fifty",
// "two and a half", "tens of thousands").
#include <algorithm>
#include <charconv>
#include <cstdint>

#include "extract/expression_lexicon.h"

namespace letapis {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// What the last consumed number word was, for the word-number grammar.
enum class Last { kStart, kSmall, kTens, kHundred, kScale, kAnd, kFraction, kDozen };

// Entry of piece `k` or nullptr past the end.
const LexEntry* EntryAt(const std::string_view* p, size_t n, size_t k,
                        const ExpressionLexicon::Tables& t) {
  return k < n ? t.Find(p[k]) : nullptr;
}

bool Multiplies(const LexEntry* e) {
  return e != nullptr &&
         (e->num == NumKind::kHundred || e->num == NumKind::kScale || e->num == NumKind::kDozen);
}

// "dozens", "hundreds", "tens of thousands", "hundreds of thousands".
bool ParseVague(const std::string_view* p, size_t n, const ExpressionLexicon::Tables& t,
                const LexEntry* first, WordNumber* out) {
  const LexEntry* of_what = EntryAt(p, n, 2, t);
  if (n >= 3 && EqualsFolded(p[1], "of") && of_what != nullptr && of_what->num == NumKind::kVague &&
      of_what->num_value / 2 >= 1000) {
    *out = WordNumber{3, first->num_value * (of_what->num_value / 2), true};
    return true;
  }
  if (first->num != NumKind::kVague) return false;
  *out = WordNumber{1, first->num_value, true};
  return true;
}

}  // namespace

int PureDigits(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool ParseDigitNumber(std::string_view s, double* value) {
  if (s.empty() || s.size() > 32 || !IsDigit(s[0])) return false;
  // Groups of digits and the separators between them.
  size_t groups = 0, commas = 0, dots = 0, first_len = 0;
  bool later_groups_of_three = true;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    size_t len = i - start;
    if (len == 0) return false;
    if (groups == 0) first_len = len;
    if (groups > 0 && len != 3) later_groups_of_three = false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] == ',') {
      ++commas;
    } else if (s[i] == '.') {
      ++dots;
    } else {
      return false;
    }
    ++i;
  }
  // Whole numbers (almost all) are summed exactly; a decimal goes through from_chars,
  // which rounds correctly like strtod but without its locale lookups.
  const bool separators = commas + dots == groups - 1 && (commas == 0 || dots == 0) &&
                          first_len <= 3 && later_groups_of_three &&
                          groups > (dots > 0 ? 2u : 1u);  // "65,000", "1.300.000"
  if (groups == 1 || separators) {
    uint64_t whole = 0;
    size_t digits = 0;
    for (char c : s) {
      if (!IsDigit(c)) continue;
      whole = whole * 10 + static_cast<uint64_t>(c - '0');
      ++digits;
    }
    if (digits <= 15) {  // below 2^53: exact as a double
      *value = static_cast<double>(whole);
      return true;
    }
  }
  char buf[40];
  size_t n = 0;
  if (groups == 1) {
    for (char c : s) buf[n++] = c;
  } else if (separators) {
    for (char c : s) {
      if (IsDigit(c)) buf[n++] = c;
    }
  } else if (groups == 2 && dots == 1) {
    for (char c : s) buf[n++] = c;
  } else if (groups == 2 && commas == 1) {
    // "1,5": a decimal comma (a group of three after the comma was taken above).
    for (char c : s) buf[n++] = c == ',' ? '.' : c;
  } else {
    return false;
  }
  return std::from_chars(buf, buf + n, *value).ec == std::errc();
}

bool ParseNumberWords(const std::string_view* p, size_t n, const ExpressionLexicon::Tables& t,
                      WordNumber* out) {
  const LexEntry* first = EntryAt(p, n, 0, t);
  if (first == nullptr) return false;
  if (first->num == NumKind::kVague || first->num == NumKind::kVaguePrefix) {
    return ParseVague(p, n, t, first, out);
  }
  if (first->num == NumKind::kFraction) {
    // "half a million", "half a dozen".
    const LexEntry* scale = EntryAt(p, n, 2, t);
    if (n < 3 || !EqualsFolded(p[1], "a") || !Multiplies(scale)) return false;
    *out = WordNumber{3, first->num_value * scale->num_value, false};
    return true;
  }
  double total = 0, group = 0, last_scale = 0;
  bool vague = false;
  Last last = Last::kStart;
  size_t k = 0;
  if (first->num == NumKind::kIndefinite || first->num == NumKind::kSeveral) {
    // "a thousand", "several hundred": only before a multiplier.
    if (!Multiplies(EntryAt(p, n, 1, t))) return false;
    group = first->num_value;
    vague = first->num == NumKind::kSeveral;
    last = Last::kSmall;
    k = 1;
  }
  while (k < n && last != Last::kDozen) {
    if (EqualsFolded(p[k], "and")) {
      // "one hundred and fifty", "two and a half".
      const LexEntry* next = EntryAt(p, n, k + 1, t);
      if (next != nullptr && (last == Last::kHundred || last == Last::kScale) &&
          (next->num == NumKind::kUnit || next->num == NumKind::kTeen ||
           next->num == NumKind::kTens)) {
        last = Last::kAnd;
        ++k;
        continue;
      }
      const LexEntry* half = EntryAt(p, n, k + 2, t);
      if ((last == Last::kSmall || last == Last::kTens) && k + 2 < n &&
          EqualsFolded(p[k + 1], "a") && half != nullptr && half->num == NumKind::kFraction) {
        group += half->num_value;
        last = Last::kFraction;
        k += 3;
        continue;
      }
      break;
    }
    const LexEntry* e = t.Find(p[k]);
    if (e == nullptr) break;
    const NumKind kind = e->num;
    if (kind == NumKind::kUnit || kind == NumKind::kTeen || kind == NumKind::kTens) {
      bool after_tens = last == Last::kTens && kind == NumKind::kUnit;
      bool fresh = last == Last::kStart || last == Last::kHundred || last == Last::kScale ||
                   last == Last::kAnd;
      if (!after_tens && !fresh) break;
      group += e->num_value;
      last = kind == NumKind::kTens ? Last::kTens : Last::kSmall;
    } else if (kind == NumKind::kHundred) {
      if (group <= 0 || group >= 100 || last == Last::kFraction) break;
      group *= e->num_value;
      last = Last::kHundred;
    } else if (kind == NumKind::kScale) {
      if (group <= 0 || (last_scale != 0 && e->num_value >= last_scale)) break;
      total += group * e->num_value;
      group = 0;
      last_scale = e->num_value;
      last = Last::kScale;
    } else if (kind == NumKind::kDozen) {
      if (group <= 0 || group >= 100) break;
      group *= e->num_value;
      last = Last::kDozen;
    } else {
      break;
    }
    ++k;
  }
  if (last == Last::kStart || total + group <= 0) return false;
  *out = WordNumber{k, total + group, vague};
  return true;
}

bool ReadNumber(std::string_view text, const std::vector<Token>& tokens, uint32_t i,
                const ExpressionLexicon::Tables& tables, NumberRead* out,
                const std::vector<const LexEntry*>* entries) {
  const Token& tok = tokens[i];
  if (tok.kind == TokenKind::kNumber) {
    double value = 0;
    if (!ParseDigitNumber(tok.view(text), &value)) return false;
    *out = NumberRead{i + 1, value, false, "num.digits"};
    if (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::kWord) {
      const LexEntry* e =
          entries != nullptr ? (*entries)[i + 1] : tables.Find(tokens[i + 1].view(text));
      if (e != nullptr && (e->num == NumKind::kScale || e->num == NumKind::kHundred)) {
        *out = NumberRead{i + 2, value * e->num_value, false, "num.scale"};
      }
    }
    return true;
  }
  if (tok.kind != TokenKind::kWord) return false;
  std::string_view word = tok.view(text);
  const size_t dash =
      tok.is(kHasHyphen) ? std::find(word.begin(), word.end(), '-') - word.begin() : word.size();
  const LexEntry* head =
      entries != nullptr && dash == word.size() ? (*entries)[i] : tables.Find(word.substr(0, dash));
  if (head == nullptr || head->num == NumKind::kNone || head->num == NumKind::kCountNoun ||
      head->num == NumKind::kQuantifier) {
    return false;
  }
  // "a", "an", "several" count only before a multiplier ("a thousand"); most do not, and
  // ParseNumberWords would reject them at the next piece without needing the others.
  if ((head->num == NumKind::kIndefinite || head->num == NumKind::kSeveral) &&
      dash == word.size()) {
    const uint32_t j = i + 1;
    if (j >= tokens.size() || tokens[j].kind != TokenKind::kWord) return false;
    const std::string_view next = tokens[j].view(text);
    const size_t next_dash = tokens[j].is(kHasHyphen)
                                 ? std::find(next.begin(), next.end(), '-') - next.begin()
                                 : next.size();
    if (!Multiplies(entries != nullptr && next_dash == next.size()
                        ? (*entries)[j]
                        : tables.Find(next.substr(0, next_dash)))) {
      return false;
    }
  }
  // Pieces of this and the following word tokens, split at hyphens.
  std::string_view pieces[kMaxNumberPieces];
  uint32_t piece_token[kMaxNumberPieces];
  size_t n = 0;
  for (uint32_t j = i;
       j < tokens.size() && tokens[j].kind == TokenKind::kWord && n < kMaxNumberPieces; ++j) {
    size_t got = SplitHyphens(tokens[j].view(text), pieces + n, kMaxNumberPieces - n);
    if (got == 0) break;
    for (size_t k = n; k < n + got; ++k) piece_token[k] = j;
    n += got;
  }
  WordNumber words;
  if (n == 0 || !ParseNumberWords(pieces, n, tables, &words)) return false;
  // The number must end at a token boundary ("seven" of "seven-year" is not a number here).
  uint32_t last_token = piece_token[words.used - 1];
  if (words.used < n && piece_token[words.used] == last_token) return false;
  *out =
      NumberRead{last_token + 1, words.value, words.vague, words.vague ? "num.vague" : "num.words"};
  return true;
}

std::vector<NumberMatch> FindNumbers(std::string_view text, const std::vector<Token>& tokens,
                                     const ExpressionLexicon& lex) {
  return FindNumbers(text, tokens, Classify(text, tokens, lex.tables()), lex.tables());
}

std::vector<NumberMatch> FindNumbers(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<const LexEntry*>& entries,
                                     const ExpressionLexicon::Tables& tables) {
  std::vector<NumberMatch> out;
  for (uint32_t i = 0; i < tokens.size();) {
    // Most tokens cannot start a number: punctuation, and words in no lexicon table
    // without a hyphen (ReadNumber would look up nothing else).
    const Token& t = tokens[i];
    const bool digits = t.kind == TokenKind::kNumber;
    const bool word = t.kind == TokenKind::kWord && (entries[i] != nullptr || t.is(kHasHyphen));
    NumberRead r;
    if (!(digits || word) || !ReadNumber(text, tokens, i, tables, &r, &entries)) {
      ++i;
      continue;
    }
    out.push_back(NumberMatch{i, r.end, r.value, r.vague, r.rule});
    i = r.end;
  }
  return out;
}

}  // namespace letapis
