// Writes small PDFs for the tests: Helvetica text lines, optional footers, image-only
// pages and a password lock.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace letapis::pdf_testing {

// One page: lines from the top (an empty line leaves a gap) and a footer at the bottom.
struct PdfPage {
  PdfPage(std::vector<std::string> page_lines, std::string page_footer = "")
      : lines(std::move(page_lines)), footer(std::move(page_footer)) {}
  std::vector<std::string> lines;
  std::string footer;
};

// What to put into the PDF besides text.
struct PdfOptions {
  bool locked = false;      // an /Encrypt dictionary no empty password opens
  bool image_only = false;  // pages carry a drawn rectangle instead of text
};

// Escapes a PDF literal string.
inline std::string PdfString(const std::string& s) {
  std::string out = "(";
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// A complete PDF 1.4 file with a correct cross-reference table.
inline std::string MakePdf(const std::vector<PdfPage>& pages, const PdfOptions& options = {}) {
  std::vector<std::string> objects;  // objects[i] is object i + 1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t k = 0; k < pages.size(); ++k) kids += fmt::format("{} 0 R ", 4 + 2 * k);
  objects.push_back(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages.size()));
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (size_t k = 0; k < pages.size(); ++k) {
    std::string content;
    if (options.image_only) {
      content = "0.5 g 72 300 400 300 re f";
    } else {
      content = "BT /F1 11 Tf 14 TL 72 740 Td";
      for (const std::string& line : pages[k].lines) {
        content += line.empty() ? " T*" : " " + PdfString(line) + " Tj T*";
      }
      content += " ET";
      if (!pages[k].footer.empty()) {
        content += " BT /F1 9 Tf 280 40 Td " + PdfString(pages[k].footer) + " Tj ET";
      }
    }
    objects.push_back(fmt::format(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
        ">> >> /Contents {} 0 R >>",
        5 + 2 * k));
    objects.push_back(
        fmt::format("<< /Length {} >>\nstream\n{}\nendstream", content.size() + 1, content));
  }
  if (options.locked) {
    const std::string junk(64, 'A');
    objects.push_back(
        fmt::format("<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>", junk, junk));
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (size_t offset : offsets) pdf += fmt::format("{:010} 00000 n \n", offset);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R", objects.size() + 1);
  if (options.locked) {
    pdf += fmt::format(" /Encrypt {} 0 R /ID [<{}> <{}>]", objects.size(), std::string(32, '1'),
                       std::string(32, '1'));
  }
  pdf += fmt::format(" >>\nstartxref\n{}\n%%EOF\n", xref);
  return pdf;
}

}  // namespace letapis::pdf_testing
