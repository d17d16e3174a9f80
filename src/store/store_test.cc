#include "letapis/store.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "letapis/ingest.h"
#include "store/schema.h"
#include "store/codec.h"
#include "store/sqlite_handle.h"
#include "store/store_key.h"

namespace letapis {
namespace {

namespace fs = std::filesystem;

constexpr char kPassphrase[] = "correct horse battery staple";
// A sentence that must never appear in the database file in clear.
constexpr char kSecretSentence[] = "Ales Bialiatski was moved to the Horki penal colony";

// A temporary folder under /tmp, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "letapis-store-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path path() const { return path_; }

 private:
  fs::path path_;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A Belarusian report "read" from HTML: the text drops the <p> tags and decodes one
// character reference, so the offset map is not the identity.
Document MakeDocument(const std::string& name, const std::string& variant = "") {
  const std::string before =
      "Суд у Мінску асудзіў Алеся Бяляцкага да 10 гадоў калоніі па артыкуле 342. ";
  const std::string quoted = "Гэта помста за праўду";
  const std::string after = std::string(" — сказаў Павел Сапелка. ") + kSecretSentence +
                            ". Viasna counts over 1,300 political prisoners." + variant;
  Document doc;
  doc.meta.name = name;
  doc.meta.path = "/reports/" + name;
  doc.meta.format = "html";
  doc.meta.url = "https://example.org/news/" + name;
  doc.meta.title = "Праваабаронца атрымаў 10 гадоў";
  doc.meta.publisher = "Вясна";
  doc.meta.author = "Ганна Шэйка";
  doc.meta.parent = std::string(64, 'a');
  doc.meta.published = PartialDate{2023, 3, 3};
  doc.meta.encoding = "windows-1251";
  // raw: "<p>" before "&laquo;" quoted "&raquo;" after "</p>"; text: before «quoted» after.
  doc.raw = "<p>" + before + "&laquo;" + quoted + "&raquo;" + after + "</p>";
  doc.text = before + "«" + quoted + "»" + after;
  uint32_t raw = 3;
  for (size_t i = 0; i < before.size(); ++i) doc.text_to_raw.Add(raw++);
  doc.text_to_raw.Add(raw);  // « is two bytes from one 7-byte reference
  doc.text_to_raw.Add(raw);
  raw += 7;
  for (size_t i = 0; i < quoted.size(); ++i) doc.text_to_raw.Add(raw++);
  doc.text_to_raw.Add(raw);
  doc.text_to_raw.Add(raw);
  raw += 7;
  for (size_t i = 0; i < after.size(); ++i) doc.text_to_raw.Add(raw++);
  doc.text_to_raw.Finish(raw);
  doc.boilerplate = {Span{0, 3}, Span{10, 20}};
  doc.pages = {Span{0, 40}, Span{42, 60}};  // as a PDF's page ranges
  doc.meta.sha256 = Sha256Hex(doc.raw);
  return doc;
}

// Span of the first occurrence of `needle` in the text.
Span Find(const Document& doc, const std::string& needle) {
  size_t at = doc.text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

// An extraction with every field of every kind of fact set.
Extraction MakeExtraction(const Document& doc) {
  Extraction x;
  x.published = PartialDate{2023, 3, 0};
  x.entities = {
      Entity{EntityKind::kPlace, "Мінск", {"Minsk", "Мінску"}, 0.9f},
      Entity{EntityKind::kPerson, "Алесь Бяляцкі", {"Бяляцкага", "Bialiatski"}, 0.95f},
      Entity{EntityKind::kPerson, "Павел Сапелка", {}, 0.8f},
      Entity{EntityKind::kOrganization, "Вясна", {"Viasna"}, 0.75f},
  };
  x.mentions = {
      Mention{Find(doc, "Мінску"), EntityKind::kPlace, "Мінску", "gaz.place.minsk", 0.9f, 0},
      Mention{Find(doc, "Алеся Бяляцкага"), EntityKind::kPerson, "Алеся Бяляцкага",
              "name.given_family", 0.95f, 1},
      Mention{Find(doc, "Павел Сапелка"), EntityKind::kPerson, "Павел Сапелка", "name.given_family",
              0.8f, 2},
      Mention{Find(doc, "Viasna"), EntityKind::kOrganization, "Viasna", "gaz.org.viasna", 0.75f, 3},
      Mention{Find(doc, "Суд"), EntityKind::kOrganization, "Суд", "org.court", 0.3f, -1},
  };
  Event sentence;
  sentence.type = "sentence";
  sentence.who = {1, 2};
  sentence.date = PartialDate{2023, 3, 3};
  sentence.date_text = "3 сакавіка";
  sentence.place = 0;
  sentence.term_months = 120;
  sentence.article = "342 part 1";
  sentence.modality = "asserted";
  sentence.evidence = Find(doc, "Суд у Мінску асудзіў Алеся Бяляцкага да 10 гадоў");
  sentence.trigger = Find(doc, "асудзіў");
  sentence.rule = "event.sentence.verb";
  sentence.confidence = 0.85f;
  Event pardon;
  pardon.type = "pardon";
  pardon.who = {2, 1};  // order is kept as given
  pardon.date_text = "";
  pardon.modality = "demanded";
  pardon.evidence = Find(doc, "Гэта помста за праўду");
  pardon.trigger = Find(doc, "помста");
  pardon.rule = "event.pardon.demand";
  pardon.confidence = 0.4f;
  x.events = {sentence, pardon};
  x.claims = {
      Claim{1300, "more_than", "political_prisoners", "political prisoners",
            PartialDate{2023, 0, 0}, 3, "", Find(doc, "over 1,300 political prisoners"),
            "claim.count.over", 0.7f},
      Claim{10.5, "about", "other", "гадоў", PartialDate{}, -1, "праваабаронцы",
            Find(doc, "10 гадоў"), "claim.count.plain", 0.2f},
  };
  x.quotes = {Quote{2, Find(doc, "Гэта помста за праўду"), "quote.guillemets", 0.9f},
              Quote{-1, Find(doc, "праўду"), "quote.inner", 0.1f}};
  return x;
}

void ExpectSameMap(const OffsetMap& a, const OffsetMap& b) {
  ASSERT_EQ(a.identity(), b.identity());
  ASSERT_EQ(a.size(), b.size());
  for (uint32_t i = 0; i <= a.size(); ++i) {
    ASSERT_EQ(a.ToSource(i), b.ToSource(i)) << "offset " << i;
    ASSERT_EQ(a.EndToSource(i), b.EndToSource(i)) << "offset " << i;
  }
}

void ExpectSameDocument(const Document& a, const Document& b) {
  EXPECT_EQ(a.meta.name, b.meta.name);
  EXPECT_EQ(a.meta.path, b.meta.path);
  EXPECT_EQ(a.meta.format, b.meta.format);
  EXPECT_EQ(a.meta.url, b.meta.url);
  EXPECT_EQ(a.meta.title, b.meta.title);
  EXPECT_EQ(a.meta.publisher, b.meta.publisher);
  EXPECT_EQ(a.meta.author, b.meta.author);
  EXPECT_EQ(a.meta.parent, b.meta.parent);
  EXPECT_EQ(a.meta.published, b.meta.published);
  EXPECT_EQ(a.meta.encoding, b.meta.encoding);
  EXPECT_EQ(a.meta.sha256, b.meta.sha256);
  EXPECT_EQ(a.raw, b.raw);
  EXPECT_EQ(a.text, b.text);
  ExpectSameMap(a.text_to_raw, b.text_to_raw);
  EXPECT_EQ(a.boilerplate, b.boilerplate);
  EXPECT_EQ(a.pages, b.pages);
}

void ExpectSameExtraction(const Extraction& a, const Extraction& b) {
  EXPECT_EQ(a.published, b.published);
  ASSERT_EQ(a.entities.size(), b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    SCOPED_TRACE("entity " + std::to_string(i));
    EXPECT_EQ(a.entities[i].kind, b.entities[i].kind);
    EXPECT_EQ(a.entities[i].name, b.entities[i].name);
    EXPECT_EQ(a.entities[i].aliases, b.entities[i].aliases);
    EXPECT_EQ(a.entities[i].confidence, b.entities[i].confidence);
  }
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    SCOPED_TRACE("mention " + std::to_string(i));
    EXPECT_EQ(a.mentions[i].span, b.mentions[i].span);
    EXPECT_EQ(a.mentions[i].kind, b.mentions[i].kind);
    EXPECT_EQ(a.mentions[i].surface, b.mentions[i].surface);
    EXPECT_EQ(a.mentions[i].rule, b.mentions[i].rule);
    EXPECT_EQ(a.mentions[i].confidence, b.mentions[i].confidence);
    EXPECT_EQ(a.mentions[i].entity, b.mentions[i].entity);
  }
  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) {
    SCOPED_TRACE("event " + std::to_string(i));
    const Event &e = a.events[i], &f = b.events[i];
    EXPECT_EQ(e.type, f.type);
    EXPECT_EQ(e.who, f.who);
    EXPECT_EQ(e.date, f.date);
    EXPECT_EQ(e.date_text, f.date_text);
    EXPECT_EQ(e.place, f.place);
    EXPECT_EQ(e.term_months, f.term_months);
    EXPECT_EQ(e.article, f.article);
    EXPECT_EQ(e.modality, f.modality);
    EXPECT_EQ(e.evidence, f.evidence);
    EXPECT_EQ(e.trigger, f.trigger);
    EXPECT_EQ(e.rule, f.rule);
    EXPECT_EQ(e.confidence, f.confidence);
  }
  ASSERT_EQ(a.claims.size(), b.claims.size());
  for (size_t i = 0; i < a.claims.size(); ++i) {
    SCOPED_TRACE("claim " + std::to_string(i));
    const Claim &c = a.claims[i], &d = b.claims[i];
    EXPECT_EQ(c.value, d.value);
    EXPECT_EQ(c.qualifier, d.qualifier);
    EXPECT_EQ(c.category, d.category);
    EXPECT_EQ(c.what, d.what);
    EXPECT_EQ(c.as_of, d.as_of);
    EXPECT_EQ(c.source, d.source);
    EXPECT_EQ(c.source_name, d.source_name);
    EXPECT_EQ(c.evidence, d.evidence);
    EXPECT_EQ(c.rule, d.rule);
    EXPECT_EQ(c.confidence, d.confidence);
  }
  ASSERT_EQ(a.quotes.size(), b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    SCOPED_TRACE("quote " + std::to_string(i));
    EXPECT_EQ(a.quotes[i].speaker, b.quotes[i].speaker);
    EXPECT_EQ(a.quotes[i].span, b.quotes[i].span);
    EXPECT_EQ(a.quotes[i].rule, b.quotes[i].rule);
    EXPECT_EQ(a.quotes[i].confidence, b.quotes[i].confidence);
  }
}

// Opens the store's file directly, for checks below the Store interface.
Status OpenRaw(const fs::path& path, store::Database* db) {
  std::string salt = ReadFile(path).substr(0, store::kSaltBytes);
  store::RawKey key;
  Status s = store::DeriveRawKey(kPassphrase, salt, false, &key);
  if (s.ok()) s = db->Open(path.string(), false);
  if (s.ok()) s = db->Key(key.view());
  return s;
}

int64_t QueryInt(store::Database* db, const char* sql) {
  store::Statement stmt;
  bool row = false;
  EXPECT_TRUE(db->Prepare(sql, &stmt).ok());
  EXPECT_TRUE(stmt.Step(&row).ok());
  EXPECT_TRUE(row);
  return stmt.ColumnInt64(0);
}

class StoreTest : public ::testing::Test {
 protected:
  fs::path db_path() const { return dir_.path() / "chronicle.letapis"; }

