// DecodeText: UTF-8 validation, Windows-1251/1252 detection and conversion, with a map
// from every decoded byte back to the input byte it came from.
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "letapis/text.h"
#include "text/swar.h"

namespace letapis {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

enum class Charset { kUnknown, kUtf8, kWindows1251, kWindows1252 };

const char* CharsetName(Charset charset) {
  switch (charset) {
    case Charset::kUtf8:
      return "UTF-8";
    case Charset::kWindows1251:
      return "windows-1251";
    case Charset::kWindows1252:
      return "windows-1252";
    case Charset::kUnknown:
      break;
  }
  return "";
}

// The charset a declared name stands for; kUnknown for "" and names we do not decode.
// Latin-1 and ASCII labels mean Windows-1252, as in web browsers.
Charset CharsetFromName(std::string_view declared) {
  std::string key;
  for (char c : declared) {
    if (c == '-' || c == '_' || c == ' ' || c == '"' || c == '\'') continue;
    key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (key == "utf8") return Charset::kUtf8;
  if (key == "windows1251" || key == "cp1251" || key == "win1251" || key == "xcp1251") {
    return Charset::kWindows1251;
  }
  if (key == "windows1252" || key == "cp1252" || key == "win1252" || key == "iso88591" ||
      key == "latin1" || key == "l1" || key == "usascii" || key == "ascii") {
    return Charset::kWindows1252;
  }
  return Charset::kUnknown;
}

using swar::kHigh;
using swar::kOnes;
using swar::Load8;

// True when one of the eight bytes of `v` could be a control byte: below 0x20 or 0x7F
// (may also answer true for bytes of 0x80 and above; never false for a control byte).
bool MayHoldControl(uint64_t v) {
  const uint64_t below_space = (v - 0x20 * kOnes) & ~v & kHigh;
  const uint64_t x = v ^ (0x7F * kOnes);
  const uint64_t del = (x - kOnes) & ~x & kHigh;
  return (below_space | del) != 0;
}

// Offset of the first byte where `bytes` stops being well-formed UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF included), or npos.
size_t FirstInvalidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < n) {
    if (i + 8 <= n && (Load8(p + i) & kHigh) == 0) {  // eight ASCII bytes at once
      i += 8;
      continue;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

// A control byte that text does not contain (tab, newline, vertical tab, form feed and
// carriage return are text).
bool IsBinaryControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7F;
}

// Offset of the first byte of binary data, or npos: any NUL byte, or control bytes making
// up more than one byte in a hundred (then the first of them).
size_t FindBinaryData(std::string_view bytes) {
  size_t controls = 0;
  size_t first_control = std::string_view::npos;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i + 8 <= bytes.size() && !MayHoldControl(Load8(p + i))) {  // eight text bytes at once
      i += 7;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return i;
    if (IsBinaryControl(c)) {
      if (controls++ == 0) first_control = i;
    }
  }
  return controls * 100 > bytes.size() ? first_control : std::string_view::npos;
}

// The UTF-8 form (1 to 3 bytes) of one byte of a single-byte charset; size 0 where the
// charset leaves the byte undefined (ICU maps those to C1 controls) or it is a control
// that text does not contain.
struct Utf8Char {
  char bytes[3] = {};
  uint8_t size = 0;
};
using ByteTable = std::array<Utf8Char, 256>;

ByteTable BuildTable(const char* charset) {
  ByteTable table;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset, &status);
  for (int b = 0; b < 256 && U_SUCCESS(status); ++b) {
    const char byte = static_cast<char>(b);
    UChar unit[2];
    UErrorCode byte_status = U_ZERO_ERROR;
    const int32_t units = ucnv_toUChars(converter, unit, 2, &byte, 1, &byte_status);
    if (U_FAILURE(byte_status) || units != 1) continue;
    const UChar32 c = unit[0];
    if ((c >= 0x80 && c <= 0x9F) || (c < 0x80 && IsBinaryControl(static_cast<unsigned char>(c)))) {
      continue;
    }
    int32_t length = 0;
    U8_APPEND_UNSAFE(table[b].bytes, length, c);
    table[b].size = static_cast<uint8_t>(length);
  }
  ucnv_close(converter);
  return table;
}

// The table of a single-byte charset, built once (thread-safe static initialisation).
const ByteTable& TableFor(Charset charset) {
  static const ByteTable cp1251 = BuildTable("windows-1251");
  static const ByteTable cp1252 = BuildTable("windows-1252");
  return charset == Charset::kWindows1251 ? cp1251 : cp1252;
}

