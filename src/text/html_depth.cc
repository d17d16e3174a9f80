#include "text/html_depth.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace letapis {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

// Elements that never hold children.
bool IsVoid(std::string_view name) {
  return OneOf(name,
               {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img",
                "image", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"});
}

// Elements whose content is raw text up to their end tag.
bool IsRawText(std::string_view name) {
  return OneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "noscript"});
}

// Elements closed implicitly by their next sibling or parent's end; they cannot nest
// without an element that is counted (a list, a table).
bool IsImplicitlyClosed(std::string_view name) {
  return OneOf(name, {"p",  "li", "dt",    "dd",    "option", "optgroup", "tr",
                      "td", "th", "thead", "tbody", "tfoot",  "caption",  "colgroup",
                      "rb", "rt", "rp",    "rtc",   "html",   "head",     "body"});
}

// Elements that close an open element of the same name instead of nesting in it.
bool ClosesSameName(std::string_view name) {
  return OneOf(name, {"a", "button", "nobr", "form", "h1", "h2", "h3", "h4", "h5", "h6"});
}

// Offset of the first case-insensitive occurrence of `needle` (lower case) at or after
// `from`, or html.size().
size_t FindCaseInsensitive(std::string_view html, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= html.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && AsciiLower(html[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return html.size();
}

// Offset just past the '>' closing the tag whose attributes start at `i` (quoted
// attribute values may hold '>'), or html.size(); sets `*self_closing` for "/>".
size_t SkipAttributes(std::string_view html, size_t i, bool* self_closing) {
  bool after_equals = false;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '>') {
      *self_closing = i > 0 && html[i - 1] == '/';
      return i + 1;
    }
    if (after_equals && (c == '"' || c == '\'')) {
      const size_t close = html.find(c, i + 1);
      if (close == std::string_view::npos) return html.size();
      i = close + 1;
      after_equals = false;
      continue;
    }
    if (c == '=') {
      after_equals = true;
    } else if (!IsTagSpace(c)) {
      after_equals = false;
    }
    ++i;
  }
  return html.size();
}

// The stack of counted open elements, with a count per name so that an end tag without
// a matching open element costs nothing.
class OpenElements {
 public:
  size_t depth() const { return names_.size(); }
  bool Contains(const std::string& name) const {
    auto it = counts_.find(name);
    return it != counts_.end() && it->second > 0;
  }
  bool TopIsHeading() const {
    return !names_.empty() && names_.back().size() == 2 && names_.back()[0] == 'h' &&
           names_.back()[1] >= '1' && names_.back()[1] <= '6';
  }
  bool InForeignContent() const { return foreign_ > 0; }
  void Push(const std::string& name) {
    names_.push_back(name);
    ++counts_[name];
    if (name == "svg" || name == "math") ++foreign_;
  }
  void Pop() {
    const std::string& name = names_.back();
    --counts_[name];
    if (name == "svg" || name == "math") --foreign_;
    names_.pop_back();
  }
  // Pops elements up to and including the innermost `name`, when one is open.
  void PopThrough(const std::string& name) {
    if (!Contains(name)) return;
    while (names_.back() != name) Pop();
    Pop();
  }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, size_t> counts_;
  size_t foreign_ = 0;
};

}  // namespace

size_t FindExcessiveNesting(std::string_view html, size_t max_depth) {
  OpenElements open;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const size_t tag_start = i++;
    if (html.substr(i).starts_with("!--")) {
      const size_t end = html.find("-->", i + 3);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i < html.size() && (html[i] == '!' || html[i] == '?')) {
      const size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    const bool end_tag = i < html.size() && html[i] == '/';
    if (end_tag) ++i;
    if (i >= html.size() || !IsAsciiAlpha(html[i])) continue;  // a literal '<'
    std::string name;
    while (i < html.size() && !IsTagSpace(html[i]) && html[i] != '/' && html[i] != '>') {
      name += AsciiLower(html[i++]);
    }
    bool self_closing = false;
    i = SkipAttributes(html, i, &self_closing);
    if (end_tag) {
      open.PopThrough(name);
      continue;
    }
    if (name == "plaintext") break;  // the rest of the document is text
    if (IsRawText(name)) {
      i = FindCaseInsensitive(html, "</" + name, i);
      continue;
    }
    if (IsVoid(name) || IsImplicitlyClosed(name)) continue;
    if (self_closing && open.InForeignContent()) continue;
    if (ClosesSameName(name)) {
      open.PopThrough(name);
      if (name.size() == 2 && name[0] == 'h' && open.TopIsHeading()) open.Pop();
    }
    open.Push(name);
    if (open.depth() > max_depth) return tag_start;
  }
  return std::string_view::npos;
}

}  // namespace letapis
