// ParseMail: a small, strict-where-it-matters MIME reader (RFC 5322, 2045-2047, 2231).
#include "mail/mime.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <optional>
#include <utility>

#include <fmt/format.h>

namespace letapis {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// One line of `text` from `*pos` (without its "\n" or "\r\n"); advances `*pos`.
std::string_view NextLine(std::string_view text, size_t* pos) {
  const size_t start = *pos;
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  *pos = end < text.size() ? end + 1 : end;
  std::string_view line = text.substr(start, end - start);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// `bytes` in `charset` as UTF-8. An empty, "us-ascii" or "utf-8" charset takes valid
// UTF-8 as it is and reads anything else as Windows-1252 (mislabelled 8-bit mail).
Status ToUtf8(std::string_view bytes, std::string_view charset, std::string* out) {
  std::string name = LowerAscii(Trim(charset));
  if (name.empty() || name == "us-ascii" || name == "ascii" || name == "utf-8" || name == "utf8") {
    if (IsValidUtf8(bytes)) {
      out->assign(bytes);
      return Status::Ok();
    }
    name = "windows-1252";
  }
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(name.c_str(), &error),
                                                               &ucnv_close);
  if (U_FAILURE(error) || converter == nullptr) {
    return Status::InvalidInput(fmt::format("unknown charset \"{}\"", name));
  }
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                                error);
  if (U_FAILURE(error)) {
    return Status::InvalidInput(fmt::format("cannot convert from charset \"{}\"", name));
  }
  out->clear();
  text.toUTF8String(*out);
  return Status::Ok();
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Quoted-printable (RFC 2045 6.7); `header` also turns '_' into a space (RFC 2047 Q).
// Malformed escapes are kept literally.
std::string DecodeQuotedPrintable(std::string_view in, bool header) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '_' && header) {
      out += ' ';
    } else if (c != '=') {
      out += c;
    } else if (i + 1 < in.size() && in[i + 1] == '\n') {
      i += 1;  // soft line break
    } else if (i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
      i += 2;
    } else if (i + 2 < in.size() && HexValue(in[i + 1]) >= 0 && HexValue(in[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(in[i + 1]) * 16 + HexValue(in[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Base64, white space ignored; stops at '='. Fails naming the offset of a bad character.
Status DecodeBase64(std::string_view in, std::string* out) {
  out->clear();
  uint32_t bits = 0;
  int count = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (IsSpace(c)) continue;
    if (c == '=') break;
    const int value = Base64Value(c);
    if (value < 0) {
      return Status::InvalidInput(fmt::format("invalid base64 character at byte {}", i));
    }
    bits = (bits << 6) | static_cast<uint32_t>(value);
    if (++count == 4) {
      out->push_back(static_cast<char>((bits >> 16) & 0xFF));
      out->push_back(static_cast<char>((bits >> 8) & 0xFF));
      out->push_back(static_cast<char>(bits & 0xFF));
      bits = 0;
      count = 0;
    }
  }
  if (count == 2) out->push_back(static_cast<char>((bits >> 4) & 0xFF));
  if (count == 3) {
    out->push_back(static_cast<char>((bits >> 10) & 0xFF));
    out->push_back(static_cast<char>((bits >> 2) & 0xFF));
  }
  return Status::Ok();
}

// The unfolded header fields of an entity, names lower-cased.
struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;
  // The first value of `name` (lower case), or "".
  std::string_view Get(std::string_view name) const {
    for (const auto& [key, value] : fields) {
      if (key == name) return value;
    }
    return {};
  }
};

// Splits an entity into headers and body. `first_line` numbers its first line in the
// message, for errors. A leading mbox "From " line is skipped.
Status SplitEntity(std::string_view entity, int first_line, Headers* headers,
                   std::string_view* body, int* body_line) {
  size_t pos = 0;
  int line_number = first_line;
  if (entity.starts_with("From ")) {
    NextLine(entity, &pos);
    ++line_number;
  }
  while (pos < entity.size()) {
    const std::string_view line = NextLine(entity, &pos);
    if (line.empty()) {
      *body = entity.substr(pos);
      *body_line = line_number + 1;
      return Status::Ok();
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (headers->fields.empty()) {
        return Status::InvalidInput(
            fmt::format("line {}: continuation line before any header", line_number));
      }
      headers->fields.back().second += ' ';
      headers->fields.back().second += Trim(line);
    } else {
      const size_t colon = line.find(':');
      const std::string_view name = colon == std::string_view::npos ? "" : line.substr(0, colon);
      if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) {
        return Status::InvalidInput(fmt::format("line {}: not a header line", line_number));
      }
      headers->fields.emplace_back(LowerAscii(name), std::string(Trim(line.substr(colon + 1))));
    }
    ++line_number;
  }
  *body = {};
  *body_line = line_number;
  return Status::Ok();
}

// A structured header value: "type/subtype; name=value; name*=utf-8''%D0%B0".
struct HeaderValue {
  std::string value;  // lower case
  std::vector<std::pair<std::string, std::string>> params;
  std::string Param(std::string_view name) const {
    for (const auto& [key, v] : params) {
      if (key == name) return v;
    }
    return "";
  }
};

// Percent-decodes the value of an RFC 2231 extended parameter and converts its charset.
std::string DecodeExtendedParam(std::string_view value) {
  const size_t first = value.find('\'');
  const size_t second = first == std::string_view::npos ? first : value.find('\'', first + 1);
  if (second == std::string_view::npos) return std::string(value);
  const std::string_view charset = value.substr(0, first);
  std::string bytes;
  const std::string_view encoded = value.substr(second + 1);
  for (size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%' && i + 2 < encoded.size() && HexValue(encoded[i + 1]) >= 0 &&
        HexValue(encoded[i + 2]) >= 0) {
      bytes += static_cast<char>(HexValue(encoded[i + 1]) * 16 + HexValue(encoded[i + 2]));
      i += 2;
    } else {
      bytes += encoded[i];
    }
  }
  std::string utf8;
  return ToUtf8(bytes, charset, &utf8).ok() ? utf8 : bytes;
}

HeaderValue ParseHeaderValue(std::string_view text) {
  HeaderValue out;
  size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && IsSpace(text[i])) ++i;
  };
  const size_t semicolon = text.find(';');
  out.value = LowerAscii(Trim(text.substr(0, semicolon)));
  if (semicolon == std::string_view::npos) return out;
  i = semicolon + 1;
  while (i < text.size()) {
    skip_space();
    const size_t name_start = i;
    while (i < text.size() && text[i] != '=' && text[i] != ';') ++i;
    std::string name = LowerAscii(Trim(text.substr(name_start, i - name_start)));
    std::string value;
    if (i < text.size() && text[i] == '=') {
      ++i;
      skip_space();
      if (i < text.size() && text[i] == '"') {
        for (++i; i < text.size() && text[i] != '"'; ++i) {
          if (text[i] == '\\' && i + 1 < text.size()) ++i;
          value += text[i];
        }
        if (i < text.size()) ++i;  // the closing quote
        while (i < text.size() && text[i] != ';') ++i;
      } else {
        const size_t value_start = i;
        while (i < text.size() && text[i] != ';') ++i;
        value = Trim(text.substr(value_start, i - value_start));
      }
    }
    if (i < text.size()) ++i;  // ';'
    if (name.ends_with('*')) {
      name.pop_back();
      value = DecodeExtendedParam(value);
    }
    if (!name.empty()) out.params.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

// The lines of a multipart body between its boundaries. Fails when no boundary line
// occurs at all.
Status SplitMultipart(std::string_view body, int body_line, std::string_view boundary,
                      std::vector<std::pair<std::string_view, int>>* parts) {
  const std::string delimiter = "--" + std::string(boundary);
  size_t pos = 0;
  int line_number = body_line;
  std::optional<size_t> part_start;
  int part_line = 0;
  bool seen = false;
  while (pos < body.size()) {
    const size_t line_start = pos;
    const std::string_view line = NextLine(body, &pos);
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) {
      trimmed.remove_suffix(1);
    }
    const bool close = trimmed == delimiter + "--";
    if (trimmed == delimiter || close) {
      if (part_start) {
        // The line break before a delimiter belongs to the delimiter.
        size_t end = line_start;
        if (end > *part_start && body[end - 1] == '\n') --end;
        if (end > *part_start && body[end - 1] == '\r') --end;
        parts->emplace_back(body.substr(*part_start, end - *part_start), part_line);
        if (parts->size() > kMaxMimeParts) {
          return Status::Limit(fmt::format("more than {} MIME parts", kMaxMimeParts));
        }
      }
      seen = true;
      part_start.reset();
      if (close) return Status::Ok();
      part_start = pos;
      part_line = line_number + 1;
    }
    ++line_number;
  }
  if (!seen) {
    return Status::InvalidInput(fmt::format(
        "line {}: multipart body never contains its boundary \"{}\"", body_line, boundary));
  }
  if (part_start && *part_start < body.size()) {  // unterminated last part: keep it
    parts->emplace_back(body.substr(*part_start), part_line);
  }
  return Status::Ok();
}

