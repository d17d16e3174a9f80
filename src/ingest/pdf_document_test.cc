#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "letapis/ingest.h"
#include "pdf/pdf_test_util.h"

namespace letapis {
namespace {

namespace fs = std::filesystem;
using pdf_testing::MakePdf;
using pdf_testing::PdfOptions;

class PdfDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "letapis-pdf-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = root_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  fs::path root_;
};

TEST_F(PdfDocumentTest, PdfFileBecomesADocumentWithPages) {
  const std::string pdf =
      MakePdf({{{"Lakeside Monitor: court notice", "Ivan Sorak was sentenced."}},
               {{"Second page names Olga Ryn."}}});
  const std::string path = Write("notice.PDF", pdf);
  ReadOptions options;
  options.publisher = "Lakeside Monitor";
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
  ReadInputFile(path, options, &docs, &problems);
  ASSERT_TRUE(problems.empty()) << problems[0].ToString();
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.meta.format, "pdf");
  EXPECT_EQ(doc.meta.name, "notice.PDF");
  EXPECT_EQ(doc.meta.publisher, "Lakeside Monitor");
  EXPECT_EQ(doc.raw, pdf);
  EXPECT_EQ(doc.meta.sha256, Sha256Hex(pdf));
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.text_to_raw.size(), doc.text.size());
  const auto olga = static_cast<uint32_t>(doc.text.find("Olga Ryn"));
  EXPECT_EQ(PageOf(doc, olga), 2);
  EXPECT_EQ(PageOf(doc, static_cast<uint32_t>(doc.text.find("Ivan"))), 1);
  EXPECT_EQ(PageOf(Document{}, 0), 0);
}

TEST_F(PdfDocumentTest, BadPdfsAreProblemsNamingTheFile) {
  PdfOptions locked;
  locked.locked = true;
  PdfOptions scanned;
  scanned.image_only = true;
  const std::string a = Write("a-locked.pdf", MakePdf({{{"Text."}}}, locked));
  const std::string b = Write("b-scan.pdf", MakePdf({{{"Text."}}}, scanned));
  const std::string c = Write("c-junk.pdf", "%PDF-1.4 junk");
  const std::string d = Write("d-good.pdf", MakePdf({{{"Good text."}}}));
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
  for (const std::string& path : {a, b, c, d}) ReadInputFile(path, {}, &docs, &problems);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Good text.");
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].path, a);
  EXPECT_NE(problems[0].message.find("password-protected"), std::string::npos);
  EXPECT_NE(problems[1].message.find("no text layer"), std::string::npos);
  EXPECT_NE(problems[2].message.find("damaged or not a PDF"), std::string::npos)
      << problems[2].message;
}

}  // namespace
}  // namespace letapis
