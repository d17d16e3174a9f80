// One JSONL report line: its fields, and its text mapped back to the line's bytes.
#pragma once

#include <string>
#include <string_view>

#include "letapis/document.h"
#include "letapis/status.h"
#include "letapis/text.h"

namespace letapis {

// A parsed JSONL record.
struct JsonlRecord {
  bool is_html = false;  // the body came from "html" rather than "text"
  DecodedText body;      // UTF-8 body; to_input maps into the line's bytes
  std::string url, title, publisher;
  PartialDate published;
};

// Parses one line (without its newline). Fails with a message naming the problem
// ("malformed JSON: ...", "no \"text\" or \"html\" field", "\"published\" is not a date").
Status ParseJsonlRecord(std::string_view line, JsonlRecord* out);

}  // namespace letapis
