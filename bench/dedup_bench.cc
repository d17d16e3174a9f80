// Near-duplicate detection: fingerprinting a report, and finding the original of a new
// report among 100,000 stored fingerprints through the LSH band index of an encrypted
// store (the lookup AddReport makes). Documents are synthetic: words drawn with a Zipf-like
// law from a vocabulary of made-up words, so that unrelated documents share common words.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "letapis/near_duplicates.h"
#include "store/near_duplicates.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "store/transaction.h"

namespace {

namespace fs = std::filesystem;
using letapis::Fingerprint;

constexpr size_t kVocabulary = 20000;
constexpr size_t kWordsPerDocument = 300;
constexpr size_t kStoredDocuments = 100000;

// A made-up word for every index: syllables in base 12.
std::string Word(size_t i) {
  static const char* kSyllables[] = {"ka", "lo", "mi", "ne", "ra", "su",
                                     "to", "vi", "ba", "de", "go", "zy"};
  std::string w;
  do {
    w += kSyllables[i % 12];
    i /= 12;
  } while (i > 0);
  return w;
}

// Document `seed`: kWordsPerDocument words, frequent words more likely (rank^-1.1).
std::string SyntheticDocument(uint64_t seed) {
  static const std::vector<double> weights = [] {
    std::vector<double> w(kVocabulary);
    for (size_t i = 0; i < kVocabulary; ++i) w[i] = 1.0 / std::pow(static_cast<double>(i + 1), 1.1);
    return w;
  }();
  std::mt19937_64 rng(seed);
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
  std::string text;
  for (size_t i = 0; i < kWordsPerDocument; ++i) {
    text += Word(pick(rng));
    text += (i % 15 == 14) ? ". " : " ";
  }
  return text;
}

void BM_FingerprintDocument(benchmark::State& state) {
  const std::string text = SyntheticDocument(1);
  for (auto _ : state) benchmark::DoNotOptimize(letapis::FingerprintText(text, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FingerprintDocument);

// An encrypted store file holding only the fingerprints and band keys of
// kStoredDocuments synthetic documents (no sources: foreign keys are not enforced on this
// connection), built once.
class FingerprintIndex {
 public:
  FingerprintIndex() {
    std::string pattern = (fs::temp_directory_path() / "letapis-dedup-bench-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    ok_ = Build().ok();
  }
  ~FingerprintIndex() {
    db_ = nullptr;
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  letapis::store::Database* db() { return ok_ ? db_.get() : nullptr; }
  // Size of the store file once built (fingerprints, band index, schema).
  double megabytes() const { return static_cast<double>(bytes_) / (1 << 20); }

 private:
  letapis::Status Build() {
    db_ = std::make_unique<letapis::store::Database>();
    const std::string path = (dir_ / "bench.letapis").string();
    letapis::Status s = db_->Open(path, true);
    if (s.ok()) s = db_->Key("x'" + std::string(64, '7') + "'");
    if (s.ok()) s = letapis::store::Migrate(db_.get(), path);
    letapis::store::Transaction tx(db_.get());
    if (s.ok()) s = tx.Begin();
    for (size_t i = 1; i <= kStoredDocuments && s.ok(); ++i) {
      const Fingerprint f = letapis::FingerprintText(SyntheticDocument(i), {});
      s = letapis::store::WriteFingerprint(db_.get(), static_cast<int64_t>(i), f, {}, "bench");
    }
    if (s.ok()) s = tx.Commit();
    std::error_code ec;
    if (s.ok()) bytes_ = fs::file_size(path, ec);
    return s;
  }

  fs::path dir_;
  std::unique_ptr<letapis::store::Database> db_;
  bool ok_ = false;
  uintmax_t bytes_ = 0;
};

FingerprintIndex& Index() {
  static FingerprintIndex index;
  return index;
}

// Looks up a lightly edited copy of stored document 4242 (state.range(0) == 1) or an
// unrelated new document (0).
void BM_FindNearDuplicateAmong100k(benchmark::State& state) {
  letapis::store::Database* db = Index().db();
  if (db == nullptr) {
    state.SkipWithError("cannot build the fingerprint index");
    return;
  }
  const bool copy = state.range(0) == 1;
  std::string text = SyntheticDocument(copy ? 4242 : kStoredDocuments + 1);
  if (copy) text = "Reprinted with permission. " + text.substr(0, text.size() * 9 / 10);
  const Fingerprint f = letapis::FingerprintText(text, {});
  letapis::store::NearDuplicateMatch match;
  for (auto _ : state) {
    if (!letapis::store::FindNearDuplicate(db, f, &match).ok()) {
      state.SkipWithError("lookup failed");
      return;
    }
  }
  state.counters["original"] = static_cast<double>(match.original_id);
  state.counters["similarity"] = match.similarity;
  state.counters["store_MB"] = Index().megabytes();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindNearDuplicateAmong100k)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

}  // namespace
