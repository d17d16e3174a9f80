// MainContent: the article container and the link lists of a parsed page.
#include "text/html_main_content.h"

#include <cstring>
#include <unordered_map>
#include <vector>

#include "text/gumbo_util.h"

namespace letapis {
namespace {

// A block is a link list with at least this many links...
constexpr int kLinkListMinLinks = 3;
// ...and at least this share (in percent) of its text inside links.
constexpr size_t kLinkListMinLinkPercent = 70;
// A container holds at least this share (in percent) of the page's text; a smaller one
// is a teaser or a side box, not the article.
constexpr size_t kContainerMinPercent = 25;

// Text sizes of a subtree: non-space bytes of text, of link text, and links.
struct Counts {
  size_t text = 0;
  size_t link_text = 0;
  int links = 0;
};

size_t NonSpaceBytes(const char* text) {
  size_t n = 0;
  for (const char* c = text; *c != '\0'; ++c) {
    n += (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f') ? 0 : 1;
  }
  return n;
}

// Elements whose text never counts (code, styles, templates).
bool IsTextless(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD;
}

bool IsListCandidate(GumboTag tag) {
  return tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL ||
         tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_TABLE ||
         tag == GUMBO_TAG_P;
}

bool HasItemprop(const GumboElement& element, const char* value) {
  const char* itemprop = Attribute(element, "itemprop");
  return itemprop != nullptr && std::strcmp(itemprop, value) == 0;
}

}  // namespace

MainContent::MainContent(const GumboNode* document) {
  std::unordered_map<const GumboNode*, Counts> counts;
  std::vector<const GumboNode*> articles, mains, bodies;
  // Post-order without recursion: a node is visited again once its children are done.
  struct Frame {
    const GumboNode* node;
    bool expanded;
  };
  std::vector<Frame> stack{{document, false}};
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    const GumboVector* children = Children(frame.node);
    if (children == nullptr) continue;
    const bool element = frame.node->type == GUMBO_NODE_ELEMENT;
    const GumboTag tag = element ? frame.node->v.element.tag : GUMBO_TAG_UNKNOWN;
    if (element && IsTextless(tag)) continue;
    if (!frame.expanded) {
      stack.push_back({frame.node, true});
      for (unsigned k = children->length; k-- > 0;) {
        stack.push_back({static_cast<const GumboNode*>(children->data[k]), false});
      }
      continue;
    }
    Counts total;
    for (unsigned k = 0; k < children->length; ++k) {
      const auto* child = static_cast<const GumboNode*>(children->data[k]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        total.text += NonSpaceBytes(child->v.text.text);
      } else if (auto it = counts.find(child); it != counts.end()) {
        total.text += it->second.text;
        total.link_text += it->second.link_text;
        total.links += it->second.links;
      }
    }
    if (element && tag == GUMBO_TAG_A) {
      total.link_text = total.text;
      total.links += 1;
    }
    counts[frame.node] = total;
    if (!element) continue;
    if (tag == GUMBO_TAG_ARTICLE) articles.push_back(frame.node);
    if (tag == GUMBO_TAG_MAIN) mains.push_back(frame.node);
    if (HasItemprop(frame.node->v.element, "articleBody")) bodies.push_back(frame.node);
    if (IsListCandidate(tag) && total.links >= kLinkListMinLinks &&
        total.link_text * 100 >= total.text * kLinkListMinLinkPercent) {
      link_lists_.insert(frame.node);
    }
  }
  size_t best = 0, second = 0;
  for (const GumboNode* article : articles) {
    const size_t text = counts[article].text;
    if (text > best) {
      second = best;
      best = text;
      container_ = article;
    } else if (text > second) {
      second = text;
    }
  }
  if (best == 0 || best < 2 * second) container_ = nullptr;
  if (container_ == nullptr && mains.size() == 1) container_ = mains.front();
  if (container_ == nullptr && bodies.size() == 1) container_ = bodies.front();
  if (container_ != nullptr &&
      counts[container_].text * 100 < counts[document].text * kContainerMinPercent) {
    container_ = nullptr;
  }
  if (container_ != nullptr) link_lists_.erase(container_);
}

}  // namespace letapis
