#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "letapis/ingest.h"
#include "letapis/text.h"

namespace letapis {
namespace {
namespace fs = std::filesystem;

class ReadersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("letapis-readers-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(ReadersTest, FoldersAreSearchedRecursivelyAndSorted) {
  Write("b.txt", "Second report about a detention.");
  Write("sub/a.html", "<p>First report.</p>");
  Write("notes.md", "not a report");
  std::vector<std::string> files;
  std::vector<ReadProblem> problems;
  CollectInputFiles({dir_.string()}, &files, &problems);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_TRUE(files[0].ends_with("b.txt"));
  EXPECT_TRUE(files[1].ends_with("sub/a.html"));
  EXPECT_TRUE(problems.empty());
}

TEST_F(ReadersTest, MissingAndUnsupportedPathsAreProblems) {
  const std::string md = Write("notes.md", "x");
  std::vector<std::string> files;
  std::vector<ReadProblem> problems;
  CollectInputFiles({(dir_ / "nothing.txt").string(), md}, &files, &problems);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].ToString().find("no such file"), std::string::npos);
  EXPECT_NE(problems[1].ToString().find("unsupported"), std::string::npos);
}

TEST_F(ReadersTest, JsonlGoodAndBadLines) {
  const std::string path = Write(
      "feed.jsonl",
      "{\"text\": \"Police detained \\u201cIvan Kot\\u201d.\", \"published\": \"2025-02-03\", "
      "\"url\": \"https://example.org/1\"}\n"
      "{not json}\n"
      "\n"
      "{\"title\": \"no body\"}\n"
      "{\"html\": \"<p>Court &amp; prison</p>\", \"publisher\": \"Example\"}\n");
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
  ReadInputFile(path, ReadOptions{}, &docs, &problems);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].meta.name, "feed.jsonl#1");
  EXPECT_EQ(docs[0].text, "Police detained \xE2\x80\x9CIvan Kot\xE2\x80\x9D.");
  EXPECT_EQ(docs[0].meta.published.ToIso(), "2025-02-03");
  EXPECT_EQ(docs[0].meta.url, "https://example.org/1");
  // "Ivan" maps to its bytes in the line.
  const uint32_t at =
      docs[0].text_to_raw.ToSource(static_cast<uint32_t>(docs[0].text.find("Ivan")));
  EXPECT_EQ(docs[0].raw.substr(at, 4), "Ivan");
  EXPECT_EQ(docs[1].meta.name, "feed.jsonl#5");
  EXPECT_EQ(docs[1].text, "Court & prison");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_NE(problems[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(problems[1].line, 4);
}

TEST_F(ReadersTest, EmptyAndBinaryFilesAreProblems) {
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
  ReadInputFile(Write("empty.txt", "  \n"), ReadOptions{}, &docs, &problems);
  ReadInputFile(Write("bin.txt", std::string("\x7f"
                                             "ELF\0\0\1",
                                             7)),
                ReadOptions{}, &docs, &problems);
  EXPECT_TRUE(docs.empty());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].message.find("empty"), std::string::npos);
  EXPECT_NE(problems[1].message.find("binary"), std::string::npos);
}

TEST_F(ReadersTest, OversizeFileIsAProblem) {
  const std::string path = (dir_ / "big.txt").string();
  {
    std::ofstream out(path, std::ios::binary);
    std::string block(1 << 20, 'a');
    for (size_t i = 0; i <= kMaxInputBytes / block.size(); ++i) out << block;
  }
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
  ReadInputFile(path, ReadOptions{}, &docs, &problems);
  EXPECT_TRUE(docs.empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("over the limit"), std::string::npos);
}

TEST_F(ReadersTest, PlainFileTakesOptionsAndHashesItsBytes) {
  ReadOptions options;
  options.publisher = "Example Wire";
  options.published = *PartialDate::FromIso("2024-06-01");
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
  ReadInputFile(Write("r.txt", "abc"), options, &docs, &problems);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].meta.publisher, "Example Wire");
  EXPECT_EQ(docs[0].meta.published.ToIso(), "2024-06-01");
  EXPECT_EQ(docs[0].meta.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(ReadersTest, HtmlSpansMapToRawBytes) {
  const std::string html = "<html><body><p>Judge Anton Mal sentenced Ina Ruk.</p></body></html>";
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
  ReadInputFile(Write("page.html", html), ReadOptions{}, &docs, &problems);
  ASSERT_EQ(docs.size(), 1u);
  const size_t at = docs[0].text.find("Ina Ruk");
  ASSERT_NE(at, std::string::npos);
  const uint32_t begin = docs[0].text_to_raw.ToSource(static_cast<uint32_t>(at));
  const uint32_t end = docs[0].text_to_raw.EndToSource(static_cast<uint32_t>(at + 7));
  EXPECT_EQ(html.substr(begin, end - begin), "Ina Ruk");
}

}  // namespace
}  // namespace letapis
