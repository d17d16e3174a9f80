#include "store/snippets.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace letapis::store {
namespace {

// Fragments per snippet at most (as FTS4's snippet()).
constexpr size_t kMaxFragments = 4;

// A token of a document: its bytes [start, end) and the query phrase that an occurrence
// beginning at it matches (-1 for none), and whether it lies inside any occurrence.
struct Token {
  size_t start = 0, end = 0;
  int phrase = -1;
  bool hit = false;
};

// A query word as the tokenizer folds it: one or more tokens in a row.
struct Phrase {
  std::vector<std::string> tokens;
  bool prefix = false;
};

// Runs the tokenizer over `text`: folded tokens in *folded and their byte spans in *tokens.
Status Tokenize(Statement* tokenize, std::string_view text, std::vector<std::string>* folded,
                std::vector<Token>* tokens) {
  folded->clear();
  if (tokens != nullptr) tokens->clear();
  tokenize->Reset();
  tokenize->BindText(1, text);
  bool row = false;
  Status s;
  while ((s = tokenize->Step(&row)).ok() && row) {
    folded->push_back(tokenize->ColumnText(0));
    if (tokens != nullptr) {
      tokens->push_back(Token{static_cast<size_t>(tokenize->ColumnInt64(1)),
                              static_cast<size_t>(tokenize->ColumnInt64(2)), -1, false});
    }
  }
  return s;
}

// Marks in `tokens` every occurrence of each phrase (its first token names the phrase).
void MarkOccurrences(const std::vector<Phrase>& phrases, const std::vector<std::string>& folded,
                     std::vector<Token>* tokens) {
  for (size_t p = 0; p < phrases.size(); ++p) {
    const Phrase& phrase = phrases[p];
    const size_t n = phrase.tokens.size();
    for (size_t i = 0; n > 0 && i + n <= folded.size(); ++i) {
      bool match = true;
      for (size_t k = 0; k < n && match; ++k) {
        const std::string& want = phrase.tokens[k];
        const std::string& have = folded[i + k];
        match =
            (phrase.prefix && k + 1 == n) ? have.compare(0, want.size(), want) == 0 : have == want;
      }
      if (!match) continue;
      if ((*tokens)[i].phrase < 0) (*tokens)[i].phrase = static_cast<int>(p);
      for (size_t k = 0; k < n; ++k) (*tokens)[i + k].hit = true;
    }
  }
}

// A fragment [begin, end) of token indices.
struct Fragment {
  size_t begin = 0, end = 0;
};

// The phrases whose occurrences begin in [begin, end), as a bit set, and how many begin.
uint32_t PhrasesIn(const std::vector<Token>& tokens, size_t begin, size_t end, size_t* count) {
  uint32_t seen = 0;
  *count = 0;
  for (size_t i = begin; i < end && i < tokens.size(); ++i) {
    if (tokens[i].phrase < 0) continue;
    seen |= 1u << tokens[i].phrase;
    ++*count;
  }
  return seen;
}

// The best fragment of `size` tokens: most phrases not in `covered`, then most
// occurrences, then the earliest; it starts at an occurrence, then is moved back so that
// its occurrences sit in its middle.
Fragment BestFragment(const std::vector<Token>& tokens, size_t size, uint32_t covered) {
  Fragment best{0, std::min(size, tokens.size())};
  int64_t best_score = -1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].phrase < 0) continue;
    size_t count = 0;
    const uint32_t seen = PhrasesIn(tokens, i, i + size, &count);
    const int64_t score = 1000 * __builtin_popcount(seen & ~covered) + static_cast<int64_t>(count);
    if (score > best_score) {
      best_score = score;
      best = Fragment{i, std::min(i + size, tokens.size())};
    }
  }
  if (best_score < 0) return best;
  size_t last_hit = best.begin;
  for (size_t i = best.begin; i < best.end; ++i) {
    if (tokens[i].hit) last_hit = i;
  }
  const size_t slack = size - std::min(size, last_hit - best.begin + 1);
  best.begin -= std::min(best.begin, slack / 2);
  best.end = std::min(best.begin + size, tokens.size());
  if (best.end - best.begin < size) best.begin = best.end - std::min(best.end, size);
  return best;
}

