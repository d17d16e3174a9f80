// FindBoilerplate: web junk lines, by the patterns of data/boilerplate.tsv.
#include <mutex>
#include <string>
#include <vector>

#include "letapis/text.h"
#include "letapis/tsv.h"

namespace letapis {
namespace {

enum class MatchKind { kExact, kPrefix, kContains };

struct Pattern {
  std::string text;  // lower-case
  MatchKind kind;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The patterns, loaded once; an unreadable file leaves only the built-in checks.
const std::vector<Pattern>& Patterns() {
  static std::once_flag once;
  static std::vector<Pattern> patterns;
  std::call_once(once, [] {
    std::vector<TsvRow> rows;
    if (!ReadTsv(DataDir() + "/boilerplate.tsv", 3, &rows).ok()) return;
    for (const TsvRow& row : rows) {
      const std::string& kind = row.fields[2];
      patterns.push_back(Pattern{Lower(row.fields[1]), kind == "exact"    ? MatchKind::kExact
                                                       : kind == "prefix" ? MatchKind::kPrefix
                                                                          : MatchKind::kContains});
    }
  });
  return patterns;
}

size_t WordCount(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool IsSentence(std::string_view line) {
  const size_t words = WordCount(line);
  const char last = line.empty() ? '\0' : line.back();
  return words >= 12 || (words >= 8 && (last == '.' || last == '!' || last == '?' || last == '"'));
}

bool HasLetterOrDigit(std::string_view line) {
  for (unsigned char c : line) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80) {
      return true;
    }
  }
  return false;
}

bool IsJunk(std::string_view line) {
  if (line.empty() || IsSentence(line)) return false;
  if (!HasLetterOrDigit(line)) return true;  // separators, bullets
  if ((line.starts_with("http://") || line.starts_with("https://")) &&
      line.find(' ') == std::string_view::npos) {
    return true;
  }
  const std::string lower = Lower(line);
  for (const Pattern& p : Patterns()) {
    switch (p.kind) {
      case MatchKind::kExact:
        if (lower == p.text) return true;
        break;
      case MatchKind::kPrefix:
        if (lower.starts_with(p.text)) return true;
        break;
      case MatchKind::kContains:
        if (lower.find(p.text) != std::string::npos) return true;
        break;
    }
  }
  return false;
}

}  // namespace

std::vector<Span> FindBoilerplate(std::string_view text) {
  std::vector<Span> spans;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    const size_t line_end = end == std::string_view::npos ? text.size() : end;
    std::string_view line = text.substr(start, line_end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    const size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (IsJunk(line))
      spans.push_back(Span{static_cast<uint32_t>(start), static_cast<uint32_t>(next)});
    start = next;
  }
  return spans;
}

}  // namespace letapis
