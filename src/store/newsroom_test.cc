// Accounts, review decisions kept across re-extraction, and full-text search.
#include "store/store_test_fixture.h"

namespace letapis {
namespace {

constexpr char kReport[] =
    "On 3 March 2025 police detained Ivan Marchuk in Hrodna, the Viasna Watch group said. "
    "The court in Brest sentenced Olga Kavalenka to five years in prison under Article 342 on "
    "12 April 2025.";
constexpr char kCyrillic[] =
    "Брэст, 14 мая 2025 года. Супрацоўнікі міліцыі затрымалі журналіста Сымона Карпенку.";

class NewsroomTest : public StoreFixture {
 protected:
  int64_t Add(const std::string& name, const std::string& text) { return AddText(name, text); }

  std::vector<FactRow> Events(int64_t source_id) {
    FactFilter f;
    f.source_id = source_id;
    std::vector<FactRow> rows;
    EXPECT_TRUE(store_->ListFacts(f, &rows, nullptr).ok());
    return rows;
  }
};

TEST_F(NewsroomTest, PasswordsSessionsAndTokens) {
  User user;
  ASSERT_TRUE(store_->AddUser("mira", "long enough password", "editor", "test", &user).ok());
  EXPECT_EQ(store_->AddUser("mira", "another password!", "viewer", "test", nullptr).code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(store_->AddUser("short", "2short", "viewer", "test", nullptr).code(),
            Status::Code::kInvalidInput);
  User found;
  EXPECT_TRUE(store_->CheckPassword("mira", "long enough password", &found).ok());
  EXPECT_EQ(found.role, "editor");
  EXPECT_EQ(store_->CheckPassword("mira", "wrong password", &found).code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(store_->CheckPassword("nobody", "long enough password", &found).message(),
            store_->CheckPassword("mira", "wrong password", &found).message());

  std::string session;
  ASSERT_TRUE(store_->CreateSession(user.id, &session).ok());
  EXPECT_EQ(session.size(), 64u);
  EXPECT_TRUE(store_->FindSession(session, &found).ok());
  EXPECT_EQ(found.name, "mira");
  EXPECT_EQ(store_->FindSession(session + "0", &found).code(), Status::Code::kNotFound);

  std::string token;
  ASSERT_TRUE(store_->CreateApiToken("mira", "script", "test", &token).ok());
  EXPECT_TRUE(store_->FindApiToken(token, &found).ok());

  // Disabling ends sessions and tokens, and logins.
  ASSERT_TRUE(store_->SetUserRole("mira", "disabled", "admin").ok());
  EXPECT_EQ(store_->FindSession(session, &found).code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->FindApiToken(token, &found).code(), Status::Code::kNotFound);
  EXPECT_FALSE(store_->CheckPassword("mira", "long enough password", &found).ok());
  ASSERT_TRUE(store_->EndSession(session).ok());
}

TEST_F(NewsroomTest, SecretsAreStoredOnlyAsHashes) {
  User user;
  ASSERT_TRUE(store_->AddUser("mira", "long enough password", "admin", "test", &user).ok());
  std::string session, token;
  ASSERT_TRUE(store_->CreateSession(user.id, &session).ok());
  ASSERT_TRUE(store_->CreateApiToken("mira", "", "test", &token).ok());
  store_.reset();
  // Re-open with the key and look at every table through the Store: the audit log of the
  // token creation must not hold the token either.
  ASSERT_TRUE(OpenSqlcipherStore((dir_ / "s.db").string(), "pass phrase", false, &store_).ok());
  std::vector<AuditEntry> audit;
  ASSERT_TRUE(store_->ListAudit("api_token", 1, &audit).ok());
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].after.find(token), std::string::npos);
  EXPECT_EQ(audit[0].after.find(token.substr(3)), std::string::npos);
}

TEST_F(NewsroomTest, ReviewActionsAreAuditedAndSurviveReextraction) {
  const int64_t id = Add("report.txt", kReport);
  std::vector<FactRow> events = Events(id);
  ASSERT_GE(events.size(), 2u);
  const FactRow first = events[0], second = events[1];

  ReviewAction confirm{"event", first.id, "confirm", {}, {}, {}, {}, {}, "ana", ""};
  ASSERT_TRUE(store_->ReviewFact(confirm, nullptr).ok());
  ReviewAction edit{"event", second.id, "edit", "trial", "2025-04-11",
                    {},      60,        {},     "ana",   "court record"};
  FactRow after;
  ASSERT_TRUE(store_->ReviewFact(edit, &after).ok());
  EXPECT_EQ(after.review_state, "corrected");
  EXPECT_EQ(after.type, "trial");
  EXPECT_EQ(after.date, "2025-04-11");
  ASSERT_TRUE(after.term_months);
  EXPECT_EQ(*after.term_months, 60);

  ReviewAction bad{"event", second.id, "edit", "teleport", {}, {}, {}, {}, "ana", ""};
  EXPECT_EQ(store_->ReviewFact(bad, nullptr).code(), Status::Code::kInvalidInput);
  ReviewAction bad_date{"event", second.id, "edit", {}, "April", {}, {}, {}, "ana", ""};
  EXPECT_EQ(store_->ReviewFact(bad_date, nullptr).code(), Status::Code::kInvalidInput);

  std::vector<AuditEntry> audit;
  ASSERT_TRUE(store_->ListAudit("event", second.id, &audit).ok());
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].actor, "ana");
  EXPECT_EQ(audit[0].action, "review_edit");
  EXPECT_NE(audit[0].before.find(second.type), std::string::npos);
  EXPECT_NE(audit[0].after.find("court record"), std::string::npos);

