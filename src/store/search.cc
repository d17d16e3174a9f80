#include "store/search.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <vector>

#include <sqlcipher/sqlite3.h>

#include "store/transaction.h"

namespace letapis {

namespace {

// The length of the longest prefix of `bytes` that does not end inside a UTF-8 character
// (a word cut at a byte limit must not leave half a character behind).
size_t Utf8CompletePrefix(std::string_view bytes) {
  size_t start = bytes.size();
  while (start > 0 && (static_cast<unsigned char>(bytes[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  const unsigned char lead = static_cast<unsigned char>(bytes[start - 1]);
  const size_t length = lead < 0x80    ? 1
                        : lead >= 0xF0 ? 4
                        : lead >= 0xE0 ? 3
                        : lead >= 0xC0 ? 2
                                       : 1;
  return start - 1 + length <= bytes.size() ? bytes.size() : start - 1;
}

}  // namespace

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
    if (end - i > kMaxWordBytes) word.resize(Utf8CompletePrefix(word));
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

namespace {

// A ranked match: higher score first, then the newer report (higher docid) first.
struct Ranked {
  double score;
  int64_t docid;
};

bool RanksBefore(const Ranked& a, const Ranked& b) {
  return a.score != b.score ? a.score > b.score : a.docid > b.docid;
}

// One pass over every match: counts them into *total and keeps the best `keep` in *best,
// best first. Only docids and scores are held (a heap of at most `keep`), never texts.
Status RankMatches(Database* db, const std::string& match, size_t keep, int64_t* total,
                   std::vector<Ranked>* best) {
  Statement rank;
  Status s = db->Prepare(
      "SELECT docid, letapis_bm25(matchinfo(report_fts, 'pcnalx')) FROM report_fts"
      " WHERE report_fts MATCH ?1",
      &rank);
  if (!s.ok()) return s;
  rank.BindText(1, match);
  // A heap whose front is the worst of the kept rows.
  best->clear();
  bool row = false;
  while ((s = rank.Step(&row)).ok() && row) {
    ++*total;
    const Ranked r{rank.ColumnDouble(1), rank.ColumnInt64(0)};
    if (best->size() < keep) {
      best->push_back(r);
      std::push_heap(best->begin(), best->end(), RanksBefore);
    } else if (keep > 0 && RanksBefore(r, best->front())) {
      std::pop_heap(best->begin(), best->end(), RanksBefore);
      best->back() = r;
      std::push_heap(best->begin(), best->end(), RanksBefore);
    }
  }
  if (!s.ok()) return s;
  std::sort_heap(best->begin(), best->end(), RanksBefore);
  return Status::Ok();
}

// Fills the snippet of every hit in one pass over the matches (not one per hit).
Status AddSnippets(Database* db, const std::string& match, std::vector<SearchHit>* hits) {
  if (hits->empty()) return Status::Ok();
  std::string sql =
      "SELECT docid, snippet(report_fts, char(1), char(2), '…', -1, ?2) FROM report_fts"
      " WHERE report_fts MATCH ?1 AND docid IN (";
  for (size_t i = 0; i < hits->size(); ++i) sql += i ? ", ?" + std::to_string(i + 3) : "?3";
  sql += ")";
  Statement snip;
  Status s = db->Prepare(sql, &snip);
  if (!s.ok()) return s;
  snip.BindText(1, match).BindInt64(2, kSnippetTokens);
  for (size_t i = 0; i < hits->size(); ++i) {
    snip.BindInt64(static_cast<int>(i + 3), (*hits)[i].source_id);
  }
  bool row = false;
  while ((s = snip.Step(&row)).ok() && row) {
    const int64_t docid = snip.ColumnInt64(0);
    for (SearchHit& hit : *hits) {
      if (hit.source_id == docid) hit.snippet = snip.ColumnText(1);
    }
  }
  return s;
}

}  // namespace

Status Search(Database* db, const std::string& query, int64_t limit, int64_t offset,
              SearchResults* out) {
  *out = SearchResults{};
  const std::string match = SearchMatchExpression(query);
  if (match.empty()) return Status::Ok();
  const size_t page = static_cast<size_t>(std::clamp<int64_t>(limit, 1, kMaxPage));
  // Ranking keeps at most skip + page rows, and never more than there are matches.
  const size_t skip = static_cast<size_t>(std::max<int64_t>(offset, 0));
  Transaction tx(db);
  Status s = tx.Begin(Transaction::Mode::kRead);
  // Count and rank in one pass, then read the page's reports and snippets.
  std::vector<Ranked> best;
  if (s.ok()) s = RankMatches(db, match, skip + page, &out->total, &best);
  Statement source;
  if (s.ok()) {
    s = db->Prepare("SELECT name, title, coalesce(published, '') FROM source WHERE id = ?1",
                    &source);
  }
  for (size_t i = skip; s.ok() && i < best.size(); ++i) {
    bool row = false;
    s = source.BindInt64(1, best[i].docid).Step(&row);
    if (s.ok() && row) {
      out->hits.push_back(SearchHit{best[i].docid, source.ColumnText(0), source.ColumnText(1),
                                    source.ColumnText(2), "", best[i].score});
    }
    source.Reset();
  }
  if (s.ok()) s = AddSnippets(db, match, &out->hits);
  if (s.ok()) s = tx.Commit();
  return s;
}

}  // namespace letapis::store
