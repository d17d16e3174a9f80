// FindBoilerplate: lines of web page furniture, found by the phrases of
// data/boilerplate.tsv and by shape (lone URLs, breadcrumb trails, symbol-only lines).
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "letapis/text.h"
#include "letapis/tsv.h"

namespace letapis {
namespace {

enum class MatchKind { kExact, kPrefix, kContains };

// One phrase of the lexicon, case-folded (see Fold).
struct Phrase {
  std::string folded;
  MatchKind kind;
};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The whitespace-separated tokens of a line.
std::vector<std::string_view> Tokens(std::string_view line) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsAsciiSpace(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !IsAsciiSpace(line[i])) ++i;
    if (i > start) tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

// True when `s` has a letter or digit; a malformed byte counts as one.
bool HasLetterOrDigit(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      const uint8_t c = p[i++];
      if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9')) return true;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || u_isalnum(c)) return true;
  }
  return false;
}

// Words of `line` (whitespace-separated tokens with a letter or digit); counting stops at
// `cap`, and nothing is allocated.
size_t CountWords(std::string_view line, size_t cap) {
  size_t words = 0;
  size_t i = 0;
  while (i < line.size() && words < cap) {
    while (i < line.size() && IsAsciiSpace(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !IsAsciiSpace(line[i])) ++i;
    if (i > start && HasLetterOrDigit(line.substr(start, i - start))) ++words;
  }
  return words;
}

// True when the line ends a sentence: '.', '!' or '?', before any closing quotes or
// brackets.
bool EndsSentence(std::string_view line) {
  static constexpr std::string_view kClosers[] = {
      "\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};
  bool stripped = true;
  while (stripped && !line.empty()) {
    stripped = false;
    for (std::string_view closer : kClosers) {
      if (line.ends_with(closer)) {
        line.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

// A line with a full sentence is never boilerplate.
bool IsFullSentence(std::string_view line) {
  const size_t words = CountWords(line, 12);
  return words >= 12 || (words >= 8 && EndsSentence(line));
}

// Case-folded `s` with white space (including no-break spaces) collapsed.
std::string Fold(std::string_view s) {
  std::string folded;
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    // ASCII (most lines): case folding is lower-casing.
    folded.resize(s.size());
    std::transform(s.begin(), s.end(), folded.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  } else {
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
        .foldCase()
        .findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00A0)), icu::UnicodeString(u' '))
        .toUTF8String(folded);
  }
  std::string collapsed;
  for (std::string_view token : Tokens(folded)) {
    if (!collapsed.empty()) collapsed += ' ';
    collapsed += token;
  }
  return collapsed;
}

// A line folded for phrase matching: Fold() without trailing ':', '.', '!', '…', '»', '›'.
std::string FoldLine(std::string_view line) {
  std::string folded = Fold(line);
  static constexpr std::string_view kTrailing[] = {
      ":", ".", "!", "\xE2\x80\xA6", "\xC2\xBB", "\xE2\x80\xBA", " "};
  bool stripped = true;
  while (stripped && !folded.empty()) {
    stripped = false;
    for (std::string_view tail : kTrailing) {
      if (std::string_view(folded).ends_with(tail)) {
        folded.resize(folded.size() - tail.size());
        stripped = true;
      }
    }
  }
  return folded;
}

// A URL standing alone on its line.
bool IsLoneUrl(const std::vector<std::string_view>& tokens) {
  if (tokens.size() != 1) return false;
  const std::string lower = Fold(tokens[0]);
  return lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
}

bool IsCrumbSeparator(std::string_view token) {
  static constexpr std::string_view kSeparators[] = {
      ">", "/", "|", "\xC2\xBB", "\xE2\x80\xBA", "\xE2\x86\x92", "\xE2\x80\xA2", "\xC2\xB7"};
  for (std::string_view s : kSeparators) {
    if (token == s) return true;
  }
  return false;
}

// A breadcrumb or menu trail: "Home > News > World", "Politics | Society | Economy":
// short segments (at most four words) joined by one separator used at
// least twice, or once after "Home".
bool IsBreadcrumb(const std::vector<std::string_view>& tokens) {
  if (std::none_of(tokens.begin(), tokens.end(), IsCrumbSeparator)) return false;
  std::string_view separator;
  size_t separators = 0;
  size_t segment_words = 0;
  size_t first_segment_end = 0;  // tokens [0, first_segment_end) are the first segment
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view token = tokens[i];
    if (IsCrumbSeparator(token)) {
      if ((!separator.empty() && token != separator) || segment_words == 0) return false;
      separator = token;
      ++separators;
      segment_words = 0;
      continue;
    }
    if (++segment_words > 4) return false;
    if (separators == 0) first_segment_end = i + 1;
  }
  if (segment_words == 0) return false;
  if (separators >= 2) return true;
  std::string first_segment;
  for (size_t i = 0; i < first_segment_end; ++i) first_segment += Fold(tokens[i]);
  return first_segment == "home" || first_segment == "главная" || first_segment == "галоўная";
}

// The phrases of data/boilerplate.tsv.
class Lexicon {
 public:
  // Loads the lexicon once (thread-safe); a missing or malformed file is reported on
  // stderr once and leaves only the shape rules.
  static const Lexicon& Get() {
    static const Lexicon lexicon = [] {
      Lexicon loaded;
      const Status status = loaded.Load(DataDir() + "/boilerplate.tsv");
      if (!status.ok()) {
        std::fprintf(stderr, "letapis: %s; boilerplate phrases will not be recognised\n",
                     status.message().c_str());
        loaded.phrases_.clear();
      }
      return loaded;
    }();
    return lexicon;
  }

  // True when the folded line matches a phrase.
  bool Matches(const std::string& folded) const {
    for (const Phrase& phrase : phrases_) {
      switch (phrase.kind) {
        case MatchKind::kExact:
          if (folded == phrase.folded) return true;
          break;
        case MatchKind::kPrefix:
          if (folded.starts_with(phrase.folded)) return true;
          break;
        case MatchKind::kContains:
          if (folded.find(phrase.folded) != std::string::npos) return true;
          break;
      }
    }
    return false;
  }

 private:
  Status Load(const std::string& path) {
    std::vector<TsvRow> rows;
    if (Status status = ReadTsv(path, 3, &rows); !status.ok()) return status;
    for (const TsvRow& row : rows) {
      const std::string& kind = row.fields[2];
      Phrase phrase{Fold(row.fields[1]), MatchKind::kExact};
      if (kind == "prefix") {
        phrase.kind = MatchKind::kPrefix;
      } else if (kind == "contains") {
        phrase.kind = MatchKind::kContains;
      } else if (kind != "exact") {
        return Status::InvalidInput(fmt::format(
            "{}:{}: match must be exact, prefix or contains, not \"{}\"", path, row.line, kind));
      }
      if (phrase.folded.empty()) {
        return Status::InvalidInput(fmt::format("{}:{}: empty pattern", path, row.line));
      }
      phrases_.push_back(std::move(phrase));
    }
    return Status::Ok();
  }

  std::vector<Phrase> phrases_;
};

bool IsBoilerplateLine(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  if (IsFullSentence(line)) return false;
  const std::vector<std::string_view> tokens = Tokens(line);
  if (!HasLetterOrDigit(line)) return true;
  if (IsLoneUrl(tokens) || IsBreadcrumb(tokens)) return true;
  return Lexicon::Get().Matches(FoldLine(line));
}

}  // namespace

std::vector<Span> FindBoilerplate(std::string_view text) {
  std::vector<Span> spans;
  size_t start = 0;
  while (start < text.size()) {
    const size_t newline = text.find('\n', start);
    const size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    if (IsBoilerplateLine(
            text.substr(start, end - start - (newline == std::string_view::npos ? 0 : 1)))) {
      if (!spans.empty() && spans.back().end == start) {
        spans.back().end = static_cast<uint32_t>(end);
      } else {
        spans.push_back(Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
      }
    }
    start = end;
  }
  return spans;
}

}  // namespace letapis
