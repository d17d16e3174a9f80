#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "letapis/ingest.h"
#include "letapis/text.h"

namespace letapis {
namespace {

namespace fs = std::filesystem;

// A fresh temporary folder per test, removed afterwards.
class ReadersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "letapis-readers-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }

  // Writes `bytes` to `relative` under the folder, creating folders; returns the path.
  std::string Write(const std::string& relative, std::string_view bytes) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
  }

  fs::path root_;
};

struct ReadResult {
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
};

ReadResult Read(const std::string& path, const ReadOptions& options = {}) {
  ReadResult result;
  ReadInputFile(path, options, &result.docs, &result.problems);
  return result;
}

// Asserts that every word of a plain-text document maps back to raw bytes that decode to
// the same word.
void ExpectWordsMapBack(const Document& doc) {
  ASSERT_EQ(doc.text_to_raw.size(), doc.text.size());
  size_t word = 0;
  while ((word = doc.text.find_first_not_of(" \n", word)) != std::string::npos) {
    const size_t end = std::min(doc.text.find_first_of(" \n", word), doc.text.size());
    const uint32_t from = doc.text_to_raw.ToSource(static_cast<uint32_t>(word));
    const uint32_t to = doc.text_to_raw.EndToSource(static_cast<uint32_t>(end));
    ASSERT_LE(from, to);
    ASSERT_LE(to, doc.raw.size());
    DecodedText decoded;
    ASSERT_TRUE(
        DecodeText(std::string_view(doc.raw).substr(from, to - from), doc.meta.encoding, &decoded)
            .ok());
    EXPECT_EQ(decoded.text, doc.text.substr(word, end - word));
    word = end;
  }
}

TEST_F(ReadersTest, CollectsSupportedFilesRecursivelyInOrder) {
  Write("b.txt", "b");
  Write("a.html", "a");
  Write("sub/c.HTM", "c");
  Write("sub/deeper/d.jsonl", "{}");
  Write("sub/notes.pdf", "%PDF");
  Write("sub/notes.docx", "PK");
  const std::string explicit_docx = Write("other/report.docx", "PK");
  std::vector<std::string> files;
  std::vector<ReadProblem> problems;
  CollectInputFiles({root_.string(), explicit_docx, (root_ / "missing.txt").string()}, &files,
                    &problems);
  const std::string r = root_.string();
  EXPECT_EQ(files, (std::vector<std::string>{r + "/a.html", r + "/b.txt", r + "/sub/c.HTM",
                                             r + "/sub/deeper/d.jsonl", r + "/sub/notes.pdf"}));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(
      problems[0].ToString(),
      explicit_docx + ": unsupported file type (expected .txt, .html, .htm, .pdf, .eml or .jsonl)");
  EXPECT_EQ(problems[1].ToString(), r + "/missing.txt: no such file or folder");
}

TEST_F(ReadersTest, PlainTextFileWithOptions) {
  const std::string path = Write("reports/report-1.txt", "Share\nNasta Loika was detained.\n");
  ReadOptions options;
  options.publisher = "Viasna";
  options.url = "https://example.org/1";
  options.published = PartialDate{2025, 7, 14};
  const ReadResult result = Read(path, options);
  ASSERT_TRUE(result.problems.empty()) << result.problems[0].ToString();
  ASSERT_EQ(result.docs.size(), 1u);
  const Document& doc = result.docs[0];
  EXPECT_EQ(doc.meta.name, "report-1.txt");
  EXPECT_EQ(doc.meta.path, path);
  EXPECT_EQ(doc.meta.format, "txt");
  EXPECT_EQ(doc.meta.encoding, "UTF-8");
  EXPECT_EQ(doc.meta.publisher, "Viasna");
  EXPECT_EQ(doc.meta.url, "https://example.org/1");
  EXPECT_EQ(doc.meta.published.ToIso(), "2025-07-14");
  EXPECT_EQ(doc.meta.sha256, Sha256Hex(doc.raw));
  EXPECT_EQ(doc.meta.sha256.size(), 64u);
  EXPECT_EQ(doc.raw, "Share\nNasta Loika was detained.\n");
  EXPECT_EQ(doc.text, doc.raw);
  EXPECT_EQ(doc.boilerplate, (std::vector<Span>{{0, 6}}));
}

