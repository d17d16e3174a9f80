// search_latency: full-text search latency in-process on an existing store.
//
//   LETAPIS_PASSPHRASE=... search_latency STORE [--repeat N] [--limit L]
//                                              [--query KIND=WORDS]... [--json]
//
// Runs Store::Search (ranking, count and snippets of one page, as the web search page does)
// for a fixed mix of query kinds, round-robin, N times each after one warm-up round, and
// prints matches, p50/p95/max milliseconds per kind and over all. --query replaces the
// default mix. Exits 1 when the store cannot be opened or a search fails.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "letapis/store.h"

#include "report_util.h"

namespace {

using letapis::bench::JsonEscaped;
using letapis::bench::Quantile;

// A query kind and what is typed.
struct Query {
  std::string kind, text;
  std::vector<double> ms;
  int64_t total = 0;
};

// The default mix: words chosen for how often they occur in ../shared/corpus/bench
// (English news and Wikipedia); the Cyrillic word and the name are rare there.
std::vector<Query> DefaultQueries() {
  return {{"frequent word", "government", {}, 0},
          {"rare word", "sanatorium", {}, 0},
          {"two words", "court sentenced", {}, 0},
          {"prefix", "elect*", {}, 0},
          {"cyrillic", "суд", {}, 0},
          {"name", "Mahatma Gandhi", {}, 0},
          {"very frequent", "the", {}, 0}};
}

[[noreturn]] void Usage(const std::string& problem) {
  std::fprintf(stderr,
               "search_latency: %s\nusage: LETAPIS_PASSPHRASE=... search_latency STORE "
               "[--repeat N] [--limit L] [--query KIND=WORDS]... [--json]\n",
               problem.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int repeat = 50;
  int64_t limit = 20;
  bool json = false;
  std::vector<Query> queries;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (a == "--limit" && i + 1 < argc) {
      limit = std::atoll(argv[++i]);
    } else if (a == "--query" && i + 1 < argc) {
      const std::string q = argv[++i];
      const size_t eq = q.find('=');
      if (eq == std::string::npos || eq == 0) Usage("--query takes KIND=WORDS: " + q);
      queries.push_back({q.substr(0, eq), q.substr(eq + 1), {}, 0});
    } else if (a.rfind("--", 0) == 0 || !path.empty()) {
      Usage("unexpected argument " + a);
    } else {
      path = a;
    }
  }
  if (path.empty()) Usage("give the store's path");
  if (repeat < 1 || repeat > 100000) Usage("--repeat must be 1..100000");
  if (limit < 1 || limit > 100) Usage("--limit must be 1..100");
  if (queries.empty()) queries = DefaultQueries();
  const char* passphrase = std::getenv("LETAPIS_PASSPHRASE");
  if (passphrase == nullptr) Usage("set LETAPIS_PASSPHRASE");

  std::unique_ptr<letapis::Store> store;
  letapis::Status s = letapis::OpenSqlcipherStore(path, passphrase, false, &store);
  if (!s.ok()) {
    std::fprintf(stderr, "search_latency: %s\n", s.message().c_str());
    return 1;
  }
  letapis::StoreCounts counts;
  s = store->Counts(&counts);
  for (int round = -1; s.ok() && round < repeat; ++round) {  // round -1 warms the cache
    for (Query& q : queries) {
      letapis::SearchResults results;
      const auto start = std::chrono::steady_clock::now();
      s = store->Search(q.text, limit, 0, &results);
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      if (!s.ok()) break;
      q.total = results.total;
      if (round >= 0) q.ms.push_back(ms);
    }
  }
  if (!s.ok()) {
    std::fprintf(stderr, "search_latency: %s\n", s.message().c_str());
    return 1;
  }
  std::vector<double> all;
  for (Query& q : queries) {
    std::sort(q.ms.begin(), q.ms.end());
    all.insert(all.end(), q.ms.begin(), q.ms.end());
  }
  std::sort(all.begin(), all.end());
  if (json) {
    std::printf(
        "{\"reports\":%lld,\"repeat\":%d,\"limit\":%lld,\"p50_ms\":%.3f,\"p95_ms\":%.3f,"
        "\"max_ms\":%.3f,\"queries\":[",
        static_cast<long long>(counts.sources), repeat, static_cast<long long>(limit),
        Quantile(all, 0.5), Quantile(all, 0.95), all.back());
    for (size_t i = 0; i < queries.size(); ++i) {
      const Query& q = queries[i];
      std::printf(
          "%s{\"kind\":\"%s\",\"query\":\"%s\",\"matches\":%lld,\"p50_ms\":%.3f,"
          "\"p95_ms\":%.3f,\"max_ms\":%.3f}",
          i ? "," : "", JsonEscaped(q.kind).c_str(), JsonEscaped(q.text).c_str(),
          static_cast<long long>(q.total), Quantile(q.ms, 0.5), Quantile(q.ms, 0.95), q.ms.back());
    }
    std::printf("]}\n");
    return 0;
  }
  std::printf("%lld reports; %d searches per query, %lld results per page\n",
              static_cast<long long>(counts.sources), repeat, static_cast<long long>(limit));
  std::printf("%-16s %-20s %9s %9s %9s %9s\n", "kind", "query", "matches", "p50 ms", "p95 ms",
              "max ms");
  for (const Query& q : queries) {
    std::printf("%-16s %-20s %9lld %9.2f %9.2f %9.2f\n", q.kind.c_str(), q.text.c_str(),
                static_cast<long long>(q.total), Quantile(q.ms, 0.5), Quantile(q.ms, 0.95),
                q.ms.back());
  }
  std::printf("%-16s %-20s %9s %9.2f %9.2f %9.2f\n", "all", "", "", Quantile(all, 0.5),
              Quantile(all, 0.95), all.back());
  return 0;
}
