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

PhraseTable::PhraseTable(bool fold_case) : fold_case_(fold_case), values_{-1} {}

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
    const std::string key = Key(t.view(phrase));
    if (node == 0) first_tokens_.Add(key);
    const auto [child, created] = edges_.Insert(node, key, static_cast<uint32_t>(values_.size()));
    if (created) values_.push_back(-1);
    node = child;
  }
  if (values_[node] < 0) {
    values_[node] = value;
    ++count_;
  }
}

const uint32_t* PhraseTable::Child(uint32_t node, const Token& t, std::string_view text,
                                   std::string* buffer) const {
  const std::string_view word = t.view(text);
  if (fold_case_ && t.is(kAscii)) {  // the hash of the lower-cased word came with the token
    return edges_.Find(node, t.lower_hash,
                       [word](std::string_view stored) { return EqualsFolded(word, stored); });
  }
  return edges_.Find(node, LookupKey(word, buffer));
}

PhraseTable::Match PhraseTable::LongestFrom(std::string_view text, const std::vector<Token>& tokens,
                                            size_t i) const {
  Match best;
  uint32_t node = 0;
  thread_local std::string buffer;
  for (size_t k = i; k < tokens.size(); ++k) {
    if (tokens[k].kind == TokenKind::kNewline) break;
    if (node == 0 && !MayStartWith(StartKeyOf(tokens[k], text))) break;
    const uint32_t* child = Child(node, tokens[k], text, &buffer);
    if (child == nullptr) break;
    node = *child;
    if (values_[node] >= 0) best = Match{static_cast<uint32_t>(k - i + 1), values_[node]};
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
  const uint32_t* child = edges_.Find(0, LookupKey(word, &buffer));
  return child != nullptr && values_[*child] >= 0;
}

}  // namespace letapis
