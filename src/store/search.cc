#include "store/search.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <deque>
#include <vector>

#include "store/fts_stats.h"
#include "store/snippets.h"
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
  std::string out;
  for (const store::SearchWord& w : store::SearchWords(query)) {
    out += (out.empty() ? "\"" : " \"") + w.text + (w.prefix ? "*\"" : "\"");
  }
  return out;
}

namespace store {

std::vector<SearchWord> SearchWords(const std::string& query) {
  constexpr size_t kMaxWords = 16;
  constexpr size_t kMaxWordBytes = 64;
  std::vector<SearchWord> out;
  for (size_t i = 0; i < query.size() && out.size() < kMaxWords;) {
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
    out.push_back(SearchWord{std::move(word), prefix});
    i = end;
  }
  return out;
}

}  // namespace store

}  // namespace letapis

namespace letapis::store {
namespace {

constexpr int64_t kMaxPage = 100;
// Okapi BM25 parameters.
constexpr double kK1 = 1.2, kB = 0.75;

// BM25's inverse document frequency of a word found in `with` of `reports` reports.
double Idf(double reports, double with) {
  return std::log(1 + (std::max(reports, with) - with + 0.5) / (with + 0.5));
}

// BM25's weight of `tf` occurrences in a report of `tokens` tokens, before the IDF.
double TermWeight(double tf, double tokens, double average_tokens) {
  return tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * tokens / average_tokens));
}

// A ranked match: higher score first, then the newer report (higher docid) first.
struct Ranked {
  double score;
  int64_t docid;
};

bool RanksBefore(const Ranked& a, const Ranked& b) {
  return a.score != b.score ? a.score > b.score : a.docid > b.docid;
}

// Keeps the best `keep` of the matches offered one by one (a heap whose front is the worst
// kept), best first after Finish.
class TopMatches {
 public:
  explicit TopMatches(size_t keep) : keep_(keep) {}
  // True when a match ranked `r` would be kept (now).
  bool WouldKeep(const Ranked& r) const {
    return best_.size() < keep_ || (keep_ > 0 && RanksBefore(r, best_.front()));
  }
  void Offer(const Ranked& r) {
    if (best_.size() < keep_) {
      best_.push_back(r);
      std::push_heap(best_.begin(), best_.end(), RanksBefore);
    } else if (keep_ > 0 && RanksBefore(r, best_.front())) {
      std::pop_heap(best_.begin(), best_.end(), RanksBefore);
      best_.back() = r;
      std::push_heap(best_.begin(), best_.end(), RanksBefore);
    }
  }
  std::vector<Ranked> Finish() {
    std::sort_heap(best_.begin(), best_.end(), RanksBefore);
    return std::move(best_);
  }

 private:
  size_t keep_;
  std::vector<Ranked> best_;
};

// The matchinfo values of one row: 'pcx' (phrases, columns, then per phrase and column:
// hits in this row, hits in all rows, rows with a hit) or 'pcy' (per phrase and column:
// hits in this row).
std::vector<uint32_t> MatchinfoValues(const std::string& blob) {
  std::vector<uint32_t> m(blob.size() / sizeof(uint32_t));
  if (!m.empty()) std::memcpy(m.data(), blob.data(), m.size() * sizeof(uint32_t));
  return m;
}

// Counts every match into *total and keeps the newest `keep` docids, newest first. Reads
// only docids, in FTS4's ascending order (which it reads incrementally; descending order
// first loads the whole doclist): the cheapest pass over a doclist. Stops early, with
// *could_be_most false, once the matches so far and every report after the current one
// together could no longer reach `least` nor more than half of `reports` (ids up to
// `last_docid`).
Status CountNewest(Database* db, const std::string& match, size_t keep, int64_t least,
                   int64_t reports, int64_t last_docid, int64_t* total,
                   std::vector<int64_t>* newest, bool* could_be_most) {
  *could_be_most = true;
  Statement all;
  Status s =
      db->Prepare("SELECT docid FROM report_fts WHERE report_fts MATCH ?1 ORDER BY docid", &all);
  if (!s.ok()) return s;
  all.BindText(1, match);
  std::deque<int64_t> last;
  bool row = false;
  while ((s = all.Step(&row)).ok() && row) {
    const int64_t docid = all.ColumnInt64(0);
    last.push_back(docid);
    if (last.size() > keep) last.pop_front();
    ++*total;
    const int64_t at_most = *total + std::max<int64_t>(last_docid - docid, 0);
    if (at_most < least || 2 * at_most <= reports) {
      *could_be_most = false;
      return Status::Ok();
    }
  }
  newest->assign(last.rbegin(), last.rend());
  return s;
}

