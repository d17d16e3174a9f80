#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/export.h"
#include "letapis/public_export.h"
#include "letapis/tsv.h"

namespace letapis::cli {

void AddExportCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd =
      app.add_subcommand("export", "write what the store holds, one JSON line per report");
  auto format = std::make_shared<std::string>("json");
  auto out_path = std::make_shared<std::string>();
  auto is_public = std::make_shared<bool>(false);
  cmd->add_option("--format", *format, "eval (SCHEMA.md interchange) or json (everything)")
      ->check(CLI::IsMember({"eval", "json"}));
  cmd->add_option("--out", *out_path, "write to this file instead of stdout");
  cmd->add_flag("--public", *is_public,
                "for publication: confirmed facts only, no confidential report, protected "
                "people as pseudonyms (docs/security.md)");
  cmd->callback([&global, exit_code, format, out_path, is_public] {
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::ofstream file;
    std::ostream* out = &std::cout;
    const std::string tmp = *out_path + ".part";
    if (!out_path->empty()) {
      file.open(tmp, std::ios::binary | std::ios::trunc);
      if (!file) {
        *exit_code = Fail(Status::IoError(fmt::format("{}: cannot write", *out_path)));
        return;
      }
      out = &file;
    }
    NameMatcher matcher;
    Status s = *is_public ? NameMatcher::Load(DataDir(), &matcher) : Status::Ok();
    if (s.ok() && *is_public) s = WritePublicExport(store.get(), matcher, out);
    // Name and sha256 of every original so far, for the copies that follow it.
    std::map<int64_t, nlohmann::json> originals;
    if (s.ok() && !*is_public)
      s = store->ForEachReport([&](const StoredReport& r) {
        std::string line;
        if (*format == "eval") {
          AppendEvalRecord(r.document, r.extraction, &line);
        } else {
          nlohmann::json record = FullRecord(r.document, r.extraction);
          if (r.original_id == 0) {
            originals[r.id] = {{"name", r.document.meta.name}, {"sha256", r.document.meta.sha256}};
            record["source"]["near_duplicate_of"] = nullptr;
          } else {
            nlohmann::json original = originals[r.original_id];
            original["similarity"] = r.similarity;
            record["source"]["near_duplicate_of"] = original;
          }
          line = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
        *out << line << "\n";
        return out->good() ? Status::Ok() : Status::IoError("write failed");
      });
    if (!out_path->empty()) {
      file.close();
      if (s.ok() && std::rename(tmp.c_str(), out_path->c_str()) != 0) {
        s = Status::IoError(fmt::format("{}: cannot write", *out_path));
      }
      if (!s.ok()) std::remove(tmp.c_str());
    }
    if (!s.ok()) *exit_code = Fail(s);
  });
}

}  // namespace letapis::cli