struct Walker {
  MailMessage* out;
  std::optional<std::string> plain, html;
  size_t parts = 0;

  Status Entity(std::string_view entity, int first_line, int depth) {
    if (depth > kMaxMimeDepth) {
      return Status::Limit(
          fmt::format("line {}: multiparts nested deeper than {}", first_line, kMaxMimeDepth));
    }
    if (++parts > kMaxMimeParts) {
      return Status::Limit(fmt::format("more than {} MIME parts", kMaxMimeParts));
    }
    Headers headers;
    std::string_view body;
    int body_line = 0;
    if (Status s = SplitEntity(entity, first_line, &headers, &body, &body_line); !s.ok()) {
      return s;
    }
    if (depth == 0) {
      out->subject = DecodeHeaderWords(headers.Get("subject"));
      out->from = DecodeHeaderWords(headers.Get("from"));
      out->date = ParseMailDate(headers.Get("date"));
    }
    const std::string_view type_header = headers.Get("content-type");
    HeaderValue type = ParseHeaderValue(type_header.empty() ? "text/plain" : type_header);
    if (type.value.starts_with("multipart/")) {
      const std::string boundary = type.Param("boundary");
      if (boundary.empty()) {
        return Status::InvalidInput(
            fmt::format("line {}: {} without a boundary parameter", first_line, type.value));
      }
      std::vector<std::pair<std::string_view, int>> children;
      if (Status s = SplitMultipart(body, body_line, boundary, &children); !s.ok()) return s;
      for (const auto& [child, line] : children) {
        if (Status s = Entity(child, line, depth + 1); !s.ok()) return s;
      }
      return Status::Ok();
    }
    const std::string encoding = LowerAscii(Trim(headers.Get("content-transfer-encoding")));
    std::string content;
    if (encoding == "base64") {
      if (Status s = DecodeBase64(body, &content); !s.ok()) {
        return Status::InvalidInput(fmt::format("part at line {}: {}", body_line, s.message()));
      }
    } else if (encoding == "quoted-printable") {
      content = DecodeQuotedPrintable(body, false);
    } else {
      content = body;
    }
    const HeaderValue disposition = ParseHeaderValue(headers.Get("content-disposition"));
    std::string filename = disposition.Param("filename");
    if (filename.empty()) filename = type.Param("name");
    filename = DecodeHeaderWords(filename);
    const bool text = type.value == "text/plain" || type.value == "text/html";
    if (text && filename.empty() && disposition.value != "attachment") {
      std::optional<std::string>& slot = type.value == "text/plain" ? plain : html;
      if (slot) return Status::Ok();  // alternatives after the first are not read
      std::string utf8;
      if (Status s = ToUtf8(content, type.Param("charset"), &utf8); !s.ok()) {
        return Status::InvalidInput(fmt::format("part at line {}: {}", body_line, s.message()));
      }
      slot = std::move(utf8);
      return Status::Ok();
    }
    out->attachments.push_back(
        MailAttachment{filename, type.value, type.Param("charset"), std::move(content)});
    return Status::Ok();
  }
};

}  // namespace

