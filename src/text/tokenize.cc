#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "letapis/text.h"
#include "text/swar.h"
#include "text/word_hash.h"

namespace letapis {
namespace {

// Character classes that drive tokenisation.
enum class Class : uint8_t { kSpace, kNewline, kLetter, kDigit, kOther };

// Classes of the ASCII characters.
constexpr std::array<Class, 128> kAsciiClasses = [] {
  std::array<Class, 128> classes{};
  for (int c = 0; c < 128; ++c) {
    if (c == '\n') {
      classes[c] = Class::kNewline;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
      classes[c] = Class::kSpace;
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      classes[c] = Class::kLetter;
    } else if (c >= '0' && c <= '9') {
      classes[c] = Class::kDigit;
    } else {
      classes[c] = Class::kOther;
    }
  }
  return classes;
}();

// One decoded code point: its value (negative when ill-formed) and byte length.
struct CodePoint {
  UChar32 c = 0;
  uint32_t length = 0;
};

// Decodes and classifies the code points of a text (UTF-8; ill-formed bytes are kOther).
class Scanner {
 public:
  explicit Scanner(std::string_view text)
      : bytes_(reinterpret_cast<const uint8_t*>(text.data())),
        size_(static_cast<uint32_t>(text.size())) {}

  // Text length in bytes, and the byte at `pos` (< size()).
  uint32_t size() const { return size_; }
  uint8_t byte(uint32_t pos) const { return bytes_[pos]; }
  // Bytes [pos, pos + 8) (pos + 8 <= size()) as one word.
  uint64_t Load8(uint32_t pos) const { return swar::Load8(bytes_ + pos); }
  // Bytes [begin, end) of the text.
  std::string_view View(uint32_t begin, uint32_t end) const {
    return {reinterpret_cast<const char*>(bytes_) + begin, end - begin};
  }

  // Decodes the code point at `pos` (< size()).
  CodePoint At(uint32_t pos) const {
    if (bytes_[pos] < 0x80) return {bytes_[pos], 1};
    const uint32_t left = size_ - pos;
    const int32_t window = static_cast<int32_t>(left < 4 ? left : 4);
    int32_t k = 0;
    UChar32 c;
    U8_NEXT(bytes_ + pos, k, window, c);
    return {c, static_cast<uint32_t>(k)};
  }

  // Class of the code point at `pos`; kOther past the end.
  Class ClassAt(uint32_t pos) const { return pos < size_ ? ClassOf(At(pos).c) : Class::kOther; }

  // Class of code point `c` (negative for an ill-formed sequence).
  static Class ClassOf(UChar32 c) {
    if (c < 0x80) return c < 0 ? Class::kOther : kAsciiClasses[c];
    if (u_isalpha(c)) return Class::kLetter;
    switch (u_charType(c)) {
      case U_NON_SPACING_MARK:
      case U_COMBINING_SPACING_MARK:
      case U_ENCLOSING_MARK:
        return Class::kLetter;
      case U_DECIMAL_DIGIT_NUMBER:
        return Class::kDigit;
      default:
        return u_isUWhiteSpace(c) ? Class::kSpace : Class::kOther;
    }
  }

 private:
  const uint8_t* bytes_;
  uint32_t size_;
};

// Accumulates the case and script flags of a word's letters.
struct LetterFlags {
  uint32_t letters = 0;
  uint32_t upper = 0;
  bool lower = false;
  bool cyrillic = false;

  void Add(UChar32 c) {
    ++letters;
    if (c >= 0x0400 && c <= 0x04FF) cyrillic = true;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') ++upper;
      if (c >= 'a' && c <= 'z') lower = true;
    } else if (u_isupper(c) || u_istitle(c)) {
      ++upper;
    } else if (u_islower(c)) {
      lower = true;
    }
  }
  uint8_t Flags() const {
    uint8_t flags = cyrillic ? kCyrillic : 0;
    if (upper >= 2 && !lower) flags |= kAllCaps;
    return flags;
  }
};

// True for an upper or title case letter.
bool IsUpperInitial(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) || u_istitle(c);
}

// Scans any word starting at `begin` (a letter or mark) into `token`: non-ASCII letters,
// digits and inner "'", "." or "-".
void ScanWordSlow(const Scanner& s, uint32_t begin, Token* token) {
  uint8_t flags = 0;
  LetterFlags letters;
  uint32_t pos = begin;
  while (pos < s.size()) {
    const uint8_t b = s.byte(pos);
    if (b < 0x80 && kAsciiClasses[b] == Class::kLetter) {  // the common case, inlined
      ++letters.letters;
      if (b <= 'Z') {
        ++letters.upper;
      } else {
        letters.lower = true;
      }
      ++pos;
      continue;
    }
    const CodePoint cp = s.At(pos);
    const Class cls = Scanner::ClassOf(cp.c);
    if (cls == Class::kLetter) {
      letters.Add(cp.c);
    } else if (cls == Class::kDigit) {
      flags |= kHasDigit;
    } else if (cp.c == '\'' || cp.c == '.' || cp.c == '-') {
      const Class next = s.ClassAt(pos + 1);
      if (next != Class::kLetter && !(cp.c == '-' && next == Class::kDigit)) break;
      if (cp.c == '-') flags |= kHasHyphen;
    } else {
      break;
    }
    pos += cp.length;
  }
  flags |= letters.Flags();
  if (IsUpperInitial(s.At(begin).c)) flags |= kCapitalized;
  bool ascii = false;
  const uint64_t lower_hash = HashWordAsciiLower(s.View(begin, pos), &ascii);
  if (ascii) flags |= kAscii;
  token->begin = begin;
  token->end = pos;
  token->kind = TokenKind::kWord;
  token->flags = flags;
  token->lower_hash = ascii ? lower_hash : 0;
}

