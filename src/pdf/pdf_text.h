// PDF to text with Poppler: reading order, line-end hyphenation undone, running headers
// and footers dropped, one span per page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "letapis/document.h"
#include "letapis/status.h"

namespace letapis {

// A PDF with more pages than this is refused.
inline constexpr int kMaxPdfPages = 2000;

// The text of a PDF and where each page lies in it.
struct PdfText {
  std::string text;         // UTF-8; pages separated by a blank line
  std::vector<Span> pages;  // pages[k] is page k + 1's range of `text` (may be empty)
};

// Extracts the text layer of the PDF in `bytes`, page by page in reading order. Within a
// page, lines are joined by "\n"; a word broken by a hyphen at a line end ("detain-" /
// "ed") is joined ("detained"). Lines that repeat at the top or bottom of most pages
// (after digits are ignored: "Page 3 of 9", running titles) are dropped.
// Fails with kInvalidInput for bytes that are not a readable PDF ("damaged or not a
// PDF"), a password-protected PDF, or a PDF without a text layer (scanned pages);
// with kLimit past kMaxPdfPages pages or when the text would exceed kMaxInputBytes.
Status PdfToText(std::string_view bytes, PdfText* out);

}  // namespace letapis
