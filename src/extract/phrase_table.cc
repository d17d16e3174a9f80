#include "extract/phrase_table.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace letapis {

namespace {

// Appends `text` lower-cased (full Unicode case mapping via ICU) to `out`.
void AppendFolded(std::string_view text, std::string* out) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    if (s[i] < 0x80) {
      char c = static_cast<char>(s[i++]);
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    c = u_tolower(c);
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
    if (!error) out->append(buf, static_cast<size_t>(len));
  }
}

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendFolded(text, &out);
  return out;
}

std::string_view FoldCaseInto(std::string_view text, std::string* buffer) {
  buffer->clear();
  AppendFolded(text, buffer);
  return *buffer;
}

PhraseTable::PhraseTable(bool fold_case) : fold_case_(fold_case) { nodes_.emplace_back(); }

std::string PhraseTable::Key(std::string_view token) const {
  return fold_case_ ? FoldCase(token) : std::string(token);
}

std::string_view PhraseTable::LookupKey(std::string_view token, std::string* buffer) const {
  if (!fold_case_) return token;
  bool ascii = true;
  bool upper = false;
  for (char c : token) {
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  if (ascii && !upper) return token;
  if (!ascii) {
    buffer->clear();
    AppendFolded(token, buffer);
    return *buffer;
  }
  buffer->assign(token);
  for (char& c : *buffer) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return *buffer;
}

void PhraseTable::Add(std::string_view phrase, int value) {
  const std::vector<Token> tokens = Tokenize(phrase);
  if (tokens.empty()) return;
  uint32_t node = 0;
  for (const Token& t : tokens) {
    std::string key = Key(t.view(phrase));
    if (node == 0) first_tokens_.Add(key);
    auto it = nodes_[node].next.find(key);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      const uint32_t created = static_cast<uint32_t>(nodes_.size() - 1);
      nodes_[node].next.emplace(std::move(key), created);
      node = created;
    } else {
      node = it->second;
    }
  }
  if (nodes_[node].value < 0) {
    nodes_[node].value = value;
    ++count_;
  }
}

PhraseTable::Match PhraseTable::LongestFrom(std::string_view text, const std::vector<Token>& tokens,
                                            size_t i) const {
  Match best;
  uint32_t node = 0;
  thread_local std::string buffer;
  for (size_t k = i; k < tokens.size(); ++k) {
    if (tokens[k].kind == TokenKind::kNewline) break;
    if (node == 0 && !MayStartWith(StartKeyOf(tokens[k], text))) break;
    const auto& next = nodes_[node].next;
    auto it = next.find(LookupKey(tokens[k].view(text), &buffer));
    if (it == next.end()) break;
    node = it->second;
    if (nodes_[node].value >= 0) best = Match{static_cast<uint32_t>(k - i + 1), nodes_[node].value};
  }
  return best;
}

bool PhraseTable::MayStart(std::string_view token) const {
  if (!fold_case_) return first_tokens_.MayContain(token);
  return MayStartWith(StartKeyOf(token));
}

PhraseTable::StartKey PhraseTable::StartKeyOf(std::string_view token) {
  StartKey key;
  key.hash = WordFilter::HashAsciiLower(token, &key.ascii);
  key.token = token;
  return key;
}

PhraseTable::StartKey PhraseTable::StartKeyOf(const Token& token, std::string_view text) {
  if (!token.is(kAscii)) return StartKeyOf(token.view(text));
  return StartKey{token.lower_hash, true, token.view(text)};
}

bool PhraseTable::MayStartWithSlow(const StartKey& key) const {
  if (!fold_case_) return first_tokens_.MayContain(key.token);
  thread_local std::string buffer;
  return first_tokens_.MayContain(LookupKey(key.token, &buffer));
}

bool PhraseTable::ContainsWord(std::string_view word) const {
  if (!MayStart(word)) return false;
  thread_local std::string buffer;
  auto it = nodes_[0].next.find(LookupKey(word, &buffer));
  return it != nodes_[0].next.end() && nodes_[it->second].value >= 0;
}

}  // namespace letapis
