// DecodeText: UTF-8 validation, BOM removal, Windows-1251/1252 detection and conversion.
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <array>
#include <mutex>
#include <string>

#include <fmt/format.h>

#include "letapis/text.h"

namespace letapis {
namespace {

// Offset of the first byte that breaks UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
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

// Offset of the first byte that marks binary data (NUL, or control bytes other than
// tab, newline, carriage return, form feed and escape), or npos.
size_t FirstBinaryByte(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return i;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B && c != '\v') {
      return i;
    }
  }
  return std::string_view::npos;
}

// The 256 code points of a single-byte charset, built once per charset via ICU.
using ByteTable = std::array<UChar32, 256>;

bool BuildTable(const char* charset, ByteTable* table) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return false;
  for (int b = 0; b < 256; ++b) {
    const char byte = static_cast<char>(b);
    UChar out[4];
    status = U_ZERO_ERROR;
    const int32_t len = ucnv_toUChars(conv, out, 4, &byte, 1, &status);
    (*table)[b] = (U_FAILURE(status) || len != 1) ? 0xFFFD : out[0];
  }
  ucnv_close(conv);
  return true;
}

const ByteTable* TableFor(const std::string& charset) {
  static std::mutex mutex;
  static ByteTable cp1251, cp1252;
  static bool ready = false;
  std::lock_guard<std::mutex> lock(mutex);
  if (!ready) {
    if (!BuildTable("windows-1251", &cp1251) || !BuildTable("windows-1252", &cp1252)) {
      return nullptr;
    }
    ready = true;
  }
  return charset == "windows-1251" ? &cp1251 : &cp1252;
}

// Normalised charset name for a declared one, "" when unsupported.
std::string CanonicalCharset(std::string_view declared) {
  std::string lower;
  for (char c : declared) {
    if (c != '-' && c != '_' && c != ' ')
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (lower == "utf8") return "UTF-8";
  if (lower == "windows1251" || lower == "cp1251") return "windows-1251";
  if (lower == "windows1252" || lower == "cp1252" || lower == "iso88591" || lower == "latin1" ||
      lower == "usascii" || lower == "ascii") {
    return "windows-1252";
  }
  return "";
}

// Cyrillic text in Windows-1251 has most high bytes in 0xC0..0xFF (the alphabet);
// Western text in Windows-1252 has few high bytes, many of them punctuation 0x80..0x9F.
std::string GuessSingleByte(std::string_view s) {
  size_t high = 0, letters = 0;
  for (unsigned char c : s) {
    if (c >= 0x80) ++high;
    if (c >= 0xC0) ++letters;
  }
  return high > 0 && letters * 10 >= high * 7 && high * 5 >= s.size() / 10 ? "windows-1251"
                                                                           : "windows-1252";
}

}  // namespace

Status DecodeText(std::string_view input, std::string_view declared, DecodedText* out) {
  if (input.size() > kMaxInputBytes) {
    return Status::Limit(
        fmt::format("{} bytes is over the limit of {} bytes", input.size(), kMaxInputBytes));
  }
  if (const size_t bad = FirstBinaryByte(input); bad != std::string_view::npos) {
    return Status::InvalidInput(
        fmt::format("not text: binary data (control byte 0x{:02x}) at byte {}",
                    static_cast<unsigned char>(input[bad]), bad));
  }
  std::string charset = CanonicalCharset(declared);
  const bool bom = input.size() >= 3 && input.substr(0, 3) == "\xEF\xBB\xBF";
  const size_t invalid = FirstInvalidUtf8(input);
  if (invalid == std::string_view::npos && (charset.empty() || charset == "UTF-8")) {
    out->encoding = "UTF-8";
    if (!bom) {
      out->text.assign(input);
      out->to_input = OffsetMap::Identity(static_cast<uint32_t>(input.size()));
      return Status::Ok();
    }
    out->text.assign(input.substr(3));
    out->to_input = OffsetMap();
    for (uint32_t i = 3; i < input.size(); ++i) out->to_input.Add(i);
    out->to_input.Finish(static_cast<uint32_t>(input.size()));
    return Status::Ok();
  }
  if (charset.empty() || charset == "UTF-8") {
    if (charset == "UTF-8") {
      return Status::InvalidInput(
          fmt::format("declared UTF-8 but the bytes are not UTF-8 (at byte {})", invalid));
    }
    charset = GuessSingleByte(input);
  }
  const ByteTable* table = TableFor(charset);
  if (table == nullptr) return Status::InvalidInput("no converter for " + charset);
  out->encoding = charset;
  out->text.clear();
  out->text.reserve(input.size() + input.size() / 2);
  out->to_input = OffsetMap();
  for (uint32_t i = 0; i < input.size(); ++i) {
    const UChar32 c = (*table)[static_cast<unsigned char>(input[i])];
    if (c == 0xFFFD) {
      return Status::InvalidInput(
          fmt::format("not UTF-8 and byte 0x{:02x} at {} is undefined in {}",
                      static_cast<unsigned char>(input[i]), i, charset));
    }
    uint8_t buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    for (int32_t k = 0; k < len; ++k) {
      out->text.push_back(static_cast<char>(buf[k]));
      out->to_input.Add(i);
    }
  }
  out->to_input.Finish(static_cast<uint32_t>(input.size()));
  return Status::Ok();
}

}  // namespace letapis