  std::unique_ptr<Store> Create() {
    std::unique_ptr<Store> store;
    Status s = OpenSqlcipherStore(db_path().string(), kPassphrase, true, &store);
    EXPECT_TRUE(s.ok()) << s.message();
    return store;
  }

  std::unique_ptr<Store> Open() {
    std::unique_ptr<Store> store;
    Status s = OpenSqlcipherStore(db_path().string(), kPassphrase, false, &store);
    EXPECT_TRUE(s.ok()) << s.message();
    return store;
  }

  // Adds a report built from MakeDocument(name, variant) and its extraction.
  void Add(Store* store, const std::string& name, const std::string& variant = "") {
    Document doc = MakeDocument(name, variant);
    bool added = false;
    Status s = store->AddReport(doc, MakeExtraction(doc), "tester", &added);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_TRUE(added);
  }

  static StoreCounts CountsOf(Store* store) {
    StoreCounts counts;
    Status s = store->Counts(&counts);
    EXPECT_TRUE(s.ok()) << s.message();
    return counts;
  }

  TempDir dir_;
};

void ExpectSameCounts(const StoreCounts& a, const StoreCounts& b) {
  EXPECT_EQ(a.sources, b.sources);
  EXPECT_EQ(a.mentions, b.mentions);
  EXPECT_EQ(a.entities, b.entities);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.claims, b.claims);
  EXPECT_EQ(a.quotes, b.quotes);
}