// A byte that is a letter in Windows-1251: the alphabet 0xC0..0xFF plus the Belarusian,
// Ukrainian and Serbian letters and Ё/ё in 0xA1..0xBF.
bool IsCp1251Letter(unsigned char c) {
  switch (c) {
    case 0xA1:
    case 0xA2:
    case 0xA5:
    case 0xA8:
    case 0xAA:
    case 0xAF:
    case 0xB2:
    case 0xB3:
    case 0xB4:
    case 0xB8:
    case 0xBA:
    case 0xBF:
      return true;
    default:
      return c >= 0xC0;
  }
}

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Windows-1251 when the high bytes look like Cyrillic words (runs of 0xC0..0xFF letters),
// Windows-1252 when they look like accents inside Latin words or like punctuation.
Charset GuessSingleByteCharset(std::string_view bytes) {
  size_t cyrillic_pairs = 0;  // adjacent bytes that are both Windows-1251 letters
  size_t latin_accents = 0;   // 0xC0..0xFF bytes next to an ASCII letter
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    const unsigned char next = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0;
    const unsigned char previous = i > 0 ? static_cast<unsigned char>(bytes[i - 1]) : 0;
    if (IsCp1251Letter(c) && IsCp1251Letter(next)) ++cyrillic_pairs;
    if (c >= 0xC0 && (IsAsciiLetter(previous) || IsAsciiLetter(next))) ++latin_accents;
  }
  return cyrillic_pairs > latin_accents ? Charset::kWindows1251 : Charset::kWindows1252;
}

// Converts `input` from a single-byte charset. On a byte the charset does not define,
// returns false and sets `*undefined_at`.
bool DecodeSingleByte(std::string_view input, Charset charset, DecodedText* out,
                      size_t* undefined_at) {
  const ByteTable& table = TableFor(charset);
  std::string text;
  text.reserve(input.size() + input.size() / 2);
  OffsetMap map;
  for (size_t i = 0; i < input.size(); ++i) {
    const Utf8Char& utf8 = table[static_cast<unsigned char>(input[i])];
    if (utf8.size == 0) {
      *undefined_at = i;
      return false;
    }
    text.append(utf8.bytes, utf8.size);
    for (uint8_t k = 0; k < utf8.size; ++k) map.Add(static_cast<uint32_t>(i));
  }
  map.Finish(static_cast<uint32_t>(input.size()));
  out->text = std::move(text);
  out->to_input = std::move(map);
  out->encoding = CharsetName(charset);
  return true;
}

void DecodeUtf8(std::string_view input, DecodedText* out) {
  out->encoding = CharsetName(Charset::kUtf8);
  if (!input.starts_with(kUtf8Bom)) {
    out->text.assign(input);
    out->to_input = OffsetMap::Identity(static_cast<uint32_t>(input.size()));
    return;
  }
  out->text.assign(input.substr(kUtf8Bom.size()));
  OffsetMap map;
  for (size_t i = kUtf8Bom.size(); i < input.size(); ++i) map.Add(static_cast<uint32_t>(i));
  map.Finish(static_cast<uint32_t>(input.size()));
  out->to_input = std::move(map);
}

}  // namespace

Status DecodeText(std::string_view input, std::string_view declared, DecodedText* out) {
  if (input.size() > kMaxInputBytes) {
    return Status::Limit(fmt::format("input of {} bytes is over the limit of {} bytes",
                                     input.size(), kMaxInputBytes));
  }
  const size_t invalid = FirstInvalidUtf8(input);
  const size_t binary = FindBinaryData(input);
  if (binary != std::string_view::npos) {
    return Status::InvalidInput(
        invalid == std::string_view::npos
            ? fmt::format("not text (binary data at byte {})", binary)
            : fmt::format(
                  "not UTF-8 text and not a known single-byte encoding (binary data at byte {})",
                  binary));
  }
  if (invalid == std::string_view::npos) {
    DecodeUtf8(input, out);
    return Status::Ok();
  }
  if (input.starts_with(kUtf8Bom)) {
    return Status::InvalidInput(fmt::format(
        "starts with a UTF-8 byte order mark but is not UTF-8 (invalid byte at {})", invalid));
  }
  // Candidates in order: the declared single-byte charset, the guess, the other one.
  const Charset guess = GuessSingleByteCharset(input);
  const Charset other =
      guess == Charset::kWindows1251 ? Charset::kWindows1252 : Charset::kWindows1251;
  Charset candidates[3] = {CharsetFromName(declared), guess, other};
  size_t first_undefined = std::string_view::npos;
  for (Charset charset : candidates) {
    if (charset != Charset::kWindows1251 && charset != Charset::kWindows1252) continue;
    size_t undefined_at = 0;
    if (DecodeSingleByte(input, charset, out, &undefined_at)) return Status::Ok();
    if (first_undefined == std::string_view::npos) first_undefined = undefined_at;
  }
  return Status::InvalidInput(
      fmt::format("not UTF-8 text (invalid byte at {}) and not a known single-byte encoding "
                  "(undefined byte 0x{:02X} at {})",
                  invalid, static_cast<unsigned char>(input[first_undefined]), first_undefined));
}

}  // namespace letapis
