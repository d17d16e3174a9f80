#include "text/html_text_sink.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace letapis {
namespace {

// Longest character reference name the scan considers ("&CounterClockwiseContour...;").
constexpr size_t kMaxReferenceLength = 40;
// Bytes compared after a reference to confirm where it ended.
constexpr size_t kConfirmBytes = 8;

// A stretch of decoded text and the HTML bytes it came from.
struct Piece {
  size_t decoded_length = 0;
  size_t original_length = 0;
  bool verbatim = false;  // the HTML holds the same bytes
};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Length of the UTF-8 sequence starting at s[i] (1 for a stray byte), within s.
size_t CharLength(std::string_view s, size_t i) {
  const unsigned char lead = static_cast<unsigned char>(s[i]);
  const size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(length, s.size() - i);
}

// Length of the (possibly malformed) UTF-8 sequence at s[i], as a decoder consumes it.
size_t SourceCharLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t next = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, next, static_cast<int32_t>(s.size()), c);
  (void)c;
  return static_cast<size_t>(next) - i;
}

// True when original[o...] and decoded[d...] agree for a few bytes (or up to the next
// byte that needs its own alignment), i.e. a reference ending at `o` and decoded into
// the bytes before `d` leaves the two in step.
bool InStep(std::string_view original, size_t o, std::string_view decoded, size_t d) {
  for (size_t k = 0; k < kConfirmBytes; ++k, ++o, ++d) {
    if (d >= decoded.size()) return true;
    if (o >= original.size()) return false;
    const char c = original[o];
    if (c == '&' || c == '\r' || c == '\0') return true;
    if (c != decoded[d]) return false;
  }
  return true;
}

// The character reference candidates at original[o] == '&': for a numeric reference its
// full length; for a named one, lengths from the longest name down (legacy names may end
// without ';' and match a prefix). Empty when no reference can start here.
std::vector<size_t> ReferenceLengths(std::string_view original, size_t o) {
  size_t i = o + 1;
  std::vector<size_t> lengths;
  if (i < original.size() && original[i] == '#') {
    ++i;
    const bool hex = i < original.size() && (original[i] == 'x' || original[i] == 'X');
    if (hex) ++i;
    const size_t digits_start = i;
    while (i < original.size() && (hex ? IsHexDigit(original[i]) : IsDigit(original[i]))) ++i;
    if (i == digits_start) return lengths;
    if (i < original.size() && original[i] == ';') ++i;
    lengths.push_back(i - o);
    return lengths;
  }
  if (i >= original.size() || !IsAsciiAlpha(original[i])) return lengths;
  while (i < original.size() && i - o < kMaxReferenceLength &&
         (IsAsciiAlpha(original[i]) || IsDigit(original[i]))) {
    ++i;
  }
  if (i < original.size() && original[i] == ';') ++i;
  for (size_t length = i - o; length >= 2; --length) lengths.push_back(length);
  return lengths;
}

// A character reference at original[o] == '&' decoded into the `produced` bytes at
// decoded[d], or nullopt when no reference length fits.
std::optional<Piece> MatchReference(std::string_view original, size_t o, std::string_view decoded,
                                    size_t d, size_t produced) {
  for (size_t length : ReferenceLengths(original, o)) {
    if (InStep(original, o + length, decoded, d + produced)) {
      return Piece{produced, length, false};
    }
  }
  return std::nullopt;
}

// The alignment at original[o] == '&': a reference decoded into one character, else a
// literal '&' ("AT&T"), else a reference decoded into two characters. One character
// before two: "&copy2024" is "&copy" and "2024", not "&copy2" and "©2".
std::optional<Piece> MatchAmpersand(std::string_view original, size_t o, std::string_view decoded,
                                    size_t d) {
  const size_t first = CharLength(decoded, d);
  if (auto reference = MatchReference(original, o, decoded, d, first)) return reference;
  if (decoded[d] == '&' && InStep(original, o + 1, decoded, d + 1)) return Piece{1, 1, true};
  if (d + first >= decoded.size()) return std::nullopt;
  return MatchReference(original, o, decoded, d, first + CharLength(decoded, d + first));
}

