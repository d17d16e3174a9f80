#include <algorithm>
#include <atomic>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "ingest/jsonl.h"
#include "letapis/export.h"
#include "letapis/ingest.h"

namespace letapis::cli {
namespace {

// Files are extracted in windows of this many, in parallel, and printed in input order.
constexpr size_t kWindow = 256;

struct ExtractOptions {
  std::vector<std::string> paths;
  std::string format = "json";
  ReadOptions read;
  unsigned jobs = 1;
  bool stdin_jsonl = false;
};

// Extracts `doc` and appends its record in `format` ("eval" or "json") and a newline to `out`.
void AppendRecord(const Extractor& extractor, const Document& doc, const std::string& format,
                  std::string* out) {
  const Extraction x = extractor.Run(doc);
  if (format == "eval") {
    AppendEvalRecord(doc, x, out);
  } else {
    out->append(FullRecord(doc, x).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  out->push_back('\n');
}

// One JSONL report per input line, one record per output line, flushed as it goes: a
// stateless worker for any batch engine. Returns the number of lines skipped.
size_t ExtractStdin(const Extractor& extractor, const std::string& format) {
  std::string line;
  size_t skipped = 0;
  for (int number = 1; std::getline(std::cin, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Document doc;
    if (Status s = ReadJsonlRecord(line, "stdin", number, &doc); !s.ok()) {
      std::cerr << fmt::format("letapis: skipped stdin:{}: {}\n", number, s.message());
      ++skipped;
      continue;
    }
    std::string record;
    AppendRecord(extractor, doc, format, &record);
    std::cout << record << std::flush;
  }
  return skipped;
}

// Extracts every file with `jobs` threads; output stays in file order.
size_t ExtractFiles(const Extractor& extractor, const ExtractOptions& o,
                    std::vector<ReadProblem>* problems) {
  std::vector<std::string> files;
  CollectInputFiles(o.paths, &files, problems);
  Progress progress(files.size());
  for (size_t window = 0; window < files.size(); window += kWindow) {
    const size_t end = std::min(files.size(), window + kWindow);
    std::vector<std::string> outputs(end - window);
    std::vector<std::vector<ReadProblem>> window_problems(end - window);
    std::atomic<size_t> next{window};
    auto work = [&] {
      for (size_t i = next++; i < end; i = next++) {
        std::vector<Document> docs;
        ReadInputFile(files[i], o.read, &docs, &window_problems[i - window]);
        for (const Document& doc : docs)
          AppendRecord(extractor, doc, o.format, &outputs[i - window]);
      }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < o.jobs; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    for (size_t i = 0; i < outputs.size(); ++i) {
      std::cout << outputs[i];
      problems->insert(problems->end(), window_problems[i].begin(), window_problems[i].end());
    }
    progress.Update(end, files[end - 1]);
  }
  return problems->size();
}

}  // namespace

void AddExtractCommand(CLI::App& app, GlobalOptions&, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "extract", "extract facts from files without a store; one JSON line per report on stdout");
  auto o = std::make_shared<ExtractOptions>();
  cmd->add_option("paths", o->paths, "files or folders (searched recursively)");
  cmd->add_option("--format", o->format, "eval (SCHEMA.md interchange) or json (everything)")
      ->check(CLI::IsMember({"eval", "json"}));
  cmd->add_option("--publisher", o->read.publisher, "publisher of plain files");
  cmd->add_option("--url", o->read.url, "address of plain files");
  cmd->add_option("--jobs", o->jobs, "threads to use; 0 = all cores (default 1)");
  cmd->add_flag("--stdin-jsonl", o->stdin_jsonl,
                "read JSONL reports from standard input and write one record per line "
                "(a stateless worker; see docs/scaling.md)");
  cmd->callback([exit_code, o] {
    if (o->stdin_jsonl == !o->paths.empty()) {
      *exit_code = Fail(Status::InvalidInput("extract: give files or folders, or --stdin-jsonl"));
      return;
    }
    if (o->jobs == 0) o->jobs = std::max(1u, std::thread::hardware_concurrency());
    Extractor extractor;
    if (Status s = LoadExtractor(&extractor); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    size_t skipped = 0;
    if (o->stdin_jsonl) {
      skipped = ExtractStdin(extractor, o->format);
    } else {
      std::vector<ReadProblem> problems;
      skipped = ExtractFiles(extractor, *o, &problems);
      for (const ReadProblem& p : problems)
        std::cerr << "letapis: skipped " << p.ToString() << "\n";
    }
    if (skipped > 0) *exit_code = kExitSkipped;
  });
}

}  // namespace letapis::cli