  // Re-extraction writes new rows; the decisions come back on the same facts.
  StoredReport report;
  ASSERT_TRUE(store_->LoadReport(id, &report).ok());
  ReextractStats stats;
  ASSERT_TRUE(store_->ReplaceExtraction(id, extractor_.Run(report.document), "test", &stats).ok());
  EXPECT_EQ(stats.decisions_applied, 2);
  EXPECT_EQ(stats.decisions_orphaned, 0);
  std::vector<FactRow> again = Events(id);
  ASSERT_EQ(again.size(), events.size());
  int confirmed = 0, corrected = 0;
  for (const FactRow& f : again) {
    EXPECT_GT(f.id, second.id);  // new rows
    if (f.rule == first.rule && f.evidence_begin == first.evidence_begin) {
      EXPECT_EQ(f.review_state, "confirmed");
      std::vector<AuditEntry> history;
      ASSERT_TRUE(store_->ListAudit("event", f.id, &history).ok());
      ASSERT_EQ(history.size(), 1u);
      EXPECT_EQ(history[0].action, "review_kept");
      EXPECT_NE(history[0].after.find("\"decided_by\":\"ana\""), std::string::npos);
      ++confirmed;
    }
    if (f.rule == second.rule && f.evidence_begin == second.evidence_begin) {
      EXPECT_EQ(f.review_state, "corrected");
      EXPECT_EQ(f.type, "trial");
      EXPECT_EQ(f.date, "2025-04-11");
      ++corrected;
    }
  }
  EXPECT_EQ(confirmed, 1);
  EXPECT_EQ(corrected, 1);

  // A rejection is remembered as well, and an empty extraction orphans every decision.
  ReviewAction reject{"event", again[0].id, "reject", {}, {}, {}, {}, {}, "ana", ""};
  ASSERT_TRUE(store_->ReviewFact(reject, nullptr).ok());
  ASSERT_TRUE(store_->ReplaceExtraction(id, Extraction{}, "test", &stats).ok());
  EXPECT_EQ(stats.decisions_applied, 0);
  EXPECT_EQ(stats.decisions_orphaned, 2);
  EXPECT_TRUE(Events(id).empty());
}

// The entity names of event `index` of a stored report.
std::vector<std::string> Who(const StoredReport& r, size_t index) {
  std::vector<std::string> out;
  for (int w : r.extraction.events.at(index).who) out.push_back(r.extraction.entities.at(w).name);
  return out;
}

