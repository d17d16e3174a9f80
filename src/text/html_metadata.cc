// PageMetadata: title, URL, publisher, author and publication date of a web page.
#include "text/html_metadata.h"

#include <nlohmann/json.hpp>

#include <vector>

#include "text/gumbo_util.h"

namespace letapis {
namespace {

constexpr int kMaxJsonLdDepth = 64;
// A byline longer than this is not a byline (a paragraph that merely has the class).
constexpr size_t kMaxBylineBytes = 160;

// `s` with runs of white space made one space, trimmed.
std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The text of an element's text children (<title>, <script>).
std::string ChildText(const GumboElement& element) {
  std::string text;
  for (unsigned k = 0; k < element.children.length; ++k) {
    const auto* child = static_cast<const GumboNode*>(element.children.data[k]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA) {
      text += child->v.text.text;
    }
  }
  return text;
}

// The text under `element` without <time> elements, stopping past `limit` bytes.
std::string DescendantText(const GumboElement& element, size_t limit) {
  std::string text;
  std::vector<const GumboVector*> stack{&element.children};
  std::vector<unsigned> next{0};
  while (!stack.empty() && text.size() <= limit) {
    if (next.back() >= stack.back()->length) {
      stack.pop_back();
      next.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(stack.back()->data[next.back()++]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      text += child->v.text.text;
    } else if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag != GUMBO_TAG_TIME) {
      stack.push_back(&child->v.element.children);
      next.push_back(0);
    }
  }
  return text;
}

// A byline's names: "By Anna Horska | 18 June" -> "Anna Horska".
std::string CleanByline(std::string_view text) {
  std::string line = CollapseWhitespace(text);
  for (std::string_view cut : {"|", "\xE2\x80\xA2", " - ", "\xC2\xB7", " \xE2\x80\x94 "}) {
    if (const size_t at = line.find(cut); at != std::string::npos) line.resize(at);
  }
  for (std::string_view by : {"By ", "by ", "BY "}) {
    if (line.starts_with(by)) line.erase(0, by.size());
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == ',')) line.pop_back();
  return line;
}

bool IsUrl(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// A JSON-LD value naming someone: a string, an object with "name", or an array of them.
std::string JsonLdNames(const nlohmann::json& value) {
  if (value.is_string()) return CollapseWhitespace(value.get_ref<const std::string&>());
  if (value.is_object()) {
    if (auto it = value.find("name"); it != value.end() && it->is_string()) {
      return CollapseWhitespace(it->get_ref<const std::string&>());
    }
    return "";
  }
  std::string names;
  if (value.is_array()) {
    for (const nlohmann::json& item : value) {
      if (item.is_array()) continue;
      const std::string name = JsonLdNames(item);
      if (name.empty()) continue;
      if (!names.empty()) names += ", ";
      names += name;
    }
  }
  return names;
}

std::string JsonLdString(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string()
             ? CollapseWhitespace(it->get_ref<const std::string&>())
             : "";
}

// The first object describing the article: one with a "datePublished" or "headline".
const nlohmann::json* FindArticle(const nlohmann::json& json, int depth) {
  if (depth > kMaxJsonLdDepth || !json.is_structured()) return nullptr;
  if (json.is_object() && (json.contains("datePublished") || json.contains("headline"))) {
    return &json;
  }
  for (const nlohmann::json& child : json) {
    if (const nlohmann::json* found = FindArticle(child, depth + 1)) return found;
  }
  return nullptr;
}

}  // namespace

void PageMetadata::Element(const GumboElement& element, bool side_content) {
  switch (element.tag) {
    case GUMBO_TAG_TITLE:
      if (element.tag_namespace == GUMBO_NAMESPACE_HTML && title_.empty()) {
        title_ = CollapseWhitespace(ChildText(element));
      }
      break;
    case GUMBO_TAG_META:
      Meta(element);
      break;
    case GUMBO_TAG_LINK:
      Link(element);
      break;
    case GUMBO_TAG_SCRIPT:
      if (const char* type = Attribute(element, "type");
          type != nullptr && AsciiLower(type) == "application/ld+json" && !json_ld_seen_) {
        JsonLd(ChildText(element));
      }
      break;
    case GUMBO_TAG_TIME:
      if (const char* datetime = Attribute(element, "datetime");
          datetime != nullptr && !side_content && !time_date_) {
        time_date_ = PartialDate::FromIso(CollapseWhitespace(datetime));
      }
      break;
    default:
      break;
  }
  if (!side_content && byline_.empty()) Byline(element);
}

void PageMetadata::Fill(HtmlText* out) const {
  out->title = !og_title_.empty()           ? og_title_
               : !json_ld_headline_.empty() ? json_ld_headline_
                                            : title_;
  out->url = !canonical_.empty() ? canonical_ : !og_url_.empty() ? og_url_ : json_ld_url_;
  out->publisher = !site_name_.empty() ? site_name_ : json_ld_publisher_;
  out->author = !meta_author_.empty()      ? meta_author_
                : !json_ld_author_.empty() ? json_ld_author_
                                           : byline_;
  for (const std::optional<PartialDate>* date : {&meta_date_, &json_ld_date_, &time_date_}) {
    if (date->has_value()) {
      out->published = **date;
      break;
    }
  }
}

void PageMetadata::Meta(const GumboElement& element) {
  const char* key = Attribute(element, "property");
  if (key == nullptr) key = Attribute(element, "name");
  if (key == nullptr) key = Attribute(element, "itemprop");
  const char* content = Attribute(element, "content");
  if (key == nullptr || content == nullptr) return;
  const std::string name = AsciiLower(key);
  const std::string value = CollapseWhitespace(content);
  if (value.empty()) return;
  if (name == "og:title" && og_title_.empty()) og_title_ = value;
  if (name == "og:url" && og_url_.empty()) og_url_ = value;
  if (name == "og:site_name" && site_name_.empty()) site_name_ = value;
  if ((name == "author" || name == "article:author" || name == "dc.creator") &&
      meta_author_.empty() && !IsUrl(value)) {
    meta_author_ = value;
  }
  if (!meta_date_ &&
      (name == "article:published_time" || name == "datepublished" || name == "pubdate" ||
       name == "publishdate" || name == "date" || name == "dc.date" || name == "dc.date.issued")) {
    meta_date_ = PartialDate::FromIso(value);
  }
}

void PageMetadata::Link(const GumboElement& element) {
  const char* rel = Attribute(element, "rel");
  const char* href = Attribute(element, "href");
  if (rel == nullptr || href == nullptr || !canonical_.empty()) return;
  const std::string rels = " " + CollapseWhitespace(AsciiLower(rel)) + " ";
  if (rels.find(" canonical ") != std::string::npos) canonical_ = CollapseWhitespace(href);
}

// Takes headline, url, publisher, author and datePublished of the first article object
// of a JSON-LD block; ignores blocks that are malformed or nested too deeply.
void PageMetadata::JsonLd(const std::string& text) {
  bool too_deep = false;
  const nlohmann::json::parser_callback_t limit =
      [&too_deep](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > kMaxJsonLdDepth) too_deep = true;
        return !too_deep;
      };
  const nlohmann::json json = nlohmann::json::parse(text, limit, /*allow_exceptions=*/false);
  if (json.is_discarded() || too_deep) return;
  const nlohmann::json* article = FindArticle(json, 0);
  if (article == nullptr) return;
  json_ld_seen_ = true;
  json_ld_headline_ = JsonLdString(*article, "headline");
  json_ld_url_ = JsonLdString(*article, "url");
  if (auto it = article->find("publisher"); it != article->end()) {
    json_ld_publisher_ = JsonLdNames(*it);
  }
  if (auto it = article->find("author"); it != article->end()) json_ld_author_ = JsonLdNames(*it);
  if (auto it = article->find("datePublished"); it != article->end() && it->is_string()) {
    json_ld_date_ = PartialDate::FromIso(it->get_ref<const std::string&>());
  }
}

void PageMetadata::Byline(const GumboElement& element) {
  const char* klass = Attribute(element, "class");
  const char* rel = Attribute(element, "rel");
  const char* itemprop = Attribute(element, "itemprop");
  const bool byline =
      (klass != nullptr && (" " + AsciiLower(klass) + " ").find(" byline ") != std::string::npos) ||
      (rel != nullptr && AsciiLower(rel) == "author") ||
      (itemprop != nullptr && AsciiLower(itemprop) == "author");
  if (!byline) return;
  const std::string text = DescendantText(element, kMaxBylineBytes);
  if (text.size() > kMaxBylineBytes) return;
  byline_ = CleanByline(text);
}

}  // namespace letapis
