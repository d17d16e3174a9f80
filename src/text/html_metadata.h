// The metadata of a web page, gathered while its tree is walked (internal to the text layer).
#pragma once

#include <gumbo.h>

#include <optional>
#include <string>

#include "letapis/date.h"
#include "letapis/text.h"

namespace letapis {

// Collects metadata candidates from the elements of a page and resolves them by
// precedence (see Fill). Malformed values (bad JSON-LD, unparsable dates) are ignored.
class PageMetadata {
 public:
  // Looks at one element; `side_content` is true inside navigation, asides, widgets and
  // outside the article container, where <time> elements are not the publication date.
  void Element(const GumboElement& element, bool side_content);

  // Title: og:title, else JSON-LD headline, else <title>. URL: canonical link, else
  // og:url, else JSON-LD url. Publisher: og:site_name, else JSON-LD publisher name.
  // Author: meta author / article:author (unless a URL), else JSON-LD author names, else
  // the text of a byline element (class "byline", rel="author" or itemprop="author")
  // without a leading "By". Published: meta tags, else JSON-LD datePublished, else the
  // first <time datetime> of the content.
  void Fill(HtmlText* out) const;

 private:
  void Meta(const GumboElement& element);
  void Link(const GumboElement& element);
  void JsonLd(const std::string& text);
  void Byline(const GumboElement& element);

  std::string title_, og_title_, canonical_, og_url_, site_name_, meta_author_, byline_;
  std::string json_ld_headline_, json_ld_url_, json_ld_publisher_, json_ld_author_;
  std::optional<PartialDate> meta_date_, json_ld_date_, time_date_;
  bool json_ld_seen_ = false;
};

}  // namespace letapis
