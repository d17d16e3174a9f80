// Near-duplicate detection: MinHash fingerprints of a document's word shingles and the
// LSH band keys that find earlier documents resembling it (docs/store-format.md).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "letapis/document.h"

namespace letapis {

// Version of the fingerprint scheme below; fingerprints of other schemes are not compared.
inline constexpr int kFingerprintScheme = 1;
// Words per shingle (overlapping windows of consecutive words).
inline constexpr size_t kShingleWords = 3;
// MinHash values per fingerprint.
inline constexpr size_t kMinHashValues = 64;
// LSH banding: kBands bands of kBandRows consecutive MinHash values each (the last
// value is in no band).
inline constexpr size_t kBandRows = 3;
inline constexpr size_t kBands = kMinHashValues / kBandRows;
// Documents with fewer shingles are too short to judge and are never linked.
inline constexpr uint32_t kMinShingles = 20;
// Estimated resemblance from which a document is a near-duplicate copy of another.
inline constexpr double kNearDuplicateThreshold = 0.5;

// A document's fingerprint: how many shingles it has and, for each of kMinHashValues
// hash functions, the minimum hash over its shingles.
struct Fingerprint {
  uint32_t shingles = 0;
  std::array<uint32_t, kMinHashValues> minhash{};
  // True when the document is long enough to be compared (kMinShingles).
  bool comparable() const { return shingles >= kMinShingles; }
  bool operator==(const Fingerprint&) const = default;
};

// Fingerprints `text` (valid UTF-8) without the `skip` ranges (sorted, disjoint): words
// and numbers are case-folded, punctuation and spacing ignored, so typography, line
// breaks and quote styles do not change the result.
Fingerprint FingerprintText(std::string_view text, const std::vector<Span>& skip);

// Fingerprints a document's text without its boilerplate ranges.
Fingerprint FingerprintDocument(const Document& doc);

// Estimated Jaccard resemblance of the two documents' shingle sets, in [0, 1]: the share
// of equal MinHash values. 0 when either is not comparable().
double Resemblance(const Fingerprint& a, const Fingerprint& b);

// The LSH band keys of a comparable fingerprint: two documents share at least one key with
// probability 1 - (1 - J^kBandRows)^kBands for resemblance J (0.94 at J = 0.5).
std::array<int64_t, kBands> BandKeys(const Fingerprint& f);

}  // namespace letapis
