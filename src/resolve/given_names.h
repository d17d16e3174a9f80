// Given-name equivalence classes (data/given_name_equivalents.tsv): which spellings,
// national forms and diminutives name the same given name.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "letapis/status.h"
#include "resolve/name_phonetic.h"
#include "resolve/name_script.h"

namespace letapis::names {

// One class of equivalent given names.
struct GivenClass {
  std::string id;                      // "gn.0043"
  Gender gender = Gender::kUnknown;    // of the people who bear it
  std::vector<std::string> readable;   // every form in readable Latin
  std::vector<std::string> canonical;  // every phonetic form of every form
};

// The classes, indexed by phonetic form and by consonant skeleton.
class GivenNames {
 public:
  // Reads the class file, spelling each form with `script`; fails naming the file and
  // line of a malformed row.
  Status Load(const std::string& path, const Script& script);

  // Classes listing this readable spelling as it is ("tonya": Antonina, not Tatiana,
  // although Tonya and Tanya sound alike after akanne).
  std::vector<int> Listed(const std::string& readable) const;

  // Classes one of whose forms has one of these phonetic forms exactly.
  std::vector<int> Exact(const std::vector<std::string>& canonicals) const;

  // Classes for a spelling no class lists: the one class sharing the consonant skeleton
  // (and a vowel or consonant ending) whose nearest form is at most 2 edits away; none
  // when no class or several equally near ones qualify.
  std::vector<int> Nearest(const std::vector<std::string>& canonicals) const;

  // The class with this index (as returned by Exact or Nearest).
  const GivenClass& Class(int index) const { return classes_[static_cast<size_t>(index)]; }

 private:
  std::vector<GivenClass> classes_;
  std::unordered_map<std::string, std::vector<int>> by_readable_;
  std::unordered_map<std::string, std::vector<int>> by_canonical_;
  std::unordered_map<std::string, std::vector<int>> by_skeleton_;
};

// The key of the skeleton index: the skeleton plus whether the form ends in a vowel.
std::string SkeletonKey(const std::string& canonical);

}  // namespace letapis::names
