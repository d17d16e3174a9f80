// Full-text search over the stored reports (the Store::Search method).
#pragma once

#include <string>
#include <vector>

#include "letapis/search.h"
#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// A word of a typed query (see SearchMatchExpression): its text, and whether a '*' after it
// asks for every word it begins.
struct SearchWord {
  std::string text;
  bool prefix = false;
};

// The words of `query` that SearchMatchExpression quotes, in order (at most 16, each cut
// to 64 bytes between characters).
std::vector<SearchWord> SearchWords(const std::string& query);

// When a search lists its matches newest first instead of by BM25: when they are at least
// `newest_first_min_matches` and more than half of all reports. Words that most reports
// contain have an IDF near zero, so BM25 would order such matches by little more than
// report length, yet scoring them all is the slowest search there is.
struct SearchLimits {
  int64_t newest_first_min_matches = 10000;
};

// See Store::Search (which uses the default SearchLimits).
Status Search(Database* db, const std::string& query, int64_t limit, int64_t offset,
              SearchResults* out);
// Store::Search with the given limits.
Status Search(Database* db, const std::string& query, int64_t limit, int64_t offset,
              const SearchLimits& limits, SearchResults* out);

}  // namespace letapis::store
