// Loading the month, number-word and time-word lexicons; case folding; classification.
#include "extract/expression_lexicon.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "letapis/tsv.h"

namespace letapis {
namespace {

struct KindName {
  std::string_view name;
  uint8_t kind;
};

constexpr std::array kTimeKinds = {
    KindName{"weekday", static_cast<uint8_t>(TimeKind::kWeekday)},
    KindName{"shift", static_cast<uint8_t>(TimeKind::kShift)},
    KindName{"context", static_cast<uint8_t>(TimeKind::kContext)},
    KindName{"part", static_cast<uint8_t>(TimeKind::kPart)},
    KindName{"part_of", static_cast<uint8_t>(TimeKind::kPartOf)},
    KindName{"ago", static_cast<uint8_t>(TimeKind::kAgo)},
    KindName{"day", static_cast<uint8_t>(TimeKind::kDay)},
    KindName{"unit", static_cast<uint8_t>(TimeKind::kUnit)},
    KindName{"prep", static_cast<uint8_t>(TimeKind::kPrep)},
    KindName{"season", static_cast<uint8_t>(TimeKind::kSeason)},
};

constexpr std::array kNumKinds = {
    KindName{"unit", static_cast<uint8_t>(NumKind::kUnit)},
    KindName{"teen", static_cast<uint8_t>(NumKind::kTeen)},
    KindName{"tens", static_cast<uint8_t>(NumKind::kTens)},
    KindName{"hundred", static_cast<uint8_t>(NumKind::kHundred)},
    KindName{"scale", static_cast<uint8_t>(NumKind::kScale)},
    KindName{"dozen", static_cast<uint8_t>(NumKind::kDozen)},
    KindName{"fraction", static_cast<uint8_t>(NumKind::kFraction)},
    KindName{"indefinite", static_cast<uint8_t>(NumKind::kIndefinite)},
    KindName{"several", static_cast<uint8_t>(NumKind::kSeveral)},
    KindName{"vague", static_cast<uint8_t>(NumKind::kVague)},
    KindName{"vague_prefix", static_cast<uint8_t>(NumKind::kVaguePrefix)},
    KindName{"count_noun", static_cast<uint8_t>(NumKind::kCountNoun)},
    KindName{"quantifier", static_cast<uint8_t>(NumKind::kQuantifier)},
};

template <size_t N>
bool KindByName(const std::array<KindName, N>& kinds, std::string_view name, uint8_t* kind) {
  for (const KindName& k : kinds) {
    if (k.name == name) {
      *kind = k.kind;
      return true;
    }
  }
  return false;
}

bool ParseInt(std::string_view s, int lo, int hi, int* out) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool ParseDouble(std::string_view s, double* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && *out >= 0;
}

// Reads one data file, checking that ids are unique and words are non-empty and short.
Status ReadRows(const std::string& path, size_t min_fields, std::vector<TsvRow>* rows) {
  if (Status s = ReadTsv(path, min_fields, rows); !s.ok()) return s;
  std::set<std::string> ids;
  for (const TsvRow& row : *rows) {
    if (row.fields[0].empty() || !ids.insert(row.fields[0]).second) {
      return Status::InvalidInput(
          fmt::format("{}:{}: empty or duplicate id '{}'", path, row.line, row.fields[0]));
    }
    if (row.fields[1].empty() || row.fields[1].size() > kFoldMax) {
      return Status::InvalidInput(
          fmt::format("{}:{}: word must be 1..{} bytes", path, row.line, kFoldMax));
    }
  }
  return Status::Ok();
}

Status Error(const std::string& path, const TsvRow& row, std::string_view what) {
  return Status::InvalidInput(fmt::format("{}:{}: {}", path, row.line, what));
}

// The entry of ASCII `word` whose lower-cased HashWord is `lower_hash`, or nullptr.
const LexEntry* FindAscii(const WordMap<LexEntry>& words, const WordFilter& filter,
                          std::string_view word, uint64_t lower_hash) {
  if (!filter.MayContainHash(lower_hash)) return nullptr;
  return words.Find(0, lower_hash,
                    [word](std::string_view stored) { return EqualsFolded(word, stored); });
}

LexEntry& EntryFor(ExpressionLexicon::Tables* t, std::string_view word) {
  char buf[kFoldMax];
  const std::string_view key = FoldCase(word, buf);
  t->filter.Add(key);
  return t->words.Insert(0, key, LexEntry{}).first;
}

Status LoadMonths(const std::string& path, ExpressionLexicon::Tables* t) {
  std::vector<TsvRow> rows;
  if (Status s = ReadRows(path, 4, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    int month = 0;
    if (!ParseInt(row.fields[2], 1, 12, &month)) return Error(path, row, "month must be 1..12");
    const std::string& form = row.fields[3];
    if (form != "full" && form != "abbr" && form != "nominative" && form != "genitive") {
      return Error(path, row, "form must be full, abbr, nominative or genitive");
    }
    LexEntry& e = EntryFor(t, row.fields[1]);
    if (e.month != 0) return Error(path, row, "duplicate month name");
    e.month = static_cast<uint8_t>(month);
    e.month_abbr = form == "abbr";
  }
  return Status::Ok();
}

Status LoadNumberWords(const std::string& path, ExpressionLexicon::Tables* t) {
  std::vector<TsvRow> rows;
  if (Status s = ReadRows(path, 4, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    double value = 0;
    if (!ParseDouble(row.fields[2], &value)) return Error(path, row, "value must be a number >= 0");
    uint8_t kind = 0;
    if (!KindByName(kNumKinds, row.fields[3], &kind)) return Error(path, row, "unknown kind");
    LexEntry& e = EntryFor(t, row.fields[1]);
    if (e.num != NumKind::kNone) return Error(path, row, "duplicate number word");
    e.num = static_cast<NumKind>(kind);
    e.num_value = value;
  }
  return Status::Ok();
}

Status LoadTimeWords(const std::string& path, ExpressionLexicon::Tables* t) {
  std::vector<TsvRow> rows;
  if (Status s = ReadRows(path, 4, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    uint8_t kind = 0;
    if (!KindByName(kTimeKinds, row.fields[2], &kind)) return Error(path, row, "unknown kind");
    int value = 0;
    if (!ParseInt(row.fields[3], -12, 12, &value)) return Error(path, row, "value must be -12..12");
    LexEntry& e = EntryFor(t, row.fields[1]);
    if (e.time != TimeKind::kNone) return Error(path, row, "duplicate time word");
    e.time = static_cast<TimeKind>(kind);
    e.time_value = static_cast<int8_t>(value);
  }
  return Status::Ok();
}

}  // namespace

ExpressionLexicon::ExpressionLexicon() : tables_(std::make_unique<Tables>()) {}
ExpressionLexicon::~ExpressionLexicon() = default;
ExpressionLexicon::ExpressionLexicon(ExpressionLexicon&&) noexcept = default;
ExpressionLexicon& ExpressionLexicon::operator=(ExpressionLexicon&&) noexcept = default;

Status ExpressionLexicon::Load(const std::string& data_dir, ExpressionLexicon* out) {
  auto tables = std::make_unique<Tables>();
  if (Status s = LoadMonths(data_dir + "/months.tsv", tables.get()); !s.ok()) return s;
  if (Status s = LoadNumberWords(data_dir + "/number_words.tsv", tables.get()); !s.ok()) return s;
  if (Status s = LoadTimeWords(data_dir + "/time_words.tsv", tables.get()); !s.ok()) return s;
  out->tables_ = std::move(tables);
  return Status::Ok();
}

const LexEntry* ExpressionLexicon::Tables::Find(std::string_view word) const {
  // Most words are in no table: for ASCII words the filter answers before any folding.
  bool ascii = false;
  const uint64_t lower_hash = WordFilter::HashAsciiLower(word, &ascii);
  if (ascii) return FindAscii(words, filter, word, lower_hash);
  char buf[kFoldMax];
  std::string_view folded = FoldCase(word, buf);
  if (folded.empty() || !filter.MayContain(folded)) return nullptr;
  return words.Find(0, folded);
}

const LexEntry* ExpressionLexicon::Tables::Find(const Token& t, std::string_view text) const {
  if (t.is(kAscii)) return FindAscii(words, filter, t.view(text), t.lower_hash);
  return Find(t.view(text));
}

std::string_view FoldCase(std::string_view word, char (&buf)[kFoldMax]) {
  if (word.size() > kFoldMax) return {};
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 'A' && c <= 'Z') {
      buf[i] = static_cast<char>(c + 32);
    } else if (c == 0xD0 && i + 1 < word.size()) {
      // Cyrillic capitals: U+0400..U+040F -> U+0450..U+045F, U+0410..U+042F -> U+0430..U+044F.
      unsigned char d = static_cast<unsigned char>(word[i + 1]);
      if (d >= 0x80 && d <= 0x8F) {
        buf[i] = static_cast<char>(0xD1);
        buf[i + 1] = static_cast<char>(d + 0x10);
      } else if (d >= 0x90 && d <= 0x9F) {
        buf[i] = static_cast<char>(0xD0);
        buf[i + 1] = static_cast<char>(d + 0x20);
      } else if (d >= 0xA0 && d <= 0xAF) {
        buf[i] = static_cast<char>(0xD1);
        buf[i + 1] = static_cast<char>(d - 0x20);
      } else {
        buf[i] = static_cast<char>(c);
        buf[i + 1] = static_cast<char>(d);
      }
      ++i;
    } else {
      buf[i] = static_cast<char>(c);
    }
  }
  return std::string_view(buf, word.size());
}

std::vector<const LexEntry*> Classify(std::string_view text, const std::vector<Token>& tokens,
                                      const ExpressionLexicon::Tables& tables) {
  std::vector<const LexEntry*> out(tokens.size(), nullptr);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord) continue;
    if (t.is(kAscii) && !tables.filter.MayContainHash(t.lower_hash)) continue;  // most words
    out[i] = tables.Find(t, text);
  }
  return out;
}

size_t SplitHyphens(std::string_view word, std::string_view* pieces, size_t cap) {
  // Most words have no hyphen: one piece, found without calling memchr.
  if (std::none_of(word.begin(), word.end(), [](char c) { return c == '-'; })) {
    if (cap == 0) return 0;
    pieces[0] = word;
    return 1;
  }
  size_t n = 0;
  size_t start = 0;
  while (true) {
    size_t dash = word.find('-', start);
    if (n == cap) return 0;
    pieces[n++] = word.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (dash == std::string_view::npos) return n;
    start = dash + 1;
  }
}

}  // namespace letapis