std::string DecodeHeaderWords(std::string_view value) {
  std::string out;
  size_t i = 0;
  bool last_was_word = false;
  size_t pending_space = 0;  // bytes of white space after the last encoded word
  while (i < value.size()) {
    if (value.substr(i, 2) == "=?") {
      const size_t q1 = value.find('?', i + 2);
      const size_t q2 = q1 == std::string_view::npos ? q1 : value.find('?', q1 + 1);
      const size_t end = q2 == std::string_view::npos ? q2 : value.find("?=", q2 + 1);
      if (end != std::string_view::npos && q2 == q1 + 2) {
        const std::string_view charset = value.substr(i + 2, q1 - i - 2);
        const char kind = Lower(value[q1 + 1]);
        const std::string_view payload = value.substr(q2 + 1, end - q2 - 1);
        std::string bytes;
        bool ok = true;
        if (kind == 'b') {
          ok = DecodeBase64(payload, &bytes).ok();
        } else if (kind == 'q') {
          bytes = DecodeQuotedPrintable(payload, true);
        } else {
          ok = false;
        }
        std::string utf8;
        if (ok && ToUtf8(bytes, charset.substr(0, charset.find('*')), &utf8).ok()) {
          if (!last_was_word && pending_space > 0) out.append(pending_space, ' ');
          out += utf8;
          last_was_word = true;
          pending_space = 0;
          i = end + 2;
          continue;
        }
      }
    }
    if (value[i] == ' ' || value[i] == '\t') {
      ++pending_space;
      ++i;
      continue;
    }
    if (pending_space > 0) out.append(pending_space, ' ');
    pending_space = 0;
    last_was_word = false;
    out += value[i++];
  }
  if (!last_was_word && pending_space > 0) out.append(pending_space, ' ');
  return std::string(Trim(out));
}

