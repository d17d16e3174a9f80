// Source and Document: a report as received (raw bytes + provenance) and as text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "letapis/date.h"
#include "letapis/offset_map.h"

namespace letapis {

// Provenance of one report. `name` is the file name (for a JSONL record,
// "file.jsonl#LINE"; for an e-mail attachment, "message.eml#FILENAME"); it is the `doc`
// field of the eval export.
struct SourceMeta {
  std::string name;
  std::string path;    // where it was read from ("" when unknown)
  std::string format;  // "txt", "html", "pdf", "eml" or "jsonl"
  std::string url;
  std::string title;
  std::string publisher;
  std::string author;     // byline of a web page, sender of an e-mail; "" when unknown
  std::string parent;     // sha256 of the message an attachment came with; "" otherwise
  PartialDate published;  // from metadata or options; may be unknown
  std::string encoding;   // detected or declared input encoding, e.g. "UTF-8", "windows-1251"
  std::string sha256;     // hex digest of `raw`
};

// A half-open byte range [begin, end) in Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

// A report ready for analysis: the original bytes, the readable UTF-8 text derived from
// them, a map from text offsets to raw offsets, and ranges of the text judged to be web
// boilerplate (share widgets, navigation, comment prompts) that analysis skips.
struct Document {
  SourceMeta meta;
  std::string raw;
  std::string text;
  OffsetMap text_to_raw;
  std::vector<Span> boilerplate;
  // For a PDF, pages[k] is the range of `text` from page k + 1 (empty for other
  // formats). A PDF's text has no byte position in the compressed file: its text_to_raw
  // is the identity, and spans are located by page (PageOf).
  std::vector<Span> pages;
};

// The 1-based page of `doc` that text offset `offset` falls on (the last page starting
// at or before it), or 0 when the document has no pages.
int PageOf(const Document& doc, uint32_t offset);

}  // namespace letapis
