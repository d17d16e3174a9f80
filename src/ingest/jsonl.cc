#include "ingest/jsonl.h"

#include <unicode/utf8.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ingest/document_text.h"
#include "letapis/ingest.h"

namespace letapis {
namespace {

constexpr int kMaxJsonDepth = 64;
// How much of a field's value a message quotes.
constexpr size_t kQuotedValueBytes = 60;

using Json = nlohmann::json;

// `s` with bytes outside printable ASCII shown as '?', cut to `limit` bytes: parser
// messages quote the input, which may be anything.
std::string Printable(std::string_view s, size_t limit) {
  std::string out;
  for (char c : s.substr(0, limit)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
  if (s.size() > limit) out += "...";
  return out;
}

// A JSON string token in the line, decoded, with a map from each decoded byte to the
// offset in the line of the character or escape sequence it came from.
struct StringToken {
  std::string value;
  OffsetMap to_line;
};

// Scans the JSON structure of a line that the JSON parser accepted, to find where a
// top-level string value lies (the parser gives values, not their positions).
class LineScanner {
 public:
  explicit LineScanner(std::string_view line) : line_(line) {}

  // The last top-level value of `key` when it is a string (a JSON object keeps the
  // last of repeated keys), or nullopt.
  std::optional<StringToken> FindTopLevelString(std::string_view key) {
    std::optional<StringToken> found;
    SkipSpace();
    if (!Consume('{')) return std::nullopt;
    SkipSpace();
    if (Consume('}')) return std::nullopt;
    while (true) {
      SkipSpace();
      std::optional<StringToken> name = String();
      SkipSpace();
      if (!name || !Consume(':')) return std::nullopt;
      SkipSpace();
      if (name->value == key && Peek() == '"') {
        found = String();
        if (!found) return std::nullopt;
      } else if (!SkipValue()) {
        return std::nullopt;
      }
      SkipSpace();
      if (Consume('}')) return found;
      if (!Consume(',')) return std::nullopt;
    }
  }

 private:
  char Peek() const { return pos_ < line_.size() ? line_[pos_] : '\0'; }
  bool Consume(char c) {
    if (Peek() != c || pos_ >= line_.size()) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (pos_ < line_.size() && (line_[pos_] == ' ' || line_[pos_] == '\t' ||
                                   line_[pos_] == '\r' || line_[pos_] == '\n')) {
      ++pos_;
    }
  }

  // Skips a value of any type; nested structures by counting brackets outside strings.
  bool SkipValue() {
    if (Peek() == '"') return String().has_value();
    size_t depth = 0;
    while (pos_ < line_.size()) {
      const char c = line_[pos_];
      if (c == '"') {
        if (!String()) return false;
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return true;  // the end of the enclosing object
        --depth;
      } else if (c == ',' && depth == 0) {
        return true;
      }
      ++pos_;
    }
    return false;
  }

  std::optional<uint32_t> Hex4(size_t at) const {
    if (at + 4 > line_.size()) return std::nullopt;
    uint32_t value = 0;
    for (size_t k = at; k < at + 4; ++k) {
      const char c = line_[k];
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return std::nullopt;
      value = value * 16 + static_cast<uint32_t>(digit);
    }
    return value;
  }

  // Decodes the string token at the current position.
  std::optional<StringToken> String() {
    if (!Consume('"')) return std::nullopt;
    StringToken token;
    while (pos_ < line_.size() && line_[pos_] != '"') {
      const size_t start = pos_;
      if (line_[pos_] != '\\') {
        token.value += line_[pos_++];
        token.to_line.Add(static_cast<uint32_t>(start));
        continue;
      }
      if (pos_ + 1 >= line_.size()) return std::nullopt;
      const char escape = line_[pos_ + 1];
      pos_ += 2;
      UChar32 c = 0;
      switch (escape) {
        case 'b':
          c = '\b';
          break;
        case 'f':
          c = '\f';
          break;
        case 'n':
          c = '\n';
          break;
        case 'r':
          c = '\r';
          break;
        case 't':
          c = '\t';
          break;
        case 'u': {
          std::optional<uint32_t> unit = Hex4(pos_);
          if (!unit) return std::nullopt;
          pos_ += 4;
          c = static_cast<UChar32>(*unit);
          if (U16_IS_LEAD(c) && line_.substr(pos_, 2) == "\\u") {
            std::optional<uint32_t> trail = Hex4(pos_ + 2);
            if (!trail || !U16_IS_TRAIL(*trail)) return std::nullopt;
            c = U16_GET_SUPPLEMENTARY(c, static_cast<UChar32>(*trail));
            pos_ += 6;
          }
          if (U_IS_SURROGATE(c)) return std::nullopt;
          break;
        }
        default:
          c = static_cast<unsigned char>(escape);  // '"', '\\' and '/'
      }
      char utf8[4];
      int32_t length = 0;
      U8_APPEND_UNSAFE(utf8, length, c);
      token.value.append(utf8, static_cast<size_t>(length));
      for (int32_t k = 0; k < length; ++k) token.to_line.Add(static_cast<uint32_t>(start));
    }
    if (!Consume('"')) return std::nullopt;
    token.to_line.Finish(static_cast<uint32_t>(pos_ - 1));
    return token;
  }

  std::string_view line_;
  size_t pos_ = 0;
};

// Parses the line, refusing nesting deeper than kMaxJsonDepth without building it.
Status ParseLine(std::string_view line, Json* json) {
  bool too_deep = false;
  const Json::parser_callback_t limit = [&too_deep](int depth, Json::parse_event_t, Json&) {
    if (depth > kMaxJsonDepth) too_deep = true;
    return !too_deep;
  };
  try {
    *json = Json::parse(line, limit);
  } catch (const Json::parse_error& error) {
    // what(): "[json.exception.parse_error.101] parse error at line 1, column 5: DETAIL"
    const std::string what = error.what();
    const size_t column = what.find("column");
    const size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    const std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    return Status::InvalidInput(
        fmt::format("malformed JSON at byte {}: {}", error.byte, Printable(detail, 200)));
  } catch (const Json::out_of_range& error) {
    // A number too large for a double ("1E61116").
    return Status::InvalidInput(fmt::format("malformed JSON: {}", Printable(error.what(), 200)));
  }
  if (too_deep) {
    return Status::Limit(fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
  }
  if (!json->is_object()) {
    return Status::InvalidInput(fmt::format("expected a JSON object, not {}", json->type_name()));
  }
  return Status::Ok();
}

// An optional string field; absent and null mean "". Fails when it has another type.
Status OptionalString(const Json& record, const char* key, std::string* out) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return Status::InvalidInput(fmt::format("\"{}\" is not a string", key));
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

// Provenance fields of a record into `meta`.
Status ReadProvenance(const Json& record, SourceMeta* meta) {
  for (auto [key, field] : {std::pair{"url", &meta->url}, std::pair{"title", &meta->title},
                            std::pair{"publisher", &meta->publisher}}) {
    if (Status status = OptionalString(record, key, field); !status.ok()) return status;
  }
  std::string published;
  if (Status status = OptionalString(record, "published", &published); !status.ok()) {
    return status;
  }
  if (!published.empty()) {
    const std::optional<PartialDate> date = PartialDate::FromIso(published);
    if (!date) {
      return Status::InvalidInput(fmt::format("\"published\" is not an ISO date: \"{}\"",
                                              Printable(published, kQuotedValueBytes)));
    }
    meta->published = *date;
  }
  return Status::Ok();
}

}  // namespace

Status ReadJsonlRecord(std::string_view line, const std::string& path, int line_number,
                       Document* out) {
  Json record;
  if (Status status = ParseLine(line, &record); !status.ok()) return status;
  const bool has_text = record.contains("text");
  const bool has_html = record.contains("html");
  if (!has_text && !has_html) return Status::InvalidInput("no \"text\" or \"html\" field");
  if (has_text && has_html) {
    return Status::InvalidInput("both \"text\" and \"html\" fields; give one of them");
  }
  const char* body_key = has_text ? "text" : "html";
  if (!record[body_key].is_string()) {
    return Status::InvalidInput(fmt::format("\"{}\" is not a string", body_key));
  }
  Document doc;
  doc.meta.name =
      fmt::format("{}#{}", std::filesystem::path(path).filename().string(), line_number);
  doc.meta.path = path;
  doc.meta.format = has_text ? "txt" : "html";
  doc.meta.encoding = "UTF-8";  // JSON text is UTF-8
  if (Status status = ReadProvenance(record, &doc.meta); !status.ok()) return status;
  std::optional<StringToken> body = LineScanner(line).FindTopLevelString(body_key);
  if (!body) {
    return Status::InvalidInput(fmt::format("cannot locate the \"{}\" value", body_key));
  }
  doc.raw.assign(line);
  doc.meta.sha256 = Sha256Hex(doc.raw);
  if (Status status = DeriveText(body->value, body->to_line, &doc); !status.ok()) {
    return status.WithContext(fmt::format("\"{}\" field", body_key));
  }
  *out = std::move(doc);
  return Status::Ok();
}

}  // namespace letapis
