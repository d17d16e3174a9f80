// Throughput of each extraction stage on real text: the bench corpus of the evaluation kit
// (../shared/corpus/bench, read at run time; path: $LETAPIS_BENCH_CORPUS, else next to the
// data dir). A sample of up to $LETAPIS_BENCH_SAMPLE_MB (default 2) MB is taken, half from
// news/ and half from enwiki/, in file-name order. Every benchmark processes the whole
// sample per iteration and reports bytes/s of input text.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extract/analysis.h"
#include "extract/lexicons.h"
#include "letapis/extractor.h"
#include "letapis/ingest.h"
#include "letapis/text.h"
#include "letapis/tsv.h"

namespace {

namespace fs = std::filesystem;
using namespace letapis;

std::string CorpusDir() {
  const char* env = std::getenv("LETAPIS_BENCH_CORPUS");
  return env != nullptr && *env != '\0' ? env : DataDir() + "/../../shared/corpus/bench";
}

size_t SampleBytes() {
  const char* env = std::getenv("LETAPIS_BENCH_SAMPLE_MB");
  const double mb = env != nullptr ? std::atof(env) : 0;
  return static_cast<size_t>((mb > 0 ? mb : 2.0) * 1e6);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The first .txt files of `dir` (sorted by name) up to `budget` bytes.
void TakeFiles(const fs::path& dir, size_t budget,
               std::vector<std::pair<std::string, std::string>>* out) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  size_t used = 0;
  for (const fs::path& f : files) {
    if (used >= budget) break;
    std::string raw = ReadFile(f);
    used += raw.size();
    out->emplace_back(f.filename().string(), std::move(raw));
  }
}

// Everything the benchmarks share: raw sample files, documents, lexicons, analyses.
struct Fixture {
  std::vector<std::pair<std::string, std::string>> files;  // name, raw bytes
  std::vector<Document> docs;
  std::vector<std::string> html;  // each file's paragraphs as a small HTML page
  size_t bytes = 0;
  Lexicons lex;
  Extractor extractor;
  std::vector<Analysis> analyses;  // after FindNames
  std::vector<Extraction> named;   // entities and mentions only
  bool ok = false;
  std::string error;
};

std::string ToHtml(const std::string& text) {
  std::string html =
      "<html><head><title>Sample</title></head><body><nav><a href=\"/\">Home</a>"
      "</nav><article>";
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      html += "<p>";
      for (size_t i = start; i < end; ++i) {
        const char c = text[i];
        html += c == '<' ? "&lt;" : c == '&' ? "&amp;" : std::string(1, c);
      }
      html += "</p>\n";
    }
    start = end + 1;
  }
  return html + "</article><footer>Share</footer></body></html>";
}

const Fixture& Data() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture();
    const fs::path dir = CorpusDir();
    const size_t budget = SampleBytes();
    TakeFiles(dir / "news", budget / 2, &f->files);
    TakeFiles(dir / "enwiki", budget - budget / 2, &f->files);
    if (f->files.empty()) {
      f->error = "no .txt files under " + dir.string() + " (set LETAPIS_BENCH_CORPUS)";
      return f;
    }
    if (Status s = Lexicons::Load(DataDir(), &f->lex); !s.ok()) {
      f->error = s.message();
      return f;
    }
    if (Status s = Extractor::Load(DataDir(), &f->extractor); !s.ok()) {
      f->error = s.message();
      return f;
    }
    f->docs.reserve(f->files.size());  // analyses point into docs
    for (const auto& [name, raw] : f->files) {
      SourceMeta meta;
      meta.name = name;
      meta.format = "txt";
      Document doc;
      if (!MakeDocument(raw, meta, &doc).ok()) continue;
      f->bytes += raw.size();
      f->html.push_back(ToHtml(doc.text));
      f->docs.push_back(std::move(doc));
    }
    for (const Document& doc : f->docs) {
      f->analyses.push_back(Analyze(doc, f->lex));
      f->named.emplace_back();
      FindNames(&f->analyses.back(), &f->named.back());
    }
    f->ok = true;
    return f;
  }();
  return *fixture;
}

bool Ready(benchmark::State& state) {
  if (!Data().ok) {
    state.SkipWithError(Data().error.c_str());
    return false;
  }
  return true;
}

void Report(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Data().bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Data().docs.size()));
}

// Raw bytes to a Document: SHA-256, charset detection and decoding, boilerplate lines.
void BM_MakeDocument(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const auto& [name, raw] : Data().files) {
      SourceMeta meta;
      meta.name = name;
      meta.format = "txt";
      Document doc;
      benchmark::DoNotOptimize(MakeDocument(raw, meta, &doc));
    }
  }
  Report(state);
}
BENCHMARK(BM_MakeDocument)->Unit(benchmark::kMillisecond);

void BM_Decode(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const auto& file : Data().files) {
      DecodedText out;
      benchmark::DoNotOptimize(DecodeText(file.second, "", &out));
    }
  }
  Report(state);
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);

