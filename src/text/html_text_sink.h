// Building readable text from HTML text nodes with a map to the HTML bytes (internal to
// the text layer).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "letapis/offset_map.h"

namespace letapis {

// Accumulates the text of a page: collapses white space outside preformatted content,
// turns block boundaries into line breaks ("\n") or paragraph breaks ("\n\n"), drops
// white space before the first character and breaks after the last, and records for
// every byte the offset in the HTML it came from. Inserted breaks map to the end of the
// text before them, so the map never goes backwards within one text node.
class HtmlTextSink {
 public:
  // Appends to `text` and `map`, which must start empty.
  HtmlTextSink(std::string* text, OffsetMap* map) : text_(*text), map_(*map) {}

  // Appends the decoded text of one text node. `decoded` is the node's text after entity
  // decoding; `original` is its source in the HTML, starting at offset `base`. Bytes
  // copied unchanged map to their own offsets; the bytes of a decoded character
  // reference map to its '&'. Collapses white space unless `preformatted`.
  void AppendTextNode(std::string_view decoded, std::string_view original, uint32_t base,
                      bool preformatted);
  // Ends the current line: `lines` 1 asks for a line break, 2 for a paragraph break.
  void Break(int lines);
  // A <br>: one more line break (at most a paragraph break).
  void LineBreak();
  // White space between inline content at HTML offset `source` (e.g. between table cells).
  void Space(uint32_t source);
  // Completes the map; call once after the last text.
  void Finish();

 private:
  // Appends one character: `bytes` from HTML offset `source`, ending at `source_end`.
  // `verbatim` when the HTML holds the same bytes there (byte k maps to source + k).
  void Char(std::string_view bytes, uint32_t source, uint32_t source_end, bool verbatim);
  // Emits the pending break or space before new content.
  void FlushPending();

  std::string& text_;
  OffsetMap& map_;
  int pending_lines_ = 0;
  bool pending_space_ = false;
  uint32_t space_source_ = 0;
  uint32_t end_ = 0;  // HTML offset just past the last character appended
};

}  // namespace letapis