TEST_F(StoreTest, CreateThenReopen) {
  {
    std::unique_ptr<Store> store = Create();
    ASSERT_TRUE(store);
    Add(store.get(), "report.html");
  }
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  StoreCounts counts = CountsOf(store.get());
  EXPECT_EQ(counts.sources, 1);
  EXPECT_EQ(counts.entities, 4);
  EXPECT_EQ(counts.mentions, 5);
  EXPECT_EQ(counts.events, 2);
  EXPECT_EQ(counts.claims, 2);
  EXPECT_EQ(counts.quotes, 2);
}

TEST_F(StoreTest, FileIsEncryptedAndPrivate) {
  ASSERT_TRUE(Create());
  EXPECT_GE(fs::file_size(db_path()), 1024u);
  EXPECT_NE(ReadFile(db_path()).substr(0, 16), std::string("SQLite format 3\0", 16));
  fs::perms perms = fs::status(db_path()).permissions();
  EXPECT_EQ(perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
}

TEST_F(StoreTest, WrongPassphraseIsRefused) {
  ASSERT_TRUE(Create());
  std::unique_ptr<Store> store;
  Status s = OpenSqlcipherStore(db_path().string(), "not the passphrase", false, &store);
  EXPECT_EQ(s.code(), Status::Code::kWrongPassphrase) << s.message();
  EXPECT_NE(s.message().find("wrong passphrase"), std::string::npos) << s.message();
  EXPECT_FALSE(store);
}

TEST_F(StoreTest, RandomBytesAreNotAStore) {
  std::string noise(8192, '\0');
  for (size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 7919 + 13) % 251);
  WriteFile(db_path(), noise);
  std::unique_ptr<Store> store;
  Status s = OpenSqlcipherStore(db_path().string(), kPassphrase, false, &store);
  EXPECT_EQ(s.code(), Status::Code::kWrongPassphrase) << s.message();
  EXPECT_NE(s.message().find("not a letapis store"), std::string::npos) << s.message();
  EXPECT_EQ(ReadFile(db_path()), noise);  // left as it was
}

