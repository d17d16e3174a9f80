#include <array>

#include "letapis/text.h"

namespace letapis {
namespace {

// Words that, followed by '.', do not end a sentence (case-sensitive).
constexpr std::array<std::string_view, 41> kAbbreviations = {
    "Mr",   "Mrs", "Ms",  "Dr",  "St",   "Prof", "Gen",  "Col",   "Lt",  "Sgt", "Rev",
    "Jr",   "Sr",  "No",  "Art", "Nos",  "vs",   "etc",  "Jan",   "Feb", "Mar", "Apr",
    "Jun",  "Jul", "Aug", "Sep", "Sept", "Oct",  "Nov",  "Dec",   "Gov", "Sen", "Rep",
    "Capt", "Maj", "Cpt", "Inc", "Ltd",  "Co",   "Corp", "approx"};

// A single line of a headline or dateline has at most this many tokens.
constexpr uint32_t kMaxShortLineTokens = 12;

// Finds sentence boundaries in one pass over the tokens.
class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens), n_(static_cast<uint32_t>(tokens.size())) {}

  // Returns the sentences; call once.
  std::vector<Sentence> Run() {
    uint32_t start = 0;
    uint32_t line_start = 0;
    uint32_t i = 0;
    while (i < n_) {
      const Token& t = tokens_[i];
      if (t.kind == TokenKind::kNewline) {
        if (t.is(kParagraphEnd) || IsLineBreakBoundary(line_start, i)) {
          Emit(start, i);
          start = i + 1;
        }
        line_start = ++i;
        continue;
      }
      if (!IsTerminal(i)) {
        ++i;
        continue;
      }
      const uint32_t end = EndOfTerminalRun(i);
      if (IsSentenceEnd(start, i, end)) {
        Emit(start, end);
        start = end;
      }
      i = end;
    }
    Emit(start, n_);
    return std::move(sentences_);
  }

 private:
  // Token `i` is the one-byte punctuation `c`; a terminal is '.', '!' or '?'; adjacent
  // means no space before token `i`.
  bool IsPunct(uint32_t i, char c) const {
    const Token& t = tokens_[i];
    return t.kind == TokenKind::kPunct && t.end - t.begin == 1 && text_[t.begin] == c;
  }
  bool IsTerminal(uint32_t i) const {
    return IsPunct(i, '.') || IsPunct(i, '!') || IsPunct(i, '?');
  }
  bool Adjacent(uint32_t i) const { return tokens_[i - 1].end == tokens_[i].begin; }

  // One past the terminal punctuation at `i`, further adjacent terminals ("?!", "...") and
  // adjacent closing quotes or brackets.
  uint32_t EndOfTerminalRun(uint32_t i) const {
    uint32_t end = i + 1;
    while (end < n_ && IsTerminal(end) && Adjacent(end)) ++end;
    while (end < n_ && (IsPunct(end, '"') || IsPunct(end, ')') || IsPunct(end, '\'')) &&
           Adjacent(end)) {
      ++end;
    }
    return end;
  }

  // True when the word before the '.' at `dot` makes it an abbreviation or initial.
  bool IsAbbreviationDot(uint32_t dot) const {
    if (dot == 0 || !Adjacent(dot)) return false;
    const Token& word = tokens_[dot - 1];
    if (word.kind != TokenKind::kWord) return false;
    const std::string_view v = word.view(text_);
    if (v.find('.') != std::string_view::npos) return true;          // "U.S", "e.g"
    if (word.is(kCapitalized) && IsSingleCodePoint(v)) return true;  // initial "A."
    for (std::string_view a : kAbbreviations) {
      if (v == a) return true;
    }
    return false;
  }

  // True when `v` (non-empty) is one UTF-8 code point.
  static bool IsSingleCodePoint(std::string_view v) {
    const auto lead = static_cast<unsigned char>(v[0]);
    const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return v.size() == len;
  }

  // Whether terminal punctuation tokens [term, end) close the sentence begun at `start`.
  bool IsSentenceEnd(uint32_t start, uint32_t term, uint32_t end) const {
    if (IsPunct(term, '.') && end == term + 1 && IsAbbreviationDot(term)) return false;
    // A list marker such as "1." alone is not a sentence.
    if (IsPunct(term, '.') && term == start + 1 && tokens_[start].kind == TokenKind::kNumber) {
      return false;
    }
    uint32_t next = end;
    while (next < n_ && tokens_[next].kind == TokenKind::kNewline) {
      if (tokens_[next].is(kParagraphEnd)) return false;  // the paragraph break splits
      ++next;
    }
    if (next == n_) return false;  // the final sentence is emitted at the end
    const Token& t = tokens_[next];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind == TokenKind::kWord) return t.is(kCapitalized);
    return IsPunct(next, '"') || IsPunct(next, '\'') || IsPunct(next, '(') || IsPunct(next, '[');
  }

  // Whether the single line break at `newline` ends a short unpunctuated line (a headline
  // or dateline) followed by a capitalised line.
  bool IsLineBreakBoundary(uint32_t line_start, uint32_t newline) const {
    if (newline == line_start || newline - line_start > kMaxShortLineTokens) return false;
    if (newline + 1 >= n_) return false;
    const Token& next = tokens_[newline + 1];
    if (next.kind != TokenKind::kWord || !next.is(kCapitalized)) return false;
    const uint32_t last = newline - 1;
    const TokenKind kind = tokens_[last].kind;
    return kind == TokenKind::kWord || kind == TokenKind::kNumber || IsPunct(last, '"') ||
           IsPunct(last, ')');
  }

  // Appends tokens [first, last) without newline tokens at the edges, if any remain.
  void Emit(uint32_t first, uint32_t last) {
    while (first < last && tokens_[first].kind == TokenKind::kNewline) ++first;
    while (last > first && tokens_[last - 1].kind == TokenKind::kNewline) --last;
    if (first < last) sentences_.push_back(Sentence{first, last});
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  uint32_t n_;
  std::vector<Sentence> sentences_;
};

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens) {
  return Splitter(text, tokens).Run();
}

}  // namespace letapis