// The next piece of `decoded` at `d`, given that `original` is consumed up to `o`.
Piece NextPiece(std::string_view original, size_t o, std::string_view decoded, size_t d) {
  const size_t length = CharLength(decoded, d);
  if (o >= original.size()) return Piece{length, 0, false};
  const char c = original[o];
  if (c == '&') {
    if (auto piece = MatchAmpersand(original, o, decoded, d)) return *piece;
  }
  if (c != '\r' && original.substr(o, length) == decoded.substr(d, length)) {
    return Piece{length, length, true};
  }
  if (c == '\r' && decoded[d] == '\n') {
    return Piece{1, o + 1 < original.size() && original[o + 1] == '\n' ? 2u : 1u, false};
  }
  if (c == '\n' || c == '\0') return Piece{0, 1, false};  // dropped by the parser
  // A replaced character (U+FFFD for a malformed sequence): consume one source character.
  return Piece{length, SourceCharLength(original, o), false};
}

}  // namespace

void HtmlTextSink::AppendTextNode(std::string_view decoded, std::string_view original,
                                  uint32_t base, bool preformatted) {
  size_t o = 0;
  size_t d = 0;
  while (d < decoded.size()) {
    const Piece piece = NextPiece(original, o, decoded, d);
    const uint32_t source = base + static_cast<uint32_t>(o);
    const uint32_t piece_end = base + static_cast<uint32_t>(o + piece.original_length);
    for (size_t k = 0; k < piece.decoded_length;) {
      const size_t length = CharLength(decoded, d + k);
      const std::string_view ch = decoded.substr(d + k, length);
      const uint32_t at = piece.verbatim ? source + static_cast<uint32_t>(k) : source;
      const uint32_t at_end = piece.verbatim ? at + static_cast<uint32_t>(length) : piece_end;
      if (length == 1 && IsHtmlSpace(ch[0]) && !preformatted) {
        Space(at);
      } else {
        Char(ch, at, at_end, piece.verbatim);
      }
      k += length;
    }
    o += piece.original_length;
    d += piece.decoded_length;
  }
}

void HtmlTextSink::Break(int lines) {
  if (text_.empty()) return;
  pending_lines_ = std::max(pending_lines_, lines);
  pending_space_ = false;
}

void HtmlTextSink::LineBreak() {
  if (text_.empty()) return;
  pending_lines_ = std::min(pending_lines_ + 1, 2);
  pending_space_ = false;
}

void HtmlTextSink::Space(uint32_t source) {
  if (text_.empty() || pending_lines_ > 0 || pending_space_ || text_.back() == '\n') return;
  pending_space_ = true;
  space_source_ = source;
}

void HtmlTextSink::Finish() { map_.Finish(end_); }

void HtmlTextSink::Char(std::string_view bytes, uint32_t source, uint32_t source_end,
                        bool verbatim) {
  FlushPending();
  for (size_t k = 0; k < bytes.size(); ++k) {
    text_.push_back(bytes[k]);
    map_.Add(verbatim ? source + static_cast<uint32_t>(k) : source);
  }
  end_ = source_end;
}

void HtmlTextSink::FlushPending() {
  if (!text_.empty()) {
    int trailing = 0;  // newlines already ending the text (from preformatted content)
    while (trailing < 2 && static_cast<size_t>(trailing) < text_.size() &&
           text_[text_.size() - 1 - trailing] == '\n') {
      ++trailing;
    }
    for (int k = trailing; k < pending_lines_; ++k) {
      text_.push_back('\n');
      map_.Add(end_);
    }
    if (pending_lines_ == 0 && pending_space_) {
      text_.push_back(' ');
      map_.Add(space_source_);
    }
  }
  pending_lines_ = 0;
  pending_space_ = false;
}

}  // namespace letapis