TEST_F(StoreTest, TooShortFileIsNotAStore) {
  WriteFile(db_path(), "tiny");
  std::unique_ptr<Store> store;
  Status s = OpenSqlcipherStore(db_path().string(), kPassphrase, false, &store);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << s.message();
  EXPECT_NE(s.message().find("not a letapis store"), std::string::npos) << s.message();
}

TEST_F(StoreTest, PlainSqliteDatabaseIsNotAStore) {
  {
    store::Database db;
    ASSERT_TRUE(db.Open(db_path().string(), true).ok());
    ASSERT_TRUE(db.Exec("CREATE TABLE t (x INTEGER)").ok());
  }
  std::unique_ptr<Store> store;
  Status s = OpenSqlcipherStore(db_path().string(), kPassphrase, false, &store);
  EXPECT_EQ(s.code(), Status::Code::kWrongPassphrase) << s.message();
}

TEST_F(StoreTest, CreateOverExistingFileFails) {
  WriteFile(db_path(), "precious notes");
  std::unique_ptr<Store> store;
  Status s = OpenSqlcipherStore(db_path().string(), kPassphrase, true, &store);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << s.message();
  EXPECT_NE(s.message().find("already exists"), std::string::npos) << s.message();
  EXPECT_EQ(ReadFile(db_path()), "precious notes");
}

TEST_F(StoreTest, CreateRefusesEmptyPassphrase) {
  std::unique_ptr<Store> store;
  Status s = OpenSqlcipherStore(db_path().string(), "", true, &store);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << s.message();
  EXPECT_FALSE(fs::exists(db_path()));
}

TEST_F(StoreTest, MissingFileIsNotFound) {
  std::unique_ptr<Store> store;
  Status s = OpenSqlcipherStore(db_path().string(), kPassphrase, false, &store);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.message();
  EXPECT_NE(s.message().find(db_path().string()), std::string::npos) << s.message();
  EXPECT_FALSE(fs::exists(db_path()));
}

