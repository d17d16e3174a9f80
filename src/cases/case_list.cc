#include "letapis/case_list.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <unicode/unistr.h>

#include "cases/csv.h"
#include "letapis/date.h"
#include "letapis/text.h"
#include "letapis/tsv.h"

namespace letapis {
namespace {

std::string Lower(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// A header as matched: lower case without spaces, '_', '-' and '.'.
std::string FoldHeader(std::string_view header) {
  std::string out;
  for (char c : Lower(Trim(header))) {
    if (c != ' ' && c != '_' && c != '-' && c != '.') out += c;
  }
  return out;
}

// Splits on any of `separators`, trimming pieces and dropping empty ones.
std::vector<std::string> Split(std::string_view text, std::string_view separators) {
  std::vector<std::string> out;
  std::string piece;
  for (char c : text) {
    if (separators.find(c) != std::string_view::npos) {
      if (std::string t = Trim(piece); !t.empty()) out.push_back(t);
      piece.clear();
    } else {
      piece += c;
    }
  }
  if (std::string t = Trim(piece); !t.empty()) out.push_back(t);
  return out;
}

bool AllDigits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::optional<std::string> ValidIso(int year, int month, int day) {
  std::string iso = fmt::format("{:04d}", year);
  if (month > 0) iso += fmt::format("-{:02d}", month);
  if (day > 0) iso += fmt::format("-{:02d}", day);
  if (year < 1900 || year > 2100 || !PartialDate::FromIso(iso)) return std::nullopt;
  return iso;
}

std::string Gender(const std::string& value) {
  const std::string v = Lower(Trim(value));
  for (const char* male : {"m", "male", "man", "м", "муж", "мужской", "мужчына"}) {
    if (v == male) return "male";
  }
  for (const char* female : {"f", "female", "woman", "ж", "жен", "женский", "жанчына"}) {
    if (v == female) return "female";
  }
  return "";
}

// The value of `digits` ("12", "4.5"), or nullopt when empty or too large for a double
// (a cell of hundreds of digits).
std::optional<double> NumberValue(std::string_view digits) {
  double value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return value;
}

// The first four-digit number of 1900..2100 in `value`, or 0.
int BirthYear(const std::string& value) {
  for (const std::string& token : Split(value, " .-/,")) {
    if (token.size() == 4 && AllDigits(token)) {
      const int year = std::stoi(token);
      if (year >= 1900 && year <= 2100) return year;
    }
  }
  return 0;
}

}  // namespace

Status CaseListReader::Load(const std::string& data_dir, CaseListReader* out) {
  std::vector<TsvRow> columns, months;
  Status s = ReadTsv(data_dir + "/case_columns.tsv", 3, &columns);
  if (s.ok()) s = ReadTsv(data_dir + "/months.tsv", 3, &months);
  if (!s.ok()) return s;
  static const char* kFields[] = {
      "name",         "other_names", "status", "birth_year", "gender", "detained", "articles",
      "verdict_date", "sentence",    "judge",  "prosecutor", "prison", "released", "died"};
  CaseListReader reader;
  for (const TsvRow& row : columns) {
    if (std::find(std::begin(kFields), std::end(kFields), row.fields[1]) == std::end(kFields)) {
      return Status::InvalidInput(fmt::format("{}/case_columns.tsv:{}: unknown field \"{}\"",
                                              data_dir, row.line, row.fields[1]));
    }
    reader.headers_.emplace_back(FoldHeader(row.fields[2]), row.fields[1]);
  }
  for (const TsvRow& row : months) {
    const std::string& n = row.fields[2];
    if (!AllDigits(n) || n.size() > 2 || std::stoi(n) < 1 || std::stoi(n) > 12) {
      return Status::InvalidInput(
          fmt::format("{}/months.tsv:{}: month \"{}\" is not 1..12", data_dir, row.line, n));
    }
    reader.months_.emplace_back(Lower(row.fields[1]), std::stoi(n));
  }
  *out = std::move(reader);
  return Status::Ok();
}

std::optional<std::string> CaseListReader::ParseDate(std::string_view text) const {
  const std::vector<std::string> tokens = Split(Lower(text), " .-/,");
  if (tokens.empty() || tokens.size() > 3) return std::nullopt;
  int month = 0;
  std::vector<std::string> numbers;
  for (const std::string& t : tokens) {
    if (AllDigits(t)) {
      numbers.push_back(t);
      continue;
    }
    auto it =
        std::find_if(months_.begin(), months_.end(), [&](const auto& m) { return m.first == t; });
    if (it == months_.end() || month != 0) return std::nullopt;
    month = it->second;
  }
  auto num = [](const std::string& s) { return s.size() <= 4 ? std::stoi(s) : -1; };
  if (month != 0) {  // "april 2026", "14 july 2021", "july 14 2021"
    int year = 0, day = 0;
    for (const std::string& n : numbers) {
      if (n.size() == 4 && year == 0) {
        year = num(n);
      } else if (n.size() <= 2 && day == 0) {
        day = num(n);
      } else {
        return std::nullopt;
      }
    }
    return year == 0 ? std::nullopt : ValidIso(year, month, day);
  }
  switch (numbers.size()) {
    case 1:
      return numbers[0].size() == 4 ? ValidIso(num(numbers[0]), 0, 0) : std::nullopt;
    case 2:  // "1985-03" or "03.1985"
      if (numbers[0].size() == 4 && numbers[1].size() <= 2)
        return ValidIso(num(numbers[0]), num(numbers[1]), 0);
      if (numbers[1].size() == 4 && numbers[0].size() <= 2)
        return ValidIso(num(numbers[1]), num(numbers[0]), 0);
      return std::nullopt;
    case 3:  // "2021-07-14" or "14.07.2021"
      if (numbers[0].size() == 4 && numbers[1].size() <= 2 && numbers[2].size() <= 2) {
        return ValidIso(num(numbers[0]), num(numbers[1]), num(numbers[2]));
      }
      if (numbers[2].size() == 4 && numbers[0].size() <= 2 && numbers[1].size() <= 2) {
        return ValidIso(num(numbers[2]), num(numbers[1]), num(numbers[0]));
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

std::optional<int> CaseListReader::ParseTerm(std::string_view text) {
  const std::string t = Lower(Trim(text));
  for (const char* life : {"life", "пожизнен", "пажыццёв"}) {
    if (t.find(life) != std::string::npos) return -1;
  }
  double total = 0;
  bool any_unit = false;
  double pending = -1;  // a number waiting for its unit
  size_t i = 0;
  while (i < t.size()) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j]))) ++j;
      std::optional<double> value = NumberValue(t.substr(i, j - i));
      if (j + 1 < t.size() && (t[j] == '.' || t[j] == ',') &&
          std::isdigit(static_cast<unsigned char>(t[j + 1]))) {
        size_t k = j + 1;
        while (k < t.size() && std::isdigit(static_cast<unsigned char>(t[k]))) ++k;
        value = NumberValue(t.substr(i, j - i) + "." + t.substr(j + 1, k - j - 1));
        j = k;
      } else if (j < t.size() && t[j] == '/' && pending >= 0) {  // "4 1/2": the fraction
        size_t k = j + 1;
        while (k < t.size() && std::isdigit(static_cast<unsigned char>(t[k]))) ++k;
        const std::optional<double> den = NumberValue(t.substr(j + 1, k - j - 1));
        if (!value || !den || *den == 0) return std::nullopt;
        value = pending + *value / *den;
        pending = -1;
        j = k;
      }
      if (!value) return std::nullopt;        // too large for any term
      if (pending >= 0) return std::nullopt;  // two numbers without a unit between
      pending = *value;
      i = j;
      continue;
    }
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && !std::isspace(static_cast<unsigned char>(t[j])) &&
           !std::isdigit(static_cast<unsigned char>(t[j]))) {
      ++j;
    }
    const std::string word = t.substr(i, j - i);
    i = j;
    auto starts = [&](std::initializer_list<const char*> stems) {
      for (const char* stem : stems) {
        if (word.rfind(stem, 0) == 0) return true;
      }
      return false;
    };
    if (pending < 0) continue;  // words such as "colony", "and"
    if (starts({"y", "г", "л"})) {  // years, yrs, y; год, года, лет, гадоў, гады, г.
      total += pending * 12;
    } else if (starts({"m", "мес"})) {  // months, mo, m; мес., месяцев, месяцаў
      total += pending;
    } else {
      return std::nullopt;
    }
    any_unit = true;
    pending = -1;
  }
  if (!any_unit || pending >= 0 || total <= 0 || total > 12 * 100) return std::nullopt;
  return static_cast<int>(total + 0.5);
}

