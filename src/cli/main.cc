// letapis: the command-line front end. Each sub-command lives in its own file.
#include <cstdlib>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace letapis::cli;
  CLI::App app{
      "letapis: turn reports on political repression into an evidence-linked, encrypted record"};
  app.set_version_flag("--version", std::string(LETAPIS_VERSION));
  app.require_subcommand(1);
  GlobalOptions global;
  if (const char* env = std::getenv("LETAPIS_DB"); env != nullptr && *env != '\0') global.db = env;
  app.add_option("--db", global.db, "store file (default letapis.db, or $LETAPIS_DB)");
  int exit_code = kExitOk;
  AddInitCommand(app, global, &exit_code);
  AddIngestCommand(app, global, &exit_code);
  AddExtractCommand(app, global, &exit_code);
  AddExportCommand(app, global, &exit_code);
  AddExplainCommand(app, global, &exit_code);
  AddSummaryCommand(app, global, &exit_code);
  AddNamesCommand(app, global, &exit_code);
  AddStatsCommand(app, global, &exit_code);
  AddPersonCommand(app, global, &exit_code);
  AddExplainMergeCommand(app, global, &exit_code);
  AddResolveCommand(app, global, &exit_code);
  AddImportCasesCommand(app, global, &exit_code);
  AddWatchCommand(app, global, &exit_code);
  AddRekeyCommand(app, global, &exit_code);
  AddBackupCommand(app, global, &exit_code);
  AddRestoreCommand(app, global, &exit_code);
  AddAuditCommand(app, global, &exit_code);
  AddCheckCommand(app, global, &exit_code);
  AddProtectCommand(app, global, &exit_code);
  AddConfidentialCommand(app, global, &exit_code);
  AddUserCommand(app, global, &exit_code);
  AddTokenCommand(app, global, &exit_code);
  AddServeCommand(app, global, &exit_code);
  AddReextractCommand(app, global, &exit_code);
  AddSearchCommand(app, global, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}