TEST(Sha256HexTest, KnownDigest) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(ReadersTest, Windows1251TextMapsBackToRawBytes) {
  // "Алесь Бяляцкі застаецца ў калоніі." in Windows-1251.
  const std::string raw =
      "\xC0\xEB\xE5\xF1\xFC \xC1\xFF\xEB\xFF\xF6\xEA\xB3 \xE7\xE0\xF1\xF2\xE0\xE5\xF6\xF6\xE0 "
      "\xA2 \xEA\xE0\xEB\xEE\xED\xB3\xB3.";
  const ReadResult result = Read(Write("cp1251.txt", raw));
  ASSERT_EQ(result.docs.size(), 1u);
  const Document& doc = result.docs[0];
  EXPECT_EQ(doc.meta.encoding, "windows-1251");
  EXPECT_EQ(doc.raw, raw);
  EXPECT_EQ(doc.text, "Алесь Бяляцкі застаецца ў калоніі.");
  ExpectWordsMapBack(doc);
}

TEST_F(ReadersTest, BinaryFileIsAProblemNamingTheByte) {
  const std::string bytes = std::string("GIF89a\xFF\xFE\x01\x02 header\0xx", 20);
  const std::string path = Write("reports/bad.txt", bytes);
  const ReadResult result = Read(path);
  EXPECT_TRUE(result.docs.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].line, 0);
  EXPECT_EQ(
      result.problems[0].ToString(),
      path + ": not UTF-8 text and not a known single-byte encoding (binary data at byte 17)");
}

TEST_F(ReadersTest, EmptyFilesAreProblems) {
  for (const char* content : {"", " \n\t\r\n", "\xEF\xBB\xBF\n"}) {
    const std::string path = Write("empty.txt", content);
    const ReadResult result = Read(path);
    EXPECT_TRUE(result.docs.empty());
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_EQ(result.problems[0].ToString(), path + ": empty file");
  }
}

TEST_F(ReadersTest, OversizeFileIsAProblem) {
  const std::string path = Write("huge.txt", "a");
  fs::resize_file(path, kMaxInputBytes + 1);
  const ReadResult result = Read(path);
  EXPECT_TRUE(result.docs.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].message,
            "file of 33554433 bytes is over the limit of 33554432 bytes");
}

TEST_F(ReadersTest, HtmlFileMetadataAndExplicitOptions) {
  const std::string html =
      "<html><head><meta charset=\"windows-1251\"><title>\xC2\xFB\xF0\xEE\xEA</title>"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<link rel=\"canonical\" href=\"https://example.org/page\">"
      "<meta name=\"date\" content=\"2025-02-25\"></head><body><nav>Home</nav>"
      "<p>\xC0\xEB\xE5\xF1\xFC &amp; Uladzimir</p><div class=\"share\">Share</div></body></html>";
  const std::string path = Write("page.HTML", html);
  ReadOptions options;
  options.url = "https://example.org/explicit";
  const ReadResult result = Read(path, options);
  ASSERT_TRUE(result.problems.empty()) << result.problems[0].ToString();
  ASSERT_EQ(result.docs.size(), 1u);
  const Document& doc = result.docs[0];
  EXPECT_EQ(doc.meta.format, "html");
  EXPECT_EQ(doc.meta.encoding, "windows-1251");
  EXPECT_EQ(doc.meta.title, "Вырок");
  EXPECT_EQ(doc.meta.url, "https://example.org/explicit");
  EXPECT_EQ(doc.meta.publisher, "Example News");
  EXPECT_EQ(doc.meta.published.ToIso(), "2025-02-25");
  EXPECT_EQ(doc.text, "Алесь & Uladzimir");
  EXPECT_EQ(doc.raw, html);
  // Text offsets map to raw bytes: "Алесь" to its five Windows-1251 bytes, "&" to "&amp;".
  const uint32_t name_end = doc.text_to_raw.EndToSource(10);
  EXPECT_EQ(doc.raw.substr(doc.text_to_raw.ToSource(0), name_end - doc.text_to_raw.ToSource(0)),
            "\xC0\xEB\xE5\xF1\xFC");
  EXPECT_EQ(doc.raw.substr(doc.text_to_raw.ToSource(11), 5), "&amp;");
  const size_t uladzimir = doc.text.find("Uladzimir");
  EXPECT_EQ(doc.raw.substr(doc.text_to_raw.ToSource(static_cast<uint32_t>(uladzimir)), 9),
            "Uladzimir");
}

