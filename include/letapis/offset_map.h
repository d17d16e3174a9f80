// OffsetMap: maps byte offsets in a derived text back to byte offsets in the text it came from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace letapis {

// Maps every byte offset [0, size] of a derived string (decoded, stripped of markup,
// normalised) to an offset in its source. An identity map stores nothing.
// Offsets are uint32_t: inputs are limited well below 4 GiB by the readers.
class OffsetMap {
 public:
  // An identity map over a string of `size` bytes.
  static OffsetMap Identity(uint32_t size);

  // Starts an explicit (non-identity) map; call Add once per derived byte, then Finish.
  OffsetMap() = default;
  // Makes room for `bytes` derived bytes (a capacity hint; the map is unchanged).
  void Reserve(size_t bytes) { to_source_.reserve(bytes + 1); }
  // Records that the next derived byte came from source offset `source_offset`.
  void Add(uint32_t source_offset) { to_source_.push_back(source_offset); }
  // Records that the next `count` derived bytes came from the source bytes starting at
  // `source_offset`, one for one (a copied run).
  void AddRun(uint32_t source_offset, uint32_t count) {
    const size_t start = to_source_.size();
    to_source_.resize(start + count);
    uint32_t* out = to_source_.data() + start;
    for (uint32_t k = 0; k < count; ++k) out[k] = source_offset + k;
  }
  // Records the source offset that corresponds to the end of the derived string.
  void Finish(uint32_t source_end) {
    to_source_.push_back(source_end);
    identity_ = false;
  }

  // Source offset of derived offset `offset` (0 <= offset <= size()).
  uint32_t ToSource(uint32_t offset) const;
  // Source offset just past derived byte `offset - 1`: use for span ends so that a span
  // ending at a multi-byte source sequence covers it wholly.
  uint32_t EndToSource(uint32_t offset) const;
  // Number of derived bytes mapped.
  uint32_t size() const;
  // True when derived and source offsets are equal.
  bool identity() const { return identity_; }

  // Returns the composition: derived offsets of `this` mapped through `outer` (this maps
  // into the string that `outer` is the derived side of).
  OffsetMap ComposeWith(const OffsetMap& outer) const;

 private:
  bool identity_ = true;
  uint32_t identity_size_ = 0;
  std::vector<uint32_t> to_source_;  // size()+1 entries when not identity
};

}  // namespace letapis
