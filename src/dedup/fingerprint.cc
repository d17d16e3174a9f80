#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <limits>

#include "letapis/near_duplicates.h"
#include "letapis/text.h"

namespace letapis {
namespace {

// splitmix64's finaliser: a fast, well-mixing bijection of 64-bit values.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// One MinHash function: h(s) = high 32 bits of (a * s + b) mod 2^64, with odd a.
struct HashFunction {
  uint64_t a = 0, b = 0;
};

// The kMinHashValues functions, drawn from splitmix64 with a fixed seed: they are part of
// the stored format (kFingerprintScheme) and must never change.
const std::array<HashFunction, kMinHashValues>& HashFunctions() {
  static const std::array<HashFunction, kMinHashValues> functions = [] {
    std::array<HashFunction, kMinHashValues> f;
    uint64_t state = 0x6c65746170697331ULL;  // "letapis1"
    for (HashFunction& h : f) {
      state += 0x9e3779b97f4a7c15ULL;
      h.a = Mix(state) | 1;
      state += 0x9e3779b97f4a7c15ULL;
      h.b = Mix(state);
    }
    return f;
  }();
  return functions;
}

// Hash of a word or number, case-folded code point by code point (FNV-1a, then mixed).
uint64_t WordHash(std::string_view word) {
  uint64_t h = 0xcbf29ce484222325ULL;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    h = (h ^ static_cast<uint32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT))) * 0x100000001b3ULL;
  }
  return Mix(h);
}

}  // namespace

Fingerprint FingerprintText(std::string_view text, const std::vector<Span>& skip) {
  const NormalizedText normalized = Normalize(text, skip);
  const std::vector<Token> tokens = Tokenize(normalized.text);
  std::vector<uint64_t> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) {
      words.push_back(WordHash(t.view(normalized.text)));
    }
  }
  Fingerprint f;
  f.minhash.fill(std::numeric_limits<uint32_t>::max());
  if (words.size() < kShingleWords) return f;
  const auto& functions = HashFunctions();
  f.shingles = static_cast<uint32_t>(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t shingle = 0;
    for (size_t k = 0; k < kShingleWords; ++k) shingle = Mix(shingle ^ words[i + k]);
    for (size_t j = 0; j < kMinHashValues; ++j) {
      const auto v = static_cast<uint32_t>((functions[j].a * shingle + functions[j].b) >> 32);
      f.minhash[j] = std::min(f.minhash[j], v);
    }
  }
  return f;
}

Fingerprint FingerprintDocument(const Document& doc) {
  return FingerprintText(doc.text, doc.boilerplate);
}

double Resemblance(const Fingerprint& a, const Fingerprint& b) {
  if (!a.comparable() || !b.comparable()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashValues; ++i) equal += a.minhash[i] == b.minhash[i] ? 1 : 0;
  return static_cast<double>(equal) / kMinHashValues;
}

std::array<int64_t, kBands> BandKeys(const Fingerprint& f) {
  std::array<int64_t, kBands> keys{};
  for (size_t band = 0; band < kBands; ++band) {
    uint64_t h = Mix(band + 1);
    for (size_t r = 0; r < kBandRows; ++r) h = Mix(h ^ f.minhash[band * kBandRows + r]);
    keys[band] = static_cast<int64_t>(h);
  }
  return keys;
}

}  // namespace letapis
