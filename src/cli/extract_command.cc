#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/export.h"
#include "letapis/ingest.h"

namespace letapis::cli {

void AddExtractCommand(CLI::App& app, GlobalOptions&, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "extract", "extract facts from files without a store; one JSON line per report on stdout");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("json");
  auto options = std::make_shared<ReadOptions>();
  cmd->add_option("paths", *paths, "files or folders (searched recursively)")->required();
  cmd->add_option("--format", *format, "eval (SCHEMA.md interchange) or json (everything)")
      ->check(CLI::IsMember({"eval", "json"}));
  cmd->add_option("--publisher", options->publisher, "publisher of plain files");
  cmd->add_option("--url", options->url, "address of plain files");
  cmd->callback([exit_code, paths, format, options] {
    Extractor extractor;
    if (Status s = LoadExtractor(&extractor); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::vector<std::string> files;
    std::vector<ReadProblem> problems;
    CollectInputFiles(*paths, &files, &problems);
    Progress progress(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      progress.Update(i, files[i]);
      std::vector<Document> docs;
      ReadInputFile(files[i], *options, &docs, &problems);
      for (const Document& doc : docs) {
        const Extraction x = extractor.Run(doc);
        const auto record = *format == "eval" ? EvalRecord(doc, x) : FullRecord(doc, x);
        std::cout << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    }
    for (const ReadProblem& p : problems) std::cerr << "letapis: skipped " << p.ToString() << "\n";
    if (!problems.empty()) *exit_code = kExitSkipped;
  });
}

}  // namespace letapis::cli
