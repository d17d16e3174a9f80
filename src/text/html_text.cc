// HtmlToText: readable text and metadata of a saved web page, via Gumbo.
#include <gumbo.h>
#include <unicode/utf8.h>

#include <cstring>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "letapis/text.h"

namespace letapis {
namespace {

constexpr int kMaxDepth = 512;

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Paragraph-like blocks are separated by a blank line; others by a line break.
bool IsParagraphTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

const char* Attribute(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

// True when the class or id names a widget around the article (share, comments ...).
bool IsJunkWidget(const GumboElement& el) {
  static const char* kWords[] = {"share",      "social",    "comment",  "cookie",    "related",
                                 "newsletter", "subscribe", "advert",   "promo",     "breadcrumb",
                                 "menu",       "sidebar",   "popup",    "consent",   "gdpr",
                                 "navbar",     "footer",    "masthead", "banner-ad", "recommend"};
  for (const char* attr : {"class", "id", "role"}) {
    const char* v = Attribute(el, attr);
    if (v == nullptr) continue;
    std::string lower;
    for (const char* c = v; *c != '\0'; ++c)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
    if (std::strcmp(attr, "role") == 0 && (lower == "navigation" || lower == "complementary" ||
                                           lower == "banner" || lower == "contentinfo")) {
      return true;
    }
    for (const char* w : kWords) {
      if (lower.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

// Builds the text with collapsed white space and a byte-for-byte map to the input.
class TextBuilder {
 public:
  explicit TextBuilder(HtmlText* out) : out_(*out) {}

  void Text(const GumboText& t) {
    const char* decoded = t.text;
    const size_t n = std::strlen(decoded);
    const char* orig = t.original_text.data;
    const size_t on = t.original_text.length;
    const uint32_t base = static_cast<uint32_t>(t.start_pos.offset);
    size_t i = 0;  // in original
    size_t j = 0;  // in decoded
    while (j < n) {
      const uint32_t at = base + static_cast<uint32_t>(std::min(i, on));
      // Length of the UTF-8 sequence starting at decoded[j].
      const unsigned char lead = static_cast<unsigned char>(decoded[j]);
      size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      if (j + len > n) len = n - j;
      if (i < on && orig[i] == '&') {
        // An entity: every decoded byte maps to its '&'.
        size_t semi = i + 1;
        while (semi < on && semi < i + 12 && orig[semi] != ';') ++semi;
        const bool entity = semi < on && orig[semi] == ';' && semi > i + 1;
        i = entity ? semi + 1 : i + 1;
      } else if (i < on && orig[i] == '\r' && decoded[j] == '\n') {
        i += (i + 1 < on && orig[i + 1] == '\n') ? 2 : 1;
      } else {
        i += len;
      }
      Char(decoded + j, len, at);
      j += len;
    }
  }

  // Ends the current line; `blank` asks for an empty line after it.
  // Line breaks are emitted lazily, before the next visible character, so the text
  // neither starts nor ends with blank lines.
  void Break(bool blank, uint32_t at) {
    pending_space_ = false;
    if (out_.text.empty()) return;
    const int want = blank ? 2 : 1;
    if (want > pending_newlines_) {
      pending_newlines_ = want;
      newline_at_ = at;
    }
  }

  void Finish(uint32_t end) { out_.to_input.Finish(end); }

 private:
  void Char(const char* c, size_t len, uint32_t at) {
    const unsigned char b = static_cast<unsigned char>(c[0]);
    const bool space = len == 1 && (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f');
    const bool nbsp = len == 2 && b == 0xC2 && static_cast<unsigned char>(c[1]) == 0xA0;
    if (space || nbsp) {
      if (newlines_ == 0 && pending_newlines_ == 0 && !out_.text.empty()) {
        pending_space_ = true;
        space_at_ = at;
      }
      return;
    }
    while (newlines_ < pending_newlines_) Emit('\n', newline_at_);
    pending_newlines_ = 0;
    if (pending_space_) {
      Emit(' ', space_at_);
      pending_space_ = false;
    }
    for (size_t k = 0; k < len; ++k) Emit(c[k], at);
    newlines_ = 0;
  }

  void Emit(char c, uint32_t at) {
    out_.text.push_back(c);
    out_.to_input.Add(at);
    if (c == '\n') ++newlines_;
  }

  HtmlText& out_;
  int newlines_ = 0;          // newlines at the end of the text
  int pending_newlines_ = 0;  // newlines owed before the next character
  uint32_t newline_at_ = 0;
  bool pending_space_ = false;
  uint32_t space_at_ = 0;
};

Status Walk(const GumboNode* node, int depth, TextBuilder* builder) {
  if (depth > kMaxDepth) {
    return Status::Limit(fmt::format("HTML nested deeper than {} elements", kMaxDepth));
  }
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      builder->Text(node->v.text);
      return Status::Ok();
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
    case GUMBO_NODE_DOCUMENT: {
      const GumboVector* children;
      GumboTag tag = GUMBO_TAG_UNKNOWN;
      uint32_t at = 0;
      if (node->type == GUMBO_NODE_DOCUMENT) {
        children = &node->v.document.children;
      } else {
        const GumboElement& el = node->v.element;
        tag = el.tag;
        if (IsSkippedTag(tag) || IsJunkWidget(el)) return Status::Ok();
        children = &el.children;
        at = static_cast<uint32_t>(el.start_pos.offset);
      }
      const bool block = IsBlockTag(tag);
      if (block) builder->Break(IsParagraphTag(tag), at);
      for (unsigned k = 0; k < children->length; ++k) {
        Status s = Walk(static_cast<const GumboNode*>(children->data[k]), depth + 1, builder);
        if (!s.ok()) return s;
      }
      if (block) builder->Break(IsParagraphTag(tag), at);
      return Status::Ok();
    }
    default:
      return Status::Ok();
  }
}

std::string NodeText(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    return node->v.text.text;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  std::string s;
  const GumboVector& children = node->v.element.children;
  for (unsigned k = 0; k < children.length; ++k)
    s += NodeText(static_cast<GumboNode*>(children.data[k]));
  return s;
}

// Finds "datePublished" anywhere in a JSON-LD value.
std::string JsonLdDate(const nlohmann::json& j, int depth) {
  if (depth > 16) return "";
  if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string()) return it->get<std::string>();
    for (const auto& [key, value] : j.items()) {
      std::string d = JsonLdDate(value, depth + 1);
      if (!d.empty()) return d;
    }
  } else if (j.is_array()) {
    for (const auto& value : j) {
      std::string d = JsonLdDate(value, depth + 1);
      if (!d.empty()) return d;
    }
  }
  return "";
}

void Metadata(const GumboNode* node, int depth, HtmlText* out, std::string* time_value) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
  const GumboElement& el = node->v.element;
  if (el.tag == GUMBO_TAG_TITLE && out->title.empty()) {
    out->title = NodeText(node);
  } else if (el.tag == GUMBO_TAG_META) {
    const char* key = Attribute(el, "property");
    if (key == nullptr) key = Attribute(el, "name");
    if (key == nullptr) key = Attribute(el, "itemprop");
    const char* content = Attribute(el, "content");
    if (key != nullptr && content != nullptr) {
      const std::string k = key;
      if (k == "og:title" && out->title.empty()) out->title = content;
      if (k == "og:url" && out->url.empty()) out->url = content;
      if (k == "og:site_name" && out->publisher.empty()) out->publisher = content;
      if ((k == "article:published_time" || k == "date" || k == "pubdate" || k == "datePublished" ||
           k == "citation_publication_date" || k == "DC.date") &&
          !out->published.known()) {
        if (auto d = PartialDate::FromIso(content)) out->published = *d;
      }
    }
  } else if (el.tag == GUMBO_TAG_LINK) {
    const char* rel = Attribute(el, "rel");
    const char* href = Attribute(el, "href");
    if (rel != nullptr && href != nullptr && std::string(rel) == "canonical") out->url = href;
  } else if (el.tag == GUMBO_TAG_SCRIPT) {
    const char* type = Attribute(el, "type");
    if (type != nullptr && std::string(type) == "application/ld+json" && !out->published.known()) {
      const nlohmann::json j = nlohmann::json::parse(NodeText(node), nullptr, false);
      if (!j.is_discarded()) {
        if (auto d = PartialDate::FromIso(JsonLdDate(j, 0))) out->published = *d;
      }
    }
    return;
  } else if (el.tag == GUMBO_TAG_TIME && time_value->empty()) {
    if (const char* dt = Attribute(el, "datetime")) *time_value = dt;
  }
  for (unsigned k = 0; k < el.children.length; ++k) {
    Metadata(static_cast<const GumboNode*>(el.children.data[k]), depth + 1, out, time_value);
  }
}

}  // namespace

Status HtmlToText(std::string_view utf8_html, HtmlText* out) {
  if (utf8_html.size() > kMaxInputBytes) {
    return Status::Limit(
        fmt::format("{} bytes is over the limit of {} bytes", utf8_html.size(), kMaxInputBytes));
  }
  GumboOutput* parsed =
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8_html.data(), utf8_html.size());
  if (parsed == nullptr) return Status::InvalidInput("the HTML could not be parsed");
  *out = HtmlText{};
  TextBuilder builder(out);
  Status s = Walk(parsed->document, 0, &builder);
  builder.Finish(static_cast<uint32_t>(utf8_html.size()));
  std::string time_value;
  if (s.ok()) Metadata(parsed->root, 0, out, &time_value);
  if (!out->published.known() && !time_value.empty()) {
    if (auto d = PartialDate::FromIso(time_value)) out->published = *d;
  }
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);
  while (!out->title.empty() && std::isspace(static_cast<unsigned char>(out->title.back())))
    out->title.pop_back();
  return s;
}

}  // namespace letapis
