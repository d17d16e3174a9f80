#include "pdf/pdf_text.h"

#include <gtest/gtest.h>

#include "pdf/pdf_test_util.h"

namespace letapis {
namespace {

using pdf_testing::MakePdf;
using pdf_testing::PdfOptions;
using pdf_testing::PdfPage;

PdfText Read(const std::string& pdf) {
  PdfText out;
  const Status status = PdfToText(pdf, &out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

std::string PageOf(const PdfText& pdf, size_t k) {
  return pdf.text.substr(pdf.pages[k].begin, pdf.pages[k].end - pdf.pages[k].begin);
}

TEST(PdfToTextTest, PagesInOrderWithTheirSpans) {
  const PdfText pdf = Read(MakePdf({{{"The court of Lida heard the case.", "It lasted a day."}},
                                    {{"The verdict came on Friday."}}}));
  ASSERT_EQ(pdf.pages.size(), 2u);
  EXPECT_EQ(PageOf(pdf, 0), "The court of Lida heard the case.\nIt lasted a day.");
  EXPECT_EQ(PageOf(pdf, 1), "The verdict came on Friday.");
  EXPECT_EQ(pdf.text, PageOf(pdf, 0) + "\n\n" + PageOf(pdf, 1));
}

TEST(PdfToTextTest, HyphenatedLineEndsAreJoined) {
  const PdfText pdf = Read(
      MakePdf({{{"Marta Zhuk was detain-", "ed in Brest; the Brest-", "Minsk road was closed."}}}));
  EXPECT_EQ(pdf.text, "Marta Zhuk was detained in Brest; the Brest-\nMinsk road was closed.");
}

TEST(PdfToTextTest, RunningHeadersAndFootersAreDropped) {
  std::vector<PdfPage> pages;
  for (int k = 1; k <= 3; ++k) {
    pages.push_back(PdfPage{{"Lakeside Monitor - Quarterly Review", "",
                             fmt::format("Body text of page {} names Oleg Sauk.", k)},
                            fmt::format("Page {} of 3", k)});
  }
  const PdfText pdf = Read(MakePdf(pages));
  ASSERT_EQ(pdf.pages.size(), 3u);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(PageOf(pdf, k), fmt::format("Body text of page {} names Oleg Sauk.", k + 1));
  }
}

TEST(PdfToTextTest, ASingleLineRepeatedOnOnePageIsKept) {
  const PdfText pdf = Read(MakePdf({{{"Statement", "Text one."}}, {{"Other", "Text two."}}}));
  EXPECT_EQ(pdf.text, "Statement\nText one.\n\nOther\nText two.");
}

TEST(PdfToTextTest, LockedPdfIsRefusedClearly) {
  PdfOptions options;
  options.locked = true;
  PdfText out;
  const Status status = PdfToText(MakePdf({{{"Secret."}}}, options), &out);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(status.message().find("password-protected"), std::string::npos) << status.message();
}

TEST(PdfToTextTest, ScannedPdfWithoutTextLayerIsReported) {
  PdfOptions options;
  options.image_only = true;
  PdfText out;
  const Status status = PdfToText(MakePdf({{{"x"}}, {{"y"}}}, options), &out);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(status.message().find("no text layer in 2 page(s)"), std::string::npos)
      << status.message();
  EXPECT_TRUE(out.text.empty());
}

TEST(PdfToTextTest, DamagedBytesAreRefused) {
  PdfText out;
  EXPECT_EQ(PdfToText("not a pdf at all", &out).code(), Status::Code::kInvalidInput);
  EXPECT_EQ(PdfToText("", &out).code(), Status::Code::kInvalidInput);
  const std::string pdf = MakePdf({{{"Text."}}});
  EXPECT_FALSE(PdfToText(pdf.substr(0, 40), &out).ok());
}

}  // namespace
}  // namespace letapis
