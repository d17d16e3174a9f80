// libFuzzer target for PartialDate: FromIso parses any bytes (the --published option, the
// store's date columns, JSONL metadata); a parsed date has valid ranges and survives
// ToIso/FromIso; a full date moved by AddDays and back is unchanged, its weekday in 0..6.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "letapis/date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using letapis::PartialDate;
  using letapis::fuzz::Require;
  if (size > 256) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::optional<PartialDate> date = PartialDate::FromIso(input);
  if (!date) return 0;
  Require(date->known(), "a parsed date has a year");
  Require(date->month >= 0 && date->month <= 12, "month in 0..12");
  Require(date->day >= 0 && date->day <= 31, "day in 0..31");
  Require(date->month != 0 || date->day == 0, "no day without a month");
  const std::optional<PartialDate> again = PartialDate::FromIso(date->ToIso());
  Require(again && *again == *date, "ToIso then FromIso gives the same date");
  if (date->day != 0) {
    Require(date->Weekday() >= 0 && date->Weekday() <= 6, "weekday in 0..6");
    // A shift of up to +-3000 days from the input's last byte.
    const int days = (static_cast<int>(data[size - 1]) - 128) * 23;
    const PartialDate moved = date->AddDays(days);
    Require(moved.AddDays(-days) == *date, "AddDays(n) then AddDays(-n) is the identity");
  }
  return 0;
}