PartialDate ParseMailDate(std::string_view value) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  int day = 0, month = 0, year = 0;
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (IsSpace(value[i]) || value[i] == ',')) ++i;
    const size_t start = i;
    while (i < value.size() && !IsSpace(value[i]) && value[i] != ',') ++i;
    const std::string token = LowerAscii(value.substr(start, i - start));
    if (token.empty()) continue;
    if (token.find(':') != std::string::npos) break;  // the time: the date is complete
    bool digits = true;
    for (char c : token) digits = digits && c >= '0' && c <= '9';
    if (digits && token.size() <= 2 && day == 0 && month == 0) {
      day = std::stoi(token);
    } else if (digits && token.size() == 4 && month != 0) {
      year = std::stoi(token);
    } else if (token.size() >= 3 && month == 0) {
      for (size_t m = 0; m < 12; ++m) {
        if (token.substr(0, 3) == kMonths[m]) month = static_cast<int>(m) + 1;
      }
    }
  }
  if (year == 0 || month == 0 || day < 1 || day > 31) return PartialDate{};
  return PartialDate::FromIso(fmt::format("{:04}-{:02}-{:02}", year, month, day))
      .value_or(PartialDate{});
}

Status ParseMail(std::string_view raw, MailMessage* out) {
  *out = MailMessage{};
  Walker walker{out, std::nullopt, std::nullopt, 0};
  if (Status s = walker.Entity(raw, 1, 0); !s.ok()) {
    *out = MailMessage{};
    return s;
  }
  if (walker.plain) {
    out->body = std::move(*walker.plain);
  } else if (walker.html) {
    out->body = std::move(*walker.html);
    out->body_is_html = true;
  }
  return Status::Ok();
}

}  // namespace letapis
