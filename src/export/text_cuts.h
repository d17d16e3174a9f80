// Replacing ranges of a text by labels, as redaction does (public exports and site).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace letapis {

// A range [begin, end) of a text to replace by `label` (which must outlive ApplyCuts).
struct TextCut {
  size_t begin = 0, end = 0;
  std::string_view label;
};

// `text` with every cut replaced by its label, the earliest first and, of two starting
// together, the longer; a cut overlapping one already replaced hides the rest of its range
// too (nothing of a replaced name shows through).
std::string ApplyCuts(std::string_view text, std::vector<TextCut> cuts);

}  // namespace letapis
