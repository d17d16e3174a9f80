#include "export/text_cuts.h"

#include <algorithm>

namespace letapis {

std::string ApplyCuts(std::string_view text, std::vector<TextCut> cuts) {
  std::sort(cuts.begin(), cuts.end(), [](const TextCut& a, const TextCut& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  size_t done = 0;
  for (const TextCut& c : cuts) {
    if (c.begin < done) {  // overlaps a replaced range: hide the rest of it too
      done = std::max(done, c.end);
      continue;
    }
    out.append(text.substr(done, c.begin - done));
    out += c.label;
    done = c.end;
  }
  out.append(text.substr(std::min(done, text.size())));
  return out;
}

}  // namespace letapis
