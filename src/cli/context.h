// Shared state and helpers of the letapis sub-commands.
#pragma once

#include <memory>
#include <string>

#include "letapis/extractor.h"
#include "letapis/names.h"
#include "letapis/resolution.h"
#include "letapis/status.h"
#include "letapis/store.h"

namespace letapis::cli {

// Exit codes of the letapis command.
enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,    // an operation failed
  kExitUsage = 2,    // bad command line (CLI11)
  kExitSkipped = 3,  // the batch went in but some inputs were skipped
  kExitWrongPassphrase = 4,
  kExitNotFound = 5,
};

// Options every command shares.
struct GlobalOptions {
  std::string db = "letapis.db";  // --db, or $LETAPIS_DB
  bool quiet = false;
};

// Prints "letapis: <message>" to stderr and returns the exit code for `status`.
int Fail(const Status& status);

// Reads the passphrase from $LETAPIS_PASSPHRASE or, on a terminal, from a prompt without
// echo (asked twice when `confirm`). Fails when neither is available.
Status ReadPassphrase(bool confirm, std::string* out);

// Reads a new passphrase (for `rekey`) from $LETAPIS_NEW_PASSPHRASE or, on a terminal,
// from a prompt without echo asked twice. Fails when neither is available.
Status ReadNewPassphrase(std::string* out);
// Prints `prompt` to stderr and reads one line from stdin, without echo on a terminal.
Status PromptHidden(const char* prompt, std::string* out);

// Opens the store named by the global options, asking for the passphrase.
Status OpenStore(const GlobalOptions& global, std::unique_ptr<Store>* out);

// Loads the extractor from the data directory (see DataDir()).
Status LoadExtractor(Extractor* out);

// Loads the name matcher's tables from the data directory.
Status LoadNameMatcher(NameMatcher* out);

// Resolves people in `store` (only new mentions unless `full`) and prints one line about it
// unless nothing changed.
Status ResolveStoredPeople(Store* store, bool full, const std::string& actor);

// Who acts: `given` when set, else $USER, else "cli".
std::string Actor(const std::string& given);

// `text` on one line (line breaks and tabs as spaces), cut to at most `max` bytes at a
// UTF-8 character boundary with "..." appended when longer.
std::string OneLine(std::string text, size_t max);

// A progress line on stderr when it is a terminal; silent otherwise.
class Progress {
 public:
  // `total` items; nothing is shown for fewer than two.
  explicit Progress(size_t total);
  ~Progress();
  // Shows item `done` of total with a short label (a file name).
  void Update(size_t done, const std::string& label);

 private:
  size_t total_;
  bool enabled_;
};

}  // namespace letapis::cli
