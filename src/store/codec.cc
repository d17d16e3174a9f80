#include "store/codec.h"

#include <chrono>
#include <ctime>

#include <zstd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace letapis::store {

using nlohmann::json;

Status Compress(std::string_view in, std::string* out) {
  out->resize(ZSTD_compressBound(in.size()));
  size_t n = ZSTD_compress(out->data(), out->size(), in.data(), in.size(), kZstdLevel);
  if (ZSTD_isError(n)) {
    return Status::IoError(fmt::format("zstd compression failed: {}", ZSTD_getErrorName(n)));
  }
  out->resize(n);
  return Status::Ok();
}

Status Decompress(std::string_view in, uint64_t size, std::string* out) {
  unsigned long long declared = ZSTD_getFrameContentSize(in.data(), in.size());
  if (declared != size) {
    return Status::Corrupt(
        fmt::format("compressed blob does not declare its stored size of {} bytes", size));
  }
  out->resize(size);
  size_t n = ZSTD_decompress(out->data(), out->size(), in.data(), in.size());
  if (ZSTD_isError(n) || n != size) {
    return Status::Corrupt(fmt::format("compressed blob is damaged: {}",
                                       ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short output"));
  }
  return Status::Ok();
}

Status EncodeOffsetMap(const OffsetMap& map, std::string* out) {
  out->clear();
  if (map.identity()) return Status::Ok();
  std::string plain;
  plain.reserve((static_cast<size_t>(map.size()) + 1) * 4);
  for (uint32_t i = 0; i <= map.size(); ++i) {
    uint32_t v = map.ToSource(i);
    for (int b = 0; b < 4; ++b) plain.push_back(static_cast<char>((v >> (8 * b)) & 0xff));
  }
  return Compress(plain, out);
}

Status DecodeOffsetMap(std::string_view blob, uint32_t text_size, OffsetMap* out) {
  if (blob.empty()) {
    *out = OffsetMap::Identity(text_size);
    return Status::Ok();
  }
  std::string plain;
  Status s = Decompress(blob, (static_cast<uint64_t>(text_size) + 1) * 4, &plain);
  if (!s.ok()) return s.WithContext("offset map");
  OffsetMap map;
  for (size_t i = 0; i < plain.size(); i += 4) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b)
      v |= static_cast<uint32_t>(static_cast<uint8_t>(plain[i + b])) << (8 * b);
    if (i + 4 < plain.size()) {
      map.Add(v);
    } else {
      map.Finish(v);
    }
  }
  *out = std::move(map);
  return Status::Ok();
}

std::string EncodeSpans(const std::vector<Span>& spans) {
  json array = json::array();
  for (const Span& s : spans) array.push_back({s.begin, s.end});
  return array.dump();
}

Status DecodeSpans(std::string_view text, std::vector<Span>* out) {
  json array = json::parse(text, nullptr, /*allow_exceptions=*/false);
  out->clear();
  if (!array.is_array()) return Status::Corrupt("span list is not a JSON array");
  for (const json& pair : array) {
    auto offset = [](const json& v) {
      return v.is_number_unsigned() && v.get<uint64_t>() <= UINT32_MAX;
    };
    if (!pair.is_array() || pair.size() != 2 || !offset(pair[0]) || !offset(pair[1])) {
      return Status::Corrupt("span list holds something other than [begin, end] pairs");
    }
    out->push_back(Span{pair[0].get<uint32_t>(), pair[1].get<uint32_t>()});
  }
  return Status::Ok();
}

Status EncodeStrings(const std::vector<std::string>& strings, std::string* out) {
  try {
    *out = json(strings).dump();
  } catch (const json::exception&) {
    return Status::InvalidInput("a name is not valid UTF-8");
  }
  return Status::Ok();
}

Status DecodeStrings(std::string_view text, std::vector<std::string>* out) {
  json array = json::parse(text, nullptr, /*allow_exceptions=*/false);
  out->clear();
  if (!array.is_array()) return Status::Corrupt("name list is not a JSON array");
  for (const json& s : array) {
    if (!s.is_string()) return Status::Corrupt("name list holds a non-string");
    out->push_back(s.get<std::string>());
  }
  return Status::Ok();
}

std::optional<EntityKind> ParseEntityKind(std::string_view name) {
  for (EntityKind k : {EntityKind::kPerson, EntityKind::kOrganization, EntityKind::kPlace}) {
    if (name == EntityKindName(k)) return k;
  }
  return std::nullopt;
}

void BindDate(Statement* stmt, int index, const PartialDate& date) {
  if (date.known()) {
    stmt->BindText(index, date.ToIso());
  } else {
    stmt->BindNull(index);
  }
}

Status ColumnDate(const Statement& stmt, int col, PartialDate* out) {
  *out = PartialDate();
  if (stmt.IsNull(col)) return Status::Ok();
  std::string text = stmt.ColumnText(col);
  std::optional<PartialDate> date = PartialDate::FromIso(text);
  if (!date) return Status::Corrupt(fmt::format("stored date \"{}\" is not an ISO date", text));
  *out = *date;
  return Status::Ok();
}

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace letapis::store
