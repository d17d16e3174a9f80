#include "ingest/jsonl_record.h"

#include <unicode/utf8.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace letapis {
namespace {

constexpr int kMaxDepth = 64;

// Offset of the first character of the string value of top-level `key` in `line`
// (just past its opening quote), or npos. Keys are matched literally.
size_t FindStringValue(std::string_view line, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  size_t at = 0;
  while ((at = line.find(quoted, at)) != std::string_view::npos) {
    size_t k = at + quoted.size();
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
    if (k < line.size() && line[k] == ':') {
      ++k;
      while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
      if (k < line.size() && line[k] == '"') return k + 1;
    }
    at += quoted.size();
  }
  return std::string_view::npos;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the JSON string literal starting at `start` into out->text, mapping every byte
// to the offset of the character or escape it came from. False when malformed.
bool DecodeLiteral(std::string_view line, size_t start, DecodedText* out) {
  out->text.clear();
  out->to_input = OffsetMap();
  size_t i = start;
  auto append = [&](UChar32 c, size_t at) {
    uint8_t buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    for (int32_t k = 0; k < len; ++k) {
      out->text.push_back(static_cast<char>(buf[k]));
      out->to_input.Add(static_cast<uint32_t>(at));
    }
  };
  while (i < line.size() && line[i] != '"') {
    if (line[i] != '\\') {
      out->text.push_back(line[i]);
      out->to_input.Add(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    if (i + 1 >= line.size()) return false;
    const char e = line[i + 1];
    const size_t at = i;
    if (e == 'u') {
      auto code = [&](size_t p) -> int {
        if (p + 4 > line.size()) return -1;
        int v = 0;
        for (size_t k = p; k < p + 4; ++k) {
          const int h = Hex(line[k]);
          if (h < 0) return -1;
          v = v * 16 + h;
        }
        return v;
      };
      int c = code(i + 2);
      if (c < 0) return false;
      i += 6;
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < line.size() && line[i] == '\\' &&
          line[i + 1] == 'u') {
        const int low = code(i + 2);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
      }
      append(c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c, at);
      continue;
    }
    const char decoded = e == 'n'   ? '\n'
                         : e == 't' ? '\t'
                         : e == 'r' ? '\r'
                         : e == 'b' ? '\b'
                         : e == 'f' ? '\f'
                                    : e;
    out->text.push_back(decoded);
    out->to_input.Add(static_cast<uint32_t>(at));
    i += 2;
  }
  out->to_input.Finish(static_cast<uint32_t>(i));
  return i < line.size();
}

std::string OptionalString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

Status ParseJsonlRecord(std::string_view line, JsonlRecord* out) {
  int depth = 0;
  nlohmann::json::parser_callback_t limit = [&depth](int d, nlohmann::json::parse_event_t event,
                                                     nlohmann::json&) {
    if (event == nlohmann::json::parse_event_t::object_start ||
        event == nlohmann::json::parse_event_t::array_start) {
      depth = std::max(depth, d + 1);
    }
    return true;
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line, limit);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    const size_t cut = what.find("] ");
    return Status::InvalidInput("malformed JSON: " +
                                (cut == std::string::npos ? what : what.substr(cut + 2)));
  }
  if (depth > kMaxDepth) {
    return Status::Limit(fmt::format("JSON nested deeper than {} levels", kMaxDepth));
  }
  if (!j.is_object()) return Status::InvalidInput("expected a JSON object");
  const char* body_key = j.contains("text") ? "text" : j.contains("html") ? "html" : nullptr;
  if (body_key == nullptr || !j[body_key].is_string()) {
    return Status::InvalidInput("no \"text\" or \"html\" string field");
  }
  const std::string body = j[body_key].get<std::string>();
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidInput(fmt::format("the \"{}\" field is empty", body_key));
  }
  out->is_html = std::string_view(body_key) == "html";
  out->body.encoding = "UTF-8";
  const size_t start = FindStringValue(line, body_key);
  if (start == std::string_view::npos || !DecodeLiteral(line, start, &out->body) ||
      out->body.text != body) {
    // Unusual spelling of the key: map the whole body to the start of the line.
    out->body.text = body;
    out->body.to_input = OffsetMap();
    for (size_t k = 0; k < body.size(); ++k) out->body.to_input.Add(0);
    out->body.to_input.Finish(static_cast<uint32_t>(line.size()));
  }
  out->url = OptionalString(j, "url");
  out->title = OptionalString(j, "title");
  out->publisher = OptionalString(j, "publisher");
  const std::string published = OptionalString(j, "published");
  if (!published.empty()) {
    auto date = PartialDate::FromIso(published);
    if (!date)
      return Status::InvalidInput(fmt::format("\"published\" is not a date: {}", published));
    out->published = *date;
  }
  return Status::Ok();
}

}  // namespace letapis
