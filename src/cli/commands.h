// The letapis sub-commands; each registers itself on the CLI11 app and, when chosen,
// stores its exit code in *exit_code.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace letapis::cli {

// `letapis init`: creates an encrypted store.
void AddInitCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis ingest PATH...`: reads reports into the store.
void AddIngestCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis extract PATH...`: runs extraction without a store, writing to stdout.
void AddExtractCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis export --format eval|json`: writes what the store holds.
void AddExportCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis explain DOC`: lists each fact of a document with sentence, span and rule.
void AddExplainCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis summary`: counts, most-reported people and latest events.
void AddSummaryCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis names match --pairs FILE`: whether each pair of names may be one person.
void AddNamesCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis person NAME`, `person merge A B`, `person split A B`: dossiers and judgements.
void AddPersonCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis explain-merge A B`: the name comparison and any judgement on the pair.
void AddExplainMergeCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis resolve`: assigns every person mention again, under every judgement.
void AddResolveCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis import-cases FILE.csv...`: prisoner lists into reviewed people.
void AddImportCasesCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis stats [CATEGORY]`: figures by as-of date and source, conflicts marked.
void AddStatsCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis watch add URL | list | run`: watched RSS/Atom feeds, fetched politely.
void AddWatchCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis rekey`: changes the store's passphrase.
void AddRekeyCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis backup FILE`: writes an encrypted, verified backup.
void AddBackupCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis restore FILE [--to PATH]`: verifies a backup and puts it in place.
void AddRestoreCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis protect NAME...`: people shown under pseudonyms in public exports.
void AddProtectCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis confidential REPORT...`: reports left out of public exports.
void AddConfidentialCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis check`: verifies the store file and its audit chain.
void AddCheckCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis audit verify|log`: checks and reads the hash-chained audit log.
void AddAuditCommand(CLI::App& app, GlobalOptions& global, int* exit_code);

// `letapis user add NAME --role R`, `user role NAME R`, `user list`: team accounts.
void AddUserCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis token create USER`: an API token for scripts.
void AddTokenCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis serve [--listen HOST:PORT]`: the web UI and the JSON API.
void AddServeCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis reextract`: re-runs the current rules over every stored report, keeping
// reviewers' decisions.
void AddReextractCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// `letapis search QUERY`: ranked full-text search over every stored report.
void AddSearchCommand(CLI::App& app, GlobalOptions& global, int* exit_code);

}  // namespace letapis::cli