TEST_F(ReadersTest, JsonlGoodAndBadLines) {
  const std::string lines[] = {
      R"({"text": "Ales Bialiatski was detained.", "url": "https://example.org/1", )"
      R"("published": "2025-07-14T10:00:00Z", "publisher": "Viasna", "id": 7})",
      "",
      R"({"html": "<p>Searches &amp; detentions</p>", "title": "Raids"})",
      R"({"text": "unterminated)",
      R"({"url": "https://example.org/no-body"})",
      R"([1, 2])",
      R"({"text": "Held.", "published": "last week"})",
      R"({"text": "Escaped \"quote\", caf\u00e9 \ud83d\ude00 and \\ end."})",
      R"({"text": "One.", "html": "<p>Two.</p>"})",
      R"({"text": 42})",
      R"({"text": "x", "url": ["a"]})",
  };
  std::string content;
  for (const std::string& line : lines) content += line + "\r\n";
  const std::string path = Write("feeds/feed.jsonl", content);
  const ReadResult result = Read(path);

  ASSERT_EQ(result.docs.size(), 3u);
  const Document& first = result.docs[0];
  EXPECT_EQ(first.meta.name, "feed.jsonl#1");
  EXPECT_EQ(first.meta.path, path);
  EXPECT_EQ(first.meta.format, "txt");
  EXPECT_EQ(first.raw, lines[0]);
  EXPECT_EQ(first.meta.sha256, Sha256Hex(lines[0]));
  EXPECT_EQ(first.text, "Ales Bialiatski was detained.");
  EXPECT_EQ(first.meta.url, "https://example.org/1");
  EXPECT_EQ(first.meta.publisher, "Viasna");
  EXPECT_EQ(first.meta.published.ToIso(), "2025-07-14");
  EXPECT_EQ(first.text_to_raw.ToSource(0), lines[0].find("Ales"));

  const Document& html = result.docs[1];
  EXPECT_EQ(html.meta.name, "feed.jsonl#3");
  EXPECT_EQ(html.meta.format, "html");
  EXPECT_EQ(html.meta.title, "Raids");
  EXPECT_EQ(html.text, "Searches & detentions");
  EXPECT_EQ(html.text_to_raw.ToSource(9), lines[2].find("&amp;"));
  EXPECT_EQ(html.text_to_raw.ToSource(11), lines[2].find("detentions"));

  const Document& escaped = result.docs[2];
  EXPECT_EQ(escaped.meta.name, "feed.jsonl#8");
  EXPECT_EQ(escaped.text, "Escaped \"quote\", caf\u00E9 \U0001F600 and \\ end.");
  const size_t e_acute = escaped.text.find("\u00E9");
  EXPECT_EQ(escaped.text_to_raw.ToSource(static_cast<uint32_t>(e_acute)), lines[7].find("\\u00e9"));
  EXPECT_EQ(escaped.text_to_raw.EndToSource(static_cast<uint32_t>(e_acute + 2)),
            lines[7].find("\\u00e9") + 6);
  const size_t end = escaped.text.find("end.");
  EXPECT_EQ(escaped.text_to_raw.ToSource(static_cast<uint32_t>(end)), lines[7].find("end."));

  std::vector<std::string> messages;
  for (const ReadProblem& problem : result.problems) messages.push_back(problem.ToString());
  ASSERT_EQ(messages.size(), 7u);
  EXPECT_TRUE(messages[0].starts_with(path + ":4: malformed JSON at byte ")) << messages[0];
  EXPECT_EQ(messages[1], path + ":5: no \"text\" or \"html\" field");
  EXPECT_EQ(messages[2], path + ":6: expected a JSON object, not array");
  EXPECT_EQ(messages[3], path + ":7: \"published\" is not an ISO date: \"last week\"");
  EXPECT_EQ(messages[4], path + ":9: both \"text\" and \"html\" fields; give one of them");
  EXPECT_EQ(messages[5], path + ":10: \"text\" is not a string");
  EXPECT_EQ(messages[6], path + ":11: \"url\" is not a string");
}

