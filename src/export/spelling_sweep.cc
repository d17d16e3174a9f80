#include "export/spelling_sweep.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "export/text_cuts.h"

namespace letapis {
namespace {

constexpr size_t kMaxWords = 3;  // given name, patronymic, surname

// A word: letters, with ' or - between letters (not the English possessive "'s").
// [begin, end) in bytes.
struct Word {
  size_t begin, end;
};

std::vector<Word> Words(const std::string& text) {
  std::vector<Word> out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  int32_t pos = 0;
  bool in_word = false;
  while (pos < size) {
    const int32_t start = pos;
    UChar32 c = 0;
    U8_NEXT(bytes, pos, size, c);
    const bool letter = c >= 0 && u_isalpha(c);
    const bool apostrophe = c == '\'' || c == 0x2019;
    // English "'s" ends the word: "Kuzmenich's" is the name "Kuzmenich".
    const int32_t after = pos + 1;
    const bool possessive = apostrophe && pos < size && bytes[pos] == 's' &&
                            (after >= size || !u_isalpha(bytes[after]));
    const bool joiner = (apostrophe || c == '-') && !possessive && in_word && pos < size &&
                        (bytes[pos] >= 0x80 || u_isalpha(bytes[pos]));
    if (letter && !in_word) out.push_back({static_cast<size_t>(start), 0});
    if (letter || joiner) {
      out.back().end = static_cast<size_t>(pos);
      in_word = true;
    } else {
      in_word = false;
    }
  }
  return out;
}

// Whether words[first..last] may be one name: only spaces, dots (initials) and commas
// ("KUZMENICH, Radmila") between them.
bool Joined(const std::string& text, const std::vector<Word>& words, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) {
    for (size_t at = words[i].end; at < words[i + 1].begin; ++at) {
      const char c = text[at];
      if (c != ' ' && c != '.' && c != ',') return false;
    }
  }
  return true;
}

// The phonetic key without its feminine mark: forms of one family name share it.
std::string Stem(std::string key) {
  if (key.size() >= 2 && key.compare(key.size() - 2, 2, "~f") == 0) key.resize(key.size() - 2);
  return key;
}

}  // namespace

SpellingSweep::SpellingSweep(const NameMatcher& matcher, std::vector<ProtectedName> people)
    : matcher_(matcher), people_(std::move(people)) {
  for (const ProtectedName& p : people_) {
    prepared_.push_back(matcher_.Prepare(p.name));
    for (const std::string& key : matcher_.PhoneticKeys(p.name)) {
      if (!Stem(key).empty()) keys_.insert(Stem(key));
    }
  }
}

std::string SpellingSweep::Apply(const std::string& text) const {
  if (people_.empty()) return text;
  const std::vector<Word> words = Words(text);
  struct Cut {
    size_t begin, end, person;
  };
  std::vector<Cut> cuts;
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string word = text.substr(words[w].begin, words[w].end - words[w].begin);
    if (keys_.count(Stem(matcher_.PhoneticKey(word))) == 0) continue;
    // The run of words around this one that best matches a protected name (the shorter
    // of two equal ones: "KUZMENICH Radmila", not "KUZMENICH Radmila signed").
    std::optional<Cut> best;
    double best_score = 0;
    for (size_t first = w >= kMaxWords - 1 ? w - (kMaxWords - 1) : 0; first <= w; ++first) {
      if (!Joined(text, words, first, w)) continue;
      for (size_t last = w; last < words.size() && last < first + kMaxWords; ++last) {
        if (!Joined(text, words, w, last)) break;
        const size_t begin = words[first].begin, end = words[last].end;
        const NameMatcher::Prepared run = matcher_.Prepare(text.substr(begin, end - begin));
        for (size_t p = 0; p < prepared_.size(); ++p) {
          const NameMatcher::Match m = matcher_.Compare(run, prepared_[p]);
          if (m.same && (!best || m.score > best_score ||
                         (m.score == best_score && end - begin < best->end - best->begin))) {
            best = Cut{begin, end, p};
            best_score = m.score;
          }
        }
      }
    }
    if (best) cuts.push_back(*best);
  }
  std::vector<TextCut> replaced;
  for (const Cut& c : cuts) replaced.push_back({c.begin, c.end, people_[c.person].label});
  return ApplyCuts(text, std::move(replaced));
}

}  // namespace letapis