TEST_F(StoreTest, DuplicateSha256AddsNothing) {
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  Add(store.get(), "report.html");
  StoreCounts before = CountsOf(store.get());
  Document doc = MakeDocument("copy-of-report.html");
  bool added = true;
  Status s = store->AddReport(doc, MakeExtraction(doc), "tester", &added);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_FALSE(added);
  ExpectSameCounts(CountsOf(store.get()), before);
}

TEST_F(StoreTest, RoundTripKeepsEveryField) {
  Document doc = MakeDocument("report.html");
  Extraction x = MakeExtraction(doc);
  {
    std::unique_ptr<Store> store = Create();
    ASSERT_TRUE(store);
    bool added = false;
    Status s = store->AddReport(doc, x, "tester", &added);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  StoredReport report;
  Status s = store->FindReport("report.html", &report);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(report.id, 0);
  EXPECT_EQ(report.ingested_at.size(), 20u) << report.ingested_at;
  ExpectSameDocument(doc, report.document);
  ExpectSameExtraction(x, report.extraction);
}

TEST_F(StoreTest, IdentityMapRoundTrips) {
  Document doc;
  doc.meta.name = "plain.txt";
  doc.meta.format = "txt";
  doc.raw = doc.text = "Затрыманы ў Гомелі.";
  doc.text_to_raw = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  doc.meta.sha256 = Sha256Hex(doc.raw);
  Extraction x;
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  bool added = false;
  ASSERT_TRUE(store->AddReport(doc, x, "tester", &added).ok());
  StoredReport report;
  Status s = store->FindReport("plain.txt", &report);
  ASSERT_TRUE(s.ok()) << s.message();
  ExpectSameDocument(doc, report.document);
  ExpectSameExtraction(x, report.extraction);
}

TEST_F(StoreTest, RawSpansFollowTheOffsetMap) {
  Document doc = MakeDocument("report.html");
  {
    std::unique_ptr<Store> store = Create();
    ASSERT_TRUE(store);
    bool added = false;
    ASSERT_TRUE(store->AddReport(doc, MakeExtraction(doc), "tester", &added).ok());
  }
  store::Database db;
  ASSERT_TRUE(OpenRaw(db_path(), &db).ok());
  store::Statement stmt;
  ASSERT_TRUE(db.Prepare("SELECT raw_begin, raw_end FROM quote ORDER BY id LIMIT 1", &stmt).ok());
  bool row = false;
  ASSERT_TRUE(stmt.Step(&row).ok());
  ASSERT_TRUE(row);
  // The quote's text sits between "&laquo;" and "&raquo;" in the raw HTML.
  EXPECT_EQ(doc.raw.substr(stmt.ColumnInt64(0), stmt.ColumnInt64(1) - stmt.ColumnInt64(0)),
            "Гэта помста за праўду");
}

TEST_F(StoreTest, FindReportByNameOrHashPrefix) {
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  Add(store.get(), "a.html");
  Add(store.get(), "b.html", " Second version.");
  Add(store.get(), "b.html", " Third version.");
  const std::string sha_a = MakeDocument("a.html").meta.sha256;
  StoredReport report;

  Status s = store->FindReport(sha_a.substr(0, 8), &report);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(report.document.meta.name, "a.html");

  std::string upper = sha_a.substr(0, 12);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  s = store->FindReport(upper, &report);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(report.document.meta.sha256, sha_a);

  s = store->FindReport("b.html", &report);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.message();
  EXPECT_NE(s.message().find("ambiguous"), std::string::npos) << s.message();

  const std::string sha_b = MakeDocument("b.html", " Third version.").meta.sha256;
  s = store->FindReport(sha_b, &report);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(report.document.meta.sha256, sha_b);

  s = store->FindReport(sha_a.substr(0, 7), &report);  // too short to be a prefix
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.message();
  s = store->FindReport("missing.html", &report);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.message();
  EXPECT_NE(s.message().find("missing.html"), std::string::npos) << s.message();
}

TEST_F(StoreTest, ForEachReportVisitsInIngestionOrderAndStops) {
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  Add(store.get(), "first.html", " 1");
  Add(store.get(), "second.html", " 2");
  Add(store.get(), "third.html", " 3");
  std::vector<std::string> names;
  Status s = store->ForEachReport([&](const StoredReport& r) {
    names.push_back(r.document.meta.name);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(names, (std::vector<std::string>{"first.html", "second.html", "third.html"}));

  names.clear();
  s = store->ForEachReport([&](const StoredReport& r) {
    names.push_back(r.document.meta.name);
    return names.size() == 2 ? Status::Limit("enough") : Status::Ok();
  });
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_EQ(names.size(), 2u);
}

TEST_F(StoreTest, FileHoldsNoPlaintextAndNoJournal) {
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  Add(store.get(), "report.html");
  EXPECT_FALSE(fs::exists(db_path().string() + "-journal"));
  store.reset();
  const std::string bytes = ReadFile(db_path());
  EXPECT_EQ(bytes.find(kSecretSentence), std::string::npos);
  EXPECT_EQ(bytes.find("Бяляцк"), std::string::npos);
  EXPECT_EQ(bytes.find("report.html"), std::string::npos);
  EXPECT_EQ(bytes.find("CREATE TABLE"), std::string::npos);
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path(), db_path()) << "stray file " << entry.path();
  }
}

TEST_F(StoreTest, BadEntityIndexIsRefusedBeforeWriting) {
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  Add(store.get(), "good.html");
  StoreCounts before = CountsOf(store.get());
  Document doc = MakeDocument("bad.html", " other");
  Extraction x = MakeExtraction(doc);
  x.events[1].who.push_back(17);
  bool added = true;
  Status s = store->AddReport(doc, x, "tester", &added);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << s.message();
  EXPECT_NE(s.message().find("bad.html: event 1 participant 2"), std::string::npos) << s.message();
  EXPECT_FALSE(added);
  ExpectSameCounts(CountsOf(store.get()), before);
}

TEST_F(StoreTest, SpanOutsideTextOrWrongHashIsRefused) {
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  Document doc = MakeDocument("bad.html");
  Extraction x = MakeExtraction(doc);
  x.quotes[0].span.end = static_cast<uint32_t>(doc.text.size() + 1);
  bool added = true;
  EXPECT_EQ(store->AddReport(doc, x, "tester", &added).code(), Status::Code::kInvalidInput);
  x = MakeExtraction(doc);
  doc.raw += "tampered";
  EXPECT_EQ(store->AddReport(doc, x, "tester", &added).code(), Status::Code::kInvalidInput);
  EXPECT_EQ(CountsOf(store.get()).sources, 0);
}

TEST_F(StoreTest, FailureMidTransactionRollsBack) {
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  Add(store.get(), "good.html");
  StoreCounts before = CountsOf(store.get());
  // Source, document and the first entities are written before the invalid UTF-8 alias
  // of the last entity fails; all of it must be rolled back.
  Document doc = MakeDocument("half.html", " other");
  Extraction x = MakeExtraction(doc);
  x.entities.back().aliases.push_back("\xff\xfe");
  bool added = true;
  Status s = store->AddReport(doc, x, "tester", &added);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << s.message();
  EXPECT_NE(s.message().find("half.html: entity 3 aliases"), std::string::npos) << s.message();
  EXPECT_FALSE(added);
  ExpectSameCounts(CountsOf(store.get()), before);
  // The store is still usable and the report can be added once fixed.
  x.entities.back().aliases.pop_back();
  s = store->AddReport(doc, x, "tester", &added);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(added);
  EXPECT_EQ(CountsOf(store.get()).sources, 2);
}

TEST_F(StoreTest, IngestIsAuditedAndAuditLogIsAppendOnly) {
  {
    std::unique_ptr<Store> store = Create();
    ASSERT_TRUE(store);
    Add(store.get(), "report.html");
  }
  store::Database db;
  ASSERT_TRUE(OpenRaw(db_path(), &db).ok());
  store::Statement stmt;
  ASSERT_TRUE(db.Prepare("SELECT actor, action, object_type, object_id, before, after, at"
                         " FROM audit_log",
                         &stmt)
                  .ok());
  bool row = false;
  ASSERT_TRUE(stmt.Step(&row).ok());
  ASSERT_TRUE(row);
  EXPECT_EQ(stmt.ColumnText(0), "tester");
  EXPECT_EQ(stmt.ColumnText(1), "ingest");
  EXPECT_EQ(stmt.ColumnText(2), "source");
  EXPECT_EQ(stmt.ColumnInt64(3), 1);
  EXPECT_TRUE(stmt.IsNull(4));
  const std::string after = stmt.ColumnText(5);
  EXPECT_NE(after.find("\"name\":\"report.html\""), std::string::npos) << after;
  EXPECT_NE(after.find(MakeDocument("report.html").meta.sha256), std::string::npos) << after;
  EXPECT_NE(after.find("\"events\":2"), std::string::npos) << after;
  EXPECT_FALSE(stmt.ColumnText(6).empty());
  ASSERT_TRUE(stmt.Step(&row).ok());
  EXPECT_FALSE(row);
  EXPECT_FALSE(db.Exec("UPDATE audit_log SET actor = 'someone else'").ok());
  EXPECT_FALSE(db.Exec("DELETE FROM audit_log").ok());
  EXPECT_EQ(QueryInt(&db, "SELECT count(*) FROM audit_log"), 1);
}

TEST_F(StoreTest, SchemaVersionIsRecordedAndNewerStoreIsRefused) {
  ASSERT_TRUE(Create());
  {
    store::Database db;
    ASSERT_TRUE(OpenRaw(db_path(), &db).ok());
    EXPECT_EQ(QueryInt(&db, "PRAGMA user_version"), store::LatestSchemaVersion());
    ASSERT_TRUE(db.Exec("PRAGMA user_version = 99").ok());
  }
  std::unique_ptr<Store> store;
  Status s = OpenSqlcipherStore(db_path().string(), kPassphrase, false, &store);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << s.message();
  EXPECT_NE(s.message().find("newer"), std::string::npos) << s.message();
}

TEST_F(StoreTest, DamagedRawIsReportedAsCorrupt) {
  {
    std::unique_ptr<Store> store = Create();
    ASSERT_TRUE(store);
    Add(store.get(), "report.html");
  }
  {
    store::Database db;
    ASSERT_TRUE(OpenRaw(db_path(), &db).ok());
    const std::string other = MakeDocument("report.html", "!").raw;
    std::string blob;
    ASSERT_TRUE(store::Compress(other, &blob).ok());
    store::Statement stmt;
    ASSERT_TRUE(db.Prepare("UPDATE source SET raw = ?1, raw_size = ?2", &stmt).ok());
    ASSERT_TRUE(stmt.BindBlob(1, blob).BindInt64(2, static_cast<int64_t>(other.size())).Run().ok());
  }
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  StoredReport report;
  Status s = store->FindReport("report.html", &report);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt) << s.message();
  EXPECT_NE(s.message().find("report.html"), std::string::npos) << s.message();
  s = store->ForEachReport([](const StoredReport&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), Status::Code::kCorrupt) << s.message();
}

}  // namespace
}  // namespace letapis

