// HtmlToText: the readable text and the metadata of a web page, parsed with Gumbo.
#include <gumbo.h>

#include <cstddef>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "letapis/text.h"
#include "text/gumbo_util.h"
#include "text/html_depth.h"
#include "text/html_main_content.h"
#include "text/html_metadata.h"
#include "text/html_text_sink.h"

namespace letapis {
namespace {

constexpr size_t kMaxNesting = 512;

// Memory of one parse, released at once when the arena goes: Gumbo's own tree
// destructor recurses once per level and could exhaust the stack.
class ParseArena {
 public:
  ParseArena() { head_.previous = head_.next = &head_; }
  ~ParseArena() {
    while (head_.next != &head_) {
      Block* block = head_.next;
      Unlink(block);
      std::free(block);
    }
  }
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;

  // Gumbo's allocator and deallocator; `arena` is the ParseArena.
  static void* Allocate(void* arena, size_t size) {
    auto* block = static_cast<Block*>(std::malloc(sizeof(Block) + size));
    if (block == nullptr) std::abort();  // Gumbo cannot recover from a failed allocation
    static_cast<ParseArena*>(arena)->Link(block);
    return block + 1;
  }
  static void Deallocate(void*, void* memory) {
    if (memory == nullptr) return;
    Block* block = static_cast<Block*>(memory) - 1;
    Unlink(block);
    std::free(block);
  }

 private:
  struct alignas(std::max_align_t) Block {
    Block* previous;
    Block* next;
  };
  void Link(Block* block) {
    block->previous = &head_;
    block->next = head_.next;
    head_.next->previous = block;
    head_.next = block;
  }
  static void Unlink(Block* block) {
    block->previous->next = block->next;
    block->next->previous = block->previous;
  }
  Block head_;
};

// Elements that never carry article text.
bool IsDroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
      return true;
    default:
      return false;
  }
}

// Containers of the article itself, kept whatever their class or id say.
bool IsArticleContainer(GumboTag tag) {
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE ||
         tag == GUMBO_TAG_MAIN;
}

// Line breaks around a block element: 2 for paragraphs, 1 for other blocks, 0 inline.
int BlockBreaks(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HR:
      return 2;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
      return 1;
    default:
      return 0;
  }
}

// Words in a class or id that mark page furniture rather than the article.
bool IsWidgetWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "share",         "sharing",     "social",    "comment",      "comments",  "commenting",
      "cookie",        "cookies",     "consent",   "gdpr",         "related",   "recommended",
      "newsletter",    "newsletters", "subscribe", "subscription", "advert",    "adverts",
      "advertisement", "advertising", "promo",     "promos",       "promotion", "breadcrumb",
      "breadcrumbs",   "menu",        "menus",     "navbar",       "sidebar",   "sidebars",
      "masthead",      "popup"};
  for (std::string_view w : kWords) {
    if (word == w) return true;
  }
  return false;
}

// True when a class or id value holds a widget word, as a whole word: values are split
// at non-letters and at lower-to-upper case changes ("share-bar", "postComments").
bool NamesWidget(const char* value) {
  std::string word;
  auto word_ends = [&word] {
    const bool widget = IsWidgetWord(AsciiLower(word));
    word.clear();
    return widget;
  };
  for (const char* c = value;; ++c) {
    const bool letter = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z');
    const bool upper = *c >= 'A' && *c <= 'Z';
    if (!letter || (upper && !word.empty() && word.back() >= 'a' && word.back() <= 'z')) {
      if (word_ends()) return true;
    }
    if (*c == '\0') return false;
    if (letter) word += *c;
  }
}

// ARIA landmarks of page furniture (the roles of nav, aside, header and footer).
bool IsFurnitureRole(const char* role) {
  const std::string lower = AsciiLower(role);
  return lower == "navigation" || lower == "complementary" || lower == "banner" ||
         lower == "contentinfo" || lower == "search";
}

// Inherited state of the walk.
struct Context {
  bool drop_text = false;     // inside an element whose text is not article text
  bool side_content = false;  // inside navigation, asides, widgets: no publication date here
  bool preformatted = false;  // inside <pre>: white space kept
  bool in_main = false;       // inside the article container (see MainContent)
  // True when text here is article text.
  bool emits() const { return !drop_text && in_main; }
};

