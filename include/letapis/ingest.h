// Ingest readers: files and folders of .txt, .html/.htm, .pdf, .eml and .jsonl reports to
// Documents.
#pragma once

#include <string>
#include <vector>

#include "letapis/date.h"
#include "letapis/document.h"
#include "letapis/status.h"

namespace letapis {

// Provenance given on the command line; applies to plain .txt/.html/.pdf files (JSONL records
// carry their own, and HTML metadata wins over nothing but loses to explicit options).
struct ReadOptions {
  std::string publisher;
  std::string url;
  PartialDate published;
};

// A file, or a line of a JSONL file, that could not be read; the batch goes on.
struct ReadProblem {
  std::string path;
  int line = 0;  // 1-based line for JSONL, 0 when the whole file is concerned
  std::string message;
  // "PATH: message" or "PATH:LINE: message".
  std::string ToString() const;
};

// Expands files and folders (recursively, sorted by path) into the supported files.
// Missing paths and unsupported extensions given explicitly become problems; unsupported
// files found inside folders are silently passed over.
void CollectInputFiles(const std::vector<std::string>& paths, std::vector<std::string>* files,
                       std::vector<ReadProblem>* problems);

// Reads one supported file into documents (one for .txt/.html/.pdf, one per line for
// .jsonl, the message and its .txt/.html/.pdf attachments for .eml).
// Every problem is appended to `problems` and the rest of the file still read.
// Limits: files over kMaxInputBytes, empty files, undecodable bytes, malformed JSONL.
void ReadInputFile(const std::string& path, const ReadOptions& options, std::vector<Document>* docs,
                   std::vector<ReadProblem>* problems);

// Builds a Document from raw bytes and metadata: computes sha256, decodes, converts
// HTML ("html" format) to text, fills boilerplate ranges. meta.name/format must be set.
Status MakeDocument(std::string raw, const SourceMeta& meta, Document* out);

// Builds a Document from the bytes of a PDF (see PdfToText): meta.format must be "pdf";
// fills sha256, text, pages and boilerplate; text_to_raw is the identity over the text.
// Fails on damaged, password-protected or scanned (textless) PDFs and over the limits.
Status MakePdfDocument(std::string raw, const SourceMeta& meta, Document* out);

// Lower-case hex SHA-256 of `bytes` (libsodium).
std::string Sha256Hex(std::string_view bytes);

}  // namespace letapis
