#include "letapis/names.h"

#include <algorithm>

#include "resolve/name_compare.h"
#include "resolve/name_parse.h"

namespace letapis {
namespace {

constexpr size_t kMaxKeys = 8;

std::string FemaleMark(const names::ParsedName& p) {
  return p.surname_gender == names::Gender::kFemale ? "~f" : "";
}

}  // namespace

NameMatcher::NameMatcher() : tables_(std::make_shared<names::Tables>()) {}

Status NameMatcher::Load(const std::string& data_dir, NameMatcher* out) {
  auto tables = std::make_shared<names::Tables>();
  if (Status s = tables->script.Load(data_dir + "/transliteration.tsv"); !s.ok()) return s;
  if (Status s = tables->given.Load(data_dir + "/given_name_equivalents.tsv", tables->script);
      !s.ok()) {
    return s;
  }
  out->tables_ = std::move(tables);
  return Status::Ok();
}

NameMatcher::NameParts NameMatcher::Parse(std::string_view name) const {
  const names::ParsedName p = names::ParseName(*tables_, name);
  NameParts parts;
  for (const names::Token& g : p.given) parts.given.push_back(g.readable);
  parts.patronymic = p.patronymic.readable;
  parts.surname = p.surname_readable;
  parts.suffix = p.suffix;
  return parts;
}

std::string NameMatcher::PhoneticKey(std::string_view surname_or_name) const {
  const names::ParsedName p = names::ParseName(*tables_, surname_or_name);
  std::string key;
  for (size_t i = 0; i < p.surname.size(); ++i) {
    // One skeleton per part, even an empty one (a part of vowels only), as PhoneticKeys.
    if (i > 0) key += '-';
    if (!p.surname[i].canonical.empty()) key += names::Skeleton(p.surname[i].canonical[0]);
  }
  return key.empty() ? key : key + FemaleMark(p);
}

std::vector<std::string> NameMatcher::PhoneticKeys(std::string_view surname_or_name) const {
  const names::ParsedName p = names::ParseName(*tables_, surname_or_name);
  std::vector<std::string> keys;
  for (size_t i = 0; i < p.surname.size(); ++i) {
    std::vector<std::string> skeletons;
    for (const std::string& c : p.surname[i].canonical) {
      std::string s = names::Skeleton(c);
      if (std::find(skeletons.begin(), skeletons.end(), s) == skeletons.end()) {
        skeletons.push_back(std::move(s));
      }
    }
    // A part without canonical forms has an empty skeleton, as in PhoneticKey.
    if (skeletons.empty()) skeletons.emplace_back();
    if (i == 0) {
      keys = std::move(skeletons);
      continue;
    }
    std::vector<std::string> next;
    for (const std::string& k : keys) {
      for (const std::string& s : skeletons) {
        if (next.size() < kMaxKeys) next.push_back(k + "-" + s);
      }
    }
    keys = std::move(next);
  }
  // As in PhoneticKey: an empty key (a surname of vowels only) carries no gender mark.
  const std::string mark = FemaleMark(p);
  for (std::string& k : keys) {
    if (!k.empty()) k += mark;
  }
  return keys;
}

NameMatcher::Prepared NameMatcher::Prepare(std::string_view name) const {
  return Prepared{std::make_shared<const names::ParsedName>(names::ParseName(*tables_, name))};
}

NameMatcher::Match NameMatcher::Compare(const Prepared& a, const Prepared& b) const {
  return names::CompareParsed(*tables_, *a.parsed, *b.parsed);
}

NameMatcher::Match NameMatcher::Compare(std::string_view a, std::string_view b) const {
  return names::CompareParsed(*tables_, names::ParseName(*tables_, a),
                              names::ParseName(*tables_, b));
}

}  // namespace letapis
