// Finding report files and reading them into Documents.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "ingest/document_builder.h"
#include "ingest/jsonl_record.h"
#include "letapis/ingest.h"

namespace letapis {
namespace fs = std::filesystem;
namespace {

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool IsSupported(const fs::path& p) {
  const std::string ext = LowerExtension(p);
  return ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".jsonl";
}

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return Status::IoError("cannot read: " + ec.message());
  if (size > kMaxInputBytes) {
    return Status::Limit(
        fmt::format("{} bytes is over the limit of {} bytes", size, kMaxInputBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  if (out->find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidInput("empty file");
  }
  return Status::Ok();
}

void ReadJsonl(const std::string& path, const std::string& content, std::vector<Document>* docs,
               std::vector<ReadProblem>* problems) {
  const std::string file_name = fs::path(path).filename().string();
  size_t start = 0;
  int line_number = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    ++line_number;
    std::string line = content.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    JsonlRecord record;
    if (Status s = ParseJsonlRecord(line, &record); !s.ok()) {
      problems->push_back(ReadProblem{path, line_number, s.message()});
      continue;
    }
    SourceMeta meta;
    meta.name = fmt::format("{}#{}", file_name, line_number);
    meta.path = path;
    meta.format = record.is_html ? "html" : "txt";
    meta.url = record.url;
    meta.title = record.title;
    meta.publisher = record.publisher;
    meta.published = record.published;
    Document doc;
    if (Status s = BuildDocument(line, record.body, meta, &doc); !s.ok()) {
      problems->push_back(ReadProblem{path, line_number, s.message()});
      continue;
    }
    docs->push_back(std::move(doc));
  }
}

}  // namespace

std::string ReadProblem::ToString() const {
  return line > 0 ? fmt::format("{}:{}: {}", path, line, message)
                  : fmt::format("{}: {}", path, message);
}

void CollectInputFiles(const std::vector<std::string>& paths, std::vector<std::string>* files,
                       std::vector<ReadProblem>* problems) {
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      problems->push_back(ReadProblem{path, 0, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator
               it(path, fs::directory_options::skip_permission_denied, ec),
           end;
           !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && IsSupported(it->path()))
          found.push_back(it->path().string());
      }
      if (ec) problems->push_back(ReadProblem{path, 0, "cannot list folder: " + ec.message()});
      std::sort(found.begin(), found.end());
      files->insert(files->end(), found.begin(), found.end());
    } else if (IsSupported(path)) {
      files->push_back(path);
    } else {
      problems->push_back(
          ReadProblem{path, 0, "unsupported file type (expected .txt, .html, .htm or .jsonl)"});
    }
  }
}

void ReadInputFile(const std::string& path, const ReadOptions& options, std::vector<Document>* docs,
                   std::vector<ReadProblem>* problems) {
  std::string content;
  if (Status s = ReadWholeFile(path, &content); !s.ok()) {
    problems->push_back(ReadProblem{path, 0, s.message()});
    return;
  }
  const std::string ext = LowerExtension(path);
  if (ext == ".jsonl") {
    ReadJsonl(path, content, docs, problems);
    return;
  }
  SourceMeta meta;
  meta.name = fs::path(path).filename().string();
  meta.path = path;
  meta.format = (ext == ".html" || ext == ".htm") ? "html" : "txt";
  meta.url = options.url;
  meta.publisher = options.publisher;
  meta.published = options.published;
  Document doc;
  if (Status s = MakeDocument(std::move(content), meta, &doc); !s.ok()) {
    problems->push_back(ReadProblem{path, 0, s.message()});
    return;
  }
  docs->push_back(std::move(doc));
}

}  // namespace letapis
