#include "store/store_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "store/audit_chain.h"

namespace letapis::store {
namespace {

// Temporary tables and sorts stay in memory: never a plaintext temporary file.
constexpr const char* kRawConnectionPragmas = "PRAGMA temp_store = MEMORY;";
// How long whole-file operations wait for other processes' locks (a server, an ingest).
constexpr int kBusyWaitMs = 60 * 1000;

Status SyncPath(const std::string& path, int flags, std::string_view what) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) {
    return Status::IoError(fmt::format("{}: cannot open {}: {}", path, what, std::strerror(errno)));
  }
  const bool ok = ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!ok) {
    return Status::IoError(
        fmt::format("{}: cannot flush {} to disk: {}", path, what, std::strerror(err)));
  }
  return Status::Ok();
}

}  // namespace

Status ReadSalt(const std::string& path, std::string* salt) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  salt->assign(kSaltBytes, '\0');
  in.read(salt->data(), static_cast<std::streamsize>(salt->size()));
  if (static_cast<size_t>(in.gcount()) != kSaltBytes) {
    return Status::InvalidInput(fmt::format("{}: not a letapis store (file too short)", path));
  }
  return Status::Ok();
}

Status CreateEmptyFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) {
    return Status::InvalidInput(fmt::format("{}: already exists; not overwriting it", path));
  }
  if (fd < 0)
    return Status::IoError(fmt::format("{}: cannot create: {}", path, std::strerror(errno)));
  ::close(fd);
  return Status::Ok();
}

Status CopyFileExclusive(const std::string& from, const std::string& to) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    return Status::IoError(fmt::format("{}: cannot read: {}", from, std::strerror(errno)));
  }
  int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0) {
    const int err = errno;
    ::close(in);
    return Status::IoError(fmt::format("{}: cannot create: {}", to, std::strerror(err)));
  }
  std::array<char, 1 << 16> buf;
  Status s;
  while (s.ok()) {
    const ssize_t n = ::read(in, buf.data(), buf.size());
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      s = Status::IoError(fmt::format("{}: read failed: {}", from, std::strerror(errno)));
      break;
    }
    for (ssize_t done = 0; done < n && s.ok();) {
      const ssize_t w = ::write(out, buf.data() + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) s = Status::IoError(fmt::format("{}: write failed: {}", to, std::strerror(errno)));
      if (w > 0) done += w;
    }
  }
  if (s.ok() && ::fsync(out) != 0) {
    s = Status::IoError(fmt::format("{}: cannot flush to disk: {}", to, std::strerror(errno)));
  }
  ::close(in);
  if (::close(out) != 0 && s.ok()) {
    s = Status::IoError(fmt::format("{}: write failed: {}", to, std::strerror(errno)));
  }
  if (!s.ok()) ::unlink(to.c_str());
  return s;
}

Status SyncFile(const std::string& path) { return SyncPath(path, O_RDONLY, "file"); }

Status SyncParentDirectory(const std::string& path) {
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  return SyncPath(dir.string(), O_RDONLY | O_DIRECTORY, "directory");
}

std::string TempPathBeside(const std::string& path, std::string_view tag) {
  std::array<unsigned char, 8> random;
  randombytes_buf(random.data(), random.size());
  std::array<char, 2 * 8 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
  return fmt::format("{}.{}-{}", path, tag, hex.data());
}

Status DeriveKeyOf(const std::string& path, std::string_view passphrase, RawKey* key) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(fmt::format("{}: no such store", path));
  }
  std::string salt;
  Status s = ReadSalt(path, &salt);
  if (s.ok()) s = DeriveRawKey(passphrase, salt, /*include_salt=*/false, key).WithContext(path);
  return s;
}

Status OpenKeyed(const std::string& path, const RawKey& key, Database* db) {
  Status s = db->Open(path, /*create=*/false);
  if (s.ok()) s = db->Key(key.view());
  if (s.ok()) db->SetBusyWait(kBusyWaitMs);
  if (s.ok()) s = db->Exec("SELECT count(*) FROM sqlite_master");
  if (s.code() == Status::Code::kCorrupt && db->LastErrorIsNotADatabase()) {
    return Status::WrongPassphrase(
        fmt::format("{}: wrong passphrase, or not a letapis store", path));
  }
  if (s.ok()) s = db->Exec(kRawConnectionPragmas);
  if (s.ok()) s = RegisterAuditChain(db);
  return s;
}

Status RequireNoJournal(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path + "-journal", ec)) {
    return Status::InvalidInput(fmt::format(
        "{}: a write is in progress or was interrupted ({}-journal exists); stop other letapis "
        "processes and open the store once (e.g. `letapis summary`) to recover it, then retry",
        path, path));
  }
  return Status::Ok();
}

}  // namespace letapis::store
