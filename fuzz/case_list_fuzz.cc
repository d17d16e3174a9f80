// libFuzzer target for prisoner lists: CaseListReader::Read on any bytes (CSV quoting,
// encodings, header mapping, every value parser) never crashes; every person read has a
// name first among its names and a list source naming the file and a line; a parsed term
// is -1 (life) or 1..1200 months; a parsed date is valid ISO.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "fuzz_util.h"
#include "letapis/case_list.h"
#include "letapis/date.h"
#include "letapis/tsv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using letapis::fuzz::Require;
  static const letapis::CaseListReader* reader = [] {
    auto* r = new letapis::CaseListReader();
    Require(letapis::CaseListReader::Load(letapis::DataDir(), r).ok(), "data tables load");
    return r;
  }();
  static const std::string path =
      "/tmp/letapis-case-list-fuzz-" + std::to_string(getpid()) + ".csv";
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  letapis::CaseListResult result;
  if (!reader->Read(path, &result).ok()) return 0;
  for (const letapis::Person& p : result.people) {
    Require(!p.name.empty() && !p.names.empty() && p.names.front() == p.name, "name first");
    Require(p.list_source.rfind(".csv:") != std::string::npos, "list source names a line");
    if (p.facts.sentence_months) {
      const int months = *p.facts.sentence_months;
      Require(months == -1 || (months >= 1 && months <= 1200), "term in range");
    }
    for (const std::string* date : {&p.facts.detained, &p.facts.verdict_date, &p.facts.released}) {
      Require(date->empty() || letapis::PartialDate::FromIso(*date).has_value(), "ISO date");
    }
  }
  return 0;
}
