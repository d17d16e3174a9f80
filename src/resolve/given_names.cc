#include "resolve/given_names.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

#include "letapis/tsv.h"

namespace letapis::names {
namespace {

void AddUnique(std::vector<int>* v, int x) {
  if (std::find(v->begin(), v->end(), x) == v->end()) v->push_back(x);
}

}  // namespace

std::string SkeletonKey(const std::string& canonical) {
  const bool vowel_end =
      !canonical.empty() && Skeleton(canonical.substr(canonical.size() - 1)).empty();
  return Skeleton(canonical) + (vowel_end ? "|v" : "|c");
}

Status GivenNames::Load(const std::string& path, const Script& script) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(path, 3, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    if (row.fields[0] == "id") continue;  // the header after the comment block
    const std::string where = fmt::format("{}:{}", path, row.line);
    GivenClass cls;
    cls.id = row.fields[0];
    const std::string& gender = row.fields[2];
    if (gender == "m") {
      cls.gender = Gender::kMale;
    } else if (gender == "f") {
      cls.gender = Gender::kFemale;
    } else {
      return Status::InvalidInput(where + ": gender must be m or f");
    }
    const int index = static_cast<int>(classes_.size());
    size_t start = 0;
    while (start <= row.fields[1].size()) {
      size_t bar = row.fields[1].find('|', start);
      if (bar == std::string::npos) bar = row.fields[1].size();
      const std::string form = row.fields[1].substr(start, bar - start);
      start = bar + 1;
      std::u32string lower;
      for (char32_t c : Script::Normalize(form)) lower.push_back(ToLower(c));
      const Spelling spelling = script.Spell(lower, Script::GuessLanguage(lower));
      if (spelling.readable.empty()) {
        return Status::InvalidInput(fmt::format("{}: empty or letterless form '{}'", where, form));
      }
      AddUnique(&by_readable_[spelling.readable], index);
      cls.readable.push_back(spelling.readable);
      for (std::string& canonical : Canonicals(spelling.key, GuessStyle(lower))) {
        AddUnique(&by_canonical_[canonical], index);
        AddUnique(&by_skeleton_[SkeletonKey(canonical)], index);
        cls.canonical.push_back(std::move(canonical));
      }
    }
    classes_.push_back(std::move(cls));
  }
  return Status::Ok();
}

std::vector<int> GivenNames::Listed(const std::string& readable) const {
  auto it = by_readable_.find(readable);
  return it == by_readable_.end() ? std::vector<int>() : it->second;
}

std::vector<int> GivenNames::Exact(const std::vector<std::string>& canonicals) const {
  std::vector<int> out;
  for (const std::string& c : canonicals) {
    if (auto it = by_canonical_.find(c); it != by_canonical_.end()) {
      for (int index : it->second) AddUnique(&out, index);
    }
  }
  return out;
}

std::vector<int> GivenNames::Nearest(const std::vector<std::string>& canonicals) const {
  int best = INT_MAX;
  std::vector<int> out;
  for (const std::string& c : canonicals) {
    auto it = by_skeleton_.find(SkeletonKey(c));
    if (it == by_skeleton_.end()) continue;
    for (int index : it->second) {
      for (const std::string& form : classes_[static_cast<size_t>(index)].canonical) {
        const int d = EditDistance(c, form);
        if (d < best) {
          best = d;
          out = {index};
        } else if (d == best) {
          AddUnique(&out, index);
        }
      }
    }
  }
  if (best > 2 || out.size() != 1) return {};
  return out;
}

}  // namespace letapis::names
