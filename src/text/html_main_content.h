// Finding the article within a parsed web page (internal to the text layer).
#pragma once

#include <gumbo.h>

#include <unordered_set>

namespace letapis {

// The main content of a page, decided once before the text is collected:
// - the article container: the <article> with the most text when it has at least twice
//   the text of any other <article>, else the only <main>, else the only element with
//   itemprop="articleBody"; none when the page has no such element, or when the element
//   holds less than a quarter of the page's text (a teaser or a side box). Text outside
//   the container is not article text (site furniture, teaser lists, comment threads).
// - link lists: <ul>, <ol>, <dl>, <div>, <section>, <table> or <p> blocks with three or
//   more links whose link text is at least 70% of their text (menus, "related" and
//   "most read" lists without a telling class name).
class MainContent {
 public:
  // Analyses the tree under `document` (not kept past the constructor).
  explicit MainContent(const GumboNode* document);

  // The article container, or nullptr when the page shows none.
  const GumboNode* container() const { return container_; }
  // True when `element` is a link list.
  bool IsLinkList(const GumboNode* element) const { return link_lists_.contains(element); }

 private:
  const GumboNode* container_ = nullptr;
  std::unordered_set<const GumboNode*> link_lists_;
};

}  // namespace letapis
