// Encodings of stored values: compressed blobs, offset maps, spans, names, dates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "letapis/date.h"
#include "letapis/document.h"
#include "letapis/extraction.h"
#include "letapis/offset_map.h"
#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// zstd level of stored raw sources and offset maps.
inline constexpr int kZstdLevel = 3;

// Compresses `in` into one zstd frame.
Status Compress(std::string_view in, std::string* out);

// Decompresses one zstd frame that must hold exactly `size` bytes; kCorrupt otherwise.
Status Decompress(std::string_view in, uint64_t size, std::string* out);

// Serialises a map: "" for an identity map, else the zstd-compressed little-endian uint32
// source offsets of derived offsets 0..size() (size() + 1 values).
Status EncodeOffsetMap(const OffsetMap& map, std::string* out);

// Inverse of EncodeOffsetMap: "" gives OffsetMap::Identity(text_size); an explicit map
// must cover exactly text_size bytes (kCorrupt otherwise).
Status DecodeOffsetMap(std::string_view blob, uint32_t text_size, OffsetMap* out);

// Spans as a JSON array of [begin, end] pairs.
std::string EncodeSpans(const std::vector<Span>& spans);

// Inverse of EncodeSpans; kCorrupt on malformed input.
Status DecodeSpans(std::string_view json, std::vector<Span>* out);

// Strings as a JSON array; kInvalidInput when one is not valid UTF-8.
Status EncodeStrings(const std::vector<std::string>& strings, std::string* out);

// Inverse of EncodeStrings; kCorrupt on malformed input.
Status DecodeStrings(std::string_view json, std::vector<std::string>* out);

// Inverse of EntityKindName; nullopt for an unknown name.
std::optional<EntityKind> ParseEntityKind(std::string_view name);

// The current UTC time as ISO 8601 ("2025-07-14T09:30:00Z"), for ingested_at and the audit log.
std::string UtcNow();

// Binds a date as its ISO form, or NULL when unknown.
void BindDate(Statement* stmt, int index, const PartialDate& date);

// Reads a date bound by BindDate; kCorrupt when the text is not an ISO date.
Status ColumnDate(const Statement& stmt, int col, PartialDate* out);

}  // namespace letapis::store
