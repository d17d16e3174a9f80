// libFuzzer target for the search query language: any bytes a user types become a MATCH
// expression of at most 16 quoted words, valid UTF-8 when the input was, and searching a
// real store with it never fails (a typed query is never an error).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "letapis/ingest.h"
#include "letapis/search.h"
#include "letapis/store.h"

namespace {

// The temporary directory of the shared store, removed when the process exits.
std::string& StoreDir() {
  static std::string dir;
  return dir;
}

void RemoveStoreDir() {
  std::error_code ignored;
  std::filesystem::remove_all(StoreDir(), ignored);
}

// A small store in a temporary directory, made once per fuzzing process.
letapis::Store& SharedStore() {
  static letapis::Store* store = [] {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "letapis-search-fuzz-XXXXXX").string();
    letapis::fuzz::Require(mkdtemp(pattern.data()) != nullptr, "a temporary directory");
    StoreDir() = pattern;
    std::atexit(RemoveStoreDir);
    std::unique_ptr<letapis::Store> opened;
    letapis::fuzz::RequireLoaded(
        letapis::OpenSqlcipherStore(pattern + "/s.db", "fuzz passphrase", true, &opened));
    const char* texts[] = {
        "Police detained the journalist Ales Karpenka in Minsk on 3 March 2025.",
        "Суд у Гомелі прысудзіў Сымона Карпенку да пяці гадоў калоніі.",
        "The court sentenced three activists; \"a political case\", the lawyers said.",
    };
    for (const char* text : texts) {
      letapis::SourceMeta meta;
      meta.name = std::string("r") + text[0] + ".txt";
      meta.format = "txt";
      letapis::Document doc;
      letapis::fuzz::RequireLoaded(letapis::MakeDocument(text, meta, &doc));
      bool added = false;
      letapis::fuzz::RequireLoaded(opened->AddReport(doc, letapis::Extraction{}, "fuzz", &added));
    }
    return opened.release();
  }();
  return *store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using letapis::fuzz::Require;
  if (size > 4096) return 0;
  const std::string query(reinterpret_cast<const char*>(data), size);
  const std::string match = letapis::SearchMatchExpression(query);
  size_t quotes = 0;
  for (char c : match) quotes += c == '"';
  Require(quotes % 2 == 0 && quotes <= 32, "at most 16 quoted words");
  if (letapis::fuzz::IsValidUtf8(data, size)) {
    Require(
        letapis::fuzz::IsValidUtf8(reinterpret_cast<const uint8_t*>(match.data()), match.size()),
        "valid UTF-8 in, valid UTF-8 out");
  }
  letapis::SearchResults results;
  Require(SharedStore().Search(query, 5, 0, &results).ok(), "a typed query is never an error");
  Require(results.hits.size() <= 5 && results.total >= static_cast<int64_t>(results.hits.size()),
          "a page of hits within the total");
  return 0;
}
