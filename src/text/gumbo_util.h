// Small helpers over Gumbo's tree shared by the HTML readers (internal to the text layer).
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

namespace letapis {

// `s` with ASCII letters lower-cased.
inline std::string AsciiLower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The value of attribute `name` of `element`, or nullptr.
inline const char* Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr ? attribute->value : nullptr;
}

// The children of a document or element node, or nullptr for other nodes.
inline const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    return &node->v.element.children;
  }
  return nullptr;
}

}  // namespace letapis
