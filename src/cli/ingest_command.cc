#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/ingest.h"

namespace letapis::cli {

void AddIngestCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "ingest", "add reports (.txt, .html/.htm, .pdf, .eml, .jsonl files or folders) to the store");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<ReadOptions>();
  auto published = std::make_shared<std::string>();
  cmd->add_option("paths", *paths, "files or folders (searched recursively)")->required();
  cmd->add_option("--publisher", options->publisher, "publisher of plain files");
  cmd->add_option("--url", options->url, "address of plain files");
  cmd->add_option("--published", *published, "publication date of plain files (YYYY-MM-DD)");
  cmd->callback([&global, exit_code, paths, options, published] {
    if (!published->empty()) {
      auto date = PartialDate::FromIso(*published);
      if (!date) {
        *exit_code = Fail(Status::InvalidInput(
            fmt::format("--published {}: expected YYYY, YYYY-MM or YYYY-MM-DD", *published)));
        return;
      }
      options->published = *date;
    }
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    Extractor extractor;
    if (Status s = LoadExtractor(&extractor); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    StoreCounts before;
    if (Status s = store->Counts(&before); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::vector<std::string> files;
    std::vector<ReadProblem> problems;
    CollectInputFiles(*paths, &files, &problems);
    size_t added = 0, duplicates = 0, failed = 0;
    Progress progress(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      progress.Update(i, files[i]);
      std::vector<Document> docs;
      ReadInputFile(files[i], *options, &docs, &problems);
      for (const Document& doc : docs) {
        const Extraction extraction = extractor.Run(doc);
        bool was_added = false;
        if (Status s = store->AddReport(doc, extraction, "cli", &was_added); !s.ok()) {
          problems.push_back(ReadProblem{files[i], 0, s.message()});
          ++failed;
          continue;
        }
        was_added ? ++added : ++duplicates;
      }
    }
    progress.Update(files.size(), "");
    for (const ReadProblem& p : problems) std::cerr << "letapis: skipped " << p.ToString() << "\n";
    StoreCounts after;
    if (Status s = store->Counts(&after); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << fmt::format("ingested {} new report(s), {} already stored, {} skipped", added,
                             duplicates, problems.size());
    if (after.copies > before.copies) {
      std::cout << fmt::format("; {} of the new are near-duplicate copies of earlier reports",
                               after.copies - before.copies);
    }
    std::cout << "\n";
    // The reports are in whatever happens now; a failed resolution is retried next time.
    if (Status s = ResolveStoredPeople(store.get(), false, "cli"); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    if (failed > 0) *exit_code = kExitError;
    if (!problems.empty() && *exit_code == kExitOk) *exit_code = kExitSkipped;
  });
}

}  // namespace letapis::cli
