// PdfToText: the text layer of a PDF through poppler-cpp.
#include "pdf/pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "letapis/text.h"

namespace letapis {
namespace {

// How many non-empty lines at the top and at the bottom of a page may be running
// headers or footers.
constexpr size_t kEdgeLines = 2;
// A line is a running header or footer when it is at an edge of at least this share (in
// percent) of the pages, and of at least two pages.
constexpr size_t kRepeatPercent = 60;

// Poppler reports syntax problems of damaged files on stderr; the reader reports the
// outcome instead.
void Quiet(const std::string&, void*) {}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\r' || s.back() == '\t' || s.back() == '\f')) {
    s.remove_suffix(1);
  }
  return s;
}

// The lines of one page from its words in reading order (Poppler's word list, which
// keeps hyphens as printed). A word starts a new line when it is not level with the
// previous one or lies to its left; a vertical gap of more than a line's height leaves
// an empty line (a paragraph break).
std::vector<std::string> PageLines(const poppler::page& page) {
  std::vector<std::string> lines;
  bool first = true;
  poppler::rectf previous;
  for (const poppler::text_box& word : page.text_list()) {
    const poppler::byte_array utf8 = word.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    const poppler::rectf box = word.bbox();
    const double height = std::max(1.0, std::max(box.height(), previous.height()));
    const bool level = std::fabs(box.bottom() - previous.bottom()) < height / 2;
    if (first || !level || box.left() < previous.left()) {
      if (!first && box.top() - previous.bottom() > height) lines.emplace_back();
      lines.push_back(std::move(text));
    } else {
      // Words of one line: a space where the gap is wider than a sliver of the height.
      if (box.left() - previous.right() > height * 0.1) lines.back() += ' ';
      lines.back() += text;
    }
    first = false;
    previous = box;
  }
  for (std::string& line : lines) line = std::string(TrimRight(line));
  return lines;
}

// A line as compared across pages: digits ignored, ASCII case folded, spaces collapsed.
std::string EdgeKey(std::string_view line) {
  std::string key;
  for (char c : line) {
    if (c >= '0' && c <= '9') continue;
    if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
      continue;
    }
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// Indices of the non-empty lines at the top and bottom edges of a page.
std::vector<size_t> EdgeLines(const std::vector<std::string>& lines) {
  std::vector<size_t> edges, content;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find_first_not_of(' ') != std::string::npos) content.push_back(i);
  }
  // Short pages have fewer edge lines, so that their body is never all edges.
  const size_t edge = std::max<size_t>(1, std::min(kEdgeLines, content.size() / 3));
  for (size_t k = 0; k < content.size(); ++k) {
    if (k < edge || k + edge >= content.size()) edges.push_back(content[k]);
  }
  return edges;
}

// Marks running headers and footers: edge lines whose key is at an edge of most pages.
std::vector<std::vector<bool>> RunningLines(const std::vector<std::vector<std::string>>& pages) {
  std::map<std::string, size_t> pages_with;
  for (const auto& lines : pages) {
    std::set<std::string> keys;
    for (size_t i : EdgeLines(lines)) keys.insert(EdgeKey(lines[i]));
    for (const std::string& key : keys) ++pages_with[key];
  }
  std::vector<std::vector<bool>> running(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    running[p].assign(pages[p].size(), false);
    for (size_t i : EdgeLines(pages[p])) {
      const size_t count = pages_with[EdgeKey(pages[p][i])];
      running[p][i] = count >= 2 && count * 100 >= pages.size() * kRepeatPercent;
    }
  }
  return running;
}

// The code point before byte `end` of `s` (negative when there is none).
UChar32 LastCodePoint(std::string_view s, size_t end) {
  if (end == 0) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(p, 0, i, c);
  return c;
}

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

// True when `line` ends in a word broken by a hyphen that `next` continues in lower case.
bool BrokenWord(std::string_view line, std::string_view next) {
  if (line.size() < 2 || line.back() != '-') return false;
  const UChar32 before = LastCodePoint(line, line.size() - 1);
  const UChar32 after = FirstCodePoint(next);
  return before >= 0 && u_isalpha(before) && after >= 0 && u_islower(after);
}

// The text of one page from its lines, without running lines and with broken words
// joined; blank lines at the ends dropped, runs of blank lines made one.
std::string PageText(const std::vector<std::string>& lines, const std::vector<bool>& running) {
  std::vector<std::string_view> kept;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!running[i]) kept.push_back(lines[i]);
  }
  std::string text;
  bool blank = false;  // a blank line since the last text
  bool join = false;   // the last line ended in a broken word
  for (size_t i = 0; i < kept.size(); ++i) {
    std::string_view line = kept[i];
    const size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      blank = !text.empty() && !join;
      continue;
    }
    if (!text.empty() && !join) text += blank ? "\n\n" : "\n";
    blank = join = false;
    line.remove_prefix(first);
    if (i + 1 < kept.size()) {
      std::string_view next = kept[i + 1];
      next.remove_prefix(std::min(next.find_first_not_of(' '), next.size()));
      if (BrokenWord(line, next)) {
        line.remove_suffix(1);
        join = true;
      }
    }
    text += line;
  }
  return text;
}

}  // namespace

Status PdfToText(std::string_view bytes, PdfText* out) {
  *out = PdfText{};
  if (bytes.size() > kMaxInputBytes || bytes.size() > INT_MAX) {
    return Status::Limit(
        fmt::format("PDF of {} bytes is over the limit of {} bytes", bytes.size(), kMaxInputBytes));
  }
  static const bool quiet = (poppler::set_debug_error_function(&Quiet, nullptr), true);
  (void)quiet;
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (pdf == nullptr) return Status::InvalidInput("damaged or not a PDF (cannot be parsed)");
  if (pdf->is_locked()) {
    return Status::InvalidInput(
        "password-protected PDF: save a copy without the password and ingest that");
  }
  const int page_count = pdf->pages();
  if (page_count <= 0) return Status::InvalidInput("PDF without pages");
  if (page_count > kMaxPdfPages) {
    return Status::Limit(
        fmt::format("PDF of {} pages is over the limit of {} pages", page_count, kMaxPdfPages));
  }
  std::vector<std::vector<std::string>> pages;
  size_t total = 0;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    pages.push_back(page != nullptr ? PageLines(*page) : std::vector<std::string>{});
    for (const std::string& line : pages.back()) total += line.size() + 1;
    if (total > kMaxInputBytes) {
      return Status::Limit(fmt::format("text of the PDF is over the limit of {} bytes (at page {})",
                                       kMaxInputBytes, i + 1));
    }
  }
  const std::vector<std::vector<bool>> running = RunningLines(pages);
  for (size_t p = 0; p < pages.size(); ++p) {
    if (p > 0) out->text += "\n\n";
    const std::string page = PageText(pages[p], running[p]);
    const auto begin = static_cast<uint32_t>(out->text.size());
    out->text += page;
    out->pages.push_back(Span{begin, static_cast<uint32_t>(out->text.size())});
  }
  if (out->text.find_first_not_of(" \n") == std::string::npos) {
    const int pages_seen = page_count;
    *out = PdfText{};
    return Status::InvalidInput(
        fmt::format("no text layer in {} page(s): a scanned PDF? Run OCR on it (for example with "
                    "ocrmypdf) and ingest the result",
                    pages_seen));
  }
  return Status::Ok();
}

}  // namespace letapis
