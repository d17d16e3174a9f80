#include "letapis/date.h"

#include <fmt/format.h>

namespace letapis {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Parses `count` ASCII digits at `pos`; -1 when any is not a digit or the text is short.
int ParseDigits(std::string_view s, size_t pos, size_t count) {
  if (pos + count > s.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long DaysFromCivil(int year, int month, int day) {
  const long long y = static_cast<long long>(year) - (month <= 2 ? 1 : 0);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Inverse of DaysFromCivil.
PartialDate CivilFromDays(long long days) {
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  PartialDate date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

}  // namespace

std::string PartialDate::ToIso() const {
  if (year == 0) return "";
  if (month == 0) return fmt::format("{:04d}", year);
  if (day == 0) return fmt::format("{:04d}-{:02d}", year, month);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

// Year 0000 is rejected (it means "no date"). After a full date only a timestamp part
// introduced by 'T', 't' or ' ' may follow; it is ignored.
std::optional<PartialDate> PartialDate::FromIso(std::string_view iso) {
  PartialDate date;
  date.year = ParseDigits(iso, 0, 4);
  if (date.year <= 0) return std::nullopt;
  if (iso.size() == 4) return date;
  if (iso[4] != '-') return std::nullopt;
  date.month = ParseDigits(iso, 5, 2);
  if (date.month < 1 || date.month > 12) return std::nullopt;
  if (iso.size() == 7) return date;
  if (iso[7] != '-') return std::nullopt;
  date.day = ParseDigits(iso, 8, 2);
  if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) return std::nullopt;
  if (iso.size() == 10) return date;
  if (iso[10] != 'T' && iso[10] != 't' && iso[10] != ' ') return std::nullopt;
  return date;
}

// Returns -1 for a date without month or day.
int PartialDate::Weekday() const {
  if (month == 0 || day == 0) return -1;
  const long long days = DaysFromCivil(year, month, day);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

// A date without month or day is returned unchanged.
PartialDate PartialDate::AddDays(int days) const {
  if (month == 0 || day == 0) return *this;
  return CivilFromDays(DaysFromCivil(year, month, day) + days);
}

}  // namespace letapis
