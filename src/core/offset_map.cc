#include "letapis/offset_map.h"

namespace letapis {

OffsetMap OffsetMap::Identity(uint32_t size) {
  OffsetMap map;
  map.identity_size_ = size;
  return map;
}

// Offsets past size() are clamped to the end of the map.
uint32_t OffsetMap::ToSource(uint32_t offset) const {
  if (identity_) return offset < identity_size_ ? offset : identity_size_;
  if (offset >= to_source_.size()) return to_source_.back();
  return to_source_[offset];
}

// For an explicit map, the end of derived byte `offset - 1` is the first entry after it
// that lies beyond that byte's source offset: the source offset of the next derived byte
// that comes from later source bytes (several derived bytes may share one source offset,
// e.g. a folded character or an inserted break). Falls back to the final entry.
uint32_t OffsetMap::EndToSource(uint32_t offset) const {
  if (identity_ || offset == 0) return ToSource(offset);
  const size_t n = to_source_.size();
  if (offset >= n) return to_source_.back();
  const uint32_t previous = to_source_[offset - 1];
  for (size_t i = offset; i < n; ++i) {
    if (to_source_[i] > previous) return to_source_[i];
  }
  return to_source_.back();
}

uint32_t OffsetMap::size() const {
  return identity_ ? identity_size_ : static_cast<uint32_t>(to_source_.size() - 1);
}

OffsetMap OffsetMap::ComposeWith(const OffsetMap& outer) const {
  if (outer.identity_) return *this;
  OffsetMap result;
  const uint32_t n = size();
  result.to_source_.reserve(static_cast<size_t>(n) + 1);
  for (uint32_t i = 0; i < n; ++i) result.Add(outer.ToSource(ToSource(i)));
  result.Finish(outer.ToSource(ToSource(n)));
  return result;
}

}  // namespace letapis