// True for an ASCII byte after a run of letters that may continue the word: a digit, or
// "'", "." or "-" (which continue it when a letter follows).
bool MayContinueWord(uint8_t b) {
  return kAsciiClasses[b] == Class::kDigit || b == '\'' || b == '.' || b == '-';
}

// Scans a word starting at `begin` (a letter or mark) into `token`. Tokens are written in
// place, field by field: a Token assembled on the stack and copied into the vector costs
// a store-forwarding stall per token.
void ScanWord(const Scanner& s, uint32_t begin, Token* token) {
  // The common case: ASCII letters up to an ASCII byte that ends the word. Its case flags
  // come from the pass that hashes it.
  uint32_t pos = begin;
  while (pos + 8 <= s.size()) {
    const uint64_t others = ~swar::AsciiLetters(s.Load8(pos)) & swar::kHigh;
    if (others != 0) {
      pos += swar::FirstMarked(others);
      break;
    }
    pos += 8;
  }
  if (pos + 8 > s.size()) {
    while (pos < s.size() && s.byte(pos) < 0x80 && kAsciiClasses[s.byte(pos)] == Class::kLetter) {
      ++pos;
    }
  }
  if (pos == s.size() || (s.byte(pos) < 0x80 && !MayContinueWord(s.byte(pos)))) {
    const uint32_t length = pos - begin;
    bool ascii = false;
    uint32_t capitals = 0;
    const std::string_view word = s.View(begin, pos);
    token->lower_hash =
        HashWordAsciiLowerInBuffer(word.data(), length, s.size() - begin, &ascii, &capitals);
    uint8_t flags = kAscii;
    if (capitals >= 2 && capitals == length) flags |= kAllCaps;
    if (s.byte(begin) <= 'Z') flags |= kCapitalized;
    token->begin = begin;
    token->end = pos;
    token->kind = TokenKind::kWord;
    token->flags = flags;
    return;
  }
  ScanWordSlow(s, begin, token);
}

// Scans a number starting at `begin` (a digit): digits with inner ',', '.' or '-' between
// digits, then an optional letter suffix ("1980s", "10th"), into `token`.
void ScanNumber(const Scanner& s, uint32_t begin, Token* token) {
  uint32_t pos = begin;
  while (pos < s.size()) {
    const CodePoint cp = s.At(pos);
    const Class cls = Scanner::ClassOf(cp.c);
    if (cls == Class::kDigit) {
      pos += cp.length;
    } else if ((cp.c == ',' || cp.c == '.' || cp.c == '-') && s.ClassAt(pos + 1) == Class::kDigit) {
      pos += 1;
    } else {
      break;
    }
  }
  LetterFlags letters;
  while (pos < s.size()) {
    const CodePoint cp = s.At(pos);
    if (Scanner::ClassOf(cp.c) != Class::kLetter) break;
    letters.Add(cp.c);
    pos += cp.length;
  }
  token->begin = begin;
  token->end = pos;
  token->kind = TokenKind::kNumber;
  token->flags = letters.cyrillic ? kHasDigit | kCyrillic : kHasDigit;
}

// Scans a run of newlines (with blanks between) starting at `begin` (a '\n') into `token`.
void ScanNewlines(const Scanner& s, uint32_t begin, Token* token) {
  uint32_t end = begin + 1;
  uint32_t newlines = 1;
  for (uint32_t pos = begin + 1; pos < s.size(); ++pos) {
    const uint8_t b = s.byte(pos);
    if (b == '\n') {
      ++newlines;
      end = pos + 1;
    } else if (b != ' ' && b != '\t' && b != '\r') {
      break;
    }
  }
  token->begin = begin;
  token->end = end;
  token->kind = TokenKind::kNewline;
  token->flags = newlines >= 2 ? kParagraphEnd : 0;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  const Scanner s(text);
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4);
  uint32_t pos = 0;
  while (pos < s.size()) {
    const CodePoint cp = s.At(pos);
    switch (Scanner::ClassOf(cp.c)) {
      case Class::kSpace:
        pos += cp.length;
        continue;
      case Class::kNewline:
        ScanNewlines(s, pos, &tokens.emplace_back());
        break;
      case Class::kLetter:
        ScanWord(s, pos, &tokens.emplace_back());
        pos = tokens.back().end;
        if (pos < s.size() && s.byte(pos) == ' ') ++pos;  // the space after most words
        continue;
      case Class::kDigit:
        ScanNumber(s, pos, &tokens.emplace_back());
        break;
      case Class::kOther: {
        Token& punct = tokens.emplace_back();
        punct.begin = pos;
        punct.end = pos + cp.length;
        punct.kind = TokenKind::kPunct;
        break;
      }
    }
    pos = tokens.back().end;
  }
  return tokens;
}

}  // namespace letapis
