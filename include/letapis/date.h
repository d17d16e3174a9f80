// PartialDate: a calendar date known to year, month or day precision.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace letapis {

// A date whose month and day may be unknown (0). year == 0 means "no date".
struct PartialDate {
  int year = 0;
  int month = 0;  // 1..12, or 0 when only the year is known
  int day = 0;    // 1..31, or 0 when only year and month are known

  // True when at least the year is known.
  bool known() const { return year != 0; }
  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" when unknown.
  std::string ToIso() const;
  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a longer ISO timestamp is cut to its date);
  // nullopt when malformed or out of range.
  static std::optional<PartialDate> FromIso(std::string_view iso);
  // Day of week 0=Monday..6=Sunday; only valid for full dates.
  int Weekday() const;
  // Adds `days` (may be negative) to a full date.
  PartialDate AddDays(int days) const;

  bool operator==(const PartialDate&) const = default;
};

}  // namespace letapis
