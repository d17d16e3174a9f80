// ParseFeed: RSS and Atom items through expat's streaming parser.
#include "fetch/feed.h"

#include <expat.h>

#include <climits>
#include <memory>

#include <fmt/format.h>

#include "mail/mime.h"

namespace letapis {
namespace {

constexpr int kMaxDepth = 64;

// The local part of an element name ("atom:link" -> "link").
std::string_view LocalName(const XML_Char* name) {
  std::string_view n(name);
  const size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

struct FeedParser {
  XML_Parser parser = nullptr;
  std::vector<FeedItem>* items = nullptr;
  int depth = 0;
  int item_depth = -1;   // depth of the open item/entry element, -1 outside one
  bool is_feed = false;  // the root is rss, rdf:RDF or feed
  bool too_deep = false;
  std::string field;  // the item field being read ("" when none)
  std::string text;

  void Start(const XML_Char* name, const XML_Char** attributes) {
    ++depth;
    if (depth > kMaxDepth) {
      too_deep = true;
      XML_StopParser(parser, XML_FALSE);
      return;
    }
    const std::string_view local = LocalName(name);
    if (depth == 1) is_feed = local == "rss" || local == "RDF" || local == "feed";
    if ((local == "item" || local == "entry") && item_depth < 0) {
      if (items->size() >= kMaxFeedItems) return;
      items->emplace_back();
      item_depth = depth;
      return;
    }
    if (item_depth < 0 || depth != item_depth + 1) return;
    field = std::string(local);
    text.clear();
    if (local == "link") {
      std::string_view href, rel;
      for (int i = 0; attributes[i] != nullptr; i += 2) {
        if (std::string_view(attributes[i]) == "href") href = attributes[i + 1];
        if (std::string_view(attributes[i]) == "rel") rel = attributes[i + 1];
      }
      if (!href.empty() && (rel.empty() || rel == "alternate") && items->back().link.empty()) {
        items->back().link = Trim(href);
      }
    }
  }

  void End(const XML_Char*) {
    if (item_depth >= 0 && depth == item_depth + 1 && !field.empty()) {
      FeedItem& item = items->back();
      const std::string value = Trim(text);
      if (field == "title" && item.title.empty()) item.title = value;
      if (field == "link" && item.link.empty()) item.link = value;
      if ((field == "guid" || field == "id") && item.id.empty()) item.id = value;
      if ((field == "pubDate" || field == "date" || field == "published" || field == "updated") &&
          !item.published.known()) {
        const auto iso = PartialDate::FromIso(value);
        item.published = iso ? *iso : ParseMailDate(value);
      }
      field.clear();
    }
    if (depth == item_depth) item_depth = -1;
    --depth;
  }

  void Text(const XML_Char* s, int length) {
    if (!field.empty() && text.size() < 4096) text.append(s, static_cast<size_t>(length));
  }
};

}  // namespace

Status ParseFeed(std::string_view xml, std::vector<FeedItem>* items) {
  items->clear();
  if (xml.size() > INT_MAX) return Status::Limit("feed too large");
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate(nullptr),
                                                                 &XML_ParserFree);
  if (parser == nullptr) return Status::IoError("cannot create an XML parser");
  FeedParser state;
  state.parser = parser.get();
  state.items = items;
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        static_cast<FeedParser*>(data)->Start(name, attributes);
      },
      [](void* data, const XML_Char* name) { static_cast<FeedParser*>(data)->End(name); });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* s, int length) {
    static_cast<FeedParser*>(data)->Text(s, length);
  });
  const XML_Status status =
      XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  const auto line = XML_GetCurrentLineNumber(parser.get());
  if (state.too_deep) {
    items->clear();
    return Status::Limit(fmt::format("line {}: XML nested deeper than {}", line, kMaxDepth));
  }
  if (status != XML_STATUS_OK) {
    items->clear();
    return Status::InvalidInput(fmt::format("line {}: {} (malformed or truncated feed)", line,
                                            XML_ErrorString(XML_GetErrorCode(parser.get()))));
  }
  if (!state.is_feed) {
    items->clear();
    return Status::InvalidInput("not an RSS or Atom feed");
  }
  std::erase_if(*items, [](const FeedItem& item) { return item.link.empty(); });
  return Status::Ok();
}

}  // namespace letapis
