// Status: the result of an operation that can fail, in the style of LevelDB.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace letapis {

// Status is either OK or carries an error code and a message meant for a human.
// The message names the file, line or offset and the problem wherever known.
class Status {
 public:
  // What kind of failure; the CLI maps these to exit codes.
  enum class Code {
    kOk = 0,
    kInvalidInput,
    kNotFound,
    kIoError,
    kWrongPassphrase,
    kCorrupt,
    kLimit
  };

  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status WrongPassphrase(std::string msg) {
    return Status(Code::kWrongPassphrase, std::move(msg));
  }
  static Status Corrupt(std::string msg) { return Status(Code::kCorrupt, std::move(msg)); }
  static Status Limit(std::string msg) { return Status(Code::kLimit, std::move(msg)); }

  // True when the operation succeeded.
  bool ok() const { return code_ == Code::kOk; }
  // The failure kind (kOk on success).
  Code code() const { return code_; }
  // The human-readable message ("" on success).
  const std::string& message() const { return message_; }

  // Returns a copy whose message is prefixed with `context: ` (e.g. a file path).
  Status WithContext(std::string_view context) const {
    if (ok()) return *this;
    return Status(code_, std::string(context) + ": " + message_);
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace letapis