TEST_F(NewsroomTest, ReviewersEditAnEventsPeople) {
  const int64_t id = Add("report.txt", kReport);
  FactFilter filter;
  filter.type = "detention";
  std::vector<FactRow> rows;
  ASSERT_TRUE(store_->ListFacts(filter, &rows, nullptr).ok());
  ASSERT_EQ(rows.size(), 1u);
  const FactRow detention = rows[0];
  ASSERT_EQ(detention.people, std::vector<std::string>{"Ivan Marchuk"});
  StoredReport before;
  ASSERT_TRUE(store_->LoadReport(id, &before).ok());

  // An entity of the report is linked; a new name becomes a person entity of the report.
  ReviewAction edit;
  edit.kind = "event";
  edit.id = detention.id;
  edit.action = "edit";
  edit.actor = "ana";
  edit.people = std::vector<std::string>{" Olga  Kavalenka", "Pavel Sidorau", "", "Pavel Sidorau"};
  FactRow after;
  ASSERT_TRUE(store_->ReviewFact(edit, &after).ok());
  EXPECT_EQ(after.review_state, "corrected");
  EXPECT_EQ(after.people, (std::vector<std::string>{"Olga Kavalenka", "Pavel Sidorau"}));
  StoredReport edited;
  ASSERT_TRUE(store_->LoadReport(id, &edited).ok());
  ASSERT_EQ(edited.extraction.entities.size(), before.extraction.entities.size() + 1);
  const Entity& added = edited.extraction.entities.back();
  EXPECT_EQ(added.name, "Pavel Sidorau");
  EXPECT_EQ(added.kind, EntityKind::kPerson);
  EXPECT_FLOAT_EQ(added.confidence, 1.0f);
  EXPECT_EQ(edited.extraction.mentions.size(), before.extraction.mentions.size());
  std::vector<AuditEntry> audit;
  ASSERT_TRUE(store_->ListAudit("event", detention.id, &audit).ok());
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_NE(audit[0].before.find("\"people\":[\"Ivan Marchuk\"]"), std::string::npos);
  EXPECT_NE(audit[0].after.find("\"people\":[\"Olga Kavalenka\",\"Pavel Sidorau\"]"),
            std::string::npos);
  EXPECT_NE(audit[0].after.find("\"rule\":\"review.person\""), std::string::npos);

  // Bad names are refused whole; only events have editable people.
  for (const std::string& bad :
       {std::string("Pavel\x01Sidorau"), std::string(300, 'a'), std::string("Pavel \xff")}) {
    ReviewAction a = edit;
    a.people = std::vector<std::string>{"Olga Kavalenka", bad};
    EXPECT_EQ(store_->ReviewFact(a, nullptr).code(), Status::Code::kInvalidInput);
  }
  ReviewAction claim = edit;
  claim.kind = "claim";
  EXPECT_EQ(store_->ReviewFact(claim, nullptr).code(), Status::Code::kInvalidInput);

  // A name no longer used takes its entity away; the decision survives re-extraction,
  // which writes new entity rows that the edit links again.
  edit.people = std::vector<std::string>{"Olga Kavalenka"};
  ASSERT_TRUE(store_->ReviewFact(edit, &after).ok());
  StoredReport trimmed;
  ASSERT_TRUE(store_->LoadReport(id, &trimmed).ok());
  EXPECT_EQ(trimmed.extraction.entities.size(), before.extraction.entities.size());
  edit.people = std::vector<std::string>{"Olga Kavalenka", "Pavel Sidorau"};
  ASSERT_TRUE(store_->ReviewFact(edit, &after).ok());
  ReextractStats stats;
  ASSERT_TRUE(store_->ReplaceExtraction(id, extractor_.Run(before.document), "test", &stats).ok());
  EXPECT_EQ(stats.decisions_applied, 1);
  rows.clear();
  ASSERT_TRUE(store_->ListFacts(filter, &rows, nullptr).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_GT(rows[0].id, detention.id);
  EXPECT_EQ(rows[0].people, (std::vector<std::string>{"Olga Kavalenka", "Pavel Sidorau"}));
  StoredReport again;
  ASSERT_TRUE(store_->LoadReport(id, &again).ok());
  EXPECT_EQ(again.extraction.entities.size(), before.extraction.entities.size() + 1);
  for (size_t i = 0; i < again.extraction.events.size(); ++i) {
    if (again.extraction.events[i].type == "detention") {
      EXPECT_EQ(Who(again, i), (std::vector<std::string>{"Olga Kavalenka", "Pavel Sidorau"}));
    }
  }
}

TEST_F(NewsroomTest, FiltersEvents) {
  const int64_t id = Add("report.txt", kReport);
  FactFilter f;
  f.person = "Kavalenka";
  std::vector<FactRow> rows;
  int64_t total = 0;
  ASSERT_TRUE(store_->ListFacts(f, &rows, &total).ok());
  ASSERT_EQ(total, 1);
  EXPECT_EQ(rows[0].type, "sentence");
  EXPECT_EQ(rows[0].source_id, id);
  EXPECT_NE(rows[0].evidence.find("sentenced Olga Kavalenka"), std::string::npos);
  f = FactFilter{};
  f.date_from = "2025-04";
  f.date_to = "2025-04";
  rows.clear();
  ASSERT_TRUE(store_->ListFacts(f, &rows, &total).ok());
  EXPECT_EQ(total, 1);
  f = FactFilter{};
  f.place = "%";  // LIKE wildcards are taken literally
  ASSERT_TRUE(store_->ListFacts(f, &rows, &total).ok());
  EXPECT_EQ(total, 0);
  f = FactFilter{};
  f.kind = "rumour";
  EXPECT_EQ(store_->ListFacts(f, &rows, &total).code(), Status::Code::kInvalidInput);
}

TEST_F(NewsroomTest, SearchRanksAndHighlightsLatinAndCyrillic) {
  Add("one.txt", kReport);
  Add("two.txt", kCyrillic);
  Add("three.txt", "Police detained two people. Police detained Marchuk again; Marchuk, Marchuk.");
  SearchResults results;
  ASSERT_TRUE(store_->Search("marchuk", 10, 0, &results).ok());
  ASSERT_EQ(results.total, 2);
  EXPECT_EQ(results.hits[0].name, "three.txt");  // more occurrences in a shorter text
  EXPECT_GT(results.hits[0].score, results.hits[1].score);
  EXPECT_NE(results.hits[1].snippet.find(std::string(1, kHitOpen) + "Marchuk" + kHitClose),
            std::string::npos);
  ASSERT_TRUE(store_->Search("КАРПЕНКУ", 10, 0, &results).ok());
  ASSERT_EQ(results.total, 1);
  EXPECT_EQ(results.hits[0].name, "two.txt");
  EXPECT_NE(results.hits[0].snippet.find("Карпенку"), std::string::npos);
  ASSERT_TRUE(store_->Search("карпен*", 10, 0, &results).ok());
  EXPECT_EQ(results.total, 1);
  // Every word must occur; pages.
  ASSERT_TRUE(store_->Search("police marchuk", 1, 1, &results).ok());
  EXPECT_EQ(results.total, 2);
  EXPECT_EQ(results.hits.size(), 1u);
  // Operators and quotes are plain words, never syntax errors.
  ASSERT_TRUE(store_->Search("\"marchuk OR -(NEAR", 10, 0, &results).ok());
  EXPECT_EQ(results.total, 0);
  ASSERT_TRUE(store_->Search("   ", 10, 0, &results).ok());
  EXPECT_EQ(results.total, 0);
}

TEST(SearchMatchExpressionTest, QuotesEveryWord) {
  EXPECT_EQ(SearchMatchExpression("Ales  Bialiatski"), "\"Ales\" \"Bialiatski\"");
  EXPECT_EQ(SearchMatchExpression("Бяляц* \"x\" OR"), "\"Бяляц*\" \"x\" \"OR\"");
  EXPECT_EQ(SearchMatchExpression("--"), "");
}

TEST(SearchMatchExpressionTest, ALongWordIsCutBetweenCharacters) {
  // 1 + 2 * 40 bytes: the 64-byte limit falls inside a two-byte letter, which goes whole.
  std::string word = "a";
  for (int i = 0; i < 40; ++i) word += "д";
  std::string expected = "\"a";
  for (int i = 0; i < 31; ++i) expected += "д";
  EXPECT_EQ(SearchMatchExpression(word), expected + "\"");
}

}  // namespace
}  // namespace letapis