// One pass over every match: counts them into *total and returns the best `keep` by BM25 in
// *best, best first. Report lengths come from FtsDocLengths in docid order; with one
// phrase its IDF is a common factor applied at the end ('pcy' then suffices), with several
// each phrase's IDF comes from matchinfo 'x'.
Status RankMatches(Database* db, const std::string& match, size_t phrases,
                   const FtsIndexStats& index, size_t keep, int64_t* total,
                   std::vector<Ranked>* best) {
  const bool one_phrase = phrases == 1;
  Statement rank;
  Status s = db->Prepare(one_phrase ? "SELECT docid, matchinfo(report_fts, 'pcy') FROM report_fts"
                                      " WHERE report_fts MATCH ?1 ORDER BY docid"
                                    : "SELECT docid, matchinfo(report_fts, 'pcx') FROM report_fts"
                                      " WHERE report_fts MATCH ?1 ORDER BY docid",
                         &rank);
  if (!s.ok()) return s;
  rank.BindText(1, match);
  FtsDocLengths lengths(db);
  TopMatches top(keep);
  const size_t stride = one_phrase ? 1 : 3;
  bool row = false;
  while ((s = rank.Step(&row)).ok() && row) {
    ++*total;
    const int64_t docid = rank.ColumnInt64(0);
    const std::vector<uint32_t> m = MatchinfoValues(rank.ColumnBlob(1));
    if (m.size() < 2 || m.size() < 2 + stride * size_t{m[0]} * m[1]) {
      return Status::Corrupt("report_fts: short matchinfo of report " + std::to_string(docid));
    }
    // A report has at least as many tokens as occurrences of any one phrase, and BM25
    // falls with length: the score at that least length bounds the real one, so the length
    // is looked up only for a match that could still enter the kept best.
    double least_tokens = 0;
    for (size_t p = 0; p < m[0]; ++p) {
      for (size_t c = 0; c < m[1]; ++c) {
        least_tokens = std::max<double>(least_tokens, m[2 + stride * (p * m[1] + c)]);
      }
    }
    auto score_at = [&](double tokens) {
      double score = 0;
      for (size_t p = 0; p < m[0]; ++p) {
        for (size_t c = 0; c < m[1]; ++c) {
          const size_t x = 2 + stride * (p * m[1] + c);
          const double idf =
              one_phrase ? 1
                         : Idf(static_cast<double>(index.reports), static_cast<double>(m[x + 2]));
          score += idf * TermWeight(m[x], tokens, index.average_tokens);
        }
      }
      return score;
    };
    if (!top.WouldKeep(Ranked{score_at(least_tokens), docid})) continue;
    double tokens = 0;
    s = lengths.Get(docid, &tokens);
    if (!s.ok()) return s;
    const double score = score_at(std::max(tokens, least_tokens));
    top.Offer(Ranked{score, docid});
  }
  if (!s.ok()) return s;
  *best = top.Finish();
  if (one_phrase) {
    const double idf = Idf(static_cast<double>(index.reports), static_cast<double>(*total));
    for (Ranked& r : *best) r.score *= idf;
  }
  return Status::Ok();
}

}  // namespace

Status Search(Database* db, const std::string& query, int64_t limit, int64_t offset,
              SearchResults* out) {
  return Search(db, query, limit, offset, SearchLimits{}, out);
}

Status Search(Database* db, const std::string& query, int64_t limit, int64_t offset,
              const SearchLimits& limits, SearchResults* out) {
  *out = SearchResults{};
  const std::string match = SearchMatchExpression(query);
  if (match.empty()) return Status::Ok();
  const size_t phrases = static_cast<size_t>(std::count(match.begin(), match.end(), '"') / 2);
  const size_t page = static_cast<size_t>(std::clamp<int64_t>(limit, 1, kMaxPage));
  // Ranking keeps at most skip + page rows, and never more than there are matches.
  const size_t skip = static_cast<size_t>(std::max<int64_t>(offset, 0));
  Transaction tx(db);
  Status s = tx.Begin(Transaction::Mode::kRead);
  FtsIndexStats index;
  if (s.ok()) s = ReadFtsIndexStats(db, &index);
  // A store too small for the newest-first order is ranked at once; a larger one is
  // counted first (docids only), and ranked only when the matches are not most reports.
  std::vector<Ranked> best;
  if (s.ok() && index.reports >= 2 * limits.newest_first_min_matches) {
    std::vector<int64_t> newest;
    bool could_be_most = false;
    s = CountNewest(db, match, skip + page, limits.newest_first_min_matches, index.reports,
                    index.last_docid, &out->total, &newest, &could_be_most);
    out->newest_first = could_be_most && out->total >= limits.newest_first_min_matches &&
                        2 * out->total > index.reports;
    if (out->newest_first) {
      for (int64_t docid : newest) best.push_back(Ranked{0, docid});
    } else {
      out->total = 0;
    }
  }
  if (s.ok() && !out->newest_first) {
    s = RankMatches(db, match, phrases, index, skip + page, &out->total, &best);
  }
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
  if (s.ok()) s = AddSnippets(db, SearchWords(query), &out->hits);
  if (s.ok()) s = tx.Commit();
  return s;
}

}  // namespace letapis::store
