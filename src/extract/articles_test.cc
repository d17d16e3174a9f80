#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/expression_test_util.h"
#include "extract/expressions.h"

namespace letapis {
namespace {

using testing::Analyze;
using Strings = std::vector<std::string>;

// An article match reduced to comparable values.
struct Found {
  std::string covered;
  Strings articles;
  std::string rule;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  os << "{\"" << f.covered << "\", [";
  for (const std::string& a : f.articles) os << a << ";";
  return os << "], " << f.rule << "}";
}

std::vector<Found> Articles(std::string_view raw) {
  testing::Analyzed a = Analyze(raw);
  std::vector<ArticleMatch> matches = FindArticles(a.text, a.tokens);
  testing::ExpectOrdered(matches, a.tokens.size());
  std::vector<Found> out;
  for (const ArticleMatch& m : matches) {
    out.push_back(Found{a.Covered(m.first, m.end), m.articles, m.rule});
  }
  return out;
}

Found Only(std::string_view raw) {
  std::vector<Found> all = Articles(raw);
  EXPECT_EQ(all.size(), 1u) << raw;
  return all.empty() ? Found{} : all[0];
}

TEST(FindArticlesTest, SingleArticle) {
  EXPECT_EQ(Only("charged under Article 342."), (Found{"Article 342", {"342"}, "article.en"}));
  EXPECT_EQ(Only("under Art. 342").articles, Strings{"342"});
  EXPECT_EQ(Only("under article 130-2").articles, Strings{"130-2"});
  EXPECT_EQ(Only("Article 24.23 of the Code of Administrative Offences").articles,
            Strings{"24.23"});
}

TEST(FindArticlesTest, Lists) {
  EXPECT_EQ(Only("Articles 342 and 369"),
            (Found{"Articles 342 and 369", {"342", "369"}, "article.en"}));
  EXPECT_EQ(Only("Articles 342, 369 and 130-2 of the Criminal Code"),
            (Found{"Articles 342, 369 and 130-2 of the Criminal Code",
                   {"342", "369", "130-2"},
                   "article.en"}));
  EXPECT_EQ(Only("Article 342 and 15 other people").articles, Strings{"342"});
}

TEST(FindArticlesTest, Parts) {
  EXPECT_EQ(Only("under Part 2 of Article 361-1"),
            (Found{"Part 2 of Article 361-1", {"361-1 part 2"}, "article.part_of"}));
  EXPECT_EQ(Only("Article 361-1, Part 2 of the Criminal Code"),
            (Found{"Article 361-1, Part 2 of the Criminal Code", {"361-1 part 2"}, "article.en"}));
  EXPECT_EQ(Only("Parts 1 and 2 of Article 342").articles, (Strings{"342 part 1", "342 part 2"}));
  EXPECT_TRUE(Articles("part of the article").empty());
}

TEST(FindArticlesTest, Cyrillic) {
  EXPECT_EQ(Only("по ч. 1 ст. 342 УК"), (Found{"ч. 1 ст. 342 УК", {"342 part 1"}, "article.ru"}));
  EXPECT_EQ(Only("по ст. 342 УК РБ"), (Found{"ст. 342 УК РБ", {"342"}, "article.ru"}));
  EXPECT_EQ(Only("ч.2 ст.361-1").articles, Strings{"361-1 part 2"});
  EXPECT_EQ(Only("по статье 130").articles, Strings{"130"});
}

TEST(FindArticlesTest, NotArticles) {
  EXPECT_TRUE(Articles("an article about 342 prisoners").empty());
  EXPECT_TRUE(Articles("art 342").empty());
  EXPECT_TRUE(Articles("Article").empty());
}

}  // namespace
}  // namespace letapis