Status CaseListReader::Read(const std::string& path, CaseListResult* out) const {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::NotFound(fmt::format("{}: cannot read ({})", path, ec.message()));
  if (size > kMaxInputBytes) {
    return Status::Limit(
        fmt::format("{}: {} bytes, more than the {} a list may have", path, size, kMaxInputBytes));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::InvalidInput(fmt::format("{}: cannot read", path));
  DecodedText decoded;
  Status s = DecodeText(buffer.str(), "", &decoded);
  if (!s.ok()) return s.WithContext(path);
  std::vector<cases::CsvRecord> records;
  const std::string& text = decoded.text;
  const Status parsed = ParseCsv(text, cases::GuessSeparator(text), &records);
  if (records.empty()) {
    return parsed.ok() ? Status::InvalidInput(fmt::format("{}: empty list", path))
                       : parsed.WithContext(path);
  }
  if (!parsed.ok())
    out->problems.push_back(ReadProblem{path, 0, parsed.message() + "; rows after it not read"});
  const std::string file = std::filesystem::path(path).filename().string();
  // The header: which field each column holds.
  std::vector<std::string> field_of;
  for (const std::string& header : records[0].fields) {
    const std::string folded = FoldHeader(header);
    auto it = std::find_if(headers_.begin(), headers_.end(),
                           [&](const auto& h) { return h.first == folded; });
    const bool taken = it != headers_.end() &&
                       std::find(field_of.begin(), field_of.end(), it->second) != field_of.end();
    if (it == headers_.end() || taken) {
      field_of.emplace_back();
      if (!Trim(header).empty()) out->ignored.push_back(Trim(header));
      continue;
    }
    field_of.push_back(it->second);
    out->columns.push_back(fmt::format("{} -> {}", Trim(header), it->second));
  }
  if (std::find(field_of.begin(), field_of.end(), "name") == field_of.end()) {
    std::string headers;
    for (const std::string& h : records[0].fields) headers += (headers.empty() ? "" : ", ") + h;
    return Status::InvalidInput(
        fmt::format("{}:{}: no name column (headers: {}); see docs/case-lists.md", path,
                    records[0].line, headers));
  }
  for (size_t r = 1; r < records.size(); ++r) {
    const cases::CsvRecord& rec = records[r];
    auto problem = [&](const std::string& message) {
      out->problems.push_back(ReadProblem{path, rec.line, message});
    };
    if (rec.fields.size() != field_of.size()) {
      problem(fmt::format("{} field(s) where the header has {}; row skipped", rec.fields.size(),
                          field_of.size()));
      continue;
    }
    Person p;
    p.origin = "list";
    p.reviewed = true;
    p.list_source = fmt::format("{}:{}", file, rec.line);
    CaseFacts& f = p.facts;
    for (size_t c = 0; c < rec.fields.size(); ++c) {
      const std::string& field = field_of[c];
      const std::string value = Trim(rec.fields[c]);
      if (field.empty() || value.empty()) continue;
      auto date = [&](std::string* into) {
        if (auto iso = ParseDate(value)) {
          *into = *iso;
        } else {
          problem(fmt::format("{} \"{}\" is not a date; left empty", field, value));
        }
      };
      if (field == "name") {
        p.name = value;
      } else if (field == "other_names") {
        for (const std::string& n : Split(value, ";|/")) p.names.push_back(n);
      } else if (field == "status") {
        f.status = value;
      } else if (field == "birth_year") {
        f.birth_year = BirthYear(value);
        if (f.birth_year == 0)
          problem(fmt::format("birth year \"{}\" is not a year; left empty", value));
      } else if (field == "gender") {
        f.gender = Gender(value);
        if (f.gender.empty())
          problem(fmt::format("gender \"{}\" not understood; left empty", value));
      } else if (field == "detained") {
        date(&f.detained);
      } else if (field == "articles") {
        f.articles = value;
      } else if (field == "verdict_date") {
        date(&f.verdict_date);
      } else if (field == "sentence") {
        f.sentence = value;
        f.sentence_months = ParseTerm(value);
        if (!f.sentence_months)
          problem(fmt::format("sentence \"{}\": term not understood; kept as written", value));
      } else if (field == "judge") {
        f.judge = value;
      } else if (field == "prosecutor") {
        f.prosecutor = value;
      } else if (field == "prison") {
        f.prison = value;
      } else if (field == "released") {
        date(&f.released);
      } else if (field == "died") {
        // "yes", "+" or a date.
        if (auto iso = ParseDate(value)) {
          f.died = *iso;
        } else {
          f.died = value;
        }
      }
    }
    if (p.name.empty()) {
      problem("no name; row skipped");
      continue;
    }
    p.names.insert(p.names.begin(), p.name);
    out->people.push_back(std::move(p));
  }
  return Status::Ok();
}

}  // namespace letapis
