#include "letapis/case_list.h"

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "cases/csv.h"

namespace letapis {
namespace {

class CaseListTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(CaseListReader::Load(LETAPIS_DATA_DIR, &reader_).ok()); }

  // Writes `bytes` to a temporary file and reads it as a list.
  Status ReadBytes(const std::string& bytes, CaseListResult* out) {
    path_ = ::testing::TempDir() + "/list.csv";
    std::ofstream(path_, std::ios::binary) << bytes;
    return reader_.Read(path_, out);
  }

  CaseListReader reader_;
  std::string path_;
};

TEST(CsvTest, QuotesSeparatorsAndLineBreaksInsideFields) {
  std::vector<cases::CsvRecord> rows;
  const std::string text = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\n";
  ASSERT_TRUE(cases::ParseCsv(text, ',', &rows).ok());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x, y", "say \"hi\""}));
  EXPECT_EQ(rows[2].fields[0], "two\nlines");
  EXPECT_EQ(rows[2].line, 4);
}

TEST(CsvTest, UnterminatedQuoteNamesItsLine) {
  std::vector<cases::CsvRecord> rows;
  const Status s = cases::ParseCsv("a,b\n1,2\n\"open,3\n", ',', &rows);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("line 3"), std::string::npos) << s.message();
  EXPECT_EQ(rows.size(), 2u);
}

TEST(CsvTest, GuessesTheSeparatorFromTheHeader) {
  EXPECT_EQ(cases::GuessSeparator("name;born;\"a,b\"\nx,y,z"), ';');
  EXPECT_EQ(cases::GuessSeparator("name\tborn\n"), '\t');
  EXPECT_EQ(cases::GuessSeparator("name,born\n"), ',');
}

TEST_F(CaseListTest, DatesInTheFormsListsUse) {
  EXPECT_EQ(reader_.ParseDate("april 2026"), "2026-04");
  EXPECT_EQ(reader_.ParseDate("1985-03"), "1985-03");
  EXPECT_EQ(reader_.ParseDate("14.07.2021"), "2021-07-14");
  EXPECT_EQ(reader_.ParseDate("2021-07-14"), "2021-07-14");
  EXPECT_EQ(reader_.ParseDate("07.2021"), "2021-07");
  EXPECT_EQ(reader_.ParseDate("14 July 2021"), "2021-07-14");
  EXPECT_EQ(reader_.ParseDate("14 июля 2021"), "2021-07-14");
  EXPECT_EQ(reader_.ParseDate("2019"), "2019");
  EXPECT_FALSE(reader_.ParseDate("31.02.2021"));
  EXPECT_FALSE(reader_.ParseDate("soon"));
  EXPECT_FALSE(reader_.ParseDate("12"));
}

TEST_F(CaseListTest, TermsInTheFormsListsUse) {
  EXPECT_EQ(CaseListReader::ParseTerm("4 1/2 years"), 54);
  EXPECT_EQ(CaseListReader::ParseTerm("2 years 6 months"), 30);
  EXPECT_EQ(CaseListReader::ParseTerm("3,5 года"), 42);
  EXPECT_EQ(CaseListReader::ParseTerm("10 лет колонии"), 120);
  EXPECT_EQ(CaseListReader::ParseTerm("18 months"), 18);
  EXPECT_EQ(CaseListReader::ParseTerm("life"), -1);
  EXPECT_FALSE(CaseListReader::ParseTerm("7"));
  EXPECT_FALSE(CaseListReader::ParseTerm("fine"));
  EXPECT_FALSE(CaseListReader::ParseTerm("3 apples"));
}

// Found by case_list_fuzz: a cell with a fraction whose denominator overflows an int, or a
// number of hundreds of digits, is no term (it threw out of the reader before).
TEST_F(CaseListTest, TermsWithOversizedNumbersAreNoTerms) {
  EXPECT_EQ(CaseListReader::ParseTerm("4 1/99999999999999999999 years"), 48);
  EXPECT_FALSE(CaseListReader::ParseTerm("1" + std::string(400, '0') + " years"));
  EXPECT_FALSE(CaseListReader::ParseTerm("4 1/" + std::string(400, '9') + " years"));
  EXPECT_FALSE(CaseListReader::ParseTerm("4 1/0 years"));
}

TEST_F(CaseListTest, RowsBecomeReviewedPeopleAndBadRowsAreNamed) {
  CaseListResult r;
  ASSERT_TRUE(
      ReadBytes("Full name,Other names,Born,Sex,Detained,Articles,Sentence,Prison,Colour\n"
                "Ihar Losik,Игорь Лосик; Ігар Лосік,1992,m,25.06.2020,\"342; 293\",15 years,"
                "Colony 1,blue\n"
                "Nobody,too,few\n"
                ",,1990,,,,,,\n"
                "Alena Zhuk,,someday,x,yesterday,,probation,,\n",
                &r)
          .ok());
  ASSERT_EQ(r.people.size(), 2u);
  const Person& p = r.people[0];
  EXPECT_EQ(p.name, "Ihar Losik");
  EXPECT_EQ(p.names, (std::vector<std::string>{"Ihar Losik", "Игорь Лосик", "Ігар Лосік"}));
  EXPECT_EQ(p.origin, "list");
  EXPECT_TRUE(p.reviewed);
  EXPECT_EQ(p.list_source, "list.csv:2");
  EXPECT_EQ(p.facts.birth_year, 1992);
  EXPECT_EQ(p.facts.gender, "male");
  EXPECT_EQ(p.facts.detained, "2020-06-25");
  EXPECT_EQ(p.facts.articles, "342; 293");
  EXPECT_EQ(p.facts.sentence_months, 180);
  EXPECT_EQ(p.facts.prison, "Colony 1");
  EXPECT_EQ(r.ignored, (std::vector<std::string>{"Colour"}));
  // Line 3: wrong field count; line 4: no name; line 5: four values not understood.
  std::vector<int> lines;
  for (const ReadProblem& pr : r.problems) lines.push_back(pr.line);
  EXPECT_EQ(lines, (std::vector<int>{3, 4, 5, 5, 5, 5}));
  EXPECT_EQ(r.people[1].facts.sentence, "probation");
  EXPECT_FALSE(r.people[1].facts.sentence_months);
}

TEST_F(CaseListTest, Windows1251ListsAreDecoded) {
  // "ФИО;Статья" / "Игорь Лосик;342" in Windows-1251.
  const std::string bytes =
      "\xD4\xC8\xCE;\xD1\xF2\xE0\xF2\xFC\xE8\n\xC8\xE3\xEE\xF0\xFC \xCB\xEE\xF1\xE8\xEA;342\n";
  CaseListResult r;
  ASSERT_TRUE(ReadBytes(bytes, &r).ok());
  ASSERT_EQ(r.people.size(), 1u);
  EXPECT_EQ(r.people[0].name, "Игорь Лосик");
  EXPECT_EQ(r.people[0].facts.articles, "342");
}

TEST_F(CaseListTest, AListWithoutANameColumnIsRefusedWhole) {
  CaseListResult r;
  const Status s = ReadBytes("Surname,Town\nLosik,Minsk\n", &r);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("no name column"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("Surname, Town"), std::string::npos) << s.message();
  EXPECT_TRUE(r.people.empty());
}

}  // namespace
}  // namespace letapis
