#include <iostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/case_list.h"
#include "letapis/tsv.h"

namespace letapis::cli {
namespace {

// Identity of a listed person for re-imports: folded name and birth year.
std::string ListedKey(const Person& p) {
  return FoldPersonName(p.name) + "|" + std::to_string(p.facts.birth_year);
}

}  // namespace

void AddImportCasesCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "import-cases", "import prisoner lists (CSV) as reviewed people with their case fields");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto by = std::make_shared<std::string>();
  cmd->add_option("files", *paths, "CSV files (docs/case-lists.md lists the columns)")->required();
  cmd->add_option("--by", *by, "who imports (default: $USER), for the audit log");
  cmd->callback([&global, exit_code, paths, by] {
    CaseListReader reader;
    std::unique_ptr<Store> store;
    std::vector<Person> existing;
    Status s = CaseListReader::Load(DataDir(), &reader);
    if (s.ok()) s = OpenStore(global, &store);
    if (s.ok()) s = store->ListPeople(&existing);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::set<std::string> listed;
    for (const Person& p : existing) {
      if (p.origin == "list") listed.insert(ListedKey(p));
    }
    size_t problems = 0, failed = 0, imported = 0;
    for (const std::string& path : *paths) {
      CaseListResult result;
      if (s = reader.Read(path, &result); !s.ok()) {
        std::cerr << "letapis: skipped " << s.message() << "\n";
        ++failed;
        continue;
      }
      std::vector<Person> fresh;
      size_t known = 0;
      for (Person& p : result.people) {
        if (listed.insert(ListedKey(p)).second) {
          fresh.push_back(std::move(p));
        } else {
          ++known;
        }
      }
      std::vector<int64_t> ids;
      if (s = store->AddListedPeople(fresh, Actor(*by), &ids); !s.ok()) {
        std::cerr << "letapis: skipped " << path << ": " << s.message() << "\n";
        ++failed;
        continue;
      }
      for (const ReadProblem& p : result.problems) std::cerr << "letapis: " << p.ToString() << "\n";
      problems += result.problems.size();
      imported += ids.size();
      std::string columns;
      for (const std::string& c : result.columns) columns += (columns.empty() ? "" : ", ") + c;
      std::cout << fmt::format(
          "{}: {} people imported, {} already listed, {} problem(s)\n  columns: {}\n", path,
          ids.size(), known, result.problems.size(), columns);
      if (!result.ignored.empty()) {
        std::string ignored;
        for (const std::string& c : result.ignored) ignored += (ignored.empty() ? "" : ", ") + c;
        std::cout << "  ignored columns: " << ignored << "\n";
      }
    }
    // Reports already stored may name the people just listed.
    if (imported > 0) {
      if (s = ResolveStoredPeople(store.get(), true, Actor(*by)); !s.ok()) {
        *exit_code = Fail(s);
        return;
      }
    }
    if (failed > 0) {
      *exit_code = failed == paths->size() ? kExitError : kExitSkipped;
    } else if (problems > 0) {
      *exit_code = kExitSkipped;
    }
  });
}

}  // namespace letapis::cli
