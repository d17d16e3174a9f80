#include "cli/context.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "letapis/tsv.h"

namespace letapis::cli {

int Fail(const Status& status) {
  std::cerr << "letapis: " << status.message() << "\n";
  switch (status.code()) {
    case Status::Code::kWrongPassphrase:
      return kExitWrongPassphrase;
    case Status::Code::kNotFound:
      return kExitNotFound;
    default:
      return kExitError;
  }
}

Status PromptHidden(const char* prompt, std::string* out) {
  std::cerr << prompt << std::flush;
  termios old_settings{};
  const bool tty = tcgetattr(STDIN_FILENO, &old_settings) == 0;
  if (tty) {
    termios quiet = old_settings;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::getline(std::cin, *out);
  if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &old_settings);
  std::cerr << "\n";
  if (!std::cin) return Status::InvalidInput("no passphrase given");
  return Status::Ok();
}

namespace {

// Reads a passphrase from the environment variable `env` or a prompt (see ReadPassphrase).
Status ReadSecret(const char* env, const char* prompt, bool confirm, std::string* out) {
  if (const char* value = std::getenv(env); value != nullptr) {
    *out = value;
    if (out->empty()) return Status::InvalidInput(fmt::format("{} is set but empty", env));
    return Status::Ok();
  }
  if (!isatty(STDIN_FILENO)) {
    return Status::InvalidInput(
        fmt::format("no passphrase: set {} or run on a terminal to be asked for it", env));
  }
  if (Status s = PromptHidden(prompt, out); !s.ok()) return s;
  if (confirm) {
    std::string again;
    if (Status s = PromptHidden("Repeat passphrase: ", &again); !s.ok()) return s;
    if (again != *out) return Status::InvalidInput("the two passphrases differ");
  }
  if (out->empty()) return Status::InvalidInput("the passphrase must not be empty");
  return Status::Ok();
}

}  // namespace

Status ReadPassphrase(bool confirm, std::string* out) {
  return ReadSecret("LETAPIS_PASSPHRASE", "Passphrase: ", confirm, out);
}

Status ReadNewPassphrase(std::string* out) {
  return ReadSecret("LETAPIS_NEW_PASSPHRASE", "New passphrase: ", true, out);
}

Status OpenStore(const GlobalOptions& global, std::unique_ptr<Store>* out) {
  std::string passphrase;
  if (Status s = ReadPassphrase(false, &passphrase); !s.ok()) return s;
  Status s = OpenSqlcipherStore(global.db, passphrase, false, out);
  if (s.code() == Status::Code::kNotFound) {
    return Status::NotFound(fmt::format("{}: no store here; create one with `letapis init --db {}`",
                                        global.db, global.db));
  }
  return s;
}

Status LoadExtractor(Extractor* out) {
  return Extractor::Load(DataDir(), out).WithContext("loading rules");
}

Status LoadNameMatcher(NameMatcher* out) {
  return NameMatcher::Load(DataDir(), out).WithContext("loading name tables");
}

Status ResolveStoredPeople(Store* store, bool full, const std::string& actor) {
  NameMatcher matcher;
  Status s = LoadNameMatcher(&matcher);
  ResolutionSummary summary;
  if (s.ok()) s = ResolvePeople(store, matcher, full, actor, &summary);
  if (!s.ok()) return s.WithContext("resolving people");
  if (summary.mentions > 0) {
    std::cout << fmt::format(
        "people: {} mention(s) resolved, {} to a person ({} new), {} left unassigned\n",
        summary.mentions, summary.assigned, summary.new_people, summary.unassigned);
  }
  return s;
}

std::string Actor(const std::string& given) {
  if (!given.empty()) return given;
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "cli";
}

std::string OneLine(std::string text, size_t max) {
  for (char& c : text) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

Progress::Progress(size_t total) : total_(total), enabled_(total > 1 && isatty(STDERR_FILENO)) {}

Progress::~Progress() {
  if (enabled_) std::cerr << "\r\033[K" << std::flush;
}

void Progress::Update(size_t done, const std::string& label) {
  if (!enabled_) return;
  constexpr size_t kWidth = 30;
  const size_t filled = total_ == 0 ? kWidth : done * kWidth / total_;
  std::cerr << "\r\033[K[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
            << done << "/" << total_ << " " << label.substr(0, 40) << std::flush;
}

}  // namespace letapis::cli
