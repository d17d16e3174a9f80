// CollectInputFiles and ReadInputFile: report files and folders to Documents.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "ingest/jsonl.h"
#include "ingest/mail_reader.h"
#include "letapis/ingest.h"
#include "letapis/text.h"

namespace letapis {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

enum class FileKind { kUnsupported, kText, kHtml, kPdf, kMail, kJsonl };

// The kind of a file by its extension, case-insensitively.
FileKind KindOf(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (extension == ".txt") return FileKind::kText;
  if (extension == ".html" || extension == ".htm") return FileKind::kHtml;
  if (extension == ".pdf") return FileKind::kPdf;
  if (extension == ".eml") return FileKind::kMail;
  if (extension == ".jsonl") return FileKind::kJsonl;
  return FileKind::kUnsupported;
}

bool IsBlank(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  return bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// Reads a whole file of at most kMaxInputBytes.
Status ReadFileBytes(const std::string& path, std::string* bytes) {
  std::error_code error;
  const uintmax_t size = fs::file_size(path, error);
  if (error) return Status::IoError("cannot read: " + error.message());
  if (size > kMaxInputBytes) {
    return Status::Limit(
        fmt::format("file of {} bytes is over the limit of {} bytes", size, kMaxInputBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open for reading");
  bytes->clear();
  bytes->reserve(static_cast<size_t>(size));
  char chunk[1 << 16];
  // Checks the limit again while reading, in case the file grew since its size was taken.
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes->append(chunk, static_cast<size_t>(in.gcount()));
    if (bytes->size() > kMaxInputBytes) {
      return Status::Limit(fmt::format("file is over the limit of {} bytes", kMaxInputBytes));
    }
  }
  if (in.bad()) return Status::IoError("read error");
  return Status::Ok();
}

// One Document per non-blank line; a bad line becomes a problem naming its number.
void ReadJsonl(const std::string& path, std::string_view content, std::vector<Document>* docs,
               std::vector<ReadProblem>* problems) {
  if (content.starts_with(kUtf8Bom)) content.remove_prefix(kUtf8Bom.size());
  int line_number = 0;
  size_t start = 0;
  while (start < content.size()) {
    const size_t newline = content.find('\n', start);
    const size_t end = newline == std::string_view::npos ? content.size() : newline;
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (IsBlank(line)) continue;
    Document doc;
    if (Status status = ReadJsonlRecord(line, path, line_number, &doc); !status.ok()) {
      problems->push_back(ReadProblem{path, line_number, status.message()});
      continue;
    }
    docs->push_back(std::move(doc));
  }
}

}  // namespace

void CollectInputFiles(const std::vector<std::string>& paths, std::vector<std::string>* files,
                       std::vector<ReadProblem>* problems) {
  std::vector<std::string> found;
  for (const std::string& path : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) {
      problems->push_back(ReadProblem{path, 0, "no such file or folder"});
    } else if (error) {
      problems->push_back(ReadProblem{path, 0, "cannot access: " + error.message()});
    } else if (fs::is_directory(status)) {
      const auto options = fs::directory_options::skip_permission_denied;
      fs::recursive_directory_iterator it(path, options, error);
      for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        std::error_code entry_error;
        if (it->is_regular_file(entry_error) && KindOf(it->path()) != FileKind::kUnsupported) {
          found.push_back(it->path().string());
        }
      }
      if (error) {
        problems->push_back(ReadProblem{path, 0, "cannot list folder: " + error.message()});
      }
    } else if (!fs::is_regular_file(status)) {
      problems->push_back(ReadProblem{path, 0, "not a regular file or folder"});
    } else if (KindOf(path) == FileKind::kUnsupported) {
      problems->push_back(ReadProblem{
          path, 0, "unsupported file type (expected .txt, .html, .htm, .pdf, .eml or .jsonl)"});
    } else {
      found.push_back(path);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  files->insert(files->end(), found.begin(), found.end());
}

void ReadInputFile(const std::string& path, const ReadOptions& options, std::vector<Document>* docs,
                   std::vector<ReadProblem>* problems) {
  const FileKind kind = KindOf(path);
  if (kind == FileKind::kUnsupported) {
    problems->push_back(ReadProblem{
        path, 0, "unsupported file type (expected .txt, .html, .htm, .pdf, .eml or .jsonl)"});
    return;
  }
  std::string bytes;
  if (Status status = ReadFileBytes(path, &bytes); !status.ok()) {
    problems->push_back(ReadProblem{path, 0, status.message()});
    return;
  }
  if (IsBlank(bytes)) {
    problems->push_back(ReadProblem{path, 0, "empty file"});
    return;
  }
  if (kind == FileKind::kJsonl) {
    ReadJsonl(path, bytes, docs, problems);
    return;
  }
  if (kind == FileKind::kMail) {
    ReadMailFile(path, std::move(bytes), options, docs, problems);
    return;
  }
  SourceMeta meta;
  meta.name = fs::path(path).filename().string();
  meta.path = path;
  meta.format = kind == FileKind::kHtml ? "html" : kind == FileKind::kPdf ? "pdf" : "txt";
  meta.url = options.url;
  meta.publisher = options.publisher;
  meta.published = options.published;
  Document doc;
  const Status status = kind == FileKind::kPdf ? MakePdfDocument(std::move(bytes), meta, &doc)
                                               : MakeDocument(std::move(bytes), meta, &doc);
  if (!status.ok()) {
    problems->push_back(ReadProblem{path, 0, status.message()});
    return;
  }
  docs->push_back(std::move(doc));
}

}  // namespace letapis
