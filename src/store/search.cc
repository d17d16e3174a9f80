#include "store/search.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <vector>

#include <sqlcipher/sqlite3.h>

#include "store/transaction.h"

namespace letapis {

std::string SearchMatchExpression(const std::string& query) {
  constexpr size_t kMaxWords = 16;
  constexpr size_t kMaxWordBytes = 64;
  std::string out;
  size_t words = 0;
  for (size_t i = 0; i < query.size() && words < kMaxWords;) {
    auto is_word = [&](size_t k) {
      const unsigned char c = static_cast<unsigned char>(query[k]);
      return c >= 0x80 || std::isalnum(c);
    };
    if (!is_word(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < query.size() && is_word(end)) ++end;
    std::string word = query.substr(i, std::min(end - i, kMaxWordBytes));
    // Never cut a UTF-8 character in two.
    while (!word.empty() && (static_cast<unsigned char>(word.back()) & 0xC0) == 0x80 &&
           word.size() == kMaxWordBytes) {
      word.pop_back();
    }
    const bool prefix = end < query.size() && query[end] == '*';
    out += (out.empty() ? "\"" : " \"") + word + (prefix ? "*\"" : "\"");
    ++words;
    i = end;
  }
  return out;
}

}  // namespace letapis

namespace letapis::store {
namespace {

constexpr int64_t kMaxPage = 100;
constexpr int kSnippetTokens = 24;

// Okapi BM25 (k1 = 1.2, b = 0.75) from FTS4 matchinfo 'pcnalx'.
void Bm25(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
    sqlite3_result_error(ctx, "letapis_bm25: expects matchinfo(table, 'pcnalx')", -1);
    return;
  }
  const int bytes = sqlite3_value_bytes(argv[0]);
  const auto* blob = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
  std::vector<uint32_t> m(static_cast<size_t>(bytes) / sizeof(uint32_t));
  if (!m.empty()) std::memcpy(m.data(), blob, m.size() * sizeof(uint32_t));
  if (m.size() < 3) {
    sqlite3_result_double(ctx, 0);
    return;
  }
  const size_t phrases = m[0], columns = m[1];
  const double docs = m[2];
  const size_t need = 3 + 2 * columns + 3 * phrases * columns;
  if (m.size() < need) {
    sqlite3_result_error(ctx, "letapis_bm25: short matchinfo blob", -1);
    return;
  }
  constexpr double k1 = 1.2, b = 0.75;
  double score = 0;
  for (size_t c = 0; c < columns; ++c) {
    const double avg = std::max<double>(m[3 + c], 1);
    const double len = m[3 + columns + c];
    for (size_t p = 0; p < phrases; ++p) {
      const size_t x = 3 + 2 * columns + 3 * (p * columns + c);
      const double tf = m[x], with = m[x + 2];
      const double idf = std::log(1 + (docs - with + 0.5) / (with + 0.5));
      score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avg));
    }
  }
  sqlite3_result_double(ctx, score);
}

}  // namespace

Status RegisterSearchFunctions(Database* db) { return db->CreateFunction("letapis_bm25", 1, Bm25); }

Status Search(Database* db, const std::string& query, int64_t limit, int64_t offset,
              SearchResults* out) {
  *out = SearchResults{};
  const std::string match = SearchMatchExpression(query);
  if (match.empty()) return Status::Ok();
  Transaction tx(db);
  Status s = tx.Begin(Transaction::Mode::kRead);
  Statement count, rank, snip;
  bool row = false;
  if (s.ok()) s = db->Prepare("SELECT count(*) FROM report_fts WHERE report_fts MATCH ?1", &count);
  if (s.ok()) s = count.BindText(1, match).Step(&row);
  if (!s.ok()) return s;
  out->total = count.ColumnInt64(0);
  // Rank first (only docids and scores are sorted), then build snippets for one page.
  s = db->Prepare(
      "SELECT r.docid, r.score, s.name, s.title, coalesce(s.published, '') FROM"
      " (SELECT docid, letapis_bm25(matchinfo(report_fts, 'pcnalx')) AS score FROM report_fts"
      "  WHERE report_fts MATCH ?1 ORDER BY score DESC, docid DESC LIMIT ?2 OFFSET ?3) r"
      " JOIN source s ON s.id = r.docid ORDER BY r.score DESC, r.docid DESC",
      &rank);
  if (!s.ok()) return s;
  rank.BindText(1, match).BindInt64(2, std::clamp<int64_t>(limit, 1, kMaxPage));
  rank.BindInt64(3, std::max<int64_t>(offset, 0));
  while ((s = rank.Step(&row)).ok() && row) {
    out->hits.push_back(SearchHit{rank.ColumnInt64(0), rank.ColumnText(2), rank.ColumnText(3),
                                  rank.ColumnText(4), "", rank.ColumnDouble(1)});
  }
  if (s.ok()) {
    s = db->Prepare(
        "SELECT snippet(report_fts, char(1), char(2), '…', -1, ?3) FROM report_fts"
        " WHERE report_fts MATCH ?1 AND docid = ?2",
        &snip);
  }
  for (SearchHit& hit : out->hits) {
    if (!s.ok()) break;
    snip.BindText(1, match).BindInt64(2, hit.source_id).BindInt64(3, kSnippetTokens);
    s = snip.Step(&row);
    if (s.ok() && row) hit.snippet = snip.ColumnText(0);
    snip.Reset();
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

}  // namespace letapis::store