TEST_F(ReadersTest, JsonlNestingAndBinaryValuesAreProblems) {
  const std::string deep =
      R"({"text": "x", "extra": )" + std::string(100, '[') + std::string(100, ']') + "}";
  const std::string path =
      Write("deep.jsonl", deep + "\n" + R"({"text": "bad \u0000 byte"})" + "\n");
  const ReadResult result = Read(path);
  EXPECT_TRUE(result.docs.empty());
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_EQ(result.problems[0].ToString(), path + ":1: JSON nested deeper than 64 levels");
  EXPECT_EQ(result.problems[1].ToString(),
            path + ":2: \"text\" field: not text (binary data at byte 4)");
}

TEST_F(ReadersTest, JsonlNumberTooLargeIsAProblem) {
  // Found by jsonl_fuzz: nlohmann throws out_of_range, not parse_error, for this number.
  const std::string path = Write("huge.jsonl", "{\"text\": \"x\", \"n\": 1E61116}\n");
  const ReadResult result = Read(path);
  EXPECT_TRUE(result.docs.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].ToString().find(":1: malformed JSON"), std::string::npos)
      << result.problems[0].ToString();
}

TEST_F(ReadersTest, MakeDocumentRefusesUnknownFormats) {
  SourceMeta meta;
  meta.name = "x.pdf";
  meta.format = "pdf";
  Document doc;
  EXPECT_EQ(MakeDocument("text", meta, &doc).message(),
            "format must be \"txt\" or \"html\", not \"pdf\"");
}

TEST_F(ReadersTest, TextlessHtmlIsAProblem) {
  const std::string path = Write("scripts.html", "<script>track()</script>");
  const ReadResult result = Read(path);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].ToString(), path + ": no readable text");
}

TEST_F(ReadersTest, RereadingAFolderGivesTheSameDocuments) {
  Write("a.txt", "A+ A-\nIhar Losik was released.\n");
  Write("b/b.html", "<p>Maryja Kalesnikava &mdash; pardoned?</p><div class=related>x</div>");
  Write("c.jsonl", "{\"text\": \"Searches in Homiel.\"}\n{\"text\": \"Detentions.\"}\n");
  auto read_all = [&] {
    std::vector<std::string> files;
    std::vector<ReadProblem> problems;
    CollectInputFiles({root_.string()}, &files, &problems);
    ReadResult result;
    for (const std::string& file : files) {
      ReadInputFile(file, {}, &result.docs, &result.problems);
    }
    return result;
  };
  const ReadResult first = read_all();
  const ReadResult second = read_all();
  ASSERT_TRUE(first.problems.empty());
  ASSERT_EQ(first.docs.size(), 4u);
  ASSERT_EQ(second.docs.size(), first.docs.size());
  for (size_t i = 0; i < first.docs.size(); ++i) {
    const Document& a = first.docs[i];
    const Document& b = second.docs[i];
    EXPECT_EQ(a.meta.name, b.meta.name);
    EXPECT_EQ(a.meta.sha256, b.meta.sha256);
    EXPECT_EQ(a.raw, b.raw);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.boilerplate, b.boilerplate);
    for (uint32_t k = 0; k <= a.text.size(); ++k) {
      ASSERT_EQ(a.text_to_raw.ToSource(k), b.text_to_raw.ToSource(k));
    }
  }
  EXPECT_EQ(first.docs[0].meta.name, "a.txt");
  EXPECT_EQ(first.docs[0].boilerplate, (std::vector<Span>{{0, 6}}));
  ExpectWordsMapBack(first.docs[0]);
  EXPECT_EQ(first.docs[1].text, "Maryja Kalesnikava \u2014 pardoned?");
  EXPECT_EQ(first.docs[2].meta.name, "c.jsonl#1");
  EXPECT_EQ(first.docs[3].meta.name, "c.jsonl#2");
}

}  // namespace
}  // namespace letapis