namespace letapis {
namespace {

TEST_F(StoreTest, JudgementsAreKeptInOrderAndAudited) {
  std::unique_ptr<Store> store = Create();
  ASSERT_TRUE(store);
  Judgement same{0, "Ales Bialiatski", "Алесь Беляцкий", "same", "editor-1", "", "same ID number"};
  ASSERT_TRUE(store->AddJudgement(&same).ok());
  EXPECT_GT(same.id, 0);
  EXPECT_FALSE(same.at.empty());
  Judgement different{0, "Viktar Babaryka", "Eduard Babaryka", "different", "editor-2", "",
                      "father and son"};
  ASSERT_TRUE(store->AddJudgement(&different).ok());
  Judgement bad{0, "A", "B", "maybe", "x", "", ""};
  EXPECT_EQ(store->AddJudgement(&bad).code(), Status::Code::kInvalidInput);
  std::vector<Judgement> all;
  ASSERT_TRUE(store->ListJudgements(&all).ok());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name_b, "Алесь Беляцкий");
  EXPECT_EQ(all[1].verdict, "different");
  EXPECT_EQ(all[1].actor, "editor-2");
  store.reset();
  store::Database db;
  ASSERT_TRUE(OpenRaw(db_path(), &db).ok());
  EXPECT_EQ(QueryInt(&db, "SELECT count(*) FROM audit_log WHERE action = 'judge'"), 2);
}

}  // namespace
}  // namespace letapis
