// The last line of defence of the public export: written forms of a protected name that
// extraction did not link to the person ("Радміла Кузьменіч" next to "Radmila Kuzmenich").
#pragma once

#include <set>
#include <string>
#include <vector>

#include "letapis/names.h"

namespace letapis {

// A protected name and the label it is published under.
struct ProtectedName {
  std::string name, label;
};

// Replaces, in published texts, every run of one to three words that `matcher` takes for
// a protected name (any script, romanisation, initials or word order) by its label. Only
// runs holding a word with the phonetic key of a protected surname are compared, so the
// cost stays small. The matcher must outlive the sweep.
class SpellingSweep {
 public:
  SpellingSweep(const NameMatcher& matcher, std::vector<ProtectedName> people);

  // `text` with every such run replaced (the earliest first; of two starting together,
  // the longer).
  std::string Apply(const std::string& text) const;

 private:
  const NameMatcher& matcher_;
  std::vector<ProtectedName> people_;
  std::vector<NameMatcher::Prepared> prepared_;  // one per person
  std::set<std::string> keys_;                   // phonetic keys of their surnames
};

}  // namespace letapis