// The context inside `element` (a child of the node whose context is `context`).
Context Enter(const GumboNode* node, const MainContent& main, Context context) {
  const GumboElement& element = node->v.element;
  const GumboTag tag = element.tag;
  const bool furniture_tag =
      tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER;
  bool widget = false;
  if (!IsArticleContainer(tag)) {
    const char* klass = Attribute(element, "class");
    const char* id = Attribute(element, "id");
    const char* role = Attribute(element, "role");
    widget = (klass != nullptr && NamesWidget(klass)) || (id != nullptr && NamesWidget(id)) ||
             (role != nullptr && IsFurnitureRole(role));
  }
  const char* aria_hidden = Attribute(element, "aria-hidden");
  const bool hidden = Attribute(element, "hidden") != nullptr ||
                      (aria_hidden != nullptr && AsciiLower(aria_hidden) == "true");
  const bool link_list = main.IsLinkList(node);
  context.in_main |= node == main.container();
  context.drop_text |= IsDroppedTag(tag) || widget || hidden || link_list;
  context.side_content |= furniture_tag || widget || link_list;
  context.preformatted |= tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING;
  return context;
}

// The source of a text node within `html` and its offset (empty when Gumbo points
// elsewhere, as for text it made up).
std::string_view OriginalText(const GumboText& text, std::string_view html, uint32_t* base) {
  const char* data = text.original_text.data;
  const size_t length = text.original_text.length;
  if (data != nullptr && data >= html.data() && length <= html.size() &&
      static_cast<size_t>(data - html.data()) <= html.size() - length) {
    *base = static_cast<uint32_t>(data - html.data());
    return std::string_view(data, length);
  }
  *base = static_cast<uint32_t>(std::min<size_t>(text.start_pos.offset, html.size()));
  return {};
}

// Walks the tree without recursion, feeding text to `sink` and metadata to `metadata`.
// Outside the article container (when there is one) text is dropped and treated as side
// content.
Status Walk(const GumboNode* document, std::string_view html, HtmlTextSink* sink,
            PageMetadata* metadata) {
  const MainContent main(document);
  struct Frame {
    const GumboNode* node;
    Context context;
    unsigned next_child = 0;
    int breaks_after = 0;
  };
  std::vector<Frame> stack;
  stack.push_back(Frame{document, Context{.in_main = main.container() == nullptr}});
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector* children = Children(frame.node);
    if (children == nullptr || frame.next_child >= children->length) {
      if (frame.context.emits() && frame.breaks_after > 0) sink->Break(frame.breaks_after);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
    const Context context = frame.context;
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (context.emits()) {
          uint32_t base = 0;
          const std::string_view original = OriginalText(child->v.text, html, &base);
          sink->AppendTextNode(child->v.text.text, original, base, context.preformatted);
        }
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& element = child->v.element;
        if (stack.size() > kMaxNesting) {
          return Status::Limit(fmt::format("HTML nested deeper than {} elements (at byte {})",
                                           kMaxNesting, element.start_pos.offset));
        }
        metadata->Element(element, context.side_content || !context.in_main);
        const Context inner = Enter(child, main, context);
        const int breaks = BlockBreaks(element.tag);
        if (inner.emits()) {
          if (element.tag == GUMBO_TAG_BR) sink->LineBreak();
          if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) {
            sink->Space(element.start_pos.offset);
          }
          if (breaks > 0) sink->Break(breaks);
        }
        stack.push_back(Frame{child, inner, 0, breaks});
        break;
      }
      default:
        break;
    }
  }
  return Status::Ok();
}

}  // namespace

Status HtmlToText(std::string_view utf8_html, HtmlText* out) {
  *out = HtmlText{};
  if (utf8_html.size() > kMaxInputBytes) {
    return Status::Limit(fmt::format("HTML of {} bytes is over the limit of {} bytes",
                                     utf8_html.size(), kMaxInputBytes));
  }
  if (const size_t at = FindExcessiveNesting(utf8_html, kMaxNesting);
      at != std::string_view::npos) {
    return Status::Limit(
        fmt::format("HTML nested deeper than {} elements (at byte {})", kMaxNesting, at));
  }
  ParseArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &ParseArena::Allocate;
  options.deallocator = &ParseArena::Deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // errors are not reported; recording them costs quadratic memory
  const GumboOutput* parsed =
      gumbo_parse_with_options(&options, utf8_html.data(), utf8_html.size());
  HtmlTextSink sink(&out->text, &out->to_input);
  PageMetadata metadata;
  Status status = Walk(parsed->document, utf8_html, &sink, &metadata);
  if (!status.ok()) {
    *out = HtmlText{};
    return status;
  }
  sink.Finish();
  metadata.Fill(out);
  return Status::Ok();
}

}  // namespace letapis
