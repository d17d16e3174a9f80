// For tests: a gtest fixture with a fresh encrypted store in its own temporary directory
// (removed afterwards) and the rules of data/ to extract reports into it.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "letapis/extractor.h"
#include "letapis/ingest.h"
#include "letapis/store.h"

namespace letapis {

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "letapis-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    ASSERT_TRUE(OpenSqlcipherStore((dir_ / "s.db").string(), "pass phrase", true, &store_).ok());
    ASSERT_TRUE(Extractor::Load(LETAPIS_DATA_DIR, &extractor_).ok());
  }

  void TearDown() override {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Stores `text` as the new plain-text report `name` with what the rules extract from it;
  // returns its id (StoredReport::id).
  int64_t AddText(const std::string& name, const std::string& text) {
    return AddExtraction(name, text, [this](const Document& doc) { return extractor_.Run(doc); });
  }

  // AddText with the facts `extract(document)` returns instead of the rules' (for tests
  // that need facts the rules would not find, such as events on chosen dates).
  template <typename Extract>
  int64_t AddExtraction(const std::string& name, const std::string& text, Extract extract) {
    SourceMeta meta;
    meta.name = name;
    meta.format = "txt";
    Document doc;
    EXPECT_TRUE(MakeDocument(text, meta, &doc).ok());
    bool added = false;
    EXPECT_TRUE(store_->AddReport(doc, extract(doc), "test", &added).ok());
    EXPECT_TRUE(added) << name << " was stored before";
    std::vector<ReportSummary> newest;
    int64_t total = 0;
    EXPECT_TRUE(store_->ListReports(1, 0, &newest, &total).ok());
    return newest.empty() ? 0 : newest.front().id;
  }

  // Rejects fact `id` of `kind` ("event", "claim", "quote") as a reviewer would.
  void Reject(const std::string& kind, int64_t id) {
    ReviewAction reject;
    reject.kind = kind;
    reject.id = id;
    reject.action = "reject";
    reject.actor = "editor";
    const Status status = store_->ReviewFact(reject, nullptr);
    EXPECT_TRUE(status.ok()) << status.message();
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  Extractor extractor_;
};

}  // namespace letapis
