#include "export/json_text.h"

#include <array>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace letapis {
namespace {

// What a byte asks of the string writer.
enum ByteClass : uint8_t { kCopy, kEscape, kMultiByte };

constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int b = 0; b < 256; ++b) {
    table[b] = b < 0x20 || b == '"' || b == '\\' ? kEscape : b >= 0x80 ? kMultiByte : kCopy;
  }
  return table;
}();

// The number of bytes at `s` (n > 0, s[0] >= 0x80) that form one well-formed UTF-8 code
// point (`*complete` true), or else the length of its longest well-formed prefix, at least
// one byte (`*complete` false): the bytes nlohmann replaces by one U+FFFD.
size_t Utf8Sequence(const unsigned char* s, size_t n, bool* complete) {
  *complete = false;
  const unsigned char lead = s[0];
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (k >= n || s[k] < lo || s[k] > hi) return k;
    lo = 0x80;
    hi = 0xBF;
  }
  *complete = true;
  return need + 1;
}

void AppendEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\b':
      out->append("\\b");
      return;
    case '\f':
      out->append("\\f");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out->append(u, sizeof u);
    }
  }
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet appended, all to be copied as they are
  size_t i = 0;
  while (i < n) {
    const uint8_t kind = kByteClass[p[i]];
    if (kind == kCopy) {
      ++i;
      continue;
    }
    if (kind == kMultiByte) {
      bool complete = false;
      const size_t length = Utf8Sequence(p + i, n - i, &complete);
      if (complete) {
        i += length;
        continue;
      }
      out->append(s.data() + run, i - run);
      out->append("\xEF\xBF\xBD");
      i += length;
    } else {
      out->append(s.data() + run, i - run);
      AppendEscape(p[i], out);
      ++i;
    }
    run = i;
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
}

void AppendJsonInteger(int64_t v, std::string* out) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
  out->append(buffer, result.ptr);
}

bool IsJsonInteger(double v) { return std::floor(v) == v && std::fabs(v) < 9e15; }

void AppendJsonNumber(double v, std::string* out) {
  if (IsJsonInteger(v)) {
    AppendJsonInteger(static_cast<int64_t>(v), out);
  } else {
    // Rare (fractional figures): nlohmann's own float format, for identical text.
    out->append(nlohmann::json(v).dump());
  }
}

}  // namespace letapis
