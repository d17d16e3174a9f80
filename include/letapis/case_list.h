// Prisoner lists: reading the CSV spreadsheets monitors keep (one row per person, columns
// such as name, other names, status, birth year, dates, articles, sentence, judge, prison)
// into reviewed person records. docs/case-lists.md describes the columns and value forms.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "letapis/ingest.h"
#include "letapis/people.h"
#include "letapis/status.h"

namespace letapis {

// What reading one list gave: people (list_source "file.csv:LINE"), the problems of rows
// skipped or values left out, and how the header was understood.
struct CaseListResult {
  std::vector<Person> people;
  std::vector<ReadProblem> problems;
  std::vector<std::string> columns;  // "header -> field" for every column used
  std::vector<std::string> ignored;  // headers not understood
};

// Reads prisoner lists. Thread-safe for concurrent const use.
class CaseListReader {
 public:
  // Loads data/case_columns.tsv (header names per field) and data/months.tsv from
  // `data_dir`; fails naming the file and line of a malformed row.
  static Status Load(const std::string& data_dir, CaseListReader* out);

  // Reads one CSV file (UTF-8 or Windows-1251; comma, semicolon or tab separated; quoted
  // fields may hold separators and line breaks). Fails only for the whole file (unreadable,
  // too large, no name column); a bad row is a problem naming its line, and is skipped.
  Status Read(const std::string& path, CaseListResult* out) const;

  // A date as lists write it ("2021-07-14", "14.07.2021", "07.2021", "1985-03",
  // "april 2026", "14 July 2021", "14 июля 2021", "2021") in ISO form ("2021-07"), or
  // nothing when it is not a date.
  std::optional<std::string> ParseDate(std::string_view text) const;

  // A prison term in months ("4 1/2 years" = 54, "2 years 6 months" = 30, "3,5 года" = 42,
  // "18 months", "life" = -1), or nothing when it is not a term.
  static std::optional<int> ParseTerm(std::string_view text);

 private:
  std::vector<std::pair<std::string, std::string>> headers_;  // folded header -> field
  std::vector<std::pair<std::string, int>> months_;           // lower-case name -> month
};

}  // namespace letapis
