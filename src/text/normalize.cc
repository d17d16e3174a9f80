#include "letapis/text.h"
#include "text/swar.h"

namespace letapis {
namespace {

// What Normalize does with one input code point.
enum class Fold : uint8_t {
  kKeep,
  kDrop,
  kSpace,
  kNewline,
  kParagraph,
  kDoubleQuote,
  kQuote,
  kDash
};

Fold FoldOf(uint32_t cp) {
  switch (cp) {
    case '\t':
    case '\v':
    case '\f':
    case 0x00A0:  // no-break space
    case 0x1680:
    case 0x202F:  // narrow no-break space
    case 0x205F:
    case 0x3000:
      return Fold::kSpace;
    case 0x0085:  // next line
    case 0x2028:  // line separator
      return Fold::kNewline;
    case 0x2029:  // paragraph separator
      return Fold::kParagraph;
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space, non-joiner, joiner
    case 0x200C:
    case 0x200D:
    case 0x2060:  // word joiner
    case 0xFEFF:  // zero-width no-break space (BOM)
      return Fold::kDrop;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:  // double prime
      return Fold::kDoubleQuote;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:  // prime
      return Fold::kQuote;
    case 0x2010:  // hyphen, non-breaking hyphen, figure dash, en dash, em dash, bar
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:  // minus sign
      return Fold::kDash;
    default:
      return cp >= 0x2000 && cp <= 0x200A ? Fold::kSpace : Fold::kKeep;
  }
}

// Length of the UTF-8 sequence led by `lead`; 1 for a stray continuation byte.
uint32_t SequenceLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Builds the normalised text and its map one output byte at a time.
class Builder {
 public:
  explicit Builder(size_t capacity) {
    out_.text.reserve(capacity);
    out_.to_input.Reserve(capacity);
  }
  void Put(char c, uint32_t source) {
    out_.text.push_back(c);
    out_.to_input.Add(source);
  }
  // Copies `run`, which starts at input offset `source`, unchanged.
  void PutRun(std::string_view run, uint32_t source) {
    out_.text.append(run);
    out_.to_input.AddRun(source, static_cast<uint32_t>(run.size()));
  }
  // Appends a space unless the output already ends with one.
  void Space(uint32_t source) {
    if (out_.text.empty() || out_.text.back() != ' ') Put(' ', source);
  }
  NormalizedText Finish(uint32_t end) {
    out_.to_input.Finish(end);
    return std::move(out_);
  }

 private:
  NormalizedText out_;
};

// An ASCII byte that Normalize copies unchanged (everything but spaces and tabs, which
// collapse, and carriage returns, which become newlines).
bool IsCopiedAscii(unsigned char c) {
  return c < 0x80 && c != ' ' && c != '\r' && c != '\t' && c != '\v' && c != '\f';
}

// End of the run of bytes from `i` (before `limit`) that Normalize copies unchanged:
// copied ASCII bytes and single spaces between them.
uint32_t CopiedRunEnd(const unsigned char* bytes, uint32_t i, uint32_t limit) {
  uint32_t j = i;
  while (j < limit) {
    if (j + 8 <= limit) {
      // Eight bytes at once while none is outside printable ASCII or a space after a
      // space (or opening the run); the byte test below decides the first one that is.
      const uint64_t v = swar::Load8(bytes + j);
      const uint64_t spaces = swar::Equal(v, ' ');
      const bool space_before = j == i || bytes[j - 1] == ' ';
      const uint64_t stop = swar::NonAscii(v) | swar::AsciiInRange(v, 0, 0x1F) |
                            (spaces & ((spaces << 8) | (space_before ? 0x80 : 0)));
      if (stop == 0) {
        j += 8;
        continue;
      }
      j += swar::FirstMarked(stop);
    }
    const unsigned char c = bytes[j];
    if (IsCopiedAscii(c) || (c == ' ' && j > i && bytes[j - 1] != ' ')) {
      ++j;
      continue;
    }
    break;
  }
  return j;
}

}  // namespace

// Skip ranges are clamped to the text and widened to whole characters; empty ranges are
// ignored and a range overlapping an earlier one skips only its remainder. Bytes that do
// not decode as UTF-8 are copied unchanged.
NormalizedText Normalize(std::string_view text, const std::vector<Span>& skip) {
  const uint32_t n = static_cast<uint32_t>(text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  Builder out(text.size());
  size_t next_skip = 0;
  uint32_t i = 0;
  while (i < n) {
    while (next_skip < skip.size() && skip[next_skip].end <= i) ++next_skip;
    if (next_skip < skip.size() && skip[next_skip].begin <= i) {
      out.Put('\n', i);
      out.Put('\n', i);
      i = skip[next_skip].end < n ? skip[next_skip].end : n;
      while (i < n && (bytes[i] & 0xC0) == 0x80) ++i;  // never resume inside a character
      continue;
    }
    const unsigned char c = bytes[i];
    if (IsCopiedAscii(c)) {
      // The common case, a run of plain ASCII text: copied in one piece.
      const uint32_t limit =
          next_skip < skip.size() && skip[next_skip].begin < n ? skip[next_skip].begin : n;
      const uint32_t end = CopiedRunEnd(bytes, i, limit);
      out.PutRun(text.substr(i, end - i), i);
      i = end;
      continue;
    }
    if (c < 0x80) {
      if (c == ' ') {
        out.Space(i);
      } else if (c == '\r') {
        out.Put('\n', i);
        if (i + 1 < n && bytes[i + 1] == '\n') ++i;
      } else if (c == '\t' || c == '\v' || c == '\f') {
        out.Space(i);
      } else {
        out.Put(static_cast<char>(c), i);
      }
      ++i;
      continue;
    }
    const uint32_t len = SequenceLength(c);
    if (len == 1 || i + len > n) {
      out.Put(static_cast<char>(c), i);
      ++i;
      continue;
    }
    uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    uint32_t k = 1;
    for (; k < len && (bytes[i + k] & 0xC0) == 0x80; ++k) cp = (cp << 6) | (bytes[i + k] & 0x3F);
    if (k < len) {
      out.Put(static_cast<char>(c), i);
      ++i;
      continue;
    }
    switch (FoldOf(cp)) {
      case Fold::kKeep:
        for (k = 0; k < len; ++k) out.Put(static_cast<char>(bytes[i + k]), i + k);
        break;
      case Fold::kDrop:
        break;
      case Fold::kSpace:
        out.Space(i);
        break;
      case Fold::kNewline:
        out.Put('\n', i);
        break;
      case Fold::kParagraph:
        out.Put('\n', i);
        out.Put('\n', i);
        break;
      case Fold::kDoubleQuote:
        out.Put('"', i);
        break;
      case Fold::kQuote:
        out.Put('\'', i);
        break;
      case Fold::kDash:
        out.Put('-', i);
        break;
    }
    i += len;
  }
  return out.Finish(n);
}

}  // namespace letapis