// Up to kMaxFragments fragments sharing kSnippetTokens tokens: as few as show every phrase
// the document holds.
std::vector<Fragment> ChooseFragments(const std::vector<Token>& tokens, size_t phrases) {
  uint32_t present = 0;
  size_t count = 0;
  present = PhrasesIn(tokens, 0, tokens.size(), &count);
  std::vector<Fragment> chosen;
  for (size_t n = 1; n <= kMaxFragments; ++n) {
    const size_t size = (static_cast<size_t>(kSnippetTokens) + n - 1) / n;
    chosen.clear();
    uint32_t covered = 0;
    for (size_t f = 0; f < n; ++f) {
      const Fragment fragment = BestFragment(tokens, size, covered);
      chosen.push_back(fragment);
      covered |= PhrasesIn(tokens, fragment.begin, fragment.end, &count);
      if (covered == present) break;
    }
    if (covered == present || phrases <= 1) break;
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const Fragment& a, const Fragment& b) { return a.begin < b.begin; });
  // Overlapping fragments are merged.
  std::vector<Fragment> merged;
  for (const Fragment& f : chosen) {
    if (!merged.empty() && f.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, f.end);
    } else {
      merged.push_back(f);
    }
  }
  return merged;
}

// The snippet text of `fragments` of `text`.
std::string SnippetText(std::string_view text, const std::vector<Token>& tokens,
                        const std::vector<Fragment>& fragments) {
  static const std::string kEllipsis = "…";
  std::string out;
  for (const Fragment& f : fragments) {
    if (f.begin >= f.end) continue;
    size_t at = f.begin == 0 ? 0 : tokens[f.begin].start;
    if (f.begin > 0) out += kEllipsis;
    for (size_t i = f.begin; i < f.end; ++i) {
      out.append(text.substr(at, tokens[i].start - at));
      const std::string_view word = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
      if (tokens[i].hit) {
        out += kHitOpen;
        out.append(word);
        out += kHitClose;
      } else {
        out.append(word);
      }
      at = tokens[i].end;
    }
  }
  if (!fragments.empty() && fragments.back().end < tokens.size()) out += kEllipsis;
  return out;
}

}  // namespace

Status AddSnippets(Database* db, const std::vector<SearchWord>& words,
                   std::vector<SearchHit>* hits) {
  if (hits->empty() || words.empty()) return Status::Ok();
  Status s = db->Exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.letapis_tokens USING fts3tokenize(unicode61)");
  Statement tokenize, text;
  if (s.ok()) {
    s = db->Prepare("SELECT token, start, \"end\" FROM temp.letapis_tokens WHERE input = ?1",
                    &tokenize);
  }
  if (s.ok()) s = db->Prepare("SELECT text FROM document WHERE source_id = ?1", &text);
  std::vector<Phrase> phrases;
  std::vector<std::string> folded;
  for (size_t i = 0; s.ok() && i < words.size(); ++i) {
    s = Tokenize(&tokenize, words[i].text, &folded, nullptr);
    if (s.ok() && !folded.empty()) phrases.push_back(Phrase{folded, words[i].prefix});
  }
  std::vector<Token> tokens;
  for (size_t h = 0; s.ok() && h < hits->size(); ++h) {
    bool row = false;
    text.Reset();
    s = text.BindInt64(1, (*hits)[h].source_id).Step(&row);
    if (!s.ok() || !row) continue;
    const std::string document = text.ColumnText(0);
    s = Tokenize(&tokenize, document, &folded, &tokens);
    if (!s.ok()) break;
    MarkOccurrences(phrases, folded, &tokens);
    (*hits)[h].snippet = SnippetText(document, tokens, ChooseFragments(tokens, phrases.size()));
  }
  return s;
}

}  // namespace letapis::store
