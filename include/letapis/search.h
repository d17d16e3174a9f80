// Full-text search over every stored report (SQLite FTS4, unicode61: Latin and Cyrillic,
// case and diacritics folded).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace letapis {

// Marks around a matched term inside SearchHit::snippet (never present in report text).
constexpr char kHitOpen = '\x01';
constexpr char kHitClose = '\x02';

// One matching report.
struct SearchHit {
  int64_t source_id = 0;
  std::string name, title, published;
  std::string snippet;  // plain text with matches between kHitOpen and kHitClose
  double score = 0;     // BM25, higher is better; 0 when the results are newest first
};

// A page of results, best first, and how many reports match in all. When the matches are
// more than half of all reports and at least 10,000 (every word is one that most reports
// contain, so BM25 ranks by little more than length), they are listed newest first
// instead, without scores.
struct SearchResults {
  int64_t total = 0;
  std::vector<SearchHit> hits;
  bool newest_first = false;  // hits are newest first (higher source_id first), not ranked
};

// The FTS4 MATCH expression for what a user typed: every word must occur (letters and
// digits; other characters separate words); a trailing '*' on a word matches prefixes.
// Quotes and operators are neutralised. "" when the query has no word.
std::string SearchMatchExpression(const std::string& query);

}  // namespace letapis