// The sample's paragraphs wrapped in <p> elements of a small page (bytes: the plain text).
void BM_HtmlToText(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const std::string& html : Data().html) {
      HtmlText out;
      benchmark::DoNotOptimize(HtmlToText(html, &out));
    }
  }
  Report(state);
}
BENCHMARK(BM_HtmlToText)->Unit(benchmark::kMillisecond);

void BM_Boilerplate(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Document& doc : Data().docs) benchmark::DoNotOptimize(FindBoilerplate(doc.text));
  }
  Report(state);
}
BENCHMARK(BM_Boilerplate)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Document& doc : Data().docs) {
      benchmark::DoNotOptimize(Normalize(doc.text, doc.boilerplate));
    }
  }
  Report(state);
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Analysis& a : Data().analyses) benchmark::DoNotOptimize(Tokenize(a.text()));
  }
  Report(state);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_Sentences(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Analysis& a : Data().analyses) {
      benchmark::DoNotOptimize(SplitSentences(a.text(), a.tokens));
    }
  }
  Report(state);
}
BENCHMARK(BM_Sentences)->Unit(benchmark::kMillisecond);

// Longest-match lookups of the organisation, place, person and trigger phrase tables at
// every word token.
void BM_Gazetteers(benchmark::State& state) {
  if (!Ready(state)) return;
  const Lexicons& lex = Data().lex;
  for (auto _ : state) {
    uint64_t found = 0;
    for (const Analysis& a : Data().analyses) {
      for (size_t i = 0; i < a.tokens.size(); ++i) {
        if (a.tokens[i].kind != TokenKind::kWord) continue;
        found += lex.organization_names.LongestAt(a.text(), a.tokens, i).length;
        found += lex.place_names.LongestAt(a.text(), a.tokens, i).length;
        found += lex.person_names.LongestAt(a.text(), a.tokens, i).length;
        found += lex.trigger_phrases.LongestAt(a.text(), a.tokens, i).length;
      }
    }
    benchmark::DoNotOptimize(found);
  }
  Report(state);
}
BENCHMARK(BM_Gazetteers)->Unit(benchmark::kMillisecond);

void BM_Dates(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Analysis& a : Data().analyses) {
      benchmark::DoNotOptimize(FindDates(a.text(), a.tokens, a.published, Data().lex.expressions));
    }
  }
  Report(state);
}
BENCHMARK(BM_Dates)->Unit(benchmark::kMillisecond);

void BM_Numbers(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Analysis& a : Data().analyses) {
      benchmark::DoNotOptimize(FindNumbers(a.text(), a.tokens, Data().lex.expressions));
    }
  }
  Report(state);
}
BENCHMARK(BM_Numbers)->Unit(benchmark::kMillisecond);

// Sentence terms and criminal-code articles.
void BM_TermsArticles(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Analysis& a : Data().analyses) {
      benchmark::DoNotOptimize(FindTerms(a.text(), a.tokens, Data().lex.expressions));
      benchmark::DoNotOptimize(FindArticles(a.text(), a.tokens));
    }
  }
  Report(state);
}
BENCHMARK(BM_TermsArticles)->Unit(benchmark::kMillisecond);

// Normalisation, tokens, sentences, quotes, dates, numbers, terms, articles.
void BM_Analyze(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Document& doc : Data().docs) benchmark::DoNotOptimize(Analyze(doc, Data().lex));
  }
  Report(state);
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

void BM_Names(benchmark::State& state) {
  if (!Ready(state)) return;
  std::vector<Analysis> analyses;
  for (const Document& doc : Data().docs) analyses.push_back(Analyze(doc, Data().lex));
  for (auto _ : state) {
    for (Analysis& a : analyses) {
      a.names.clear();
      Extraction out;
      FindNames(&a, &out);
      benchmark::DoNotOptimize(out);
    }
  }
  Report(state);
}
BENCHMARK(BM_Names)->Unit(benchmark::kMillisecond);

// Events, given the names (the copy of the names' extraction is included).
void BM_Events(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (size_t d = 0; d < Data().analyses.size(); ++d) {
      Extraction out = Data().named[d];
      FindEvents(Data().analyses[d], &out);
      benchmark::DoNotOptimize(out);
    }
  }
  Report(state);
}
BENCHMARK(BM_Events)->Unit(benchmark::kMillisecond);

// Claims and quotes, given the names (the copy of the names' extraction is included).
void BM_ClaimsQuotes(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (size_t d = 0; d < Data().analyses.size(); ++d) {
      Extraction out = Data().named[d];
      FindClaims(Data().analyses[d], &out);
      FindQuotes(Data().analyses[d], &out);
      benchmark::DoNotOptimize(out);
    }
  }
  Report(state);
}
BENCHMARK(BM_ClaimsQuotes)->Unit(benchmark::kMillisecond);

// The whole extractor on decoded documents.
void BM_Extractor(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const Document& doc : Data().docs) benchmark::DoNotOptimize(Data().extractor.Run(doc));
  }
  Report(state);
}
BENCHMARK(BM_Extractor)->Unit(benchmark::kMillisecond);

}  // namespace
