// Reading .eml messages into Documents (internal to ingest).
#pragma once

#include <string>
#include <vector>

#include "letapis/ingest.h"

namespace letapis {

// Turns the message in `bytes` (read from `path`) into documents: the message itself
// (format "eml": its body text; title = Subject, author = From, published = Date unless
// `options` give one) and each .txt, .html/.htm or .pdf attachment as a linked source
// named "MESSAGE#FILENAME" whose meta.parent is the message's sha256. Other attachments
// are passed over. A malformed message, or a bad attachment, is one problem naming the
// file (and the attachment); the other parts still go in.
void ReadMailFile(const std::string& path, std::string bytes, const ReadOptions& options,
                  std::vector<Document>* docs, std::vector<ReadProblem>* problems);

}  // namespace letapis
